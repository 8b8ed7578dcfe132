"""The SQL that differs between SQLite FTS5 and PostgreSQL full text search.

Query words reach SQL only as analysed terms (letters and digits) inside quoted
literals of the engine's own syntax, passed as parameters: no operator a person
types is ever interpreted.
"""

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from search import text
from search.concepts import concept_term
from search.ranking import DEFAULT_WEIGHT, weighted_types

FTS_TABLE = "search_searchdocument_fts"
# Title matches weigh ten times a body match, a concept's term half of one.
SQLITE_RANK = f"bm25({FTS_TABLE}, 10.0, 1.0, 0.5)"
MATCH_TABLE = "temp.search_match"


def _clean(term: str) -> str:
    return "".join(char for char in term if char.isalnum())


class QueryParts:
    """A search query's parts (``search.concepts.query_parts``) as one full text
    expression: every part matched, a part naming concepts through its words or
    through one of its concepts' terms. Without concepts this is ``expression``
    of the words' groups."""

    AND = OR = ""

    def quoted(self, term: str) -> str:
        raise NotImplementedError

    def query_expression(self, parts) -> str:
        rendered = []
        for part in parts:
            words = self.AND.join(
                f"({self.OR.join(terms)})"
                for terms in (
                    [self.quoted(term) for term in map(_clean, sorted(text.word_variants(word))) if term]
                    for word in part.words
                )
                if terms
            )
            if part.concepts:
                alternatives = [f"({words})"] if words else []
                alternatives += [self.quoted(concept_term(pk)) for pk in sorted(part.concepts)]
                rendered.append(f"({self.OR.join(alternatives)})")
            elif words:
                rendered.append(words)
        return self.AND.join(rendered)


def _weight_sql() -> tuple[str, list]:
    """The type weight of row ``d`` as SQL (a CASE over ``search.ranking``'s weights)."""
    pairs = weighted_types()
    if not pairs:
        return "%s", [DEFAULT_WEIGHT]
    cases = " ".join("WHEN %s THEN %s" for _ in pairs)
    return f"CASE d.doc_type {cases} ELSE %s END", [
        *(value for pair in pairs for value in pair),
        DEFAULT_WEIGHT,
    ]


class GroupedRanking:
    """One query ranks translation groups: each group scores its best member's
    weighted score and is shown by one member (the reader's language, else the
    original), so pages and totals count groups, not versions."""

    match_table = ""
    # SQL turning the match table's ``m.score`` into "higher is better".
    score_sql = "m.score"

    def ranked_groups(
        self, filtered: QuerySet, *, language: str, limit: int, offset: int, by_relevance: bool
    ) -> list[tuple[int, float | None, str]]:
        """(id, score, group) of the shown member of each group in ``filtered``
        (a queryset made by ``match`` when ``by_relevance``), best or newest first."""
        ids_sql, ids_params = filtered.values("id").query.sql_with_params()
        weight_sql, weight_params = _weight_sql()
        if by_relevance:
            source = f"{self.match_table} m JOIN search_searchdocument d ON d.id = m.id"
            score, score_params = f"({self.score_sql}) * {weight_sql}", weight_params
            # For equal relevance, a result in the reader's language first.
            order = (
                "ranked.group_score DESC, ranked.other_language, "
                "ranked.group_date DESC NULLS LAST, ranked.group_id DESC"
            )
        else:
            source = "search_searchdocument d"
            score, score_params = "NULL", []
            order = "ranked.group_date DESC NULLS LAST, ranked.group_id DESC"
        # Constants and Django's own compiled SQL; every value is a parameter.
        sql = (
            "SELECT ranked.id, ranked.score, ranked.translation_group FROM ("  # noqa: S608
            f"SELECT d.id, d.translation_group, {score} AS score, "
            f"MAX({score}) OVER (PARTITION BY d.translation_group) AS group_score, "
            "CASE WHEN d.language = %s THEN 0 ELSE 1 END AS other_language, "
            "MAX(d.date) OVER (PARTITION BY d.translation_group) AS group_date, "
            "MAX(d.id) OVER (PARTITION BY d.translation_group) AS group_id, "
            "ROW_NUMBER() OVER (PARTITION BY d.translation_group ORDER BY "
            "CASE WHEN d.language = %s THEN 0 ELSE 1 END, d.translation_order, d.id) AS place "
            f"FROM {source} WHERE d.id IN ({ids_sql})"
            f") ranked WHERE ranked.place = 1 ORDER BY {order} LIMIT %s OFFSET %s"
        )
        params = [*score_params, *score_params, language, language, *ids_params, limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(row[0], row[1], row[2]) for row in cursor.fetchall()]


class SqliteDialect(QueryParts, GroupedRanking):
    """FTS5 matches are computed once per search into a temporary table (private
    to the connection), which the count, the ranking and every facet query then
    join, instead of each running the full text query again."""

    match_table = MATCH_TABLE
    # bm25 is lower for better matches.
    score_sql = "-m.score"
    AND, OR = " AND ", " OR "

    def quoted(self, term: str) -> str:
        return f'"{term}"'

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

    def match(self, queryset: QuerySet, expression: str, *, concepts: bool = False) -> QuerySet:
        # The concepts' column has its own weight in ``SQLITE_RANK``: nothing to add.
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


class PostgresDialect(QueryParts, GroupedRanking):
    """Like SQLite: the matches and their ranks are computed once per search into a
    temporary table (private to the session), so the count, the ranking and the
    six facet queries read a list of ids instead of each re-running the full text
    match over every visible row."""

    match_table = "pg_temp.search_match"
    AND, OR = " & ", " | "

    def quoted(self, term: str) -> str:
        return f"'{term}'"

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

    def match(self, queryset: QuerySet, expression: str, *, concepts: bool = False) -> QuerySet:
        # As SQLite's bm25(10, 1): a title match weighs ten times a body match. The title
        # part counts each query word on its own ("|" for "&": in a title, how close
        # the words stand says little) and is not divided by the length, so a brief with
        # a long body loses nothing against a short post of the same title; the body
        # part is (normalisation 1 divides by the log of the length), so long PDFs do
        # not win by size. A concept's term (weight C) counts half a body word, ranked
        # only for a query naming concepts.
        any_word = expression.replace(" & ", " | ")
        score_sql = (
            "ts_rank_cd('{0, 0, 0, 1}', search_vector, to_tsquery('simple', %s), 0) "
            "+ 0.1 * ts_rank_cd('{0, 0, 1, 0}', search_vector, to_tsquery('simple', %s), 1)"
        )
        params = [any_word, expression]
        if concepts:
            score_sql += " + 0.05 * ts_rank_cd('{0, 1, 0, 0}', search_vector, to_tsquery('simple', %s), 0)"
            params.append(any_word)
        score = RawSQL(score_sql, params, output_field=FloatField())  # noqa: S611 (constants; values are parameters)
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


def dialect():
    if connection.vendor == "postgresql":
        return PostgresDialect()
    if connection.vendor == "sqlite":
        return SqliteDialect()
    raise NotImplementedError(f"No full text search for {connection.vendor}")
