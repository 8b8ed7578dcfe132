from django.core.management.base import BaseCommand

from portal.notifications.outbox import outbox_send_pending


class Command(BaseCommand):
    help = "Send pending notification emails, retrying failed ones whose next attempt is due."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Send at most this many emails.")

    def handle(self, *args, limit=None, verbosity=1, **options):
        def progress(entry, position, total):
            if verbosity >= 1:
                self.stdout.write(
                    f"[{position}/{total}] {entry.get_status_display()}: #{entry.pk} "
                    f"(attempt {entry.attempts}){' ' + entry.last_error if entry.last_error else ''}"
                )

        result = outbox_send_pending(limit=limit, progress=progress)
        summary = f"Sent {result.sent}, to retry later {result.retrying}, given up {result.failed}."
        if result.relay_unreachable:
            summary += " The mail relay is unreachable: the other emails wait for the next pass."
        style = self.style.WARNING if result.retrying or result.failed else self.style.SUCCESS
        self.stdout.write(style(summary))
