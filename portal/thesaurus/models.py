"""The fund's thesaurus: concepts of its work, named in English, Arabic and French,
in a hierarchy (SKOS: preferred, alternative and hidden labels, broader and
narrower concepts), each belonging to a thematic area or cutting across them."""

from collections import defaultdict

from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel

from portal.models import ThematicArea
from portal.text import single_line

LANGUAGES = ("en", "ar", "fr")


class Concept(ClusterableModel):
    """One idea of the fund's work, whatever the words for it. A concept without
    a broader one is a top concept of the scheme."""

    uri = models.URLField(
        _("URI"),
        max_length=500,
        unique=True,
        help_text=_("The concept's stable identifier, as published in the thesaurus file."),
    )
    notation = models.CharField(_("notation"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    thematic_area = models.ForeignKey(
        ThematicArea,
        verbose_name=_("thematic area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="concepts",
        help_text=_("Leave empty for a concept that cuts across thematic areas."),
    )
    broader = ParentalManyToManyField(
        "self",
        verbose_name=_("broader concepts"),
        symmetrical=False,
        blank=True,
        related_name="narrower",
    )
    scope_note = models.TextField(_("scope note (English)"), blank=True)
    scope_note_ar = models.TextField(_("scope note (Arabic)"), blank=True)
    scope_note_fr = models.TextField(_("scope note (French)"), blank=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")

    def __str__(self):
        return self.preferred_label()

    def _labels(self):
        # Prefetched labels when the query asked for them, else one query.
        return list(self.labels.all())

    def preferred_label(self, language: str | None = None) -> str:
        """The preferred label in ``language`` (the reader's by default), else the
        English one, else any."""
        preferred = {
            label.language: label.text
            for label in self._labels()
            if label.kind == ConceptLabel.Kind.PREFERRED
        }
        return label_in(preferred, language, self.slug)

    def labels_in(self, language: str, kind: str) -> list[str]:
        return sorted(
            label.text for label in self._labels() if label.language == language and label.kind == kind
        )


def label_in(preferred: dict[str, str], language: str | None, default: str) -> str:
    """Of a concept's ``preferred`` labels (language -> text), the one in
    ``language`` (the reader's by default), else the English one, else any."""
    language = (language or get_language() or "en")[:2]
    return preferred.get(language) or preferred.get("en") or next(iter(preferred.values()), default)


class ConceptLabel(models.Model):
    """A word or phrase naming a concept in one language: the preferred one (one per
    language), a synonym or abbreviation (alternative), or a spelling kept only for
    matching (hidden)."""

    class Language(models.TextChoices):
        EN = "en", _("English")
        AR = "ar", _("Arabic")
        FR = "fr", _("French")

    class Kind(models.TextChoices):
        PREFERRED = "preferred", pgettext_lazy("thesaurus label", "Preferred")
        ALTERNATIVE = "alternative", pgettext_lazy("thesaurus label", "Alternative")
        HIDDEN = "hidden", pgettext_lazy("thesaurus label", "Hidden")

    concept = ParentalKey(Concept, on_delete=models.CASCADE, related_name="labels")
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.ALTERNATIVE)
    text = models.CharField(_("text"), max_length=200)

    panels = [FieldPanel("language"), FieldPanel("kind"), FieldPanel("text")]

    class Meta:
        ordering = ["language", "kind", "text"]
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        constraints = [
            models.UniqueConstraint(
                fields=["concept", "language", "kind", "text"], name="thesaurus_label_unique"
            ),
            models.UniqueConstraint(
                fields=["concept", "language"],
                condition=models.Q(kind="preferred"),
                name="thesaurus_one_preferred_label_per_language",
            ),
        ]

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        self.text = single_line(self.text)


def preferred_label_problem(labels) -> str | None:
    """What is wrong with the preferred labels among ``labels`` (``(language, kind,
    text)`` triples), if anything: a concept has one per language, and an English one,
    the language every reader falls back to."""
    preferred = defaultdict(list)
    for language, kind, text in labels:
        if kind == ConceptLabel.Kind.PREFERRED:
            preferred[language].append(text)
    for language, texts in sorted(preferred.items()):
        if len(texts) > 1:
            return _(
                "There are %(count)d preferred labels in %(language)s (%(labels)s): "
                "a concept has one per language."
            ) % {"count": len(texts), "language": language, "labels": ", ".join(sorted(texts))}
    if "en" not in preferred:
        return _("There is no English preferred label: every concept needs one.")
    return None
