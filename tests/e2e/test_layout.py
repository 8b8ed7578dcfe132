"""The layout readers get on a phone, on a wide screen and on paper, in English, Arabic
and French: results before filters, a compact header whose menu button opens the
navigation, the facts panel beside a brief, and print without the site's chrome.
Screenshots of each page at each width go to test-artifacts/."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Collection

from knowledge.models import PolicyBriefDocument, PolicyBriefPage
from portal.moderation import services
from tests.forums.factories import TopicFactory, make_moderator
from tests.i18n.scenario import build_scenario
from tests.knowledge.factories import LessonLearnedIndexPageFactory, LessonLearnedPageFactory

LANGUAGES = ["en", "ar", "fr"]
SEARCHES = {"en": "health", "ar": "الصحة", "fr": "santé"}
PHONE = {"width": 360, "height": 800}
WIDE = {"width": 1280, "height": 900}
FIRST_SCREEN = 700
COMPACT_HEADER = 120


@pytest.fixture
def addresses(home_page, locales, countries):
    """The scenario's pages, the English brief with a PDF attached and a lesson of
    the same theme and country (so the brief has a download and a related resource)."""
    scenario = build_scenario(home_page, locales, countries)
    brief = PolicyBriefPage.objects.get(locale__language_code="en")
    # The browser tests' database is emptied between tests, the root collection too.
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    document = get_document_model().objects.create(
        title="Full brief", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="brief.pdf"), collection=collection
    )
    PolicyBriefDocument.objects.create(page=brief, document=document)
    lessons = LessonLearnedIndexPageFactory(parent=home_page)
    lesson = LessonLearnedPageFactory(
        parent=lessons,
        title="Mobile clinics reached night-shift workers",
        themes=[scenario["theme"]],
        countries=[countries["JO"]],
    )
    lesson.save_revision().publish()  # as an editor would: publishing indexes it
    found = {}
    for language in LANGUAGES:
        with translation.override(language):
            search = reverse("search:index") + "?q=" + SEARCHES[language]
        found[language] = {
            "home": f"/{language}/",
            "brief": scenario["brief"][language],
            "search": search,
            "index": scenario["brief_index"][language],
        }
    return found


def _open(page, live_url, address):
    response = page.goto(live_url + address)
    assert response.status == 200, address
    # The disclosure script runs after parsing: wait for it before measuring.
    page.wait_for_load_state("load")


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_result_is_on_the_first_phone_screen(page, live_url, addresses, language):
    page.set_viewport_size(PHONE)
    for name, first_result in (("search", ".search-hit"), ("index", ".card-list .knowledge-card")):
        _open(page, live_url, addresses[language][name])
        filters = page.locator(".filters-disclosure")
        assert filters.get_attribute("open") is None, f"{name}: filters are unfolded on a phone"
        assert page.locator(".filters-disclosure__summary").is_visible()
        box = page.locator(first_result).first.bounding_box()
        assert box is not None, f"{name}: no result shown"
        assert box["y"] < FIRST_SCREEN, f"{name} ({language}): first result starts at {box['y']:.0f} px"


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_header_is_compact_and_its_menu_button_opens_the_navigation(
    page, live_url, addresses, language
):
    page.set_viewport_size(PHONE)
    _open(page, live_url, addresses[language]["home"])
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < COMPACT_HEADER, f"header is {header['height']:.0f} px tall"
    assert page.locator("#site-search").is_visible(), "search is not reachable"
    navigation = page.locator(".site-nav")
    assert not navigation.is_visible()
    assert not page.locator(".language-switcher").is_visible()

    page.locator(".site-menu__button").click()
    assert navigation.is_visible()
    assert page.locator(".language-switcher").is_visible()
    forums = navigation.locator("a").nth(1)
    assert forums.bounding_box()["y"] >= header["y"] + header["height"] - 1


def test_wide_screen_shows_the_navigation_without_a_menu_button(page, live_url, addresses):
    _open(page, live_url, addresses["en"]["home"])
    assert page.locator(".site-nav").is_visible()
    assert not page.locator(".site-menu__button").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_brief_shows_its_facts_panel_beside_the_text_on_a_wide_screen(page, live_url, addresses, language):
    page.set_viewport_size(WIDE)
    _open(page, live_url, addresses[language]["brief"])
    article = page.locator(".knowledge-page").bounding_box()
    panel_locator = page.locator(".publication__facts")
    assert panel_locator.is_visible()
    panel = panel_locator.bounding_box()
    assert abs(panel["y"] - article["y"]) < 5, "the panel is not beside the text"
    if language == "ar":
        assert panel["x"] + panel["width"] <= article["x"] + 1, "the panel is not on the left in Arabic"
    else:
        assert panel["x"] >= article["x"] + article["width"] - 1, "the panel is not on the right"
    # Copy and print are offered once the script can do them.
    assert panel_locator.locator("[data-print]").is_visible()
    assert panel_locator.locator("[data-copy-link]").is_visible()


def test_brief_panel_offers_the_download_once_with_format_and_size(page, live_url, addresses):
    _open(page, live_url, addresses["en"]["brief"])
    links = page.locator('a[href$="brief.pdf"]')
    assert links.count() == 1
    assert "PDF" in page.locator(".downloads").inner_text()
    related = page.locator(".related-resources")
    assert "Mobile clinics reached night-shift workers" in related.inner_text()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_printed_brief_has_no_navigation(page, live_url, addresses, language):
    _open(page, live_url, addresses[language]["brief"])
    page.emulate_media(media="print")
    for chrome in (
        ".site-header",
        ".site-nav",
        ".language-switcher",
        ".search-box",
        ".site-footer",
        ".comments",
    ):
        locator = page.locator(chrome)
        assert locator.count() == 0 or not locator.first.is_visible(), f"{chrome} is printed"
    assert page.locator(".knowledge-page").is_visible()
    assert page.locator(".publication__facts .page-facts").is_visible()
    address = page.locator(".print-address")
    assert address.is_visible()
    printed = page.evaluate("getComputedStyle(document.querySelector('.print-address'), '::after').content")
    assert addresses[language]["brief"] in printed


def test_filters_unfold_and_a_chip_removes_its_filter_on_a_phone(page, live_url, addresses):
    page.set_viewport_size(PHONE)
    _open(page, live_url, addresses["en"]["index"] + "?theme=health&country=jo")
    summary = page.locator(".filters-disclosure__summary")
    assert "Filters (2 active)" in summary.inner_text()
    assert not page.locator("#id_theme").is_visible()
    summary.click()
    assert page.locator("#id_theme").is_visible()

    chips = page.locator(".filter-chip")
    assert chips.count() == 2
    chips.first.click()
    page.wait_for_load_state("load")
    assert "theme=" not in page.url and "country=jo" in page.url
    assert "Filters (1 active)" in page.locator(".filters-disclosure__summary").inner_text()


@pytest.mark.parametrize("width", [PHONE["width"], WIDE["width"]])
@pytest.mark.parametrize("language", LANGUAGES)
def test_screenshots_of_the_main_pages(page, live_url, addresses, screenshot, language, width):
    page.set_viewport_size({"width": width, "height": 900})
    for name, address in addresses[language].items():
        _open(page, live_url, address)
        path = screenshot(page, f"layout-{name}-{language}-{width}")
        assert path.stat().st_size > 0
        layout_width = page.evaluate("document.documentElement.scrollWidth")
        assert layout_width <= width, f"{name} ({language}, {width} px) scrolls sideways"


# Words wider than the content box of the cell holding them: a column squeezed so far
# that the browser must split words ("Decisio-n").
SPLIT_WORDS = """
() => {
  const canvas = document.createElement('canvas').getContext('2d');
  const split = [];
  for (const cell of document.querySelectorAll('.moderation-log th, .moderation-log td')) {
    const style = getComputedStyle(cell);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = cell.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd);
    for (const word of cell.innerText.split(/\\s+/).filter(Boolean)) {
      if (canvas.measureText(word).width > room + 1) split.push(word);
    }
  }
  return split;
}
"""


@pytest.fixture
def moderation_log(home_page):
    moderator = make_moderator()
    for reason in ("Advertising is not allowed", "Personal data about a third person"):
        topic = TopicFactory(title="Clinic hours in Zarqa")
        services.content_hide(content=topic.posts.get(), moderator=moderator, reason=reason)
    return reverse("moderation:public_log")


@pytest.mark.parametrize("width", [PHONE["width"], WIDE["width"]])
@pytest.mark.parametrize("language", ["ar", "en"])
def test_moderation_log_never_breaks_a_word(page, live_url, moderation_log, screenshot, language, width):
    page.set_viewport_size({"width": width, "height": 900})
    with translation.override(language):
        address = reverse("moderation:public_log")
    _open(page, live_url, address)
    screenshot(page, f"layout-moderation-log-{language}-{width}")
    assert page.locator(".moderation-log tbody tr").count() == 2
    assert page.evaluate(SPLIT_WORDS) == []


@pytest.mark.parametrize("name", ["index", "search"])
def test_arabic_filter_headings_sit_inside_their_boxes(page, live_url, addresses, name):
    # A legend left in the border's notch is struck through by it in Arabic.
    _open(page, live_url, addresses["ar"][name])
    groups = page.locator(".filters fieldset")
    assert groups.count() >= 1
    for index in range(groups.count()):
        group = groups.nth(index)
        box, legend = group.bounding_box(), group.locator("legend").bounding_box()
        assert legend["y"] >= box["y"] + 1, "the heading crosses the top border"
