"""Anonymous pages come from the shared cache; nobody else's ever go into it."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.accounts.factories import VerifiedUserFactory
from tests.forums.factories import make_member
from tests.pagecache.conftest import SECONDS, is_cached

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_urls(homes, library, theme_pages, forums):
    return [
        "/en/",
        "/ar/",
        "/fr/",
        theme_pages["en"].url,
        library["health_jo"].url,
        library["health_jo_ar"].url,
        library["health_jo"].get_parent().url,
        "/en/partners/",
        "/ar/partners/who/",
        "/en/forums/",
        "/fr/forums/health/",
        f"/en/forums/topic/{forums['public_topic'].pk}/",
    ]


def test_a_public_page_is_stored_for_the_next_anonymous_reader_who_costs_no_query(
    client, public_urls, django_assert_num_queries
):
    for url in public_urls:
        first = client.get(url)
        assert first.status_code == 200, url
        assert first["X-Page-Cache"] == "miss", url
        assert not first.cookies, url
        assert first["Cache-Control"] == f"public, max-age=60, s-maxage={SECONDS}"
        assert "Cookie" in first["Vary"]

        with django_assert_num_queries(0):
            again = client.get(url)

        assert again["X-Page-Cache"] == "hit", url
        assert again.content == first.content
        assert again["ETag"] == first["ETag"]
        assert again["Content-Language"] == first["Content-Language"]
        assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_query_strings_and_compression_are_kept_apart(client, library):
    index = library["health_jo"].get_parent().url
    filtered = client.get(index, {"year": "2024"})
    plain = client.get(index)
    compressed = client.get(index, headers={"accept-encoding": "gzip"})

    assert [filtered["X-Page-Cache"], plain["X-Page-Cache"], compressed["X-Page-Cache"]] == ["miss"] * 3
    assert b"Fair recruitment" not in filtered.content
    assert b"Fair recruitment" in plain.content
    assert compressed["Content-Encoding"] == "gzip"
    assert client.get(index, {"year": "2024"}).content == filtered.content
    assert client.get(index, headers={"accept-encoding": "gzip"}).content == compressed.content


def test_a_conditional_get_of_a_stored_page_is_answered_not_modified(
    client, library, django_assert_num_queries
):
    url = library["health_jo"].url
    etag = client.get(url)["ETag"]

    with django_assert_num_queries(0):
        response = client.get(url, headers={"if-none-match": etag})
        head = client.head(url)

    assert response.status_code == 304
    assert response.content == b""
    assert head.status_code == 200
    assert head["X-Page-Cache"] == "hit"
    assert head.content == b""
    assert client.get(url, headers={"if-none-match": '"other"'}).status_code == 200


def test_a_signed_in_reader_gets_their_own_page_after_an_anonymous_visit(client, library):
    url = library["health_jo"].url
    client.get(url)
    person = VerifiedUserFactory(first_name="Rania", last_name="Haddad")
    signed_in = Client()
    signed_in.force_login(person)

    response = signed_in.get(url)

    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "Rania" in response.content.decode()
    assert response["Cache-Control"] == "private, no-cache"
    # What the anonymous reader is served was not replaced by the signed-in page.
    assert "Rania" not in client.get(url).content.decode()


def test_a_signed_in_readers_page_is_never_stored(library):
    url = library["health_jo"].url
    signed_in = Client()
    signed_in.force_login(VerifiedUserFactory(first_name="Rania"))

    signed_in.get(url)

    assert not is_cached(url)
    anonymous = Client().get(url)
    assert anonymous["X-Page-Cache"] == "miss"
    assert "Rania" not in anonymous.content.decode()


@pytest.mark.parametrize("forum", ["partners", "organisation"])
def test_a_restricted_forum_is_never_stored(forums, forum):
    member = make_member()
    if forum == "organisation":
        forums["partners"].visibility = "organisation"
        forums["partners"].organisation = member.memberships.get().organisation
        forums["partners"].save()
    urls = [f"/en/forums/{forums['partners'].slug}/", f"/en/forums/topic/{forums['partners_topic'].pk}/"]
    reader = Client()
    reader.force_login(member)

    for url in urls:
        assert reader.get(url).status_code == 200
        assert not is_cached(url)
        anonymous = Client().get(url)
        assert anonymous.status_code in (302, 404)
        assert b"Confidential budget shift" not in anonymous.content
        assert not is_cached(url)


def test_a_page_for_signed_in_people_is_never_stored(library):
    brief = library["labour_lb"]
    PageViewRestriction.objects.create(page=brief, restriction_type=PageViewRestriction.LOGIN)
    reader = Client()
    reader.force_login(VerifiedUserFactory())

    assert reader.get(brief.url).status_code == 200
    anonymous = Client().get(brief.url)

    assert anonymous.status_code == 302
    assert not is_cached(brief.url)


def test_a_reader_with_a_session_or_a_message_is_not_served_the_stored_page(client, library):
    url = library["health_jo"].url
    client.get(url)

    with_session = Client()
    with_session.cookies["sessionid"] = "no-such-session"
    with_message = Client()
    with_message.cookies["messages"] = "anything"

    assert "X-Page-Cache" not in with_session.get(url)
    assert "X-Page-Cache" not in with_message.get(url)


def test_nothing_is_stored_when_the_page_cache_is_off(client, library, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    url = library["health_jo"].url

    response = client.get(url)

    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")
    assert not is_cached(url)


def test_the_purge_command_forgets_an_address_in_every_language_or_everything(client, library):
    brief, index = library["health_jo"], library["health_jo"].get_parent()
    for url in (brief.url, library["health_jo_ar"].url, index.url):
        client.get(url)

    call_command("pagecache_purge", brief.url, stdout=StringIO())

    assert not is_cached(brief.url) and not is_cached(library["health_jo_ar"].url)
    assert is_cached(index.url)
    call_command("pagecache_purge", "--all", stdout=StringIO())
    assert not is_cached(index.url)
    with pytest.raises(CommandError):
        call_command("pagecache_purge")


def test_under_production_caches_a_hit_is_one_read_of_the_shared_table(
    client, library, settings, caches_in_production
):
    settings.PORTAL_PAGE_CACHE_ALIAS = "pages"
    client.get("/en/")

    with CaptureQueriesContext(connection) as context:
        response = client.get("/en/")

    assert response["X-Page-Cache"] == "hit"
    assert len(context.captured_queries) == 1
    assert "portal_page_cache" in context.captured_queries[0]["sql"]
    assert context.captured_queries[0]["sql"].lstrip().upper().startswith("SELECT")
