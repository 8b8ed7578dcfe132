"""The indexing pipeline: content writes update their search documents in the same
transaction.

``index_instance`` projects an object and writes (or removes) its row;
``connect_signals`` wires it to model and Wagtail page signals. Apps written
elsewhere in the portal (forums, comments) are connected by label once their
models exist, so this module never imports them.
"""

import logging
from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from portal.thesaurus.matching import matcher
from search.analysis import Analysed, analyse
from search.backends import engine_configured, get_backend
from search.models import SearchDocument, SearchTerm
from search.projections import Projection, dependents_of, document_key, project, projector_for
from search.rows import insert_relations, replace_relations, rows_insert, rows_update

logger = logging.getLogger(__name__)


def _notify_backend(keys):
    try:
        get_backend().documents_changed(keys)
    except Exception:
        # The rows are committed; a backend that cannot take them now catches up later.
        logger.exception("Search backend could not take changed documents %s", keys)


# Terms this process already wrote, by scope; terms are only ever added (a
# rebuild clears both), so a seen term needs no second insert.
_recorded_terms: dict[str, set[str]] = {}
MAX_REMEMBERED_TERMS = 500_000


def forget_recorded_terms() -> None:
    _recorded_terms.clear()


def _remember_terms(terms: dict[str, set[str]]) -> None:
    if sum(map(len, _recorded_terms.values())) > MAX_REMEMBERED_TERMS:
        _recorded_terms.clear()
    for scope, words in terms.items():
        _recorded_terms.setdefault(scope, set()).update(words)


def record_terms(analysed: Iterable[Analysed]) -> None:
    """Add the words of these analysed documents to the "did you mean" vocabulary."""
    terms: dict[str, set[str]] = {}
    for document in analysed:
        terms.setdefault(document.scope, set()).update(document.vocabulary)
    for scope, words in terms.items():
        words -= _recorded_terms.get(scope, set())
    if not any(terms.values()):
        return
    # Remembered once the transaction commits, so a rolled-back write is not.
    transaction.on_commit(partial(_remember_terms, terms))
    SearchTerm.objects.bulk_create(
        [
            SearchTerm(term=word, scope=scope, prefix=word[:1], length=len(word))
            for scope, words in terms.items()
            for word in words
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )


@transaction.atomic
def document_save(projection: Projection) -> SearchDocument:
    """Write the search row of ``projection`` (creating or reviving it)."""
    (analysed,) = analyse([projection], matcher())
    values, links = analysed.values, analysed.links
    document = SearchDocument.objects.select_for_update().filter(key=projection.key).first()
    if document is None:
        document = SearchDocument.objects.create(key=projection.key, **values)
        insert_relations(document, links)
    else:
        for name, value in values.items():
            setattr(document, name, value)
        # The row is locked, so counting up here cannot lose a concurrent write.
        document.version += 1
        document.save()
        for relation, ids in links.items():
            getattr(document, relation).set(ids)
    record_terms([analysed])
    transaction.on_commit(partial(_notify_backend, [projection.key]))
    return document


@transaction.atomic
def documents_write(analysed: list[Analysed], *, notify: bool = True) -> list[SearchDocument]:
    """Write the search rows of many analysed projections (``search.analysis.analyse``;
    ``search.workers`` analyses them in another process while the previous batch is
    written): the rows ``document_save`` would write for each, in a few statements
    for the whole batch (a rebuild, a bulk load). ``notify=False`` leaves the
    backend alone, for a caller that rebuilds its index next, and takes the rows
    from here. Returns the rows as written, each with ``links``, the ids of what it
    links to by relation, so that caller need not read them back."""
    by_key = {document.key: document for document in analysed}
    if not by_key:
        return []
    existing = {
        document.key: document
        for document in SearchDocument.objects.select_for_update()
        .filter(key__in=by_key)
        .only("pk", "key", "version")
    }
    fresh, changed, fields = {}, [], set()
    now = timezone.now()
    for key, analysis in by_key.items():
        values = analysis.values
        fields.update(values)
        document = existing.get(key)
        if document is None:
            fresh[key] = values
            continue
        for name, value in values.items():
            setattr(document, name, value)
        # The rows are locked, so counting up here cannot lose a concurrent write.
        document.version += 1
        document.updated_at = now
        changed.append(document)
    inserted = rows_insert(fresh, now)
    rows_update(changed, [*sorted(fields), "version", "updated_at"])
    written = {document.key: document for document in [*inserted, *changed]}
    documents = [written[key] for key in by_key]
    for document in documents:
        document.links = by_key[document.key].links
    replace_relations(documents, [document.pk for document in changed])
    record_terms(by_key.values())
    if notify:
        transaction.on_commit(partial(_notify_backend, list(by_key)))
    return documents


@transaction.atomic
def document_remove(key: str) -> bool:
    """Remove the search row ``key``: a tombstone while an engine mirrors the rows,
    so the engine learns of the removal even if it is down now."""
    rows = SearchDocument.objects.filter(key=key, deleted=False)
    if engine_configured():
        removed = rows.update(deleted=True, version=F("version") + 1, body="", attachment_text="")
    else:
        removed, _ = rows.delete()
    if removed:
        transaction.on_commit(partial(_notify_backend, [key]))
    return bool(removed)


def documents_relabel(rows) -> int:
    """Count up the version of ``rows`` (a ``SearchDocument`` queryset) whose engine
    copy is out of date although the rows themselves did not change: a theme or
    organisation they link to is being deleted, which drops the link from the rows
    only. One UPDATE, in the caller's transaction; the engine catches up after the
    commit (or from the sync worker). Without an engine nothing needs doing."""
    if not engine_configured():
        return 0
    touched = SearchDocument.objects.filter(pk__in=rows.values("pk")).update(version=F("version") + 1)
    if touched:
        transaction.on_commit(partial(_notify_backend, None))
    return touched


def index_instance(instance) -> SearchDocument | None:
    """Bring the search row of ``instance`` in line with it: written when it
    projects to something, removed otherwise."""
    if projector_for(instance) is None:
        return None
    projection = project(instance)
    if projection is None:
        document_remove(document_key(instance))
        return None
    return document_save(projection)


def index_with_dependents(instance) -> SearchDocument | None:
    """Index ``instance`` and the objects whose documents depend on it."""
    document = index_instance(instance)
    for dependent in dependents_of(instance):
        index_instance(dependent)
    return document


def remove_instance(instance) -> None:
    if projector_for(instance) is not None:
        document_remove(document_key(instance))
