"""The interface every search backend implements, and the values it exchanges.

The view builds a ``SearchQuery`` (already validated: unknown filter values are
dropped before they get here), asks the registry for a backend and renders the
``SearchResults`` it gets back, without knowing which backend answered.

Filter values:
- ``types``: ``SearchDocument.doc_type`` values ("policy_brief", "organisation", ...)
- ``themes``, ``organisations``: primary keys of ``ThematicArea`` / ``Organisation``
- ``countries``: ``Country.code`` values ("IQ", "JO", ...)
- ``languages``: language codes ("en", "ar", "fr")
- ``years``: integers

Within one filter, values combine with OR; different filters combine with AND.
Facet counts for one facet are computed with every other filter applied but not
its own, so checking a second box of the same facet widens the results.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

SORT_RELEVANCE = "relevance"
SORT_DATE = "date"
SORTS = (SORT_RELEVANCE, SORT_DATE)

# Facet names, in the order the page shows them.
FACET_TYPE = "type"
FACET_THEME = "theme"
FACET_COUNTRY = "country"
FACET_ORGANISATION = "organisation"
FACET_LANGUAGE = "language"
FACET_YEAR = "year"
FACET_TOPIC = "topic"
FACETS = (
    FACET_TYPE,
    FACET_TOPIC,
    FACET_THEME,
    FACET_COUNTRY,
    FACET_ORGANISATION,
    FACET_LANGUAGE,
    FACET_YEAR,
)

MAX_QUERY_LENGTH = 200
MAX_PER_PAGE = 50
MAX_PAGE = 500


@dataclass(frozen=True)
class SearchQuery:
    """One search request. ``scopes`` are the reader's visibility scopes
    (``portal.audience.scopes_for``); a backend returns nothing outside them."""

    text: str = ""
    scopes: frozenset[str] = frozenset({"public"})
    types: frozenset[str] = frozenset()
    themes: frozenset[int] = frozenset()
    countries: frozenset[str] = frozenset()
    organisations: frozenset[int] = frozenset()
    languages: frozenset[str] = frozenset()
    years: frozenset[int] = frozenset()
    # Thesaurus concepts (ids) a result must be about.
    topics: frozenset[int] = frozenset()
    sort: str = SORT_RELEVANCE
    page: int = 1
    per_page: int = 20
    with_facets: bool = True
    with_suggestion: bool = True
    # The reader's language: of a page's translations, that version is shown.
    language: str = ""
    # Whether a run of query words naming a thesaurus concept also matches the
    # documents about it (``search.concepts``); off only to measure what it adds.
    through_concepts: bool = True

    def __post_init__(self):
        # Values are clamped here so no backend ever sees an absurd request.
        object.__setattr__(self, "text", (self.text or "")[:MAX_QUERY_LENGTH])
        object.__setattr__(self, "sort", self.sort if self.sort in SORTS else SORT_RELEVANCE)
        object.__setattr__(self, "page", min(max(int(self.page), 1), MAX_PAGE))
        object.__setattr__(self, "per_page", min(max(int(self.per_page), 1), MAX_PER_PAGE))
        for name in (
            "scopes",
            "types",
            "themes",
            "countries",
            "organisations",
            "languages",
            "years",
            "topics",
        ):
            object.__setattr__(self, name, frozenset(getattr(self, name)))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def filter_values(self, facet: str) -> frozenset:
        """The selected values of one facet's filter."""
        return {
            FACET_TYPE: self.types,
            FACET_THEME: self.themes,
            FACET_COUNTRY: self.countries,
            FACET_ORGANISATION: self.organisations,
            FACET_LANGUAGE: self.languages,
            FACET_YEAR: self.years,
            FACET_TOPIC: self.topics,
        }[facet]


@dataclass(frozen=True)
class Translation:
    """Another language version of a hit (same translation group)."""

    key: str
    language: str
    title: str
    url: str


@dataclass
class SearchHit:
    key: str
    doc_type: str
    title: str
    url: str
    language: str
    date: datetime | None
    # Safe HTML: the text is escaped and only <mark> elements are added.
    title_html: str = ""
    snippet_html: str = ""
    score: float | None = None
    organisations: list[str] = field(default_factory=list)
    # The hit's other matching versions, in other languages.
    translations: list[Translation] = field(default_factory=list)
    # The concepts it was found through when none of its own words matched
    # (``search.concepts.ConceptMatch``).
    matched_concepts: list = field(default_factory=list)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    query: SearchQuery
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    # facet name -> values with counts, every count restricted to what the reader may see.
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    # "Did you mean": a corrected query text that has visible results, or "".
    suggestion: str = ""
    # True when the configured engine could not answer and the database backend did.
    fallback: bool = False
    backend: str = ""

    @property
    def page_count(self) -> int:
        if not self.total:
            return 0
        return (self.total + self.query.per_page - 1) // self.query.per_page

    @property
    def has_next(self) -> bool:
        return self.query.page < self.page_count

    @property
    def has_previous(self) -> bool:
        return self.query.page > 1


@dataclass
class Suggestion:
    """One autocomplete entry."""

    title: str
    url: str
    doc_type: str
    language: str = ""
    key: str = ""


class SearchBackendUnavailable(Exception):
    """Raised by a backend whose service cannot be reached; the registry then
    answers from the database backend."""


class BaseSearchBackend:
    """A search backend. Subclasses implement the methods below.

    ``index_documents``/``delete_documents`` receive ``SearchDocument`` rows (and
    keys) that are already written; the database backend needs no work there because
    its index is maintained in the same transaction as the rows.
    """

    name = "base"

    def search(self, query: SearchQuery) -> SearchResults:
        raise NotImplementedError

    def autocomplete(
        self, text: str, *, scopes: Iterable[str], limit: int = 8, language: str = ""
    ) -> list[Suggestion]:
        """Titles visible in ``scopes`` with a word starting like the last word of
        ``text`` (and containing the words before it), one per translation group
        (in ``language`` when that version matches), of the types worth suggesting
        (``search.ranking.UNSUGGESTED_TYPES``)."""
        raise NotImplementedError

    def index_documents(self, documents: Iterable) -> int:
        """Make the backend's index reflect these rows; returns how many were indexed."""
        raise NotImplementedError

    def delete_documents(self, keys: Iterable[str]) -> int:
        """Remove the documents with these keys from the backend's index."""
        raise NotImplementedError

    def rebuild(self, documents: Iterable, *, stdout=None) -> int:
        """Rebuild the backend's whole index from ``documents`` (all live rows);
        ``stdout`` receives progress lines. Returns how many were indexed."""
        return self.index_documents(documents)

    def documents_changed(self, keys: Iterable[str] | None) -> None:
        """Called after a transaction that wrote search rows commits (``keys``: the
        rows written, or None when too many to name). A backend holding a copy
        elsewhere pushes the pending rows; failures must not raise."""
