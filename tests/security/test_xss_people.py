"""Hostile names and handles where the forums show people: mentions, quote
attributions, person cards, reaction names and the person page print no active
markup, and a mention never becomes a link anywhere but the portal's own page."""

import pytest
from django.urls import reverse

from forums import services
from forums.models import Post
from portal.accounts.models import Profile
from portal.audience import Audience
from portal.markup import render_markdown
from tests.accounts.factories import MembershipFactory, VerifiedUserFactory
from tests.forums.factories import ForumFactory, TopicFactory
from tests.security.html_check import active_markup
from tests.security.xss_vectors import XSS_VECTORS

pytestmark = pytest.mark.django_db

HOSTILE_NAMES = [vector.replace("\x00", "")[:80] for vector in XSS_VECTORS[:40]]


@pytest.fixture(autouse=True)
def _open_posting(settings):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""


@pytest.mark.parametrize(
    "text",
    [
        "@amal<script>alert(1)</script>",
        '@amal" onmouseover="alert(1)',
        "[@amal](javascript:alert(1))",
        "`@amal` <img src=x onerror=alert(1)>",
        "**@amal**><svg onload=alert(1)>",
        "@amal/../../admin",
    ],
)
def test_mentions_link_only_to_the_person_page(text):
    VerifiedUserFactory(username="amal")
    html = render_markdown(text)
    assert active_markup(html) == []
    for href in (part.split('"', 1)[0] for part in html.split('href="')[1:]):
        assert href == reverse("forums:person_detail", args=["amal"]), html


def test_hostile_names_in_quotes_cards_reactions_and_person_pages(client):
    forum = ForumFactory(slug="health", visibility=Audience.PUBLIC)
    topic = TopicFactory(forum=forum)
    reader = VerifiedUserFactory()
    people = []
    for index, name in enumerate(HOSTILE_NAMES):
        person = VerifiedUserFactory(username=f"speaker{index}")
        Profile.objects.update_or_create(user=person, defaults={"display_name": name})
        membership = MembershipFactory(user=person)
        membership.organisation.acronym = name[:30]
        membership.organisation.save()
        people.append(person)
    quoted = Post.objects.get(topic=topic, number=1)
    for index, person in enumerate(people):
        post = services.post_create(
            topic=topic, author=person, body=f"> quoted\n\n@speaker{(index + 1) % len(people)}", quoted=quoted
        )
        services.reaction_toggle(post=post, user=reader)
        services.reaction_toggle(post=post, user=people[index - 1])
    client.force_login(reader)
    for page in range(1, len(people) // 20 + 2):
        html = client.get(topic.get_absolute_url(), {"page": page}).content.decode()
        assert active_markup(html, page=True) == [], page
    for person in people[:5]:
        html = client.get(reverse("forums:person_detail", args=[person.username])).content.decode()
        assert active_markup(html, page=True) == [], person.username
