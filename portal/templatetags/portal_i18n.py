"""Template tags for the three languages of the portal.

``{% language_links as links %}``      the switcher's links (same page, every language)
``{% page_alternates as alternates %}`` canonical address and hreflang alternates
``{% page_availability page as info %}`` other language versions of a page, missing one
``{% reader_url page %}``               where a reader of this language opens ``page`` (listings)
``{% lang_attrs code %}``               ``lang`` and ``dir`` for text in language ``code``
``{{ code|direction }}``                ``rtl`` or ``ltr``
``{{ code|language_name_local }}``      the language's own name (العربية, Français)
``{{ code|language_label }}``           its name inside a sentence of the interface language
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from portal import i18n

register = template.Library()


def _context_page(context):
    page = context.get("page")
    return page if i18n._is_page(page) else None


@register.simple_tag(takes_context=True)
def language_links(context):
    return i18n.language_links(context.get("request"), _context_page(context))


@register.simple_tag(takes_context=True)
def page_alternates(context):
    request = context.get("request")
    if request is None:
        return None
    canonical, pairs = i18n.alternates(request, _context_page(context))
    return {"canonical": canonical, "languages": pairs}


@register.simple_tag(takes_context=True)
def page_availability(context, page=None):
    page = page if i18n._is_page(page) else _context_page(context)
    if page is None:
        return None
    return i18n.availability(context.get("request"), page)


@register.simple_tag(takes_context=True)
def reader_url(context, page):
    """The address a reader of the interface language should follow to ``page``.

    A page in another language opens through ``page_in_language``: the reader gets the
    translation when one exists, otherwise the original with the interface kept in
    their language. Costs no query, so listings can use it for every item.
    """
    request = context.get("request")
    if page.locale.language_code == i18n.current_language():
        return page.get_url(request=request)
    return i18n.original_url(page, i18n.current_language())


@register.simple_tag
def lang_attrs(code):
    """``lang`` and ``dir`` for a piece of text whose language is known, ``dir="auto"`` otherwise."""
    code = (code or "").strip()
    if not code:
        return mark_safe('dir="auto"')
    return format_html('lang="{}" dir="{}"', code, i18n.language_direction(code))


@register.filter
def direction(code):
    return i18n.language_direction(code)


@register.filter
def language_name_local(code):
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


@register.filter
def language_label(code):
    """The language's name as it reads inside a sentence of the interface language."""
    return i18n.LANGUAGE_NAMES_IN_TEXT.get(code) or language_name_local(code)
