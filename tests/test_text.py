"""Names and titles people type lose the invisible characters that turn the direction
of the text around them (U+202A–U+202E, U+2066–U+2069), wherever they are saved."""

import pytest
from django.urls import reverse

from forums.models import Topic
from portal.accounts.models import Membership, Profile
from portal.models import Organisation
from portal.moderation.models import Report
from portal.text import BIDI_CONTROLS, single_line, strip_controls
from tests.accounts.factories import VerifiedUserFactory
from tests.accounts.helpers import with_second_factor
from tests.factories import UserFactory
from tests.forums.factories import ForumFactory, PostFactory, TopicFactory

# Overrides, isolates and embeddings around ordinary words, as a name made to pose
# as another, or to turn the sentence around it backwards, would use them.
SPOOFED = "\u202eAdmin\u202c \u2066Team\u2069 \u202aof\u202b \u2067WHO\u2068\u202d"
CLEAN = "Admin Team of WHO"


@pytest.fixture(autouse=True)
def _open_forums(settings):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""


def test_every_bidi_control_goes_and_everything_else_stays():
    assert set(BIDI_CONTROLS) == {chr(code) for code in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
    assert strip_controls(SPOOFED) == "Admin Team of WHO"
    assert not set(BIDI_CONTROLS) & set(strip_controls("".join(BIDI_CONTROLS) + "x"))
    arabic = "الصحة\u200f في المخيمات"  # a right-to-left mark is a mark, not a control: it stays
    assert strip_controls(arabic) == arabic
    assert single_line(f"  {SPOOFED}\n\x00  ") == CLEAN
    assert strip_controls("line one\nline\u202e two") == "line one\nline two"


@pytest.mark.django_db
def test_topic_titles_lose_them_when_started_and_when_renamed(client):
    author = VerifiedUserFactory()
    client.force_login(author)
    forum = ForumFactory(slug="health")
    response = client.post(
        reverse("forums:topic_create", args=[forum.slug]), {"title": SPOOFED, "body": "Words"}
    )
    assert response.status_code == 302
    assert Topic.objects.get().title == CLEAN
    topic = TopicFactory(forum=forum, author=author, title="Plain")
    client.post(
        reverse("forums:post_edit", args=[topic.posts.get(number=1).pk]),
        {"title": f"Renamed {SPOOFED}", "body": "Words"},
    )
    topic.refresh_from_db()
    assert topic.title == f"Renamed {CLEAN}"


@pytest.mark.django_db
def test_a_title_made_only_of_controls_is_no_title(client):
    client.force_login(VerifiedUserFactory())
    forum = ForumFactory(slug="health")
    response = client.post(
        reverse("forums:topic_create", args=[forum.slug]), {"title": BIDI_CONTROLS, "body": "Words"}
    )
    assert response.status_code == 400
    assert not Topic.objects.exists()


@pytest.mark.django_db
def test_display_names_lose_them(client):
    person = VerifiedUserFactory()
    client.force_login(person)
    assert client.post("/en/account/profile/", {"display_name": SPOOFED}).status_code == 302
    assert Profile.objects.get(user=person).display_name == CLEAN


@pytest.mark.django_db
def test_report_details_and_join_messages_lose_them(client, organisation):
    person = VerifiedUserFactory()
    client.force_login(person)
    post = PostFactory(topic=TopicFactory(forum=ForumFactory(slug="health")))
    client.post(reverse("forums:post_report", args=[post.pk]), {"reason": "spam", "details": SPOOFED})
    assert Report.objects.get().details == CLEAN
    client.post("/en/account/organisations/join/", {"organisation": organisation.pk, "message": SPOOFED})
    assert Membership.objects.get(user=person).message == CLEAN


@pytest.mark.django_db
def test_organisation_names_lose_them_when_saved_in_the_admin(client, countries):
    client.force_login(with_second_factor(UserFactory(is_superuser=True, is_staff=True)))
    response = client.post(
        "/admin/snippets/portal/organisation/add/",
        {
            "name": SPOOFED,
            "name_ar": f"منظمة {BIDI_CONTROLS}الصحة",
            "name_fr": SPOOFED,
            "slug": "spoofed",
            "acronym": "\u202eOHW",
            "kind": Organisation.Kind.UN_AGENCY,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    organisation = Organisation.objects.get(slug="spoofed")
    assert (organisation.name, organisation.name_fr, organisation.acronym) == (CLEAN, CLEAN, "OHW")
    assert organisation.name_ar == "منظمة الصحة"
