"""A write never talks to the engine: once it commits it queues one sync task, and
the worker pushes the rows."""

import pytest
from django_tasks_db.models import DBTaskResult

from search.models import SearchDocument
from search.sync import engine_backend
from tests.search.conftest import make_document
from tests.search.helpers import keys, search

pytestmark = [pytest.mark.django_db, pytest.mark.engine]


def test_the_worker_pushes_what_a_write_queued(
    engine, vocabulary, people, task_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_document(vocabulary, "water", "Water trucking in Zaatari", "Trucks deliver water daily.")
    water = SearchDocument.objects.pending_engine().filter(key="test.doc:water")
    assert water.exists()
    assert list(DBTaskResult.objects.values_list("task_path", "args_kwargs")) == [
        ("search.sync.engine_sync_task", {"args": [["test.doc:water"]], "kwargs": {}})
    ]

    task_worker()
    assert not water.exists()
    engine_backend().index.refresh()
    results = search(people["anonymous"], "water")
    assert not results.fallback and keys(results) == ["water"]
