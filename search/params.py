"""Reading a search from the address: every filter is a repeatable GET parameter,
so a search (with its checked facets) can be bookmarked and shared. Unknown or
malformed values are dropped, never an error."""

import re

from django.conf import settings

from portal.models import Country, Organisation, ThematicArea
from portal.thesaurus.models import Concept
from search.backends.base import MAX_QUERY_LENGTH, SORTS, SearchQuery
from search.projections import TYPE_LABELS

MAX_VALUES = 20
PER_PAGE = 20
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SLUG = re.compile(r"^[-\w]{1,80}$")

PARAMETERS = ("q", "type", "topic", "theme", "country", "organisation", "language", "year", "sort")


def clean_text(value: str) -> str:
    return " ".join(_CONTROL_CHARS.sub(" ", value or "").split())[:MAX_QUERY_LENGTH]


def _values(params, name) -> list[str]:
    return [value for value in params.getlist(name)[:MAX_VALUES] if value]


def _slugs_to_ids(model, values) -> frozenset[int]:
    slugs = [value for value in values if _SLUG.match(value)]
    if not slugs:
        return frozenset()
    return frozenset(model.objects.filter(slug__in=slugs).values_list("pk", flat=True))


def _page(value) -> int:
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def query_from_params(params, *, per_page: int = PER_PAGE) -> SearchQuery:
    """The ``SearchQuery`` described by GET parameters (scopes are set later, from the person)."""
    languages = {code for code, _name in settings.LANGUAGES}
    years = set()
    for value in _values(params, "year"):
        if value.isdigit() and 1900 <= int(value) <= 2200:
            years.add(int(value))
    sort = params.get("sort", "")
    return SearchQuery(
        text=clean_text(params.get("q", "")),
        types=frozenset(value for value in _values(params, "type") if value in TYPE_LABELS),
        themes=_slugs_to_ids(ThematicArea, _values(params, "theme")),
        countries=frozenset(value for value in _values(params, "country") if value in Country.NAMES),
        organisations=_slugs_to_ids(Organisation, _values(params, "organisation")),
        languages=frozenset(value for value in _values(params, "language") if value in languages),
        years=frozenset(years),
        topics=_slugs_to_ids(Concept, _values(params, "topic")),
        sort=sort if sort in SORTS else SORTS[0],
        page=_page(params.get("page")),
        per_page=per_page,
    )


def has_filters(query: SearchQuery) -> bool:
    return any(
        (
            query.types,
            query.topics,
            query.themes,
            query.countries,
            query.organisations,
            query.languages,
            query.years,
        )
    )
