"""Hostile input through forum posts and topic titles: what is stored, and what
pages print, contains no active markup."""

import pytest
from django.urls import reverse

from forums.models import Post, Topic
from portal.audience import Audience
from portal.markup import render_markdown
from tests.accounts.factories import VerifiedUserFactory
from tests.forums.factories import ForumFactory, TopicFactory
from tests.security.html_check import active_markup
from tests.security.xss_vectors import XSS_VECTORS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _open_posting(settings):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""


def test_there_are_at_least_a_hundred_vectors():
    assert len(XSS_VECTORS) >= 100


@pytest.mark.parametrize("vector", XSS_VECTORS)
def test_rendered_markdown_is_inert(vector):
    assert active_markup(render_markdown(vector)) == []


def test_checker_catches_what_it_should():
    assert active_markup("<img src=x onerror=alert(1)>")
    assert active_markup('<a href=" java\tscript:alert(1)">x</a>')
    assert active_markup("<svg></svg>")
    assert active_markup('<p style="color: red">x</p>')
    assert active_markup("<script>alert(1)</script>")


def test_posts_store_and_show_no_active_markup(client):
    forum = ForumFactory(slug="health", visibility=Audience.PUBLIC)
    topic = TopicFactory(forum=forum)
    author = VerifiedUserFactory()
    client.force_login(author)
    url = reverse("forums:post_create", args=[topic.pk])
    accepted = 0
    for vector in XSS_VECTORS:
        # Django refuses null characters in form fields outright, with a 400.
        expected = 400 if "\x00" in vector else 302
        assert client.post(url, {"body": vector}).status_code == expected, vector
        accepted += expected == 302
    stored = Post.objects.filter(topic=topic, author=author)
    assert stored.count() == accepted
    for post in stored:
        assert active_markup(post.body_html) == [], post.body_source
    for page in range(1, len(XSS_VECTORS) // 20 + 2):
        html = client.get(topic.get_absolute_url(), {"page": page}).content.decode()
        assert active_markup(html, page=True) == [], page


def test_topic_titles_show_no_active_markup(client):
    forum = ForumFactory(slug="health", visibility=Audience.PUBLIC)
    client.force_login(VerifiedUserFactory())
    url = reverse("forums:topic_create", args=["health"])
    for vector in XSS_VECTORS:
        title = vector.replace("\n", " ").replace("\x00", "")[:200]
        response = client.post(url, {"title": title, "body": "body"})
        assert response.status_code in (302, 400), vector
    assert Topic.objects.count() >= len(XSS_VECTORS) - 5
    for page in range(1, Topic.objects.count() // 25 + 2):
        html = client.get(reverse("forums:forum_detail", args=["health"]), {"page": page}).content.decode()
        assert active_markup(html, page=True) == [], page
    for topic in Topic.objects.all():
        html = client.get(topic.get_absolute_url()).content.decode()
        assert active_markup(html, page=True) == [], topic.title
    feed = client.get(reverse("forums:forum_feed", args=[forum.slug])).content.decode()
    assert "<script" not in feed


def test_services_drop_nul_characters():
    from forums import services

    forum = ForumFactory(slug="nul", visibility=Audience.PUBLIC)
    topic = services.topic_create(
        forum=forum, author=VerifiedUserFactory(), title="a\x00b", body="<scr\x00ipt>alert(1)</scr\x00ipt>"
    )
    post = topic.posts.get()
    assert "\x00" not in topic.title and "\x00" not in post.body_source
    assert active_markup(post.body_html) == []
