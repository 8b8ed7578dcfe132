"""Open data answers kept per audience.

An answer is kept under its address, its query string and who asked: everyone
who is not signed in shares one copy; a token holder gets their own, since what
they may read (their organisations, their view-restriction groups) is theirs.
Every entry carries the current generation, which any change to published
content retires (``receivers``), so nothing outlives what it shows.

The shared page cache (``portal.pagecache``) never sees these answers: it keeps
only addresses with a language prefix, and never a request that carries an
Authorization header.
"""

import hashlib
import secrets

from django.core.cache import cache

from portal.audience import signed_in
from portal.opendata import app_settings

GENERATION = "opendata:generation"
MISSING = object()


def audience_key(user) -> str:
    return f"user:{user.pk}" if signed_in(user) else "anonymous"


def _generation() -> str:
    cache.add(GENERATION, secrets.token_hex(8), timeout=None)
    return cache.get(GENERATION) or ""


def retire_everything() -> None:
    cache.delete(GENERATION)


def remembered(request, build, *, variant: str = ""):
    """What ``build()`` returns for this request, from the cache when kept.
    ``build`` returns a picklable value (answer data or bytes)."""
    seconds = app_settings.cache_seconds()
    if not seconds:
        return build()
    parts = "\n".join(
        (
            audience_key(request.user),
            request.path,
            "&".join(sorted(request.GET.urlencode().split("&"))),
            variant,
            _generation(),
        )
    )
    key = "opendata:answer:" + hashlib.sha256(parts.encode("utf-8", "surrogatepass")).hexdigest()[:40]
    value = cache.get(key, MISSING)
    if value is MISSING:
        value = build()
        cache.set(key, value, timeout=seconds)
    return value
