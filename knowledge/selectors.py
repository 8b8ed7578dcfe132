"""Reads of the knowledge base, in the reader's language.

The reading rule, used by every listing: a reader of language X sees the X
version of each page, plus the pages that have no X version at all (shown in
their original language), so nothing written only in Arabic or only in French
is hidden from the other readers.  Every listing is built in a fixed number of
queries, whatever the number of pages.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Q, Subquery
from wagtail.models import Page

from portal.models import Organisation

LISTING_RELATIONS = ("themes", "countries", "organisations")


def _readable_in(queryset, model, locale):
    """Apply the reading rule for ``locale`` to ``queryset`` of ``model``."""
    live = model.objects.live()
    local_keys = live.filter(locale=locale).values("translation_key")
    original = live.filter(translation_key=OuterRef("translation_key")).order_by("pk").values("pk")[:1]
    return queryset.filter(Q(locale=locale) | (~Q(translation_key__in=local_keys) & Q(pk=Subquery(original))))


def knowledge_page_list(
    model, *, locale, theme=None, country=None, organisation=None, year=None, language=None
):
    """Live, public pages of ``model`` for a reader of ``locale``, newest first.

    ``language`` (a language code) narrows the list to pages written in that
    language, whatever the reader's; the other filters narrow it to one thematic
    area, country, organisation or publication year.
    """
    queryset = model.objects.live().public()
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
    return (
        queryset.select_related("locale")
        .prefetch_related(*LISTING_RELATIONS)
        .order_by("-publication_date", "-pk")
    )


def latest_knowledge(model, *, locale, limit=5, **filters):
    """The ``limit`` newest pages of ``model`` for a reader of ``locale``."""
    return list(knowledge_page_list(model, locale=locale, **filters)[:limit])


def translated_page(page, *, locale):
    """``page`` in ``locale`` when that version is live, else ``page`` itself if
    live, else ``None`` (a link never leads to a draft)."""
    if page is None:
        return None
    translation = page.get_translations(inclusive=True).live().filter(locale=locale).specific().first()
    if translation is not None:
        return translation
    return page if page.live else None


def lessons_of_joint_action(joint_action, *, locale):
    """Lessons learned from ``joint_action`` (in any of its translations)."""
    from knowledge.models import LessonLearnedPage

    return list(
        knowledge_page_list(LessonLearnedPage, locale=locale).filter(
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


def knowledge_highlights(*, locale, limit=5, **filters):
    """The newest briefs, lessons and joint actions (narrowed by ``filters``)
    with the index page of each kind, for home, theme and partner pages."""
    from knowledge.feeds import feed_links_for
    from knowledge.models import KNOWLEDGE_PAGE_MODELS

    indexes = index_pages(locale=locale)
    return {
        model.feed_kind.replace("-", "_"): {
            "items": latest_knowledge(model, locale=locale, limit=limit, **filters),
            "index": indexes.get(model.feed_kind),
            "label": model._meta.verbose_name_plural,
            "feed_links": feed_links_for(model.feed_kind),
        }
        for model in KNOWLEDGE_PAGE_MODELS
    }


def partner_list():
    """Every partner organisation with its country and logo renditions."""
    return Organisation.objects.select_related("country", "logo").prefetch_related("logo__renditions")
