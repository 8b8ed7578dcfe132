"""Policy briefs: guidance an official publishes for the partners."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from knowledge.blocks import BriefBodyBlock, RecommendationBlock
from knowledge.forms import PolicyBriefPageForm
from knowledge.models.base import KnowledgePage


class PolicyBriefPage(KnowledgePage):
    body = StreamField(BriefBodyBlock(), verbose_name=_("body"), blank=True)
    key_recommendations = StreamField(
        [("recommendation", RecommendationBlock())],
        verbose_name=_("key recommendations"),
        blank=True,
    )

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("summary"),
            FieldPanel("body"),
            FieldPanel("key_recommendations"),
            InlinePanel("documents", label=_("Attached documents")),
        ]
        + KnowledgePage.classification_panels
    )
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("key_recommendations"),
    ]
    base_form_class = PolicyBriefPageForm
    parent_page_types = ["knowledge.PolicyBriefIndexPage"]
    subpage_types = []
    template = "knowledge/policy_brief_page.html"
    feed_kind = "briefs"

    class Meta:
        verbose_name = _("policy brief")
        verbose_name_plural = _("policy briefs")

    @property
    def og_image(self):
        """The first figure's image, shown when the brief is shared."""
        for block in self.body:
            if block.block_type == "figure":
                return block.value["image"]
        return None

    def article_context(self, request):
        context = super().article_context(request)
        attachments = list(self.documents.select_related("document"))
        context["attachments"] = attachments
        # A document block linking an attached file would offer the download twice.
        context["attached_document_ids"] = {attachment.document_id for attachment in attachments}
        return context


class PolicyBriefDocument(Orderable):
    """A file attached to a brief (the brief as a PDF, annexes, data)."""

    page = ParentalKey(PolicyBriefPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attached document")
        verbose_name_plural = _("attached documents")
