"""One database search's visible matches, read by its count, ranking and facets.

The dialect (``search.backends.dialects``) runs the full text match once and keeps
every visible match in a temporary table private to the connection, with what the
rest of the search reads of it: the score (higher is better), the translation group
(``group_id``, the same for every matching version of one text) and how many of
its versions matched (``members``), type, language, year, date and translation
order. Counting, ranking and the seven facets then read that small table, joined
only to the facets' link tables, instead of each finding the matches again among
all the search rows. The SQL is the same on SQLite and
PostgreSQL; every value is a parameter.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from portal.models import Country
from search.backends.base import (
    FACET_COUNTRY,
    FACET_LANGUAGE,
    FACET_ORGANISATION,
    FACET_THEME,
    FACET_TOPIC,
    FACET_TYPE,
    FACET_YEAR,
    FACETS,
    SearchQuery,
)
from search.models import SearchDocument
from search.ranking import DEFAULT_WEIGHT, Member, representative, type_weight, weighted_types

# Facets on a column of the match table.
COLUMNS = {FACET_TYPE: "doc_type", FACET_LANGUAGE: "language", FACET_YEAR: "year"}


@dataclass(frozen=True)
class Related:
    """A facet on a many-to-many relation: ``value`` is its SQL over the link row
    ``t`` (and ``joins``)."""

    field: str
    value: str
    joins: str = ""

    @property
    def table(self) -> str:
        return SearchDocument._meta.get_field(self.field).m2m_db_table()

    @property
    def document(self) -> str:
        return SearchDocument._meta.get_field(self.field).m2m_column_name()


RELATED = {
    FACET_THEME: Related("themes", "t.thematicarea_id"),
    # Countries are chosen and counted by code.
    FACET_COUNTRY: Related("countries", "c.code", f"JOIN {Country._meta.db_table} c ON c.id = t.country_id"),
    FACET_ORGANISATION: Related("organisations", "t.organisation_id"),
    FACET_TOPIC: Related("concepts", "t.concept_id"),
}


@dataclass(frozen=True)
class RankedGroup:
    """A result: the member shown (``pk``, ``score``) of a translation group, and
    the ids of every member that matched."""

    pk: int
    score: float | None
    members: list[int]


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def _weight_sql() -> tuple[str, list]:
    """The type weight of match ``m`` as SQL (a CASE over ``search.ranking``'s weights)."""
    pairs = weighted_types()
    if not pairs:
        return "%s", [DEFAULT_WEIGHT]
    cases = " ".join("WHEN %s THEN %s" for _ in pairs)
    return f"CASE m.doc_type {cases} ELSE %s END", [
        *(value for pair in pairs for value in pair),
        DEFAULT_WEIGHT,
    ]


class Matches:
    """The matches kept in ``table``, under every filter of ``query``."""

    # SQLite keeps the order of a CROSS JOIN, so a facet reads the few matches and
    # looks up their links, not every link; PostgreSQL plans it as an inner join.
    JOIN = "CROSS JOIN"

    def __init__(self, table: str, query: SearchQuery):
        self.table = table
        self.query = query

    def _where(self, *, without: str | None = None) -> tuple[str, list]:
        """Every filter of the query except the facet ``without``, as SQL over ``m``.
        A relation's filter is a subquery, so a document never counts twice."""
        clauses, params = ["1 = 1"], []
        for name in FACETS:
            values = sorted(self.query.filter_values(name))
            if not values or name == without:
                continue
            if name in COLUMNS:
                clauses.append(f"m.{COLUMNS[name]} IN ({_placeholders(values)})")
            else:
                related = RELATED[name]
                clauses.append(
                    f"m.id IN (SELECT t.{related.document} FROM {related.table} t {related.joins} "  # noqa: S608
                    f"WHERE {related.value} IN ({_placeholders(values)}))"
                )
            params += values
        return " AND ".join(clauses), params

    def _rows(self, sql: str, params: list) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def count(self) -> int:
        """Translation groups matched: the unit a result stands for."""
        where, params = self._where()
        sql = f"SELECT COUNT(DISTINCT m.group_id) FROM {self.table} m WHERE {where}"  # noqa: S608
        return self._rows(sql, params)[0][0]

    def ranked(self, *, language: str, limit: int, offset: int, by_relevance: bool) -> list[RankedGroup]:
        """The groups of one page of results, best or newest first. A group scores
        its best member's weighted score and is shown by one member (the reader's
        language, else the original); for equal scores, a group with a member in
        the reader's language comes first."""
        where, params = self._where()
        if by_relevance:
            weight_sql, weight_params = _weight_sql()
            order = (
                f"MAX(m.score * {weight_sql}) DESC, MIN(CASE WHEN m.language = %s THEN 0 ELSE 1 END), "
                "MAX(m.date) DESC NULLS LAST, m.group_id DESC"
            )
            order_params = [*weight_params, language]
        else:
            order, order_params = "MAX(m.date) DESC NULLS LAST, m.group_id DESC", []
        groups = [
            row[0]
            for row in self._rows(
                f"SELECT m.group_id FROM {self.table} m WHERE {where} "  # noqa: S608 (constants; values are parameters)
                f"GROUP BY m.group_id ORDER BY {order} LIMIT %s OFFSET %s",
                [*params, *order_params, limit, offset],
            )
        ]
        if not groups:
            return []
        members, scores = {}, {}
        for pk, group, member_language, order_number, doc_type, score in self._rows(
            "SELECT m.id, m.group_id, m.language, m.translation_order, m.doc_type, m.score "  # noqa: S608
            f"FROM {self.table} m WHERE {where} AND m.group_id IN ({_placeholders(groups)})",
            [*params, *groups],
        ):
            members.setdefault(group, []).append(Member(pk, member_language, order_number))
            scores[pk] = score * type_weight(doc_type) if by_relevance and score is not None else None
        ranked = []
        for group in groups:
            shown = representative(members[group], language).pk
            ranked.append(RankedGroup(shown, scores[shown], [member.pk for member in members[group]]))
        return ranked

    def facet_counts(self) -> dict[str, dict]:
        """Groups per value of each facet, each over the matches of every other
        filter (checking a second value of a facet widens, not narrows).

        A document has a value once, so a group that matched with one version
        counts its rows; only the versions of groups that matched more than once
        are counted distinct, which sorts them, and they are few. The values come
        in their order, which decides between topics of equal counts."""
        counts = {}
        for name in FACETS:
            where, params = self._where(without=name)
            if name in COLUMNS:
                value, rows = f"m.{COLUMNS[name]}", f"{self.table} m WHERE {where}"
            else:
                related = RELATED[name]
                value = related.value
                rows = (
                    f"{self.table} m {self.JOIN} {related.table} t {related.joins} "
                    f"WHERE t.{related.document} = m.id AND {where}"
                )
            counts[name] = {}
            for found, groups in self._rows(
                f"SELECT {value}, COUNT(*) FROM {rows} AND m.members = 1 GROUP BY {value} "  # noqa: S608
                f"UNION ALL SELECT {value}, COUNT(DISTINCT m.group_id) FROM {rows} AND m.members > 1 "
                f"GROUP BY {value} ORDER BY 1",
                params * 2,
            ):
                counts[name][found] = counts[name].get(found, 0) + groups
        return counts
