"""The filter form of the index pages: a plain GET form, so a filtered list has
an address that can be shared and works without JavaScript."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.models import Country, Organisation, ThematicArea


class KnowledgeFilterForm(forms.Form):
    """Validates the filters in the address. A value that is not valid (an
    unknown slug, a year that is not a number) is reported next to its field
    and ignored, so the list still shows instead of an error page."""

    theme = forms.ChoiceField(label=_("Thematic area"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    partner = forms.ChoiceField(label=_("Partner"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data, *, model, vocabulary=None):
        """``vocabulary``: the thematic areas, countries and organisations to offer,
        when the caller has them (else they are read here)."""
        if data is not None and data.get("country"):
            # Country codes are ISO capitals everywhere else, so shared links may use them.
            data = data.copy()
            data["country"] = data["country"].lower()
        super().__init__(data)
        themes, countries, partners = vocabulary or (
            ThematicArea.objects.all(),
            Country.objects.all(),
            Organisation.objects.all(),
        )
        self._themes = {theme.slug: theme for theme in themes}
        self._countries = {country.code.lower(): country for country in countries}
        self._partners = {partner.slug: partner for partner in partners}
        years = model.objects.live().dates("publication_date", "year", order="DESC")
        anything = [("", _("Any"))]
        self.fields["theme"].choices = anything + [(slug, t.label) for slug, t in self._themes.items()]
        self.fields["country"].choices = anything + [(code, c.label) for code, c in self._countries.items()]
        self.fields["partner"].choices = anything + sorted(
            ((slug, p.label) for slug, p in self._partners.items()), key=lambda choice: choice[1].lower()
        )
        self.fields["year"].choices = anything + [(str(day.year), str(day.year)) for day in years]
        self.fields["language"].choices = anything + [
            (code, name) for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        ]

    def filters(self):
        """Keyword arguments for ``knowledge_page_list`` from the valid fields."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "theme": self._themes.get(data.get("theme")),
            "country": self._countries.get(data.get("country")),
            "organisation": self._partners.get(data.get("partner")),
            "year": int(data["year"]) if data.get("year") else None,
            "language": data.get("language") or None,
        }

    def has_filters(self):
        return any(value is not None for value in self.filters().values())
