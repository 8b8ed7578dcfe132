"""The portal in three languages: links between the language versions of a page,
the language switcher, alternates for search engines, and the direction of text.

A Wagtail page links to its live translations. A page that has no translation in some
language is offered in that language's interface as the original (``page_in_language``),
with a notice saying so. Any other view keeps its address and swaps the language prefix.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language, get_language_info, override, pgettext_lazy
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from portal.site_address import absolute_url

RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})
# Language names as they read inside a sentence ("not yet available in Arabic",
# "disponible en arabe"), which is not always how they read alone in a list.
LANGUAGE_NAMES_IN_TEXT = {
    "en": pgettext_lazy("language name inside a sentence", "English"),
    "ar": pgettext_lazy("language name inside a sentence", "Arabic"),
    "fr": pgettext_lazy("language name inside a sentence", "French"),
}
_PREFIX = re.compile(r"^/(?P<code>[a-z]{2}(?:-[a-z0-9]+)?)(?=/|$)", re.IGNORECASE)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    name_local: str
    url: str
    is_current: bool
    # False when the address shows the original because no translation exists yet.
    is_translated: bool = True

    @property
    def direction(self):
        return language_direction(self.code)


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def current_language():
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in language_codes() else settings.LANGUAGE_CODE


def active_content_language():
    """The content language ``Locale.get_active()`` picks for the active language: its
    supported variant, else the default language."""
    try:
        return get_supported_content_language_variant(get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


def language_direction(code):
    return "rtl" if (code or "").split("-")[0] in RTL_LANGUAGES else "ltr"


def _is_page(value):
    return isinstance(value, Page)


def page_translations(request, page):
    """The live language versions of ``page`` (itself included), by language code.

    Memoised on the request: the switcher, the alternates and the "also available"
    notice ask for them in the same response.
    """
    memo = getattr(request, "_portal_page_translations", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._portal_page_translations = memo
    if page.pk not in memo and getattr(page, "live_translations", None) is not None:
        # A site's root page from the site structure (``portal.site_structure``).
        memo[page.pk] = page.live_translations
    if page.pk not in memo:
        versions = {}
        own_language = None
        for version in page.get_translations(inclusive=True).live().select_related("locale"):
            versions.setdefault(version.locale.language_code, version)
            if version.pk == page.pk:
                # A page routed to without its locale (a home page) learns it here.
                own_language = version.locale.language_code
        if own_language is not None:
            versions[own_language] = page
        memo[page.pk] = versions
    return memo[page.pk]


def _page_url(request, page):
    return page.get_url(request=request) or page.url or "/"


def fallback_version(request, page):
    """The version offered where a language is missing: the default language's one when
    it exists (most readers of the portal read it), else the page itself."""
    return page_translations(request, page).get(settings.LANGUAGE_CODE, page)


def original_url(page, code):
    """The address showing ``page`` in the ``code`` interface when it has no translation."""
    with override(code):
        return reverse("page_in_language", kwargs={"page_id": page.pk})


def swap_language_prefix(path, code):
    """``path`` (an absolute path, query string allowed) under the ``code`` prefix."""
    match = _PREFIX.match(path)
    if match and match.group("code").lower() in language_codes():
        return f"/{code}{path[match.end() :]}"
    return f"/{code}/"


def _page_language(request, page):
    # Read from the translations already fetched, sparing a query for the locale.
    for code, version in page_translations(request, page).items():
        if version.pk == page.pk:
            return code
    return page.locale.language_code


def language_links(request, page=None):
    """One link per interface language, each to the same page or view in that language."""
    current = current_language()
    versions = page_translations(request, page) if _is_page(page) else None
    links = []
    for code in language_codes():
        info = get_language_info(code)
        translated = True
        if versions is None:
            url = swap_language_prefix(request.get_full_path(), code) if request else f"/{code}/"
        elif code in versions:
            url = _page_url(request, versions[code])
            if code == current and request is not None:
                url = request.get_full_path()
        else:
            translated = False
            url = original_url(fallback_version(request, page), code)
        links.append(
            LanguageLink(
                code=code,
                name=info["name"],
                name_local=info["name_local"],
                url=url,
                is_current=code == current,
                is_translated=translated,
            )
        )
    return links


def alternates(request, page=None):
    """Addresses of this content in every language it exists in, for ``hreflang``.

    Returns ``(canonical, [(hreflang, absolute_url), ...])``; the list ends with
    ``x-default`` (the default language's version, or the original).
    """
    build = absolute_url
    if _is_page(page):
        versions = page_translations(request, page)
        pairs = [
            (code, build(_page_url(request, versions[code]))) for code in language_codes() if code in versions
        ]
        canonical = build(_page_url(request, page))
        pairs.append(("x-default", build(_page_url(request, fallback_version(request, page)))))
        return canonical, pairs
    path = request.get_full_path()
    pairs = [(code, build(swap_language_prefix(path, code))) for code in language_codes()]
    pairs.append(("x-default", build(swap_language_prefix(path, settings.LANGUAGE_CODE))))
    return build(path), pairs


@dataclass(frozen=True)
class Availability:
    """What to tell a reader about the other language versions of a page."""

    others: list  # LanguageLink to each other live translation
    # Set when the page is shown in the reader's interface language but is written in
    # another one, because no translation exists yet.
    missing_language: dict | None
    page_language: dict


def availability(request, page):
    current = current_language()
    versions = page_translations(request, page)
    page_code = _page_language(request, page)
    others = []
    for code in language_codes():
        if code == page_code or code not in versions:
            continue
        info = get_language_info(code)
        others.append(
            LanguageLink(
                code=code,
                name=info["name"],
                name_local=info["name_local"],
                url=_page_url(request, versions[code]),
                is_current=False,
            )
        )
    missing = get_language_info(current) if page_code != current and current not in versions else None
    return Availability(others=others, missing_language=missing, page_language=get_language_info(page_code))


@require_GET
def page_in_language(request, page_id):
    """Show a page in the interface language of the address.

    Goes to the translation when one is live; otherwise serves the original, through
    Wagtail's usual checks (privacy, view restrictions), with the interface in the
    reader's language and a notice that the text is not yet translated.
    """
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None or page.depth <= 1:
        raise Http404
    versions = page_translations(request, page)
    translation = versions.get(current_language())
    if translation is not None:
        return redirect(_page_url(request, translation))
    page = fallback_version(request, page).specific
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, (), {})
        if isinstance(result, HttpResponse):
            return result
    return page.serve(request)
