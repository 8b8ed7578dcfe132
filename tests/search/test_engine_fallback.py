"""When the engine is down, writes still succeed, search answers from the database
with a notice, and the rows written meanwhile reach the engine when it is back.

The outage is a closed port: the backend points at an address where nothing
listens, which the clients meet exactly as a stopped node, without disturbing
other tests using the shared node. ``test_stopped_node_catches_up_after_restart``
really stops and restarts the node; it runs only with SEARCH_ENGINE_RESTART_TEST=1,
alone (``-p no:xdist``), because other tests would lose the node meanwhile.
"""

import os
import socket
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse

from portal.breaker import breakers_reset
from search.indexing import document_remove
from search.models import SearchDocument
from search.sync import engine_backend
from tests.search.conftest import make_document
from tests.search.helpers import keys, search

pytestmark = [pytest.mark.django_db, pytest.mark.engine]

ENGINE_DIR = Path(__file__).resolve().parents[2] / "search" / "engine"
NOTICE = "The full search service is unavailable"


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def _write_while_down(vocabulary, kept, removed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_document(vocabulary, "new", "Solar pumps for Mafraq farms", "Irrigation with solar pumps.")
    with django_capture_on_commit_callbacks(execute=True):
        make_document(vocabulary, kept, "Water trucking replaced by pipelines", "Pipelines reach Zaatari.")
    with django_capture_on_commit_callbacks(execute=True):
        document_remove(f"test.doc:{removed}")
    pending = set(SearchDocument.objects.pending_engine().values_list("key", flat=True))
    assert pending == {f"test.doc:{key}" for key in ("new", kept, removed)}


def _engine_has_caught_up(refresh, people, removed):
    refresh()
    results = search(people["anonymous"], "solar pumps")
    assert not results.fallback and results.backend == "engine"
    assert keys(results) == ["new"]
    assert keys(search(people["anonymous"], "pipelines")) == ["water"]
    assert search(people["anonymous"], "trucking").total == 1
    assert search(people["anonymous"], "flood shelters").total == 0
    assert not SearchDocument.objects.pending_engine().exists()
    assert not SearchDocument.objects.filter(key=f"test.doc:{removed}").exists()


@pytest.fixture
def indexed(vocabulary, engine, people):
    _url, refresh = engine
    make_document(vocabulary, "water", "Water trucking in Zaatari", "Trucks deliver water daily.")
    make_document(vocabulary, "flood", "Flood shelters in Mosul", "Shelters for flood season.")
    refresh()
    assert keys(search(people["anonymous"], "flood shelters")) == ["flood"]
    return refresh


def test_engine_outage_loses_nothing(
    indexed, engine, settings, vocabulary, people, client, django_capture_on_commit_callbacks
):
    url, refresh = engine
    settings.SEARCH_ENGINE_URLS = closed_port_url()
    settings.SEARCH_ENGINE_TIMEOUT = 2

    _write_while_down(vocabulary, "water", "flood", django_capture_on_commit_callbacks)

    results = search(people["anonymous"], "solar pumps")
    assert results.fallback and keys(results) == ["new"]
    page = client.get(reverse("search:index"), {"q": "solar pumps"})
    assert page.status_code == 200
    assert NOTICE in page.content.decode() and "for Mafraq farms" in page.content.decode()
    assert client.get(reverse("search:autocomplete"), {"q": "sola"}).json()["results"][0]["title"] == (
        "Solar pumps for Mafraq farms"
    )
    with pytest.raises(Exception, match="unreachable"):
        call_command("search_sync")

    settings.SEARCH_ENGINE_URLS = url
    settings.SEARCH_ENGINE_TIMEOUT = 30
    call_command("search_sync")
    _engine_has_caught_up(refresh, people, "flood")


def test_a_write_after_the_outage_takes_the_waiting_rows_along(
    indexed, engine, settings, vocabulary, people, django_capture_on_commit_callbacks
):
    url, refresh = engine
    settings.SEARCH_ENGINE_URLS = closed_port_url()
    _write_while_down(vocabulary, "water", "flood", django_capture_on_commit_callbacks)
    settings.SEARCH_ENGINE_URLS = url
    engine_backend().documents_changed(["test.doc:water"])
    _engine_has_caught_up(refresh, people, "flood")


def _engine_script(name, url):
    # The scripts find the node by its port; the release comes from SEARCH_ENGINE_VERSION.
    env = {**os.environ, "SEARCH_ENGINE_PORT": str(urlsplit(url).port or 9200)}
    subprocess.run([str(ENGINE_DIR / name)], check=True, capture_output=True, timeout=300, env=env)


@pytest.mark.skipif(
    os.environ.get("SEARCH_ENGINE_RESTART_TEST") != "1",
    reason="stops the shared node: run alone with SEARCH_ENGINE_RESTART_TEST=1 -p no:xdist",
)
def test_stopped_node_catches_up_after_restart(
    indexed, engine, search_engine_url, vocabulary, people, client, django_capture_on_commit_callbacks
):
    _url, refresh = engine
    _engine_script("stop.sh", search_engine_url)
    try:
        _write_while_down(vocabulary, "water", "flood", django_capture_on_commit_callbacks)
        page = client.get(reverse("search:index"), {"q": "solar pumps"})
        assert NOTICE in page.content.decode()
    finally:
        _engine_script("start-background.sh", search_engine_url)
    # The search above taught this process the node was down, so it would skip the
    # node for the cool-down; the operator's ``search_sync`` is a process of its own
    # that starts without that memory.
    breakers_reset()
    call_command("search_sync")
    _engine_has_caught_up(refresh, people, "flood")
