"""A test-only reverse proxy that lets the Elasticsearch 9 Python client talk to OpenSearch.

The ``elasticsearch`` client (v9) refuses a server whose responses lack the
``X-Elastic-Product: Elasticsearch`` header, and it sends versioned vendor media
types that OpenSearch answers with 406. This proxy sits on 127.0.0.1 in front of
an OpenSearch node and changes exactly these things, nothing else:

1. Request headers ``Content-Type`` and ``Accept``: every
   ``application/vnd.elasticsearch+<type>; compatible-with=<n>`` becomes
   ``application/<type>``, i.e. ``application/json`` for ordinary requests and
   ``application/x-ndjson`` for bulk and multi-search bodies.
2. Every response gets the header ``X-Elastic-Product: Elasticsearch``.

Request and response bodies, status codes, the root ``GET /`` response (its
``version.number`` stays the OpenSearch version: the client does not check it)
and all other headers pass through unchanged, apart from the hop-by-hop headers
that any proxy must drop (Connection, Transfer-Encoding, ...); a response body is
re-sent with its Content-Length. When OpenSearch cannot be reached the proxy
closes the client's connection without an answer, so the client sees the same
connection error it would see talking to a stopped server.

Usage from tests::

    with EsCompatProxy("http://127.0.0.1:9200") as proxy:
        client = Elasticsearch(proxy.url)

or ``proxy = EsCompatProxy(upstream).start()`` ... ``proxy.stop()``. By hand::

    python tests/search/es_compat_proxy.py --upstream http://127.0.0.1:9200 --port 9201
"""

from __future__ import annotations

import argparse
import http.client
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

VENDOR_MEDIA_TYPE = re.compile(
    r"application/vnd\.elasticsearch\+([A-Za-z0-9.+-]+)(\s*;\s*compatible-with\s*=\s*\d+)?",
    re.IGNORECASE,
)
REWRITTEN_REQUEST_HEADERS = ("content-type", "accept")
PRODUCT_HEADER = ("X-Elastic-Product", "Elasticsearch")
HOP_BY_HOP_HEADERS = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)
UPSTREAM_TIMEOUT_SECONDS = 120


def plain_media_type(value: str) -> str:
    """``application/vnd.elasticsearch+json; compatible-with=9`` -> ``application/json``."""
    return VENDOR_MEDIA_TYPE.sub(lambda match: f"application/{match.group(1)}", value)


class _ProxyHandler(BaseHTTPRequestHandler):
    # HTTP/1.1 keeps the client's pooled connections open between requests.
    protocol_version = "HTTP/1.1"
    server: _ProxyServer

    def do_GET(self):
        self._forward()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET

    def _forward(self):
        body = self._read_body()
        headers = {}
        for name, value in self.headers.items():
            lowered = name.lower()
            if lowered in HOP_BY_HOP_HEADERS or lowered in ("host", "content-length"):
                continue
            headers[name] = plain_media_type(value) if lowered in REWRITTEN_REQUEST_HEADERS else value
        if body is not None:
            headers["Content-Length"] = str(len(body))

        upstream = http.client.HTTPConnection(
            self.server.upstream_host, self.server.upstream_port, timeout=UPSTREAM_TIMEOUT_SECONDS
        )
        try:
            upstream.request(
                self.command, self.server.upstream_prefix + self.path, body=body, headers=headers
            )
            response = upstream.getresponse()
            payload = response.read()
        except OSError:
            self.close_connection = True
            return
        finally:
            upstream.close()

        self.send_response_only(response.status, response.reason)
        for name, value in response.getheaders():
            lowered = name.lower()
            if lowered in HOP_BY_HOP_HEADERS:
                continue
            # A HEAD answer announces the length of the body a GET would return; keep it.
            if lowered == "content-length" and self.command != "HEAD":
                continue
            self.send_header(name, value)
        if self.command != "HEAD":
            self.send_header("Content-Length", str(len(payload)))
        self.send_header(*PRODUCT_HEADER)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def _read_body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip(), 16)
                if size == 0:
                    # Skip any trailer lines up to the blank line that ends the body.
                    while self.rfile.readline().strip():
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = self.headers.get("Content-Length")
        return self.rfile.read(int(length)) if length else None

    def log_message(self, format, *args):
        if self.server.verbose:
            super().log_message(format, *args)


class _ProxyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, upstream: str, verbose: bool):
        parts = urlsplit(upstream)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"upstream must be an http:// URL, got {upstream!r}")
        self.upstream_host = parts.hostname
        self.upstream_port = parts.port or 80
        self.upstream_prefix = parts.path.rstrip("/")
        self.verbose = verbose
        super().__init__(address, _ProxyHandler)


class EsCompatProxy:
    """The proxy in a background thread. ``port=0`` picks a free port; ``url`` tells which."""

    def __init__(self, upstream: str, *, host: str = "127.0.0.1", port: int = 0, verbose: bool = False):
        self.upstream = upstream
        self._address = (host, port)
        self._verbose = verbose
        self._server: _ProxyServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the proxy is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> EsCompatProxy:
        if self._server is not None:
            return self
        self._server = _ProxyServer(self._address, self.upstream, self._verbose)
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="es-compat-proxy", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
        self._server = None
        self._thread = None

    def __enter__(self) -> EsCompatProxy:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--upstream", default="http://127.0.0.1:9200", help="OpenSearch URL")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=int, default=9201, help="port to listen on (0: any free port)")
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    options = parser.parse_args(argv)

    proxy = EsCompatProxy(options.upstream, host=options.host, port=options.port, verbose=not options.quiet)
    proxy.start()
    print(
        f"Elasticsearch-compatible proxy on {proxy.url} -> {options.upstream} (Ctrl-C stops it)", flush=True
    )
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        proxy.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
