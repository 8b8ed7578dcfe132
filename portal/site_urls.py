from django.urls import path

from portal import views

urlpatterns = [
    path("partners/", views.organisation_list, name="organisation_list"),
    path("partners/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
]
