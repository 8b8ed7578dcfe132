"""What every page request asks about the sites, answered by one read of the cache.

For each request Wagtail finds its site (a query), the active locale (a query) and
the root page in the reader's language with its specific model (one or two), and
every page's header shows the menu of that language (a query) with addresses built
from Wagtail's site root paths (a read of the cache). The answers are the same for
every request until a page is published, unpublished, moved or deleted, or a site
or a language changes, so they are built once into one entry of the default cache,
shared by every worker, and forgotten on those changes (``portal.receivers``).
Each process also keeps the copy it last read: a request reads only the entry's
small ``stamp`` from the cache, and the whole entry when the stamp changed.

The stamp is the structure's generation: a token each change replaces, which the
entry carries from the moment its builder read it. An entry built from data read just
before a change committed carries the token that change replaced, so no reader takes
it, and the entry needs no expiry (a reader's GET writes nothing until something
changes). Fragments that must be forgotten with the structure (because they show
what such a change changes) put the stamp in their cache keys. ``derived`` keeps
such fragments in the process: the partner list, listing cards and briefs' bodies,
which show vocabulary, images, documents and linked pages whose changes
(organisations, countries, their logos, thematic areas, any page published or
unpublished) forget the structure.
"""

import hashlib
import operator
import secrets
from dataclasses import dataclass, field, fields
from functools import reduce

import django
import wagtail
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q, prefetch_related_objects
from django.http.request import split_domain_port
from wagtail.models import Locale, Page, Site
from wagtail.views import serve as wagtail_serve

from portal.i18n import active_content_language
from portal.models import HomePage, ThemePage
from portal.page_serving import load_view_restrictions

STAMP_KEY = "portal:site-structure-stamp"
_MEMO = "_portal_site_structure"
# Fragments kept per process by ``derived``: a card is a kilobyte or two, so the
# bound keeps a few megabytes at most; past it, all are built again.
_DERIVED: dict = {}
_DERIVED_LIMIT = 4096


@dataclass
class Menu:
    home: Page | None
    items: list[Page] = field(default_factory=list)


@dataclass
class Structure:
    stamp: str
    sites: list[Site]
    root_paths: list
    # By language code: the live home page of that locale and its pages shown in menus.
    menus: dict[str, Menu]
    locales: dict[str, Locale]

    def active_locale(self) -> Locale | None:
        """``Locale.get_active()``: the active language's locale, else the default one."""
        return self.locales.get(active_content_language()) or self.locales.get(settings.LANGUAGE_CODE)

    def menu(self) -> Menu:
        """The menu of the active language, or of the default language where it has none
        (as ``Locale.get_active()`` falls back to the default locale)."""
        found = self.menus.get(active_content_language())
        if found is None or found.home is None:
            found = self.menus.get(settings.LANGUAGE_CODE)
        return found or Menu(home=None)

    def home_children(self, locale_id: int) -> list[Page]:
        """The live children of the home pages of a locale (its themes and indexes)."""
        return [
            page
            for site in self.sites
            for root in site.root_page.live_translations.values()
            if root.locale_id == locale_id
            for page in root.live_children
        ]

    def site_for(self, hostname: str, port: int) -> Site | None:
        """The site Wagtail's ``Site.find_for_request`` picks for this host and port."""
        ranked = []
        for site in self.sites:
            if site.hostname == hostname and site.port == port:
                rank = 0
            elif site.hostname == hostname and site.is_default_site:
                rank = 1
            elif site.is_default_site:
                rank = 2
            elif site.hostname == hostname:
                rank = 3
            else:
                continue
            ranked.append((rank, site))
        ranked.sort(key=lambda pair: pair[0])
        if not ranked:
            return None
        if len(ranked) == 1 or ranked[0][0] in (0, 1):
            return ranked[0][1]
        if ranked[0][0] == 2:
            # A default site under another name yields to a single site of this name.
            return ranked[len(ranked) == 2][1]
        return None


# The entry is pickled and never expires: a release that shapes it otherwise (its
# fields, or the Django and Wagtail whose objects it holds) reads and writes its own.
_SHAPE = repr(
    ([item.name for item in fields(Structure)], [item.name for item in fields(Menu)])
    + (django.__version__, wagtail.__version__)
)
KEY = "portal:site-structure:" + hashlib.blake2b(_SHAPE.encode(), digest_size=6).hexdigest()


def _menus() -> dict[str, Menu]:
    """Every locale's live home page and its live children shown in menus, in one query."""
    home_type = ContentType.objects.get_for_model(HomePage)
    pages = list(
        Page.objects.live()
        .filter(Q(content_type=home_type) | Q(show_in_menus=True))
        .select_related("locale")
        .order_by("path")
    )
    menus: dict[str, Menu] = {}
    for home in pages:
        if home.content_type_id != home_type.pk:
            continue
        # The first home page of a language (in tree order), as the menu always took.
        menus.setdefault(
            home.locale.language_code,
            Menu(
                home=home,
                items=[
                    page for page in pages if page.depth == home.depth + 1 and page.path.startswith(home.path)
                ],
            ),
        )
    return menus


def _sites() -> list[Site]:
    """Every site, its root page specific and carrying its live translations, so that
    routing a request (``root_page.localized.specific``) costs no query. Each version
    of a root page carries its view restrictions and its live children (a home page's
    themes and index pages), which the home page and every listing ask for."""
    sites = list(Site.objects.select_related("root_page", "root_page__locale"))
    roots = []
    for site in sites:
        root = site.root_page.specific
        versions = {
            version.locale.language_code: version
            for version in root.get_translations().live().select_related("locale").specific()
        }
        versions[root.locale.language_code] = root
        for version in versions.values():
            version.live_translations = versions
            load_view_restrictions(version)
            roots.append(version)
        site.root_page = root
    if roots:
        children = list(
            Page.objects.live()
            .filter(depth=roots[0].depth + 1)
            .filter(reduce(operator.or_, (Q(path__startswith=root.path) for root in roots)))
            .order_by("path")
            .specific()
        )
        prefetch_related_objects([page for page in children if isinstance(page, ThemePage)], "theme")
        for root in roots:
            root.live_children = [page for page in children if page.path.startswith(root.path)]
    return sites


def _build(stamp: str) -> Structure:
    return Structure(
        stamp=stamp,
        sites=_sites(),
        root_paths=Site.get_site_root_paths(),
        menus=_menus(),
        locales={locale.language_code: locale for locale in Locale.objects.all()},
    )


def current(request=None) -> Structure:
    """The structure, read once per request (and built when missing)."""
    memo = getattr(request, _MEMO, None) if request is not None else None
    if memo is not None:
        return memo
    structure = _shared()
    if request is not None:
        setattr(request, _MEMO, structure)
        # Where Wagtail keeps what it found for this request (``Site.find_for_request``,
        # ``Page._get_site_root_paths``), so it does not look again.
        if not hasattr(request, "_wagtail_site"):
            hostname = split_domain_port(request._get_raw_host())[0]
            request._wagtail_site = structure.site_for(hostname, _port(request))
        request._wagtail_cached_site_root_paths = structure.root_paths
    return structure


# The structure this process last read or built.
_kept: Structure | None = None


def _stamp() -> str:
    stamp = cache.get(STAMP_KEY)
    if stamp is None:
        new = secrets.token_hex(8)
        # Another process may have set one meanwhile: theirs stands.
        stamp = new if cache.add(STAMP_KEY, new, timeout=None) else cache.get(STAMP_KEY, new)
    return stamp


def _shared() -> Structure:
    """The structure all processes share: this process's copy while the shared
    stamp is its own, else the shared entry, else one built now."""
    global _kept
    # Read before the data the structure is built from, so that a change committed
    # while building leaves the entry behind.
    stamp = _stamp()
    if _kept is not None and _kept.stamp == stamp:
        return _kept
    structure = cache.get(KEY)
    if not isinstance(structure, Structure) or structure.stamp != stamp:
        structure = _build(stamp)
        cache.set(KEY, structure, timeout=None)
    _kept = structure
    return structure


def _port(request) -> int | None:
    try:
        return int(request.get_port())
    except (TypeError, ValueError):
        return None


def derived(request, name, build):
    """What ``build()`` returns for ``name`` (any hashable value), built once per
    process until the structure is rebuilt: for what shows only ``name``'s values
    and what forgets the structure."""
    key = (current(request).stamp, name)
    if key not in _DERIVED:
        if len(_DERIVED) >= _DERIVED_LIMIT:
            _DERIVED.clear()
        _DERIVED[key] = build()
    return _DERIVED[key]


def forget() -> None:
    """A new generation: every entry and fragment built before it is built again."""
    cache.set(STAMP_KEY, secrets.token_hex(8), timeout=None)


class SiteStructureMiddleware:
    """Gives Wagtail's page view the site and root page from the structure, before
    Wagtail looks them up in the database. Other views read it only when their
    template shows the menu."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_serve:
            current(request)
