"""A signed-in reader's GET writes nothing when nothing changed.

A partner member walks every page reachable from the home pages, as the crawl does,
under the caches production runs with (the database cache shares rate limits and
sessions between workers, so a write to it is a write to the database). The first
visit may record what changed (a topic read for the first time); reading every page a
second time must not write anything: no read state, no session, no cache entry.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.demo_data import demo  # noqa: F401 (a fixture)
from tests.test_crawl import crawl

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

WRITING_STATEMENTS = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def test_reading_again_writes_nothing(client, caches_in_production):
    client.force_login(get_user_model().objects.get(email="member@iom.example.org"))
    visited, failures = crawl(client)
    assert not failures
    pages = [path for path, status in visited.items() if status == 200]
    assert len(pages) >= 150

    writes = {}
    for path in pages:
        with CaptureQueriesContext(connection) as context:
            response = client.get(path)
        assert response.status_code == 200, path
        statements = [query["sql"] for query in context.captured_queries]
        written = [sql[:120] for sql in statements if sql.lstrip().upper().startswith(WRITING_STATEMENTS)]
        if written:
            writes[path] = written

    assert writes == {}
