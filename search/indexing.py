"""The indexing pipeline: content writes update their search documents in the same
transaction.

``index_instance`` projects an object and writes (or removes) its row;
``connect_signals`` wires it to model and Wagtail page signals. Apps written
elsewhere in the portal (forums, comments) are connected by label once their
models exist, so this module never imports them.
"""

import logging
from functools import partial

from django.db import connection, models, transaction
from django.db.models import F
from django.utils import timezone

from portal.thesaurus.matching import Matcher, matcher
from search import text
from search.backends import engine_configured, get_backend
from search.concepts import concept_term, document_concepts
from search.models import SearchDocument, SearchTerm
from search.projections import Projection, dependents_of, document_key, project, projector_for

logger = logging.getLogger(__name__)

MAX_TERMS_PER_DOCUMENT = 300
MIN_TERM_LENGTH, MAX_TERM_LENGTH = 3, 30
RELATIONS = ("themes", "countries", "organisations", "concepts")


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


def record_terms(analysed) -> None:
    """Add the words of these analysed documents to the "did you mean" vocabulary."""
    terms: dict[str, set[str]] = {}
    for document in analysed:
        terms.setdefault(document.scope, set()).update(document.vocabulary())
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


class _Text:
    """One text of a document as the search reads it: its words (normalised, stop
    words left out) and the stems of each, in the document's language. The analysed
    columns, the "did you mean" vocabulary and the concepts all start from these, so
    a text is tokenised, normalised and stemmed once per write."""

    __slots__ = ("words", "stems")

    def __init__(self, content: str, language: str):
        self.words = text.content_words(content)
        self.stems = [text.stems(word, language) for word in self.words]

    def analysed(self) -> str:
        """What ``search.text.analyse`` makes of the text."""
        return text.joined_stems(self.stems)


class _Analysed:
    """A projection analysed once per write: its texts, and the concepts its
    document is about."""

    def __init__(self, projection: Projection, thesaurus: Matcher):
        self.projection = projection
        self.language = (projection.language or "")[:8]
        self.scope = projection.scope
        self._texts: dict[str, _Text] = {}
        self.concepts = document_concepts(projection, self.stems, thesaurus=thesaurus)

    def text(self, content: str) -> _Text:
        found = self._texts.get(content)
        if found is None:
            found = self._texts[content] = _Text(content, (self.language or "en")[:2])
        return found

    def stems(self, content: str) -> list[tuple[str, ...]]:
        return self.text(content).stems

    def vocabulary(self) -> list[str]:
        projection = self.projection
        # Each word is judged once, however often the text repeats it.
        words = dict.fromkeys(self.text(projection.title).words)
        words.update(dict.fromkeys(self.text(projection.body[:20_000]).words))
        return [
            word for word in words if MIN_TERM_LENGTH <= len(word) <= MAX_TERM_LENGTH and not word.isdigit()
        ][:MAX_TERMS_PER_DOCUMENT]

    def values(self) -> dict:
        projection = self.projection
        analysed_body = " ".join(
            part
            for part in (
                self.text(projection.body).analysed(),
                self.text(projection.attachment_text).analysed(),
            )
            if part
        )
        return {
            "doc_type": projection.doc_type,
            "title": projection.title[:500],
            "body": projection.body,
            "attachment_text": projection.attachment_text,
            "language": self.language,
            "url": projection.url[:500],
            "author_id": projection.author_id,
            "author_name": projection.author_name[:200],
            "date": projection.date,
            "year": projection.date.year if projection.date else None,
            "visibility": projection.visibility,
            "scope": self.scope,
            "translation_group": (projection.translation_group or projection.key)[:120],
            "translation_order": projection.translation_order,
            "search_title": self.text(projection.title).analysed(),
            "search_body": analysed_body,
            "search_concepts": " ".join(concept_term(pk) for pk in self.concepts),
            "deleted": False,
        }

    def links(self) -> dict[str, list[int]]:
        """The ids of what the row links to, by relation, each once."""
        projection = self.projection
        return {
            "themes": list(dict.fromkeys(projection.themes)),
            "countries": list(dict.fromkeys(projection.countries)),
            "organisations": list(dict.fromkeys(projection.organisations)),
            "concepts": self.concepts,
        }


def _insert_relations(document: SearchDocument, links: dict[str, list[int]]) -> None:
    # A new row has no relations yet: insert them without reading first.
    for relation, ids in links.items():
        _link_rows_insert(relation, [(document.pk, pk) for pk in ids])


def _run_many(sql: str, params: list) -> None:
    """One statement run for every parameter row (the driver's ``executemany``:
    PostgreSQL pipelines them, SQLite loops in C). A batch of documents writes
    thousands of link rows and hundreds of updates, for which building a model
    instance each, or one CASE per column (``bulk_update``), costs more than the
    writing."""
    if params:
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)


def _insert(model, columns: list[str], rows: list) -> None:
    """Insert ``rows`` (values of ``columns``) into ``model``'s table: on PostgreSQL
    in one COPY, elsewhere in one statement run for each."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table, names = quote(model._meta.db_table), ", ".join(quote(column) for column in columns)
    if connection.vendor != "postgresql":
        placeholders = ", ".join(["%s"] * len(columns))
        _run_many(f"INSERT INTO {table} ({names}) VALUES ({placeholders})", rows)  # noqa: S608 (model names)
        return
    with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _link_rows_insert(relation: str, pairs: list[tuple[int, int]]) -> None:
    """Insert the rows of ``relation``'s link table for (document id, related id) ``pairs``."""
    through = getattr(SearchDocument, relation).through
    names = ("searchdocument", getattr(SearchDocument, relation).field.m2m_reverse_field_name())
    _insert(through, [through._meta.get_field(name).column for name in names], pairs)


# Python types the database drivers take as they are for fields of these kinds,
# which Django's preparation of a value for saving returns unchanged.
_DRIVER_TYPES = (
    (models.CharField, str),
    (models.TextField, str),
    (models.BooleanField, bool),
    (models.IntegerField, int),
    (models.ForeignKey, int),
)


def _preparations(fields) -> list:
    """For each field, what makes its values the database's: the field's own
    preparation, or for a field of a kind the drivers take as they are, the
    types it leaves alone. Preparing every value costs a batch of rows more
    than the analysis of a text."""
    kept = []
    for field in fields:
        native = next((kind for model_field, kind in _DRIVER_TYPES if isinstance(field, model_field)), None)
        kept.append((partial(field.get_db_prep_save, connection=connection), native))
    return kept


def _prepared(row, preparations) -> list:
    return [
        value if value is None or type(value) is native else prepare(value)
        for value, (prepare, native) in zip(row, preparations, strict=True)
    ]


def _rows_insert(fresh: dict[str, dict], now) -> list[SearchDocument]:
    """Insert new rows with ``fresh``'s values (key -> values) and the fields'
    defaults, without compiling a statement of every value or building each
    row's model from keywords; read back their ids. The rows as written."""
    if not fresh:
        return []
    fields = [field for field in SearchDocument._meta.concrete_fields if not field.primary_key]
    defaults = {field.attname: field.get_default() for field in fields}
    defaults["updated_at"] = now
    names = [field.attname for field in fields]
    rows = {}
    for key, values in fresh.items():
        row = {**defaults, **values, "key": key}
        rows[key] = [row[name] for name in names]
    preparations = _preparations(fields)
    _insert(
        SearchDocument,
        [field.column for field in fields],
        [_prepared(row, preparations) for row in rows.values()],
    )
    ids = dict(SearchDocument.objects.filter(key__in=list(fresh)).values_list("key", "pk"))
    return [SearchDocument.from_db(connection.alias, None, [ids[key], *row]) for key, row in rows.items()]


def _rows_update(documents: list[SearchDocument], names: list[str]) -> None:
    """Write the fields ``names`` of rows that exist, one UPDATE per row."""
    fields = [SearchDocument._meta.get_field(name) for name in names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    preparations = _preparations(fields)
    _run_many(
        f"UPDATE {quote(SearchDocument._meta.db_table)} SET {assignments} WHERE id = %s",  # noqa: S608 (model names)
        [
            [*_prepared([getattr(document, field.attname) for field in fields], preparations), document.pk]
            for document in documents
        ],
    )


@transaction.atomic
def document_save(projection: Projection) -> SearchDocument:
    """Write the search row of ``projection`` (creating or reviving it)."""
    analysed = _Analysed(projection, matcher())
    values, links = analysed.values(), analysed.links()
    document = SearchDocument.objects.select_for_update().filter(key=projection.key).first()
    if document is None:
        document = SearchDocument.objects.create(key=projection.key, **values)
        _insert_relations(document, links)
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


def _replace_relations(documents: list[SearchDocument], existed: list[int]) -> None:
    """The relation rows of many documents (each with its ``links``): the old
    rows of the documents that ``existed`` (their ids) are dropped in one
    statement per relation, every document's rows inserted."""
    for relation in RELATIONS:
        if existed:
            getattr(SearchDocument, relation).through.objects.filter(searchdocument_id__in=existed).delete()
        _link_rows_insert(
            relation, [(document.pk, pk) for document in documents for pk in document.links[relation]]
        )


@transaction.atomic
def documents_save_many(projections, *, notify: bool = True) -> list[SearchDocument]:
    """Write the search rows of many projections: the rows ``document_save`` would
    write for each, in a few statements for the whole batch (a rebuild, a bulk
    load). ``notify=False`` leaves the backend alone, for a caller that rebuilds
    its index next, and takes the rows from here. Returns the rows as written,
    each with ``links``, the ids of what it links to by relation, so that caller
    need not read them back."""
    # The thesaurus cannot change within this transaction but by its own doing.
    thesaurus = matcher()
    by_key = {projection.key: _Analysed(projection, thesaurus) for projection in projections}
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
    for key, analysed in by_key.items():
        values = analysed.values()
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
    inserted = _rows_insert(fresh, now)
    _rows_update(changed, [*sorted(fields), "version", "updated_at"])
    written = {document.key: document for document in [*inserted, *changed]}
    documents = [written[key] for key in by_key]
    for document in documents:
        document.links = by_key[document.key].links()
    _replace_relations(documents, [document.pk for document in changed])
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
