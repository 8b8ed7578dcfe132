"""Relevance in English and Arabic, on every backend."""

import pytest

from tests.search.helpers import keys, search

pytestmark = pytest.mark.django_db


def test_title_match_ranks_first(corpus, people):
    results = search(people["anonymous"], "health migrants")
    assert keys(results)[0] == "health-jordan"
    assert "fr-health" not in keys(results)[:1]


def test_english_stemming_matches_other_word_forms(corpus, people):
    results = search(people["anonymous"], "migrant clinic")
    assert set(keys(results)) >= {"health-jordan"}
    assert keys(results)[0] == "health-jordan"


def test_every_query_word_must_match(corpus, people):
    results = search(people["anonymous"], "refugees Erbil")
    assert keys(results) == ["labour-iraq"]


@pytest.mark.parametrize(
    "query",
    [
        "الهجرة",  # as in the title
        "هجرة",  # without the article
        "بالهجرة",  # with a preposition
        "المهاجرون",  # another form of "migrants" than the body's للمهاجرين
        "مهاجرين",
        "والصحة",  # conjunction + article
        "الهِجْرَة",  # with diacritics
    ],
)
def test_arabic_prefix_and_suffix_forms_find_the_document(corpus, people, query):
    results = search(people["anonymous"], query)
    assert keys(results)[0] == "ar-migration-health"


def test_arabic_title_words_rank_above_body_words(corpus, people):
    results = search(people["anonymous"], "التدريب المهني")
    assert keys(results)[0] == "ar-labour"


def test_french_query_finds_french_document(corpus, people):
    results = search(people["anonymous"], "santé migrants")
    assert keys(results)[0] == "fr-health"


def test_accents_are_optional(corpus, people):
    assert keys(search(people["anonymous"], "sante primaire")) == ["fr-health"]


def test_highlighted_snippet_marks_matching_words(corpus, people):
    hit = search(people["anonymous"], "vocational training").hits[0]
    assert "<mark>vocational</mark>" in hit.snippet_html
    assert "<mark>training</mark>" in hit.snippet_html


def test_arabic_highlight_marks_other_forms(corpus, people):
    hit = search(people["anonymous"], "المهاجرون").hits[0]
    assert "<mark>للمهاجرين</mark>" in hit.snippet_html
