"""Thesaurus concepts in search: what a document is about, and how a query reaches
documents through concepts, whatever language each is written in.

A document is about the concepts its title, body and attached text name
(``portal.thesaurus.matching``, after the normalisation and stemming the search
uses, in the document's language), plus those its editors picked, less those they
rejected. The database backends find a document through a concept by its term
(``concept_term``) in a full text column of their own, weighted below the body;
the engine by its ``concepts`` field, scored below a title naming the words.

A query is read as parts (``query_parts``): each word on its own, except a run of
words naming a concept ("رسوم التوظيف", "alerte précoce"), which a document matches
through those words or through the concept. A query that names no concept is the
list of words it always was, and matches exactly what it matched without concepts.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import get_language

from portal.thesaurus.matching import Matcher, Naming, concept_spans, matcher, namings
from search import text

# Analysed text holds stems of letters and digits only, so a term made of this
# prefix and an id never collides with a word's stem.
CONCEPT_TERM_PREFIX = "zzconcept"
# How much of a long text (an attached report) is read for the concepts it names.
MAX_CONCEPT_TEXT = 100_000


@dataclass(frozen=True)
class QueryPart:
    """Words a document must contain, or, when they name ``concepts``, one of those."""

    words: tuple[str, ...]
    concepts: frozenset[int] = frozenset()


def concept_term(concept_id: int) -> str:
    return f"{CONCEPT_TERM_PREFIX}{concept_id}"


def document_concepts(projection, stemmed, *, thesaurus: Matcher | None = None) -> list[int]:
    """Ids of the concepts the document projected as ``projection`` is about.
    ``stemmed(text)`` gives the stems of each word of one of its texts (normalised,
    stop words left out, in its language), as the indexing pipeline has them.
    ``thesaurus`` is the matcher to read them with, for a caller tagging many
    documents at once: finding the current one asks the cache whether the
    thesaurus changed."""
    texts = (
        projection.title,
        projection.body[:MAX_CONCEPT_TEXT],
        projection.attachment_text[:MAX_CONCEPT_TEXT],
    )
    found = (thesaurus or matcher()).find([stems for content in texts for stems in stemmed(content)])
    return sorted((found | set(projection.concepts)) - set(projection.concepts_excluded))


def query_parts(query_text: str, *, through_concepts: bool = True) -> list[QueryPart]:
    words = text.query_words(query_text)
    if not through_concepts or not words:
        return [QueryPart((word,)) for word in words]
    parts, position = [], 0
    for start, end, concepts in concept_spans(words):
        parts.extend(QueryPart((word,)) for word in words[position:start])
        parts.append(QueryPart(tuple(words[start:end]), concepts))
        position = end
    parts.extend(QueryPart((word,)) for word in words[position:])
    return parts


def query_concepts(parts: list[QueryPart]) -> frozenset[int]:
    return frozenset().union(*(part.concepts for part in parts))


@dataclass(frozen=True)
class ConceptMatch:
    """A concept a result was found through, named in the reader's language and,
    when it differs, in the result's."""

    url: str
    # (language, preferred label) pairs.
    labels: tuple[tuple[str, str], ...]


def concept_matches(hits, document_concept_ids: dict[str, set[int]], wanted: frozenset[int]) -> None:
    """Set ``matched_concepts`` on the ``hits`` found through one of the ``wanted``
    concepts rather than through their own words (nothing of theirs highlighted).
    ``document_concept_ids``: hit key -> the concepts of its document."""
    through = {
        hit.key: sorted(document_concept_ids.get(hit.key, set()) & wanted)
        for hit in hits
        if "<mark>" not in f"{hit.title_html}{hit.snippet_html}"
    }
    ids = {pk for found in through.values() for pk in found}
    if not ids:
        return
    concepts = namings(ids)
    reader = (get_language() or "en")[:2]
    for hit in hits:
        hit.matched_concepts = [
            ConceptMatch(
                url=reverse("thesaurus:concept", kwargs={"slug": concepts[pk].slug}),
                labels=_labels(concepts[pk], reader, hit.language or reader),
            )
            for pk in through.get(hit.key, ())
            if pk in concepts
        ]


def _labels(naming: Naming, *languages: str) -> tuple[tuple[str, str], ...]:
    """The concept's preferred label in each of ``languages``, a label said once."""
    labels: dict[str, str] = {}
    for language in languages:
        labels.setdefault(naming.label(language), language)
    return tuple((language, label) for label, language in labels.items())
