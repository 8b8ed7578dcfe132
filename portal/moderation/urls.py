from django.urls import path

from portal.moderation import views

app_name = "moderation"
urlpatterns = [
    path("log/", views.public_log, name="public_log"),
]
