"""Results, counts, facets, highlights and autocomplete only ever show what the
person may open, for every role."""

import pytest

from tests.search.conftest import CORPUS, VISIBLE
from tests.search.helpers import autocomplete, keys, search

pytestmark = pytest.mark.django_db

ROLES = list(VISIBLE)
CORPUS_TYPES = {options.get("doc_type", "policy_brief") for _key, _title, _body, options in CORPUS}


@pytest.mark.parametrize("role", ROLES)
def test_results_and_total_are_limited_to_visible_documents(corpus, people, role):
    results = search(people[role], "", types=CORPUS_TYPES, per_page=50)
    assert set(keys(results)) == VISIBLE[role]
    assert results.total == len(VISIBLE[role])


@pytest.mark.parametrize("role", ROLES)
def test_matching_hidden_documents_are_not_counted(corpus, people, role):
    results = search(people[role], "confidential")
    expected = {key for key in ("who-confidential", "undrr-budget") if key in VISIBLE[role]}
    assert set(keys(results)) == expected
    assert results.total == len(expected)


@pytest.mark.parametrize("role", ROLES)
def test_facet_counts_include_only_visible_documents(corpus, people, role):
    results = search(people[role], "clinics")
    matching = {key for key, title, body, _ in CORPUS if "clinic" in (title + body).lower()} & VISIBLE[role]
    assert results.total == len(matching)
    for name, values in results.facets.items():
        if name in ("type", "theme", "language"):  # one value per document
            assert sum(value.count for value in values) == len(matching), name


@pytest.mark.parametrize("role", ROLES)
def test_highlights_never_come_from_hidden_documents(corpus, people, role):
    results = search(people[role], "vaccination strategy")
    html = " ".join(hit.snippet_html + hit.title_html for hit in results.hits)
    assert ("vaccination" in html.lower()) == ("who-confidential" in VISIBLE[role])


@pytest.mark.parametrize("role", ROLES)
def test_autocomplete_offers_only_visible_titles(corpus, people, role):
    titles = [suggestion.title for suggestion in autocomplete(people[role], "confid")]
    expected = {
        title for key, title, _body, _ in CORPUS if key in VISIBLE[role] and title.startswith("Confidential")
    }
    assert set(titles) == expected


@pytest.mark.parametrize("role", ROLES)
def test_did_you_mean_never_suggests_hidden_words(corpus, people, role):
    results = search(people[role], "vacinnation")
    if "who-confidential" in VISIBLE[role]:
        assert results.suggestion == "vaccination"
    else:
        assert results.suggestion == ""


def test_organisation_filter_cannot_reveal_other_organisations_content(corpus, people, vocabulary):
    who = vocabulary["organisations"]["who"]
    results = search(people["undrr_member"], "", organisations={who.pk}, per_page=50)
    assert "who-confidential" not in keys(results)


def test_a_search_sees_nothing_of_the_search_before_it(corpus, people):
    # The database backend keeps a search's matches in a table of the connection,
    # which the next search on it, by another reader, reuses.
    assert set(keys(search(people["who_member"], "confidential"))) == {"who-confidential"}
    results = search(people["anonymous"], "confidential")
    assert (keys(results), results.total) == ([], 0)
    assert not any(values for values in results.facets.values())
    autocomplete(people["who_member"], "confid")
    assert autocomplete(people["anonymous"], "confid") == []
