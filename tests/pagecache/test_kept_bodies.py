"""The bodies of home, thematic area, index and partner pages are kept per address, language
and audience: a reader never gets a body rendered for an audience they are not
in, and each change that purges the anonymous page makes the change visible to
signed-in readers too."""

import datetime

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from forums import services as forum_services
from portal.comments import services as comments
from portal.moderation import services as moderation
from tests.forums.factories import ForumFactory, make_member, make_moderator
from tests.knowledge.factories import PolicyBriefPageFactory
from tests.pagecache.conftest import body_is_kept, page_text, readers_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("open_posting")]
LANGUAGES = ("en", "ar", "fr")
SECRET = "Confidential corridor plan"


@pytest.fixture
def listings(homes, indexes, theme_pages):
    """The pages whose bodies are kept, in every language."""
    return [
        *(homes[code].url for code in LANGUAGES),
        *(page.url for page in theme_pages.values()),
        *(indexes[code]["briefs"].url for code in LANGUAGES),
        f"{indexes['en']['briefs'].url}?theme=health",
        *(f"/{code}/partners/who/" for code in LANGUAGES),
    ]


@pytest.fixture
def readers(library):
    """An insider (member of WHO, in the group a brief is restricted to), a colleague
    (member of WHO, outside the group), a member of another organisation, and an
    anonymous reader; the brief is English only, so Arabic and French readers' lists
    show it too."""
    insiders = Group.objects.create(name="WHO insiders")
    secret = PolicyBriefPageFactory(
        parent=library["health_jo"].get_parent(),
        title=SECRET,
        publication_date=datetime.date(2025, 12, 1),
        themes=[library["health"]],
        organisations=[library["who"]],
    )
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(insiders)
    return readers_of(library, insiders)


def test_a_partners_only_item_a_member_filled_the_cache_with_reaches_no_other_reader(listings, readers):
    for url in listings:
        assert SECRET in page_text(readers["insider"], url), url
        assert body_is_kept(url, readers["insider"].get(url).wsgi_request.user), url
        assert SECRET not in page_text(readers["anonymous"], url), url
        assert SECRET not in page_text(readers["colleague"], url), url
        assert SECRET not in page_text(readers["other organisation"], url), url
        assert SECRET in page_text(readers["insider"], url), url


def test_a_body_kept_for_anonymous_readers_hides_nothing_from_a_member(listings, readers):
    for url in listings:
        assert SECRET not in page_text(readers["anonymous"], url), url
        assert SECRET not in page_text(readers["colleague"], url), url
        assert SECRET not in page_text(readers["other organisation"], url), url
        assert SECRET in page_text(readers["insider"], url), url


def test_the_header_stays_the_readers_own(homes, readers):
    url = homes["en"].url
    assert "My organisation: <bdi>WHO</bdi>" in page_text(readers["insider"], url)
    other = page_text(readers["other organisation"], url)
    assert "My organisation: <bdi>IOM</bdi>" in other
    assert "My organisation: <bdi>WHO</bdi>" not in other
    assert "Log out" not in page_text(readers["anonymous"], url)


def _show_everywhere(client, listings, text) -> bool:
    return all(text in page_text(client, url) for url in listings)


def _show_nowhere(client, listings, text) -> bool:
    return all(text not in page_text(client, url) for url in listings)


def test_publishing_and_unpublishing_show_at_once(
    listings, readers, draft_brief, django_capture_on_commit_callbacks
):
    member = readers["other organisation"]
    draft = draft_brief
    assert _show_nowhere(member, listings, "Mobile clinics")
    # The newest, so that every home page's short list shows it.
    draft.publication_date = datetime.date(2025, 12, 2)

    with django_capture_on_commit_callbacks(execute=True):
        draft.save_revision().publish()
    assert _show_everywhere(member, listings, "Mobile clinics")

    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        draft.unpublish()
    assert _show_nowhere(member, listings, "Mobile clinics")


def test_a_comment_and_a_moderators_decision_show_in_the_counts(
    homes, readers, library, django_capture_on_commit_callbacks
):
    member = readers["other organisation"]
    # Arabic readers are shown the brief's Arabic translation, which has no comment.
    urls = [homes["en"].url, homes["fr"].url]
    assert _show_nowhere(member, urls, "comment-count")

    with django_capture_on_commit_callbacks(execute=True):
        comment = comments.comment_create(
            page=library["health_jo"], author=make_member(), body="Which clinics?"
        )
    assert "1 comment" in page_text(member, urls[0])
    assert _show_everywhere(member, urls, "comment-count")

    with django_capture_on_commit_callbacks(execute=True):
        moderation.content_hide(content=comment, moderator=make_moderator(), reason="Off topic")
    assert _show_nowhere(member, urls, "comment-count")


def test_a_new_discussion_shows_on_the_home_pages(homes, readers, django_capture_on_commit_callbacks):
    member = readers["other organisation"]
    urls = [homes[code].url for code in LANGUAGES]
    forum = ForumFactory(name="Health", slug="health")
    assert _show_nowhere(member, urls, "Vaccination in camps")

    with django_capture_on_commit_callbacks(execute=True):
        forum_services.topic_create(
            forum=forum, author=make_member(), title="Vaccination in camps", body="Who?"
        )
    assert _show_everywhere(member, urls, "Vaccination in camps")


def test_a_vocabulary_change_shows_everywhere(listings, readers, library, django_capture_on_commit_callbacks):
    member = readers["other organisation"]
    assert _show_everywhere(member, listings[:1], "Health")
    health = library["health"]
    health.name = "Public health"
    health.name_ar = "الصحة العامة"
    health.name_fr = "Santé publique"

    with django_capture_on_commit_callbacks(execute=True):
        health.save()
    for url, label in zip(listings[:3], ("Public health", "الصحة العامة", "Santé publique"), strict=True):
        assert label in page_text(member, url), url


def test_restricting_a_page_takes_it_out_of_every_list_at_once(
    listings, readers, library, django_capture_on_commit_callbacks
):
    member = readers["other organisation"]
    title = library["health_jo"].title
    english_listings = [url for url in listings if url.startswith(("/en/", "/fr/"))]
    assert _show_everywhere(member, english_listings, title)

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=library["health_jo"], restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name="WHO insiders"))
    assert _show_nowhere(member, english_listings, title)
    assert _show_nowhere(readers["anonymous"], english_listings, title)


def test_changing_who_a_restriction_lets_in_shows_at_once(
    listings, readers, django_capture_on_commit_callbacks
):
    assert _show_everywhere(readers["insider"], listings, SECRET)
    restriction = PageViewRestriction.objects.get(page__title=SECRET)

    with django_capture_on_commit_callbacks(execute=True):
        restriction.groups.clear()
    assert _show_nowhere(readers["insider"], listings, SECRET)
