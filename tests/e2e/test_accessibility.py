"""WCAG 2.2 AA checks by axe-core on the pages every reader uses, in English and Arabic."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.e2e.conftest import axe_violations, describe_violations
from tests.i18n.scenario import build_scenario


@pytest.fixture
def addresses(home_page, locales, countries):
    scenario = build_scenario(home_page, locales, countries)
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
