"""What the search engine holds compared with the search rows."""

from django.core.management.base import BaseCommand

from search.backends import ENGINE, backend_name
from search.models import SearchDocument
from search.sync import engine_backend


class Command(BaseCommand):
    help = "Show the search backend, the engine's version, alias, document count and pending rows."

    def handle(self, *args, **options):
        live = SearchDocument.objects.live().count()
        name = backend_name()
        self.stdout.write(f"Backend: {name}")
        self.stdout.write(f"Search rows: {live} live")
        if name != ENGINE:
            return
        backend = engine_backend()
        config = backend.config
        self.stdout.write(f"Engine: {config.flavour} at {', '.join(config.urls)}")
        pending = SearchDocument.objects.pending_engine()
        self.stdout.write(
            f"Pending: {pending.count()} rows ({pending.filter(deleted=True).count()} deletions)"
        )
        try:
            with backend.unavailable_on_error():
                status = backend.index.status()
        except Exception as error:
            self.stdout.write(self.style.ERROR(f"Engine unreachable: {error}"))
            return
        self.stdout.write(f"Engine reachable: {status['version']}, cluster {status['cluster']}")
        if not status["indices"]:
            self.stdout.write(self.style.WARNING(f"Alias {config.alias}: missing (run search_rebuild)"))
            return
        self.stdout.write(f"Alias {config.alias} -> {', '.join(status['indices'])}")
        style = self.style.SUCCESS if status["documents"] == live else self.style.WARNING
        self.stdout.write(style(f"Documents in the engine: {status['documents']} (search rows: {live})"))
