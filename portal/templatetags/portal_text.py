"""People's text in plain-text emails."""

from django import template

from portal import text

register = template.Library()


@register.filter
def isolated(value) -> str:
    """``{{ notification.excerpt|isolated }}``: keeps its own direction in a plain-text email."""
    return text.isolated(str(value or ""))
