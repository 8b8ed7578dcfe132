"""The index: per-language analysers, fields and settings, built with whichever
DSL module the flavour supplies so both flavours define the same index.

Text is routed by the document's language: an English document fills
``title_en``/``body_en``/``attachment_text_en`` (analysed by ``portal_english``),
an Arabic one the ``_ar`` fields, a French one the ``_fr`` fields; a document
without a language (an organisation, named in all three) fills all of them. The
plain ``title``/``body``/``attachment_text`` fields keep every word unstemmed, for
typo tolerance and "did you mean"; ``title.autocomplete`` holds edge n-grams.
"""

import datetime

from django.utils import timezone

from search.backends.base import MAX_PAGE, MAX_PER_PAGE

LANGUAGES = ("en", "ar", "fr")
TEXT_FIELDS = ("title", "body", "attachment_text")
# Bulk requests stay reasonable even for a scanned book.
MAX_TEXT_CHARS = 1_000_000
PREFIX_MAX_GRAM = 20
# Engine versions order every state a key ever had: a row's id (a re-created
# document gets a new, larger one) then its version.
VERSION_BITS = 24

FRENCH_ELISIONS = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"]


def analysers(dsl) -> dict:
    """The analysers by language code, plus "plain" and "autocomplete"."""
    # Arabic words may appear in any document; every analyser unifies their letter
    # forms as search.text.normalise does.
    common = ["lowercase", "decimal_digit"]
    english = dsl.analyzer(
        "portal_english",
        tokenizer="standard",
        filter=[
            dsl.token_filter("portal_english_possessive", "stemmer", language="possessive_english"),
            *common,
            dsl.token_filter("portal_english_stop", "stop", stopwords="_english_"),
            "asciifolding",
            "arabic_normalization",
            dsl.token_filter("portal_english_stem", "stemmer", language="english"),
            "arabic_stem",
        ],
    )
    french = dsl.analyzer(
        "portal_french",
        tokenizer="standard",
        filter=[
            dsl.token_filter(
                "portal_french_elision", "elision", articles_case=True, articles=FRENCH_ELISIONS
            ),
            *common,
            dsl.token_filter("portal_french_stop", "stop", stopwords="_french_"),
            "asciifolding",
            "arabic_normalization",
            dsl.token_filter("portal_french_stem", "stemmer", language="french"),
            "arabic_stem",
        ],
    )
    arabic = dsl.analyzer(
        "portal_arabic",
        tokenizer="standard",
        filter=[
            *common,
            dsl.token_filter("portal_arabic_stop", "stop", stopwords="_arabic_"),
            "arabic_normalization",
            "arabic_stem",
            "asciifolding",
        ],
    )
    plain = dsl.analyzer(
        "portal_plain", tokenizer="standard", filter=[*common, "asciifolding", "arabic_normalization"]
    )
    autocomplete = dsl.analyzer(
        "portal_autocomplete",
        tokenizer="standard",
        filter=[
            *common,
            "asciifolding",
            "arabic_normalization",
            dsl.token_filter("portal_prefixes", "edge_ngram", min_gram=1, max_gram=PREFIX_MAX_GRAM),
        ],
    )
    return {"en": english, "ar": arabic, "fr": french, "plain": plain, "autocomplete": autocomplete}


def mapping(dsl):
    found = analysers(dsl)
    plain = found["plain"]
    m = dsl.Mapping()
    m.meta("dynamic", "strict")
    m.field("key", "keyword")
    m.field("pk", "long")
    m.field("doc_type", "keyword")
    m.field("url", "keyword", index=False)
    m.field("language", "keyword")
    m.field("date", "date")
    m.field("year", "integer")
    m.field("themes", "integer")
    m.field("countries", "keyword")
    m.field("organisations", "integer")
    m.field("concepts", "integer")
    m.field("scope", "keyword")
    m.field("translation_group", "keyword")
    m.field("translation_order", "long")
    m.field("spell", "text", analyzer=plain)
    # Titles without length norms: a title naming the query words is as good a match
    # whether it is one word (a theme) or ten (a brief), and the type weight decides.
    m.field(
        "title",
        "text",
        analyzer=plain,
        norms=False,
        copy_to="spell",
        fields={
            "autocomplete": {
                "type": "text",
                "analyzer": found["autocomplete"],
                "search_analyzer": plain,
            }
        },
    )
    # Offsets in the postings let the highlighter skip re-analysing long texts.
    m.field("body", "text", analyzer=plain, copy_to="spell", index_options="offsets")
    m.field("attachment_text", "text", analyzer=plain, index_options="offsets")
    for language in LANGUAGES:
        for name in TEXT_FIELDS:
            options = {"norms": False} if name == "title" else {"index_options": "offsets"}
            m.field(f"{name}_{language}", "text", analyzer=found[language], **options)
    return m


def index_definition(dsl, name: str, *, shards: int, replicas: int):
    """The DSL ``Index`` for a new index called ``name``."""
    index = dsl.Index(name)
    index.settings(
        number_of_shards=shards,
        number_of_replicas=replicas,
        max_result_window=MAX_PAGE * MAX_PER_PAGE,
    )
    index.mapping(mapping(dsl))
    return index


def new_index_name(alias: str) -> str:
    return f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"


def first_index_name(alias: str) -> str:
    """The name of the index created when the alias has none: the same in every
    process, so two that find no index at once cannot create two."""
    return f"{alias}-{0:020d}"


def engine_version(pk: int, version: int) -> int:
    return (int(pk) << VERSION_BITS) | min(int(version), (1 << VERSION_BITS) - 1)


def document_source(row, *, themes=(), countries=(), organisations=(), concepts=()) -> dict:
    """What the engine stores for one live ``SearchDocument`` row."""
    languages = (row.language,) if row.language in LANGUAGES else LANGUAGES
    texts = {
        "title": row.title,
        "body": (row.body or "")[:MAX_TEXT_CHARS],
        "attachment_text": (row.attachment_text or "")[:MAX_TEXT_CHARS],
    }
    source = {
        "key": row.key,
        "pk": row.pk,
        "doc_type": row.doc_type,
        "url": row.url,
        "language": row.language or "",
        # In UTC, as the database gives it back, whichever zone a row written just now has.
        "date": row.date.astimezone(datetime.UTC).isoformat() if row.date else None,
        "year": row.year,
        "themes": sorted(themes),
        "countries": sorted(countries),
        "organisations": sorted(organisations),
        "concepts": sorted(concepts),
        "scope": row.scope,
        "translation_group": row.translation_group or row.key,
        "translation_order": row.translation_order,
        **texts,
    }
    for language in languages:
        for name, value in texts.items():
            if value:
                source[f"{name}_{language}"] = value
    return source
