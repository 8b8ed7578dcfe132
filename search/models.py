"""What a searchable thing looks like once projected for search.

One ``SearchDocument`` row mirrors one page, organisation, forum topic, post or
comment. It is written in the same transaction as the content it mirrors (see
``search.indexing``), so the database backend is always exact and an external
engine can always be brought up to date from these rows.

Engine sync state: ``version`` grows on every write; ``engine_version`` is the
version the engine last confirmed (NULL: never indexed there). A row needs pushing
when the two differ. While an engine is configured a removed document stays as a
tombstone (``deleted=True``) until the engine confirms the deletion, so a removal
made while the engine is down still reaches it; without an engine the row is
simply deleted.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from portal.audience import Audience
from portal.models import Country, Organisation, ThematicArea


class SearchDocumentQuerySet(models.QuerySet):
    def live(self):
        """Rows that stand for existing content (tombstones excluded)."""
        return self.filter(deleted=False)

    def visible_to(self, scopes):
        return self.live().filter(scope__in=list(scopes))

    def pending_engine(self):
        """Rows the engine has not confirmed at their current version,
        tombstones included (the engine must delete those)."""
        return self.filter(Q(engine_version__isnull=True) | ~Q(engine_version=F("version")))


class SearchDocument(models.Model):
    key = models.CharField(
        _("key"),
        max_length=120,
        unique=True,
        help_text=_("Stable identity of the mirrored object, e.g. 'portal.organisation:12'."),
    )
    doc_type = models.CharField(_("content type"), max_length=40, db_index=True)
    title = models.CharField(_("title"), max_length=500)
    body = models.TextField(_("body text"), blank=True)
    attachment_text = models.TextField(_("text of attached documents"), blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True, db_index=True)
    url = models.CharField(_("address"), max_length=500)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author_name = models.CharField(_("author name"), max_length=200, blank=True)
    themes = models.ManyToManyField(ThematicArea, blank=True, related_name="+")
    countries = models.ManyToManyField(Country, blank=True, related_name="+")
    organisations = models.ManyToManyField(Organisation, blank=True, related_name="+")
    # Thesaurus concepts the document is about: those its text names, plus those its
    # editors picked, less those they rejected (``search.concepts``).
    concepts = models.ManyToManyField("thesaurus.Concept", blank=True, related_name="+")
    # Content without a date of its own (an organisation) has none, and no year.
    date = models.DateTimeField(_("date"), null=True, blank=True, db_index=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    visibility = models.CharField(
        _("visibility"), max_length=20, choices=Audience.choices, default=Audience.PUBLIC
    )
    scope = models.CharField(
        _("visibility scope"),
        max_length=40,
        db_index=True,
        help_text=_("'public', 'signed_in', 'partners', 'staff' or 'org:<organisation id>'."),
    )
    # Analysed text (normalised, stop words removed, stemmed) fed to the full
    # text index; the plain title and body are what people see.
    # Versions of one page in other languages share a group and are shown as one
    # result (``search.ranking``); anything else is a group of its own (its key).
    translation_group = models.CharField(max_length=120, db_index=True, editable=False, blank=True)
    # Lower is older: the original of a translated page has the lowest.
    translation_order = models.PositiveIntegerField(default=0, editable=False)
    search_title = models.TextField(editable=False, blank=True)
    search_body = models.TextField(editable=False, blank=True)
    # The terms of its concepts (``search.concepts.concept_term``), a column of their own.
    search_concepts = models.TextField(editable=False, blank=True)
    version = models.PositiveIntegerField(default=1)
    engine_version = models.PositiveIntegerField(null=True, blank=True)
    deleted = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SearchDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        indexes = [models.Index(fields=["deleted", "scope"], name="search_doc_visible_idx")]

    def __str__(self):
        return f"{self.key}: {self.title}"


class SearchTerm(models.Model):
    """A word seen in visible text, for "did you mean" suggestions.

    Kept per scope so a suggestion never reveals a word from content the reader
    cannot open. Terms are only added; a stale one leads at worst to a suggestion
    that is checked (and dropped) before being shown.
    """

    term = models.CharField(max_length=60)
    scope = models.CharField(max_length=40)
    prefix = models.CharField(max_length=2)
    length = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["term", "scope"], name="search_term_unique")]
        indexes = [models.Index(fields=["prefix", "length"], name="search_term_lookup_idx")]

    def __str__(self):
        return self.term


class AttachmentText(models.Model):
    """Text extracted from an uploaded document, kept until the file changes."""

    document = models.OneToOneField("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    file_hash = models.CharField(max_length=40, blank=True)
    text = models.TextField(blank=True)
    extracted_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.document_id}: {len(self.text)} characters"
