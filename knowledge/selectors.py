"""Reads of the knowledge base, in the reader's language.

The reading rule, used by every listing: a reader of language X sees the X
version of each page, plus the pages that have no X version at all (shown in
their original language), so nothing written only in Arabic or only in French
is hidden from the other readers.  Every listing is built in a fixed number of
queries, whatever the number of pages.

``locale`` may be a Locale or its id: pages know their locale's id without a
query, so callers pass ``page.locale_id``. ``user`` is the reader: a listing holds
only the pages they may open (``portal.audience.filter_pages``); feeds and the
sitemap are read anonymously and pass ``None``.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from django.utils.translation import get_language
from wagtail.models import Page

from knowledge.unions import Part, locales_part, union_of
from portal import audience, site_structure
from portal.i18n import current_language
from portal.models import Country, Organisation, ThematicArea
from search.models import SearchDocument
from search.projections import TYPE_LABELS, document_key
from search.topics import topic_links, topic_querysets

LISTING_RELATIONS = ("themes", "countries", "organisations")
# The knowledge types of the search documents, which related resources are drawn from.
KNOWLEDGE_DOC_TYPES = ("policy_brief", "lesson_learned", "joint_action")


def _readable_in(queryset, model, locale):
    """Apply the reading rule for ``locale`` to ``queryset`` of ``model``."""
    live = model.objects.live()
    local_keys = live.filter(locale=locale).values("translation_key")
    original = live.filter(translation_key=OuterRef("translation_key")).order_by("pk").values("pk")[:1]
    return queryset.filter(Q(locale=locale) | (~Q(translation_key__in=local_keys) & Q(pk=Subquery(original))))


def _first_when(**lookup):
    """An ordering expression putting the rows matching ``lookup`` first."""
    return Case(When(**lookup, then=Value(0)), default=Value(1), output_field=IntegerField())


def _reader_language_first(queryset, locale):
    """Pages written in the reader's language before the originals shown for want of
    a translation, newest first within each."""
    return queryset.order_by(_first_when(locale=locale), "-publication_date", "-pk")


def _knowledge_queryset(
    model,
    *,
    locale,
    user,
    theme=None,
    country=None,
    organisation=None,
    year=None,
    language=None,
    own_language_first=False,
):
    queryset = audience.filter_pages(model.objects.all(), user)
    if language:
        queryset = queryset.filter(locale__language_code=language)
    else:
        queryset = _readable_in(queryset, model, locale)
    if theme is not None:
        queryset = queryset.filter(themes=theme)
    if country is not None:
        queryset = queryset.filter(countries=country)
    if organisation is not None:
        queryset = queryset.filter(organisations=organisation)
    if year is not None:
        queryset = queryset.filter(publication_date__year=year)
    if hasattr(queryset, "defer_streamfields"):
        queryset = queryset.defer_streamfields()
    queryset = queryset.select_related("locale")
    if own_language_first:
        return _reader_language_first(queryset, locale)
    return queryset.order_by("-publication_date", "-pk")


def knowledge_page_list(model, *, locale, user, **filters):
    """Live pages of ``model`` that ``user`` may open, for a reader of ``locale``, those
    written in the reader's language first, newest first within each, with their themes,
    countries and organisations.

    Filters: ``language`` (a language code) narrows the list to pages written in
    that language, whatever the reader's; ``theme``, ``country``,
    ``organisation`` and ``year`` to one thematic area, country, organisation or
    publication year.
    """
    return _knowledge_queryset(
        model, locale=locale, user=user, own_language_first=True, **filters
    ).prefetch_related(*LISTING_RELATIONS)


def attach_listing_relations(pages):
    """Load the themes, countries and organisations of ``pages``, which may mix
    briefs, lessons and joint actions, in one query.

    ``prefetch_related`` would take one query per relation and model. The
    results fill the same cache it fills, so ``page.themes.all()`` reads them.
    """
    _load_relations(pages, LISTING_RELATIONS)
    return pages


def _in_model_order(instances, model):
    # The vocabulary tables order by plain field names (sort order, then name or code).
    return sorted(instances, key=lambda item: [getattr(item, name) for name in model._meta.ordering])


def _load_relations(pages, names, *, also=((), ()), extra=()):
    """Fill ``page.<name>.all()`` of every page for each relation of ``names`` (and of
    the pages and names ``also`` gives) with one query: a union of the related
    tables, each row tagged with its page. The rows of each part of ``extra`` (tagged
    with its position) come in the same query, and are returned, a list per part."""
    groups = [(list(pages), names), (list(also[0]), also[1])]
    parts, part_keys = list(extra), [("extra", "")] * len(extra)
    for group, (group_pages, group_names) in enumerate(groups):
        ids_by_model = {}
        for page in group_pages:
            ids_by_model.setdefault(type(page), []).append(page.pk)
        for name in group_names:
            for model, ids in ids_by_model.items():
                parts.append(Part.related(model, name, ids))
                part_keys.append((group, name))
    if not parts:
        return []
    loaded = {}
    for position, page_id, instance in union_of(parts):
        loaded.setdefault((*part_keys[position], page_id), []).append(instance)
    for group, (group_pages, group_names) in enumerate(groups):
        for name in group_names:
            for page in group_pages:
                related = loaded.get((group, name, page.pk), [])
                model = type(page)._meta.get_field(name).related_model
                _fill_prefetch_cache(page, name, _in_model_order(related, model))
    return [loaded.get(("extra", "", position), []) for position in range(len(extra))]


def filter_vocabulary():
    """Every thematic area, country and partner organisation, for the index pages'
    filters, in one query."""
    models = (ThematicArea, Country, Organisation)
    found = {model: [] for model in models}
    for position, _tag, instance in union_of(list(_vocabulary_parts(models))):
        found[models[position]].append(instance)
    return tuple(_in_model_order(found[model], model) for model in models)


@functools.lru_cache(maxsize=1)
def _vocabulary_parts(models) -> tuple[Part, ...]:
    # The same SQL for every request: compiled once per process.
    return tuple(Part.of(model.objects.all(), Value(0)) for model in models)


def _fill_prefetch_cache(page, name, objects):
    """Make ``page.<name>.all()`` return ``objects`` without a query, as after
    ``prefetch_related``."""
    queryset = getattr(page, name).all()
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    page.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def load_page_relations(page, request, *, listed=()):
    """Load the themes, countries and organisations (with their logos) of the ``page``
    being shown once: its template lists the themes twice (tags in the head, facts in
    the panel) and the related resources match them. A preview keeps the unsaved
    relations it was built with. The relations of the pages it ``listed`` as cards
    come in the same query."""
    if not page.pk or getattr(request, "is_preview", False):
        attach_listing_relations(listed)
    else:
        # The topics its search document carries come in the same query.
        concepts, labels = _load_relations(
            [page],
            ("themes", "countries"),
            also=(listed, LISTING_RELATIONS),
            extra=_topic_parts(document_key(page), get_language()),
        )
        page.loaded_topics = topic_links(concepts, labels)
        # The facts panel shows each organisation's logo: loaded with it, not one by one.
        organisations = Prefetch("organisations", queryset=Organisation.objects.select_related("logo"))
        prefetch_related_objects([page], organisations)


@functools.lru_cache(maxsize=1024)
def _topic_parts(key, language) -> tuple[Part, ...]:
    # The SQL of a page's topics depends only on its document and the reader's
    # language (``topic_querysets`` reads it): kept per process, as compiling it
    # cost more than running it.
    return tuple(
        Part.of(queryset, Value(position)) for position, queryset in enumerate(topic_querysets(key=key))
    )


def latest_knowledge(model, *, locale, user, limit=5, **filters):
    """The ``limit`` newest pages of ``model`` for ``user``, a reader of ``locale``."""
    return latest_knowledge_of_each((model,), locale=locale, user=user, limit=limit, **filters)[model]


def latest_knowledge_of_each(models, *, locale, user, limit=5, **filters):
    """The ``limit`` newest pages of each of ``models`` for a reader of
    ``locale``, keyed by model, with their locales and relations: one query for
    the pages of every model, one for the relations of all.
    ``own_language_first``: pages in the reader's language before the others."""
    models = tuple(models)
    filters = tuple(sorted((name, getattr(value, "pk", value)) for name, value in filters.items()))
    locale = getattr(locale, "pk", locale)
    if audience.signed_in(user):
        parts = _latest_parts(models, locale, user, limit, filters)
    else:
        parts = _anonymous_latest_parts(models, locale, limit, filters)
    locales, ranked = {}, []
    for position, rank, instance in union_of([*parts, locales_part()]):
        if position == len(models):
            locales[instance.pk] = instance
        else:
            ranked.append((position, rank, instance))
    latest = {model: [] for model in models}
    for position, _rank, page in sorted(ranked, key=lambda row: row[:2]):
        page.locale = locales[page.locale_id]
        latest[models[position]].append(page)
    attach_listing_relations([page for pages in latest.values() for page in pages])
    return latest


def _latest_parts(models, locale, user, limit, filters) -> tuple[Part, ...]:
    return tuple(
        Part.first(_knowledge_queryset(model, locale=locale, user=user, **dict(filters)), limit)
        for model in models
    )


@functools.lru_cache(maxsize=512)
def _anonymous_latest_parts(models, locale, limit, filters) -> tuple[Part, ...]:
    # Readers who are not signed in all see the same pages, so the SQL of their
    # listings depends only on these arguments; building the querysets cost more
    # than running them.
    return _latest_parts(models, locale, None, limit, filters)


def translated_page(model, pk, *, locale):
    """The page ``pk`` of ``model`` in ``locale`` when that version is live,
    else the page itself if live, else ``None`` (a link never leads to a
    draft). One query, without loading the page first."""
    if pk is None:
        return None
    original_key = model.objects.filter(pk=pk).values("translation_key")
    candidates = (
        model.objects.filter(translation_key=Subquery(original_key))
        .filter(Q(pk=pk) | Q(live=True, locale=locale))
        .select_related("locale")
    )
    locale_id = getattr(locale, "pk", locale)
    original = None
    for candidate in candidates:
        if candidate.live and candidate.locale_id == locale_id:
            return candidate
        if candidate.pk == pk:
            original = candidate
    return original if original is not None and original.live else None


def lessons_of_joint_action(joint_action, *, locale, user):
    """Lessons learned from ``joint_action`` (in any of its translations), without
    their relations (``load_page_relations`` loads them with the joint action's)."""
    from knowledge.models import LessonLearnedPage

    lessons = knowledge_page_list(LessonLearnedPage, locale=locale, user=user).filter(
        related_joint_action__translation_key=joint_action.translation_key
    )
    return list(lessons.prefetch_related(None))


def index_pages(*, locale, request=None):
    """The live index pages of ``locale``, keyed by the kind of page they list
    (``"briefs"``, ``"lessons"``, ``"joint-actions"``), in one query, or none when
    ``request`` reads them from the site structure (they are home pages' children)."""
    from knowledge.models import JointActionIndexPage, LessonLearnedIndexPage, PolicyBriefIndexPage

    models = (PolicyBriefIndexPage, LessonLearnedIndexPage, JointActionIndexPage)
    if request is not None:
        children = site_structure.current(request).home_children(getattr(locale, "pk", locale))
        return {page.listing_model.feed_kind: page for page in children if isinstance(page, models)}
    content_types = ContentType.objects.get_for_models(*models)
    kind_by_type = {content_types[model].pk: model.listing_model.feed_kind for model in models}
    pages = Page.objects.live().filter(locale=locale, content_type_id__in=kind_by_type)
    return {kind_by_type[page.content_type_id]: page for page in pages}


def knowledge_highlights(*, locale, user, limit=5, request=None, **filters):
    """The newest briefs, lessons and joint actions (narrowed by ``filters``), those in
    the reader's language first, with the index page of each kind, for home, theme and
    partner pages."""
    from knowledge.models import KNOWLEDGE_PAGE_MODELS

    indexes = index_pages(locale=locale, request=request)
    latest = latest_knowledge_of_each(
        KNOWLEDGE_PAGE_MODELS, locale=locale, user=user, limit=limit, own_language_first=True, **filters
    )
    return {
        model.feed_kind.replace("-", "_"): {
            "items": latest[model],
            "index": indexes.get(model.feed_kind),
            "label": model._meta.verbose_name_plural,
        }
        for model in KNOWLEDGE_PAGE_MODELS
    }


def listed_pages(highlights):
    """Every page of ``knowledge_highlights`` in one flat list. Templates get it
    beside the sections so the comment-count badges of all cards are counted
    in one query (the badge counts every page list it finds in the context)."""
    return [page for section in highlights.values() for page in section["items"]]


def partner_list():
    """Every partner organisation with its country and logo renditions."""
    return Organisation.objects.select_related("country", "logo").prefetch_related("logo__renditions")


# Rows read per resource shown, so that versions of one resource in other languages
# leave enough others to fill the list.
RELATED_READ_AHEAD = 3


def related_resources(page, *, user, exclude_pages=(), limit=4):
    """Up to ``limit`` pieces of knowledge ``user`` may open that share a thematic area
    and a country with ``page`` (any type, any language), the reader's language first,
    then the newest, each resource once; ``page`` and ``exclude_pages`` (its
    translations) left out.

    Read from the search documents in one query, without the pages: each row carries
    its title, address, type, language and date. Rows get ``type_label``.
    """
    theme_ids = tuple(theme.pk for theme in page.themes.all())
    country_ids = tuple(country.pk for country in page.countries.all())
    if not theme_ids and not country_ids:
        return []
    keys = {document_key(page), *(document_key(other) for other in exclude_pages)}
    scopes = tuple(sorted(audience.scopes_for(user)))
    sql, params = _related_query(
        scopes, theme_ids, country_ids, tuple(sorted(keys)), current_language(), limit
    )
    # One version of each translated resource: the first, in the reader's language
    # when there is one.
    shown = {}
    for row in SearchDocument.objects.raw(sql, params):
        shown.setdefault(row.translation_group, row)
    rows = list(shown.values())[:limit]
    for row in rows:
        row.type_label = TYPE_LABELS.get(row.doc_type, row.doc_type)
    return rows


@functools.lru_cache(maxsize=1024)
def _related_query(scopes, theme_ids, country_ids, keys, language, limit) -> tuple[str, tuple]:
    # The SQL of a page's related resources depends only on these arguments: kept
    # per process, as compiling it cost more than running it.
    rows = SearchDocument.objects.visible_to(scopes).filter(doc_type__in=KNOWLEDGE_DOC_TYPES)
    for through, column, ids in (
        (SearchDocument.themes.through, "thematicarea_id", theme_ids),
        (SearchDocument.countries.through, "country_id", country_ids),
    ):
        if ids:
            shared = through.objects.filter(searchdocument_id=OuterRef("pk"), **{f"{column}__in": ids})
            rows = rows.filter(Exists(shared))
    candidates = (
        rows.exclude(key__in=keys)
        .only("key", "doc_type", "title", "url", "language", "date", "translation_group")
        .order_by(_first_when(language=language), "-date", "-pk")[: limit * RELATED_READ_AHEAD]
    )
    sql, params = candidates.query.sql_with_params()
    return sql, tuple(params)
