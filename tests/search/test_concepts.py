"""Search through the thesaurus, on every backend: a run of query words naming a
concept, in any of the three languages, also finds the documents about it, says
so on the result, and counts in the topic facet; a query naming no concept finds
what it found without the thesaurus."""

import pytest
from django.urls import reverse
from django.utils import translation

from portal.thesaurus.models import Concept, ConceptLabel
from search.backends.base import FACET_TOPIC
from search.indexing import document_save
from search.models import SearchDocument
from search.projections import Projection
from tests.search.conftest import make_document
from tests.search.helpers import keys, search

pytestmark = pytest.mark.django_db

PREFERRED, ALTERNATIVE = ConceptLabel.Kind.PREFERRED, ConceptLabel.Kind.ALTERNATIVE


def make_concept(slug, preferred, alternatives=()):
    concept = Concept.objects.create(uri=f"https://example.org/c/{slug}", slug=slug)
    ConceptLabel.objects.bulk_create(
        [
            ConceptLabel(concept=concept, language=code, kind=PREFERRED, text=text)
            for code, text in preferred.items()
        ]
        + [
            ConceptLabel(concept=concept, language=code, kind=ALTERNATIVE, text=text)
            for code, text in alternatives
        ]
    )
    # bulk_create sends no signal: say the thesaurus changed, as an import does.
    concept.save()
    return concept


@pytest.fixture
def concepts(db):
    return {
        "fees": make_concept(
            "recruitment-fees",
            {"en": "recruitment fees", "ar": "رسوم التوظيف", "fr": "frais de recrutement"},
            [("ar", "رسوم الاستقدام")],
        ),
        "warning": make_concept(
            "early-warning", {"en": "early warning", "ar": "الإنذار المبكر", "fr": "alerte précoce"}
        ),
    }


@pytest.fixture
def corpus(concepts, vocabulary, search_backend):
    """A brief in English only and a lesson in English only, each naming a concept;
    an Arabic post naming the fees in Arabic; a French brief about neither."""
    make_document(
        vocabulary,
        "fees-en",
        "Fair recruitment in Jordan",
        "Migrant workers paid recruitment fees of up to six months' wages to agencies.",
    )
    make_document(
        vocabulary,
        "warning-en",
        "Messages that reached people in time",
        "Early warning messages were sent by text in three languages before the floods.",
        doc_type="lesson_learned",
    )
    make_document(
        vocabulary,
        "fees-ar",
        "رسوم التوظيف في لبنان",
        "دفع العمال رسوم التوظيف لوكالات الاستقدام.",
        doc_type="post",
        language="ar",
    )
    make_document(
        vocabulary,
        "clinics-fr",
        "Cliniques mobiles",
        "Les cliniques mobiles ont soigné les familles.",
        language="fr",
    )
    search_backend.refresh()


def test_documents_carry_the_concepts_their_text_names(corpus, concepts):
    tagged = {
        document.key.removeprefix("test.doc:"): {concept.slug for concept in document.concepts.all()}
        for document in SearchDocument.objects.filter(key__startswith="test.doc:").prefetch_related(
            "concepts"
        )
    }
    assert tagged == {
        "fees-en": {"recruitment-fees"},
        "warning-en": {"early-warning"},
        "fees-ar": {"recruitment-fees"},
        "clinics-fr": set(),
    }


@pytest.mark.parametrize(
    ("query", "language"),
    [("رسوم التوظيف", "ar"), ("frais de recrutement", "fr"), ("رسوم الاستقدام", "ar")],
)
def test_a_query_in_another_language_finds_the_english_brief(corpus, people, query, language):
    with translation.override(language):
        found = keys(search(people["anonymous"], query, language=language))
        assert "fees-en" in found
        assert "fees-en" not in keys(
            search(people["anonymous"], query, language=language, through_concepts=False)
        )


def test_a_french_reader_finds_the_english_lesson_on_early_warning(corpus, people):
    with translation.override("fr"):
        assert keys(search(people["anonymous"], "alerte précoce", language="fr")) == ["warning-en"]


def test_a_document_naming_the_words_ranks_above_one_found_through_the_concept(corpus, people):
    with translation.override("ar"):
        assert keys(search(people["anonymous"], "رسوم التوظيف", language="ar")) == ["fees-ar", "fees-en"]


def test_a_result_found_through_a_concept_says_which(corpus, people):
    with translation.override("fr"):
        results = search(people["anonymous"], "frais de recrutement", language="fr")
    [match] = next(hit for hit in results.hits if hit.key == "test.doc:fees-en").matched_concepts
    assert match.labels == (("fr", "frais de recrutement"), ("en", "recruitment fees"))
    assert match.url == "/fr/topics/recruitment-fees/"


def test_a_result_matching_its_own_words_says_nothing_of_concepts(corpus, people):
    results = search(people["anonymous"], "recruitment fees", language="en")
    assert keys(results)[0] == "fees-en"
    assert results.hits[0].matched_concepts == []


def test_concepts_and_other_words_must_all_match(corpus, people):
    assert keys(search(people["anonymous"], "رسوم التوظيف wages", language="ar")) == ["fees-en"]
    assert keys(search(people["anonymous"], "رسوم التوظيف floods", language="ar")) == []


def test_the_topic_facet_counts_and_filters(corpus, people, concepts):
    results = search(people["anonymous"])
    topics = {value.value: value.count for value in results.facets[FACET_TOPIC]}
    assert topics == {"recruitment-fees": 2, "early-warning": 1}
    chosen = search(people["anonymous"], topics=[concepts["fees"].pk])
    assert sorted(keys(chosen)) == ["fees-ar", "fees-en"]
    assert {value.value: value.count for value in chosen.facets[FACET_TOPIC]} == topics


def test_a_query_naming_no_concept_finds_the_same_in_the_same_order(corpus, people):
    for query in ("migrant workers", "cliniques mobiles", "messages", "العمال"):
        with_concepts = search(people["anonymous"], query)
        without = search(people["anonymous"], query, through_concepts=False)
        assert keys(with_concepts) == keys(without)
        assert [hit.score for hit in with_concepts.hits] == [hit.score for hit in without.hits]


def test_editors_pick_and_reject_concepts(concepts, vocabulary, people, search_backend):
    document_save(
        Projection(
            key="test.doc:picked",
            doc_type="policy_brief",
            title="Wages withheld",
            url="/en/documents/picked/",
            body="Employers withheld wages; early warning of abuse came from hotlines.",
            language="en",
            concepts=[concepts["fees"].pk],
            concepts_excluded=[concepts["warning"].pk],
        )
    )
    search_backend.refresh()
    assert keys(search(people["anonymous"], "رسوم التوظيف", language="ar")) == ["picked"]
    assert keys(search(people["anonymous"], "الإنذار المبكر", language="ar")) == []


def test_the_search_page_links_the_concept_a_result_was_found_through(client, corpus):
    with translation.override("fr"):
        response = client.get(reverse("search:index"), {"q": "alerte précoce"})
    page = response.content.decode()
    assert response.status_code == 200
    labels = '<bdi lang="fr">alerte précoce</bdi> · <bdi lang="en">early warning</bdi>'
    assert f'<a href="/fr/topics/early-warning/">{labels}</a>' in page


def test_of_results_found_alike_the_reader_language_comes_first(concepts, people, search_backend):
    for language in ("en", "fr"):
        document_save(
            Projection(
                key=f"test.doc:wages-{language}",
                doc_type="policy_brief",
                title="Wages",
                url=f"/{language}/documents/wages/",
                language=language,
                concepts=[concepts["fees"].pk],
            )
        )
    search_backend.refresh()
    for language in ("en", "fr"):
        with translation.override(language):
            found = keys(search(people["anonymous"], "رسوم التوظيف", language=language))
        assert found == [f"wages-{language}", f"wages-{'fr' if language == 'en' else 'en'}"]


def test_the_search_page_filters_by_topic(client, corpus):
    response = client.get(reverse("search:index"), {"topic": "recruitment-fees"})
    results = response.context["results"]
    assert sorted(keys(results)) == ["fees-ar", "fees-en"]
    assert "Topic" in response.content.decode()
    assert client.get(reverse("search:index"), {"topic": "<script>"}).status_code == 200
