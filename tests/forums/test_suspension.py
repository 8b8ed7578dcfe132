"""A suspended person reads the forums as before and writes nothing: every write is
refused with a page saying until when, and the database is left as it was."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forums import services
from forums.models import Post, Reaction, Topic
from portal.accounts.selectors import is_moderator
from portal.moderation.models import Report, Suspension
from portal.moderation.services import Suspended, content_report
from portal.notifications.selectors import is_watching
from tests.forums.factories import PostFactory, TopicFactory
from tests.moderation.factories import SuspensionFactory

pytestmark = pytest.mark.django_db

REFUSAL = "Your account is suspended until"


@pytest.fixture
def suspended(registered):
    SuspensionFactory(user=registered)
    return registered


@pytest.fixture
def own_topic(public_forum, suspended):
    topic = TopicFactory(forum=public_forum, author=suspended, title="My own topic", opening="My words")
    PostFactory(topic=topic, body="Someone else's answer")
    return topic


def _state(topic):
    """Everything a write by the suspended person could change."""
    topic = Topic.objects.get(pk=topic.pk)
    posts = Post.objects.filter(topic__forum=topic.forum).order_by("pk")
    return {
        "topics": sorted(Topic.objects.values_list("pk", "title", "answer_id")),
        "posts": [(p.pk, p.body_source, p.status, p.edit_count, p.helpful_count) for p in posts],
        "reactions": Reaction.objects.count(),
        "reports": Report.objects.count(),
    }


def _opening(topic):
    return topic.posts.get(number=1)


def _answer(topic):
    return topic.posts.get(number=2)


WRITES = {
    "start_topic": lambda topic: (
        reverse("forums:topic_create", args=[topic.forum.slug]),
        {"title": "A new topic", "body": "Words"},
    ),
    "reply": lambda topic: (reverse("forums:post_create", args=[topic.pk]), {"body": "More words"}),
    "edit_post_and_title": lambda topic: (
        reverse("forums:post_edit", args=[_opening(topic).pk]),
        {"title": "Renamed", "body": "Changed words"},
    ),
    "delete_post": lambda topic: (reverse("forums:post_delete", args=[_opening(topic).pk]), {}),
    "react": lambda topic: (reverse("forums:post_react", args=[_answer(topic).pk]), {}),
    "report": lambda topic: (
        reverse("forums:post_report", args=[_answer(topic).pk]),
        {"reason": "spam", "details": "x"},
    ),
    "mark_answer": lambda topic: (reverse("forums:post_mark_answer", args=[_answer(topic).pk]), {}),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_every_forum_write_of_a_suspended_person_is_refused(write, client_for, suspended, own_topic):
    url, data = WRITES[write](own_topic)
    before = _state(own_topic)
    response = client_for(suspended).post(url, data)
    assert response.status_code == 403
    assert REFUSAL in response.content.decode()
    assert _state(own_topic) == before


@pytest.mark.parametrize("write", sorted(WRITES))
def test_the_same_writes_go_through_once_the_suspension_is_lifted(write, client_for, suspended, own_topic):
    Suspension.objects.filter(user=suspended).update(lifted_at=timezone.now())
    url, data = WRITES[write](own_topic)
    before = _state(own_topic)
    response = client_for(suspended).post(url, data)
    assert response.status_code == 302
    assert _state(own_topic) != before


def test_a_suspended_person_reads_follows_and_is_told_until_when(client_for, suspended, own_topic):
    client = client_for(suspended)
    page = client.get(own_topic.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert REFUSAL in html
    assert reverse("forums:post_edit", args=[_opening(own_topic).pk]) not in html
    form = client.get(reverse("forums:topic_create", args=[own_topic.forum.slug]))
    assert form.status_code == 403 and REFUSAL in form.content.decode()
    # Following is the reader's own setting: starting and stopping both work.
    client.post(reverse("forums:topic_watch", args=[own_topic.pk]))
    assert is_watching(user=suspended, target=own_topic)
    client.post(reverse("forums:topic_watch", args=[own_topic.pk]))
    assert not is_watching(user=suspended, target=own_topic)


def test_the_notice_is_translated(client_for, suspended):
    page = client_for(suspended).get("/fr/forums/").content.decode()
    assert "Votre compte est suspendu jusqu’au" in page


def test_services_check_again_when_the_suspension_began_after_the_rules_were_asked(
    suspended, own_topic, public_forum
):
    # The rules read a copy of the person's facts taken once per request; a
    # suspension that starts after that copy is still caught by every service.
    Suspension.objects.filter(user=suspended).delete()
    assert not is_moderator(suspended)
    SuspensionFactory(user=suspended, ends_at=timezone.now() + timedelta(hours=1), reason="Spam")
    before = _state(own_topic)
    attempts = [
        lambda: services.topic_create(forum=public_forum, author=suspended, title="T", body="B"),
        lambda: services.post_create(topic=own_topic, author=suspended, body="B"),
        lambda: services.post_edit(post=_opening(own_topic), editor=suspended, body="B"),
        lambda: services.topic_edit_title(topic=own_topic, editor=suspended, title="T"),
        lambda: services.post_delete(post=_opening(own_topic), user=suspended),
        lambda: services.reaction_toggle(post=_answer(own_topic), user=suspended),
        lambda: services.post_mark_answer(post=_answer(own_topic), user=suspended),
        lambda: content_report(content=_answer(own_topic), reporter=suspended, reason="spam"),
    ]
    for attempt in attempts:
        with pytest.raises(Suspended):
            attempt()
    assert _state(own_topic) == before
