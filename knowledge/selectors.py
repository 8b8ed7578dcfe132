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

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
    prefetch_related_objects,
)
from wagtail.models import Page

from portal import audience
from portal.i18n import current_language
from portal.models import Organisation
from search.models import SearchDocument
from search.projections import TYPE_LABELS, document_key

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
    briefs, lessons and joint actions, in one query per relation.

    ``prefetch_related`` would take one query per relation and model. The
    results fill the same cache it fills, so ``page.themes.all()`` reads them.
    """
    ids_by_model = {}
    for page in pages:
        ids_by_model.setdefault(type(page), []).append(page.pk)
    if not ids_by_model:
        return pages
    for name in LISTING_RELATIONS:
        target = next(iter(ids_by_model))._meta.get_field(name).related_model
        parts = []
        for model, ids in ids_by_model.items():
            reverse_name = model._meta.get_field(name).related_query_name()
            parts.append(
                target.objects.filter(**{f"{reverse_name}__in": ids})
                .annotate(listed_page_id=F(reverse_name))
                .order_by()
            )
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        related = {}
        for row in rows.order_by(*target._meta.ordering):
            related.setdefault(row.listed_page_id, []).append(row)
        for page in pages:
            _fill_prefetch_cache(page, name, related.get(page.pk, []))
    return pages


def _fill_prefetch_cache(page, name, objects):
    """Make ``page.<name>.all()`` return ``objects`` without a query, as after
    ``prefetch_related``."""
    queryset = getattr(page, name).all()
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    page.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset


def _load_themes_and_countries(page):
    """Load ``page.themes`` and ``page.countries`` in one query, a union of both tables
    (each row tagged with its relation, the columns the other table lacks left empty),
    so the facts panel and the related resources cost no more than one relation."""
    names = ("themes", "countries")
    models = [page._meta.get_field(name).related_model for name in names]
    fields = {}
    for model in models:
        for field in model._meta.concrete_fields:
            fields.setdefault(field.attname, field)
    columns = list(fields)
    parts = []
    for position, (name, model) in enumerate(zip(names, models, strict=True)):
        own = {field.attname for field in model._meta.concrete_fields}
        selected = {"relation": Value(position, output_field=IntegerField())}
        for index, column in enumerate(columns):
            selected[f"c{index}"] = F(column) if column in own else Value(None, output_field=fields[column])
        reverse_name = page._meta.get_field(name).related_query_name()
        parts.append(
            model.objects.filter(**{reverse_name: page.pk})
            .order_by()
            .annotate(**selected)
            .values_list(*selected)
        )
    loaded = {name: [] for name in names}
    for relation, *values in parts[0].union(parts[1], all=True):
        name, model = names[relation], models[relation]
        own = {field.attname for field in model._meta.concrete_fields}
        instance = model(
            **{column: value for column, value in zip(columns, values, strict=True) if column in own}
        )
        instance._state.adding, instance._state.db = False, parts[0].db
        loaded[name].append(instance)
    for name, model in zip(names, models, strict=True):
        # Both tables order by plain field names (sort order, then name or code).
        ordering = model._meta.ordering
        _fill_prefetch_cache(
            page, name, sorted(loaded[name], key=lambda item: [getattr(item, f) for f in ordering])
        )


def load_page_relations(page, request):
    """Load the themes, countries and organisations (with their logos) of the ``page``
    being shown once: its template lists the themes twice (tags in the head, facts in
    the panel) and the related resources match them. A preview keeps the unsaved
    relations it was built with."""
    if page.pk and not getattr(request, "is_preview", False):
        # The facts panel shows each organisation's logo: loaded with it, not one by one.
        _load_themes_and_countries(page)
        organisations = Prefetch("organisations", queryset=Organisation.objects.select_related("logo"))
        prefetch_related_objects([page], organisations)


def latest_knowledge(model, *, locale, user, limit=5, **filters):
    """The ``limit`` newest pages of ``model`` for ``user``, a reader of ``locale``."""
    return latest_knowledge_of_each((model,), locale=locale, user=user, limit=limit, **filters)[model]


def latest_knowledge_of_each(models, *, locale, user, limit=5, **filters):
    """The ``limit`` newest pages of each of ``models`` for a reader of
    ``locale``, keyed by model, with their relations loaded for all at once.
    ``own_language_first``: pages in the reader's language before the others."""
    latest = {
        model: list(_knowledge_queryset(model, locale=locale, user=user, **filters)[:limit])
        for model in models
    }
    attach_listing_relations([page for pages in latest.values() for page in pages])
    return latest


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
    """Lessons learned from ``joint_action`` (in any of its translations)."""
    from knowledge.models import LessonLearnedPage

    return list(
        knowledge_page_list(LessonLearnedPage, locale=locale, user=user).filter(
            related_joint_action__translation_key=joint_action.translation_key
        )
    )


def index_pages(*, locale):
    """The live index pages of ``locale``, keyed by the kind of page they list
    (``"briefs"``, ``"lessons"``, ``"joint-actions"``), in one query."""
    from knowledge.models import JointActionIndexPage, LessonLearnedIndexPage, PolicyBriefIndexPage

    models = (PolicyBriefIndexPage, LessonLearnedIndexPage, JointActionIndexPage)
    content_types = ContentType.objects.get_for_models(*models)
    kind_by_type = {content_types[model].pk: model.listing_model.feed_kind for model in models}
    pages = Page.objects.live().filter(locale=locale, content_type_id__in=kind_by_type)
    return {kind_by_type[page.content_type_id]: page for page in pages}


def knowledge_highlights(*, locale, user, limit=5, **filters):
    """The newest briefs, lessons and joint actions (narrowed by ``filters``), those in
    the reader's language first, with the index page of each kind, for home, theme and
    partner pages."""
    from knowledge.feeds import feed_links_for
    from knowledge.models import KNOWLEDGE_PAGE_MODELS

    indexes = index_pages(locale=locale)
    latest = latest_knowledge_of_each(
        KNOWLEDGE_PAGE_MODELS, locale=locale, user=user, limit=limit, own_language_first=True, **filters
    )
    return {
        model.feed_kind.replace("-", "_"): {
            "items": latest[model],
            "index": indexes.get(model.feed_kind),
            "label": model._meta.verbose_name_plural,
            "feed_links": feed_links_for(model.feed_kind),
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
    theme_ids = [theme.pk for theme in page.themes.all()]
    country_ids = [country.pk for country in page.countries.all()]
    if not theme_ids and not country_ids:
        return []
    keys = {document_key(page), *(document_key(other) for other in exclude_pages)}
    rows = SearchDocument.objects.visible_to(audience.scopes_for(user)).filter(
        doc_type__in=KNOWLEDGE_DOC_TYPES
    )
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
        .order_by(_first_when(language=current_language()), "-date", "-pk")[: limit * RELATED_READ_AHEAD]
    )
    # One version of each translated resource: the first, in the reader's language
    # when there is one.
    shown = {}
    for row in candidates:
        shown.setdefault(row.translation_group, row)
    rows = list(shown.values())[:limit]
    for row in rows:
        row.type_label = TYPE_LABELS.get(row.doc_type, row.doc_type)
    return rows
