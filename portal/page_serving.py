"""Serving a page in few queries: finding it, and its view restrictions.

Finding the page at the end of an address, and its live translations, takes two
queries, whatever its depth.

Wagtail walks the tree one level at a time: each level costs a query for the child
and one for its specific model, so a brief two levels under a home page costs four.
Every page of a subtree carries its address (``url_path``), so the page at the end
of the address, and every page on the way, comes in one query (with the locales,
its SQL compiled once per process and address); its specific model in a second. A
page on the way that routes its own way (a routable page, whose children are not
pages) makes the walk Wagtail's again, as does an address no page has, so the
answer never differs from Wagtail's.

The view restrictions of a page and its ancestors are read once per page and
shared by Wagtail's check before serving and the portal's audience policy, which
asks again while the page renders (its comments, its listings).
"""

import functools

from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page, PageViewRestriction

from knowledge.unions import Part, locales_part, union_of
from portal.i18n import active_content_language

_RESTRICTIONS_CACHE = "_audience_view_restrictions"


def _routes_like_a_page(page: Page) -> bool:
    model = page.specific_class
    return model is not None and model.route in (Page.route, ServedInFewQueriesMixin.route)


def descendant_at(root: Page, path_components: list[str]) -> Page | None:
    """The specific page at ``root``'s address plus ``path_components``, with its
    locale and its parent (which its page shows as the way back), or ``None`` when
    Wagtail's own walk must decide."""
    addresses = [
        root.url_path + "/".join(path_components[:end]) + "/" for end in range(1, len(path_components) + 1)
    ]
    rows, locales = [], {}
    for position, _tag, instance in union_of([_walk_part(root.path, tuple(addresses)), locales_part()]):
        if position:
            locales[instance.pk] = instance
        else:
            rows.append(instance)
    rows.sort(key=lambda row: row.path)
    for row in rows:
        row.locale = locales[row.locale_id]
    on_the_way = {page.url_path: page for page in rows if page.path.startswith(root.path)}
    if len(on_the_way) != len(addresses) or not all(
        _routes_like_a_page(on_the_way[address]) for address in addresses[:-1]
    ):
        return None
    found = on_the_way[addresses[-1]]
    model = found.specific_class
    if model is None:
        return None
    served_with = getattr(model, "served_with", ())
    page = model.objects.select_related("locale", *served_with).filter(pk=found.pk).first()
    if page is not None:
        # Treebeard's get_parent() reads this instead of querying.
        page._cached_parent_obj = on_the_way[addresses[-2]] if len(addresses) > 1 else root
        versions = {}
        for version in rows:
            if version.live and version.translation_key == page.translation_key:
                versions.setdefault(version.locale.language_code, version)
        if page.live:
            versions[page.locale.language_code] = page
        page.live_translations = versions
    return page


@functools.lru_cache(maxsize=1024)
def _walk_part(root_path: str, addresses: tuple[str, ...]) -> Part:
    # The pages on the way to an address and the live versions of the page at its
    # end; the SQL depends only on these arguments, so it is compiled once per
    # process (compiling it cost more than running it).
    in_root = Q(path__startswith=root_path)
    found_key = Page.objects.filter(in_root, url_path=addresses[-1]).values("translation_key")
    pages = Page.objects.filter(
        (in_root & Q(url_path__in=addresses)) | Q(translation_key__in=found_key, live=True)
    )
    return Part.of(pages, Value(0))


def load_view_restrictions(page) -> list:
    """The view restrictions of ``page`` and its ancestors as (type, group ids, id),
    read once in one query and kept on the page.

    Wagtail's ``get_view_restrictions`` takes two queries (the ancestors, then
    their restrictions); the same restrictions are found here: each ancestor by its
    path, an alias by the page it copies.
    """
    cached = getattr(page, _RESTRICTIONS_CACHE, None)
    if cached is None:
        steplen = page.steplen
        paths = [page.path[:end] for end in range(steplen, len(page.path) + 1, steplen)]
        checked = Page.objects.filter(path__in=paths).values(checked=Coalesce("alias_of_id", "pk"))
        restrictions = PageViewRestriction.objects.filter(page_id__in=checked).prefetch_related("groups")
        cached = [
            (
                restriction.restriction_type,
                frozenset(group.pk for group in restriction.groups.all()),
                restriction.pk,
            )
            for restriction in restrictions
        ]
        setattr(page, _RESTRICTIONS_CACHE, cached)
    return cached


class ServedInFewQueriesMixin:
    """For the portal's page models: the address walk and the restrictions above."""

    # Relations the page's own template always shows, loaded with the page.
    served_with: tuple[str, ...] = ()

    def route(self, request, path_components):
        if path_components:
            page = descendant_at(self, path_components)
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    @property
    def localized(self):
        # A site's root page from the site structure knows its live translations, so
        # routing a request in the reader's language costs no query.
        versions = getattr(self, "live_translations", None)
        if versions is None:
            return super().localized
        return versions.get(active_content_language(), self)

    def get_view_restrictions(self):
        # Wagtail checks these before serving (and the admin orders and counts
        # them), so they stay a queryset; a page without any costs no query more.
        restriction_ids = [pk for _kind, _groups, pk in load_view_restrictions(self)]
        if not restriction_ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=restriction_ids)
