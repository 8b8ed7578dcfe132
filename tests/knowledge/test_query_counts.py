"""Every public page renders in the same number of queries with 10 and with
200 briefs, lessons, joint actions and partners, under the caches production runs
with (a read of the database cache is a query too), and every Wagtail page in at
most ten."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.signal_handlers import disable_reference_index_auto_update

from portal.models import Organisation
from tests.factories import ThematicAreaFactory
from tests.forums.factories import make_member
from tests.knowledge.factories import (
    JointActionPageFactory,
    LessonLearnedPageFactory,
    PolicyBriefPageFactory,
    ThemePageFactory,
)

pytestmark = pytest.mark.django_db
JOINT_ACTIONS_LARGE = 50

# Exact budgets for an anonymous reader, so a change that adds a query to a page
# (a lookup per card, per section or per link) shows here, not only one that
# grows with the data. Briefs, lessons and joint actions read their topics (the
# concepts of their search row) in the query of their other relations.
EXPECTED_QUERIES = {
    "home": 5,
    "home, Arabic": 5,
    "theme page": 7,
    "brief": 9,
    "lesson": 8,
    "joint action": 10,
    "brief index": 10,
    "brief index, Arabic": 10,
    "lesson index": 10,
    "joint action index, filtered": 10,
    "partner profile": 6,
    "partner list": 3,
    "brief feed": 5,
    "theme feed": 6,
}
WAGTAIL_PAGE_BUDGET = 10
WAGTAIL_PAGES = (
    "home",
    "home, Arabic",
    "theme page",
    "brief",
    "lesson",
    "joint action",
    "brief index",
    "brief index, Arabic",
    "lesson index",
    "joint action index, filtered",
    "partner profile",
)


@pytest.fixture
def unindexed(settings):
    """Hundreds of pages are created here: skip the search index (not under test)."""
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**config, "AUTO_UPDATE": False} for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
    }


def _queries(client, url):
    client.get(url)  # warm caches (site root paths, renditions) once
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def _grow(indexes, countries, logo, size, joint_actions):
    """Bring the number of briefs, lessons and partners to ``size``, of joint
    actions to ``joint_actions``."""
    theme = ThematicAreaFactory(slug="health", name="Health")
    existing = Organisation.objects.count()
    Organisation.objects.bulk_create(
        Organisation(
            name=f"Organisation {n}",
            slug=f"organisation-{n}",
            kind="civil_society",
            logo=logo,
            country=countries["JO"],
        )
        for n in range(existing, size)
    )
    partners = list(Organisation.objects.order_by("pk")[:3])
    relations = {
        "themes": [theme],
        "countries": [countries["JO"], countries["LB"]],
        "organisations": partners,
    }
    for factory, kind, target in (
        (PolicyBriefPageFactory, "briefs", size),
        (LessonLearnedPageFactory, "lessons", size),
        (JointActionPageFactory, "joint-actions", joint_actions),
    ):
        model = factory._meta.model
        with disable_reference_index_auto_update():
            for n in range(model.objects.count(), target):
                # Every tenth page exists only in Arabic, so the reading rule is exercised.
                language = "ar" if n % 10 == 9 else "en"
                factory(parent=indexes[language][kind], **relations)
    return theme


@pytest.fixture
def pages(indexes, homes, countries, unindexed):
    """Ten pages of each kind, and the address of each page type measured."""
    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    theme = _grow(indexes, countries, logo, 10, joint_actions=10)
    theme_page = ThemePageFactory(parent=homes["en"], theme=theme)
    joint_action = indexes["en"]["joint-actions"].get_children().live().specific().first()
    lesson = LessonLearnedPageFactory(parent=indexes["en"]["lessons"], related_joint_action=joint_action)
    brief = indexes["en"]["briefs"].get_children().specific().first()
    partner = Organisation.objects.order_by("pk").first()
    urls = {
        "home": "/en/",
        "home, Arabic": "/ar/",
        "theme page": theme_page.url,
        "brief": brief.url,
        "lesson": lesson.url,
        "joint action": joint_action.url,
        "brief index": indexes["en"]["briefs"].url,
        "brief index, Arabic": indexes["ar"]["briefs"].url,
        "lesson index": indexes["en"]["lessons"].url,
        "joint action index, filtered": indexes["en"]["joint-actions"].url + "?theme=health&country=jo",
        "partner profile": f"/en/partners/{partner.slug}/",
        "partner list": "/en/partners/",
        "brief feed": "/en/knowledge/feeds/briefs/rss/",
        "theme feed": "/en/knowledge/feeds/themes/health/atom/",
    }
    return SimpleNamespace(logo=logo, joint_action=joint_action, partner=partner, urls=urls)


def test_public_pages_render_in_bounded_queries(client, caches_in_production, indexes, countries, pages):
    urls, logo, joint_action = pages.urls, pages.logo, pages.joint_action
    small = {name: _queries(client, url) for name, url in urls.items()}
    assert small == EXPECTED_QUERIES
    assert max(small[name] for name in WAGTAIL_PAGES) <= WAGTAIL_PAGE_BUDGET

    _grow(indexes, countries, logo, 200, joint_actions=JOINT_ACTIONS_LARGE)
    # Lessons of the joint action grow too.
    for _ in range(20):
        LessonLearnedPageFactory(parent=indexes["en"]["lessons"], related_joint_action=joint_action)
    large = {name: _queries(client, url) for name, url in urls.items()}

    assert large == small


WRITING_STATEMENTS = ("INSERT", "UPDATE", "DELETE")


def test_home_reads_without_writing_under_production_caches(
    client, indexes, homes, countries, unindexed, caches_in_production
):
    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    _grow(indexes, countries, logo, 10, joint_actions=10)
    client.get("/en/")  # the first reader builds the renditions and fills the caches

    with CaptureQueriesContext(connection) as context:
        response = client.get("/en/")

    assert response.status_code == 200
    statements = [query["sql"].lstrip().upper() for query in context.captured_queries]
    assert [sql for sql in statements if sql.startswith(WRITING_STATEMENTS)] == []
    # The site structure, Wagtail's site root paths among it, is one of them.
    assert len(statements) == EXPECTED_QUERIES["home"]


# A signed-in partner member's page, its body kept for their audience: their
# session and account, the site structure, finding the page, the body and its
# purge tokens (one read), their groups, the header's notifications and
# memberships; nothing the listings would read (home was 13 without the body).
# A brief, lesson or joint action adds its view restrictions, its themes for the
# head and the reader's own comment block (the thread, whether they follow it, the
# page's organisations that may close it), but no relation, related resource or
# listed lesson of the article (a brief was 15 without its article kept).
SIGNED_IN_KEPT_QUERIES = {
    "home": 7,
    "home, Arabic": 7,
    "theme page": 10,
    "brief index": 10,
    "joint action index, filtered": 10,
    "partner profile": 9,
    "brief": 14,
    "lesson": 14,
    "joint action": 14,
}


def test_signed_in_pages_with_a_kept_body_read_no_listing(client, caches_in_production, settings, pages):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    client.force_login(make_member(organisation=pages.partner))
    urls = {name: pages.urls[name] for name in SIGNED_IN_KEPT_QUERIES}
    assert {name: _queries(client, url) for name, url in urls.items()} == SIGNED_IN_KEPT_QUERIES
