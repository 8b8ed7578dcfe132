from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal import audience
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
