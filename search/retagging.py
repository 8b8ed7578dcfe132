"""Re-tagging: when the thesaurus changes, the documents whose concepts may change
are projected again, in the background, through the pipeline of any other change
(``search.indexing.index_instance``).

A saved or deleted concept, label or broader link sends ``concepts_changed`` with
the ids of the concepts changed (``search.signals`` connects it here). Once the
change commits, one task per transaction (however many rows the admin's form
saved) re-projects:

- the documents tagged with those concepts now (a label gone may untag them);
- the documents whose analysed title or text holds the stems of one of their
  labels (a new or edited label may tag them), at most ``MAX_RETAGGED`` in all;
- for a deleted concept, the documents tagged with it before it went, read as it
  is deleted (its links to them go with it).

An import of a whole thesaurus sends no ids: it may change any document, and the
operator runs ``search_rebuild`` after it (see the README).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from functools import partial

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django_tasks import task
from wagtail.models import Page

from portal.thesaurus.matching import label_readings
from portal.thesaurus.models import ConceptLabel
from search.indexing import document_remove, index_instance
from search.models import SearchDocument

logger = logging.getLogger(__name__)

# Documents re-projected for one change at most; a change naming more (a label as
# common as "migration") leaves the rest to ``search_rebuild``, and says so.
MAX_RETAGGED = 5000


def retag_candidates(concept_ids) -> list[str]:
    """Keys of the documents whose tags may change with ``concept_ids``: those
    tagged with them, and those naming one of their labels."""
    rows = SearchDocument.objects.live()
    readings = {
        " ".join(reading)
        for language, text in ConceptLabel.objects.filter(concept_id__in=concept_ids).values_list(
            "language", "text"
        )
        for reading in label_readings(text, language)
    }
    # Analysed text is stems separated by spaces, so a label's stems occur in it as
    # one run; a run inside a longer word matches too, and is merely projected again.
    naming = Q()
    for reading in sorted(readings):
        naming |= Q(search_title__contains=reading) | Q(search_body__contains=reading)
    tagged = rows.filter(concepts__in=list(concept_ids))
    keys = set(tagged.values_list("key", flat=True).distinct()[: MAX_RETAGGED + 1])
    if readings:
        keys.update(rows.filter(naming).values_list("key", flat=True)[: MAX_RETAGGED + 1])
    return sorted(keys)


def _source(key: str):
    """(model, object) of the search document ``key`` (``search.projections.document_key``
    made it): the object ``None`` when it is gone, both when the key names no model."""
    label, _, pk = key.rpartition(":")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None, None
    if issubclass(model, Page):
        page = Page.objects.filter(pk=pk).first()
        return model, page.specific if page is not None else None
    return model, model._default_manager.filter(pk=pk).first()


def documents_retag(*, concept_ids, keys=()) -> int:
    """Project again the documents whose tags ``concept_ids`` may change, and the
    documents ``keys``; returns how many were."""
    candidates = sorted(set(retag_candidates(concept_ids)) | set(keys))
    if len(candidates) > MAX_RETAGGED:
        logger.warning(
            "A thesaurus change touches more than %d documents: the first were re-tagged; "
            "run search_rebuild to re-tag the rest",
            MAX_RETAGGED,
        )
        candidates = candidates[:MAX_RETAGGED]
    for key in candidates:
        model, instance = _source(key)
        if instance is not None:
            index_instance(instance)
        elif model is not None:
            # The row stands for an object that no longer exists.
            document_remove(key)
    return len(candidates)


@task()
def retag_task(*, concept_ids: list[int], keys: list[str]) -> int:
    """The worker's side of ``retag_after_commit``."""
    return documents_retag(concept_ids=concept_ids, keys=keys)


@dataclass
class _Pending:
    """The changes of one transaction, re-tagged by one task once it commits."""

    hooks: list
    concept_ids: set[int] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    sent: bool = False


_local = threading.local()


def _enqueue(pending: _Pending) -> None:
    pending.sent = True
    try:
        retag_task.enqueue(concept_ids=sorted(pending.concept_ids), keys=sorted(pending.keys))
    except Exception:
        # The thesaurus change is committed; its tags catch up at the next rebuild.
        logger.exception("Could not queue re-tagging after a thesaurus change; run search_rebuild")


def retag_after_commit(*, concept_ids=(), keys=()) -> None:
    """Re-tag, once the current transaction commits, the documents these concepts'
    change may affect and the documents ``keys``: one task for the transaction."""
    connection = transaction.get_connection()
    pending = getattr(_local, "pending", None)
    # The list of on-commit callbacks is replaced when a transaction commits or rolls
    # back: a batch registered in another one is sent or was rolled back with it.
    fresh = pending is None or pending.sent or pending.hooks is not connection.run_on_commit
    if fresh:
        pending = _local.pending = _Pending(hooks=connection.run_on_commit)
    pending.concept_ids.update(concept_ids)
    pending.keys.update(keys)
    if fresh:
        transaction.on_commit(partial(_enqueue, pending), robust=True)
