from django.urls import path

from portal.moderation import admin_views

app_name = "moderation_admin"
urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("item/<int:content_type_id>/<int:object_id>/", admin_views.item, name="item"),
    path(
        "item/<int:content_type_id>/<int:object_id>/suspend/",
        admin_views.suspend_author,
        name="suspend_author",
    ),
    path(
        "item/<int:content_type_id>/<int:object_id>/trust/",
        admin_views.set_trust_level,
        name="set_trust_level",
    ),
    path(
        "item/<int:content_type_id>/<int:object_id>/<slug:decision>/",
        admin_views.decide,
        name="decide",
    ),
    path("suspensions/", admin_views.suspensions, name="suspensions"),
    path("suspensions/<int:pk>/lift/", admin_views.suspension_lift, name="suspension_lift"),
    path("log/", admin_views.audit_log, name="audit_log"),
]
