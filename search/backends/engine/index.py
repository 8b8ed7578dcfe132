"""Index management for the engine backend: the alias and the index behind it,
bulk pushes with external versions, the zero-downtime rebuild and the status."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from itertools import islice

from portal.models import Country
from search.backends.engine.definition import (
    document_source,
    engine_version,
    first_index_name,
    index_definition,
    new_index_name,
)
from search.models import SearchDocument
from search.progress import Progress

logger = logging.getLogger(__name__)

BATCH = 500
Themes = SearchDocument.themes.through
Countries = SearchDocument.countries.through
Organisations = SearchDocument.organisations.through
Concepts = SearchDocument.concepts.through


def _read_links(ids) -> dict[int, dict[str, list]]:
    """What the rows ``ids`` link to, read in four queries whatever their number."""
    related = {pk: {"themes": [], "countries": [], "organisations": [], "concepts": []} for pk in ids}
    if ids:
        for pk, value in Themes.objects.filter(searchdocument_id__in=ids).values_list(
            "searchdocument_id", "thematicarea_id"
        ):
            related[pk]["themes"].append(value)
        for pk, value in Countries.objects.filter(searchdocument_id__in=ids).values_list(
            "searchdocument_id", "country__code"
        ):
            related[pk]["countries"].append(value)
        for pk, value in Organisations.objects.filter(searchdocument_id__in=ids).values_list(
            "searchdocument_id", "organisation_id"
        ):
            related[pk]["organisations"].append(value)
        for pk, value in Concepts.objects.filter(searchdocument_id__in=ids).values_list(
            "searchdocument_id", "concept_id"
        ):
            related[pk]["concepts"].append(value)
    return related


def row_links(rows) -> dict[int, dict[str, list]]:
    """What each row links to, countries by code: as the indexing pipeline wrote
    it for the rows it hands over with their ``links``, else read."""
    written = [row for row in rows if hasattr(row, "links")]
    related = _read_links([row.pk for row in rows if not hasattr(row, "links")])
    countries = {pk for row in written for pk in row.links["countries"]}
    codes = dict(Country.objects.filter(pk__in=countries).values_list("pk", "code")) if countries else {}
    for row in written:
        # A country deleted since has lost its link rows too.
        related[row.pk] = {
            **row.links,
            "countries": [codes[pk] for pk in row.links["countries"] if pk in codes],
        }
    return related


def row_sources(rows) -> dict[int, dict]:
    """Engine sources of live rows (tombstones skipped)."""
    live = [row for row in rows if not row.deleted]
    related = row_links(live)
    return {row.pk: document_source(row, **related[row.pk]) for row in live}


def _batches(iterable, size=BATCH):
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def _seen_version(pk, loaded, tombstones) -> int | None:
    if pk in loaded:
        return loaded[pk][1]
    return tombstones.get(pk)


class EngineIndex:
    def __init__(self, backend):
        self.backend = backend
        self._ensured = False

    @property
    def client(self):
        return self.backend.client

    @property
    def alias(self) -> str:
        return self.backend.alias

    def definition(self, name: str):
        config = self.backend.config
        return index_definition(self.backend.dsl, name, shards=config.shards, replicas=config.replicas)

    def indices(self) -> list[str]:
        """The indices the alias points at (none before the first push)."""
        if not self.client.indices.exists_alias(name=self.alias):
            return []
        return sorted(self.client.indices.get_alias(name=self.alias))

    def create(self, *, with_alias: bool = False, name: str | None = None) -> str:
        name = name or new_index_name(self.alias)
        definition = self.definition(name)
        if with_alias:
            definition.aliases(**{self.alias: {}})
        definition.create(using=self.client)
        return name

    def ensure(self) -> None:
        """Create the first index and its alias if there is none yet.

        Task workers push at once, so several may find no index at the same moment.
        Two indices behind the alias would leave it without a write index, and
        every push refused; so the first index has a fixed name, only one process
        creates it, and the others' creation fails because it exists (the index and
        its alias appear together, in one request)."""
        if self._ensured:
            return
        if not self.indices():
            if self.client.indices.exists(index=self.alias):
                # A concrete index squatting on the alias's name (written to by
                # hand or auto-created): the rebuild replaces it.
                raise RuntimeError(f"{self.alias} is an index, not an alias; run search_rebuild")
            flavour = self.backend.flavour
            try:
                self.create(with_alias=True, name=first_index_name(self.alias))
            except flavour.api_errors as error:
                if flavour.status(error) != 400 or not self.indices():
                    raise
        else:
            self._add_new_fields()
        self._ensured = True

    def _add_new_fields(self) -> None:
        """Add to the live index the fields this release maps and it lacks, so
        pushes are not refused after an upgrade; ``search_rebuild`` fills them in
        for documents that did not change since."""
        flavour = self.backend.flavour
        try:
            self.client.indices.put_mapping(
                index=self.alias, body=self.definition(self.alias).to_dict()["mappings"]
            )
        except flavour.api_errors:
            logger.warning("The search index's fields differ from this release's; run search_rebuild")

    def refresh(self) -> None:
        self.client.indices.refresh(index=self.alias)

    def actions(self, rows, index: str | None = None) -> list[dict]:
        """Bulk actions bringing the engine to these rows' versions: live rows are
        indexed, tombstones deleted. External versions make an older push that
        arrives late a harmless conflict instead of an overwrite."""
        sources = row_sources(rows)
        actions = []
        for row in rows:
            action = {
                "_index": index or self.alias,
                "_id": row.key,
                "version": engine_version(row.pk, row.version),
                "version_type": "external",
            }
            if row.deleted:
                action["_op_type"] = "delete"
            else:
                action["_op_type"] = "index"
                action["_source"] = sources[row.pk]
            actions.append(action)
        return actions

    def push(self, actions) -> set[str]:
        """Send ``actions``; the ids the engine now holds at (or beyond) the sent
        version. Network failures raise; a refused document is logged and stays
        pending."""
        confirmed = set()
        for ok, item in self.backend.flavour.streaming_bulk(
            self.client, actions, chunk_size=BATCH, raise_on_error=False, raise_on_exception=True
        ):
            ((operation, result),) = item.items()
            status = result.get("status")
            # 409: the engine already has a newer version; 404: nothing to delete.
            if ok or status == 409 or (operation == "delete" and status == 404):
                confirmed.add(result["_id"])
            else:
                logger.error("The search engine refused %s of %s: %s", operation, result.get("_id"), result)
        return confirmed

    def push_rows(self, rows) -> int:
        self.ensure()
        return len(self.push(self.actions(rows)))

    def delete_keys(self, keys) -> int:
        self.ensure()
        return len(self.push([{"_op_type": "delete", "_index": self.alias, "_id": key} for key in keys]))

    def rebuild(self, documents, *, stdout=None) -> int:
        """A new index loaded from ``documents`` (the live rows) while searches go
        on against the old one, then the alias moved to it in one atomic request
        and the old index deleted. Rows written meanwhile are pushed again."""
        from search.sync import engine_confirm, engine_sync_pending

        if hasattr(documents, "order_by"):
            total = documents.count()
            documents = documents.order_by("pk").iterator(chunk_size=BATCH)
        else:
            total = len(documents) if hasattr(documents, "__len__") else SearchDocument.objects.live().count()
        tombstones = dict(SearchDocument.objects.filter(deleted=True).values_list("pk", "version"))
        new = self.create()
        self.client.indices.put_settings(index=new, body={"index": {"refresh_interval": "-1"}})
        if stdout:
            stdout.write(f"Created index {new}")
        try:
            loaded = self._load(new, documents, Progress(stdout, total, "Loaded"))
        except BaseException:
            # The alias never moved: searches go on against the old index.
            self._discard(new)
            raise
        self.client.indices.put_settings(index=new, body={"index": {"refresh_interval": None}})
        self.client.indices.refresh(index=new)
        old = self.indices()
        actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        if not old and self.client.indices.exists(index=self.alias):
            actions.append({"remove_index": {"index": self.alias}})
        actions.append({"add": {"index": new, "alias": self.alias}})
        self.client.indices.update_aliases(body={"actions": actions})
        self._ensured = True
        if stdout:
            stdout.write(f"Alias {self.alias} now points at {new}")
        for name in old:
            self.client.indices.delete(index=name, ignore_unavailable=True)
            if stdout:
                stdout.write(f"Deleted old index {name}")
        self._catch_up(loaded, tombstones)
        engine_confirm(loaded={pk: version for pk, (_key, version) in loaded.items()}, tombstones=tombstones)
        engine_sync_pending(backend=self.backend, stdout=stdout)
        return len(loaded)

    def _discard(self, index: str) -> None:
        """Delete the half-loaded ``index`` of a failed rebuild, if the engine lets us."""
        try:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        except Exception:
            logger.warning("Could not delete the index %s of a failed rebuild; delete it by hand", index)

    def _load(self, index: str, documents, progress: Progress) -> dict[int, tuple[str, int]]:
        """Push ``documents`` into ``index`` a batch at a time; pk -> (key, version)
        of the rows it took. A batch's bulk request goes from a thread while the
        next batch is read (and, in ``search_rebuild``, written), one request at
        most in flight; a request that fails fails the load."""
        loaded: dict[int, tuple[str, int]] = {}

        def confirm(pushing) -> None:
            batch, request = pushing
            confirmed = request.result()
            loaded.update({row.pk: (row.key, row.version) for row in batch if row.key in confirmed})
            progress.advance(len(batch))

        pushing = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-bulk") as sender:
            try:
                for batch in _batches(documents):
                    batch = [row for row in batch if not row.deleted]
                    actions = self.actions(batch, index=index)
                    if pushing is not None:
                        confirm(pushing)
                    pushing = (batch, sender.submit(self.push, actions))
                if pushing is not None:
                    confirm(pushing)
            except BaseException:
                if pushing is not None:
                    pushing[1].cancel()
                raise
        progress.advance(0, final=True)
        return loaded

    def _catch_up(self, loaded, tombstones) -> None:
        """After the swap: rows written while the new index was loading may have
        gone to the old index only. Removed rows are deleted from the new index and
        the others marked pending, for the sync that follows."""
        current = dict(SearchDocument.objects.values_list("pk", "version"))
        gone = [(pk, key, version) for pk, (key, version) in loaded.items() if pk not in current]
        if gone:
            self.push(
                [
                    {
                        "_op_type": "delete",
                        "_index": self.alias,
                        "_id": key,
                        "version": engine_version(pk, version) + 1,
                        "version_type": "external",
                    }
                    for pk, key, version in gone
                ]
            )
        stale = [pk for pk, version in current.items() if _seen_version(pk, loaded, tombstones) != version]
        for batch in _batches(stale):
            SearchDocument.objects.filter(pk__in=batch).update(engine_version=None)

    def status(self) -> dict:
        info = self.client.info()
        indices = self.indices()
        count = self.client.count(index=self.alias)["count"] if indices else None
        return {
            "version": f"{info['version'].get('distribution', 'elasticsearch')} {info['version']['number']}",
            "cluster": info.get("cluster_name", ""),
            "indices": indices,
            "documents": count,
        }
