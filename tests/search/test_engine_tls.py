"""The engine clients speak TLS as a managed cluster asks: they check the node's
certificate against SEARCH_ENGINE_CA_CERTS and present SEARCH_ENGINE_CLIENT_CERT
and SEARCH_ENGINE_CLIENT_KEY when the node requires a client certificate.

The local node has no security plugin (it is not on Maven Central), so the node
here is a small HTTPS server on 127.0.0.1 that requires a client certificate and
answers the info request: the handshake is real, the search is not.
"""

import datetime
import ipaddress
import json
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from search.sync import engine_backend

CLUSTER_NAME = "tls-check"


def _name(common_name):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _certificate(subject, key, issuer, issuer_key, *, ca=False, ip=None):
    now = datetime.datetime.now(datetime.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if ip:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(ip))]), critical=False
        )
    return builder.sign(issuer_key, hashes.SHA256())


def _write(path, key, certificate):
    path.with_suffix(".crt").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    path.with_suffix(".key").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return str(path.with_suffix(".crt")), str(path.with_suffix(".key"))


@pytest.fixture
def pki(tmp_path):
    """A certificate authority, the node's certificate for 127.0.0.1 and a client's."""
    ca_key, node_key, client_key = (ec.generate_private_key(ec.SECP256R1()) for _ in range(3))
    ca = _certificate("Portal test CA", ca_key, "Portal test CA", ca_key, ca=True)
    files = {"ca": _write(tmp_path / "ca", ca_key, ca)[0]}
    files["node"] = _write(
        tmp_path / "node", node_key, _certificate("node", node_key, "Portal test CA", ca_key, ip="127.0.0.1")
    )
    files["client"] = _write(
        tmp_path / "client", client_key, _certificate("portal-client", client_key, "Portal test CA", ca_key)
    )
    return files


class InfoHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        client = dict(item[0] for item in self.request.getpeercert()["subject"])
        body = json.dumps(
            {
                "name": "tls-node",
                "cluster_name": CLUSTER_NAME,
                "client": client["commonName"],
                "version": {"distribution": "opensearch", "number": "3.9.0"},
                "tagline": "The OpenSearch Project: https://opensearch.org/",
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        # The Elasticsearch client refuses answers without its product header.
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def tls_node(pki):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*pki["node"])
    context.load_verify_locations(pki["ca"])
    context.verify_mode = ssl.CERT_REQUIRED
    server = ThreadingHTTPServer(("127.0.0.1", 0), InfoHandler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# Ids of their own: these tests reach no engine, so the per-backend count leaves them out.
@pytest.fixture(params=["opensearch", "elasticsearch"], ids=["opensearch_client", "elasticsearch_client"])
def tls_settings(request, settings, tls_node, pki):
    settings.PORTAL_SEARCH_BACKEND = "engine"
    settings.SEARCH_ENGINE_FLAVOUR = request.param
    settings.SEARCH_ENGINE_URLS = tls_node
    settings.SEARCH_ENGINE_TIMEOUT = 5
    settings.SEARCH_ENGINE_CA_CERTS = pki["ca"]
    settings.SEARCH_ENGINE_CLIENT_CERT, settings.SEARCH_ENGINE_CLIENT_KEY = pki["client"]
    return settings


def test_the_client_checks_the_node_and_presents_its_certificate(tls_settings):
    info = engine_backend().client.info()
    assert (info["cluster_name"], info["client"]) == (CLUSTER_NAME, "portal-client")


def test_without_a_client_certificate_the_node_refuses_the_connection(tls_settings):
    tls_settings.SEARCH_ENGINE_CLIENT_CERT = tls_settings.SEARCH_ENGINE_CLIENT_KEY = ""
    backend = engine_backend()
    with pytest.raises(backend.flavour.connection_errors):
        backend.client.info()


def test_a_node_certificate_from_another_authority_is_refused(tls_settings, tmp_path):
    other_key = ec.generate_private_key(ec.SECP256R1())
    other = _certificate("Another CA", other_key, "Another CA", other_key, ca=True)
    tls_settings.SEARCH_ENGINE_CA_CERTS = _write(tmp_path / "other", other_key, other)[0]
    backend = engine_backend()
    with pytest.raises(backend.flavour.connection_errors):
        backend.client.info()
