from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal import audience
from portal.admin_widgets import use_scriptless_choosers
from portal.models import Organisation, ThematicArea


class ThematicAreaViewSet(SnippetViewSet):
    model = ThematicArea
    icon = "tag"
    list_display = ["name", "name_ar", "name_fr", "slug"]
    menu_order = 200


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "acronym", "kind", "country"]
    list_filter = ["kind", "country"]
    menu_order = 210


@hooks.register("insert_global_admin_js")
def start_admin_widgets_without_inline_scripts():
    return format_html('<script src="{}" defer></script>', static("portal/admin/csp-init.js"))


@hooks.register("register_admin_viewset", order=100)
def start_choosers_without_inline_scripts():
    # After every chooser viewset has registered its widget (they do so as they
    # are registered), replace those widgets; registers no viewset of its own.
    use_scriptless_choosers()
    return []


register_snippet(ThematicAreaViewSet)
register_snippet(OrganisationViewSet)


@hooks.register("before_serve_page")
def serve_to_its_audience(page, request, serve_args, serve_kwargs):
    """Refuse a page to a signed-in person outside its audience with a 403.

    Wagtail's own check answers anonymous readers (a sign-in or password form) with
    the same rule, but would send a signed-in person to a sign-in page they already
    passed."""
    user = request.user
    refused = audience.signed_in(user) and not audience.can_view_page(user, page, request=request)
    if refused and not audience.needs_password(page):
        raise PermissionDenied
    return None
