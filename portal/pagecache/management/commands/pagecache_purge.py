"""Forget stored anonymous pages: some addresses (in every language), or all."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from portal.pagecache import store


class Command(BaseCommand):
    help = (
        "Forget the stored anonymous pages at the given addresses (each in every language, "
        "whatever its query string), or every stored page with --all."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", help="Addresses such as /en/forums/ (host and query ignored)."
        )
        parser.add_argument("--all", dest="everything", action="store_true", help="Forget every stored page.")

    def handle(self, *args, paths, everything, **options):
        if everything == bool(paths):
            raise CommandError("Give one or more addresses, or --all.")
        if everything:
            store.purge_everything()
            self.stdout.write(self.style.SUCCESS("Every stored page is forgotten."))
            return
        purge_urls_from_cache(paths)
        self.stdout.write(self.style.SUCCESS(f"Forgotten in every language: {', '.join(paths)}."))
