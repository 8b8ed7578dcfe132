"""API answers are built in a fixed number of queries, whatever the page size, and
in no more than the HTML page they mirror."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.opendata.conftest import PARTNER, api_client, session_client, token_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

MIRRORS = {
    "/api/v2/briefs/?limit={n}": "/en/policy-briefs/",
    "/api/v2/lessons/?limit={n}&locale=fr": "/fr/lessons-learned/",
    "/api/v2/joint-actions/?limit={n}&locale=ar": "/ar/joint-actions/",
    "/api/v2/partners/?limit={n}": "/en/partners/",
    "/api/v2/topics/?limit={n}": "/en/forums/",
    "/iati/activities.xml": "/en/joint-actions/",
}


def _queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)


@pytest.mark.parametrize("address", MIRRORS)
def test_queries_do_not_grow_with_the_page_size_nor_exceed_the_page(address):
    secret = token_for(PARTNER)
    client = api_client(secret)
    client.get(address.format(n=1))  # warms Wagtail's site and locale caches
    small = _queries(client, address.format(n=2))
    large = _queries(client, address.format(n=50))
    assert large == small, address
    page = _queries(session_client(PARTNER), MIRRORS[address])
    assert large <= page, (address, large, page)
