"""``{% kept_with_site_structure "name" value… %}…{% endkept_with_site_structure %}``:
a part of a page rendered once per process, name, values and language until the site
structure is rebuilt (``portal.receivers``: pages of the menus, moved pages, sites,
languages and the vocabulary). What it encloses may show only the values it is given
and what forgets the structure: the partner list (organisations, their countries and
logos), a listing card given its page's ``cache_key`` (which changes when the page
is published or moved) and its comment count, or a brief's body given its
``cache_key`` (the images, documents and pages it links forget the structure when
they change). A preview shows a draft under its page's key: it is never kept."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal import site_structure

register = template.Library()


class KeptWithSiteStructureNode(template.Node):
    def __init__(self, values, nodelist):
        self.values = values
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        key = (get_language(), *(value.resolve(context) for value in self.values))
        html = site_structure.derived(request, key, lambda: str(self.nodelist.render(context)))
        return mark_safe(html)  # noqa: S308 (rendered by this template, kept as it was)


@register.tag
def kept_with_site_structure(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes the fragment's name, then the values it shows")
    nodelist = parser.parse(("endkept_with_site_structure",))
    parser.delete_first_token()
    return KeptWithSiteStructureNode([parser.compile_filter(bit) for bit in bits[1:]], nodelist)
