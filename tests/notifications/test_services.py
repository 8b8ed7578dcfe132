import pytest
from django.core import mail

from portal.audience import Audience
from portal.notifications.models import EmailOutbox, Notification, NotificationPreference
from portal.notifications.services import notification_create, preference_update
from portal.notifications.verbs import Verb
from tests.accounts.factories import MembershipFactory
from tests.factories import UserFactory
from tests.forums.factories import ForumFactory
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
    created = _notify([reader, reader, actor, inactive, None], actor)
    assert [n.recipient for n in created] == [reader]
    assert Notification.objects.get().recipient == reader


def test_visible_to_leaves_out_people_who_may_not_see_the_target(actor, reader):
    outsider = UserFactory(username="outsider")
    _notify([reader, outsider], actor, visible_to=lambda user: user.pk == reader.pk)
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == ["omar"]
    assert list(EmailOutbox.objects.values_list("to_address", flat=True)) == [reader.email]


def test_the_audience_policy_decides_when_no_visible_to_is_given(actor, reader):
    partner = MembershipFactory().user
    forum = ForumFactory(visibility=Audience.PARTNERS)
    _notify([reader, partner], actor, target=forum)
    notification = Notification.objects.get()
    assert notification.recipient == partner
    assert notification.target == forum


def test_visible_to_wins_over_the_audience_policy(actor, reader, organisation):
    _notify([reader], actor, target=organisation, visible_to=lambda user: False)
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


def test_email_is_sent_once_the_transaction_commits(actor, reader, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _notify([reader], actor)
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [reader.email]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert EmailOutbox.objects.get().status == EmailOutbox.Status.SENT


def test_summary_is_flattened_and_shortened(actor, reader):
    (created,) = notification_create(
        recipients=[reader], verb=Verb.COMMENT_REPLY, summary="a\n\nb " + "x" * 500, url="/en/", actor=actor
    )
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
