from wagtail import hooks

from portal import audience
from portal.pagecache import store
from portal.pagecache.public import offer


@hooks.register("before_serve_page")
def offer_public_pages(page, request, serve_args, serve_kwargs):
    """A page everyone may read is offered to the shared cache; the page-serving
    checks (``portal.wagtail_hooks``) still decide who gets it. Signed-in readers'
    pages are never stored, so their audience is not asked for."""
    if store.enabled() and not audience.signed_in(request.user):
        offer(request, audience.page_audience(page))
