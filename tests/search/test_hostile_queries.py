"""Whatever people type is searched as text: no error, no 500, no query syntax."""

import pytest
from django.urls import reverse

from tests.search.helpers import autocomplete, keys, search

pytestmark = pytest.mark.django_db

HOSTILE = [
    "a" * 10_000,
    "health " * 2_000,
    "*:*",
    "*",
    "?",
    '{"query": {"match_all": {}}}',
    '{"query":{"bool":{"must":[{"term":{"scope":"org:1"}}]}}}',
    "title:(a OR b)",
    "scope:org* OR visibility:partners",
    '"unbalanced',
    'health"',
    "\x00",
    "health\x00clinics",
    "\x1b[31mred\x07",
    "AND OR NOT",
    "NOT health",
    "health AND",
    "(((",
    ")))",
    "[",
    "{",
    "~",
    "health~2",
    "heal*",
    "health^100",
    "/.*/",
    "\\",
    "\\\\\\",
    "' OR 1=1 --",
    "'; DROP TABLE search_searchdocument; --",
    "NEAR(health clinics, 2)",
    "search_title : health",
    "health:*",
    "!!(a & b) | c <-> d",
    "<script>alert(1)</script>",
    "%00%27%22",
    "\u202e\u200f\u200b",
    "ـــــ",
    "😀" * 50,
    " ",
    "-",
    "+health -clinics",
]


def test_there_are_enough_hostile_queries():
    assert len(HOSTILE) >= 30


@pytest.mark.parametrize("text", HOSTILE)
def test_backend_treats_hostile_query_as_text(corpus, people, text):
    results = search(people["anonymous"], text)
    assert results.total == len(results.hits) or results.total > len(results.hits)
    assert not {"who-confidential", "undrr-budget", "partners-financing"} & set(keys(results))
    autocomplete(people["anonymous"], text)


@pytest.mark.parametrize("text", HOSTILE)
def test_search_page_and_autocomplete_answer_hostile_query(client, corpus, text):
    text = text.replace("\x00", "")  # the test client cannot send a NUL byte in a URL either way
    page = client.get(reverse("search:index"), {"q": text, "type": text, "year": text, "page": text})
    assert page.status_code == 200
    assert b"<script>alert" not in page.content
    suggestions = client.get(reverse("search:autocomplete"), {"q": text})
    assert suggestions.status_code == 200
    assert "results" in suggestions.json()


def test_query_syntax_is_not_interpreted(corpus, people):
    # Were "OR" an operator, this would match the Jordan brief.
    assert keys(search(people["anonymous"], "Erbil OR Jordan")) == []
    assert keys(search(people["anonymous"], "Erbil")) == ["labour-iraq"]


def test_nul_byte_in_query_is_refused(client, corpus):
    # No form of ours sends a NUL: the request guard answers 400 before the search runs.
    page = client.get(reverse("search:index") + "?q=health%00clinics")
    assert page.status_code == 400
