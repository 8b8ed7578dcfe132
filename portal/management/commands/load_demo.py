"""Load the demonstration content: partners, themes, pages in three languages,
and whatever each app adds. Safe to run again: nothing is duplicated."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app appends its own module; each exposes ``load(stdout)``.
DEMO_MODULES = [
    "portal.demo",
    "portal.thesaurus.demo",
    "knowledge.demo",
    "portal.comments.demo",
    "forums.demo",
    "portal.moderation.demo",
    "portal.accounts.demo",
]


class Command(BaseCommand):
    help = "Load demonstration content (idempotent)."

    def handle(self, *args, **options):
        for name in DEMO_MODULES:
            self.stdout.write(self.style.MIGRATE_HEADING(f"Loading {name}"))
            with transaction.atomic():
                import_module(name).load(self.stdout)
        self.stdout.write(self.style.MIGRATE_HEADING("Summary"))
        for name in DEMO_MODULES:
            summary = getattr(import_module(name), "summary", None)
            if summary is not None:
                for label, count in summary():
                    self.stdout.write(f"  {label}: {count}")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
