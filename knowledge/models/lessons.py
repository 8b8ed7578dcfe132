"""Lessons learned: what partners found out while doing joint work."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from knowledge.models.base import KnowledgePage, rich_text


class LessonLearnedPage(KnowledgePage):
    context = rich_text(_("context"))
    what_was_tried = rich_text(_("what was tried"))
    what_worked = rich_text(_("what worked"))
    what_did_not_work = rich_text(_("what did not work"))
    recommendations = rich_text(_("recommendations"))
    evidence = rich_text(_("evidence"))
    related_joint_action = models.ForeignKey(
        "knowledge.JointActionPage",
        verbose_name=_("related joint action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lessons",
    )

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("summary"),
            MultiFieldPanel(
                [
                    FieldPanel("context"),
                    FieldPanel("what_was_tried"),
                    FieldPanel("what_worked"),
                    FieldPanel("what_did_not_work"),
                    FieldPanel("recommendations"),
                    FieldPanel("evidence"),
                ],
                heading=_("The lesson"),
            ),
            FieldPanel("related_joint_action"),
        ]
        + KnowledgePage.classification_panels
    )
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("context"),
        index.SearchField("what_was_tried"),
        index.SearchField("what_worked"),
        index.SearchField("what_did_not_work"),
        index.SearchField("recommendations"),
        index.SearchField("evidence"),
    ]
    parent_page_types = ["knowledge.LessonLearnedIndexPage"]
    subpage_types = []
    template = "knowledge/lesson_learned_page.html"
    feed_kind = "lessons"

    # The sections in reading order, with the heading each gets on the page.
    SECTIONS = [
        ("context", _("Context")),
        ("what_was_tried", _("What was tried")),
        ("what_worked", _("What worked")),
        ("what_did_not_work", _("What did not work")),
        ("recommendations", _("Recommendations")),
        ("evidence", _("Evidence")),
    ]

    class Meta:
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")

    def sections(self):
        return [(heading, getattr(self, name)) for name, heading in self.SECTIONS if getattr(self, name)]

    def article_context(self, request):
        from knowledge.models.joint_actions import JointActionPage
        from knowledge.selectors import translated_page

        context = super().article_context(request)
        context["joint_action"] = translated_page(
            JointActionPage, self.related_joint_action_id, locale=self.locale_id
        )
        return context
