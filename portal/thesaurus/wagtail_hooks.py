"""Concepts as snippets: site administrators edit them with their labels inline.

Concepts are site-wide, so only Wagtail's model permissions on ``Concept`` open
them; organisation groups hold none (see ``portal.accounts.roles``), so the menu
item, listing and forms stay closed to organisation staff."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from portal.thesaurus.forms import ConceptForm
from portal.thesaurus.models import Concept


class ConceptIndexView(IndexView):
    def search_queryset(self, queryset):
        # Every label is searched, in the database: one concept per match, however
        # many of its labels contain the words.
        if not self.is_searching:
            return queryset
        query = self.search_query
        matches = Q(slug__icontains=query) | Q(notation__icontains=query) | Q(labels__text__icontains=query)
        return queryset.filter(pk__in=Concept.objects.filter(matches).values("pk"))


class ConceptViewSet(SnippetViewSet):
    model = Concept
    icon = "tag"
    menu_label = _("Thesaurus")
    menu_order = 220
    index_view_class = ConceptIndexView
    list_display = ["__str__", "slug", "thematic_area"]
    list_filter = ["thematic_area"]
    search_fields = ["slug"]
    search_backend_name = None
    ordering = ["slug"]
    edit_handler = ObjectList(
        [
            InlinePanel("labels", heading=_("Labels"), min_num=1),
            FieldPanel("thematic_area"),
            FieldPanel("broader"),
            MultiFieldPanel(
                [FieldPanel("scope_note"), FieldPanel("scope_note_ar"), FieldPanel("scope_note_fr")],
                heading=_("Scope note"),
            ),
            MultiFieldPanel(
                [FieldPanel("slug"), FieldPanel("uri"), FieldPanel("notation")], heading=_("Identifiers")
            ),
        ],
        base_form_class=ConceptForm,
    )


register_snippet(ConceptViewSet)
