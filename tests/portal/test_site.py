import gzip

import pytest

pytestmark = pytest.mark.django_db


def test_root_redirects_to_a_language(client, home_page):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_home_page_renders_with_security_headers(client, home_page):
    response = client.get("/en/")
    assert response.status_code == 200
    assert b'<html lang="en" dir="ltr">' in response.content
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_partner_profile_and_unknown_partner(client, home_page, organisation):
    assert client.get(f"/en/partners/{organisation.slug}/").status_code == 200
    assert client.get("/en/partners/no-such-partner/").status_code == 404


def test_robots_txt_points_to_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert b"Sitemap: http://testserver/sitemap.xml" in response.content


def test_pages_are_compressed_for_clients_that_accept_it(client, home_page):
    plain = client.get("/en/")
    compressed = client.get("/en/", headers={"accept-encoding": "gzip, br"})

    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
