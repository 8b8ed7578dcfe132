"""The SQL that differs between SQLite FTS5 and PostgreSQL full text search.

Query words reach SQL only as analysed terms (letters and digits) inside quoted
literals of the engine's own syntax, passed as parameters: no operator a person
types is ever interpreted.
"""

from django.db import connection
from django.db.models import F, FloatField, QuerySet
from django.db.models.expressions import RawSQL

FTS_TABLE = "search_searchdocument_fts"
# Title matches weigh ten times a body match.
SQLITE_RANK = f"bm25({FTS_TABLE}, 10.0, 1.0)"


def _clean(term: str) -> str:
    return "".join(char for char in term if char.isalnum())


class SqliteDialect:
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
        return queryset.filter(
            # Table names are constants; the expression is a parameter.
            id__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression])  # noqa: S608, S611
        )

    def ranked_ids(
        self, filtered: QuerySet, expression: str, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        """Ids of the best matches among ``filtered`` (a queryset without the text
        condition), best first."""
        ids_sql, ids_params = filtered.values("id").query.sql_with_params()
        # Constants and Django's own compiled SQL; every value is a parameter.
        sql = (
            f"SELECT d.id, {SQLITE_RANK} AS score FROM {FTS_TABLE} "  # noqa: S608
            f"JOIN search_searchdocument d ON d.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND d.id IN ({ids_sql}) "
            "ORDER BY score, d.date DESC, d.id DESC LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [expression, *ids_params, limit, offset])
            return [(row[0], -row[1]) for row in cursor.fetchall()]


class PostgresDialect:
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
        return queryset.filter(
            id__in=RawSQL(
                "SELECT id FROM search_searchdocument WHERE search_vector @@ to_tsquery('simple', %s)",
                [expression],
            )
        )

    def ranked_ids(
        self, filtered: QuerySet, expression: str, limit: int, offset: int
    ) -> list[tuple[int, float]]:
        # Normalisation 1 divides by the log of the length, so long PDFs do not win by size.
        score = RawSQL(
            "ts_rank_cd(search_vector, to_tsquery('simple', %s), 1)", [expression], output_field=FloatField()
        )
        rows = (
            self.match(filtered, expression)
            .annotate(score=score)
            .order_by("-score", F("date").desc(nulls_last=True), "-id")
            .values_list("id", "score")[offset : offset + limit]
        )
        return list(rows)


def dialect():
    if connection.vendor == "postgresql":
        return PostgresDialect()
    if connection.vendor == "sqlite":
        return SqliteDialect()
    raise NotImplementedError(f"No full text search for {connection.vendor}")
