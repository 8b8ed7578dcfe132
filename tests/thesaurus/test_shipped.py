"""The thesaurus shipped with the portal loads, covers the fund's domain in three
languages, and has a sound hierarchy."""

import pytest

from portal.thesaurus.models import Concept, ConceptLabel

pytestmark = pytest.mark.django_db


def test_the_shipped_thesaurus_has_300_concepts_named_in_three_languages(shipped):
    concepts = Concept.objects.prefetch_related("labels", "broader")
    assert concepts.count() >= 300
    for concept in concepts:
        preferred = {
            label.language for label in concept.labels.all() if label.kind == ConceptLabel.Kind.PREFERRED
        }
        assert preferred == {"en", "ar", "fr"}, concept.slug


def test_every_concept_is_a_top_concept_or_has_a_broader_one_and_tops_are_few(shipped):
    tops = Concept.objects.filter(broader=None)
    assert 10 <= tops.count() <= 40
    assert Concept.objects.exclude(pk__in=tops).filter(broader=None).count() == 0
    assert all(concept.narrower.exists() for concept in tops)


def test_the_issue_examples_and_areas_are_there(shipped, areas):
    fees = Concept.objects.get(slug="recruitment-fees")
    assert [fees.preferred_label(code) for code in ("en", "ar", "fr")] == [
        "recruitment fees",
        "رسوم التوظيف",
        "frais de recrutement",
    ]
    assert fees.thematic_area == areas["labour"]
    warning = Concept.objects.get(slug="early-warning")
    assert [warning.preferred_label(code) for code in ("en", "ar", "fr")] == [
        "early warning",
        "الإنذار المبكر",
        "alerte précoce",
    ]
    assert warning.thematic_area is None
    assert warning.scope_note_ar and fees.scope_note_fr
    assert set(
        Concept.objects.exclude(thematic_area=None).values_list("thematic_area__slug", flat=True)
    ) == set(areas)
    assert ConceptLabel.objects.filter(concept__slug="internal-displacement", text="IDPs").exists()
