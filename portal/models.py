"""The fund's shared vocabulary (countries, thematic areas, partner organisations)
and the pages every visitor lands on (home, thematic area)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.page_serving import ServedInFewQueriesMixin
from portal.text import single_line


def localised_value(instance, field: str) -> str:
    """``field`` in the reader's language (``<field>_ar``, ``<field>_fr``), else the
    English ``field``."""
    language = (get_language() or "en")[:2]
    return getattr(instance, f"{field}_{language}", "") or getattr(instance, field)


class LocalisedNameMixin(models.Model):
    """A name kept in the three interface languages, shown in the reader's one."""

    name = models.CharField(_("name (English)"), max_length=200)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200, blank=True)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)

    class Meta:
        abstract = True

    @property
    def label(self):
        return localised_value(self, "name")

    def __str__(self):
        return self.label

    # Fields cleaned as names wherever an admin form saves them (see portal.text).
    name_fields = ("name", "name_ar", "name_fr")

    def clean(self):
        super().clean()
        for field in self.name_fields:
            setattr(self, field, single_line(getattr(self, field)))


class Country(models.Model):
    """A country the fund works in, or the region as a whole."""

    NAMES = {
        "IQ": _("Iraq"),
        "JO": _("Jordan"),
        "LB": _("Lebanon"),
        "RG": _("Regional"),
    }
    code = models.CharField(_("code"), max_length=2, unique=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    @property
    def label(self):
        return self.NAMES.get(self.code, self.code)

    def __str__(self):
        return str(self.label)


class ThematicArea(LocalisedNameMixin):
    """A theme the fund finances work in (health, labour, social cohesion, ...)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_ar"),
        FieldPanel("name_fr"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")


class Organisation(LocalisedNameMixin, index.Indexed):
    """A partner of the fund: a government, a UN agency, a civil society
    organisation or a donor."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        UN_AGENCY = "un_agency", _("UN agency")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        DONOR = "donor", _("Donor")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_ar"),
        FieldPanel("name_fr"),
        FieldPanel("slug"),
        FieldPanel("acronym"),
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    name_fields = (*LocalisedNameMixin.name_fields, "acronym")
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    @property
    def short_label(self):
        return self.acronym or self.label


class HomePage(ServedInFewQueriesMixin, Page):
    """The root page of each language: what the fund is and what is new."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "portal.ThemePage",
        "knowledge.PolicyBriefIndexPage",
        "knowledge.LessonLearnedIndexPage",
        "knowledge.JointActionIndexPage",
    ]
    template = "portal/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from knowledge.feeds import knowledge_feed_links
        from knowledge.selectors import knowledge_highlights, listed_pages, partner_list
        from portal.pagecache import fragments

        context = super().get_context(request, *args, **kwargs)
        context["feed_links"] = knowledge_feed_links()
        if fragments.lookup(request) is not None:
            return context
        # A home page served from the site structure knows its live children.
        children = getattr(self, "live_children", None)
        if children is None:
            context["theme_pages"] = ThemePage.objects.child_of(self).live().select_related("theme")
        else:
            context["theme_pages"] = [page for page in children if isinstance(page, ThemePage)]
        context["partners"] = partner_list()
        context["knowledge"] = knowledge_highlights(
            locale=self.locale_id, user=request.user, limit=4, request=request
        )
        context["knowledge_pages"] = listed_pages(context["knowledge"])
        return context


class ThemePage(ServedInFewQueriesMixin, Page):
    """The landing page of one thematic area in one language."""

    theme = models.ForeignKey(
        ThematicArea,
        verbose_name=_("thematic area"),
        on_delete=models.PROTECT,
        related_name="pages",
    )
    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("theme"), FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    template = "portal/theme_page.html"
    served_with = ("theme",)

    class Meta:
        verbose_name = _("thematic area page")
        verbose_name_plural = _("thematic area pages")

    def get_context(self, request, *args, **kwargs):
        from knowledge.feeds import feed_links_for
        from knowledge.selectors import knowledge_highlights, listed_pages
        from portal.pagecache import fragments

        context = super().get_context(request, *args, **kwargs)
        context["feed_links"] = feed_links_for(theme=self.theme)
        if fragments.lookup(request) is not None:
            return context
        context["knowledge"] = knowledge_highlights(
            locale=self.locale_id, user=request.user, theme=self.theme, request=request
        )
        context["knowledge_pages"] = listed_pages(context["knowledge"])
        return context
