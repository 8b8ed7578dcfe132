"""The SQL that differs between SQLite FTS5 and PostgreSQL full text search.

Query words reach SQL only as analysed terms (letters and digits) inside quoted
literals of the engine's own syntax, passed as parameters: no operator a person
types is ever interpreted.
"""

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from search import text
from search.concepts import QueryPart, concept_term, query_concepts
from search.models import SearchDocument

FTS_TABLE = "search_searchdocument_fts"
# Title matches weigh ten times a body match, a concept's term half of one.
SQLITE_RANK = f"bm25({FTS_TABLE}, 10.0, 1.0, 0.5)"
# The full text matches of one search, before visibility and filters.
FTS_MATCHES = "temp.search_fts_matches"
# What ``search.backends.matches`` reads of each match besides its ``group_id``.
KEPT_COLUMNS = ("id", "score", "doc_type", "language", "year", "date", "translation_order")
# The title's lexemes: the index of migration 0007 is on this expression.
TITLE_VECTOR = "to_tsvector('simple'::regconfig, coalesce(search_title, ''))"
# The score of a match that nothing ranks.
NO_SCORE = Cast(Value(None), FloatField())
# Each title match of a query counts one (``PostgresDialect._title_rank``).
TITLE_RANK = "ts_rank_cd('{0, 0, 0, 1}', search_vector, to_tsquery('simple', %s), 0)"


def _clean(term: str) -> str:
    return "".join(char for char in term if char.isalnum())


def _terms(word: str) -> list[str]:
    """The index terms a query word may have been indexed as, ready to quote."""
    return [term for term in map(_clean, sorted(text.word_variants(word))) if term]


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
                for terms in ([self.quoted(term) for term in _terms(word)] for word in part.words)
                if terms
            )
            if part.concepts:
                alternatives = [f"({words})"] if words else []
                alternatives += [self.quoted(concept_term(pk)) for pk in sorted(part.concepts)]
                rendered.append(f"({self.OR.join(alternatives)})")
            elif words:
                rendered.append(words)
        return self.AND.join(rendered)


def _word_parts(parts):
    """The parts as the words they name, without their concepts."""
    return [QueryPart(part.words) for part in parts]


class MatchTable:
    """Keeps one search's visible matches in a temporary table, private to the
    connection, that ``search.backends.matches.Matches`` reads."""

    table = ""
    create_sql = ""
    clear_sql = "DELETE FROM {table}"
    # Ends the subquery of scored rows where the planner would otherwise merge it
    # into the window's query and score each row after the sort.
    fence = ""

    def keep_matches(self, visible: QuerySet, parts, *, scored: bool = True) -> str:
        """Keep the ``visible`` documents matching every part of a query (each of
        them when there are no ``parts``), and return the table. Without ``scored``
        nothing reads the scores, and a dialect whose scores cost may leave them out."""
        if parts:
            return self._keep(self._matching(visible, parts, scored=scored))
        return self._keep(visible.annotate(score=NO_SCORE))

    def keep_title_matches(self, visible: QuerySet, head, prefixes) -> str:
        """Keep the ``visible`` documents whose title has the words ``head`` and one
        of the ``prefixes`` (autocomplete), and return the table."""
        expression = self.expression(head, prefixes, title_only=True)
        return self._keep(self._matching_expression(visible, expression))

    def _matching(self, visible: QuerySet, parts, *, scored: bool) -> QuerySet:
        return self._matching_expression(visible, self.query_expression(parts))

    def _matching_expression(self, visible: QuerySet, expression: str) -> QuerySet:
        raise NotImplementedError

    def _keep(self, rows: QuerySet) -> str:
        """Keep ``rows`` (documents annotated with a ``score``, higher is better)
        with their translation group as a number, the newest version's id, and
        how many of the group's versions matched."""
        rows_sql, params = rows.values_list("translation_group", *KEPT_COLUMNS).query.sql_with_params()
        kept = ", ".join(f"s.{column}" for column in KEPT_COLUMNS)
        with connection.cursor() as cursor:
            cursor.execute(self.create_sql)
            cursor.execute(self.clear_sql.format(table=self.table))
            # Django's own compiled SQL; every value is a parameter. Each row is
            # scored in the subquery, so the window sorts only the kept columns.
            cursor.execute(
                f"INSERT INTO {self.table} (group_id, members, {', '.join(KEPT_COLUMNS)}) "  # noqa: S608
                "SELECT MAX(s.id) OVER (PARTITION BY s.translation_group), "
                f"COUNT(*) OVER (PARTITION BY s.translation_group), {kept} "
                f"FROM ({rows_sql}{self.fence}) s",
                params,
            )
            self._analyse(cursor)
        return self.table

    def _analyse(self, cursor) -> None:
        """Tell the planner what the table holds, where it does not look itself."""


class SqliteDialect(QueryParts, MatchTable):
    """FTS5 finds the matches and their bm25 scores into a first temporary table,
    from which the visible ones are kept."""

    table = "temp.search_matches"
    create_sql = (
        "CREATE TEMP TABLE IF NOT EXISTS search_matches (id INTEGER PRIMARY KEY, score REAL, "
        "group_id INTEGER NOT NULL, members INTEGER NOT NULL, doc_type TEXT NOT NULL, "
        "language TEXT NOT NULL, year INTEGER, date, translation_order INTEGER NOT NULL)"
    )
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

    def _matching_expression(self, visible: QuerySet, expression: str) -> QuerySet:
        # The concepts' column has its own weight in ``SQLITE_RANK``: nothing to add.
        with connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {FTS_MATCHES} (id INTEGER PRIMARY KEY, score REAL)"
            )
            cursor.execute(f"DELETE FROM {FTS_MATCHES}")  # noqa: S608 (constant)
            cursor.execute(
                # Constants; the expression is a parameter. bm25 is lower for better matches.
                f"INSERT INTO {FTS_MATCHES} (id, score) SELECT rowid, -{SQLITE_RANK} "  # noqa: S608
                f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [expression],
            )
        table = SearchDocument._meta.db_table
        # Constants only.
        return visible.filter(id__in=RawSQL(f"SELECT id FROM {FTS_MATCHES}", [])).annotate(  # noqa: S608, S611
            score=RawSQL(f"SELECT f.score FROM {FTS_MATCHES} f WHERE f.id = {table}.id", [])  # noqa: S608, S611
        )


class PostgresDialect(QueryParts, MatchTable):
    """The visible rows matching the query, each ranked, are kept in one statement."""

    table = "pg_temp.search_matches"
    create_sql = (
        "CREATE TEMP TABLE IF NOT EXISTS search_matches (id bigint PRIMARY KEY, score real, "
        "group_id bigint NOT NULL, members integer NOT NULL, doc_type varchar(40) NOT NULL, "
        "language varchar(8) NOT NULL, year integer, date timestamp with time zone, "
        "translation_order integer NOT NULL)"
    )
    # Nothing vacuums a temporary table, and a connection may live for many searches.
    clear_sql = "TRUNCATE {table}"
    fence = " OFFSET 0"
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

    def _matching(self, visible: QuerySet, parts, *, scored: bool) -> QuerySet:
        matching = visible.filter(
            RawSQL(
                "search_vector @@ to_tsquery('simple', %s)",
                [self.query_expression(parts)],
                output_field=BooleanField(),
            )
        )
        if not scored:
            # Ranking is most of the statement's cost (ts_rank_cd on every row).
            return matching.annotate(score=NO_SCORE)
        words = self.query_expression(_word_parts(parts))
        return matching.annotate(
            score=self._score(self._title_rank(parts), words, sorted(query_concepts(parts)))
        )

    def keep_title_matches(self, visible: QuerySet, head, prefixes) -> str:
        # The titles' own vectors (their index, migration 0007) find the few titles
        # with the words, where a prefix over the whole vector ("he:*A") read every
        # row; those lexemes are the ones the whole vector weighs A, so the same
        # rows match, and the weighted expression scores them as before.
        titles = visible.filter(
            RawSQL(  # noqa: S611 (a constant; the expression is a parameter)
                f"{TITLE_VECTOR} @@ to_tsquery('simple', %s)",
                [self.expression(head, prefixes)],
                output_field=BooleanField(),
            )
        )
        expression = self.expression(head, prefixes, title_only=True)
        title_rank = (TITLE_RANK, [expression.replace(" & ", " | ")])
        return self._keep(titles.annotate(score=self._score(title_rank, expression)))

    def _title_rank(self, parts) -> tuple[str, list]:
        """How often the title has one of the terms of the ``parts``' words, as
        ranked by ``TITLE_RANK`` with all of them ("|"), but summed over one query
        per distinct term.

        The title's rank counts its positions holding a query word: a cover of
        words joined by "|" is one position, and only the title's (weight A)
        count. A position holds one lexeme, so the count per distinct term adds
        up to the same whole number. The sum costs less: ``ts_rank_cd`` clears
        some 32 kB per item of its query (terms and operators) for every row it
        ranks, and ":A" hands it the title's positions only."""
        terms = sorted({term for part in parts for word in part.words for term in _terms(word)})
        if not terms:
            return "CAST(0 AS real)", []
        return " + ".join([TITLE_RANK] * len(terms)), [f"{self.quoted(term)}:A" for term in terms]

    def _score(self, title_rank: tuple[str, list], words: str, concepts=()) -> RawSQL:
        # As SQLite's bm25(10, 1): a title match weighs ten times a body match. The title
        # part counts each query word on its own ("|" for "&": in a title, how close
        # the words stand says little) and is not divided by the length, so a brief with
        # a long body loses nothing against a short post of the same title; the body
        # part is (normalisation 1 divides by the log of the length), so long PDFs do
        # not win by size. Both rank the words only. Being about one of the query's
        # concepts counts half a body word: a yes or no (each concept's term stands
        # once in a row), read from the concepts' link rows, which PostgreSQL hashes
        # once per search, rather than from each row's vector again.
        title_sql, params = title_rank
        score_sql = (
            f"{title_sql} + 0.1 * ts_rank_cd('{{0, 0, 1, 0}}', search_vector, to_tsquery('simple', %s), 1)"
        )
        params = [*params, words]
        if concepts:
            field = SearchDocument._meta.get_field("concepts")
            score_sql += (
                f" + 0.05 * ({SearchDocument._meta.db_table}.id IN (SELECT {field.m2m_column_name()} "  # noqa: S608 (names)
                f"FROM {field.m2m_db_table()} WHERE {field.m2m_reverse_name()} IN "
                f"({', '.join(['%s'] * len(concepts))})))::integer"
            )
            params.extend(concepts)
        return RawSQL(score_sql, params, output_field=FloatField())  # noqa: S611 (values are parameters)

    def _analyse(self, cursor) -> None:
        # Temporary tables are never analysed automatically; without counts the
        # planner guesses badly for the joins that read it. Only the columns the
        # later statements filter or group on: the others (id, unique by its key;
        # score, date and order, only aggregated) cost a third of the analysis and
        # change no plan.
        cursor.execute(f"ANALYZE {self.table} (group_id, members, doc_type, language, year)")


def dialect():
    if connection.vendor == "postgresql":
        return PostgresDialect()
    if connection.vendor == "sqlite":
        return SqliteDialect()
    raise NotImplementedError(f"No full text search for {connection.vendor}")
