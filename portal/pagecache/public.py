"""How a view offers its response to the shared cache.

A view (or the page-serving hook) offers a response by naming the audience of what
it shows, as the audience policy answers it; only a public audience is offered.
Whether the response is then stored is the middleware's decision (anonymous
reader, no cookie, no message, a 200)."""

from portal.audience import Audience, Reach

_OFFERED = "_page_cache_offered"
PUBLIC = Reach(Audience.PUBLIC)


def offer(request, reach: Reach | None) -> None:
    """Offer the response to ``request`` for the shared cache when ``reach`` (the
    audience of what it shows, from ``portal.audience``) is everyone."""
    if reach is not None and reach.audience == Audience.PUBLIC:
        setattr(request, _OFFERED, True)


def is_offered(request) -> bool:
    return getattr(request, _OFFERED, False)
