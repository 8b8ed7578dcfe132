"""When administrators change the thesaurus, the documents it may tag or untag are
projected again by the task worker, once the change is committed, one task per
change however many rows the form saved."""

import pytest
from django.db import transaction
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from portal.thesaurus.models import Concept, ConceptLabel
from search.models import SearchDocument
from search.projections import document_key
from search.retagging import documents_retag
from tests.accounts.helpers import with_second_factor
from tests.factories import UserFactory
from tests.knowledge.factories import LessonLearnedPageFactory
from tests.thesaurus.test_admin import concept_form, current_labels

pytestmark = pytest.mark.django_db

RETAG_TASK = "search.retagging.retag_task"


@pytest.fixture
def administrator(client):
    client.force_login(with_second_factor(UserFactory(is_superuser=True, is_staff=True)))
    return client


def _lesson(indexes, summary):
    page = LessonLearnedPageFactory(parent=indexes["en"]["lessons"], title="From the field", summary=summary)
    page.save_revision().publish()
    return page


def _tags(page) -> set[str]:
    return set(SearchDocument.objects.get(key=document_key(page)).concepts.values_list("slug", flat=True))


def _queued() -> list[dict]:
    return [
        task.args_kwargs["kwargs"]
        for task in DBTaskResult.objects.filter(task_path=RETAG_TASK, status="READY")
    ]


def test_a_label_added_in_the_admin_tags_the_documents_naming_it_once_the_worker_runs(
    administrator, shipped, indexes, task_worker, django_capture_on_commit_callbacks
):
    lesson = _lesson(indexes, "Every worker paid a placement levy before leaving home.")
    assert "recruitment-fees" not in _tags(lesson)
    concept = Concept.objects.get(slug="recruitment-fees")
    labels = current_labels(concept) + [{"language": "en", "kind": "alternative", "text": "placement levy"}]
    url = reverse("wagtailsnippets_thesaurus_concept:edit", args=[concept.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = administrator.post(url, concept_form(concept, labels))
    assert response.status_code == 302
    # Not in the request: one task for the whole form, waiting for the worker.
    assert "recruitment-fees" not in _tags(lesson)
    queued = _queued()
    assert len(queued) == 1
    assert concept.pk in queued[0]["concept_ids"]

    task_worker()
    assert "recruitment-fees" in _tags(lesson)
    assert DBTaskResult.objects.get(task_path=RETAG_TASK).status == "SUCCESSFUL"


def test_a_label_removed_untags_the_documents_that_named_only_it(
    shipped, indexes, django_capture_on_commit_callbacks
):
    lesson = _lesson(indexes, "Workers still pay recruitment costs to agents.")
    assert "recruitment-fees" in _tags(lesson)
    with django_capture_on_commit_callbacks(execute=True):
        ConceptLabel.objects.get(concept__slug="recruitment-fees", text="recruitment costs").delete()
    # Tasks run inline under the test settings.
    assert "recruitment-fees" not in _tags(lesson)


def test_deleting_a_concept_in_the_admin_untags_its_documents(
    administrator, shipped, indexes, task_worker, django_capture_on_commit_callbacks
):
    lesson = _lesson(indexes, "Workers under the kafala system in the region.")
    assert "kafala" in _tags(lesson)
    concept = Concept.objects.get(slug="kafala")
    document = SearchDocument.objects.get(key=document_key(lesson))
    assert f"zzconcept{concept.pk}" in document.search_concepts.split()
    url = reverse("wagtailsnippets_thesaurus_concept:delete", args=[concept.pk])

    with django_capture_on_commit_callbacks(execute=True):
        assert administrator.post(url).status_code == 302
    assert not Concept.objects.filter(slug="kafala").exists()
    assert [task["keys"] for task in _queued()] == [[document.key]]

    task_worker()
    document.refresh_from_db()
    assert f"zzconcept{concept.pk}" not in document.search_concepts.split()
    assert document.version > 1


def test_a_change_rolled_back_is_not_re_tagged(shipped, task_worker, django_capture_on_commit_callbacks):
    kafala, fees = Concept.objects.get(slug="kafala"), Concept.objects.get(slug="recruitment-fees")
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            kafala.save()
            raise RuntimeError("the form failed")
        fees.save()
    assert _queued() == [{"concept_ids": [fees.pk], "keys": []}]


def test_re_tagging_removes_rows_whose_object_is_gone_and_leaves_unknown_keys_alone(shipped, indexes):
    lesson = _lesson(indexes, "The kafala system.")
    key = document_key(lesson)
    SearchDocument.objects.filter(key=key).update(key="wagtailcore.page:999999")
    assert documents_retag(concept_ids=[], keys=["wagtailcore.page:999999", "no.such:1", "nonsense"]) == 3
    assert not SearchDocument.objects.filter(key="wagtailcore.page:999999").exists()


def test_a_new_broader_link_re_tags_the_concept_saved_not_its_new_broader_one(
    administrator, shipped, task_worker, django_capture_on_commit_callbacks
):
    kafala, migration = Concept.objects.get(slug="kafala"), Concept.objects.get(slug="migration")
    data = concept_form(kafala, current_labels(kafala))
    data["broader"] = [*data["broader"], str(migration.pk)]
    url = reverse("wagtailsnippets_thesaurus_concept:edit", args=[kafala.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert administrator.post(url, data).status_code == 302
    assert kafala.broader.filter(pk=migration.pk).exists()
    # What a document is about does not follow the hierarchy: the documents of a
    # concept as broad as "migration" are left alone.
    assert [task["concept_ids"] for task in _queued()] == [[kafala.pk]]
