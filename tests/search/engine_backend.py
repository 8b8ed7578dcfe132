"""The engine backend under test: settings pointing at the real node (directly for
OpenSearch, through ``es_compat_proxy`` for the Elasticsearch client), an index
prefix of its own per test worker and flavour, and a fresh index per test."""

import os

import pytest

# tests.search.engine_fixtures is imported lazily: test_engine_smoke loads it as a
# plugin, and pytest can only rewrite its asserts if nothing imported it first.


@pytest.fixture(scope="session")
def search_engine_url() -> str:
    from opensearchpy import OpenSearch

    from tests.search.engine_fixtures import require_engine

    url = require_engine()
    yield url
    client = OpenSearch(hosts=[url], timeout=30)
    for flavour in ("opensearch", "elasticsearch"):
        delete_indices(client, index_prefix(flavour))
    client.close()


@pytest.fixture(scope="session")
def search_engine_proxy_url(search_engine_url):
    """The Elasticsearch client's way to the OpenSearch node."""
    from tests.search.es_compat_proxy import EsCompatProxy

    with EsCompatProxy(search_engine_url) as proxy:
        yield proxy.url


def index_prefix(flavour: str) -> str:
    # The process id keeps two test runs sharing one node apart too.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    return f"test-{worker}-{os.getpid()}-{flavour}".lower()


def delete_indices(client, prefix: str) -> None:
    """Remove every index of ``prefix`` (their alias goes with them)."""
    names = list(client.indices.get(index=f"{prefix}-documents*", expand_wildcards="all"))
    if names:
        client.indices.delete(index=",".join(names), ignore_unavailable=True)


def engine_under_test(flavour: str, settings, url: str):
    """Point the settings at the engine for ``flavour`` and return a ``refresh()``
    that pushes the pending rows and makes them searchable."""
    from search.sync import engine_backend, engine_sync_pending

    settings.PORTAL_SEARCH_BACKEND = "engine"
    settings.SEARCH_ENGINE_FLAVOUR = flavour
    settings.SEARCH_ENGINE_URLS = url
    settings.SEARCH_ENGINE_INDEX_PREFIX = index_prefix(flavour)
    settings.SEARCH_ENGINE_TIMEOUT = 30
    backend = engine_backend()
    # A fresh index per test: rows of earlier tests (rolled back, their ids
    # reused) must not linger, nor their versions.
    delete_indices(backend.client, backend.config.index_prefix)

    def refresh():
        engine_sync_pending(backend=backend)
        backend.index.refresh()

    return refresh
