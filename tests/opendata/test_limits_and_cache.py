"""Rate limits per client, and answers kept per audience: never one reader's
answer for another, never past a change, never in the shared page cache."""

import json

import pytest
from django.core.cache import cache

from knowledge.models import PolicyBriefPage
from portal.opendata.models import AccessToken
from tests.opendata.conftest import PARTNER, api_client, token_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_anonymous_clients_are_limited_by_address(settings):
    settings.PORTAL_API_ANONYMOUS_RATE = "3/min"
    first = api_client()
    answers = [first.get("/api/v2/themes/", REMOTE_ADDR="10.0.0.1").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = first.get("/api/v2/themes/", REMOTE_ADDR="10.0.0.1")
    assert limited["Retry-After"] and json.loads(limited.content)["detail"]
    # Another address, or the same one claiming to be forwarded, is counted apart only
    # when it really is another address.
    assert api_client().get("/api/v2/themes/", REMOTE_ADDR="10.0.0.2").status_code == 200
    forged = api_client().get("/api/v2/themes/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert forged.status_code == 429


def test_token_holders_are_limited_per_token(settings):
    settings.PORTAL_API_ANONYMOUS_RATE = "1/min"
    settings.PORTAL_API_TOKEN_RATE = "2/min"
    one, two = token_for(PARTNER), token_for(PARTNER)
    assert [api_client(one).get("/api/v2/themes/").status_code for _ in range(3)] == [200, 200, 429]
    assert api_client(two).get("/api/v2/themes/").status_code == 200
    # The anonymous allowance of the same address is its own.
    assert api_client().get("/api/v2/themes/").status_code == 200


@pytest.fixture
def kept(settings):
    settings.PORTAL_API_CACHE_SECONDS = 300
    cache.clear()


def _titles(client, address="/api/v2/briefs/?limit=100"):
    return {item["title"] for item in json.loads(client.get(address).content)["items"]}


@pytest.mark.usefixtures("kept")
def test_answers_are_kept_per_audience_and_retired_by_a_change(
    restricted, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    partner = api_client(token_for(PARTNER))
    anonymous_titles = _titles(api_client())
    partner_titles = _titles(partner)
    assert restricted["group_brief"].title in partner_titles - anonymous_titles
    # Kept: the second anonymous answer reads no page (only the rate limit's cache).
    with django_assert_max_num_queries(0):
        assert _titles(api_client()) == anonymous_titles
    assert _titles(partner) == partner_titles
    brief = (
        PolicyBriefPage.objects.live()
        .filter(locale__language_code="en")
        .exclude(pk__in=[restricted["group_brief"].pk, restricted["login_brief"].pk])
        .first()
    )
    brief.title = "A title changed after the answer was kept"
    with django_capture_on_commit_callbacks(execute=True):
        brief.save_revision().publish()
    assert brief.title in _titles(api_client())


@pytest.mark.usefixtures("kept")
def test_the_iati_file_is_kept_per_audience(restricted):
    key = str(restricted["action"].translation_key)
    assert key not in api_client().get("/iati/activities.xml").content.decode()
    assert key in api_client(token_for(PARTNER)).get("/iati/activities.xml").content.decode()
    assert key not in api_client().get("/iati/activities.xml").content.decode()


def test_a_revoked_token_is_refused_even_when_its_answer_was_kept(settings, restricted):
    settings.PORTAL_API_CACHE_SECONDS = 300
    secret = token_for(PARTNER)
    assert api_client(secret).get("/api/v2/briefs/").status_code == 200
    AccessToken.objects.update(revoked_at="2020-01-01T00:00:00Z")
    assert api_client(secret).get("/api/v2/briefs/").status_code == 401


def test_the_page_cache_never_keeps_token_answers(settings, restricted):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    secret = token_for(PARTNER)
    for address in ("/api/v2/briefs/", "/iati/activities.xml", "/en/policy-briefs/"):
        with_token = api_client(secret).get(address)
        assert with_token.status_code == 200
        assert "X-Page-Cache" not in with_token
    # An anonymous reader of the page gets the anonymous page, never the token holder's.
    page = api_client().get("/en/policy-briefs/")
    assert restricted["group_brief"].title not in page.content.decode()
