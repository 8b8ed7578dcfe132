"""How a view offers its response to the shared cache.

A view (or the page-serving hook) offers a response by naming the audience of what
it shows, as the audience policy answers it; only a public audience is offered.
Whether the response is then stored is the middleware's decision (anonymous
reader, no cookie, no message, a 200)."""

from portal.audience import Audience, Reach

_OFFERED = "_page_cache_offered"
_SECONDS = "_page_cache_seconds"
PUBLIC = Reach(Audience.PUBLIC)


def offer(request, reach: Reach | None, *, seconds: int | None = None) -> None:
    """Offer the response to ``request`` for the shared cache when ``reach`` (the
    audience of what it shows, from ``portal.audience``) is everyone; ``seconds``:
    to be kept at most that long, for a page that shows what no purge follows."""
    if reach is not None and reach.audience == Audience.PUBLIC:
        setattr(request, _OFFERED, True)
        if seconds is not None:
            setattr(request, _SECONDS, max(0, int(seconds)))


def is_offered(request) -> bool:
    return getattr(request, _OFFERED, False)


def offered_seconds(request, default: int) -> int:
    """How long the response offered to ``request`` may be kept: ``default`` (the
    page cache's time), or less when the view said so."""
    return min(default, getattr(request, _SECONDS, default))
