"""Arabic pages in a real browser: right-to-left, navigation on the right, nothing
wider than a phone or a desktop screen. Screenshots go to test-artifacts/."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.i18n.scenario import build_scenario

WIDTHS = [360, 1280]

# Elements sticking out of the viewport, leaving out those clipped on purpose: inside a
# scrolling or clipping box, visually hidden text, and the skip link parked off screen.
OVERFLOWING = """
() => {
  const width = document.documentElement.clientWidth;
  const clipped = (element) => {
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      const overflow = getComputedStyle(node).overflowX;
      if (overflow !== 'visible') return true;
    }
    return false;
  };
  const found = [];
  for (const element of document.body.querySelectorAll('*')) {
    if (element.closest('.visually-hidden, .skip-link')) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if ((box.right > width + 1 || box.left < -1) && !clipped(element)) {
      const classes = String(element.className || '').trim().replace(/\\s+/g, '.');
      const name = element.tagName.toLowerCase() + (classes ? '.' + classes : '');
      found.push(`${name} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, found: found.slice(0, 20)};
}
"""


@pytest.fixture
def arabic_pages(home_page, locales, countries):
    scenario = build_scenario(home_page, locales, countries)
    with translation.override("ar"):
        search = reverse("search:index") + "?q=" + "الصحة"
        topic = reverse("forums:topic_detail", kwargs={"pk": scenario["topic"].pk})
    return {"home": "/ar/", "brief": scenario["brief"]["ar"], "topic": topic, "search": search}


@pytest.mark.parametrize("width", WIDTHS)
def test_arabic_pages_read_right_to_left_and_fit(page, live_url, arabic_pages, screenshot, width):
    page.set_viewport_size({"width": width, "height": 900})
    for name, address in arabic_pages.items():
        response = page.goto(live_url + address)
        assert response.status == 200, address
        screenshot(page, f"rtl-{name}-ar-{width}")

        html = page.locator("html")
        assert html.get_attribute("lang") == "ar", address
        assert html.get_attribute("dir") == "rtl", address
        assert page.evaluate("getComputedStyle(document.body).direction") == "rtl", address

        # The portal's name and the main navigation start at the right edge and run leftwards.
        # On a phone the navigation is behind the menu button.
        menu_button = page.locator(".site-menu__button")
        if menu_button.is_visible():
            menu_button.click()
        links = page.locator(".site-nav__list > li")
        first, second = links.nth(0).bounding_box(), links.nth(1).bounding_box()
        brand = page.locator(".site-header__brand").bounding_box()
        assert first["x"] + first["width"] > width / 2, f"{name}: navigation is not on the right"
        assert brand["x"] + brand["width"] > width / 2, f"{name}: the portal's name is not on the right"
        if abs(first["y"] - second["y"]) < 2:
            assert second["x"] < first["x"], f"{name}: navigation does not run from right to left"

        layout = page.evaluate(OVERFLOWING)
        assert layout["scrollWidth"] <= layout["width"], f"{name} scrolls sideways: {layout}"
        assert not layout["found"], f"{name}: elements wider than the viewport: {layout['found']}"


def test_english_home_stays_left_to_right(page, live_url, arabic_pages, screenshot):
    page.goto(live_url + "/en/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    first = page.locator(".site-nav__list > li").first.bounding_box()
    assert first["x"] < 1280 / 2
    screenshot(page, "ltr-home-en-1280")


def test_language_switcher_keeps_the_page(page, live_url, arabic_pages):
    page.goto(live_url + arabic_pages["brief"])
    page.locator(".language-switcher a[hreflang='fr']").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Soins de santé pour les travailleurs en mobilité"
    current = page.locator(".language-switcher a[aria-current]")
    assert current.get_attribute("hreflang") == "fr"
