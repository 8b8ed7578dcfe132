"""Open data pages in the reader's language: the API's documentation, access tokens
and exports. The API itself and the IATI file are in ``portal.urls``, without one."""

from django.urls import path

from portal.opendata import views

app_name = "opendata"
urlpatterns = [
    path("", views.api_docs, name="docs"),
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("export/<slug:kind>.<slug:fmt>", views.export, name="export"),
]
