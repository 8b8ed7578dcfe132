"""RSS and Atom feeds of the knowledge base, per kind of page and per thematic
area, in the language of the address (/en/, /ar/, /fr/). Every link in them is
built from the portal's configured address, whatever Host the reader sent."""

from dataclasses import dataclass, field

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from portal.models import ThematicArea, ThemePage
from portal.site_address import absolute_url, page_url

FEED_SIZE = 20
FEED_LABELS = {
    "briefs": gettext_lazy("Policy briefs"),
    "lessons": gettext_lazy("Lessons learned"),
    "joint-actions": gettext_lazy("Joint actions"),
}


def _models_by_kind():
    from knowledge.models import KNOWLEDGE_PAGE_MODELS

    return {model.feed_kind: model for model in KNOWLEDGE_PAGE_MODELS}


def feed_links_for(kind=None, *, theme=None):
    """``<link rel="alternate">`` data for the feeds of a kind of page or of a
    thematic area: one RSS and one Atom entry."""
    if theme is not None:
        label = _("%(theme)s: latest knowledge") % {"theme": theme.label}
        names, args = ("knowledge:theme_feed_rss", "knowledge:theme_feed_atom"), [theme.slug]
    else:
        label = FEED_LABELS[kind]
        names, args = ("knowledge:feed_rss", "knowledge:feed_atom"), [kind]
    return [
        {"title": f"{label} (RSS)", "href": reverse(names[0], args=args), "type": "application/rss+xml"},
        {"title": f"{label} (Atom)", "href": reverse(names[1], args=args), "type": "application/atom+xml"},
    ]


def knowledge_feed_links():
    """The feeds of every kind of page, for the home page's head."""
    return [link for kind in FEED_LABELS for link in feed_links_for(kind)]


@dataclass
class FeedSource:
    title: str
    description: str
    link: str
    feed_url: str
    items: list = field(default_factory=list)


def _with_links(pages, request):
    for page in pages:
        page.feed_link = page_url(page, request) or absolute_url("/")
    return pages


class KnowledgeRssFeed(Feed):
    """The newest pages of one kind (``briefs``, ``lessons``, ``joint-actions``)."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, kind):
        from knowledge.selectors import index_pages, latest_knowledge

        model = _models_by_kind().get(kind)
        if model is None:
            raise Http404(_("There is no such feed."))
        locale = Locale.get_active()
        index = index_pages(locale=locale).get(kind)
        items = latest_knowledge(model, locale=locale, user=None, limit=FEED_SIZE)
        return FeedSource(
            title=f"{FEED_LABELS[kind]} · {_('Partnership Portal')}",
            description=_("The newest %(kind)s published on the Partnership Portal.")
            % {"kind": str(FEED_LABELS[kind]).lower()},
            link=(page_url(index, request) if index else None) or absolute_url("/"),
            feed_url=absolute_url(request.path),
            items=_with_links(items, request),
        )

    def title(self, obj):
        return obj.title

    def description(self, obj):
        return obj.description

    def subtitle(self, obj):
        return obj.description

    def link(self, obj):
        return obj.link

    def feed_url(self, obj):
        return obj.feed_url

    def items(self, obj):
        return obj.items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.feed_link

    def item_pubdate(self, item):
        return item.publication_datetime

    def item_updateddate(self, item):
        return item.last_published_at or item.publication_datetime

    def item_categories(self, item):
        return [str(theme.label) for theme in item.themes.all()]

    def item_author_name(self, item):
        return ", ".join(str(organisation.short_label) for organisation in item.organisations.all()) or None


class KnowledgeAtomFeed(KnowledgeRssFeed):
    feed_type = Atom1Feed


class ThemeRssFeed(KnowledgeRssFeed):
    """The newest briefs, lessons learned and joint actions of one thematic area."""

    def get_object(self, request, slug):
        from knowledge.selectors import latest_knowledge_of_each

        theme = get_object_or_404(ThematicArea, slug=slug)
        locale = Locale.get_active()
        latest = latest_knowledge_of_each(
            _models_by_kind().values(), locale=locale, user=None, limit=FEED_SIZE, theme=theme
        )
        items = [page for pages in latest.values() for page in pages]
        items.sort(key=lambda page: (page.publication_date, page.pk), reverse=True)
        theme_page = ThemePage.objects.live().filter(theme=theme, locale=locale).first()
        return FeedSource(
            title=f"{theme.label} · {_('Partnership Portal')}",
            description=_("The newest policy briefs, lessons learned and joint actions on %(theme)s.")
            % {"theme": theme.label},
            link=(page_url(theme_page, request) if theme_page else None) or absolute_url("/"),
            feed_url=absolute_url(request.path),
            items=_with_links(items[:FEED_SIZE], request),
        )


class ThemeAtomFeed(ThemeRssFeed):
    feed_type = Atom1Feed
