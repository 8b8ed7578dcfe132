"""In a real browser: comment with a preview, reply, be notified, follow the
notification back to the comment; the comment and notification pages pass axe in
English and Arabic."""

import re

import pytest
from playwright.sync_api import expect

from tests.accounts.factories import VerifiedUserFactory
from tests.comments.factories import CommentFactory
from tests.e2e.conftest import axe_violations, describe_violations
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.usefixtures("open_posting")


@pytest.fixture
def brief(home_page):
    index = PolicyBriefIndexPageFactory(parent=home_page, title="Policy briefs", slug="briefs")
    return PolicyBriefPageFactory(parent=index, title="Health access for migrants", slug="health-access")


def test_comment_preview_reply_and_notification(page, browser, live_url, log_in, brief, screenshot):
    author = VerifiedUserFactory(username="layla", first_name="Layla", last_name="Nasser")
    replier = VerifiedUserFactory(username="karim", first_name="Karim", last_name="Saad")
    brief_url = f"{live_url}/en/briefs/health-access/"

    log_in(page, author)
    page.goto(brief_url)
    page.get_by_label("Your comment").fill("Clear and **practical** advice.")
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".comment-preview strong")).to_have_text("practical")
    page.get_by_role("button", name="Send comment").click()
    expect(page.locator(".comment__body").first).to_contain_text("Clear and practical advice.")
    expect(page.get_by_role("heading", name="1 comment")).to_be_visible()

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    other = context.new_page()
    log_in(other, replier)
    other.goto(brief_url)
    other.locator("details.comment-reply summary").first.click()
    other.get_by_label("Your reply").fill("Agreed, and it works in Mafraq too.")
    other.get_by_role("button", name="Send reply").click()
    expect(other.locator(".comment-list--replies .comment__body")).to_contain_text("Mafraq")
    context.close()

    page.goto(brief_url)
    badge = page.locator(".notification-badge")
    expect(badge).to_contain_text("1")
    # The badge opens the header menu; its last link leads to the whole list.
    badge.click()
    page.locator("#notification-menu-panel").get_by_role("link", name="See all notifications").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    page.get_by_role("link", name="Karim Saad replied to your comment").click()
    expect(page).to_have_url(re.compile(r"/en/briefs/health-access/#comment-\d+$"))
    expect(page.locator(".comment-list--replies")).to_contain_text("Mafraq")
    screenshot(page, "comments-thread")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_comment_and_notification_pages_pass_axe(page, live_url, log_in, brief, language):
    reader = VerifiedUserFactory()
    parent = CommentFactory(
        page=brief, body_source="شكراً على هذا الموجز", body_html="<p>شكراً على هذا الموجز</p>"
    )
    CommentFactory(page=brief, parent=parent)
    log_in(page, reader)
    for path in ("briefs/health-access/", "notifications/", "notifications/preferences/"):
        page.goto(f"{live_url}/{language}/{path}")
        if language == "ar":
            expect(page.locator("html")).to_have_attribute("dir", "rtl")
        violations = axe_violations(page)
        assert violations == [], f"{path}: {describe_violations(violations)}"
