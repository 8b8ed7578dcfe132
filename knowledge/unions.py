"""Rows of several tables in one query, as model instances.

Listings read pages of three models, their themes, countries and organisations
through link tables, and vocabulary of three more: each read would be a query of
its own. A ``Part`` is the SQL of one such read, tagged per row; ``union_of`` runs
any number of them as one ``UNION ALL`` and builds the instances.
"""

import functools
from dataclasses import dataclass

from django.db import connection
from django.db.models import Value, Window
from django.db.models.functions import RowNumber
from wagtail.models import Locale


def _converted(field, values):
    """``values`` of ``field`` as the database gave them, as Django reads them."""
    column = field.get_col(field.model._meta.db_table)
    converters = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
    for converter in converters:
        values = [converter(value, column, connection) for value in values]
    return values


def _loaded_fields(queryset):
    """The concrete fields ``queryset`` loads: all but those it defers."""
    names, deferred = queryset.query.deferred_loading
    fields = queryset.model._meta.concrete_fields
    if deferred:
        return [field for field in fields if field.name not in names]
    return [field for field in fields if field.name in names or field.primary_key]


@dataclass(frozen=True)
class Part:
    """Rows of ``model`` for a union: ``sql`` selects a tag, then the columns of
    ``fields`` (attribute names of the model's concrete fields) in their order."""

    model: type
    sql: str
    params: tuple
    fields: tuple[str, ...]

    @classmethod
    def _compiled(cls, queryset, fields) -> "Part":
        sql, params = queryset.query.sql_with_params()
        return cls(queryset.model, sql, tuple(params), tuple(fields))

    @classmethod
    def of(cls, queryset, tag) -> "Part":
        """The rows of ``queryset``, each tagged with the expression ``tag``."""
        own = [field.attname for field in _loaded_fields(queryset)]
        return cls._compiled(queryset.order_by().annotate(union_tag=tag).values_list("union_tag", *own), own)

    @classmethod
    def first(cls, queryset, limit: int) -> "Part":
        """The first ``limit`` rows of ``queryset`` in its order, each tagged with its
        rank (from 1), as a union returns rows in no order of its own."""
        own = [field.attname for field in _loaded_fields(queryset)]
        ranked = queryset.annotate(union_tag=Window(RowNumber(), order_by=list(queryset.query.order_by)))
        return cls._compiled(ranked.values_list("union_tag", *own)[:limit], own)

    @classmethod
    def related(cls, page_model, name, page_ids) -> "Part":
        """The objects the many-to-many relation ``name`` links to each of
        ``page_ids``, tagged with its page: plain SQL, as compiling a queryset
        for each relation and page type cost more than the query."""
        field = page_model._meta.get_field(name)
        model, quote = field.related_model, connection.ops.quote_name
        own = model._meta.concrete_fields
        columns = ", ".join(f"r.{quote(field.column)}" for field in own)
        page_column = quote(field.m2m_column_name())
        sql = (
            f"SELECT t.{page_column}, {columns} FROM {quote(model._meta.db_table)} r "  # noqa: S608 (names)
            f"JOIN {quote(field.m2m_db_table())} t ON t.{quote(field.m2m_reverse_name())} = "
            f"r.{quote(model._meta.pk.column)} WHERE t.{page_column} IN ({', '.join(['%s'] * len(page_ids))})"
        )
        return cls(model, sql, tuple(page_ids), tuple(field.attname for field in own))


def union_of(parts: list[Part]):
    """The rows of ``parts`` over different tables in one query, as model instances.

    The union selects every table's columns (those a table lacks left empty); each
    row comes back as ``(part index, tag value, instance)``.
    """
    fields = {}
    for part in parts:
        for field in part.model._meta.concrete_fields:
            if field.attname in part.fields:
                fields.setdefault(field.attname, field)
    columns = list(fields)
    # A typed empty value: PostgreSQL types a column of bare NULLs in the first
    # branches as text, which no later branch's number then matches.
    empty = {column: f"CAST(NULL AS {field.cast_db_type(connection)})" for column, field in fields.items()}
    tables, selects, params = [], [], []
    for position, part in enumerate(parts):
        own = {name: f"c{index}" for index, name in enumerate(part.fields)}
        tables.append(f"part{position} (tag, {', '.join(own.values())}) AS ({part.sql})")
        params.extend(part.params)
        padded = ", ".join(own.get(column, empty[column]) for column in columns)
        selects.append(f"SELECT {position}, tag, {padded} FROM part{position}")  # noqa: S608 (constants)
    with connection.cursor() as cursor:
        # Compiled SQL and constants; every value is a parameter.
        cursor.execute(f"WITH {', '.join(tables)} {' UNION ALL '.join(selects)}", params)
        rows = cursor.fetchall()
    by_part = {}
    for row in rows:
        by_part.setdefault(row[0], []).append(row)
    place = {column: 2 + index for index, column in enumerate(columns)}
    for position, part_rows in by_part.items():
        own = parts[position].fields
        values = [_converted(fields[column], [row[place[column]] for row in part_rows]) for column in own]
        for index, row in enumerate(part_rows):
            instance = parts[position].model.from_db(
                connection.alias, own, [column_values[index] for column_values in values]
            )
            yield position, row[1], instance


@functools.lru_cache(maxsize=1)
def locales_part() -> Part:
    """Every locale, to join to pages read in a union (one compile per process)."""
    return Part.of(Locale.objects.all(), Value(0))
