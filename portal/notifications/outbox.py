"""The outbox every email of the portal goes through: notifications, digests,
account emails (allauth) and membership emails.

A request only writes rows here (``outbox_entries``) and enqueues the send task;
the worker sends them with ``outbox_send_pending``. A failed attempt is retried
later with a doubling delay, so a mail relay outage delays email and never loses
it. A relay that cannot be reached (refused, timed out after ``EMAIL_TIMEOUT``,
hung up) ends the pass at once: one pass costs at most one timeout, and the rest
wait, still due, for the next.
"""

import smtplib
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from portal.breaker import Breaker, breaker_for
from portal.notifications import app_settings
from portal.notifications.models import EmailOutbox

SUBJECT_LENGTH = 300


def outbox_entries(message: EmailMessage, *, recipient=None) -> list[EmailOutbox]:
    """Unsaved outbox rows for a rendered message, one per address it goes to (so
    that nobody sees who else received it). Every email leaves from
    ``DEFAULT_FROM_EMAIL``."""
    html = next(
        (content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), ""
    )
    text = message.body
    if message.content_subtype == "html":
        text, html = "", message.body
    subject = " ".join(str(message.subject).split())[:SUBJECT_LENGTH]
    now = timezone.now()
    return [
        EmailOutbox(
            recipient=recipient,
            to_address=address,
            subject=subject,
            body_text=text,
            body_html=html,
            headers=dict(message.extra_headers),
            next_attempt_at=now,
        )
        for address in dict.fromkeys([*message.to, *message.cc, *message.bcc])
        if address
    ]


@dataclass
class SendResult:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    # The pass ended early because the relay could not be reached.
    relay_unreachable: bool = False


def relay_breaker() -> Breaker:
    """This process's view of the configured mail relay."""
    return breaker_for("Mail relay", f"{settings.EMAIL_HOST or 'localhost'}:{settings.EMAIL_PORT}")


def _retry_delay(attempts: int) -> timedelta:
    seconds = app_settings.retry_base_seconds() * (2 ** max(0, attempts - 1))
    return timedelta(seconds=min(seconds, app_settings.retry_max_seconds()))


def _relay_unreachable(error: Exception) -> bool:
    """Whether ``error`` says the relay itself is unusable (as opposed to this one
    message being refused, which says nothing about the next)."""
    if isinstance(error, smtplib.SMTPConnectError | smtplib.SMTPServerDisconnected):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused | smtplib.SMTPResponseException):
        return False
    return isinstance(error, OSError)


def message_id(entry: EmailOutbox) -> str:
    """The same for every attempt at this email. Delivery is at least once (a worker
    that dies after the relay took a message leaves its row pending, and it is sent
    again): the copy then carries the first one's Message-ID, which mail programs use
    to recognise it."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or DNS_NAME
    return f"<outbox.{entry.pk}.{entry.created_at:%Y%m%d%H%M%S}@{domain}>"


def _send(entry: EmailOutbox, connection) -> None:
    message = EmailMultiAlternatives(
        subject=entry.subject,
        body=entry.body_text or entry.body_html,
        to=[entry.to_address],
        headers={"Message-ID": message_id(entry), **(entry.headers or {})},
        connection=connection,
    )
    if not entry.body_text:
        message.content_subtype = "html"
    elif entry.body_html:
        message.attach_alternative(entry.body_html, "text/html")
    message.send()


def _attempt(pk: int, connection, result: SendResult, relay: Breaker) -> EmailOutbox | None:
    with transaction.atomic():
        # Two senders running at once (the worker and the command) never send twice.
        entry = (
            EmailOutbox.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, status=EmailOutbox.Status.PENDING)
            .first()
        )
        if entry is None:
            return None
        entry.attempts += 1
        now = timezone.now()
        try:
            _send(entry, connection)
        except Exception as error:  # any backend failure must leave the email queued
            entry.last_error = f"{type(error).__name__}: {error}"[:2000]
            if _relay_unreachable(error):
                result.relay_unreachable = True
                relay.failed(error)
            if entry.attempts >= app_settings.max_attempts():
                entry.status = EmailOutbox.Status.FAILED
                result.failed += 1
            else:
                entry.next_attempt_at = now + _retry_delay(entry.attempts)
                result.retrying += 1
        else:
            relay.succeeded()
            entry.status = EmailOutbox.Status.SENT
            entry.sent_at = now
            entry.last_error = ""
            result.sent += 1
        entry.save(update_fields=["attempts", "status", "sent_at", "next_attempt_at", "last_error"])
    return entry


def outbox_send_pending(*, ids=None, limit=None, progress=None) -> SendResult:
    """Send due pending emails (or only ``ids``); a failure schedules a retry with a
    doubling delay, and after the last attempt the email is marked failed. The pass
    stops at the first sign that the relay is unreachable.

    ``progress(entry, position, total)`` is called after each email, for commands
    that report as they go.
    """
    result = SendResult()
    due = EmailOutbox.objects.filter(status=EmailOutbox.Status.PENDING, next_attempt_at__lte=timezone.now())
    if ids is not None:
        due = due.filter(pk__in=list(ids))
    candidate_ids = list(due.order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit])
    connection = get_connection()
    relay = relay_breaker()
    for position, pk in enumerate(candidate_ids, start=1):
        entry = _attempt(pk, connection, result, relay)
        if entry is not None and progress is not None:
            progress(entry, position, len(candidate_ids))
        if result.relay_unreachable:
            break
    return result


def outbox_next_due():
    """When the earliest pending email is due (None with nothing pending)."""
    return EmailOutbox.objects.filter(status=EmailOutbox.Status.PENDING).aggregate(
        due=Min("next_attempt_at")
    )["due"]
