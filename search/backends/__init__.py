"""The search backend registry.

``PORTAL_SEARCH_BACKEND`` (setting, else environment variable) names the backend:
"database" (the default: SQLite FTS5 or PostgreSQL full text, no service needed)
or "engine" (Elasticsearch/OpenSearch). Each backend module exposes a
``SearchBackend`` class implementing ``search.backends.base.BaseSearchBackend``.

When the engine cannot be reached (it raises ``SearchBackendUnavailable``), the
registry answers from the database backend and flags ``results.fallback`` so the
page can say so.
"""

import logging
import os

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from search.backends.base import BaseSearchBackend, SearchBackendUnavailable

logger = logging.getLogger(__name__)

DATABASE = "database"
ENGINE = "engine"
BACKEND_MODULES = {
    DATABASE: "search.backends.database",
    ENGINE: "search.backends.engine",
}

_instances: dict[str, BaseSearchBackend] = {}


def backend_name() -> str:
    """The configured backend's name, read at call time so tests can override it."""
    name = getattr(settings, "PORTAL_SEARCH_BACKEND", None) or os.environ.get("PORTAL_SEARCH_BACKEND")
    name = (name or DATABASE).strip().lower()
    if name not in BACKEND_MODULES:
        logger.error("Unknown PORTAL_SEARCH_BACKEND %r; using the database backend.", name)
        return DATABASE
    return name


def engine_configured() -> bool:
    """Whether an external engine mirrors the search rows (so removals keep tombstones)."""
    return backend_name() == ENGINE


def load_backend(name: str) -> BaseSearchBackend:
    """One backend by name, without fallback (cached until settings change)."""
    if name not in _instances:
        backend_class = import_string(f"{BACKEND_MODULES[name]}.SearchBackend")
        _instances[name] = backend_class()
    return _instances[name]


class FallbackBackend(BaseSearchBackend):
    """The engine, answered for by the database backend while it is unreachable."""

    def __init__(self, primary: BaseSearchBackend, fallback: BaseSearchBackend):
        self.primary = primary
        self.fallback = fallback
        self.name = primary.name

    def search(self, query):
        try:
            return self.primary.search(query)
        except SearchBackendUnavailable:
            # The engine backend logs the outage once, when it starts.
            results = self.fallback.search(query)
            results.fallback = True
            return results

    def autocomplete(self, text, *, scopes, limit=8, language=""):
        try:
            return self.primary.autocomplete(text, scopes=scopes, limit=limit, language=language)
        except SearchBackendUnavailable:
            return self.fallback.autocomplete(text, scopes=scopes, limit=limit, language=language)

    def index_documents(self, documents):
        return self.primary.index_documents(documents)

    def delete_documents(self, keys):
        return self.primary.delete_documents(keys)

    def rebuild(self, documents, *, stdout=None):
        return self.primary.rebuild(documents, stdout=stdout)

    def documents_changed(self, keys):
        return self.primary.documents_changed(keys)


def get_backend(name: str | None = None) -> BaseSearchBackend:
    """The backend to search with: the configured one, or ``name``. An engine is
    wrapped so that an outage falls back to the database backend."""
    name = name or backend_name()
    backend = load_backend(name)
    if name == DATABASE:
        return backend
    return FallbackBackend(backend, load_backend(DATABASE))


@receiver(setting_changed)
def _forget_backends(*, setting, **kwargs):
    if setting == "PORTAL_SEARCH_BACKEND" or setting.startswith("SEARCH_ENGINE"):
        _instances.clear()
