"""The portal's addresses plus the floor: the cheapest page Django can answer
through the same middleware, against which every page is compared."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import handler400, handler403, handler404, handler500  # noqa: F401 (the same error pages)
from portal.urls import urlpatterns as portal_urlpatterns


def floor(request):
    # Asking who is there loads a signed-in reader's session and account, which
    # every page pays for them; an anonymous reader's costs nothing.
    return HttpResponse("ok" if request.user.is_authenticated else "ok, anonymous", content_type="text/plain")


# Django refuses i18n_patterns in an included URLconf, so the portal's list is extended.
urlpatterns = [path("benchmark-floor/", floor, name="benchmark_floor"), *portal_urlpatterns]
