"""The header search box suggests titles as people type: a keyboard user moves
through them with the arrow keys and opens one with Enter; the search page, with
the suggestions open, passes axe in English and Arabic."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, describe_violations
from tests.factories import OrganisationFactory


@pytest.fixture
def partners(home_page):
    return [
        OrganisationFactory(name="Health Alliance of Jordan", acronym="", slug="health-alliance"),
        OrganisationFactory(name="Healthy Cities Network", acronym="", slug="healthy-cities"),
        OrganisationFactory(name="Water Partners", acronym="", slug="water-partners"),
    ]


def _suggestions(page):
    return page.locator("#site-search ~ [role=listbox] [role=option]")


def test_suggestions_appear_and_the_keyboard_opens_one(page, live_url, partners):
    page.goto(f"{live_url}/en/search/")
    box = page.locator("#site-search")
    box.press_sequentially("heal", delay=40)
    options = _suggestions(page)
    expect(options).to_have_count(2)
    expect(box).to_have_attribute("aria-expanded", "true")
    assert sorted(options.all_inner_texts())[0].startswith("Health Alliance of Jordan")

    box.press("ArrowDown")
    first_id = options.nth(0).get_attribute("id")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first_id)
    box.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(options.nth(0)).to_have_attribute("aria-selected", "false")
    # Past the last suggestion the choice wraps to the first one.
    box.press("ArrowDown")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("ArrowUp")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")

    chosen = options.nth(1).get_attribute("data-url")
    box.press("Enter")
    page.wait_for_url(f"{live_url}{chosen}")
    assert chosen.startswith("/en/") and chosen.rstrip("/").rsplit("/", 1)[-1] in {
        "health-alliance",
        "healthy-cities",
    }


def test_escape_closes_the_suggestions_and_enter_then_submits_the_search(page, live_url, partners):
    page.goto(f"{live_url}/en/search/")
    box = page.locator("#site-search")
    box.press_sequentially("water", delay=40)
    expect(_suggestions(page)).to_have_count(1)
    box.press("Escape")
    expect(_suggestions(page)).to_have_count(0)
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("Enter")
    page.wait_for_url("**/en/search/?q=water")
    expect(page.locator("main")).to_contain_text("Water Partners")


def test_suggestions_that_arrive_after_escape_stay_closed(page, live_url, partners):
    held = []

    def hold_the_longer_lookup(route):
        if "q=water" in route.request.url:
            held.append(route)
        else:
            route.continue_()

    page.route("**/search/autocomplete/**", hold_the_longer_lookup)
    page.goto(f"{live_url}/en/search/")
    box = page.locator("#site-search")
    box.fill("wat")
    expect(_suggestions(page)).to_have_count(1)
    with page.expect_request(lambda request: "q=water" in request.url):
        box.fill("water")
    box.press("Escape")
    expect(_suggestions(page)).to_have_count(0)
    assert len(held) == 1
    held[0].continue_()
    # Time for a late answer to be drawn, had the lookup not been stopped.
    page.wait_for_timeout(500)
    expect(_suggestions(page)).to_have_count(0)
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_value("water")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_search_page_with_suggestions_open_has_no_accessibility_violations(
    page, live_url, partners, screenshot, language
):
    page.goto(f"{live_url}/{language}/search/?q=health")
    box = page.locator("#site-search")
    box.fill("")
    box.press_sequentially("heal", delay=40)
    expect(_suggestions(page)).to_have_count(2)
    box.press("ArrowDown")
    violations = axe_violations(page)
    if violations:
        screenshot(page, f"axe-search-autocomplete-{language}")
    assert not violations, describe_violations(violations)
