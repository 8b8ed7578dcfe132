"""A form sent twice (a double click, a retry after a lost answer) writes once, and
the second sending gets the first one's answer."""

import re
from uuid import uuid4

import pytest
from django.urls import reverse

from forums.models import Post, Topic
from portal.accounts.models import Membership
from portal.comments.models import Comment
from portal.idempotency.decorators import FIELD_NAME
from portal.idempotency.models import WriteToken
from portal.moderation.models import Report
from tests.forums.factories import PostFactory

pytestmark = pytest.mark.django_db


def _topic(world):
    return (
        reverse("forums:topic_create", args=[world["forum"].slug]),
        {"title": "Cold chain", "body": "How do you keep vaccines cold?"},
        Topic.objects.filter(title="Cold chain"),
    )


def _reply(world):
    return (
        reverse("forums:post_create", args=[world["topic"].pk]),
        {"body": "We use solar fridges."},
        Post.objects.filter(body_source="We use solar fridges."),
    )


def _comment(world):
    return (
        reverse("comments:create", args=[world["brief"].pk]),
        {"body": "Clear and practical."},
        Comment.objects.filter(body_source="Clear and practical."),
    )


def _report(world):
    return (
        reverse("forums:post_report", args=[world["other_post"].pk]),
        {"reason": "spam", "details": "Selling things"},
        Report.objects.all(),
    )


def _join(world):
    return (
        reverse("accounts:join"),
        {"organisation": world["organisation"].pk, "message": "I run the clinic"},
        Membership.objects.filter(organisation=world["organisation"]),
    )


WRITES = {"topic": _topic, "reply": _reply, "comment": _comment, "report": _report, "join_request": _join}
# Reports and join requests are one per person by their own rules; these three are not.
REPEATABLE = ["topic", "reply", "comment"]


@pytest.fixture
def world(public_forum, public_topic, brief, organisation):
    return {
        "forum": public_forum,
        "topic": public_topic,
        "brief": brief,
        "organisation": organisation,
        "other_post": PostFactory(topic=public_topic, body="Buy cheap watches"),
    }


@pytest.fixture
def client(client_for, registered):
    return client_for(registered)


@pytest.mark.parametrize("write", sorted(WRITES))
def test_a_retried_post_with_the_same_token_writes_once_and_gets_the_same_answer(write, world, client):
    url, data, written = WRITES[write](world)
    data[FIELD_NAME] = uuid4().hex
    first = client.post(url, data)
    retry = client.post(url, data)
    assert first.status_code == retry.status_code == 302
    assert retry["Location"] == first["Location"]
    assert written.count() == 1
    assert WriteToken.objects.filter(redirect_url=first["Location"]).count() == 1
    assert "This was already sent, and it was saved once." in client.get(retry["Location"]).content.decode()


@pytest.mark.parametrize("write", REPEATABLE)
def test_two_tokens_write_twice(write, world, client):
    url, data, written = WRITES[write](world)
    for _attempt in range(2):
        assert client.post(url, {**data, FIELD_NAME: uuid4().hex}).status_code == 302
    assert written.count() == 2


@pytest.mark.parametrize("write", REPEATABLE)
def test_without_a_token_every_post_writes(write, world, client):
    url, data, written = WRITES[write](world)
    client.post(url, data)
    client.post(url, data)
    assert written.count() == 2
    assert not WriteToken.objects.exists()


def test_a_token_is_one_persons(world, client, client_for, commenter):
    url, data, written = _comment(world)
    data[FIELD_NAME] = uuid4().hex
    client.post(url, data)
    client_for(commenter).post(url, data)
    assert written.count() == 2


def test_a_refused_or_invalid_sending_releases_its_token(world, client):
    url, data, written = _topic(world)
    token = uuid4().hex
    assert client.post(url, {"title": "Cold chain", "body": "", FIELD_NAME: token}).status_code == 400
    assert client.post(url, {**data, "preview": "1", FIELD_NAME: token}).status_code == 200
    assert not WriteToken.objects.exists()
    assert client.post(url, {**data, FIELD_NAME: token}).status_code == 302
    assert written.count() == 1


@pytest.mark.parametrize("token", ["not-a-token", "1234", "x" * 5000])
def test_a_forged_token_is_refused_and_writes_nothing(world, client, token):
    url, data, written = _topic(world)
    response = client.post(url, {**data, FIELD_NAME: token})
    assert response.status_code == 400
    assert not written.exists()


def test_every_writing_form_carries_a_fresh_token(world, client, registered):
    own = PostFactory(topic=world["topic"], author=registered, body="Mine")
    pages = [
        world["topic"].get_absolute_url(),
        reverse("forums:topic_create", args=[world["forum"].slug]),
        reverse("forums:post_edit", args=[own.pk]),
        reverse("forums:post_report", args=[world["other_post"].pk]),
        world["brief"].url,
        reverse("accounts:join"),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert f'name="{FIELD_NAME}"' in html, url
    tokens = [
        re.findall(rf'name="{FIELD_NAME}" value="(\w+)"', client.get(pages[0]).content.decode()) for _ in "ab"
    ]
    # One per writing form on the topic page (the reply form, reports, follow...),
    # each different, and different again on the next visit.
    assert len(tokens[0]) == len(set(tokens[0])) > 1
    assert not set(tokens[0]) & set(tokens[1])
