"""The database backend: SQLite FTS5 or PostgreSQL full text search over the
search rows, ranked (bm25 / ts_rank_cd), with facets counted by GROUP BY over
the same visible, filtered matches (``search.backends.matches``). No service
needed; always exact."""

from dataclasses import replace

from search import concepts, text
from search.backends.base import (
    SORT_DATE,
    BaseSearchBackend,
    SearchHit,
    SearchQuery,
    SearchResults,
    Suggestion,
    Translation,
)
from search.backends.dialects import dialect
from search.backends.matches import Matches, RankedGroup
from search.facets import label_facets
from search.highlight import highlight_title, query_term_set, snippet
from search.models import SearchDocument
from search.ranking import UNSUGGESTED_TYPES, translations_of
from search.suggest import correct

Concepts = SearchDocument.concepts.through


def _concept_matches(hits, ranked: list[RankedGroup], wanted: frozenset[int]) -> None:
    if not wanted or not hits:
        return
    found = {}
    for key, concept_id in Concepts.objects.filter(
        searchdocument_id__in=[group.pk for group in ranked], concept_id__in=wanted
    ).values_list("searchdocument__key", "concept_id"):
        found.setdefault(key, set()).add(concept_id)
    concepts.concept_matches(hits, found, wanted)


class DatabaseSearchBackend(BaseSearchBackend):
    name = "database"

    def search(self, query: SearchQuery) -> SearchResults:
        results = SearchResults(query=query, backend=self.name)
        parts = concepts.query_parts(query.text, through_concepts=query.through_concepts)
        by_relevance = bool(parts) and query.sort != SORT_DATE
        matches = self._matches(query, parts, scored=by_relevance)
        if matches is None:
            results.facets = label_facets({}, query) if query.with_facets else {}
            return results
        results.total = matches.count()
        if results.total:
            ranked = matches.ranked(
                language=query.language,
                limit=query.per_page,
                offset=query.offset,
                by_relevance=by_relevance,
            )
            results.hits = self._hits(ranked, query.text)
            _concept_matches(results.hits, ranked, concepts.query_concepts(parts))
        if query.with_facets:
            results.facets = label_facets(matches.facet_counts(), query)
        if not results.total and parts and query.with_suggestion:
            results.suggestion = self._suggestion(query)
        return results

    def _matches(self, query: SearchQuery, parts, *, scored: bool) -> Matches | None:
        """The visible matches of ``query``, kept for the count, ranking and facets
        (``scored`` when the ranking reads their scores); None when nothing can
        match: the text has only stop words or symbols."""
        sql = dialect()
        if query.text.strip() and not sql.query_expression(parts):
            return None
        visible = SearchDocument.objects.visible_to(query.scopes)
        return Matches(sql.keep_matches(visible, parts, scored=scored), query)

    def _hits(self, ranked: list[RankedGroup], query_text: str) -> list[SearchHit]:
        """The shown member of each ``ranked`` group, with its other matching versions."""
        documents = (
            SearchDocument.objects.filter(id__in=[pk for group in ranked for pk in group.members])
            .prefetch_related("organisations")
            .in_bulk()
        )
        terms = query_term_set(query_text)
        hits = []
        for group in ranked:
            document = documents.get(group.pk)
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
                    score=group.score,
                    organisations=[organisation.short_label for organisation in document.organisations.all()],
                    translations=translations_of(
                        document,
                        [
                            Translation(other.key, other.language, other.title, other.url)
                            for other in map(documents.get, group.members)
                            if other is not None
                        ],
                    ),
                )
            )
        return hits

    def _suggestion(self, query: SearchQuery) -> str:
        corrected = correct(query.text, query.scopes)
        if not corrected or text.query_terms(corrected) == text.query_terms(query.text):
            return ""
        # Only whether the correction finds anything: no scores, page or facets.
        check = replace(query, text=corrected)
        matches = self._matches(
            check, concepts.query_parts(corrected, through_concepts=check.through_concepts), scored=False
        )
        return corrected if matches is not None and matches.count() else ""

    def autocomplete(
        self, text_input: str, *, scopes, limit: int = 8, language: str = ""
    ) -> list[Suggestion]:
        head, prefixes = text.prefix_terms(text_input[:100])
        if not prefixes:
            return []
        sql = dialect()
        visible = SearchDocument.objects.visible_to(scopes).exclude(doc_type__in=sorted(UNSUGGESTED_TYPES))
        matches = Matches(sql.keep_title_matches(visible, head, prefixes), SearchQuery(scopes=scopes))
        ranked = matches.ranked(language=language, limit=limit, offset=0, by_relevance=True)
        documents = SearchDocument.objects.in_bulk([group.pk for group in ranked])
        return [
            Suggestion(
                title=documents[pk].title,
                url=documents[pk].url,
                doc_type=documents[pk].doc_type,
                language=documents[pk].language,
                key=documents[pk].key,
            )
            for pk in (group.pk for group in ranked)
            if pk in documents
        ]

    # The rows are this backend's index (triggers / a generated column keep the
    # full text index in the same transaction), so there is nothing to push.
    def index_documents(self, documents) -> int:
        return sum(1 for _ in documents)

    def delete_documents(self, keys) -> int:
        return len(list(keys))


SearchBackend = DatabaseSearchBackend
