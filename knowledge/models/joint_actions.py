"""Joint actions: the programmes partners run together with the fund's money."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from knowledge.models.base import KnowledgePage, rich_text


class JointActionPage(KnowledgePage):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")

    class Currency(models.TextChoices):
        USD = "USD", _("US dollar")
        EUR = "EUR", _("Euro")
        JOD = "JOD", _("Jordanian dinar")
        IQD = "IQD", _("Iraqi dinar")
        LBP = "LBP", _("Lebanese pound")

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    period_start = models.DateField(_("start of the period"), null=True, blank=True)
    period_end = models.DateField(_("end of the period"), null=True, blank=True)
    budget_amount = models.DecimalField(
        _("budget"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    budget_currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    objectives = rich_text(_("objectives"))
    results = rich_text(_("results"))

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("summary"),
            MultiFieldPanel(
                [
                    FieldPanel("status"),
                    FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                    FieldRowPanel([FieldPanel("budget_amount"), FieldPanel("budget_currency")]),
                ],
                heading=_("Status, period and budget"),
            ),
            FieldPanel("objectives"),
            FieldPanel("results"),
        ]
        + KnowledgePage.classification_panels
    )
    search_fields = KnowledgePage.search_fields + [
        index.SearchField("objectives"),
        index.SearchField("results"),
        index.FilterField("status"),
    ]
    parent_page_types = ["knowledge.JointActionIndexPage"]
    subpage_types = []
    template = "knowledge/joint_action_page.html"
    feed_kind = "joint-actions"

    class Meta:
        verbose_name = _("joint action")
        verbose_name_plural = _("joint actions")

    @property
    def listing_status(self) -> str:
        return self.get_status_display()

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    def pages_listed(self, request):
        from knowledge.selectors import lessons_of_joint_action

        return lessons_of_joint_action(self, locale=self.locale_id, user=request.user)

    def article_context(self, request):
        context = super().article_context(request)
        context["lessons"] = context["listed"]
        return context
