"""The API alone as a URL configuration. API answers name it as their request's
``urlconf``: Django's locale middleware then sees no language-prefixed routes and
leaves an API 404 as it is, instead of redirecting it to an HTML page under /en/."""

from django.urls import include, path

from portal.opendata.api.urls import urlpatterns as api_urlpatterns

urlpatterns = [path("api/v2/", include((api_urlpatterns, "opendata_api")))]
