"""The body of a page kept for every reader of the same audience.

The main part of a home, thematic area or index page (its listings) is the same
for everyone whose ``portal.audience.audience_key`` is the same, and changes only
when something it shows changes. It is kept in the page cache under the address
(with its query string), the language and that key, stamped with the tokens of
the address like a whole page: every purge that forgets the anonymous page
(``portal.pagecache.receivers``) forgets its bodies for every audience at once,
and a body rendered from data older than a purge is never read after it. What
differs per person (the header with their name and notifications, forms with a
CSRF token, their own comments) stays outside the body. Bodies are kept only while
the page cache is on, since its purges are what forget them.

A page looks its body up before building what the body shows (``lookup``), and
skips those queries when it is found; the template's ``{% kept_body %}`` prints it,
or renders it and keeps it.
"""

from dataclasses import dataclass

from django.utils.translation import get_language

from portal import audience
from portal.pagecache import store

_LOOKED_UP = "_pagecache_body"


@dataclass(frozen=True)
class Body:
    stamp: store.Stamp
    html: str


@dataclass
class _LookedUp:
    key: str
    stamp: store.Stamp
    html: str | None


def _may_keep(request) -> bool:
    return (
        store.enabled()
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and hasattr(request, "user")
    )


def lookup(request) -> str | None:
    """The kept body of the page ``request`` asks for, as this reader's audience
    sees it, or ``None``: then the template renders it and ``{% kept_body %}``
    keeps it under the tokens read now, before the rendering."""
    if not _may_keep(request):
        return None
    key = store.body_key(
        url=request.build_absolute_uri(),
        language=get_language(),
        audience=audience.audience_key(request.user),
    )
    body, stamp = store.lookup(key=key, path=request.path, kind=Body)
    html = body.html if body is not None else None
    setattr(request, _LOOKED_UP, _LookedUp(key=key, stamp=stamp or store.stamp_for(request.path), html=html))
    return html


def kept(request) -> str | None:
    """The body ``lookup`` found for ``request``."""
    looked_up = getattr(request, _LOOKED_UP, None)
    return looked_up.html if looked_up is not None else None


def keep(request, html: str) -> None:
    """Keep the body just rendered for ``request``, when ``lookup`` missed it."""
    looked_up = getattr(request, _LOOKED_UP, None)
    if looked_up is not None and looked_up.html is None:
        store.store(key=looked_up.key, entry=Body(stamp=looked_up.stamp, html=html))
