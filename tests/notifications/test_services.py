import pytest
from django.core import mail

from portal.audience import Audience
from portal.notifications.models import EmailOutbox, Notification, NotificationPreference
from portal.notifications.services import notification_create, preference_update
from portal.notifications.verbs import Verb
from tests.accounts.factories import MembershipFactory
from tests.factories import UserFactory
from tests.forums.factories import ForumFactory, TopicFactory
from tests.notifications.factories import NotificationPreferenceFactory

pytestmark = pytest.mark.django_db


def _notify(recipients, actor, **extra):
    return notification_create(
        recipients=recipients,
        verb=Verb.POST_CREATED,
        summary="Cash assistance and school enrolment",
        url="/en/forums/health/1/",
        actor=actor,
        **extra,
    )


def test_actor_inactive_people_and_duplicates_are_skipped(actor, reader):
    inactive = UserFactory(is_active=False)
    _notify([reader, reader, actor, inactive, None], actor)
    assert Notification.objects.get().recipient == reader


def test_the_audience_policy_leaves_out_people_who_may_not_see_the_target(actor, reader):
    partner = MembershipFactory().user
    forum = ForumFactory(visibility=Audience.PARTNERS)
    _notify([reader, partner], actor, target=forum)
    notification = Notification.objects.get()
    assert notification.recipient == partner
    assert notification.target == forum
    assert list(EmailOutbox.objects.values_list("to_address", flat=True)) == [partner.email]


def test_the_targets_author_hears_about_it_even_when_they_may_not_see_it(actor, reader):
    topic = TopicFactory(forum=ForumFactory(visibility=Audience.PARTNERS), author=reader)
    outsider = UserFactory(username="outsider")
    _notify([reader, outsider], actor, target=topic)
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["omar"]


def test_a_target_deleted_before_the_worker_runs_notifies_nobody(actor, reader, task_worker):
    target = UserFactory(username="gone")
    _notify([reader], actor, target=target)
    target.delete()
    task_worker()
    assert not Notification.objects.exists()


def test_emails_follow_each_recipients_preferences(actor):
    immediate = UserFactory(username="immediate")
    daily = NotificationPreferenceFactory(email_mode=NotificationPreference.EmailMode.DAILY).user
    off = NotificationPreferenceFactory(email_mode=NotificationPreference.EmailMode.OFF).user
    no_watched = NotificationPreferenceFactory(email_watched=False).user
    no_address = UserFactory(username="noaddress", email="")
    _notify([immediate, daily, off, no_watched, no_address], actor)
    assert Notification.objects.count() == 5
    assert list(EmailOutbox.objects.values_list("to_address", flat=True)) == [immediate.email]
    assert Notification.objects.get(recipient=immediate).emailed_at is not None
    assert Notification.objects.get(recipient=daily).emailed_at is None


def test_email_is_written_in_the_recipients_language(actor, reader):
    preference_update(user=reader, language="ar")
    _notify([reader], actor)
    entry = EmailOutbox.objects.get()
    assert '<html lang="ar" dir="rtl">' in entry.body_html
    assert "http://testserver/ar/notifications/preferences/" in entry.body_text
    assert "Cash assistance and school enrolment" in entry.body_text
    assert entry.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert entry.headers["List-Unsubscribe"].startswith("<http://testserver/ar/notifications/unsubscribe/")


def test_email_defaults_to_english(actor, reader):
    _notify([reader], actor)
    entry = EmailOutbox.objects.get()
    assert '<html lang="en" dir="ltr">' in entry.body_html
    assert entry.subject.startswith("Amal Haddad posted in a topic you watch")


def test_the_request_only_enqueues_and_the_worker_notifies_and_sends(actor, reader, task_worker):
    _notify([reader], actor)
    assert not Notification.objects.exists() and not EmailOutbox.objects.exists()
    task_worker()
    assert Notification.objects.get().recipient == reader
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reader.email]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert EmailOutbox.objects.get().status == EmailOutbox.Status.SENT


def test_summary_is_flattened_and_shortened(actor, reader):
    notification_create(
        recipients=[reader], verb=Verb.COMMENT_REPLY, summary="a\n\nb " + "x" * 500, url="/en/", actor=actor
    )
    created = Notification.objects.get()
    assert created.summary.startswith("a b x")
    assert len(created.summary) == 300


def test_unknown_preference_is_refused(reader):
    with pytest.raises(ValueError):
        preference_update(user=reader, is_superuser=True)


def test_links_follow_the_recipients_language(actor, reader, client):
    preference_update(user=reader, language="ar")
    notification_create(
        recipients=[reader], verb=Verb.POST_CREATED, summary="s", url="/en/notifications/", actor=actor
    )
    assert "http://testserver/ar/notifications/\n" in EmailOutbox.objects.get().body_text
    client.force_login(reader)
    assert 'href="/fr/notifications/"' in client.get("/fr/notifications/").content.decode()


def test_page_addresses_keep_their_own_slug(actor, reader, home_page):
    preference_update(user=reader, language="fr")
    notification_create(recipients=[reader], verb=Verb.POST_CREATED, summary="s", url="/en/", actor=actor)
    assert "http://testserver/en/\n" in EmailOutbox.objects.get().body_text
