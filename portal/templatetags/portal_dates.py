"""``{{ value|day_element }}``: a ``<time>`` element naming the day of ``value`` in
the active language, for lists that show many dates (search results).

Django's ``date`` filter formats each value anew (the time zone, the language's
format, then the format itself: about 45 µs), and such an element needs it twice.
A day reads the same in one language every time, so each element is formatted
once per process, day and language."""

import datetime
from functools import lru_cache

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


@lru_cache(maxsize=4096)
def _day_element(day: datetime.date, language: str) -> str:
    return format_html(
        '<time datetime="{}">{}</time>', day.isoformat(), formats.date_format(day, "DATE_FORMAT")
    )


@register.filter(expects_localtime=True)
def day_element(value) -> str:
    """``value`` (a date, or a datetime shown in the reader's time zone)."""
    if not isinstance(value, datetime.date):
        return ""
    day = value.date() if isinstance(value, datetime.datetime) else value
    return _day_element(day, get_language())
