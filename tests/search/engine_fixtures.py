"""Fixtures that reach the real search engine (an OpenSearch node).

The node is the one ``make search-engine`` (or ``search/engine/start-background.sh``)
starts; ``SEARCH_ENGINE_URL`` says where it listens (default http://127.0.0.1:9200).
When it is not reachable the tests that need it are skipped, except under
``CI=true``, where .ci/run must have started it and they fail instead.

Load them with ``pytest_plugins = ["tests.search.engine_fixtures"]`` in a test
module, or import them into a conftest:

``engine_url``          the node's URL, once it answered a health request
``opensearch_client``   an ``opensearchpy.OpenSearch`` client for it
``es_proxy_url``        the URL of an ``es_compat_proxy`` in front of it, for the
                        ``elasticsearch`` client
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request

import pytest

from tests.search.es_compat_proxy import EsCompatProxy

DEFAULT_ENGINE_URL = "http://127.0.0.1:9200"
HEALTH_TIMEOUT_SECONDS = 5

_reachable: dict[str, str | None] = {}


def configured_engine_url() -> str:
    return (os.environ.get("SEARCH_ENGINE_URL") or DEFAULT_ENGINE_URL).rstrip("/")


def _health_problem(url: str) -> str | None:
    """None when the cluster answers green or yellow, else what went wrong."""
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=HEALTH_TIMEOUT_SECONDS) as response:
            status = json.load(response).get("status")
    except (OSError, ValueError) as error:
        return f"{type(error).__name__}: {error}"
    if status not in ("green", "yellow"):
        return f"cluster health is {status!r}"
    return None


def require_engine() -> str:
    """The engine's URL; skips the calling test when it is down, or fails it on CI.

    The answer is remembered for the rest of the session so a stopped engine costs
    one timeout, not one per test.
    """
    url = configured_engine_url()
    if url not in _reachable:
        _reachable[url] = _health_problem(url)
    problem = _reachable[url]
    if problem is None:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail(
            f"search engine not reachable at {url} ({problem}); "
            "CI must start it with search/engine/start-background.sh",
            pytrace=False,
        )
    pytest.skip("search engine not running: start it with `make search-engine`")


def engine_release(url: str) -> str:
    """The product and version the node at ``url`` runs, e.g. "OpenSearch 3.9.0"."""
    try:
        with urllib.request.urlopen(url, timeout=HEALTH_TIMEOUT_SECONDS) as response:
            version = json.load(response)["version"]
    except (OSError, ValueError, KeyError) as error:
        return f"unknown ({type(error).__name__})"
    distribution = {"opensearch": "OpenSearch"}.get(version.get("distribution"), "Elasticsearch")
    return f"{distribution} {version.get('number', '?')}"


@pytest.fixture(scope="session")
def engine_url() -> str:
    return require_engine()


@pytest.fixture(scope="session")
def opensearch_client(engine_url):
    from opensearchpy import OpenSearch

    client = OpenSearch(hosts=[engine_url], timeout=30)
    yield client
    client.close()


@pytest.fixture(scope="session")
def es_proxy_url(engine_url):
    with EsCompatProxy(engine_url) as proxy:
        yield proxy.url
