"""Reads of the thesaurus for its pages. Every concept is public."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from portal.models import ThematicArea
from portal.thesaurus.models import LANGUAGES, Concept, ConceptLabel
from search.text import normalise

_WITH_LABELS = Prefetch("labels", queryset=ConceptLabel.objects.exclude(kind=ConceptLabel.Kind.HIDDEN))


@dataclass(frozen=True)
class TopConcept:
    concept: Concept
    narrower: list[Concept]


@dataclass(frozen=True)
class AreaGroup:
    name: str
    slug: str
    concepts: list[TopConcept]


@dataclass(frozen=True)
class Naming:
    """How a concept is named in one language, for a page in another."""

    language: str
    language_name: str
    direction: str
    preferred: str
    alternatives: list[str]


def sorted_by_label(concepts) -> list[Concept]:
    return sorted(concepts, key=lambda concept: concept.preferred_label().casefold())


def scheme_overview() -> list[AreaGroup]:
    """The thematic areas in their order, then the concepts across areas, each with
    its top concepts and their narrower ones, in the reader's language's order.
    Three queries, whatever the size of the thesaurus."""
    concepts = {concept.pk: concept for concept in Concept.objects.prefetch_related(_WITH_LABELS)}
    broader: dict[int, list[int]] = {}
    for narrower_id, broader_id in Concept.broader.through.objects.values_list(
        "from_concept_id", "to_concept_id"
    ):
        broader.setdefault(narrower_id, []).append(broader_id)
    children: dict[int, list[Concept]] = {}
    for narrower_id, parents in broader.items():
        for parent in parents:
            children.setdefault(parent, []).append(concepts[narrower_id])
    tops: dict[int | None, list[TopConcept]] = {}
    for concept in sorted_by_label(concept for pk, concept in concepts.items() if pk not in broader):
        tops.setdefault(concept.thematic_area_id, []).append(
            TopConcept(concept=concept, narrower=sorted_by_label(children.get(concept.pk, [])))
        )
    groups = [
        AreaGroup(name=area.label, slug=area.slug, concepts=tops[area.pk])
        for area in ThematicArea.objects.filter(pk__in=[pk for pk in tops if pk])
    ]
    if None in tops:
        groups.append(AreaGroup(name=_("Across thematic areas"), slug="", concepts=tops[None]))
    return groups


def concept_detail(*, slug: str) -> Concept:
    """The concept with its area, labels, and broader and narrower concepts, or 404."""
    related = Concept.objects.prefetch_related(_WITH_LABELS)
    concept = (
        Concept.objects.select_related("thematic_area")
        .prefetch_related(
            _WITH_LABELS, Prefetch("broader", queryset=related), Prefetch("narrower", queryset=related)
        )
        .filter(slug=slug)
        .first()
    )
    if concept is None:
        raise Http404
    return concept


@dataclass(frozen=True)
class ScopeNote:
    text: str
    language: str


def scope_note(concept: Concept) -> ScopeNote:
    """The scope note in the reader's language, else the English one."""
    language = (get_language() or "en")[:2]
    text = getattr(concept, f"scope_note_{language}", "")
    return ScopeNote(text, language) if text else ScopeNote(concept.scope_note, "en")


def namings(concept: Concept) -> list[Naming]:
    """The concept's preferred and alternative labels, language by language."""
    found = []
    for language in LANGUAGES:
        preferred = concept.labels_in(language, ConceptLabel.Kind.PREFERRED)
        info = get_language_info(language)
        found.append(
            Naming(
                language=language,
                language_name=info["name_translated"],
                direction="rtl" if info["bidi"] else "ltr",
                preferred=preferred[0] if preferred else "",
                alternatives=concept.labels_in(language, ConceptLabel.Kind.ALTERNATIVE),
            )
        )
    return found


@dataclass(frozen=True)
class PickerConcept:
    """A concept as an editor picks it: named in the editor's language, with its
    names in the other languages beside it and every name (normalised) to filter on."""

    pk: int
    label: str
    others: list[tuple[str, str]]
    names: str


def picker_groups() -> list[tuple[str, list[PickerConcept]]]:
    """Every concept, grouped by thematic area in the areas' order, then those across
    areas, sorted by their names in the editor's language. Two queries."""
    language = (get_language() or "en")[:2]
    by_area: dict[ThematicArea | None, list[PickerConcept]] = {}
    for concept in Concept.objects.select_related("thematic_area").prefetch_related(_WITH_LABELS):
        label = concept.preferred_label(language)
        others = [
            (code, text)
            for code in LANGUAGES
            for text in concept.labels_in(code, ConceptLabel.Kind.PREFERRED)
            if text != label
        ]
        names = " ".join(dict.fromkeys(normalise(item.text) for item in concept.labels.all()))
        by_area.setdefault(concept.thematic_area, []).append(PickerConcept(concept.pk, label, others, names))
    areas = sorted(
        (area for area in by_area if area is not None), key=lambda area: (area.sort_order, area.name)
    )
    groups = [(area.label, by_area[area]) for area in areas]
    if None in by_area:
        groups.append((_("Across thematic areas"), by_area[None]))
    return [
        (name, sorted(concepts, key=lambda concept: concept.label.casefold())) for name, concepts in groups
    ]
