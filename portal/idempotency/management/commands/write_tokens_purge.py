from datetime import timedelta

from django.core.management.base import BaseCommand

from portal.idempotency.services import KEEP, write_tokens_purge


class Command(BaseCommand):
    help = "Forget the form submissions kept to answer retries, once they are old."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours", type=int, default=int(KEEP.total_seconds() // 3600), help="Keep the last HOURS hours."
        )

    def handle(self, *args, hours, **options):
        deleted = write_tokens_purge(older_than=timedelta(hours=hours))
        self.stdout.write(f"Forgot {deleted} form submission(s).")
