"""Search bodies built with the flavour's DSL: the same ``SearchQuery`` gives the
same body through either client.

A person's words are never parsed as query syntax: they are split into words in
Python (``search.text.tokens``) and each word is sent as the text of a
``multi_match``. Every word must match (in any text field, in the document's
language or unstemmed), as with the database backend. Typos are met by fuzzy
matching where it cannot hide a better answer: the term suggester (at most two
edits) proposes "did you mean" when nothing matches, and autocomplete accepts
the words before the one being typed within AUTO edits. The visibility scopes are always a ``terms`` filter in
the filter context of the query itself, so hits, totals, facet counts,
highlights and suggestions are all computed over visible documents only.
"""

from search import concepts, text
from search.backends.base import (
    FACET_COUNTRY,
    FACET_LANGUAGE,
    FACET_ORGANISATION,
    FACET_THEME,
    FACET_TOPIC,
    FACET_TYPE,
    FACET_YEAR,
    FACETS,
    SORT_DATE,
    SearchQuery,
)
from search.backends.engine.definition import LANGUAGES, PREFIX_MAX_GRAM
from search.facets import MAX_TOPICS
from search.ranking import UNSUGGESTED_TYPES, weighted_types

FACET_FIELD = {
    FACET_TYPE: "doc_type",
    FACET_THEME: "themes",
    FACET_COUNTRY: "countries",
    FACET_ORGANISATION: "organisations",
    FACET_LANGUAGE: "language",
    FACET_YEAR: "year",
    FACET_TOPIC: "concepts",
}
FACET_SIZE = 200
TEXT_BOOSTS = {"title": 10, "body": 1, "attachment_text": 0.5}
PLAIN_BOOST = 0.5
SUGGESTION = "spelling"
SUGGEST_WORDS = 6
MARK = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}
SNIPPET_CHARS = 220
SOURCE_FIELDS = [
    "key",
    "pk",
    "doc_type",
    "title",
    "url",
    "language",
    "date",
    "organisations",
    "translation_order",
    "concepts",
]
GROUP_FIELD = "translation_group"
VERSIONS = "versions"
# More than the languages a page can have, so every matching version comes back.
VERSIONS_SIZE = 10
TOTAL = "groups"
# Cardinality counts are exact below this many groups (the engine's maximum).
COUNT_PRECISION = 40_000


def _exact_fields(names=tuple(TEXT_BOOSTS)) -> list[str]:
    fields = [f"{name}_{language}^{TEXT_BOOSTS[name]}" for name in names for language in LANGUAGES]
    return fields + [f"{name}^{TEXT_BOOSTS[name] * PLAIN_BOOST}" for name in names]


def _plain_fields(names=tuple(TEXT_BOOSTS)) -> list[str]:
    return [f"{name}^{TEXT_BOOSTS[name]}" for name in names]


def exact_clause(dsl, words, names=tuple(TEXT_BOOSTS)):
    return dsl.Q(
        "bool",
        must=[
            dsl.Q("multi_match", query=word, fields=_exact_fields(names), type="best_fields", operator="and")
            for word in words
        ],
    )


# A document found only through a concept scores as a title naming one query word
# would (before its type's weight), below one that names the words themselves;
# of two such documents, the one in the reader's language a little higher.
CONCEPT_SCORE = 2.0
READER_LANGUAGE_SCORE = 0.01


def _through_concepts(dsl, concept_ids, language):
    def constant(clause, boost):
        return dsl.Q("constant_score", filter=clause, boost=boost)

    return dsl.Q(
        "bool",
        must=[constant(dsl.Q("terms", concepts=sorted(concept_ids)), CONCEPT_SCORE)],
        should=[constant(dsl.Q("term", language=language), READER_LANGUAGE_SCORE)],
    )


def parts_clause(dsl, parts, language=""):
    """Every part of the query matched (``search.concepts.query_parts``): its words,
    or, for a run of words naming concepts, one of those concepts. A query naming
    no concept is ``exact_clause`` of its words."""
    if not any(part.concepts for part in parts):
        return exact_clause(dsl, [word for part in parts for word in part.words])
    clauses = []
    for part in parts:
        words = exact_clause(dsl, part.words)
        if part.concepts:
            through = _through_concepts(dsl, part.concepts, language)
            clauses.append(dsl.Q("bool", should=[words, through], minimum_should_match=1))
        else:
            clauses.append(words)
    return dsl.Q("bool", must=clauses)


def fuzzy_clause(dsl, words, names=("title",)):
    """Each word matched within AUTO edits of an unstemmed word (typos)."""
    return dsl.Q(
        "bool",
        must=[
            dsl.Q(
                "multi_match",
                query=word,
                fields=_plain_fields(names),
                operator="and",
                # Numbers are exact: a year one edit away is another year.
                fuzziness=0 if word.isdigit() else "AUTO",
                prefix_length=1,
                max_expansions=20,
            )
            for word in words
        ],
    )


def scope_filter(dsl, scopes):
    return dsl.Q("terms", scope=sorted(scopes))


def facet_filters(dsl, query: SearchQuery) -> dict:
    """Facet name -> its filter, for the facets with selected values."""
    filters = {}
    for name in FACETS:
        values = query.filter_values(name)
        if values:
            filters[name] = dsl.Q("terms", **{FACET_FIELD[name]: sorted(values)})
    return filters


def _all_of(dsl, clauses):
    return dsl.Q("bool", filter=clauses) if clauses else dsl.Q("match_all")


def weighted(dsl, clause):
    """``clause`` with each document's score multiplied by its type's weight."""
    functions = [
        {"filter": dsl.Q("term", doc_type=doc_type), "weight": weight}
        for doc_type, weight in weighted_types()
    ]
    if not functions:
        return clause
    return dsl.Q(
        "function_score", query=clause, functions=functions, score_mode="first", boost_mode="multiply"
    )


def _group_count(search):
    """Distinct translation groups, the unit results and facet counts are counted in."""
    return search.metric(TOTAL, "cardinality", field=GROUP_FIELD, precision_threshold=COUNT_PRECISION)


def collapsed(search, source, highlight=None):
    """One hit per translation group, its matching versions as inner hits."""
    versions = {"name": VERSIONS, "size": VERSIONS_SIZE, "_source": source}
    if highlight:
        versions["highlight"] = highlight
    return search.extra(collapse={"field": GROUP_FIELD, "inner_hits": versions})


def _facet_size(name: str, query: SearchQuery) -> int:
    # Results may be about hundreds of concepts; the page offers the most frequent,
    # and each bucket counts its groups, so the engine is not asked for the rest.
    return MAX_TOPICS + len(query.topics) if name == FACET_TOPIC else FACET_SIZE


def build_search(dsl, query: SearchQuery, index: str, parts=None):
    """The search for one results page: hits, total, facets, highlights and the
    spelling suggestions to check when no document matches exactly. ``parts``: the
    query read through the thesaurus, when the caller has it already."""
    words = text.query_words(query.text)
    search = dsl.Search(index=index)
    visible = scope_filter(dsl, query.scopes)
    if words:
        if parts is None:
            parts = concepts.query_parts(query.text, through_concepts=query.through_concepts)
        search = search.query(
            weighted(dsl, dsl.Q("bool", must=[parts_clause(dsl, parts, query.language)], filter=[visible]))
        )
    else:
        search = search.query(dsl.Q("bool", filter=[visible]))
    filters = facet_filters(dsl, query)
    if filters:
        # A post filter narrows the hits but not the aggregations, so each facet
        # below can leave out its own filter.
        search = search.post_filter(_all_of(dsl, list(filters.values())))
    # Hits count documents; the total counts groups, over the post-filtered hits.
    _group_count(search.aggs.bucket(TOTAL, "filter", filter=_all_of(dsl, list(filters.values()))))
    if query.with_facets:
        for name in FACETS:
            others = [clause for facet, clause in filters.items() if facet != name]
            _group_count(
                search.aggs.bucket(name, "filter", filter=_all_of(dsl, others)).bucket(
                    "values", "terms", field=FACET_FIELD[name], size=_facet_size(name, query)
                )
            )
    if words and query.with_suggestion:
        search = search.suggest(
            SUGGESTION,
            " ".join(text.tokens(query.text)[:SUGGEST_WORDS]),
            term={
                "field": "spell",
                "suggest_mode": "missing",
                "size": 1,
                "max_edits": 2,
                "prefix_length": 1,
                "min_word_length": 3,
            },
        )
    if words and query.sort != SORT_DATE:
        search = search.sort(
            "_score", {"date": {"order": "desc", "missing": "_last"}}, {"pk": {"order": "desc"}}
        )
    else:
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, {"pk": {"order": "desc"}})
    search = search.source(SOURCE_FIELDS).extra(from_=query.offset, size=query.per_page)
    return collapsed(search, SOURCE_FIELDS, HIGHLIGHT)


def _highlight() -> dict:
    fields = {f"title_{language}": {"number_of_fragments": 0} for language in LANGUAGES}
    fields["title"] = {"number_of_fragments": 0}
    snippet = {"fragment_size": SNIPPET_CHARS, "number_of_fragments": 1}
    for name in ("body", "attachment_text"):
        fields.update({f"{name}_{language}": snippet for language in LANGUAGES})
    # The plain body also gives the opening lines when nothing in it matched.
    fields["body"] = {**snippet, "no_match_size": SNIPPET_CHARS}
    fields["attachment_text"] = snippet
    return {"type": "unified", **MARK, "fields": fields}


# Asked of the versions only: the shown version is one of them, so highlighting the
# group's best hit as well would mark every result twice.
HIGHLIGHT = _highlight()


def build_exact_count(dsl, query: SearchQuery, index: str):
    """How many visible, filtered documents contain every word exactly."""
    words = text.query_words(query.text)
    clauses = [scope_filter(dsl, query.scopes), *facet_filters(dsl, query).values()]
    return dsl.Search(index=index).query(dsl.Q("bool", must=[exact_clause(dsl, words)], filter=clauses))


def build_autocomplete(dsl, text_input: str, scopes, limit: int, index: str):
    """Titles whose words start like the last word typed and contain the others;
    ``None`` when there is nothing to complete."""
    words = text.tokens(text_input[:100])
    if not words:
        return None
    *head, last = words
    head = [word for word in dict.fromkeys(head) if word not in text.STOP_WORDS][: text.MAX_QUERY_TERMS]
    titles = ("title",)
    must = []
    if head:
        must.append(
            dsl.Q(
                "bool",
                should=[exact_clause(dsl, head, titles), fuzzy_clause(dsl, head, titles)],
                minimum_should_match=1,
            )
        )
    must.append(
        dsl.Q(
            "bool",
            should=[
                dsl.Q(
                    "match", **{"title.autocomplete": {"query": last[:PREFIX_MAX_GRAM], "operator": "and"}}
                ),
                exact_clause(dsl, [last], titles),
            ],
            minimum_should_match=1,
        )
    )
    suggested = dsl.Q(
        "bool",
        must=must,
        filter=[scope_filter(dsl, scopes)],
        must_not=[dsl.Q("terms", doc_type=sorted(UNSUGGESTED_TYPES))],
    )
    source = ["key", "pk", "title", "url", "doc_type", "language", "translation_order"]
    search = (
        dsl.Search(index=index)
        .query(weighted(dsl, suggested))
        .sort("_score", {"date": {"order": "desc", "missing": "_last"}}, {"pk": {"order": "desc"}})
        .source(source)
        .extra(size=limit)
    )
    return collapsed(search, source)
