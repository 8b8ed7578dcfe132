"""The Elasticsearch/OpenSearch backend, written once for both clients."""

from search.backends.engine.backend import EngineSearchBackend

SearchBackend = EngineSearchBackend

__all__ = ["EngineSearchBackend", "SearchBackend"]
