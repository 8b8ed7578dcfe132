"""Every public page renders in the same number of queries with 10 and with
200 briefs, lessons, joint actions and partners."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.signal_handlers import disable_reference_index_auto_update

from portal.models import Organisation
from tests.factories import ThematicAreaFactory
from tests.knowledge.factories import (
    JointActionPageFactory,
    LessonLearnedPageFactory,
    PolicyBriefPageFactory,
    ThemePageFactory,
)

pytestmark = pytest.mark.django_db
JOINT_ACTIONS_LARGE = 50


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


def test_public_pages_render_in_bounded_queries(client, indexes, homes, countries, unindexed):
    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    theme = _grow(indexes, countries, logo, 10, joint_actions=10)
    theme_page = ThemePageFactory(parent=homes["en"], theme=theme)
    joint_action = indexes["en"]["joint-actions"].get_children().live().specific().first()
    lesson = LessonLearnedPageFactory(parent=indexes["en"]["lessons"], related_joint_action=joint_action)
    brief = indexes["en"]["briefs"].get_children().specific().first()
    partner = Organisation.objects.order_by("pk").first()
    urls = [
        "/en/",
        theme_page.url,
        brief.url,
        lesson.url,
        joint_action.url,
        indexes["en"]["briefs"].url,
        indexes["en"]["lessons"].url,
        indexes["en"]["joint-actions"].url + "?theme=health&country=jo",
        f"/en/partners/{partner.slug}/",
        "/en/partners/",
        "/en/knowledge/feeds/briefs/rss/",
        "/en/knowledge/feeds/themes/health/atom/",
    ]
    small = {url: _queries(client, url) for url in urls}

    _grow(indexes, countries, logo, 200, joint_actions=JOINT_ACTIONS_LARGE)
    # Lessons of the joint action grow too.
    for _ in range(20):
        LessonLearnedPageFactory(parent=indexes["en"]["lessons"], related_joint_action=joint_action)
    large = {url: _queries(client, url) for url in urls}

    assert large == small
