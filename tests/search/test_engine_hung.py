"""A search engine node that accepts connections and never answers costs one
reader one timeout: searches fall back to the database within it, the next ones
skip the engine at once while it cools down, the log says so in one line, and one
more when the engine answers again.

The engine is the real node behind a relay on 127.0.0.1 that can be made to hang
(``tests.servers.HangingRelay``)."""

import logging
import time
from urllib.parse import urlsplit

import pytest

from search.sync import engine_backend
from tests.search.conftest import make_document
from tests.search.helpers import keys, search
from tests.servers import HangingRelay

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

TIMEOUT = 1.0
COOL_DOWN = 5.0


def _timed_search(user, text):
    started = time.monotonic()
    results = search(user, text)
    return results, time.monotonic() - started


def test_hung_engine_falls_back_within_its_timeout_and_says_so_once(
    engine, vocabulary, people, settings, caplog, monkeypatch
):
    url, refresh = engine
    make_document(vocabulary, "water", "Water trucking in Zaatari", "Trucks deliver water daily.")
    refresh()
    caplog.set_level(logging.INFO)

    with HangingRelay(urlsplit(url).port) as relay:
        relay.hung = True
        settings.SEARCH_ENGINE_URLS = f"http://127.0.0.1:{relay.port}"
        settings.SEARCH_ENGINE_TIMEOUT = TIMEOUT
        monkeypatch.setattr(engine_backend().health, "cool_down", COOL_DOWN)

        results, elapsed = _timed_search(people["anonymous"], "water")
        assert results.fallback and keys(results) == ["water"]
        assert elapsed < TIMEOUT + 1.0
        failed_at = time.monotonic()
        # While it cools down the engine is not even tried.
        tried = relay.connections
        for _ in range(3):
            results = search(people["anonymous"], "trucking")
            assert results.fallback and keys(results) == ["water"]
        assert relay.connections == tried

        warnings = [record for record in caplog.records if record.levelno >= logging.WARNING]
        assert [record.getMessage().split(" (")[0] for record in warnings] == [
            f"Search engine http://127.0.0.1:{relay.port} is unreachable"
        ]
        assert not any(record.exc_info for record in caplog.records)

        relay.hung = False
        time.sleep(max(0.0, failed_at + COOL_DOWN + 0.1 - time.monotonic()))
        results = search(people["anonymous"], "water")
        assert not results.fallback and keys(results) == ["water"]
        back = [record for record in caplog.records if "reachable again" in record.getMessage()]
        assert [record.levelname for record in back] == ["INFO"]
        assert len([record for record in caplog.records if record.levelno >= logging.WARNING]) == 1
