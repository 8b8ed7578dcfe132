"""Writes to the thesaurus."""

from dataclasses import dataclass

from django.db import transaction

from portal.models import ThematicArea
from portal.thesaurus.models import Concept, ConceptLabel
from portal.thesaurus.signals import concepts_changed
from portal.thesaurus.skos import ParsedScheme, SkosError, find_cycle, slug_for


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    skipped_labels: int


def _checked_areas(scheme: ParsedScheme) -> dict[str, ThematicArea]:
    wanted = {concept.area for concept in scheme.concepts.values() if concept.area}
    areas = ThematicArea.objects.in_bulk(wanted, field_name="slug")
    unknown = sorted(wanted - set(areas))
    if unknown:
        raise SkosError(f"Unknown thematic area: {', '.join(unknown)} (no thematic area has that slug).")
    return areas


def _checked_broader(scheme: ParsedScheme) -> dict[str, set[str]]:
    """Every concept's broader concepts after the import: the file's for the concepts
    it names, the database's for the others."""
    edges = {uri: set(concept.broader) for uri, concept in scheme.concepts.items()}
    rows = Concept.broader.through.objects.values_list("from_concept__uri", "to_concept__uri")
    for narrower, broader in rows:
        if narrower not in scheme.concepts:
            edges.setdefault(narrower, set()).add(broader)
    known = set(edges) | set(Concept.objects.values_list("uri", flat=True))
    for uri, targets in edges.items():
        missing = sorted(targets - known)
        if missing:
            raise SkosError(
                f"Concept {uri} has a broader concept that is not in the thesaurus: {missing[0]}."
            )
    cycle = find_cycle(edges)
    if cycle:
        raise SkosError(f"Broader links form a cycle: {' → '.join(cycle)}.")
    return edges


def _free_slug(wanted: str, uri: str, taken: dict[str, str]) -> str:
    slug, number = wanted, 1
    while taken.get(slug, uri) != uri:
        number += 1
        slug = f"{wanted}-{number}"
    taken[slug] = uri
    return slug


@transaction.atomic
def thesaurus_import(*, scheme: ParsedScheme) -> ImportResult:
    """Create or update, by URI, the concepts of ``scheme`` with their labels, broader
    concepts and thematic areas; concepts the file does not name are kept. Raises
    ``SkosError``, having changed nothing, when the result would be inconsistent.

    Rows are written in bulk (a published thesaurus has thousands of labels), so
    ``concepts_changed`` is sent once, at the end, rather than per row."""
    areas = _checked_areas(scheme)
    edges = _checked_broader(scheme)
    existing = {concept.uri: concept for concept in Concept.objects.all()}
    taken = {concept.slug: concept.uri for concept in existing.values()}
    imported: dict[str, Concept] = {}
    for uri in sorted(scheme.concepts):
        parsed = scheme.concepts[uri]
        concept = existing.get(uri) or Concept(uri=uri, slug=_free_slug(slug_for(parsed), uri, taken))
        concept.notation = parsed.notation
        concept.thematic_area = areas.get(parsed.area)
        concept.scope_note = parsed.scope_notes.get("en", "")
        concept.scope_note_ar = parsed.scope_notes.get("ar", "")
        concept.scope_note_fr = parsed.scope_notes.get("fr", "")
        imported[uri] = concept
    new = [concept for concept in imported.values() if concept.pk is None]
    Concept.objects.bulk_create(new)
    Concept.objects.bulk_update(
        [concept for concept in imported.values() if concept not in new],
        ["notation", "thematic_area", "scope_note", "scope_note_ar", "scope_note_fr"],
    )
    _replace_labels(scheme, imported)
    by_uri = {**existing, **imported}
    links = Concept.broader.through
    links.objects.filter(from_concept__in=imported.values()).delete()
    links.objects.bulk_create(
        links(from_concept_id=imported[uri].pk, to_concept_id=by_uri[target].pk)
        for uri in sorted(scheme.concepts)
        for target in sorted(edges[uri])
    )
    concepts_changed.send(sender=Concept)
    return ImportResult(
        created=len(new), updated=len(imported) - len(new), skipped_labels=scheme.skipped_labels
    )


def _replace_labels(scheme: ParsedScheme, imported: dict[str, Concept]) -> None:
    wanted = {
        (imported[uri].pk, *label) for uri, parsed in scheme.concepts.items() for label in parsed.labels
    }
    current = {
        (label.concept_id, label.language, label.kind, label.text): label.pk
        for label in ConceptLabel.objects.filter(concept__in=imported.values())
    }
    # Deleted first: a new preferred label may replace an old one in the same language.
    ConceptLabel.objects.filter(pk__in=[pk for key, pk in current.items() if key not in wanted]).delete()
    ConceptLabel.objects.bulk_create(
        ConceptLabel(concept_id=concept_id, language=language, kind=kind, text=text)
        for concept_id, language, kind, text in sorted(wanted - set(current))
    )
