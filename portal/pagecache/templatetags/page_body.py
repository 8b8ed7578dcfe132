"""``{% kept_body %}…{% endkept_body %}``: the part of a page kept for every reader
of the same audience (``portal.pagecache.fragments``). It prints the body the page
found, or renders what it encloses and keeps it. Nothing that differs per person
(a CSRF token, the reader's name) may be inside."""

from django import template
from django.utils.safestring import mark_safe

from portal.pagecache import fragments

register = template.Library()


class KeptBodyNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        html = fragments.kept(request) if request is not None else None
        if html is not None:
            return mark_safe(html)  # noqa: S308 (rendered by this template, kept as it was)
        html = self.nodelist.render(context)
        if request is not None:
            fragments.keep(request, html)
        return html


@register.tag
def kept_body(parser, token):
    nodelist = parser.parse(("endkept_body",))
    parser.delete_first_token()
    return KeptBodyNode(nodelist)
