"""Each change purges the pages that show it, in every language, and leaves the
others stored."""

import pytest
from django.test import Client

from forums import services as forum_services
from portal.comments import services as comments
from portal.moderation import services as moderation
from tests.accounts.factories import VerifiedUserFactory
from tests.forums.factories import make_member, make_moderator
from tests.knowledge.factories import PolicyBriefPageFactory
from tests.pagecache.conftest import is_cached

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("open_posting")]
LANGUAGES = ("en", "ar", "fr")


def in_every_language(path: str) -> list[str]:
    return [f"/{code}/{path.split('/', 2)[2]}" for code in LANGUAGES]


@pytest.fixture
def pages(homes, library, theme_pages, forums):
    """What anonymous readers read, in every language, each stored by a first visit."""
    topic = forums["public_topic"]
    named = {
        "homes": ["/en/", "/ar/", "/fr/"],
        # No French translation: French readers get the original at its own address.
        "brief": [
            library["health_jo"].url,
            library["health_jo_ar"].url,
            f"/fr/original/{library['health_jo'].pk}/",
        ],
        "brief index": in_every_language(library["health_jo"].get_parent().url),
        "theme": [page.url for page in theme_pages.values()],
        "partner": in_every_language("/en/partners/who/"),
        "partner list": in_every_language("/en/partners/"),
        "forum index": in_every_language("/en/forums/"),
        "forum": in_every_language("/en/forums/health/"),
        "topic": in_every_language(f"/en/forums/topic/{topic.pk}/"),
        "other topic": in_every_language(f"/en/forums/topic/{forums['partners_topic'].pk}/"),
    }
    reader = Client()
    for urls in named.values():
        for url in urls:
            reader.get(url)
    return named


def purged(pages) -> set[str]:
    """The named pages of which no language is stored any more; a page half purged
    (some languages only) fails the test that finds it."""
    gone = set()
    for name, urls in pages.items():
        states = {is_cached(url) for url in urls if name != "other topic"}
        assert len(states) <= 1, f"{name} purged in some languages only"
        if states == {False}:
            gone.add(name)
    return gone


def test_every_public_page_is_stored_before_the_changes(pages):
    assert purged(pages) == set()


def test_publishing_a_page_purges_it_and_the_listings_that_show_it(
    pages, draft_brief, django_capture_on_commit_callbacks
):
    assert purged(pages) == set()

    with django_capture_on_commit_callbacks(execute=True):
        draft_brief.save_revision().publish()

    assert purged(pages) == {"homes", "brief index", "theme", "partner"}


def test_republishing_a_page_purges_it_in_every_language(pages, library, django_capture_on_commit_callbacks):
    brief = library["health_jo"]
    brief.summary = "Clinics open to every migrant, now in the north too."

    with django_capture_on_commit_callbacks(execute=True):
        brief.save_revision().publish()

    assert purged(pages) == {"homes", "brief", "brief index", "theme", "partner"}


def test_unpublishing_a_page_purges_it_and_its_listings(pages, library, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        library["health_jo"].unpublish()

    assert purged(pages) == {"homes", "brief", "brief index", "theme", "partner"}
    assert Client().get(library["health_jo"].url).status_code == 404


def test_moving_a_page_purges_its_old_address_everywhere(
    pages, library, indexes, django_capture_on_commit_callbacks
):
    brief = library["health_jo"]
    old_urls = pages["brief"]

    with django_capture_on_commit_callbacks(execute=True):
        brief.move(indexes["en"]["lessons"], pos="last-child")

    assert not any(is_cached(url) for url in old_urls)
    assert purged(pages) == set(pages) - {"other topic"}
    assert Client().get(old_urls[0]).status_code in (301, 302, 404)


def test_a_new_post_purges_its_topic_forum_forum_index_and_homes(
    pages, forums, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        forums_post = forums_reply(forums["public_topic"])

    assert forums_post.is_visible
    assert purged(pages) == {"topic", "forum", "forum index", "homes"}
    assert "A new way to reach the camps" in Client().get(pages["topic"][1]).content.decode()


def forums_reply(topic, author=None):
    return forum_services.post_create(
        topic=topic, author=author or VerifiedUserFactory(), body="A new way to reach the camps"
    )


def test_a_post_in_a_partners_forum_purges_no_public_page(pages, forums, django_capture_on_commit_callbacks):
    member = make_member()

    with django_capture_on_commit_callbacks(execute=True):
        forum_services.post_create(topic=forums["partners_topic"], author=member, body="Budget lines")

    assert purged(pages) == set()


def test_a_moderators_decision_purges_the_pages_that_showed_the_post(
    pages, forums, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post = forums_reply(forums["public_topic"])
    for url in pages["topic"] + pages["forum"] + pages["forum index"] + pages["homes"]:
        Client().get(url)
    assert purged(pages) == set()

    with django_capture_on_commit_callbacks(execute=True):
        moderation.content_hide(content=post, moderator=make_moderator(), reason="Off topic")

    assert purged(pages) == {"topic", "forum", "forum index", "homes"}
    assert "A new way to reach the camps" not in Client().get(pages["topic"][2]).content.decode()


def test_a_new_comment_purges_its_page_and_the_listings_that_count_it(
    pages, library, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comments.comment_create(
            page=library["health_jo"], author=VerifiedUserFactory(), body="Which clinics?"
        )

    assert purged(pages) == {"homes", "brief", "brief index", "theme", "partner"}
    assert "Which clinics?" in Client().get(pages["brief"][0]).content.decode()


def test_a_vocabulary_change_purges_every_page(pages, library, django_capture_on_commit_callbacks):
    health = library["health"]
    health.name_fr = "Santé publique"

    with django_capture_on_commit_callbacks(execute=True):
        health.save()

    assert purged(pages) == set(pages) - {"other topic"}


def test_a_page_with_an_arabic_address_is_purged(indexes, django_capture_on_commit_callbacks):
    brief = PolicyBriefPageFactory(
        parent=indexes["ar"]["briefs"], title="عيادات متنقلة", slug="عيادات-متنقلة"
    )
    path = f"/ar/{indexes['ar']['briefs'].slug}/عيادات-متنقلة/"
    assert Client().get(brief.url)["X-Page-Cache"] == "miss"
    assert is_cached(path)

    with django_capture_on_commit_callbacks(execute=True):
        brief.save_revision().publish()

    assert not is_cached(path)


def test_deleting_a_page_purges_every_page(pages, library, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        library["labour_lb"].delete()

    assert purged(pages) == set(pages) - {"other topic"}
