"""Engine settings, read at call time (settings first, then the environment) so
tests and management commands can point the backend elsewhere.

``SEARCH_ENGINE_FLAVOUR``      "opensearch" (default) or "elasticsearch"
``SEARCH_ENGINE_URLS``         comma-separated node URLs (``SEARCH_ENGINE_URL`` is accepted too)
``SEARCH_ENGINE_USERNAME``/``SEARCH_ENGINE_PASSWORD``, ``SEARCH_ENGINE_API_KEY``
``SEARCH_ENGINE_CA_CERTS``, ``SEARCH_ENGINE_VERIFY_CERTS`` (default true)
``SEARCH_ENGINE_CLIENT_CERT``/``SEARCH_ENGINE_CLIENT_KEY``: for clusters that require client certificates
``SEARCH_ENGINE_INDEX_PREFIX`` (default "portal"): the alias is ``<prefix>-documents``
``SEARCH_ENGINE_SHARDS`` (1), ``SEARCH_ENGINE_REPLICAS`` (0), ``SEARCH_ENGINE_TIMEOUT`` (seconds, 10)
"""

import os
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_URL = "http://127.0.0.1:9200"
FLAVOURS = ("opensearch", "elasticsearch")


def _setting(name: str, default=None):
    value = getattr(settings, name, None)
    if value is None or value == "":
        value = os.environ.get(name)
    return default if value is None or value == "" else value


def _flag(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() not in ("0", "false", "no", "off")


def _urls(value) -> tuple[str, ...]:
    items = value if isinstance(value, list | tuple) else str(value).split(",")
    return tuple(item.strip().rstrip("/") for item in items if item and item.strip())


@dataclass(frozen=True)
class EngineConfig:
    flavour: str
    urls: tuple[str, ...]
    username: str
    password: str
    api_key: str
    ca_certs: str
    verify_certs: bool
    index_prefix: str
    shards: int
    replicas: int
    timeout: float
    client_cert: str = ""
    client_key: str = ""

    @property
    def alias(self) -> str:
        """The name searches and updates use; it points at one timestamped index."""
        return f"{self.index_prefix}-documents"


def engine_config() -> EngineConfig:
    flavour = str(_setting("SEARCH_ENGINE_FLAVOUR", "opensearch")).strip().lower()
    if flavour not in FLAVOURS:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE_FLAVOUR must be one of {', '.join(FLAVOURS)}, not {flavour!r}"
        )
    urls = _urls(_setting("SEARCH_ENGINE_URLS") or _setting("SEARCH_ENGINE_URL", DEFAULT_URL))
    try:
        shards = int(_setting("SEARCH_ENGINE_SHARDS", 1))
        replicas = int(_setting("SEARCH_ENGINE_REPLICAS", 0))
        timeout = float(_setting("SEARCH_ENGINE_TIMEOUT", 10))
    except (TypeError, ValueError) as error:
        raise ImproperlyConfigured(f"Invalid search engine setting: {error}") from error
    return EngineConfig(
        flavour=flavour,
        urls=urls or (DEFAULT_URL,),
        username=str(_setting("SEARCH_ENGINE_USERNAME", "")),
        password=str(_setting("SEARCH_ENGINE_PASSWORD", "")),
        api_key=str(_setting("SEARCH_ENGINE_API_KEY", "")),
        ca_certs=str(_setting("SEARCH_ENGINE_CA_CERTS", "")),
        verify_certs=_flag(_setting("SEARCH_ENGINE_VERIFY_CERTS", True)),
        index_prefix=str(_setting("SEARCH_ENGINE_INDEX_PREFIX", "portal")).strip().lower() or "portal",
        shards=max(shards, 1),
        replicas=max(replicas, 0),
        timeout=max(timeout, 0.5),
        client_cert=str(_setting("SEARCH_ENGINE_CLIENT_CERT", "")),
        client_key=str(_setting("SEARCH_ENGINE_CLIENT_KEY", "")),
    )
