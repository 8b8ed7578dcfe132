from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
