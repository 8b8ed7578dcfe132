from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from portal.notifications.models import EmailOutbox, Notification, NotificationPreference
from portal.notifications.verbs import Verb
from tests.notifications.factories import NotificationFactory, NotificationPreferenceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def daily(reader):
    NotificationPreferenceFactory(user=reader, email_mode=NotificationPreference.EmailMode.DAILY)
    return reader


def test_digest_gathers_unread_notifications_into_one_email(daily, actor):
    NotificationFactory(recipient=daily, actor=actor, summary="First topic")
    NotificationFactory(recipient=daily, actor=actor, verb=Verb.COMMENT_REPLY, summary="A reply")
    NotificationFactory(recipient=daily, actor=actor, summary="Already read", read_at=timezone.now())
    old = NotificationFactory(recipient=daily, actor=actor, summary="Too old")
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=30))

    call_command("notifications_digest")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [daily.email]
    assert "2 new notifications" in message.subject
    assert "First topic" in message.body and "A reply" in message.body
    assert "Already read" not in message.body and "Too old" not in message.body
    assert "/en/notifications/unsubscribe/" in message.extra_headers["List-Unsubscribe"]


def test_digest_never_repeats_itself(daily, actor):
    NotificationFactory(recipient=daily, actor=actor)
    call_command("notifications_digest")
    call_command("notifications_digest")
    assert len(mail.outbox) == 1
    NotificationFactory(recipient=daily, actor=actor, summary="Later news")
    call_command("notifications_digest")
    assert len(mail.outbox) == 2
    assert "Later news" in mail.outbox[1].body


def test_digest_skips_immediate_and_switched_off_kinds(daily, actor, user):
    NotificationFactory(recipient=user, actor=actor)
    NotificationPreference.objects.filter(user=daily).update(email_replies=False)
    NotificationFactory(recipient=daily, actor=actor, verb=Verb.COMMENT_REPLY)
    call_command("notifications_digest", queue_only=True)
    assert not EmailOutbox.objects.exists()


def test_digest_is_in_the_recipients_language(daily, actor):
    NotificationPreference.objects.filter(user=daily).update(language="ar")
    NotificationFactory(recipient=daily, actor=actor)
    call_command("notifications_digest")
    html = mail.outbox[0].alternatives[0][0]
    assert '<html lang="ar" dir="rtl">' in html
    assert "/ar/notifications/" in mail.outbox[0].body
