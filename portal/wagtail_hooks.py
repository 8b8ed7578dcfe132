from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
