"""Moderation settings, read when needed so tests can override them."""

import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


def trust_member_after_days() -> int:
    """How old an account no partner vouches for must be to become a member."""
    return int(getattr(settings, "PORTAL_TRUST_MEMBER_AFTER_DAYS", 0))


def trust_member_after_posts() -> int:
    """How many approved contributions such an account needs to become a member;
    until then what it writes waits for a moderator."""
    return int(getattr(settings, "PORTAL_TRUST_MEMBER_AFTER_POSTS", 2))


def trust_trusted_after_days() -> int:
    """How old a member's account must be to become trusted."""
    return int(getattr(settings, "PORTAL_TRUST_TRUSTED_AFTER_DAYS", 30))


def trust_trusted_after_posts() -> int:
    """How many approved contributions a member needs to become trusted."""
    return int(getattr(settings, "PORTAL_TRUST_TRUSTED_AFTER_POSTS", 20))


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
