"""``{% kept_with_site_structure "name" %}…{% endkept_with_site_structure %}``: a
part of a page that shows only what forgets the site structure (``portal.receivers``:
pages of the menus, sites, languages and the vocabulary), rendered once per
process, name and language until the structure is rebuilt. The partner list is one:
its organisations, their countries and logos are the same for every reader."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal import site_structure

register = template.Library()


class KeptWithSiteStructureNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        name = f"{self.name.resolve(context)}:{get_language()}"
        html = site_structure.derived(request, name, lambda: str(self.nodelist.render(context)))
        return mark_safe(html)  # noqa: S308 (rendered by this template, kept as it was)


@register.tag
def kept_with_site_structure(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: the fragment's name")
    nodelist = parser.parse(("endkept_with_site_structure",))
    parser.delete_first_token()
    return KeptWithSiteStructureNode(parser.compile_filter(bits[1]), nodelist)
