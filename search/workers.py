"""Analysis in worker processes while the rows of the previous batch are written.

A rebuild spends its time in two places: analysing each text (tokenising,
stemming, matching concepts: Python, on one core) and writing the rows (waiting
on the database, and in the engine's case on its bulk requests). In one process
the two take turns. Here worker processes analyse the next batches while the
caller writes this one, so the database (or the engine) and the analysis work
on separate cores.

A worker is a fresh interpreter (``spawn``: nothing of the caller's connections
or threads is copied into it) that sets Django up and touches no database: it
gets the projections and the thesaurus matcher, and hands back ``Analysed``
values. Starting one costs a second or more (it sets the whole portal up):
batches are analysed in process until a worker is ready, and small loads start
none (``workers_for``).

A worker imports this module before Django is set up, so it imports the
portal's modules only inside its functions, and receives the thesaurus it
starts with pickled.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from portal.thesaurus.matching import Matcher
    from search.analysis import Analysed

# Objects below which starting a worker costs more than it saves.
WORKERS_FROM = 2_000
MAX_WORKERS = 4

# The thesaurus a worker was started with; a batch read after a change to the
# thesaurus brings its own.
_thesaurus: Matcher | None = None


def workers_for(objects: int) -> int:
    """Workers worth starting for ``objects``: one core is left to the writing."""
    if objects < WORKERS_FROM:
        return 0
    return max(1, min(MAX_WORKERS, (os.cpu_count() or 1) - 1))


def _start(thesaurus: bytes) -> None:
    import django

    global _thesaurus
    django.setup()
    _thesaurus = pickle.loads(thesaurus)  # noqa: S301 (from the process that started this one)


def _ready() -> None:
    """Nothing: returns once a worker has started."""


def _analyse(projections, thesaurus: Matcher | None) -> list[Analysed]:
    from search.analysis import analyse

    return analyse(projections, thesaurus or _thesaurus)


def analysed_batches(
    batches: Iterable[tuple[object, list]], *, workers: int
) -> Iterator[tuple[object, list[Analysed]]]:
    """For each ``(tag, projections)`` of ``batches``, in order, ``(tag, analysed)``.
    With ``workers``, up to that many batches are analysed ahead in worker
    processes while the caller handles the one yielded; each is analysed with the
    thesaurus as it was when the batch was read."""
    from portal.thesaurus.matching import matcher
    from search.analysis import analyse

    if workers < 1:
        for tag, projections in batches:
            yield tag, analyse(projections, matcher())
        return
    started_with = matcher()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start, initargs=(pickle.dumps(started_with),)
    ) as pool:
        ready = pool.submit(_ready)
        ahead: list[tuple[object, Future]] = []
        for tag, projections in batches:
            thesaurus = matcher()
            if not ahead and not ready.done():
                # No worker has started yet: this batch is analysed here meanwhile.
                yield tag, analyse(projections, thesaurus)
                continue
            changed = thesaurus.version != started_with.version
            ahead.append((tag, pool.submit(_analyse, projections, thesaurus if changed else None)))
            if len(ahead) > workers:
                tag, analysing = ahead.pop(0)
                yield tag, analysing.result()
        for tag, analysing in ahead:
            yield tag, analysing.result()
