"""The engine backend: searches and updates an Elasticsearch or OpenSearch index
through the flavour's client and DSL.

Every search goes to the alias; ``SearchBackendUnavailable`` is raised whenever
the engine cannot answer (down, timing out, index missing, or refusing the
request), so the registry answers from the database instead and the page says so.
"""

import logging
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from functools import cached_property

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.breaker import Breaker, breaker_for
from portal.models import Organisation
from search import concepts, text
from search.backends.base import (
    FACETS,
    BaseSearchBackend,
    SearchBackendUnavailable,
    SearchHit,
    SearchQuery,
    SearchResults,
    Suggestion,
    Translation,
)
from search.backends.engine import queries
from search.backends.engine.config import engine_config
from search.backends.engine.definition import LANGUAGES
from search.backends.engine.flavours import get_flavour
from search.backends.engine.index import EngineIndex
from search.facets import label_facets
from search.ranking import Member, representative, translations_of

logger = logging.getLogger(__name__)

NOT_READY_STATUSES = (401, 403, 404, 408, 429)


def _facet_value(name, key):
    return int(key) if name in ("theme", "organisation", "year") else key


def _first(highlight, fields) -> str:
    for field in fields:
        fragments = highlight.get(field)
        if fragments:
            return fragments[0]
    return ""


def _versions(group) -> list[dict]:
    """The matching versions the engine returned with a collapsed hit (maybe none)."""
    return group.get("inner_hits", {}).get(queries.VERSIONS, {}).get("hits", {}).get("hits") or []


class EngineSearchBackend(BaseSearchBackend):
    name = "engine"

    @cached_property
    def config(self):
        return engine_config()

    @cached_property
    def flavour(self):
        return get_flavour(self.config.flavour)

    @cached_property
    def dsl(self):
        return self.flavour.dsl

    @cached_property
    def client(self):
        return self.flavour.client(self.config)

    @cached_property
    def index(self) -> EngineIndex:
        """Index management: creation, bulk pushes, rebuilds, status."""
        return EngineIndex(self)

    @property
    def alias(self) -> str:
        return self.config.alias

    @property
    def health(self) -> Breaker:
        """What this process knows of the engine at these addresses: after a failure
        it is skipped for a cool-down, so an outage costs one timeout per cool-down
        instead of one per search, and is logged once when it starts and once when
        it ends."""
        return breaker_for("Search engine", ", ".join(self.config.urls))

    @contextmanager
    def unavailable_on_error(self):
        """Turn whatever the engine says into ``SearchBackendUnavailable``: a
        search never fails because of the engine."""
        health = self.health
        if not health.allows():
            raise SearchBackendUnavailable(
                f"{self.flavour.name}: unreachable a moment ago, not tried again yet"
            )
        try:
            yield
        except self.flavour.connection_errors as error:
            health.failed(error)
            raise SearchBackendUnavailable(f"{self.flavour.name}: unreachable: {error}") from error
        except self.flavour.api_errors as error:
            status = self.flavour.status(error)
            if status is not None and status >= 500:
                health.failed(error)
            elif status not in NOT_READY_STATUSES:
                logger.exception("The search engine refused a request")
            raise SearchBackendUnavailable(f"{self.flavour.name}: HTTP {status}: {error}") from error
        health.succeeded()

    def search(self, query: SearchQuery) -> SearchResults:
        results = SearchResults(query=query, backend=self.name)
        words = text.query_words(query.text)
        if query.text.strip() and not words:
            # Only stop words or symbols: nothing can match.
            results.facets = label_facets({}, query) if query.with_facets else {}
            return results
        parts = concepts.query_parts(query.text, through_concepts=query.through_concepts)
        search = queries.build_search(self.dsl, query, self.alias, parts).using(self.client)
        with self.unavailable_on_error():
            response = search.execute()
        body = response.to_dict()
        aggregations = body["aggregations"]
        results.total = aggregations[queries.TOTAL][queries.TOTAL]["value"]
        results.hits = self._hits(body["hits"]["hits"], query.language)
        wanted = concepts.query_concepts(parts)
        if wanted:
            concepts.concept_matches(results.hits, self._concepts_of(body["hits"]["hits"]), wanted)
        if query.with_facets:
            raw = {
                name: {
                    _facet_value(name, bucket["key"]): bucket[queries.TOTAL]["value"]
                    for bucket in aggregations[name]["values"]["buckets"]
                }
                for name in FACETS
            }
            results.facets = label_facets(raw, query)
        if words and query.with_suggestion and not results.total:
            results.suggestion = self._suggestion(query, response)
        return results

    @staticmethod
    def _shown(groups, language: str) -> list[tuple[dict, dict, list[dict]]]:
        """(group, shown version, matching versions) of each collapsed hit: the
        version in ``language`` if that one matched, else the original.

        The engine fetches a group's versions in a second search after the first;
        while a node leaves or a shard moves that one can come back empty, and the
        group's own hit, its best version, then stands for the group (unhighlighted:
        only versions are highlighted)."""
        shown = []
        for group in groups:
            versions = _versions(group) or [group]
            by_pk = {version["_source"]["pk"]: version for version in versions}
            chosen = representative(
                [
                    Member(
                        pk,
                        version["_source"].get("language") or "",
                        version["_source"].get("translation_order") or 0,
                    )
                    for pk, version in by_pk.items()
                ],
                language,
            )
            shown.append((group, by_pk[chosen.pk], versions))
        return shown

    @staticmethod
    def _concepts_of(groups) -> dict[str, set[int]]:
        return {
            version["_source"]["key"]: set(version["_source"].get("concepts") or ())
            for group in groups
            for version in [group, *_versions(group)]
        }

    def _hits(self, groups, language: str) -> list[SearchHit]:
        shown = self._shown(groups, language)
        organisation_ids = {pk for _, hit, _ in shown for pk in hit["_source"].get("organisations") or []}
        organisations = Organisation.objects.in_bulk(organisation_ids) if organisation_ids else {}
        return [self._hit(group, hit, versions, organisations) for group, hit, versions in shown]

    def _hit(self, group, hit, versions, organisations) -> SearchHit:
        source = hit["_source"]
        highlight = hit.get("highlight") or {}
        title_html = _first(highlight, [*(f"title_{code}" for code in LANGUAGES), "title"])
        snippet_html = _first(
            highlight,
            [
                *(f"body_{code}" for code in LANGUAGES),
                *(f"attachment_text_{code}" for code in LANGUAGES),
                "body",
                "attachment_text",
            ],
        )
        date = source.get("date")
        shown = SearchHit(
            key=source["key"],
            doc_type=source["doc_type"],
            title=source["title"],
            url=source["url"],
            language=source.get("language") or "",
            date=datetime.fromisoformat(date) if date else None,
            # The engine escapes the text (encoder "html") and adds only <mark>.
            title_html=mark_safe(title_html or escape(source["title"])),  # noqa: S308
            snippet_html=mark_safe(snippet_html),  # noqa: S308
            # The group ranks by its best version's score.
            score=group["_score"],
            organisations=[
                organisations[pk].short_label
                for pk in source.get("organisations") or []
                if pk in organisations
            ],
        )
        shown.translations = translations_of(
            shown,
            [
                Translation(
                    version["_source"]["key"],
                    version["_source"].get("language") or "",
                    version["_source"]["title"],
                    version["_source"]["url"],
                )
                for version in versions
            ],
        )
        return shown

    def _suggestion(self, query: SearchQuery, response) -> str:
        """A corrected query from the engine's term suggester, shown only when the
        reader could find something with it: the suggester reads the whole index,
        so a word from content they cannot open is dropped here."""
        corrections = {}
        suggest = response.to_dict().get("suggest") or {}
        for entry in suggest.get(queries.SUGGESTION, []):
            if entry["options"]:
                corrections[entry["text"]] = entry["options"][0]["text"]
        if not corrections:
            return ""
        words = text.tokens(query.text)[: queries.SUGGEST_WORDS]
        corrected = " ".join(corrections.get(word, word) for word in words)
        if text.query_terms(corrected) == text.query_terms(query.text):
            return ""
        check = replace(query, text=corrected, page=1, with_facets=False, with_suggestion=False)
        with self.unavailable_on_error():
            count = queries.build_exact_count(self.dsl, check, self.alias).using(self.client).count()
        return corrected if count else ""

    def autocomplete(
        self, text_input: str, *, scopes, limit: int = 8, language: str = ""
    ) -> list[Suggestion]:
        search = queries.build_autocomplete(self.dsl, text_input, scopes, limit, self.alias)
        if search is None:
            return []
        with self.unavailable_on_error():
            response = search.using(self.client).execute()
        suggestions = []
        for _group, hit, _versions in self._shown(response.to_dict()["hits"]["hits"], language):
            source = hit["_source"]
            suggestions.append(
                Suggestion(
                    title=source["title"],
                    url=source["url"],
                    doc_type=source["doc_type"],
                    language=source.get("language") or "",
                    key=source["key"],
                )
            )
        return suggestions

    def index_documents(self, documents) -> int:
        return self.index.push_rows(list(documents))

    def delete_documents(self, keys) -> int:
        return self.index.delete_keys(list(keys))

    def rebuild(self, documents, *, stdout=None) -> int:
        return self.index.rebuild(documents, stdout=stdout)

    def documents_changed(self, keys) -> None:
        # The sync module builds on this one; importing it here keeps the two apart.
        from search.sync import engine_sync_enqueue

        engine_sync_enqueue(keys)
