"""The search page and the autocomplete endpoint, through HTTP, without JavaScript."""

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from portal.audience import Audience
from search.backends.base import FacetValue
from tests.search.conftest import make_document

pytestmark = pytest.mark.django_db


def test_search_page_without_query_explains_what_to_do(client, db):
    response = client.get(reverse("search:index"))
    assert response.status_code == 200
    assert b"Type a few words" in response.content


def test_plain_get_search_shows_highlighted_results(client, corpus):
    response = client.get(reverse("search:index"), {"q": "vocational training"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Labour market access for refugees" in html
    assert "<mark>vocational</mark>" in html
    assert "1 result" in html


def test_filters_are_checkboxes_kept_in_the_address(client, corpus):
    response = client.get(reverse("search:index"), {"q": "clinics", "theme": "health", "country": "JO"})
    html = response.content.decode()
    assert 'name="theme" value="health" checked' in html
    assert 'name="country" value="JO" checked' in html
    assert "Health services for migrants in Jordan" in html
    assert "Social cohesion in host communities" not in html


def test_two_values_of_one_facet_combine(client, corpus):
    one = client.get(reverse("search:index"), {"q": "clinics", "country": "JO"}).context["results"]
    both = client.get(reverse("search:index"), {"q": "clinics", "country": ["JO", "LB"]}).context["results"]
    assert both.total > one.total


def test_invalid_filter_values_are_ignored(client, corpus):
    response = client.get(
        reverse("search:index"),
        {
            "q": "clinics",
            "type": "nonsense",
            "theme": "../../etc",
            "year": ["abc", "99999"],
            "sort": "evil",
            "language": "xx",
            "organisation": "'; --",
            "page": "-3",
        },
    )
    assert response.status_code == 200
    query = response.context["query"]
    assert not (query.types or query.themes or query.years or query.languages or query.organisations)
    assert query.sort == "relevance" and query.page == 1


def test_pagination_keeps_the_filters(client, vocabulary, search_backend):
    for number in range(25):
        make_document(vocabulary, f"clinic-{number}", f"Clinic report {number}", themes=["health"])
    search_backend.refresh()
    response = client.get(reverse("search:index"), {"q": "clinic", "theme": "health"})
    html = response.content.decode()
    assert "Page 1 of 2" in html
    assert "theme=health&amp;page=2" in html
    second = client.get(reverse("search:index"), {"q": "clinic", "theme": "health", "page": 2})
    assert len(second.context["results"].hits) == 5


def test_did_you_mean_links_to_the_corrected_search(client, corpus):
    html = client.get(reverse("search:index"), {"q": "vocatonal", "theme": "labour"}).content.decode()
    assert "Did you mean" in html
    assert "q=vocational" in html and "theme=labour" in html


def test_search_box_is_on_every_page(client, home_page):
    html = client.get("/en/").content.decode()
    assert 'role="search"' in html
    assert 'action="/en/search/"' in html
    assert '<label class="visually-hidden" for="site-search">' in html


def test_search_page_has_no_inline_script_or_style(client, corpus):
    html = client.get(reverse("search:index"), {"q": "health"}).content.decode()
    assert "<script>" not in html and "style=" not in html and " onclick=" not in html


def test_autocomplete_returns_at_most_eight_visible_titles(client, vocabulary, people, search_backend):
    for number in range(12):
        make_document(vocabulary, f"vaccine-{number}", f"Vaccination campaign {number}")
    make_document(vocabulary, "secret", "Vaccination secret plan", visibility=Audience.PARTNERS)
    search_backend.refresh()
    data = client.get(reverse("search:autocomplete"), {"q": "vacc"}).json()
    assert len(data["results"]) == 8
    assert all("secret" not in result["title"] for result in data["results"])
    assert {"title", "url", "type"} <= set(data["results"][0])
    client.force_login(people["partner"])
    titles = [
        r["title"]
        for r in client.get(reverse("search:autocomplete"), {"q": "vaccination sec"}).json()["results"]
    ]
    assert titles == ["Vaccination secret plan"]


def test_autocomplete_completes_title_words_only(client, vocabulary, search_backend):
    make_document(vocabulary, "titled", "Vaccination days", "Clinics open early.")
    make_document(vocabulary, "bodied", "Clinic hours", "Vaccination is free.")
    search_backend.refresh()

    def titles(text):
        return [r["title"] for r in client.get(reverse("search:autocomplete"), {"q": text}).json()["results"]]

    assert titles("vacc") == ["Vaccination days"]
    assert titles("clinic ho") == ["Clinic hours"]
    assert titles("early vacc") == []


def test_autocomplete_needs_two_characters(client, corpus):
    assert client.get(reverse("search:autocomplete"), {"q": "h"}).json() == {"results": []}


def _page_queries(client, count, vocabulary):
    for number in range(count):
        make_document(
            vocabulary,
            f"bulk-{count}-{number}",
            f"Health report {number}",
            "Clinics and health services.",
            themes=["health", "labour"],
            countries=["JO", "IQ"],
            organisations=["who", "iom"],
            year=2020 + number % 5,
            language=["en", "ar", "fr"][number % 3],
        )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("search:index"), {"q": "health", "theme": "health"})
    assert response.status_code == 200
    return len(queries)


def test_search_page_query_count_does_not_grow_with_data(client, vocabulary, search_backend):
    # The first search of a process fills per-process caches (content types, the
    # site's root paths): warmed here, so both counts are of the search itself.
    client.get(reverse("search:index"), {"q": "health"})
    small = _page_queries(client, 10, vocabulary)
    large = _page_queries(client, 200, vocabulary)
    assert small == large


def test_partner_addresses_follow_the_reader_language(client, db, people):
    from tests.factories import OrganisationFactory

    organisation = OrganisationFactory(name="Lantern Trust", slug="lantern-trust")
    response = client.get("/ar/search/", {"q": "lantern"})
    assert [hit.url for hit in response.context["results"].hits] == [f"/ar/partners/{organisation.slug}/"]


def test_facet_options_escape_their_values_and_keep_counts_plain():
    values = [
        FacetValue('x" onclick="alert(1)', "<script>alert(1)</script>", 12345, selected=True),
        FacetValue("JO", "Jordan", 7),
    ]
    with translation.override("fr"):
        html = Template("{% load search_facets %}{% facet_options name values %}").render(
            Context({"name": "country", "values": values})
        )

    assert html == (
        '<li><label><input type="checkbox" name="country" value="x&quot; onclick=&quot;alert(1)" checked>'
        ' <bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi> <span class="search-facets__count">(12345)</span>'
        "</label></li>"
        '<li><label><input type="checkbox" name="country" value="JO"> <bdi>Jordan</bdi>'
        ' <span class="search-facets__count">(7)</span></label></li>'
    )
