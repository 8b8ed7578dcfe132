from django.urls import include, path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.accounts.selectors import is_moderator
from portal.moderation import admin_urls


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("moderation/", include(admin_urls, namespace="moderation_admin"))]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModeratorMenuItem(
        _("Moderation queue"), reverse_lazy("moderation_admin:queue"), icon_name="warning", order=150
    )


@hooks.register("register_admin_menu_item")
def register_moderation_log_menu_item():
    return ModeratorMenuItem(
        _("Moderation log"), reverse_lazy("moderation_admin:audit_log"), icon_name="history", order=151
    )


@hooks.register("register_admin_menu_item")
def register_suspensions_menu_item():
    return ModeratorMenuItem(
        _("Suspensions"), reverse_lazy("moderation_admin:suspensions"), icon_name="lock", order=152
    )
