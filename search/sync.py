"""The retrying sync from the search rows to the engine.

Rows are the truth (written with the content, see ``search.indexing``); the engine
is brought up to date from ``SearchDocument.objects.pending_engine()``. A row is
confirmed only at the version that was pushed, so a write made while a push is on
its way stays pending; a tombstone is deleted from the engine, then from the table.
Nothing is lost while the engine is down: the rows wait, and the next pass (after
the next write, ``manage.py search_sync``, or its ``--loop`` worker) pushes them.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from dataclasses import dataclass

from search.backends import ENGINE, load_backend
from search.backends.base import SearchBackendUnavailable
from search.backends.engine.index import Progress
from search.models import SearchDocument

logger = logging.getLogger(__name__)

# After a failed push, writes skip pushing for this long so an unreachable engine
# does not slow every save down by its timeout.
PAUSE_AFTER_FAILURE = 30.0
# Once the engine answers again, a write also pushes up to this many older rows.
CATCH_UP_BATCHES = 4

_paused_until: dict[tuple, float] = {}
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


def engine_sync_after_commit(keys, *, backend=None) -> None:
    """Push the rows a transaction just wrote (``keys``; None for a change touching
    many rows, of which a few batches go now and the rest with later writes or the
    sync worker). Never raises: a failure is logged and the rows stay pending for
    the next pass."""
    backend = backend or engine_backend()
    try:
        config = backend.config
        target = (config.urls, config.alias)
        if time.monotonic() < _paused_until.get(target, 0):
            _behind.add(target)
            return
        if keys is None:
            engine_sync_pending(backend=backend, max_batches=CATCH_UP_BATCHES)
            _behind.add(target)
            return
        engine_sync_pending(keys=keys, backend=backend)
        if target in _behind:
            # The engine is back: take along rows left pending while it was away.
            _behind.discard(target)
            engine_sync_pending(backend=backend, max_batches=CATCH_UP_BATCHES)
    except SearchBackendUnavailable as error:
        _paused_until[target] = time.monotonic() + PAUSE_AFTER_FAILURE
        _behind.add(target)
        logger.warning("Search engine unreachable; changed documents wait for the next sync: %s", error)
    except Exception:
        logger.exception("Search engine sync failed; the changed documents stay pending")
