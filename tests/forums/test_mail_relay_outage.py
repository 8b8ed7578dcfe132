"""A mail relay that accepts connections and never answers stops nothing: a reply
is answered at once, the worker pays one timeout and keeps the emails, and once a
working relay is in place the worker delivers each of them exactly once.

Both relays are real SMTP endpoints on 127.0.0.1 (``tests.servers``)."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.notifications.models import EmailOutbox, Notification
from portal.notifications.services import watch_start
from tests.accounts.factories import VerifiedUserFactory
from tests.servers import silent_server, smtp_server, use_smtp_relay

pytestmark = pytest.mark.django_db

EMAIL_TIMEOUT = 1.0


def _timed(function, *args, **kwargs):
    started = time.monotonic()
    result = function(*args, **kwargs)
    return result, time.monotonic() - started


def test_reply_answers_at_once_and_the_worker_delivers_once_the_relay_works(
    public_topic, registered, client_for, settings, task_worker, caplog
):
    watchers = [VerifiedUserFactory() for _ in range(3)]
    for watcher in watchers:
        watch_start(user=watcher, target=public_topic)
    url = reverse("forums:post_create", args=[public_topic.pk])

    with silent_server() as hung_port:
        use_smtp_relay(settings, hung_port, timeout=EMAIL_TIMEOUT)
        response, elapsed = _timed(client_for(registered).post, url, {"body": "Cold chain update"})
        assert response.status_code == 302
        assert elapsed < 2.0
        # The request wrote the post and one task; nobody has been notified yet.
        assert not Notification.objects.exists()
        assert DBTaskResult.objects.count() == 1

        _none, elapsed = _timed(task_worker)
        # One timeout for the whole pass, not one per email.
        assert elapsed < EMAIL_TIMEOUT * 2 + 1
    assert Notification.objects.filter(verb="post_created").count() == 3
    assert sorted(EmailOutbox.objects.values_list("attempts", flat=True)) == [0, 0, 1]
    assert EmailOutbox.objects.filter(status=EmailOutbox.Status.PENDING).count() == 3
    (warning,) = [r for r in caplog.records if r.name == "portal.breaker"]
    assert warning.levelname == "WARNING"
    assert warning.getMessage().startswith(f"Mail relay 127.0.0.1:{hung_port} is unreachable (")
    assert "timed out" in warning.getMessage()
    # The worker scheduled its own next pass, for when the relay's cool-down is over.
    (retry,) = DBTaskResult.objects.filter(status="READY")
    assert retry.run_after > timezone.now() + timedelta(seconds=20)

    with smtp_server() as (port, mailbox):
        use_smtp_relay(settings, port, timeout=EMAIL_TIMEOUT)
        # Time passes: the retry is due and the cool-down over.
        EmailOutbox.objects.update(next_attempt_at=timezone.now())
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        task_worker()
        # Nothing is sent twice, whoever passes next.
        task_worker()
        call_command("notifications_send", verbosity=0)
    assert sorted(message["to"][0] for message in mailbox.messages) == sorted(w.email for w in watchers)
    assert EmailOutbox.objects.filter(status=EmailOutbox.Status.SENT).count() == 3
