"""Editor panels of the knowledge pages."""

from wagtail.admin.panels import Panel

from portal.thesaurus.matching import concepts_in_text
from portal.thesaurus.models import Concept
from portal.thesaurus.selectors import sorted_by_label
from search.concepts import MAX_CONCEPT_TEXT
from search.models import AttachmentText
from search.projections.pages import _searchable_text


def concepts_named_by(page) -> list[Concept]:
    """The concepts the text of ``page`` as it is being edited names, as search
    finds them when it is published: its title, its searchable fields and the text
    already read from its attached files (a file not read yet is read at publishing,
    never while an editor opens the page)."""
    attachments = getattr(page, "documents", None)
    document_ids = [item.document_id for item in attachments.all()] if attachments is not None else []
    attached = AttachmentText.objects.filter(document_id__in=document_ids).values_list("text", flat=True)
    text = "\n".join(
        (page.title, _searchable_text(page)[:MAX_CONCEPT_TEXT], " ".join(attached)[:MAX_CONCEPT_TEXT])
    )
    found = concepts_in_text(text, page.locale.language_code if page.locale_id else "en")
    return sorted_by_label(Concept.objects.filter(pk__in=found).prefetch_related("labels"))


class ConceptsFoundPanel(Panel):
    """The topics found in the page's current text, read-only, so that an editor
    sees which of them to reject ("not about") and which to add ("topics")."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "knowledge/panels/concepts_found.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context["found"] = concepts_named_by(page) if page is not None else []
            context["rejected"] = {concept.pk for concept in page.concepts_excluded.all()} if page else set()
            return context
