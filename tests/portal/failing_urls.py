"""The portal's addresses plus one that fails, to show the server error page."""

from django.urls import path

from portal.urls import handler400, handler403, handler404, handler500
from portal.urls import urlpatterns as portal_urlpatterns


def fail(request):
    raise RuntimeError("a failure the page must survive")


urlpatterns = [path("en/fail/", fail), *portal_urlpatterns]
__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
