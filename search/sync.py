"""The retrying sync from the search rows to the engine.

Rows are the truth (written with the content, see ``search.indexing``); the engine
is brought up to date from ``SearchDocument.objects.pending_engine()``. A row is
confirmed only at the version that was pushed, so a write made while a push is on
its way stays pending; a tombstone is deleted from the engine, then from the table.
Nothing is lost while the engine is down: the rows wait, and the next pass (after
the next write, ``manage.py search_sync``, or its ``--loop`` worker) pushes them.

A write never talks to the engine: once its transaction commits it enqueues
``engine_sync_task`` and the task worker pushes. ``search_sync`` (from cron, or
``--loop``) drains whatever a lost task or an outage left pending.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass

from django_tasks import task

from search.backends import ENGINE, load_backend
from search.backends.base import SearchBackendUnavailable
from search.models import SearchDocument
from search.progress import Progress

logger = logging.getLogger(__name__)

# Once the engine answers again, a write also pushes up to this many older rows.
CATCH_UP_BATCHES = 4

# Engines (addresses, alias) this process left rows behind for.
_behind: set[tuple] = set()


@dataclass
class SyncReport:
    indexed: int = 0
    deleted: int = 0
    failed: int = 0

    def __str__(self):
        return f"{self.indexed} indexed, {self.deleted} deleted, {self.failed} not accepted"


def engine_backend():
    """The engine backend itself (not the registry's database fallback)."""
    return load_backend(ENGINE)


def _by_version(pairs) -> dict[int, list[int]]:
    groups = defaultdict(list)
    for pk, version in pairs:
        groups[version].append(pk)
    return groups


def engine_confirm(*, loaded: dict[int, int], tombstones: dict[int, int]) -> None:
    """Record that the engine holds these rows at these versions (``loaded``:
    pk -> version) and no longer has these tombstones; rows whose version changed
    meanwhile are left pending."""
    for version, pks in _by_version(loaded.items()).items():
        for start in range(0, len(pks), 500):
            SearchDocument.objects.filter(
                pk__in=pks[start : start + 500], version=version, deleted=False
            ).update(engine_version=version)
    for version, pks in _by_version(tombstones.items()).items():
        for start in range(0, len(pks), 500):
            SearchDocument.objects.filter(
                pk__in=pks[start : start + 500], version=version, deleted=True
            ).delete()


def engine_sync_pending(
    *, batch_size: int = 500, keys=None, backend=None, stdout=None, max_batches: int | None = None
) -> SyncReport:
    """Push the rows the engine has not confirmed (only ``keys`` when given).
    Raises ``SearchBackendUnavailable`` when the engine cannot be reached; what
    was pushed before that stays confirmed."""
    backend = backend or engine_backend()
    pending = SearchDocument.objects.pending_engine()
    if keys is not None:
        pending = pending.filter(key__in=list(keys))
    report = SyncReport()
    # The index exists from the first pass on, even with nothing to push yet, so
    # searching a portal without content finds nothing instead of a missing index.
    with backend.unavailable_on_error():
        backend.index.ensure()
    progress = Progress(stdout, pending.count() if stdout else None, "Synced")
    last, batches = 0, 0
    while max_batches is None or batches < max_batches:
        rows = list(pending.filter(pk__gt=last).order_by("pk")[:batch_size])
        if not rows:
            break
        last, batches = rows[-1].pk, batches + 1
        with backend.unavailable_on_error():
            confirmed = backend.index.push(backend.index.actions(rows))
        done = [row for row in rows if row.key in confirmed]
        engine_confirm(
            loaded={row.pk: row.version for row in done if not row.deleted},
            tombstones={row.pk: row.version for row in done if row.deleted},
        )
        report.indexed += sum(1 for row in done if not row.deleted)
        report.deleted += sum(1 for row in done if row.deleted)
        report.failed += len(rows) - len(done)
        progress.advance(len(rows))
    progress.advance(0, final=True)
    return report


def engine_sync_changed(keys, *, backend=None) -> None:
    """Push the rows a transaction just wrote (``keys``; None for a change touching
    many rows, of which a few batches go now and the rest with later writes or
    ``search_sync``). Never raises: while the engine is unreachable (its outage is
    logged once, by the backend) the rows stay pending for the next pass."""
    backend = backend or engine_backend()
    target = (backend.config.urls, backend.config.alias)
    try:
        if keys is None:
            _behind.add(target)
            engine_sync_pending(backend=backend, max_batches=CATCH_UP_BATCHES)
            return
        engine_sync_pending(keys=keys, backend=backend)
        if target in _behind:
            # The engine is back: take along rows left pending while it was away.
            _behind.discard(target)
            engine_sync_pending(backend=backend, max_batches=CATCH_UP_BATCHES)
    except SearchBackendUnavailable:
        _behind.add(target)
    except Exception:
        logger.exception("Search engine sync failed; the changed documents stay pending")


@task()
def engine_sync_task(keys: list[str] | None) -> None:
    """The worker's side of ``engine_sync_enqueue``."""
    engine_sync_changed(keys)


def engine_sync_enqueue(keys) -> None:
    """Hand the rows a committed transaction wrote to the task worker. Never raises:
    if the task cannot be queued the rows are still pending, for ``search_sync``."""
    try:
        engine_sync_task.enqueue(list(keys) if keys is not None else None)
    except Exception:
        logger.exception("Could not queue the search engine sync; the rows wait for search_sync")
