"""The index pages: the reading rule across languages, each filter, combined
filters, bad values and pagination, all through the address."""

import datetime

import pytest

from tests.knowledge.factories import JointActionPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [item.title for item in response.context["items"]]


def test_english_index_lists_english_versions_and_pages_only_in_other_languages(client, library):
    response = client.get("/en/policy-briefs/")
    assert response.status_code == 200
    # The reader's language first, then the originals of pages not translated into it.
    assert titles(response) == [
        "Fair recruitment",
        "Clinics for everyone",
        "التماسك في المجالس البلدية",
        "Guichets uniques pour l'emploi",
    ]
    html = response.content.decode()
    assert "عيادات للجميع" not in html  # the Arabic translation of an English brief
    assert "In Arabic" in html and "In French" in html
    assert '<article lang="ar">' in html and '<article lang="fr">' in html


def test_arabic_index_prefers_the_arabic_translation(client, library):
    response = client.get("/ar/policy-briefs/")
    assert titles(response) == [
        "التماسك في المجالس البلدية",
        "عيادات للجميع",
        "Fair recruitment",
        "Guichets uniques pour l'emploi",
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=health", ["Clinics for everyone", "التماسك في المجالس البلدية"]),
        ("country=jo", ["Clinics for everyone", "Guichets uniques pour l'emploi"]),
        ("country=JO", ["Clinics for everyone", "Guichets uniques pour l'emploi"]),
        ("partner=iom", ["Fair recruitment", "Guichets uniques pour l'emploi"]),
        ("year=2025", ["Fair recruitment", "التماسك في المجالس البلدية"]),
        ("language=ar", ["التماسك في المجالس البلدية", "عيادات للجميع"]),
        ("language=fr", ["Guichets uniques pour l'emploi"]),
        ("theme=labour&country=jo", ["Guichets uniques pour l'emploi"]),
        ("theme=health&year=2024&partner=who&country=jo", ["Clinics for everyone"]),
        ("theme=health&partner=iom", []),
    ],
)
def test_filters_alone_and_combined(client, library, query, expected):
    response = client.get(f"/en/policy-briefs/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected
    assert response.context["filters_active"]


def test_no_matches_shows_a_clear_empty_state(client, library):
    html = client.get("/en/policy-briefs/?theme=health&partner=iom").content.decode()
    assert "Nothing matches these filters." in html
    assert "Clear all filters" in html


@pytest.mark.parametrize(
    "query",
    [
        "theme=no-such-theme",
        "country=zz",
        "partner=nobody",
        "year=abc",
        "year=1800",
        "year=99999999999999999999999",
        "language=xx",
        "page=999",
        "page=-1",
        "page=abc",
        "page=1e5",
        "theme=health&theme=labour",
        "unknown=parameter",
    ],
)
def test_bad_values_are_ignored_never_an_error(client, library, query):
    response = client.get(f"/en/policy-briefs/?{query}")
    assert response.status_code == 200
    assert len(response.context["items"]) >= 1


def test_nul_or_broken_utf8_in_the_query_is_refused(client, library):
    # No form of ours sends them: the request guard answers 400 before any query.
    assert client.get("/en/policy-briefs/?theme=%00").status_code == 400
    assert client.get("/en/policy-briefs/?country=%ff").status_code == 400


def test_an_invalid_filter_is_reported_and_the_valid_ones_still_apply(client, library):
    response = client.get("/en/policy-briefs/?theme=health&year=abc")
    assert titles(response) == ["Clinics for everyone", "التماسك في المجالس البلدية"]
    html = response.content.decode()
    assert "This filter was ignored" in html
    assert 'aria-invalid="true"' in html


def test_filter_form_works_without_javascript(client, library):
    html = client.get("/en/policy-briefs/").content.decode()
    assert '<form class="filters" method="get" action="/en/policy-briefs/">' in html
    assert "<fieldset>" in html and "<legend>Filter the policy briefs</legend>" in html
    for name in ("theme", "country", "partner", "year", "language"):
        assert f'<label for="id_{name}">' in html
    assert '<button type="submit">Apply filters</button>' in html
    assert '<option value="2025">2025</option>' in html


def test_pagination_keeps_the_filters_in_the_address(client, indexes, library):
    for n in range(14):
        PolicyBriefPageFactory(
            parent=indexes["en"]["briefs"],
            title=f"Labour brief {n:02d}",
            publication_date=datetime.date(2022, 1, 1) + datetime.timedelta(days=n),
            themes=[library["labour"]],
        )
    first = client.get("/en/policy-briefs/?theme=labour")
    assert len(first.context["items"]) == 12
    assert first.context["page_obj"].paginator.count == 16
    html = first.content.decode()
    assert 'href="?theme=labour&amp;page=2"' in html and 'rel="next"' in html

    second = client.get("/en/policy-briefs/?theme=labour&page=2")
    # The French brief comes after every English one, whatever its date.
    assert titles(second) == [
        "Labour brief 02",
        "Labour brief 01",
        "Labour brief 00",
        "Guichets uniques pour l'emploi",
    ]
    assert '<span aria-current="page">2</span>' in second.content.decode()

    beyond = client.get("/en/policy-briefs/?theme=labour&page=999")
    assert beyond.status_code == 200
    assert beyond.context["page_obj"].number == 2


def test_each_index_lists_only_its_own_kind(client, indexes, library):
    assert titles(client.get("/en/lessons-learned/")) == []
    assert "Nothing has been published here yet." in client.get("/en/joint-actions/").content.decode()


def test_drafts_and_private_pages_are_not_listed(client, indexes, library):
    PolicyBriefPageFactory(parent=indexes["en"]["briefs"], title="Draft brief", live=False)
    assert "Draft brief" not in titles(client.get("/en/policy-briefs/"))


@pytest.mark.parametrize(("language", "ongoing"), [("en", "Ongoing"), ("ar", "جارٍ"), ("fr", "En cours")])
def test_a_joint_action_card_says_its_status_and_a_brief_card_none(client, indexes, language, ongoing):
    JointActionPageFactory(parent=indexes["en"]["joint-actions"], title="Shared clinics")
    PolicyBriefPageFactory(parent=indexes["en"]["briefs"], title="Clinics for everyone")
    actions = client.get(f"/{language}/joint-actions/").content.decode()
    briefs = client.get(f"/{language}/policy-briefs/").content.decode()
    assert f"· {ongoing}" in actions
    assert ongoing not in briefs and "Planned" not in briefs
