"""Active filters shown as removable chips above a list of results.

``{% form_chips filter_form as chips %}``  chips of a filter form's valid, set fields
``{% facet_chips facets as chips %}``      chips of the selected search facet values
``{% address_keeping "q" as clear_url %}`` the address without any filter (keeps ``q``)
``{% include "portal/includes/filter_chips.html" %}`` then shows them.

Each chip links to the same address without its value (and back to the first page),
so removing a filter works without JavaScript and the filtered list keeps an address.
"""

from dataclasses import dataclass

from django import template

register = template.Library()


@dataclass(frozen=True)
class Chip:
    group: str
    label: str
    remove_url: str


def _without(request, name, value=None):
    """The current address without ``value`` of ``name`` (without every value when
    ``value`` is ``None``), back on the first page."""
    params = request.GET.copy()
    kept = [] if value is None else [other for other in params.getlist(name) if other != value]
    params.setlist(name, kept)
    params.pop("page", None)
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


@register.simple_tag(takes_context=True)
def form_chips(context, form):
    request = context["request"]
    form.is_valid()
    chips = []
    for bound in form:
        value = form.cleaned_data.get(bound.name)
        if not value:
            continue
        label = dict(bound.field.choices).get(value, value)
        chips.append(Chip(str(bound.label), str(label), _without(request, bound.name)))
    return chips


@register.simple_tag(takes_context=True)
def facet_chips(context, facets):
    request = context["request"]
    return [
        Chip(str(title), str(value.label), _without(request, name, str(value.value)))
        for name, title, values in facets
        for value in values
        if value.selected
    ]


@register.simple_tag(takes_context=True)
def address_keeping(context, *names):
    """The current address with only the parameters ``names``: every filter cleared."""
    request = context["request"]
    params = request.GET.copy()
    for name in list(params):
        if name not in names:
            del params[name]
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path
