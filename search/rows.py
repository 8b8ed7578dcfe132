"""Search rows written many at a time: rows, updates and link rows in a few
statements per batch, without a model instance or a compiled statement for each."""

from functools import partial

from django.db import connection, models

from search.models import SearchDocument

RELATIONS = ("themes", "countries", "organisations", "concepts")


def insert_relations(document: SearchDocument, links: dict[str, list[int]]) -> None:
    """The relation rows of a new row, inserted without reading first: it has none yet."""
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


def rows_insert(fresh: dict[str, dict], now) -> list[SearchDocument]:
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


def rows_update(documents: list[SearchDocument], names: list[str]) -> None:
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


def replace_relations(documents: list[SearchDocument], existed: list[int]) -> None:
    """The relation rows of many documents (each with its ``links``): the old
    rows of the documents that ``existed`` (their ids) are dropped in one
    statement per relation, every document's rows inserted."""
    for relation in RELATIONS:
        if existed:
            getattr(SearchDocument, relation).through.objects.filter(searchdocument_id__in=existed).delete()
        _link_rows_insert(
            relation, [(document.pk, pk) for document in documents for pk in document.links[relation]]
        )
