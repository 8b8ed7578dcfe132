from django.core.management.base import BaseCommand

from portal.notifications.emails import digest_queue
from portal.notifications.outbox import outbox_send_pending


class Command(BaseCommand):
    help = "Queue the daily digest for everyone who chose it, then send pending emails."

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue-only", action="store_true", help="Queue digests and leave sending to notifications_send."
        )

    def handle(self, *args, queue_only=False, **options):
        queued = digest_queue()
        self.stdout.write(f"Queued {queued} digest email(s).")
        if queue_only:
            return
        result = outbox_send_pending()
        self.stdout.write(
            self.style.SUCCESS(
                f"Sent {result.sent}, to retry later {result.retrying}, given up {result.failed}."
            )
        )
