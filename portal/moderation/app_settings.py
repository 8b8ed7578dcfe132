"""Moderation settings, read when needed so tests can override them."""

import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


def hold_first_n() -> int:
    """How many contributions of a new person wait for a moderator's approval."""
    return int(getattr(settings, "PORTAL_MODERATION_HOLD_FIRST_N", 2))


def posting_rate_limit() -> tuple[int, timedelta] | None:
    """The most contributions one person may make in a period, e.g. "5/m" or
    "30/1h"; ``None`` when unlimited (an empty setting)."""
    value = getattr(settings, "PORTAL_POSTING_RATE_LIMIT", "5/m")
    if not value:
        return None
    match = _RATE_RE.match(str(value))
    if not match:
        raise ImproperlyConfigured(
            f"PORTAL_POSTING_RATE_LIMIT must look like '5/m' or '30/1h', not {value!r}."
        )
    count, multiplier, unit = match.groups()
    seconds = int(multiplier or 1) * _UNITS[unit]
    return int(count), timedelta(seconds=seconds)
