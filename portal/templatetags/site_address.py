"""Absolute links in templates, from the portal's configured address."""

from django import template

from portal import site_address

register = template.Library()


@register.filter
def absolute(path) -> str:
    """``{{ request.get_full_path|absolute }}``: the address on the portal as a full link."""
    return site_address.absolute_url(str(path or "/"))
