"""The cluster drill: on a three-node cluster (``make search-cluster``) the portal's
index, on three shards with one replica, loses a node under a mixed load and gets
it back, then is rebuilt while searches go on.

Searches go through the portal's own path (``search_for_user``, the registry with
its database fallback), so a search answered by the database counts as an error, as
does one that misses documents (a shard without a copy). Writes are forum replies
made with the forum services, pushed by ``engine_sync_pending``, what the
``search_sync`` worker runs; a push that fails or leaves a row behind is an error.

It stops and starts a node, so it runs only when SEARCH_CLUSTER_URLS names the
cluster's nodes, and alone: ``make search-cluster-drill``.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from forums import services as forum_services
from search.backends.base import SearchQuery
from search.models import SearchDocument
from search.projections import document_key
from search.selectors import search_for_user
from search.sync import engine_backend, engine_sync_pending
from tests.forums.factories import ForumFactory
from tests.search.engine_backend import delete_indices, engine_under_test

pytestmark = [pytest.mark.django_db, pytest.mark.engine, pytest.mark.cluster]

CLUSTER_SCRIPT = Path(__file__).resolve().parents[2] / "search" / "engine" / "cluster.sh"
SHARDS, REPLICAS = 3, 1
SEEDED = 40
# How long the load runs against two nodes once the third has stopped.
DOWN_SECONDS = 8
GREEN_TIMEOUT = 180
WORDS = "cisterns Azraq"


def cluster_urls() -> list[str]:
    urls = [url.strip() for url in os.environ.get("SEARCH_CLUSTER_URLS", "").split(",") if url.strip()]
    if not urls:
        pytest.skip("needs the three-node cluster: make search-cluster, then make search-cluster-drill")
    return urls


def cluster_command(*args) -> subprocess.Popen:
    return subprocess.Popen(
        [str(CLUSTER_SCRIPT), *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


class Drill:
    """The mixed load and its figures. Every step writes one reply, pushes the
    pending rows and searches twice."""

    def __init__(self, backend, topic, author):
        self.backend, self.topic, self.author = backend, topic, author
        self.searches = self.writes = 0
        self.errors: list[str] = []
        self.written: list[str] = []

    def write(self) -> None:
        post = forum_services.post_create(
            topic=self.topic,
            author=self.author,
            body=f"Cisterns refilled in Azraq, report {len(self.written)}.",
        )
        self.written.append(document_key(post))
        self.writes += 1

    def sync(self) -> None:
        try:
            report = engine_sync_pending(backend=self.backend)
        except Exception as error:
            self.errors.append(f"sync: {error}")
            return
        if report.failed:
            self.errors.append(f"sync: {report}")

    def search(self) -> None:
        self.searches += 1
        try:
            results = search_for_user(user=None, query=SearchQuery(text=WORDS))
        except Exception as error:
            self.errors.append(f"search: {error}")
            return
        if results.fallback:
            self.errors.append("search answered by the database")
        elif results.total < SEEDED:
            self.errors.append(f"search found {results.total} of at least {SEEDED} documents")

    def step(self) -> None:
        self.write()
        self.sync()
        self.search()
        self.search()

    def while_running(self, process: subprocess.Popen) -> str:
        while process.poll() is None:
            self.step()
        output = process.stdout.read()
        assert process.returncode == 0, output
        return output

    def for_seconds(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.step()

    def until_green(self) -> None:
        deadline = time.monotonic() + GREEN_TIMEOUT
        while self.backend.client.cluster.health()["status"] != "green":
            assert time.monotonic() < deadline, f"cluster not green after {GREEN_TIMEOUT} s"
            self.step()


class SearchingOutput:
    """The rebuild's output: each line it writes (per batch, index created, rows
    loaded, alias moved, old index deleted) is followed by searches."""

    def __init__(self, drill):
        self.drill = drill
        self.lines: list[str] = []

    def write(self, line):
        self.lines.append(line)
        self.drill.search()
        self.drill.search()


def copies_by_key(backend) -> dict[str, int]:
    """How many documents the index behind the alias holds per key."""
    backend.index.refresh()
    response = backend.client.search(
        index=backend.alias,
        body={"size": 0, "aggs": {"keys": {"terms": {"field": "key", "size": 10_000}}}},
    )
    return {bucket["key"]: bucket["doc_count"] for bucket in response["aggregations"]["keys"]["buckets"]}


def assert_every_row_indexed_once(backend, written) -> dict[str, int]:
    copies = copies_by_key(backend)
    assert {key: count for key, count in copies.items() if count != 1} == {}
    live = set(SearchDocument.objects.live().values_list("key", flat=True))
    assert set(copies) == live
    assert set(written) <= live
    return copies


def cluster_manager_node(backend) -> int:
    """The number (1-3, as cluster.sh counts) of the elected cluster manager."""
    [manager] = backend.client.cat.cluster_manager(format="json")
    port = backend.client.nodes.info(node_id=manager["id"], metric="http")["nodes"][manager["id"]]["http"][
        "publish_address"
    ].rsplit(":", 1)[1]
    return [url.rsplit(":", 1)[1] for url in cluster_urls()].index(port) + 1


@pytest.fixture
def backend(settings):
    urls = cluster_urls()
    settings.SEARCH_ENGINE_SHARDS, settings.SEARCH_ENGINE_REPLICAS = SHARDS, REPLICAS
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""
    engine_under_test("opensearch", settings, ",".join(urls))
    backend = engine_backend()
    yield backend
    delete_indices(backend.client, backend.config.index_prefix)


@pytest.fixture
def drill(backend, people):
    forum = ForumFactory(name="Water", slug="water-drill")
    author = people["partner"]
    topic = forum_services.topic_create(forum=forum, author=author, title="Water trucking", body="Reports.")
    drill = Drill(backend, topic, author)
    for _ in range(SEEDED):
        drill.write()
    drill.sync()
    backend.index.refresh()
    assert drill.errors == []
    [index] = backend.index.indices()
    settings = backend.client.indices.get_settings(index=index)[index]["settings"]["index"]
    assert (settings["number_of_shards"], settings["number_of_replicas"]) == (str(SHARDS), str(REPLICAS))
    health = backend.client.cluster.health(wait_for_status="green")
    assert (health["status"], health["number_of_nodes"]) == ("green", len(cluster_urls()))
    return drill


def test_cluster_loses_a_node_and_is_rebuilt_under_load(drill, backend, capsys):
    node = cluster_manager_node(backend)
    started = time.monotonic()
    drill.while_running(cluster_command("stop-node", str(node)))
    drill.for_seconds(DOWN_SECONDS)
    restarted = time.monotonic()
    drill.while_running(cluster_command("start-node", str(node)))
    rejoined = time.monotonic() - restarted
    drill.until_green()
    back_to_green = time.monotonic() - restarted
    node_lost_for = restarted - started
    loss = {"searches": drill.searches, "writes": drill.writes - SEEDED, "errors": list(drill.errors)}

    assert not SearchDocument.objects.pending_engine().exists()
    copies = assert_every_row_indexed_once(backend, drill.written)
    indexed = sum(copies[key] for key in drill.written)

    before_rebuild = drill.searches
    output = SearchingOutput(drill)
    call_command("search_rebuild", stdout=output)
    assert any("now points at" in line for line in output.lines)
    rebuild_searches = drill.searches - before_rebuild
    assert_every_row_indexed_once(backend, drill.written)

    with capsys.disabled():
        print(
            f"\ncluster drill ({len(cluster_urls())} nodes, {SHARDS} shards, {REPLICAS} replica; "
            f"node {node}, the elected cluster manager, stopped for {node_lost_for:.1f} s): "
            f"searches {loss['searches']}, writes {loss['writes']}, errors {len(loss['errors'])}; "
            f"documents written {len(drill.written)}, indexed {indexed}; "
            f"node back in {rejoined:.1f} s, cluster green {back_to_green:.1f} s after the restart began; "
            f"search_rebuild: {rebuild_searches} searches, errors {len(drill.errors) - len(loss['errors'])}"
        )
    assert loss["errors"] == []
    assert indexed == len(drill.written)
    assert drill.errors == []
