"""The topics index and a topic's page: public, in the reader's language, with the
names in all three, kept by the page cache and forgotten when a concept changes."""

import re

import pytest
from django.test import Client

from portal.thesaurus.models import Concept, ConceptLabel
from tests.pagecache.conftest import is_cached

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page, shipped):
    return home_page


@pytest.mark.parametrize(
    "language, heading, fair, area",
    [
        ("en", "Topics", "fair recruitment", "Labour"),
        ("ar", "المواضيع", "التوظيف العادل", "العمل"),
        ("fr", "Thèmes", "recrutement équitable", "Travail"),
    ],
)
def test_the_index_lists_areas_with_their_top_topics_in_the_reader_language(
    client, site, django_assert_max_num_queries, language, heading, fair, area
):
    client.get(f"/{language}/")  # the first request builds the site structure
    with django_assert_max_num_queries(12):
        response = client.get(f"/{language}/topics/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f'href="/{language}/topics/fair-recruitment/"><bdi>{fair}</bdi></a>' in html
    assert f'href="/{language}/topics/early-warning/"' in html
    assert re.search(rf'<h2 id="area-\d+">{area}</h2>', html)


def test_the_index_groups_top_topics_under_their_area(site):
    groups = Client().get("/en/topics/").context["groups"]
    names = [group.name for group in groups]
    assert names[-1] == "Across thematic areas"
    by_name = {group.name: [top.concept.slug for top in group.concepts] for group in groups}
    assert "recruitment" in by_name["Labour"]
    assert "disaster-risk-reduction" in by_name["Across thematic areas"]


def test_a_topic_shows_its_names_in_three_languages_and_its_neighbours(
    client, site, django_assert_max_num_queries
):
    client.get("/ar/")  # the first request builds the site structure
    with django_assert_max_num_queries(14):
        response = client.get("/ar/topics/early-warning/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1><bdi>الإنذار المبكر</bdi></h1>" in html
    assert '<dd lang="en" dir="ltr"><strong>early warning</strong>' in html
    assert '<dd lang="ar" dir="rtl"><strong>الإنذار المبكر</strong>' in html
    assert '<dd lang="fr" dir="ltr"><strong>alerte précoce</strong>' in html
    assert "alertes précoces" in html
    # Hidden labels (spelling variants for matching) are not shown.
    assert "الانذار المبكر" not in html.replace("الإنذار", "")
    assert 'href="/ar/topics/disaster-risk-reduction/"' in html
    assert 'href="/ar/topics/early-warning-systems/"' in html
    assert '<p lang="ar" dir="auto">إنذارات في الوقت المناسب' in html
    assert "/ar/search/?q=%D8%A7%D9%84%D8%A5%D9%86%D8%B0%D8%A7%D8%B1" in html


def test_a_scope_note_missing_in_the_reader_language_is_shown_in_english(client, site):
    Concept.objects.filter(slug="kafala").update(scope_note_fr="")
    html = client.get("/fr/topics/kafala/").content.decode()
    assert '<p lang="en" dir="auto">The sponsorship system' in html


@pytest.mark.parametrize(
    "address, status",
    [("/en/topics/no-such-topic/", 404), ("/en/topics/%D8%A7/", 404), ("/en/topics/a%00b/", 400)],
)
def test_an_unknown_or_unreadable_topic_address_is_refused(client, site, address, status):
    assert client.get(address).status_code == status


def test_topic_pages_are_cached_and_forgotten_when_a_concept_changes(
    settings, site, django_capture_on_commit_callbacks
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    reader = Client()
    for path in ("/en/topics/", "/ar/topics/recruitment-fees/"):
        reader.get(path)
        assert is_cached(path)
    with django_capture_on_commit_callbacks(execute=True):
        ConceptLabel.objects.filter(concept__slug="recruitment-fees", language="ar", kind="preferred").update(
            text="رسوم الاستقدام"
        )
        ConceptLabel.objects.filter(
            concept__slug="recruitment-fees", text="رسوم الاستقدام", kind="alternative"
        ).delete()
    assert not is_cached("/en/topics/")
    assert not is_cached("/ar/topics/recruitment-fees/")
    assert "<bdi>رسوم الاستقدام</bdi>" in reader.get("/ar/topics/recruitment-fees/").content.decode()
