"""The engine's index definition and queries, and that both client flavours
build exactly the same ones (no engine needed)."""

import pytest

from search.backends.base import SearchQuery
from search.backends.engine import queries
from search.backends.engine.definition import document_source, index_definition
from search.backends.engine.flavours import ELASTICSEARCH, OPENSEARCH, get_flavour

QUERIES = [
    SearchQuery(text="health clinics"),
    SearchQuery(text="", themes={1, 2}, countries={"JO"}, years={2024}),
    SearchQuery(
        text="المهاجرين santé", scopes={"public", "partners", "org:3"}, types={"post"}, languages={"ar", "fr"}
    ),
    SearchQuery(text="refugees", sort="date", page=3, per_page=10, organisations={4}),
    SearchQuery(text="water", with_facets=False, with_suggestion=False),
]


def _definition(flavour):
    return index_definition(get_flavour(flavour).dsl, "portal-documents-1", shards=2, replicas=1).to_dict()


@pytest.fixture
def definition():
    return _definition(OPENSEARCH)


def test_both_flavours_define_the_same_index():
    assert _definition(OPENSEARCH) == _definition(ELASTICSEARCH)


@pytest.mark.parametrize("query", QUERIES)
# Reading a query through the thesaurus reads its concepts.
@pytest.mark.django_db
def test_both_flavours_send_the_same_search(query):
    bodies = [
        queries.build_search(get_flavour(name).dsl, query, "alias").to_dict()
        for name in (OPENSEARCH, ELASTICSEARCH)
    ]
    assert bodies[0] == bodies[1]


@pytest.mark.django_db
def test_only_the_versions_of_a_result_are_highlighted():
    body = queries.build_search(get_flavour(OPENSEARCH).dsl, SearchQuery(text="health"), "alias").to_dict()
    assert "highlight" not in body
    highlight = body["collapse"]["inner_hits"]["highlight"]
    # The engine escapes the text and adds only <mark>.
    assert highlight["encoder"] == "html"
    assert highlight["pre_tags"] == ["<mark>"]
    assert {"title", "title_ar", "body", "body_fr", "attachment_text_en"} <= set(highlight["fields"])


@pytest.mark.parametrize("text", ["vacc", "vaccination sec", "الهج"])
def test_both_flavours_send_the_same_autocomplete(text):
    bodies = [
        queries.build_autocomplete(get_flavour(name).dsl, text, {"public"}, 8, "alias").to_dict()
        for name in (OPENSEARCH, ELASTICSEARCH)
    ]
    assert bodies[0] == bodies[1]


def test_shards_and_replicas_come_from_the_settings(definition):
    assert definition["settings"]["number_of_shards"] == 2
    assert definition["settings"]["number_of_replicas"] == 1


def test_analysers_per_language(definition):
    analysis = definition["settings"]["analysis"]
    analysers = analysis["analyzer"]
    assert {"portal_english", "portal_arabic", "portal_french", "portal_plain", "portal_autocomplete"} <= set(
        analysers
    )
    arabic = analysers["portal_arabic"]["filter"]
    assert arabic.index("arabic_normalization") < arabic.index("arabic_stem")
    assert analysis["filter"][analysers["portal_english"]["filter"][-2]] == {
        "type": "stemmer",
        "language": "english",
    }
    assert "portal_french_elision" in analysers["portal_french"]["filter"]
    assert analysis["filter"]["portal_prefixes"]["type"] == "edge_ngram"


def test_fields_route_text_by_language(definition):
    properties = definition["mappings"]["properties"]
    for name in ("title", "body", "attachment_text"):
        assert properties[f"{name}_en"]["analyzer"] == "portal_english"
        assert properties[f"{name}_ar"]["analyzer"] == "portal_arabic"
        assert properties[f"{name}_fr"]["analyzer"] == "portal_french"
    assert properties["title"]["fields"]["autocomplete"]["analyzer"] == "portal_autocomplete"
    assert properties["title"]["fields"]["autocomplete"]["search_analyzer"] == "portal_plain"
    for name in ("doc_type", "countries", "language", "scope"):
        assert properties[name]["type"] == "keyword"
    assert properties["date"]["type"] == "date"
    assert definition["mappings"]["dynamic"] == "strict"


def _scored(body):
    return body["query"]["function_score"]["query"]


@pytest.mark.django_db
def test_scopes_are_always_a_filter_of_the_query_itself():
    query = SearchQuery(text="health", scopes={"public", "org:7"}, themes={1})
    body = queries.build_search(get_flavour(OPENSEARCH).dsl, query, "alias").to_dict()
    # Type weights wrap the query; the scopes stay a filter of the query inside.
    assert {"terms": {"scope": ["org:7", "public"]}} in _scored(body)["bool"]["filter"]
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"themes": [1]}}]}}
    # The theme facet leaves out its own filter; the others keep it.
    assert body["aggs"]["theme"]["filter"] == {"match_all": {}}
    assert body["aggs"]["country"]["filter"] == {"bool": {"filter": [{"terms": {"themes": [1]}}]}}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text", ['{"query": {"match_all": {}}}', "scope:org* OR visibility:partners", "title:(a OR b)"]
)
def test_query_syntax_reaches_the_engine_only_as_words(text):
    body = queries.build_search(get_flavour(OPENSEARCH).dsl, SearchQuery(text=text), "alias").to_dict()
    serialised = repr(body)
    assert "query_string" not in serialised
    for clause in _scored(body)["bool"]["must"][0]["bool"]["must"]:
        assert clause["multi_match"]["query"].isalnum()


def test_a_document_fills_the_fields_of_its_language():
    class Row:
        pk, key, doc_type, url, date, year, scope = 5, "k", "post", "/x/", None, None, "public"
        title, body, attachment_text, language = "العمل", "نص", "", "ar"
        translation_group, translation_order = "page:x", 5

    source = document_source(Row(), themes=[2, 1], countries=["JO"], organisations=[3])
    assert source["title_ar"] == "العمل" and "title_en" not in source
    assert source["themes"] == [1, 2]
    Row.language = ""
    assert {"title_en", "title_ar", "title_fr"} <= set(document_source(Row()))
