"""The language switcher, hreflang alternates and the original offered where a page
has no translation, read through real responses."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {
        code: (href, "aria-current" in tag)
        for tag, href, code in re.findall(r'(<a href="([^"]*)" hreflang="([a-z]+)"[^>]*>)', nav)
    }


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">', html))


def test_switcher_on_a_page_links_to_each_translation_or_the_original(client, site_pages):
    html = client.get("/ar/health/").content.decode()
    links = switcher_links(html)
    assert links["en"] == ("/en/health/", False)
    assert links["ar"] == ("/ar/health/", True)
    assert links["fr"] == (f"/fr/original/{site_pages['health_en'].pk}/", False)
    assert '<html lang="ar" dir="rtl">' in html


def test_switcher_links_carry_their_language(client, site_pages):
    html = client.get("/en/").content.decode()
    assert '<a href="/ar/" hreflang="ar" lang="ar" dir="rtl">العربيّة</a>' in html
    assert 'hreflang="en" lang="en" dir="ltr" aria-current="true">English</a>' in html


def test_switcher_on_other_views_keeps_path_and_query(client, site_pages):
    links = switcher_links(client.get("/fr/partners/?page=2").content.decode())
    assert links == {
        "en": ("/en/partners/?page=2", False),
        "ar": ("/ar/partners/?page=2", False),
        "fr": ("/fr/partners/?page=2", True),
    }


def test_alternates_list_only_existing_translations(client, site_pages):
    html = client.get("/en/health/").content.decode()
    assert alternates(html) == {
        "en": "http://testserver/en/health/",
        "ar": "http://testserver/ar/health/",
        "x-default": "http://testserver/en/health/",
    }
    assert '<link rel="canonical" href="http://testserver/en/health/">' in html


def test_alternates_of_a_view_cover_every_language(client, site_pages):
    html = client.get("/ar/partners/").content.decode()
    assert alternates(html) == {
        "en": "http://testserver/en/partners/",
        "ar": "http://testserver/ar/partners/",
        "fr": "http://testserver/fr/partners/",
        "x-default": "http://testserver/en/partners/",
    }
    assert '<link rel="canonical" href="http://testserver/ar/partners/">' in html


def test_original_is_offered_in_the_interface_language_when_untranslated(client, site_pages):
    labour = site_pages["labour_en"]
    response = client.get(f"/ar/original/{labour.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>Labour</h1>" in html
    # Search engines are sent to the original's own address.
    assert '<link rel="canonical" href="http://testserver/en/labour/">' in html
    assert switcher_links(html)["ar"] == (f"/ar/original/{labour.pk}/", True)


def test_original_address_goes_to_the_translation_when_there_is_one(client, site_pages):
    response = client.get(f"/ar/original/{site_pages['health_en'].pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/health/"


@pytest.mark.parametrize("page_id", ["1", "999999"])
def test_original_address_of_unknown_or_root_page_is_not_found(client, site_pages, page_id):
    assert client.get(f"/ar/original/{page_id}/").status_code == 404


def test_original_of_a_draft_is_not_shown(client, site_pages):
    labour = site_pages["labour_en"]
    labour.unpublish()
    assert client.get(f"/ar/original/{labour.pk}/").status_code == 404


def test_original_address_refuses_writes(client, site_pages):
    assert client.post(f"/ar/original/{site_pages['labour_en'].pk}/").status_code == 405


def test_original_offered_is_the_default_language_version(client, site_pages):
    # Asked through the Arabic page, the French reader is offered the English text.
    response = client.get(f"/fr/original/{site_pages['health_ar'].pk}/")
    assert response.status_code == 200
    assert "<h1>Health</h1>" in response.content.decode()


def test_translations_are_looked_up_once_per_response(client, site_pages):
    # The switcher, the alternates and the page's notices share one lookup, made by
    # the query that finds the page.
    client.get("/ar/health/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/ar/health/")
    assert response.status_code == 200
    lookups = [
        query["sql"]
        for query in captured.captured_queries
        if '"translation_key" IN (SELECT' in query["sql"] and '"url_path" IN' in query["sql"]
    ]
    assert len(lookups) == 1
    elsewhere = [query["sql"] for query in captured.captured_queries if '"live") ORDER BY' in query["sql"]]
    assert elsewhere == []
    assert 'hreflang="en"' in response.content.decode()


def test_pages_say_where_else_they_can_be_read(client, site_pages):
    html = client.get("/en/health/").content.decode()
    assert '<p class="also-available">' in html
    assert '<a href="/ar/health/" hreflang="ar" lang="ar" dir="rtl">العربيّة</a>' in html
    original = client.get(f"/fr/original/{site_pages['labour_en'].pk}/").content.decode()
    assert 'class="notice notice--language" role="note"' in original
    assert 'class="notice notice--language"' not in client.get("/en/labour/").content.decode()
