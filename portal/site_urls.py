from django.urls import path

from portal import i18n, views

urlpatterns = [
    path("partners/", views.organisation_list, name="organisation_list"),
    path("partners/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    # A page without a translation in the address's language: its original, offered there.
    path("original/<int:page_id>/", i18n.page_in_language, name="page_in_language"),
]
