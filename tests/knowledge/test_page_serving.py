"""Pages are found by their address in two queries whatever their depth, and answer
exactly as Wagtail's level-by-level walk would: drafts and unknown addresses are
404, a live page under a draft section is served, each language keeps its own tree."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from tests.knowledge.factories import PolicyBriefPageFactory

pytestmark = pytest.mark.django_db


def _route_queries(client, url) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    routing = [query for query in context.captured_queries if '"url_path" IN' in query["sql"]]
    return response.status_code, len(routing)


def test_a_live_page_is_found_in_its_own_language(client, indexes):
    english = PolicyBriefPageFactory(
        parent=indexes["en"]["briefs"], title="Clinic hours", slug="clinic-hours"
    )
    arabic = PolicyBriefPageFactory(
        parent=indexes["ar"]["briefs"], title="ساعات العيادة", slug="clinic-hours"
    )

    assert client.get(english.url).context["page"].pk == english.pk
    response = client.get(arabic.url)
    assert response.status_code == 200
    assert response.context["page"].pk == arabic.pk
    assert response.context["page"].locale.language_code == "ar"


def test_drafts_unknown_addresses_and_extra_segments_are_not_found(client, indexes):
    draft = PolicyBriefPageFactory(parent=indexes["en"]["briefs"], slug="draft-brief", live=False)
    live = PolicyBriefPageFactory(parent=indexes["en"]["briefs"], slug="live-brief")

    assert client.get(draft.url or "/en/policy-briefs/draft-brief/").status_code == 404
    assert client.get("/en/policy-briefs/no-such-brief/").status_code == 404
    assert client.get(live.url + "more/").status_code == 404
    assert client.get("/en/no-such-section/live-brief/").status_code == 404


def test_a_live_page_under_a_draft_section_is_served_as_wagtail_would(client, indexes):
    section = indexes["en"]["briefs"]
    brief = PolicyBriefPageFactory(parent=section, slug="still-public")
    Page.objects.filter(pk=section.pk).update(live=False)

    assert client.get("/en/policy-briefs/").status_code == 404
    assert client.get("/en/policy-briefs/still-public/").context["page"].pk == brief.pk


def test_finding_a_page_costs_the_same_at_every_depth(client, indexes):
    brief = PolicyBriefPageFactory(parent=indexes["en"]["briefs"])
    client.get(brief.url)

    assert _route_queries(client, indexes["en"]["briefs"].url) == (200, 1)
    assert _route_queries(client, brief.url) == (200, 1)
    assert _route_queries(client, "/en/policy-briefs/no-such-brief/")[0] == 404


def test_restrictions_found_once_still_turn_readers_away(client, indexes):
    brief = PolicyBriefPageFactory(parent=indexes["en"]["briefs"])
    PageViewRestriction.objects.create(
        page=indexes["en"]["briefs"], restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(brief.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=/en/policy-briefs/")
    assert list(brief.get_view_restrictions().values_list("page_id", flat=True)) == [
        indexes["en"]["briefs"].pk
    ]


def test_wagtails_own_sign_in_form_leads_to_the_portals(client, db):
    response = client.get("/en/_util/login/?next=/en/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/"
