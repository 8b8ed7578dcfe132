"""The SQL that differs between SQLite FTS5 and PostgreSQL full text search.

Query words reach SQL only as analysed terms (letters and digits) inside quoted
literals of the engine's own syntax, passed as parameters: no operator a person
types is ever interpreted.
"""

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL

FTS_TABLE = "search_searchdocument_fts"
# Title matches weigh ten times a body match.
SQLITE_RANK = f"bm25({FTS_TABLE}, 10.0, 1.0)"
MATCH_TABLE = "temp.search_match"


def _clean(term: str) -> str:
    return "".join(char for char in term if char.isalnum())


class SqliteDialect:
    """FTS5 matches are computed once per search into a temporary table (private
    to the connection), which the count, the ranking and every facet query then
    join, instead of each running the full text query again."""

    def expression(self, groups, prefixes=frozenset(), title_only=False) -> str:
        parts = []
        for group in groups:
            terms = [f'"{_clean(term)}"' for term in sorted(group) if _clean(term)]
            if terms:
                parts.append("(" + " OR ".join(terms) + ")")
        prefix_terms = [f'"{_clean(term)}"*' for term in sorted(prefixes) if _clean(term)]
        if prefix_terms:
            parts.append("(" + " OR ".join(prefix_terms) + ")")
        if not parts:
            return ""
        expression = " AND ".join(parts)
        return f"search_title : ({expression})" if title_only else expression

    def match(self, queryset: QuerySet, expression: str) -> QuerySet:
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {MATCH_TABLE} (id INTEGER PRIMARY KEY, score REAL)"
            )
            cursor.execute(f"DELETE FROM {MATCH_TABLE}")  # noqa: S608 (constant)
            cursor.execute(
                # Constants; the expression is a parameter.
                f"INSERT INTO {MATCH_TABLE} (id, score) SELECT rowid, {SQLITE_RANK} "  # noqa: S608
                f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [expression],
            )
        return queryset.filter(id__in=RawSQL(f"SELECT id FROM {MATCH_TABLE}", []))  # noqa: S608, S611

    def ranked_ids(
        self, matched: QuerySet, expression: str, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        """Ids of the best of ``matched`` (a queryset made by ``match``), best first."""
        ids_sql, ids_params = matched.values("id").query.sql_with_params()
        # Constants and Django's own compiled SQL; every value is a parameter.
        sql = (
            f"SELECT m.id, m.score FROM {MATCH_TABLE} m "  # noqa: S608
            "JOIN search_searchdocument d ON d.id = m.id "
            f"WHERE m.id IN ({ids_sql}) "
            "ORDER BY m.score, d.date DESC, d.id DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*ids_params, limit, offset])
            return [(row[0], -row[1]) for row in cursor.fetchall()]


class PostgresDialect:
    """Like SQLite: the matches and their ranks are computed once per search into a
    temporary table (private to the session), so the count, the ranking and the
    six facet queries read a list of ids instead of each re-running the full text
    match over every visible row."""

    match_table = "pg_temp.search_match"

    def expression(self, groups, prefixes=frozenset(), title_only=False) -> str:
        # ":A" limits a term to the title (weight A); ":*" makes it a prefix.
        weight = "A" if title_only else ""
        parts = []
        for group in groups:
            terms = [
                f"'{term}':{weight}" if weight else f"'{term}'" for term in map(_clean, sorted(group)) if term
            ]
            if terms:
                parts.append("(" + " | ".join(terms) + ")")
        prefix_terms = [f"'{term}':*{weight}" for term in map(_clean, sorted(prefixes)) if term]
        if prefix_terms:
            parts.append("(" + " | ".join(prefix_terms) + ")")
        return " & ".join(parts)

    def match(self, queryset: QuerySet, expression: str) -> QuerySet:
        # Normalisation 1 divides by the log of the length, so long PDFs do not win by size.
        score = RawSQL(
            "ts_rank_cd(search_vector, to_tsquery('simple', %s), 1)", [expression], output_field=FloatField()
        )
        matches = queryset.filter(
            RawSQL("search_vector @@ to_tsquery('simple', %s)", [expression], output_field=BooleanField())
        )
        rows_sql, rows_params = (
            matches.annotate(score=score).values_list("id", "score").query.sql_with_params()
        )
        table = self.match_table
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE IF NOT EXISTS search_match (id bigint PRIMARY KEY, score real NOT NULL)"
            )
            cursor.execute(f"TRUNCATE {table}")
            # Django's own compiled SQL; every value is a parameter.
            cursor.execute(f"INSERT INTO {table} (id, score) {rows_sql}", rows_params)
            # Temporary tables are never analysed automatically; without counts the
            # planner guesses badly for the joins below.
            cursor.execute(f"ANALYZE {table}")
        return queryset.filter(id__in=RawSQL(f"SELECT id FROM {table}", []))  # noqa: S608, S611

    def ranked_ids(
        self, matched: QuerySet, expression: str, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        """Ids of the best of ``matched`` (a queryset made by ``match``), best first."""
        ids_sql, ids_params = matched.values("id").query.sql_with_params()
        # Constants and Django's own compiled SQL; every value is a parameter.
        sql = (
            f"SELECT m.id, m.score FROM {self.match_table} m "  # noqa: S608
            "JOIN search_searchdocument d ON d.id = m.id "
            f"WHERE m.id IN ({ids_sql}) "
            "ORDER BY m.score DESC, d.date DESC NULLS LAST, d.id DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*ids_params, limit, offset])
            return [(row[0], row[1]) for row in cursor.fetchall()]


def dialect():
    if connection.vendor == "postgresql":
        return PostgresDialect()
    if connection.vendor == "sqlite":
        return SqliteDialect()
    raise NotImplementedError(f"No full text search for {connection.vendor}")
