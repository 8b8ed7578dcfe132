"""What every piece of knowledge shares: a summary, a publication date and the
themes, countries and organisations it belongs to."""

import datetime

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from knowledge.blocks import PARAGRAPH_FEATURES
from knowledge.panels import ConceptsFoundPanel
from portal.accounts.organisation_page import OrganisationPageForm, SignOffStatusMixin
from portal.i18n import current_language, page_translations
from portal.page_serving import ServedInFewQueriesMixin
from portal.thesaurus.widgets import ConceptPicker


def today():
    return timezone.localdate()


class KnowledgePage(SignOffStatusMixin, ServedInFewQueriesMixin, Page):
    """Abstract base of briefs, lessons learned and joint actions.

    Other parts of the portal rely on these names: ``summary``,
    ``publication_date``, ``themes``, ``countries`` and ``organisations`` (the
    authoring or partner organisations), ``concepts`` and ``concepts_excluded``
    (the thesaurus topics its editors picked and rejected).
    """

    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences shown in listings, feeds and search results."),
    )
    publication_date = models.DateField(_("publication date"), default=today, db_index=True)
    themes = ParentalManyToManyField(
        "portal.ThematicArea",
        verbose_name=_("thematic areas"),
        blank=True,
        related_name="%(app_label)s_%(class)ss",
    )
    countries = ParentalManyToManyField(
        "portal.Country",
        verbose_name=_("countries"),
        blank=True,
        related_name="%(app_label)s_%(class)ss",
    )
    organisations = ParentalManyToManyField(
        "portal.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="%(app_label)s_%(class)ss",
    )
    # The page is about the topics its text names (found when it is indexed), plus
    # those picked here, less those rejected here (``search.concepts``).
    concepts = ParentalManyToManyField(
        "thesaurus.Concept",
        verbose_name=pgettext_lazy("thesaurus", "topics"),
        blank=True,
        related_name="%(app_label)s_%(class)ss",
        help_text=_("Topics this page is about that its text does not name."),
    )
    concepts_excluded = ParentalManyToManyField(
        "thesaurus.Concept",
        verbose_name=_("not about"),
        blank=True,
        related_name="%(app_label)s_%(class)ss_excluded",
        help_text=_("Topics its text names that this page is not about."),
    )

    # Whether the page takes comments, read with the page for its comments block.
    served_with = ("comment_settings",)

    classification_panels = [
        MultiFieldPanel(
            [
                FieldPanel("publication_date"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries", widget=forms.CheckboxSelectMultiple),
                FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                ConceptsFoundPanel(heading=_("Topics found in the text")),
                FieldPanel("concepts", widget=ConceptPicker),
                FieldPanel("concepts_excluded", widget=ConceptPicker),
            ],
            heading=_("Topics"),
        ),
    ]
    base_form_class = OrganisationPageForm
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.FilterField("publication_date"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("organisations", [index.SearchField("name"), index.SearchField("acronym")]),
    ]

    class Meta:
        abstract = True

    @property
    def listing_status(self) -> str:
        """What a listing's card says of the page's progress: nothing but for a
        joint action. (A card asking for a field the page lacks costs a ``dir()``
        of the page in the template engine.)"""
        return ""

    @property
    def publication_datetime(self):
        """The publication date as an aware datetime, for feeds."""
        return timezone.make_aware(datetime.datetime.combine(self.publication_date, datetime.time.min))

    def get_context(self, request, *args, **kwargs):
        from portal.pagecache import fragments

        context = super().get_context(request, *args, **kwargs)
        context["feed_links"] = self.feed_links()
        # The article is the same for every reader of one audience: when it is kept,
        # only the head, the header and the reader's own comments are built.
        if fragments.lookup(request) is None:
            context.update(self.article_context(request))
        return context

    def article_context(self, request):
        """What the article (the part of the page kept per audience) shows besides
        the page itself: its relations, the pages it lists, its related resources."""
        from knowledge.selectors import load_page_relations, related_resources

        listed = self.pages_listed(request)
        load_page_relations(self, request, listed=listed)
        # The language versions are memoised on the request: the switcher reads them too.
        translations = page_translations(request, self).values()
        return {
            "listed": listed,
            "index_url": self.index_url(request),
            "kind_label": capfirst(self._meta.verbose_name),
            "related": related_resources(self, user=request.user, exclude_pages=translations),
        }

    def pages_listed(self, request):
        """The pages this page lists as cards: their relations load with its own."""
        return []

    def index_url(self, request):
        """The listing this page belongs to, in the reader's language where it exists:
        a page shown as the original of a missing translation links back to the reader's
        index, not to the index of the page's own language."""
        parent = self.get_parent()
        if parent is None:
            return None
        language = current_language()
        if parent.locale.language_code != language:
            parent = parent.get_translations().live().filter(locale__language_code=language).first() or parent
        return parent.get_url(request)

    def feed_links(self):
        """The feeds a reader of this page may want to follow."""
        from knowledge.feeds import feed_links_for

        return feed_links_for(self.feed_kind)


def rich_text(label, **kwargs):
    return RichTextField(label, blank=True, features=PARAGRAPH_FEATURES, **kwargs)
