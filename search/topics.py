"""Reads of what is tagged with thesaurus concepts: the documents about a concept,
for its page, and the concepts a document is about, for the page it mirrors.

Both read the search rows (``SearchDocument.concepts``, written by the indexing
pipeline from ``search.concepts.document_concepts``), so a topic lists forum
topics, posts and comments as well as pages, each only for a reader who may see
it (``portal.audience.scopes_for``), in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Exists, F, IntegerField, OuterRef, Subquery
from django.db.models.expressions import Case, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils.translation import get_language

from portal.audience import scopes_for
from portal.thesaurus.models import Concept, ConceptLabel
from portal.thesaurus.selectors import sorted_by_label
from search.models import SearchDocument
from search.projections import TYPE_LABELS
from search.ranking import translations_of

PER_PAGE = 20
TAGS = SearchDocument.concepts.through
SHOWN_FIELDS = ("key", "doc_type", "title", "url", "language", "date", "translation_group")


def _reader() -> str:
    return (get_language() or "en")[:2]


@dataclass(frozen=True)
class TopicLink:
    slug: str
    label: str
    language: str


def topic_querysets(*, key: str):
    """The concepts the live document ``key`` is about, and their preferred labels
    in the reader's language and in English: two querysets, which a page's view
    reads with its other relations in one query."""
    # The document found once (a scalar subquery), then its links by their index:
    # a plan that stays cheap even where the tables' statistics are stale.
    document = SearchDocument.objects.filter(key=key, deleted=False).values("id")[:1]
    tagged = TAGS.objects.filter(searchdocument_id=Subquery(document)).values("concept_id")
    return (
        Concept.objects.filter(pk__in=tagged),
        ConceptLabel.objects.filter(
            concept__in=tagged, kind=ConceptLabel.Kind.PREFERRED, language__in={_reader(), "en"}
        ),
    )


def topic_links(concepts, labels) -> list[TopicLink]:
    """``concepts`` named by their ``labels`` in the reader's language, else in
    English, sorted by that name."""
    reader = _reader()
    named: dict[int, ConceptLabel] = {}
    for label in labels:
        if label.concept_id not in named or label.language == reader:
            named[label.concept_id] = label
    links = [
        TopicLink(slug=concept.slug, label=named[concept.pk].text, language=named[concept.pk].language)
        for concept in concepts
        if concept.pk in named
    ]
    return sorted(links, key=lambda topic: topic.label.casefold())


def document_topics(*, key: str) -> list[TopicLink]:
    """The concepts the document ``key`` is about, named for the reader. One query."""
    _concepts, labels = topic_querysets(key=key)
    labels = list(labels.select_related("concept"))
    return topic_links({label.concept_id: label.concept for label in labels}.values(), labels)


@dataclass
class TaggedEntry:
    """One resource about the concept: the version shown (``document``), its other
    language versions the reader may open, and the narrower concepts it is tagged
    with (empty when tagged with the concept itself only)."""

    document: SearchDocument
    type_label: str
    also_in: list[SearchDocument] = field(default_factory=list)
    narrower: list[Concept] = field(default_factory=list)


@dataclass
class TaggedListing:
    page_obj: object
    entries: list[TaggedEntry]
    types: list[tuple[str, str]]
    doc_type: str
    page_numbers: list


def _first_when(**lookup):
    return Case(When(**lookup, then=Value(0)), default=Value(1), output_field=IntegerField())


def concept_documents(*, concept: Concept, narrower, user, doc_type: str = "", page=None) -> TaggedListing:
    """The documents ``user`` may see that are tagged with ``concept`` or one of its
    ``narrower`` concepts, one entry per translated resource (the version in the
    reader's language when the reader may see one, else the original), newest
    first, ``PER_PAGE`` a page; ``doc_type`` narrows them to one type (an unknown
    one is ignored). Five queries, whatever the number of documents."""
    narrower = list(narrower)
    concept_ids = [concept.pk, *(other.pk for other in narrower)]
    visible = SearchDocument.objects.visible_to(scopes_for(user))
    tagged = visible.filter(
        Exists(TAGS.objects.filter(searchdocument_id=OuterRef("pk"), concept_id__in=concept_ids))
    )
    present = set(tagged.order_by().values_list("doc_type", flat=True).distinct())
    types = sorted(
        ((name, str(TYPE_LABELS.get(name, name))) for name in present), key=lambda item: item[1].casefold()
    )
    if doc_type not in present:
        doc_type = ""
    if doc_type:
        tagged = tagged.filter(doc_type=doc_type)
    # Every version the reader may see of each resource tagged, numbered from the
    # one to show (the reader's language, else the original): the first of each.
    shown = (
        visible.filter(translation_group__in=tagged.values("translation_group"))
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("translation_group")],
                order_by=[_first_when(language=_reader()), "translation_order", "pk"],
            )
        )
        .filter(rank=1)
        .only(*SHOWN_FIELDS)
        .order_by(F("date").desc(nulls_last=True), "-pk")
    )
    paginator = Paginator(shown, PER_PAGE)
    page_obj = paginator.get_page(page)
    documents = list(page_obj.object_list)
    return TaggedListing(
        page_obj=page_obj,
        entries=_entries(documents, visible, concept_ids, {other.pk: other for other in narrower}),
        types=types,
        doc_type=doc_type,
        page_numbers=list(paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)),
    )


def _entries(documents, visible, concept_ids, narrower_by_id) -> list[TaggedEntry]:
    groups = [document.translation_group for document in documents]
    if not groups:
        return []
    versions: dict[str, list[SearchDocument]] = {}
    for version in visible.filter(translation_group__in=groups).only(*SHOWN_FIELDS):
        versions.setdefault(version.translation_group, []).append(version)
    tags: dict[str, set[int]] = {}
    for group, concept_id in TAGS.objects.filter(
        searchdocument__in=visible.filter(translation_group__in=groups), concept_id__in=concept_ids
    ).values_list("searchdocument__translation_group", "concept_id"):
        tags.setdefault(group, set()).add(concept_id)
    return [
        TaggedEntry(
            document=document,
            type_label=str(TYPE_LABELS.get(document.doc_type, document.doc_type)),
            also_in=translations_of(document, versions.get(document.translation_group, [])),
            narrower=sorted_by_label(
                narrower_by_id[pk] for pk in tags.get(document.translation_group, ()) if pk in narrower_by_id
            ),
        )
        for document in documents
    ]
