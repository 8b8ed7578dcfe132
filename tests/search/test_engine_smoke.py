"""The real search engine answers, analyses the portal's languages, and serves both
Python clients the portal supports: ``opensearchpy`` directly and ``elasticsearch``
(with ``elasticsearch.dsl``) through the compatibility proxy.

Needs no Django. Skipped when no engine runs (failed under CI=true); see
``tests/search/engine_fixtures.py``.
"""

import os
import uuid

import pytest

pytestmark = pytest.mark.engine

# The fixtures live in a plain module so other search tests can share them.
pytest_plugins = ["tests.search.engine_fixtures"]


def tokens(client, body):
    return [token["token"] for token in client.indices.analyze(body=body)["tokens"]]


@pytest.fixture
def index_name(opensearch_client):
    name = f"smoke-{uuid.uuid4().hex[:12]}"
    yield name
    opensearch_client.indices.delete(index=name, ignore_unavailable=True)


def test_cluster_is_healthy(opensearch_client):
    health = opensearch_client.cluster.health(wait_for_status="yellow")
    assert health["status"] in ("green", "yellow")
    assert health["number_of_nodes"] == 1
    info = opensearch_client.info()
    assert info["version"]["distribution"] == "opensearch"
    assert_release(info["version"]["number"])


def assert_release(number):
    """The node runs the release CI started (SEARCH_ENGINE_VERSION), else one the
    portal supports."""
    expected = os.environ.get("SEARCH_ENGINE_VERSION")
    if expected:
        assert number == expected
    else:
        assert number.split(".")[0] in ("2", "3")


def test_arabic_analyzer_stems_plural_and_singular_alike(opensearch_client):
    # "the libraries" and "a library" reduce to the same stem.
    plural = tokens(opensearch_client, {"analyzer": "arabic", "text": "المكتبات"})
    singular = tokens(opensearch_client, {"analyzer": "arabic", "text": "مكتبة"})
    assert plural == singular == ["مكتب"]


def test_arabic_normalization_and_stem_filters(opensearch_client):
    normalised = tokens(
        opensearch_client,
        {"tokenizer": "standard", "filter": ["arabic_normalization"], "text": "أحمد إسلام مكتبة"},
    )
    # Hamza forms of alef become a bare alef; teh marbuta becomes heh.
    assert normalised == ["احمد", "اسلام", "مكتبه"]
    stemmed = tokens(
        opensearch_client,
        {
            "tokenizer": "standard",
            "filter": ["lowercase", "arabic_normalization", "arabic_stem"],
            "text": "المكتبات مكتبة",
        },
    )
    assert stemmed == ["مكتب", "مكتب"]


def test_english_analyzer_stems_and_drops_stop_words(opensearch_client):
    assert tokens(opensearch_client, {"analyzer": "english", "text": "The libraries are running"}) == [
        "librari",
        "run",
    ]
    assert tokens(opensearch_client, {"analyzer": "english", "text": "library"}) == ["librari"]


def test_french_analyzer_handles_elision_accents_and_plurals(opensearch_client):
    plural = tokens(opensearch_client, {"analyzer": "french", "text": "Les bibliothèques de l'université"})
    singular = tokens(opensearch_client, {"analyzer": "french", "text": "bibliothèque"})
    assert plural[0] == singular[0]
    assert "les" not in plural
    assert len(plural) == 2


def test_edge_ngram_tokenizer_and_filter(opensearch_client):
    tokenizer = {"type": "edge_ngram", "min_gram": 2, "max_gram": 4, "token_chars": ["letter"]}
    assert tokens(opensearch_client, {"tokenizer": tokenizer, "text": "Health"}) == ["He", "Hea", "Heal"]
    edge_filter = {"type": "edge_ngram", "min_gram": 2, "max_gram": 5}
    assert tokens(
        opensearch_client,
        {"tokenizer": "standard", "filter": ["lowercase", edge_filter], "text": "Migration"},
    ) == ["mi", "mig", "migr", "migra"]


def test_index_level_analysis_finds_arabic_inflections_and_prefixes(opensearch_client, index_name):
    opensearch_client.indices.create(
        index=index_name,
        body={
            "settings": {
                "analysis": {
                    "filter": {"prefixes": {"type": "edge_ngram", "min_gram": 2, "max_gram": 15}},
                    "analyzer": {
                        "autocomplete": {"tokenizer": "standard", "filter": ["lowercase", "prefixes"]},
                    },
                }
            },
            "mappings": {
                "properties": {
                    "title_ar": {"type": "text", "analyzer": "arabic"},
                    "title_en": {
                        "type": "text",
                        "analyzer": "english",
                        "fields": {
                            "prefix": {
                                "type": "text",
                                "analyzer": "autocomplete",
                                "search_analyzer": "standard",
                            }
                        },
                    },
                }
            },
        },
    )
    opensearch_client.index(
        index=index_name,
        id="1",
        body={"title_ar": "المكتبات العامة", "title_en": "Public libraries"},
        refresh=True,
    )

    def hits(query):
        return opensearch_client.search(index=index_name, body={"query": query})["hits"]["total"]["value"]

    assert hits({"match": {"title_ar": "مكتبة"}}) == 1
    assert hits({"match": {"title_en": "library"}}) == 1
    assert hits({"match": {"title_en.prefix": "libr"}}) == 1
    assert hits({"match": {"title_ar": "حديقة"}}) == 0


@pytest.fixture
def es_client(es_proxy_url):
    from elasticsearch import Elasticsearch

    client = Elasticsearch(es_proxy_url, request_timeout=30)
    yield client
    client.close()


def test_elasticsearch_client_info_through_proxy(es_client):
    info = es_client.info()
    assert info["cluster_name"]
    assert_release(info["version"]["number"])


def test_elasticsearch_client_indexes_and_searches_through_proxy(es_client, index_name):
    from elasticsearch import helpers
    from elasticsearch.dsl import Search

    es_client.indices.create(
        index=index_name,
        settings={"number_of_shards": 1},
        mappings={
            "properties": {
                "title": {"type": "text", "analyzer": "english"},
                "language": {"type": "keyword"},
            }
        },
    )
    es_client.index(
        index=index_name, id="health", document={"title": "Health services for migrants", "language": "en"}
    )
    # Bulk bodies travel as ndjson, the other media type the proxy rewrites.
    indexed, errors = helpers.bulk(
        es_client,
        [
            {"_index": index_name, "_id": "labour", "title": "Labour market access", "language": "en"},
            {"_index": index_name, "_id": "santé", "title": "Politique de santé", "language": "fr"},
        ],
    )
    assert (indexed, errors) == (2, [])
    es_client.indices.refresh(index=index_name)

    response = es_client.search(index=index_name, query={"match": {"title": "service"}})
    assert [hit["_id"] for hit in response["hits"]["hits"]] == ["health"]

    search = (
        Search(using=es_client, index=index_name)
        .query("match", title="markets")
        .filter("term", language="en")
    )
    result = search.execute()
    assert result.hits.total.value == 1
    assert result[0].meta.id == "labour"

    by_language = Search(using=es_client, index=index_name).extra(size=0)
    by_language.aggs.bucket("languages", "terms", field="language")
    buckets = by_language.execute().aggregations.languages.buckets
    assert {bucket.key: bucket.doc_count for bucket in buckets} == {"en": 2, "fr": 1}
