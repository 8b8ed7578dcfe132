"""Facet labels and URL values, shared by every backend.

Backends count documents per raw value (theme and organisation ids, country codes,
type, language, year); ``label_facets`` turns those counts into what the page
shows, with at most one query per facet that needs names.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.models import Country, Organisation, ThematicArea
from portal.thesaurus.matching import namings
from search.backends.base import (
    FACET_COUNTRY,
    FACET_LANGUAGE,
    FACET_ORGANISATION,
    FACET_THEME,
    FACET_TOPIC,
    FACET_TYPE,
    FACET_YEAR,
    FACETS,
    FacetValue,
    SearchQuery,
)
from search.projections import TYPE_LABELS

FACET_TITLES = {
    FACET_TYPE: _("Content type"),
    FACET_TOPIC: _("Topic"),
    FACET_THEME: _("Thematic area"),
    FACET_COUNTRY: _("Country"),
    FACET_ORGANISATION: _("Partner organisation"),
    FACET_LANGUAGE: _("Language"),
    FACET_YEAR: _("Year"),
}


# Results may be about many concepts: the topic facet offers the most frequent.
MAX_TOPICS = 15


def _sorted(values: list[FacetValue]) -> list[FacetValue]:
    return sorted(values, key=lambda value: (-value.count, str(value.label).casefold()))


def _topics(counts: dict, selected: frozenset[int]) -> list[FacetValue]:
    """The most frequent concepts, and every selected one, by count."""
    frequent = sorted(counts, key=lambda pk: (pk not in selected, -counts[pk]))[
        : max(MAX_TOPICS, len(selected))
    ]
    concepts = namings(frequent)
    return _sorted(
        [
            FacetValue(concepts[pk].slug, concepts[pk].label(), counts[pk], pk in selected)
            for pk in frequent
            if pk in concepts
        ]
    )


def label_facets(raw: dict[str, dict], query: SearchQuery) -> dict[str, list[FacetValue]]:
    """``raw``: facet name -> {raw value: count}. Selected values are kept (count 0
    when nothing matches) so they can be unchecked."""
    raw = {name: dict(raw.get(name, {})) for name in FACETS}
    for name in FACETS:
        for value in query.filter_values(name):
            raw[name].setdefault(value, 0)
    facets = {}
    languages = dict(settings.LANGUAGES)
    facets[FACET_TYPE] = _sorted(
        [
            FacetValue(value, str(TYPE_LABELS.get(value, value)), count, value in query.types)
            for value, count in raw[FACET_TYPE].items()
        ]
    )
    facets[FACET_LANGUAGE] = _sorted(
        [
            FacetValue(value, str(languages.get(value, value)), count, value in query.languages)
            for value, count in raw[FACET_LANGUAGE].items()
            if value
        ]
    )
    facets[FACET_YEAR] = sorted(
        [
            FacetValue(str(value), str(value), count, value in query.years)
            for value, count in raw[FACET_YEAR].items()
            if value
        ],
        key=lambda value: value.value,
        reverse=True,
    )
    facets[FACET_TOPIC] = _topics(raw[FACET_TOPIC], query.topics)
    themes = ThematicArea.objects.in_bulk([pk for pk in raw[FACET_THEME] if pk]) if raw[FACET_THEME] else {}
    facets[FACET_THEME] = _sorted(
        [
            FacetValue(themes[pk].slug, themes[pk].label, count, pk in query.themes)
            for pk, count in raw[FACET_THEME].items()
            if pk in themes
        ]
    )
    organisations = (
        Organisation.objects.in_bulk([pk for pk in raw[FACET_ORGANISATION] if pk])
        if raw[FACET_ORGANISATION]
        else {}
    )
    facets[FACET_ORGANISATION] = _sorted(
        [
            FacetValue(
                organisations[pk].slug, organisations[pk].short_label, count, pk in query.organisations
            )
            for pk, count in raw[FACET_ORGANISATION].items()
            if pk in organisations
        ]
    )
    facets[FACET_COUNTRY] = _sorted(
        [
            FacetValue(code, str(Country.NAMES.get(code, code)), count, code in query.countries)
            for code, count in raw[FACET_COUNTRY].items()
            if code
        ]
    )
    return facets
