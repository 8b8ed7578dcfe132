"""Concepts found in texts and queries through their labels, in any of the three
languages, after the normalisation and stemming the search uses."""

import pytest
from django.core.management import call_command
from django.db import transaction

from portal.thesaurus import matching
from portal.thesaurus.models import Concept, ConceptLabel

pytestmark = pytest.mark.django_db


def slugs(ids) -> set[str]:
    return set(Concept.objects.filter(pk__in=ids).values_list("slug", flat=True))


def in_text(text, language) -> set[str]:
    return slugs(matching.concepts_in_text(text, language))


def in_query(query) -> set[str]:
    return slugs(matching.concepts_in_query(query))


@pytest.mark.parametrize(
    "text, language, expected",
    [
        # English plurals and a multiword phrase, longest label first.
        ("Workers paid recruitment fees to agencies.", "en", {"recruitment-fees"}),
        ("The recruitment fee was paid twice.", "en", {"recruitment-fees"}),
        ("Early-warning messages reached the villages.", "en", {"early-warning"}),
        # French accents, with or without them, plurals.
        ("Les frais de recrutement restent élevés.", "fr", {"recruitment-fees"}),
        ("Les alertes precoces sont arrivées à temps.", "fr", {"early-warning"}),
        ("une alerte précoce", "fr", {"early-warning"}),
        # Arabic: with and without hamza, ة written ه, ال and و prefixes, plurals.
        ("دفع العمال رسوم التوظيف كاملة", "ar", {"recruitment-fees"}),
        ("نظام الانذار المبكر في القرى", "ar", {"early-warning-systems"}),
        ("وصلت الإنذارات المبكرة في الوقت المناسب", "ar", {"early-warning"}),
        ("والإنذار المبكر ضروري", "ar", {"early-warning"}),
        ("دعم العمال المهاجرين", "ar", {"migrant-workers"}),
        ("الهجره غير النظاميه", "ar", {"irregular-migration"}),
        # Abbreviations.
        ("MHPSS services for IDPs", "en", {"mhpss", "internal-displacement"}),
        # A label of another language inside a text.
        ("The brief quotes the phrase « alerte précoce ».", "en", {"early-warning"}),
    ],
)
def test_labels_are_found_in_a_text(shipped, text, language, expected):
    assert in_text(text, language) == expected


@pytest.mark.parametrize(
    "text, language",
    [
        # Whole words only: "DRR" inside a longer word, "kafala" inside another.
        ("The DRRX code and kafalat are not concepts.", "en"),
        # A phrase's words apart from each other do not name it.
        ("Early in the morning a warning came.", "en"),
        ("رسوم الدخول ثم موعد مبكر", "ar"),
    ],
)
def test_no_concept_is_found_inside_longer_words_or_across_a_gap(shipped, text, language):
    assert in_text(text, language) == set()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("رسوم التوظيف", {"recruitment-fees"}),
        ("frais de recrutement", {"recruitment-fees"}),
        ("recruitment fees jordan", {"recruitment-fees"}),
        ("alerte précoce", {"early-warning"}),
        ("الإنذار المبكر", {"early-warning"}),
        ("early warnings", {"early-warning"}),
        ("DRR", {"disaster-risk-reduction"}),
        ("déplacés internes", {"internal-displacement"}),
        ("budget", set()),
    ],
)
def test_a_query_names_concepts_in_any_language(shipped, query, expected):
    assert in_query(query) == expected


def test_a_change_to_labels_is_seen_by_the_next_match(shipped, django_capture_on_commit_callbacks):
    assert in_query("headhunting") == set()
    fees = Concept.objects.get(slug="recruitment-fees")
    with django_capture_on_commit_callbacks(execute=True):
        ConceptLabel.objects.create(concept=fees, language="en", kind="hidden", text="headhunting")
    assert in_query("headhunting") == {"recruitment-fees"}
    with django_capture_on_commit_callbacks(execute=True):
        fees.delete()
    assert "recruitment-fees" not in in_query("recruitment fees")


def test_the_matcher_is_built_once_until_something_changes(shipped, django_assert_num_queries):
    matching.matcher()
    with django_assert_num_queries(0):
        assert matching.concepts_in_query("early warning")
        assert matching.concepts_in_text("early warning", "en")


class CountingCache:
    """The cache, counting the reads of the thesaurus version."""

    def __init__(self, cache):
        self.cache, self.version_reads = cache, 0

    def get(self, key, *args):
        self.version_reads += key == matching.VERSION_KEY
        return self.cache.get(key, *args)

    def __getattr__(self, name):
        return getattr(self.cache, name)


def test_a_request_reads_the_thesaurus_version_once(shipped, monkeypatch):
    # The thesaurus was loaded in this test's transaction, which never commits:
    # match as every process does once it has.
    matching.forget_uncommitted()
    matching.matcher()
    cache = CountingCache(matching.cache)
    monkeypatch.setattr(matching, "cache", cache)
    matching.request_began()
    try:
        # A search: the query's concepts, then the names of its facets' concepts.
        matching.namings(matching.concepts_in_query("early warning"))
        matching.concept_spans(["early", "warning"])
        assert cache.version_reads == 1
        matching.bump_version()
        assert matching.concepts_in_query("early warning")
        assert cache.version_reads == 2
    finally:
        matching.request_ended()
    matching.matcher()
    matching.matcher()
    assert cache.version_reads == 4


def test_an_import_is_seen_by_the_next_match(areas, skos_file):
    assert matching.concepts_in_query("headhunting") == set()
    call_command(
        "thesaurus_import",
        str(skos_file('c:h a skos:Concept ; skos:prefLabel "headhunting"@en .')),
        verbosity=0,
    )
    assert slugs(matching.concepts_in_query("headhunting")) == {"h"}


def test_a_long_document_names_its_concepts(shipped):
    document = " ".join(
        ["Migrant workers in Jordan paid recruitment fees before the early warning system"] * 500
    )
    assert len(document.split()) >= 5000
    found = matching.concepts_in_text(document, "en")
    assert slugs(found) == {"migrant-workers", "recruitment-fees", "early-warning-systems"}


def test_a_transaction_matches_with_its_own_changes(shipped):
    with transaction.atomic():
        fees = Concept.objects.get(slug="recruitment-fees")
        ConceptLabel.objects.create(concept=fees, language="en", kind="hidden", text="headhunting")
        assert in_query("headhunting") == {"recruitment-fees"}


def test_a_change_rolled_back_leaves_no_concept_behind(shipped):
    matching.matcher()
    with pytest.raises(RuntimeError), transaction.atomic():
        ghost = Concept.objects.create(uri="https://example.org/c/ghost", slug="ghost")
        ConceptLabel.objects.create(concept=ghost, language="en", kind="preferred", text="headhunting")
        assert matching.concepts_in_query("headhunting") == {ghost.pk}
        raise RuntimeError
    assert matching.concepts_in_query("headhunting") == set()
    assert in_query("recruitment fees") == {"recruitment-fees"}
