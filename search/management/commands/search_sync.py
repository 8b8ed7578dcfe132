"""Push the search rows the engine has not confirmed yet: once, or as a worker."""

import time

from django.core.management.base import BaseCommand, CommandError

from search.backends import ENGINE, backend_name
from search.backends.base import SearchBackendUnavailable
from search.sync import engine_sync_pending


class Command(BaseCommand):
    help = "Push pending search documents to the search engine (one pass, or --loop as a worker)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500, help="Rows per bulk request.")
        parser.add_argument("--loop", action="store_true", help="Keep syncing until stopped.")
        parser.add_argument("--interval", type=float, default=5.0, help="Seconds between passes with --loop.")

    def handle(self, *args, batch_size, loop, interval, **options):
        if backend_name() != ENGINE:
            raise CommandError("PORTAL_SEARCH_BACKEND is not 'engine': there is no engine to sync.")
        while True:
            try:
                report = engine_sync_pending(batch_size=max(batch_size, 1), stdout=self.stdout)
                self.stdout.write(self.style.SUCCESS(f"Search engine in sync: {report}."))
            except SearchBackendUnavailable as error:
                if not loop:
                    raise CommandError(f"Search engine unreachable, rows stay pending: {error}") from error
                self.stderr.write(f"Search engine unreachable, retrying in {interval:g} s: {error}")
            if not loop:
                return
            time.sleep(max(interval, 0.1))
