"""What a search page asks of the engine: one request for its hits, total, facets,
highlights and spelling suggestions, and a second only to check a suggestion when
nothing matched."""

import pytest
from django.urls import reverse

from search.sync import engine_backend
from tests.search.conftest import make_document
from tests.search.engine_backend import engine_under_test

pytestmark = [pytest.mark.engine, pytest.mark.django_db]


@pytest.fixture
def requests_sent(settings, search_engine_url, vocabulary, monkeypatch):
    """The endpoints (``_search``, ``_count``…) the engine is sent, in order."""
    refresh = engine_under_test("opensearch", settings, search_engine_url)
    for number in range(25):
        make_document(
            vocabulary,
            f"clinic-{number}",
            f"Health clinic {number}",
            "Vaccination for migrant families.",
            themes=["health"],
            organisations=["who"],
            language=["en", "fr"][number % 2],
        )
    refresh()
    sent = []
    transport = engine_backend().client.transport
    perform = transport.perform_request

    def record(method, url, *args, **kwargs):
        sent.append(url.rsplit("/", 1)[-1])
        return perform(method, url, *args, **kwargs)

    monkeypatch.setattr(transport, "perform_request", record)
    return sent


def test_a_page_of_results_is_one_request(client, requests_sent):
    response = client.get(reverse("search:index"), {"q": "health clinic"})
    html = response.content.decode()
    assert requests_sent == ["_search"]
    assert response.context["results"].total == 25
    assert len(response.context["results"].hits) == 20
    assert html.count('<li class="search-hit">') == 20
    assert "<mark>Health</mark> <mark>clinic</mark> 24" in html
    assert 'name="organisation" value="who"' in html


def test_a_misspelt_search_checks_its_suggestion_once(client, requests_sent):
    response = client.get(reverse("search:index"), {"q": "helth clinic"})
    assert response.context["results"].suggestion == "health clinic"
    assert requests_sent == ["_search", "_count"]


def test_a_search_with_nothing_to_suggest_is_one_request(client, requests_sent):
    response = client.get(reverse("search:index"), {"q": "zzzz"})
    assert response.context["results"].total == 0
    assert requests_sent == ["_search"]
