"""The database backend: SQLite FTS5 or PostgreSQL full text search over the
search rows, ranked (bm25 / ts_rank_cd), with facets counted by GROUP BY over
the same visible, filtered set. No service needed; always exact."""

from dataclasses import replace

from django.db.models import Count, Subquery

from search import concepts, text
from search.backends.base import (
    FACET_COUNTRY,
    FACET_LANGUAGE,
    FACET_ORGANISATION,
    FACET_THEME,
    FACET_TOPIC,
    FACET_TYPE,
    FACET_YEAR,
    FACETS,
    SORT_DATE,
    BaseSearchBackend,
    SearchHit,
    SearchQuery,
    SearchResults,
    Suggestion,
    Translation,
)
from search.backends.dialects import dialect
from search.facets import label_facets
from search.highlight import highlight_title, query_term_set, snippet
from search.models import SearchDocument
from search.ranking import UNSUGGESTED_TYPES, translations_of
from search.suggest import correct

Themes = SearchDocument.themes.through
Countries = SearchDocument.countries.through
Organisations = SearchDocument.organisations.through
Concepts = SearchDocument.concepts.through


def _filter(queryset, query: SearchQuery, *, without: str | None = None):
    """Apply every filter of ``query`` except the facet ``without``. Many-to-many
    filters use subqueries so a document never counts twice."""
    if query.types and without != FACET_TYPE:
        queryset = queryset.filter(doc_type__in=sorted(query.types))
    if query.languages and without != FACET_LANGUAGE:
        queryset = queryset.filter(language__in=sorted(query.languages))
    if query.years and without != FACET_YEAR:
        queryset = queryset.filter(year__in=sorted(query.years))
    if query.themes and without != FACET_THEME:
        queryset = queryset.filter(
            id__in=Subquery(
                Themes.objects.filter(thematicarea_id__in=query.themes).values("searchdocument_id")
            )
        )
    if query.countries and without != FACET_COUNTRY:
        queryset = queryset.filter(
            id__in=Subquery(
                Countries.objects.filter(country__code__in=query.countries).values("searchdocument_id")
            )
        )
    if query.topics and without != FACET_TOPIC:
        queryset = queryset.filter(
            id__in=Subquery(Concepts.objects.filter(concept_id__in=query.topics).values("searchdocument_id"))
        )
    if query.organisations and without != FACET_ORGANISATION:
        queryset = queryset.filter(
            id__in=Subquery(
                Organisations.objects.filter(organisation_id__in=query.organisations).values(
                    "searchdocument_id"
                )
            )
        )
    return queryset


# Counts are of translation groups, the unit a result stands for, so a facet value
# counts exactly what choosing it returns.
GROUPS = Count("translation_group", distinct=True)


def _counts(rows, key) -> dict:
    return {row[key]: row["n"] for row in rows}


def _facet_counts(matched, query: SearchQuery) -> dict[str, dict]:
    """One GROUP BY query per facet, each over the documents matching every
    other filter (checking a second value of a facet widens, not narrows)."""
    raw = {}
    for name in FACETS:
        documents = _filter(matched, query, without=name)
        if name in (FACET_TYPE, FACET_LANGUAGE, FACET_YEAR):
            column = {FACET_TYPE: "doc_type", FACET_LANGUAGE: "language", FACET_YEAR: "year"}[name]
            rows = documents.order_by().values(column).annotate(n=GROUPS)
            raw[name] = _counts(rows, column)
            continue
        through, column = {
            FACET_THEME: (Themes, "thematicarea_id"),
            FACET_COUNTRY: (Countries, "country__code"),
            FACET_ORGANISATION: (Organisations, "organisation_id"),
            FACET_TOPIC: (Concepts, "concept_id"),
        }[name]
        rows = (
            through.objects.filter(searchdocument_id__in=Subquery(documents.values("id")))
            .order_by()
            .values(column)
            .annotate(n=Count("searchdocument__translation_group", distinct=True))
        )
        raw[name] = _counts(rows, column)
    return raw


def _concept_matches(hits, wanted: frozenset[int]) -> None:
    if not wanted or not hits:
        return
    found = {}
    for key, concept_id in Concepts.objects.filter(
        searchdocument__key__in=[hit.key for hit in hits], concept_id__in=wanted
    ).values_list("searchdocument__key", "concept_id"):
        found.setdefault(key, set()).add(concept_id)
    concepts.concept_matches(hits, found, wanted)


class DatabaseSearchBackend(BaseSearchBackend):
    name = "database"

    def search(self, query: SearchQuery) -> SearchResults:
        results = SearchResults(query=query, backend=self.name)
        sql = dialect()
        visible = SearchDocument.objects.visible_to(query.scopes)
        parts = concepts.query_parts(query.text, through_concepts=query.through_concepts)
        expression = sql.query_expression(parts)
        if query.text.strip() and not expression:
            # Only stop words or symbols: nothing can match.
            results.facets = label_facets({}, query) if query.with_facets else {}
            return results
        wanted = concepts.query_concepts(parts)
        matched = sql.match(visible, expression, concepts=bool(wanted)) if expression else visible
        filtered = _filter(matched, query)
        results.total = filtered.aggregate(n=GROUPS)["n"]
        if results.total:
            ranked = sql.ranked_groups(
                filtered,
                language=query.language,
                limit=query.per_page,
                offset=query.offset,
                by_relevance=bool(expression) and query.sort != SORT_DATE,
            )
            results.hits = self._hits(ranked, filtered, query.text)
            _concept_matches(results.hits, wanted)
        if query.with_facets:
            results.facets = label_facets(_facet_counts(matched, query), query)
        if not results.total and parts and query.with_suggestion:
            results.suggestion = self._suggestion(query)
        return results

    def _hits(self, ranked, filtered, query_text: str) -> list[SearchHit]:
        """The shown members of ``ranked`` groups, each with its other matching versions."""
        members = {}
        for document in filtered.filter(
            translation_group__in=[group for _, _, group in ranked]
        ).prefetch_related("organisations"):
            members.setdefault(document.translation_group, []).append(document)
        documents = {document.pk: document for found in members.values() for document in found}
        terms = query_term_set(query_text)
        hits = []
        for pk, score, group in ranked:
            document = documents.get(pk)
            if document is None:
                continue
            excerpt = snippet(document.body, terms)
            if terms and "<mark>" not in excerpt and document.attachment_text:
                # The match is in an attached document: show that passage.
                excerpt = snippet(document.attachment_text, terms)
            hits.append(
                SearchHit(
                    key=document.key,
                    doc_type=document.doc_type,
                    title=document.title,
                    url=document.url,
                    language=document.language,
                    date=document.date,
                    title_html=highlight_title(document.title, terms),
                    snippet_html=excerpt,
                    score=score,
                    organisations=[organisation.short_label for organisation in document.organisations.all()],
                    translations=translations_of(
                        document,
                        [
                            Translation(other.key, other.language, other.title, other.url)
                            for other in members[group]
                        ],
                    ),
                )
            )
        return hits

    def _suggestion(self, query: SearchQuery) -> str:
        corrected = correct(query.text, query.scopes)
        if not corrected or text.query_terms(corrected) == text.query_terms(query.text):
            return ""
        check = replace(query, text=corrected, page=1, with_facets=False, with_suggestion=False)
        return corrected if self.search(check).total else ""

    def autocomplete(
        self, text_input: str, *, scopes, limit: int = 8, language: str = ""
    ) -> list[Suggestion]:
        head, prefixes = text.prefix_terms(text_input[:100])
        if not prefixes:
            return []
        sql = dialect()
        expression = sql.expression(head, prefixes, title_only=True)
        visible = SearchDocument.objects.visible_to(scopes).exclude(doc_type__in=sorted(UNSUGGESTED_TYPES))
        matched = sql.match(visible, expression)
        ranked = sql.ranked_groups(matched, language=language, limit=limit, offset=0, by_relevance=True)
        documents = SearchDocument.objects.in_bulk([pk for pk, _, _ in ranked])
        return [
            Suggestion(
                title=documents[pk].title,
                url=documents[pk].url,
                doc_type=documents[pk].doc_type,
                language=documents[pk].language,
                key=documents[pk].key,
            )
            for pk, _, _ in ranked
            if pk in documents
        ]

    # The rows are this backend's index (triggers / a generated column keep the
    # full text index in the same transaction), so there is nothing to push.
    def index_documents(self, documents) -> int:
        return sum(1 for _ in documents)

    def delete_documents(self, keys) -> int:
        return len(list(keys))


SearchBackend = DatabaseSearchBackend
