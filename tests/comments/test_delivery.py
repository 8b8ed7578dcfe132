"""A mail server outage never loses or blocks a comment; its emails follow later."""

import pytest
from django.core import mail
from django.core.management import call_command

from portal.comments.models import Comment
from portal.notifications.models import EmailOutbox
from portal.notifications.services import watch_start
from tests.notifications.backends import FlakyEmailBackend

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "tests.notifications.backends.FlakyEmailBackend"
    FlakyEmailBackend.failures_left = 1
    yield
    FlakyEmailBackend.failures_left = 0


def test_comment_is_saved_when_email_fails_and_the_email_is_retried(
    client, brief, brief_url, commenter, other, mail_server_down, django_capture_on_commit_callbacks
):
    watch_start(user=other, target=brief)
    client.force_login(commenter)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/comments/page/{brief.pk}/", {"body": "Sent during an outage"})
    assert response.status_code == 302
    assert Comment.objects.get().body_source == "Sent during an outage"
    entry = EmailOutbox.objects.get()
    assert entry.status == EmailOutbox.Status.PENDING
    assert "SMTPServerDisconnected" in entry.last_error
    assert mail.outbox == []

    EmailOutbox.objects.update(next_attempt_at=entry.created_at)
    call_command("notifications_send")
    entry.refresh_from_db()
    assert entry.status == EmailOutbox.Status.SENT
    assert [m.to for m in mail.outbox] == [[other.email]]
    assert "Health access for migrants" in mail.outbox[0].body
