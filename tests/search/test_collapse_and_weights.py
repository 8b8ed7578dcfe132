"""Translations of one page are one result, knowledge comes before discussion for
equal relevance, and counts (total and facets) count results, on every backend."""

import pytest
from django.urls import reverse
from django.utils import translation

from search.backends.base import FACETS
from search.backends.engine.backend import EngineSearchBackend
from search.ranking import TYPE_WEIGHTS
from tests.search.conftest import make_document
from tests.search.helpers import autocomplete, keys, search
from tests.search.test_facets_and_paging import _filter_for

pytestmark = pytest.mark.django_db

BRIEF_TEXT = "Clinics for migrant workers stayed open through the winter."


@pytest.fixture
def translated(vocabulary, search_backend):
    """A brief written in English (the original) and translated into Arabic and
    French, and a comment, a forum topic and a post in English with the same words."""
    common = {"themes": ["health"], "organisations": ["who"], "group": "clinics", "year": 2024}
    make_document(vocabulary, "clinics-en", "Winter clinics", BRIEF_TEXT, language="en", order=1, **common)
    make_document(
        vocabulary,
        "clinics-ar",
        "عيادات الشتاء",
        f"{BRIEF_TEXT} العيادات بقيت مفتوحة.",
        language="ar",
        order=2,
        countries=["JO"],
        **common,
    )
    make_document(
        vocabulary,
        "clinics-fr",
        "Cliniques d'hiver",
        f"{BRIEF_TEXT} Les cliniques",
        language="fr",
        order=3,
        **common,
    )
    make_document(vocabulary, "comment", "Comment on “Winter clinics”", BRIEF_TEXT, doc_type="comment")
    make_document(vocabulary, "topic", "Winter clinics", BRIEF_TEXT, doc_type="topic")
    make_document(vocabulary, "post", "Winter clinics", BRIEF_TEXT, doc_type="post")
    search_backend.refresh()


@pytest.mark.parametrize(
    ("language", "shown"), [("fr", "clinics-fr"), ("ar", "clinics-ar"), ("en", "clinics-en")]
)
def test_translations_are_one_result_in_the_reader_language(translated, people, language, shown):
    results = search(people["anonymous"], "clinics", language=language)
    found = keys(results)
    assert found[0] == shown
    assert not {"clinics-en", "clinics-ar", "clinics-fr"} - {shown} & set(found)
    assert results.total == len(found) == 4
    others = {"en", "ar", "fr"} - {language}
    assert sorted(translation.language for translation in results.hits[0].translations) == sorted(others)
    assert all(
        translation.url.startswith(f"/{translation.language}/")
        for translation in results.hits[0].translations
    )


def test_without_the_reader_language_the_original_is_shown(translated, people):
    assert keys(search(people["anonymous"], "clinics", language="de"))[0] == "clinics-en"


def test_a_language_filter_shows_that_version(translated, people):
    results = search(people["anonymous"], "clinics", language="en", languages={"fr"})
    assert keys(results) == ["clinics-fr"]
    assert results.total == 1


def test_knowledge_comes_before_discussion_for_equal_text(translated, people):
    # The English brief, topic and post have the same title and text.
    assert keys(search(people["anonymous"], "winter clinics", language="en")) == [
        "clinics-en",
        "topic",
        "post",
        "comment",
    ]
    assert (
        TYPE_WEIGHTS["policy_brief"] > TYPE_WEIGHTS["topic"] > TYPE_WEIGHTS["post"] > TYPE_WEIGHTS["comment"]
    )


def test_pages_of_groups_neither_repeat_nor_skip(translated, people):
    pages = [
        keys(search(people["anonymous"], "clinics", language="ar", page=page, per_page=1))
        for page in (1, 2, 3, 4, 5)
    ]
    assert [len(found) for found in pages] == [1, 1, 1, 1, 0]
    flat = [key for found in pages for key in found]
    assert flat == keys(search(people["anonymous"], "clinics", language="ar"))


@pytest.mark.parametrize("text", ["", "clinics", "العيادات"])
def test_each_facet_count_is_what_choosing_it_returns(translated, people, vocabulary, text):
    results = search(people["anonymous"], text, language="en")
    assert results.total
    for name in FACETS:
        for value in results.facets[name]:
            narrowed = search(
                people["anonymous"], text, language="en", **_filter_for(name, value.value, vocabulary)
            )
            assert narrowed.total == value.count, (name, value.value)
    languages = {value.value: value.count for value in results.facets["language"]}
    if text == "clinics":
        # The brief counts once in each of its languages: choosing one returns it.
        assert languages == {"en": 4, "ar": 1, "fr": 1}


def test_autocomplete_offers_a_page_once_and_no_comments_or_posts(translated, people):
    suggestions = autocomplete(people["anonymous"], "winter cli")
    assert [(suggestion.key, suggestion.doc_type) for suggestion in suggestions] == [
        ("test.doc:clinics-en", "policy_brief"),
        ("test.doc:topic", "topic"),
    ]


def test_autocomplete_offers_translations_once_in_the_reader_language(translated, people):
    # "cli" starts the English title's "clinics" and the French title's "Cliniques".
    with translation.override("fr"):
        suggestions = autocomplete(people["anonymous"], "cli")
    assert [suggestion.key for suggestion in suggestions] == ["test.doc:clinics-fr", "test.doc:topic"]


def test_search_page_offers_the_other_languages(client, translated):
    with translation.override("fr"):
        address = reverse("search:index")
    html = client.get(address, {"q": "clinics"}).content.decode()
    assert html.count('href="/fr/documents/clinics-fr/"') == 1
    assert 'hreflang="ar"' in html and 'lang="ar" hreflang="ar"' in html
    assert 'href="/en/documents/clinics-en/"' in html


def test_autocomplete_answer_names_the_type(client, translated):
    results = client.get(reverse("search:autocomplete"), {"q": "winter cli"}).json()["results"]
    assert [result["type"] for result in results] == ["Policy brief", "Forum topic"]
    assert results[0]["language"] == "en"


def test_an_engine_group_whose_versions_came_back_empty_shows_its_own_hit():
    """While a node leaves the cluster, the engine's second search for a group's
    versions can find none; the group's best version is then shown alone."""
    group = {
        "_score": 2.0,
        "_source": {"pk": 7, "key": "brief:7", "language": "fr", "translation_order": 1},
        "inner_hits": {"versions": {"hits": {"total": {"value": 0}, "hits": []}}},
    }
    assert EngineSearchBackend._shown([group], "en") == [(group, group, [group])]
