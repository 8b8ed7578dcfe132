"""The two client flavours. Each supplies a client and the DSL module it ships
with (``elasticsearch.dsl`` or ``opensearchpy``'s fork of elasticsearch-dsl);
everything else is written once against the shape they share."""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from search.backends.engine.config import EngineConfig

OPENSEARCH = "opensearch"
ELASTICSEARCH = "elasticsearch"


@dataclass(frozen=True)
class Flavour:
    name: str
    dsl: SimpleNamespace
    streaming_bulk: object
    scan: object
    # Errors meaning "the engine cannot answer now" (network, timeouts).
    connection_errors: tuple[type[Exception], ...]
    # Errors with an HTTP status from the engine.
    api_errors: tuple[type[Exception], ...]
    make_client: object

    def client(self, config: EngineConfig):
        return self.make_client(config)

    @staticmethod
    def status(error: Exception) -> int | None:
        """The HTTP status of an engine error, whichever client raised it."""
        meta = getattr(error, "meta", None)
        status = getattr(meta, "status", None) if meta is not None else None
        if status is None:
            status = getattr(error, "status_code", None)
        return status if isinstance(status, int) else None


def _secure(config: EngineConfig) -> bool:
    return any(url.startswith("https://") for url in config.urls)


def _tls_options(config: EngineConfig) -> dict:
    """Certificate options, which both clients name alike; none for plain HTTP."""
    if not _secure(config):
        return {}
    options = {"verify_certs": config.verify_certs}
    names = {"ca_certs": config.ca_certs, "client_cert": config.client_cert, "client_key": config.client_key}
    options.update({name: value for name, value in names.items() if value})
    return options


def _opensearch_client(config: EngineConfig):
    from opensearchpy import OpenSearch

    options = {"timeout": config.timeout, "max_retries": 1, "retry_on_timeout": False}
    if config.username:
        options["http_auth"] = (config.username, config.password)
    if config.api_key:
        options["headers"] = {"Authorization": f"ApiKey {config.api_key}"}
    options.update(_tls_options(config))
    return OpenSearch(hosts=list(config.urls), **options)


def _elasticsearch_client(config: EngineConfig):
    from elasticsearch import Elasticsearch

    options = {"request_timeout": config.timeout, "max_retries": 1, "retry_on_timeout": False}
    if config.username:
        options["basic_auth"] = (config.username, config.password)
    if config.api_key:
        options["api_key"] = config.api_key
    options.update(_tls_options(config))
    return Elasticsearch(hosts=list(config.urls), **options)


def _dsl(module) -> SimpleNamespace:
    names = ("Search", "Q", "A", "Index", "Mapping", "analyzer", "tokenizer", "token_filter")
    return SimpleNamespace(**{name: getattr(module, name) for name in names})


def opensearch_flavour() -> Flavour:
    import opensearchpy
    from opensearchpy import exceptions, helpers

    return Flavour(
        name=OPENSEARCH,
        dsl=_dsl(opensearchpy),
        streaming_bulk=helpers.streaming_bulk,
        scan=helpers.scan,
        connection_errors=(exceptions.ConnectionError, exceptions.ConnectionTimeout),
        api_errors=(exceptions.TransportError,),
        make_client=_opensearch_client,
    )


def elasticsearch_flavour() -> Flavour:
    import elastic_transport
    from elasticsearch import ApiError, dsl, helpers

    return Flavour(
        name=ELASTICSEARCH,
        dsl=_dsl(dsl),
        streaming_bulk=helpers.streaming_bulk,
        scan=helpers.scan,
        connection_errors=(elastic_transport.TransportError,),
        api_errors=(ApiError,),
        make_client=_elasticsearch_client,
    )


def get_flavour(name: str) -> Flavour:
    return {OPENSEARCH: opensearch_flavour, ELASTICSEARCH: elasticsearch_flavour}[name]()
