"""Wagtail's own background work (the admin search index, the reference index)
goes through the same task queue as the portal's, and the worker runs it."""

import pytest
from django_tasks_db.models import DBTaskResult
from modelsearch.backends import get_search_backend

from knowledge.models import PolicyBriefPage
from tests.knowledge.factories import PolicyBriefPageFactory

pytestmark = pytest.mark.django_db


def test_wagtails_tasks_wait_for_the_worker_which_runs_them(indexes, task_worker):
    brief = PolicyBriefPageFactory(parent=indexes["en"]["briefs"], title="Refrigerated vaccine transport")
    queued = set(DBTaskResult.objects.values_list("task_path", flat=True))
    assert {
        "modelsearch.tasks.insert_or_update_object_task",
        "wagtail.tasks.update_reference_index_task",
    } <= queued

    assert not list(get_search_backend().search("refrigerated", PolicyBriefPage))

    task_worker()
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    found = get_search_backend().search("refrigerated", PolicyBriefPage)
    assert [page.pk for page in found] == [brief.pk]
