from django.urls import path

from portal.accounts import views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("contributions/", views.contributions, name="contributions"),
    path("export/", views.export, name="export"),
    path("delete/", views.delete, name="delete"),
    path("organisations/join/", views.join, name="join"),
    path("memberships/<int:pk>/leave/", views.leave, name="leave"),
    path("organisations/<slug:slug>/manage/", views.organisation_manage, name="organisation_manage"),
    path(
        "organisations/<slug:slug>/requests/<int:pk>/",
        views.membership_decide,
        name="membership_decide",
    ),
    path("organisations/<slug:slug>/members/<int:pk>/role/", views.membership_role, name="membership_role"),
    path(
        "organisations/<slug:slug>/members/<int:pk>/remove/",
        views.membership_remove,
        name="membership_remove",
    ),
]
