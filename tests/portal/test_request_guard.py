"""Requests the portal cannot read get a 400 and the error page, once, before any view
or database lookup; the error pages themselves never read the body again."""

import logging

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def csrf_client():
    """A browser with a CSRF cookie, checked as in production."""
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    return client


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        (f"{FORM}; charset=latin-1", b"title=caf\xe9"),
        (f"{FORM}; charset=utf-16", "title=x".encode("utf-16")),
        (f"{FORM}; charset=no-such-charset", b"title=x"),
        ("application/json; charset=no-such-charset", b"{}"),
        ("multipart/form-data", b"--x\r\n\xff\xfe"),
        ("multipart/form-data; boundary=" + "b" * 300, b"--b\r\n"),
        (FORM, b"title=a%00b"),
        (FORM, b"body=" + b"x" * 3_000_000),
        (FORM, b"&".join(b"f%d=1" % n for n in range(10_050))),
    ],
    ids=[
        "latin-1 form",
        "utf-16 form",
        "unknown charset form",
        "unknown charset JSON",
        "multipart without boundary",
        "multipart overlong boundary",
        "NUL in a field",
        "field beyond the upload limit",
        "too many fields",
    ],
)
@pytest.mark.parametrize("address", ["/en/", "/en/forums/", "/en/accounts/login/", "/no/such/address/"])
def test_unreadable_bodies_get_a_400_before_any_query(csrf_client, address, content_type, body, caplog):
    with CaptureQueriesContext(connection) as queries, caplog.at_level(logging.WARNING):
        response = csrf_client.generic("POST", address, body, content_type)
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()
    assert len(queries) == 0
    # One line in the log, not a traceback per re-read of the body.
    assert len(caplog.records) == 1


@pytest.mark.parametrize(
    "address",
    [
        "/en/accounts/oidc/%00/login/",
        "/en/forums/%00/",
        "/en/forums/a%0db/",
        "/en/partners/%ff%fe/",
        "/en/search/?q=%00",
        "/en/search/?q=%ff%fe",
    ],
)
def test_unreadable_addresses_get_a_400_before_any_query(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 400
    assert len(queries) == 0


def test_a_readable_form_still_reaches_the_view(client):
    response = client.post("/en/search/", {"q": "health"})
    assert response.status_code == 405
    response = client.post("/en/accounts/login/", {"login": "nobody@example.org", "password": "x"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode() or "not correct" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Page not found"), ("ar", "الصفحة غير موجودة"), ("fr", "Page introuvable")],
)
def test_the_404_page_speaks_the_language_of_the_address(client, language, heading):
    response = client.get(f"/{language}/forums/no-such-forum/")
    content = response.content.decode()
    assert response.status_code == 404
    assert f"<h1>{heading}</h1>" in content
    assert f'lang="{language}"' in content
    assert f'href="/{language}/"' in content


def test_a_failed_csrf_check_explains_what_to_do(csrf_client):
    response = csrf_client.post("/en/accounts/login/", {"login": "a@example.org", "password": "x"})
    assert response.status_code == 403
    assert "reload the page" in response.content.decode()


def test_the_500_page_needs_no_database(client, settings):
    settings.ROOT_URLCONF = "tests.portal.failing_urls"
    client.raise_request_exception = False
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/fail/")
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert len(queries) == 0
