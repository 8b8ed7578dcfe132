from django.urls import path

from portal.thesaurus import views

app_name = "thesaurus"
urlpatterns = [
    path("", views.concept_index, name="index"),
    path("<slug:slug>/", views.concept_detail, name="concept"),
]
