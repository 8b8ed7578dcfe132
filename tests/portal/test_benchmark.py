"""The page benchmark's own parts: the floor view, the query counter it reads from
``Server-Timing``, and the percentiles and ratios it prints."""

import pytest
from django.db import connection

from portal.benchmark.measure import FLOOR, SERVER_TIMING_QUERIES, Figures, Sample
from portal.benchmark.report import table

pytestmark = pytest.mark.django_db


@pytest.fixture
def benchmark_urls(settings):
    settings.ROOT_URLCONF = "portal.benchmark.urls"
    settings.MIDDLEWARE = ["portal.benchmark.middleware.ServerTimingMiddleware", *settings.MIDDLEWARE]


def _queries(response) -> int:
    return int(SERVER_TIMING_QUERIES.search(response["Server-Timing"]).group(1))


def test_the_floor_costs_an_anonymous_reader_no_query(benchmark_urls, client):
    response = client.get("/benchmark-floor/")
    assert response.status_code == 200
    assert response.content == b"ok, anonymous"
    assert _queries(response) == 0


def test_the_floor_of_a_signed_in_reader_counts_their_session_and_account(benchmark_urls, client, user):
    client.force_login(user)
    response = client.get("/benchmark-floor/")
    assert response.content == b"ok"
    # The session row and the account; more would mean the floor does real work.
    assert _queries(response) == 2


def test_pages_report_the_queries_they_cost(benchmark_urls, client, home_page):
    response = client.get("/en/")
    assert response.status_code == 200
    assert _queries(response) > 0
    assert connection.execute_wrappers == []


def test_the_table_compares_each_page_with_the_floor_of_the_same_run():
    figures = Figures()
    for milliseconds in (1.0, 2.0, 3.0):
        figures.add(FLOOR, "/benchmark-floor/", Sample(milliseconds=milliseconds, queries=0, size=2))
        figures.add("home", "/en/", Sample(milliseconds=milliseconds * 10, queries=9, size=4096))
    figures.add("home", "/ar/", "HTTP 500")
    rows, ratios = table("anonymous", {1: figures})
    assert ratios == {FLOOR: 1.0, "home": 10.0}
    assert rows[1] == "| anonymous | home | 20.0 | 29.0 | 10.0× | 9 | 4.0 |"
    assert rows[-1].startswith("<!-- 1 requests failed, e.g. /ar/: HTTP 500")
