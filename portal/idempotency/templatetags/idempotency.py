from uuid import uuid4

from django import template
from django.utils.html import format_html

from portal.idempotency.decorators import FIELD_NAME

register = template.Library()


@register.simple_tag
def write_token():
    """A hidden field with a fresh token for a form that writes, so that sending the
    form twice (a double click, a retry after a lost answer) writes once."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD_NAME, uuid4().hex)
