"""Facet counts, combined filters, sorting, pages and "did you mean"."""

import pytest

from search.backends.base import FACETS
from search.params import query_from_params
from tests.search.conftest import VISIBLE, make_document
from tests.search.helpers import keys, search

pytestmark = pytest.mark.django_db


def _filter_for(name, value, vocabulary):
    """The SearchQuery keyword filtering on one facet value shown on the page."""
    if name == "theme":
        return {
            "themes": {
                vocabulary["themes"][key].pk
                for key in vocabulary["themes"]
                if vocabulary["themes"][key].slug == value
            }
        }
    if name == "organisation":
        return {"organisations": {o.pk for o in vocabulary["organisations"].values() if o.slug == value}}
    if name == "country":
        return {"countries": {value}}
    if name == "language":
        return {"languages": {value}}
    if name == "year":
        return {"years": {int(value)}}
    return {"types": {value}}


@pytest.mark.parametrize("role", list(VISIBLE))
@pytest.mark.parametrize("text", ["", "clinics", "health", "المهاجرين"])
def test_each_facet_count_equals_the_number_of_matching_visible_documents(
    corpus, people, vocabulary, role, text
):
    results = search(people[role], text)
    for name in FACETS:
        for value in results.facets[name]:
            narrowed = search(people[role], text, **_filter_for(name, value.value, vocabulary))
            assert narrowed.total == value.count, (name, value.value)


def test_filters_of_different_facets_narrow_and_values_of_one_facet_widen(corpus, people, vocabulary):
    health = vocabulary["themes"]["health"].pk
    labour = vocabulary["themes"]["labour"].pk
    anonymous = people["anonymous"]
    only_health = search(anonymous, "", themes={health}, types={"policy_brief"})
    assert set(keys(only_health)) == {"health-jordan", "ar-migration-health", "fr-health"}
    jordan = search(anonymous, "", themes={health}, countries={"JO"}, types={"policy_brief"})
    assert set(keys(jordan)) == {"health-jordan", "ar-migration-health"}
    either = search(anonymous, "", themes={health, labour}, countries={"JO", "IQ"})
    assert set(keys(either)) == {"health-jordan", "ar-migration-health", "labour-iraq", "ar-labour"}


def test_a_facet_counts_its_own_values_without_its_own_filter(corpus, people):
    results = search(people["anonymous"], "", countries={"JO"}, types={"policy_brief", "lesson_learned"})
    country_counts = {value.value: value.count for value in results.facets["country"]}
    assert country_counts["JO"] == 2 and country_counts["IQ"] == 2 and country_counts["LB"] == 1
    assert next(v for v in results.facets["country"] if v.value == "JO").selected


def test_sort_by_date_puts_newest_first(corpus, people):
    results = search(people["anonymous"], "clinics", sort="date")
    years = [hit.date.year for hit in results.hits]
    assert years == sorted(years, reverse=True)
    assert keys(results)[0] == "cohesion-lebanon"


def test_pages_split_the_results_without_overlap(vocabulary, people, search_backend):
    for number in range(23):
        make_document(vocabulary, f"report-{number}", f"Water report {number}", year=2000 + number)
    search_backend.refresh()
    pages = [search(people["anonymous"], "water", per_page=10, page=page) for page in (1, 2, 3)]
    assert [len(page.hits) for page in pages] == [10, 10, 3]
    assert all(page.total == 23 for page in pages)
    seen = [key for page in pages for key in keys(page)]
    assert len(set(seen)) == 23
    assert pages[2].page_count == 3 and not pages[2].has_next and pages[2].has_previous


def test_a_page_past_the_end_is_empty_not_an_error(corpus, people):
    results = search(people["anonymous"], "clinics", page=400)
    assert results.hits == [] and results.total > 0


def test_did_you_mean_corrects_a_misspelt_word(corpus, people):
    results = search(people["anonymous"], "refugess Erbil")
    assert results.total == 0
    assert results.suggestion == "refugees erbil"


def test_no_suggestion_when_results_were_found(corpus, people):
    assert search(people["anonymous"], "refugees").suggestion == ""


def test_a_portal_without_content_finds_nothing_and_still_answers(search_backend):
    # The first sync creates the engine's index even with nothing to push.
    search_backend.refresh()
    results = search(None, "water")
    assert not results.fallback
    assert results.total == 0 and results.hits == []
    assert all(values == [] for values in results.facets.values())


def test_query_parameters_describe_the_whole_search(vocabulary):
    from django.http import QueryDict

    params = QueryDict(mutable=True)
    params.setlist("theme", ["health", "labour", "nope"])
    params.setlist("organisation", ["who"])
    params.setlist("year", ["2024", "x"])
    params.update({"q": "  clinic\x00s  ", "sort": "date", "page": "2", "country": "JO"})
    query = query_from_params(params)
    assert query.text == "clinic s"
    assert query.themes == {vocabulary["themes"]["health"].pk, vocabulary["themes"]["labour"].pk}
    assert query.organisations == {vocabulary["organisations"]["who"].pk}
    assert query.years == {2024} and query.countries == {"JO"}
    assert query.sort == "date" and query.page == 2
