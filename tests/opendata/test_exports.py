"""Exports of listings: every page of what the listing shows its reader, as CSV
(safe to open in a spreadsheet) or JSON, streamed, with a link beside the results."""

import csv
import io
import json

import pytest

from knowledge.models import PolicyBriefPage
from portal.opendata.exports import plain_cell
from tests.opendata.conftest import PARTNER, session_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def _body(response):
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def _csv_rows(response):
    return list(csv.DictReader(io.StringIO(_body(response).lstrip("\ufeff"))))


def _json_items(response):
    return json.loads(_body(response))["items"]


@pytest.mark.parametrize(
    ("listing", "kind"),
    [
        ("/en/policy-briefs/", "briefs"),
        ("/fr/lessons-learned/", "lessons"),
        ("/ar/joint-actions/", "joint-actions"),
    ],
)
@pytest.mark.parametrize("query", ["", "?theme=health", "?country=JO&partner=iom"])
def test_an_export_holds_every_page_of_the_listing(listing, kind, query):
    client = session_client()
    # The link beside the results leaves out the page number: the export is every page.
    page = client.get(listing + query + ("&" if query else "?") + "page=1")
    expected = page.context["page_obj"].paginator.count
    language = listing.split("/")[1]
    export_address = f"/{language}/opendata/export/{kind}.csv{query}"
    assert export_address.replace("&", "&amp;") in page.content.decode() or not expected
    assert len(_csv_rows(client.get(export_address))) == expected
    assert len(_json_items(client.get(export_address.replace(".csv", ".json")))) == expected


def test_exports_follow_the_readers_audience(restricted):
    brief = restricted["group_brief"]
    anonymous = {row["id"] for row in _csv_rows(session_client().get("/en/opendata/export/briefs.csv"))}
    partner = {row["id"] for row in _csv_rows(session_client(PARTNER).get("/en/opendata/export/briefs.csv"))}
    assert str(brief.pk) not in anonymous and str(brief.pk) in partner


def test_search_and_partner_exports_match_their_pages():
    client = session_client()
    results = client.get("/en/search/?q=migrant").context["results"]
    assert results.total > 0
    rows = _json_items(client.get("/en/opendata/export/search.json?q=migrant"))
    assert len(rows) == results.total
    assert {row["title"] for row in rows} >= {hit.title for hit in results.hits}
    partners = client.get("/en/partners/")
    assert "/en/opendata/export/partners.csv" in partners.content.decode()
    assert len(_csv_rows(client.get("/en/opendata/export/partners.csv"))) == len(
        partners.context["organisations"]
    )
    assert (
        _body(client.get("/en/opendata/export/search.csv")).strip("\ufeff\r\n")
        == "type,title,url,language,date,organisations"
    )


def test_csv_cells_never_start_a_formula():
    brief = PolicyBriefPage.objects.live().filter(locale__language_code="en").first()
    brief.title = '=HYPERLINK("http://evil.example","click")'
    brief.summary = "@SUM(1+1)"
    brief.save_revision().publish()
    row = next(
        row
        for row in _csv_rows(session_client().get("/en/opendata/export/briefs.csv"))
        if row["id"] == str(brief.pk)
    )
    assert row["title"] == "'" + brief.title
    assert row["summary"] == "'@SUM(1+1)"
    assert [plain_cell(value) for value in ("+1", "-1", "\t=1", "plain", None, ["=a", "b"])] == [
        "'+1",
        "'-1",
        "'\t=1",
        "plain",
        "",
        "'=a; b",
    ]


@pytest.mark.parametrize("address", ["/en/opendata/export/nothing.csv", "/en/opendata/export/briefs.xlsx"])
def test_unknown_exports_are_not_found(address):
    assert session_client().get(address).status_code == 404


def test_exports_are_never_kept_by_a_shared_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    response = session_client().get("/en/opendata/export/briefs.csv")
    assert "private" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
