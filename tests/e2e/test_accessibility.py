"""WCAG 2.2 AA checks by axe-core on the pages every reader uses, and on the moderation
item page moderators decide from, in English and Arabic."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from forums.models import Post
from portal.accounts.models import Profile
from portal.moderation import services
from portal.thesaurus import demo as thesaurus_demo
from tests.accounts.factories import VerifiedUserFactory
from tests.e2e.conftest import axe_violations, describe_violations
from tests.factories import ThematicAreaFactory
from tests.forums.factories import PostFactory, TopicFactory, make_moderator
from tests.i18n.scenario import build_scenario


@pytest.fixture
def addresses(home_page, locales, countries):
    scenario = build_scenario(home_page, locales, countries)
    for slug in ("labour", "social-cohesion"):
        ThematicAreaFactory(slug=slug, name=slug.replace("-", " ").capitalize())
    call_command("thesaurus_import", str(thesaurus_demo.SHIPPED), stdout=io.StringIO())
    found = {}
    for language in ("en", "ar"):
        with translation.override(language):
            found[language] = {
                "home": f"/{language}/",
                "index": scenario["brief_index"][language],
                "brief": scenario["brief"][language],
                "search": reverse("search:index") + "?q=health",
                "forums": reverse("forums:index"),
                "topic": reverse("forums:topic_detail", kwargs={"pk": scenario["topic"].pk}),
                "thesaurus": reverse("thesaurus:index"),
                "concept": reverse("thesaurus:concept", kwargs={"slug": "early-warning"}),
            }
    return found


@pytest.mark.parametrize("language", ["en", "ar"])
def test_pages_have_no_accessibility_violations(page, live_url, addresses, screenshot, language):
    # One browser walk per language: building the content is the slow part.
    problems = []
    for name, address in addresses[language].items():
        response = page.goto(live_url + address)
        assert response.status == 200, address
        violations = axe_violations(page)
        if violations:
            screenshot(page, f"axe-{name}-{language}")
            problems.append(f"{name} ({address}):\n{describe_violations(violations)}")
    assert not problems, "\n".join(problems)


def test_keyboard_user_can_skip_to_the_content(page, live_url, addresses):
    page.goto(live_url + addresses["ar"]["home"])
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    box = skip.bounding_box()
    assert box["y"] >= 0, "the skip link stays off screen when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.fixture
def moderation_item(home_page):
    """A reported reply in its thread, reported by a person with an Arabic name, and
    the address of its moderation page."""
    topic = TopicFactory(title="Clinic hours in Zarqa")
    PostFactory(topic=topic, body="The words before")
    reported = PostFactory(topic=topic, body="The reported words")
    PostFactory(topic=topic, body="The words after")
    reporter = VerifiedUserFactory()
    Profile.objects.create(user=reporter, display_name="هادي خليل")
    services.content_report(content=reported, reporter=reporter, reason="abuse", details="مسيء")
    content_type = ContentType.objects.get_for_model(Post)
    return reverse("moderation_admin:item", args=[content_type.pk, reported.pk])


@pytest.mark.parametrize("language", ["en", "ar"])
def test_moderation_item_page_has_no_accessibility_violations(
    page, context, live_url, log_in, moderation_item, screenshot, language
):
    moderator = make_moderator()
    UserProfile.objects.update_or_create(user=moderator, defaults={"preferred_language": language})
    log_in(context, moderator)
    response = page.goto(live_url + moderation_item)
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    direction = "rtl" if language == "ar" else "ltr"
    assert page.locator("html").get_attribute("dir") == direction
    # The reporter's name is isolated: it keeps its own direction inside either page.
    assert page.locator(".moderation-reports bdi").first.inner_text() == "هادي خليل"
    violations = axe_violations(page)
    screenshot(page, f"moderation-item-{language}")
    assert not violations, describe_violations(violations)
