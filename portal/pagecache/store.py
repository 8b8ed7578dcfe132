"""Where anonymous pages are kept, and how they are forgotten.

An entry is keyed by the scheme and host, the path and the query string, and,
when the page was compressed, by that too. It is stamped with two generation tokens read before
the page was rendered: its path's and the site-wide one. Purging a path deletes
its token, which makes every entry of that path (every query string, every host)
unreadable at once; purging everything deletes the site-wide one. A page rendered
from data older than a purge carries the token read before the purge, so it is
never served after it, even when it is stored after it.

A hit is one read of the cache (``get_many`` of the entry and both tokens): one
statement with the database cache, none for the database.
"""

import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches

PREFIX = "pagecache"
EVERYTHING = f"{PREFIX}:generation"
# Tokens outlive the entries stamped with them; a token lost to culling only turns
# the entries that carry it into misses.
TOKEN_TIMEOUT = None


def seconds() -> int:
    """How long an anonymous page is kept; 0 turns the page cache off."""
    return max(0, int(getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0)))


def enabled() -> bool:
    return seconds() > 0


def _cache():
    return caches[getattr(settings, "PORTAL_PAGE_CACHE_ALIAS", "default")]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def path_token_key(path: str) -> str:
    return f"{PREFIX}:path:{_digest(path)}"


def entry_key(*, origin: str, path: str, query: str, encoding: str) -> str:
    parts = "\n".join((origin, path, query, encoding))
    return f"{PREFIX}:entry:{_digest(parts)}"


def body_key(*, url: str, language: str, audience: str) -> str:
    """Where the body of the page at ``url`` is kept for readers of ``language`` and
    ``audience`` (``portal.pagecache.fragments``)."""
    return f"{PREFIX}:body:{_digest(chr(10).join((url, language, audience)))}"


@dataclass(frozen=True)
class Stamp:
    """The tokens current when a page began to render."""

    path: str
    everything: str


@dataclass(frozen=True)
class Entry:
    stamp: Stamp
    status: int
    headers: tuple
    content: bytes
    stored_at: float


def lookup(*, key: str, path: str, kind: type = Entry) -> tuple[Entry | None, Stamp | None]:
    """The entry (a ``kind``, stamped) stored under ``key`` if its tokens are still
    current, and the current tokens (``None`` when one is missing: the caller asks
    ``stamp_for`` before rendering, never after)."""
    tokens_key = path_token_key(path)
    found = _cache().get_many([key, tokens_key, EVERYTHING])
    current = None
    if tokens_key in found and EVERYTHING in found:
        current = Stamp(path=found[tokens_key], everything=found[EVERYTHING])
    entry = found.get(key)
    if isinstance(entry, kind) and current is not None and entry.stamp == current:
        return entry, current
    return None, current


def stamp_for(path: str) -> Stamp:
    """The current tokens of ``path``, creating the missing ones."""
    cache = _cache()
    tokens_key = path_token_key(path)
    for key in (tokens_key, EVERYTHING):
        cache.add(key, secrets.token_hex(8), timeout=TOKEN_TIMEOUT)
    found = cache.get_many([tokens_key, EVERYTHING])
    return Stamp(path=found.get(tokens_key, ""), everything=found.get(EVERYTHING, ""))


def store(*, key: str, entry, timeout: int | None = None) -> None:
    """Keep ``entry`` for ``timeout`` seconds (the page cache's time by default)."""
    if entry.stamp.path and entry.stamp.everything:
        _cache().set(key, entry, timeout=seconds() if timeout is None else timeout)


def purge_paths(paths) -> None:
    """Forget every entry of these paths, whatever their host or query string."""
    keys = {path_token_key(path) for path in paths}
    if keys:
        _cache().delete_many(sorted(keys))


def purge_everything() -> None:
    """Forget every entry: for changes every page may show (the vocabulary, menus)."""
    _cache().delete(EVERYTHING)
