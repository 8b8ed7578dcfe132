"""The headline in a real browser: an editor of an organisation that took part
drafts a lesson learned from a topic's marked outcome, a reviewer signs it off
from the admin dashboard, it is published, and the lesson and the discussion
link to each other."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Collection, Page

from forums import services
from portal.accounts.models import Membership
from portal.audience import Audience
from tests.accounts.factories import MembershipFactory
from tests.accounts.helpers import with_second_factor
from tests.forums.factories import ForumFactory
from tests.knowledge.factories import LessonLearnedIndexPageFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("open_posting")]


@pytest.fixture
def outcome(home_page, organisation, settings, live_url):
    # The lesson links to the discussion by the portal's address: here, the test server's.
    settings.PORTAL_BASE_URL = live_url
    # Browser tests flush the data migration that creates the root collection; the
    # editors' group takes its collection permissions from it when first used.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    LessonLearnedIndexPageFactory(parent=home_page)
    editor = with_second_factor(
        MembershipFactory(organisation=organisation, role=Membership.Role.EDITOR).user
    )
    reviewer = with_second_factor(
        MembershipFactory(organisation=organisation, role=Membership.Role.REVIEWER).user
    )
    colleague = MembershipFactory(organisation=organisation).user
    forum = ForumFactory(slug="labour", name="Labour", visibility=Audience.PUBLIC)
    topic = services.topic_create(
        forum=forum,
        author=editor,
        title="Work permits for seasonal workers",
        body="Permits took months. Why?",
    )
    answer = services.post_create(
        topic=topic, author=colleague, body="One desk for all permits cut the wait to two weeks."
    )
    services.post_mark_answer(post=answer, user=editor)
    return {"topic": topic, "editor": editor, "reviewer": reviewer}


def _posted_workflow_action(response):
    return response.request.method == "POST" and "/workflow/action/" in response.url


def test_an_outcome_becomes_a_signed_off_lesson_linked_both_ways(page, context, live_url, log_in, outcome):
    topic_url = f"{live_url}/en/forums/topic/{outcome['topic'].pk}/"
    log_in(context, outcome["editor"])
    page.goto(topic_url)
    expect(page.locator(".topic-outcome")).to_contain_text("One desk for all permits")
    page.get_by_role("link", name="Draft a lesson learned").click()
    page.get_by_role("button", name="Create the draft").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    page.wait_for_load_state("networkidle")
    expect(page.locator("#id_title")).to_have_value("Work permits for seasonal workers")
    lesson_id = int(re.search(r"/admin/pages/(\d+)/edit/", page.url).group(1))

    log_in(context, outcome["reviewer"])
    page.goto(f"{live_url}/admin/")
    page.wait_for_load_state("networkidle")
    page.locator("main [data-w-dropdown-target='toggle']").first.click()
    with page.expect_response(_posted_workflow_action, timeout=60_000):
        page.get_by_text("Sign off", exact=True).first.click()
    page.wait_for_load_state("networkidle")

    lesson = Page.objects.get(pk=lesson_id).specific
    assert lesson.live
    page.goto(topic_url)
    link = page.locator(".topic-outcome__lesson").get_by_role(
        "link", name="Work permits for seasonal workers"
    )
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Work permits for seasonal workers")
    page.locator("main a[href*='/forums/topic/']").first.click()
    expect(page).to_have_url(re.compile(rf"/forums/topic/{outcome['topic'].pk}/$"))
