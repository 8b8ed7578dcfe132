"""Who hears about new posts: watchers, the person replied to or quoted, people
mentioned; never someone who may not read the forum."""

import pytest
from django.core import mail
from django.urls import reverse

from forums import services
from portal.notifications.models import Notification
from portal.notifications.services import watch_start
from tests.accounts.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db


def test_reply_with_quote_notifies_the_quoted_author_once(client_for, public_topic, registered):
    opening = public_topic.posts.get()
    client_for(registered).post(
        reverse("forums:post_create", args=[public_topic.pk]),
        {"body": "> Opening post\n\nI agree", "quoted": opening.pk, "reply_to": opening.pk},
    )
    notices = Notification.objects.filter(recipient=public_topic.author)
    assert notices.count() == 1
    assert notices.get().verb == "post_reply"


def test_mentions_notify_the_people_named(client_for, public_topic, registered):
    named = VerifiedUserFactory(username="amina")
    client_for(registered).post(
        reverse("forums:post_create", args=[public_topic.pk]), {"body": "What do you think, @amina?"}
    )
    assert Notification.objects.filter(recipient=named, verb="mention").exists()


def test_watchers_of_a_topic_hear_about_replies(public_topic, registered):
    watcher = VerifiedUserFactory()
    watch_start(user=watcher, target=public_topic)
    services.post_create(topic=public_topic, author=registered, body="news")
    assert Notification.objects.filter(recipient=watcher, verb="post_created").exists()


def test_partners_only_posts_never_reach_non_members(partners_topic, member, settings):
    outsider = VerifiedUserFactory(username="outsider")
    # A watch made while the outsider was still a member, and a mention by name.
    watch_start(user=outsider, target=partners_topic)
    mail.outbox.clear()
    services.post_create(topic=partners_topic, author=member, body="Budget figures, @outsider")
    assert not Notification.objects.filter(recipient=outsider).exists()
    assert not any(outsider.email in message.to for message in mail.outbox)
    assert all("Confidential budget shift" not in message.body for message in mail.outbox)


def test_watchers_of_a_forum_hear_about_new_topics(public_forum, registered):
    watcher = VerifiedUserFactory()
    watch_start(user=watcher, target=public_forum)
    services.topic_create(forum=public_forum, author=registered, title="New idea", body="text")
    assert Notification.objects.filter(recipient=watcher, verb="topic_created").exists()


def test_the_author_follows_their_own_topic(public_forum, registered):
    topic = services.topic_create(forum=public_forum, author=registered, title="Mine", body="text")
    other = VerifiedUserFactory()
    services.post_create(topic=topic, author=other, body="hello")
    assert Notification.objects.filter(recipient=registered, verb="post_created").exists()
