"""A mail server outage delays email and never loses it, nor the content."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.utils import timezone

from portal.notifications.models import EmailOutbox, Notification
from portal.notifications.outbox import outbox_send_pending
from portal.notifications.services import email_send, notification_create
from portal.notifications.verbs import Verb
from tests.servers import silent_server, use_smtp_relay

pytestmark = pytest.mark.django_db


def _make_due():
    EmailOutbox.objects.update(next_attempt_at=timezone.now() - timedelta(seconds=1))


def test_failed_send_is_kept_and_retried_with_growing_delay(
    actor, reader, flaky_mail, django_capture_on_commit_callbacks, capsys
):
    with django_capture_on_commit_callbacks(execute=True):
        notification_create(
            recipients=[reader], verb=Verb.POST_CREATED, summary="Outage", url="/en/", actor=actor
        )
    assert Notification.objects.filter(recipient=reader).exists()
    entry = EmailOutbox.objects.get()
    assert entry.status == EmailOutbox.Status.PENDING
    assert entry.attempts == 1
    assert "SMTPServerDisconnected" in entry.last_error
    first_delay = entry.next_attempt_at - timezone.now()
    assert timedelta(seconds=50) < first_delay <= timedelta(seconds=60)

    # Not yet due: the command leaves it alone.
    call_command("notifications_send")
    assert EmailOutbox.objects.get().attempts == 1

    _make_due()
    call_command("notifications_send")
    entry.refresh_from_db()
    assert entry.attempts == 2 and entry.status == EmailOutbox.Status.PENDING
    assert entry.next_attempt_at - timezone.now() > timedelta(seconds=110)
    assert mail.outbox == []

    _make_due()
    call_command("notifications_send")
    entry.refresh_from_db()
    assert entry.status == EmailOutbox.Status.SENT
    assert entry.last_error == ""
    assert [m.to for m in mail.outbox] == [[reader.email]]
    assert "[1/1] Sent" in capsys.readouterr().out


def test_email_is_marked_failed_after_the_last_attempt(actor, reader, flaky_mail, settings):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 2
    flaky_mail.failures_left = 5
    notification_create(recipients=[reader], verb=Verb.POST_CREATED, summary="s", url="/en/", actor=actor)
    assert EmailOutbox.objects.get().attempts == 1
    _make_due()
    assert outbox_send_pending().failed == 1
    assert EmailOutbox.objects.get().status == EmailOutbox.Status.FAILED
    _make_due()
    assert outbox_send_pending().sent == 0


def test_an_email_sent_again_carries_its_first_message_id(reader, task_worker):
    for number in range(2):
        email_send(message=EmailMessage(f"Subject {number}", "Body", to=[reader.email]))
    outbox_send_pending()
    # As a worker that died after the relay took the first leaves it: pending again.
    first = EmailOutbox.objects.order_by("pk").first()
    EmailOutbox.objects.filter(pk=first.pk).update(status=EmailOutbox.Status.PENDING)
    outbox_send_pending()

    ids = [message.extra_headers["Message-ID"] for message in mail.outbox]
    assert [message.subject for message in mail.outbox] == ["Subject 0", "Subject 1", "Subject 0"]
    assert ids[0] == ids[2] != ids[1]
    assert ids[0] == f"<outbox.{first.pk}.{first.created_at:%Y%m%d%H%M%S}@localhost>"


def test_limit_sends_only_that_many(reader, task_worker):
    for number in range(3):
        email_send(message=EmailMessage(f"Subject {number}", "Body", to=[reader.email]))
    assert mail.outbox == []
    call_command("notifications_send", limit=2)
    assert len(mail.outbox) == 2
    assert EmailOutbox.objects.filter(status=EmailOutbox.Status.PENDING).count() == 1


def test_a_pass_stops_at_the_first_sign_of_an_unreachable_relay(reader, flaky_mail, task_worker, capsys):
    flaky_mail.failures_left = 1
    for number in range(3):
        email_send(message=EmailMessage(f"Subject {number}", "Body", to=[reader.email]))
    call_command("notifications_send")
    assert sorted(EmailOutbox.objects.values_list("attempts", flat=True)) == [0, 0, 1]
    assert "The mail relay is unreachable" in capsys.readouterr().out
    call_command("notifications_send")
    assert len(mail.outbox) == 2


def test_notifications_send_returns_in_bounded_time_against_a_hung_relay(reader, settings, task_worker):
    for number in range(3):
        email_send(message=EmailMessage(f"Subject {number}", "Body", to=[reader.email]))
    with silent_server() as port:
        use_smtp_relay(settings, port, timeout=1.0)
        started = time.monotonic()
        call_command("notifications_send", verbosity=0)
        assert time.monotonic() - started < 3.0
    assert sorted(EmailOutbox.objects.values_list("attempts", flat=True)) == [0, 0, 1]
    assert EmailOutbox.objects.filter(status=EmailOutbox.Status.PENDING).count() == 3
