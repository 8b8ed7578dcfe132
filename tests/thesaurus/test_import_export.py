"""thesaurus_import and thesaurus_export: a SKOS file in, the same thesaurus out,
and a file that cannot be loaded changes nothing and says why."""

import io

import pytest
from django.core.management import CommandError, call_command

from portal.thesaurus.models import Concept, ConceptLabel
from tests.thesaurus.conftest import SHIPPED

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    """Everything an import sets, by URI."""
    concepts = Concept.objects.select_related("thematic_area").prefetch_related("labels", "broader")
    return {
        concept.uri: (
            concept.slug,
            concept.notation,
            concept.thematic_area.slug if concept.thematic_area else None,
            (concept.scope_note, concept.scope_note_ar, concept.scope_note_fr),
            frozenset((label.language, label.kind, label.text) for label in concept.labels.all()),
            frozenset(parent.uri for parent in concept.broader.all()),
        )
        for concept in concepts
    }


def load(path, *options) -> str:
    out = io.StringIO()
    call_command("thesaurus_import", str(path), *options, stdout=out)
    return out.getvalue()


def export(path, *options) -> None:
    call_command("thesaurus_export", str(path), *options, stdout=io.StringIO())


@pytest.mark.parametrize("format_name, suffix", [("turtle", "ttl"), ("xml", "rdf")])
def test_the_shipped_thesaurus_exported_and_loaded_into_an_empty_database_is_the_same(
    shipped, tmp_path, format_name, suffix
):
    loaded = snapshot()
    assert len(loaded) >= 300
    exported = tmp_path / f"out.{suffix}"
    export(exported, "--format", format_name)
    Concept.objects.all().delete()
    assert not ConceptLabel.objects.exists()

    assert "328 concepts created" in load(exported)
    assert snapshot() == loaded


def test_loading_the_same_file_again_changes_nothing(shipped):
    before = snapshot()
    assert "0 concepts created, 328 updated" in load(SHIPPED)
    assert snapshot() == before


def test_a_new_version_of_a_file_updates_concepts_by_uri_and_keeps_others(areas, skos_file):
    load(
        skos_file("""
        c:fees a skos:Concept ; skos:notation "fees" ;
            skos:prefLabel "recruitment fees"@en , "رسوم التوظيف"@ar ; skos:altLabel "fees"@en .
        c:recruitment a skos:Concept ; skos:prefLabel "recruitment"@en ; skos:narrower c:fees .
        c:kept a skos:Concept ; skos:prefLabel "kept"@en-GB ; skos:prefLabel "gardé"@es .
        <https://example.org/area> a skos:Collection ;
            skos:notation "labour"^^portal:ThematicArea ; skos:member c:fees .
        """)
    )
    fees = Concept.objects.get(uri="https://example.org/c/fees")
    assert fees.slug == "fees" and fees.thematic_area == areas["labour"]
    assert [parent.slug for parent in fees.broader.all()] == ["recruitment"]
    assert Concept.objects.get(slug="kept").preferred_label("es") == "kept"

    out = load(
        skos_file("""
        c:fees a skos:Concept ; skos:notation "fees" ;
            skos:prefLabel "recruitment fees"@en , "رسوم الاستقدام"@ar ;
            skos:hiddenLabel "recrutment fees"@en ;
            skos:scopeNote "Paid by the employer."@en .
        """)
    )
    assert "0 concepts created, 1 updated" in out
    fees.refresh_from_db()
    assert fees.thematic_area is None and not fees.broader.exists()
    assert fees.scope_note == "Paid by the employer."
    assert set(fees.labels.values_list("language", "kind", "text")) == {
        ("en", "preferred", "recruitment fees"),
        ("ar", "preferred", "رسوم الاستقدام"),
        ("en", "hidden", "recrutment fees"),
    }
    assert Concept.objects.filter(slug__in=["recruitment", "kept"]).count() == 2


def test_a_slug_already_taken_by_another_concept_gets_a_number(areas, skos_file):
    load(
        skos_file("""
        c:a a skos:Concept ; skos:notation "health" ; skos:prefLabel "health"@en .
        <https://example.org/other/health> a skos:Concept ; skos:prefLabel "health (other)"@en .
        """)
    )
    assert sorted(Concept.objects.values_list("slug", flat=True)) == ["health", "health-2"]


BAD_FILES = {
    "unparseable turtle": ("c:a a skos:Concept ; skos:prefLabel", "not valid turtle"),
    "no concept": ('c:a skos:prefLabel "a"@en .', "no skos:Concept"),
    "no English preferred label": (
        'c:a a skos:Concept ; skos:prefLabel "ا"@ar .',
        "no English preferred label",
    ),
    "two preferred labels in one language": (
        'c:a a skos:Concept ; skos:prefLabel "fees"@en , "charges"@en .',
        r"2 preferred labels in en \(charges, fees\)",
    ),
    "a broader cycle": (
        """c:a a skos:Concept ; skos:prefLabel "a"@en ; skos:broader c:b ; skos:narrower c:c .
        c:b a skos:Concept ; skos:prefLabel "b"@en ; skos:broader c:c .
        c:c a skos:Concept ; skos:prefLabel "c"@en .""",
        "cycle",
    ),
    "an unknown thematic area": (
        """c:a a skos:Concept ; skos:prefLabel "a"@en .
        <https://example.org/area> a skos:Collection ;
            skos:notation "fisheries"^^portal:ThematicArea ; skos:member c:a .""",
        "Unknown thematic area: fisheries",
    ),
    "an unknown broader concept": (
        'c:a a skos:Concept ; skos:prefLabel "a"@en ; skos:broader c:nowhere .',
        "not in the thesaurus: https://example.org/c/nowhere",
    ),
    "a label too long": (f'c:a a skos:Concept ; skos:prefLabel "{"a" * 201}"@en .', "longer than 200"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_is_refused_with_its_problem_named_and_nothing_changes(shipped, skos_file, name):
    before = snapshot()
    body, problem = BAD_FILES[name]
    with pytest.raises(CommandError, match=problem) as refused:
        load(skos_file(body))
    assert "Nothing was changed" in str(refused.value)
    assert snapshot() == before


def test_an_unparseable_rdf_xml_file_and_a_missing_file_are_refused(areas, tmp_path):
    broken = tmp_path / "broken.rdf"
    broken.write_text("<rdf:RDF", encoding="utf-8")
    with pytest.raises(CommandError, match="not valid xml"):
        load(broken)
    with pytest.raises(CommandError, match="No such file"):
        load(tmp_path / "missing.ttl")


def test_a_cycle_through_concepts_already_loaded_is_refused(shipped, skos_file):
    before = snapshot()
    # The shipped "fair recruitment" is narrower than "recruitment": making
    # recruitment narrower than fair recruitment closes a loop.
    body = """
    <https://partnership-portal.org/thesaurus/concept/recruitment> a skos:Concept ;
        skos:prefLabel "recruitment"@en ;
        skos:broader <https://partnership-portal.org/thesaurus/concept/recruitment-fees> .
    """
    with pytest.raises(CommandError, match="cycle"):
        load(skos_file(body))
    assert snapshot() == before


def test_export_to_standard_output_is_turtle(shipped):
    out = io.StringIO()
    call_command("thesaurus_export", stdout=out)
    text = out.getvalue()
    assert "skos:prefLabel" in text and '"رسوم التوظيف"@ar' in text
