from django import template
from django.urls import reverse

from portal.opendata.permissions import can_hold_tokens

register = template.Library()


@register.simple_tag(takes_context=True)
def export_url(context, kind, fmt):
    """The export of the listing on screen: its filters, every page."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    query = params.urlencode()
    url = reverse("opendata:export", kwargs={"kind": kind, "fmt": fmt})
    return f"{url}?{query}" if query else url


@register.simple_tag
def may_hold_tokens(user):
    return can_hold_tokens(user)
