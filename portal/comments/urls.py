from django.urls import path

from portal.comments import views

app_name = "comments"
urlpatterns = [
    path("<int:pk>/", views.comment_detail, name="detail"),
    path("<int:pk>/edit/", views.comment_edit, name="edit"),
    path("<int:pk>/delete/", views.comment_delete, name="delete"),
    path("<int:pk>/report/", views.comment_report, name="report"),
    path("<int:pk>/moderate/", views.comment_moderate, name="moderate"),
    path("page/<int:page_id>/", views.comment_create, name="create"),
    path("page/<int:page_id>/closed/", views.comments_toggle, name="toggle"),
    path("page/<int:page_id>/follow/", views.page_follow, name="follow"),
]
