"""Task workers push as soon as they start, so on a new installation several
processes find no index at the same moment: one index is created, and every push
lands in it."""

import threading

import pytest

from search.backends.engine import SearchBackend
from search.models import SearchDocument
from search.sync import engine_sync_pending
from tests.search.conftest import make_document
from tests.search.engine_backend import engine_under_test

pytestmark = [pytest.mark.django_db, pytest.mark.engine]
PROCESSES = 4


@pytest.mark.parametrize("flavour", ["opensearch", "elasticsearch"])
def test_processes_finding_no_index_at_once_create_one(flavour, request, settings, vocabulary):
    url = request.getfixturevalue(
        "search_engine_proxy_url" if flavour == "elasticsearch" else "search_engine_url"
    )
    engine_under_test(flavour, settings, url)
    # One backend each, as in separate processes: their own client, nothing ensured yet.
    backends = [SearchBackend() for _ in range(PROCESSES)]
    start = threading.Barrier(PROCESSES)
    failures = []

    def ensure(backend):
        start.wait()
        try:
            backend.index.ensure()
        except Exception as error:
            failures.append(error)

    threads = [threading.Thread(target=ensure, args=(backend,)) for backend in backends]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)

    assert failures == []
    assert len(backends[0].index.indices()) == 1
    make_document(vocabulary, "water", "Water trucking in Zaatari")
    report = engine_sync_pending(backend=backends[-1])
    assert (report.indexed, report.failed) == (SearchDocument.objects.count(), 0)
    assert not SearchDocument.objects.pending_engine().exists()
