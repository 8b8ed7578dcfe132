"""Re-project every searchable object into search rows, then let the configured
backend rebuild its index from them (the engine backend does its own
zero-downtime switch there)."""

import time

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from search.backends import get_backend
from search.indexing import document_remove, forget_recorded_terms, index_instance
from search.models import SearchDocument, SearchTerm
from search.projections import registered_labels


def _querysets():
    for label in registered_labels():
        model = apps.get_model(label)
        queryset = model.objects.all()
        if issubclass(model, Page):
            queryset = queryset.live()
        yield model, queryset.order_by("pk")


class Command(BaseCommand):
    help = "Rebuild the search documents from the content, then the backend's index."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=200, help="Objects written per transaction.")
        parser.add_argument(
            "--rows-only",
            action="store_true",
            help="Re-project the rows but leave the backend's index alone.",
        )

    def handle(self, *args, batch_size, rows_only, **options):
        started = time.monotonic()
        SearchTerm.objects.all().delete()
        forget_recorded_terms()
        seen = set()
        for model, queryset in _querysets():
            total = queryset.count()
            self.stdout.write(f"{model._meta.label}: {total} objects")
            done = 0
            for start in range(0, total, batch_size):
                with transaction.atomic():
                    for instance in queryset[start : start + batch_size]:
                        document = index_instance(instance)
                        if document is not None:
                            seen.add(document.key)
                done = min(start + batch_size, total)
                self.stdout.write(f"  {done}/{total}")
        stale = SearchDocument.objects.live().exclude(key__in=seen).values_list("key", flat=True)
        removed = sum(document_remove(key) for key in list(stale))
        self.stdout.write(f"{len(seen)} documents written, {removed} stale documents removed.")
        if not rows_only:
            backend = get_backend()
            indexed = backend.rebuild(
                SearchDocument.objects.live().iterator(chunk_size=500), stdout=self.stdout
            )
            self.stdout.write(f"Backend '{backend.name}' indexed {indexed} documents.")
        self.stdout.write(self.style.SUCCESS(f"Search rebuilt in {time.monotonic() - started:.1f} s."))
