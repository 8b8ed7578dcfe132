"""The API lists what the HTML listings list: for the same reader, language and
filters, the same number of items."""

import json

import pytest

from forums.models import Forum
from portal.opendata.exports import KNOWLEDGE_MODELS
from tests.opendata.conftest import PARTNER, api_client, session_client, token_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

INDEXES = {"briefs": "policy-briefs", "lessons": "lessons-learned", "joint-actions": "joint-actions"}
FILTERS = [
    "",
    "theme=health",
    "country=JO",
    "country=lb&theme=labour",
    "partner=iom",
    "year={year}",
    "language=ar",
    "language=fr&theme=health",
]


def _html_count(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.context["page_obj"].paginator.count


def _api_count(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.content[:200])
    return json.loads(response.content)["meta"]["total_count"]


@pytest.mark.parametrize("kind", INDEXES)
@pytest.mark.parametrize("locale", ["en", "ar", "fr"])
def test_knowledge_counts_equal_the_index_pages(kind, locale, restricted):
    counted = []
    year = KNOWLEDGE_MODELS[kind].objects.live().order_by("publication_date").last().publication_date.year
    for query in (query.format(year=year) for query in FILTERS):
        for html, api in (
            (session_client(), api_client()),
            (session_client(PARTNER), api_client(token_for(PARTNER))),
        ):
            expected = _html_count(html, f"/{locale}/{INDEXES[kind]}/?{query}")
            assert _api_count(api, f"/api/v2/{kind}/?locale={locale}&{query}") == expected, (query, locale)
            counted.append(expected)
    # The filters select something, and not always everything.
    assert max(counted) > 0 and len(set(counted)) > 1


def test_a_filter_value_the_page_would_ignore_is_refused():
    response = api_client().get("/api/v2/briefs/?year=1901")
    assert response.status_code == 400
    assert "year" in json.loads(response.content)["detail"]


def test_the_partner_sees_more_than_anonymous_readers_in_the_same_listing(restricted):
    anonymous = _api_count(api_client(), "/api/v2/briefs/")
    partner = _api_count(api_client(token_for(PARTNER)), "/api/v2/briefs/")
    assert partner == anonymous + 2


@pytest.mark.parametrize("who", ["anonymous", PARTNER])
def test_topic_counts_equal_the_forum_pages(who):
    html = session_client(None if who == "anonymous" else who)
    api = api_client(None if who == "anonymous" else token_for(who))
    forums = Forum.objects.all()
    readable = 0
    for forum in forums:
        page = html.get(f"/en/forums/{forum.slug}/")
        if page.status_code == 404:
            assert api.get(f"/api/v2/topics/?forum={forum.slug}").status_code == 400
            continue
        readable += 1
        assert (
            _api_count(api, f"/api/v2/topics/?forum={forum.slug}") == page.context["page_obj"].paginator.count
        )
    assert readable


@pytest.mark.parametrize(
    "query", ["q=migrant", "q=health&type=brief", "theme=labour", "q=workers&language=ar"]
)
@pytest.mark.parametrize("who", ["anonymous", PARTNER])
def test_search_counts_equal_the_search_page(query, who):
    html = session_client(None if who == "anonymous" else who)
    api = api_client(None if who == "anonymous" else token_for(who))
    expected = html.get(f"/en/search/?{query}").context["results"].total
    assert _api_count(api, f"/api/v2/search/?{query}") == expected


def test_partner_counts_equal_the_partners_page():
    expected = len(session_client().get("/en/partners/").context["organisations"])
    assert _api_count(api_client(), "/api/v2/partners/") == expected
