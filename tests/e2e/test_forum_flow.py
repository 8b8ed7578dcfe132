"""In a real browser: start a topic, reply with a quote, get a notification, report
a post, a moderator hides it, and its author is told why. Then a page full of
hostile posts runs no script."""

import pytest
from playwright.sync_api import expect

from portal.audience import Audience
from tests.accounts.factories import VerifiedUserFactory
from tests.forums.factories import ForumFactory, TopicFactory, make_moderator
from tests.security.xss_vectors import XSS_VECTORS


@pytest.fixture(autouse=True)
def _open_posting(settings):
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""


def new_page(browser, log_in, user):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(15_000)
    browser_page = context.new_page()
    log_in(browser_page, user)
    return browser_page


def test_topic_reply_quote_notification_report_and_hide(
    page, browser, live_url, log_in, home_page, screenshot
):
    ForumFactory(slug="health", name="Health", visibility=Audience.PUBLIC)
    author = VerifiedUserFactory(username="amal", first_name="Amal", last_name="Haddad")
    replier = VerifiedUserFactory(username="bilal", first_name="Bilal", last_name="Saleh")
    moderator = make_moderator()

    # Amal starts a topic.
    log_in(page, author)
    page.goto(f"{live_url}/en/forums/health/")
    page.get_by_role("link", name="Start a topic").click()
    page.get_by_label("Title").fill("Cold chain in remote clinics")
    page.get_by_label("Message").fill("What works when the **power** fails?")
    page.get_by_role("button", name="Start topic").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Cold chain in remote clinics")
    topic_url = page.url

    # Bilal quotes her; the quote button fills the reply box and the preview follows.
    bilal = new_page(browser, log_in, replier)
    bilal.goto(topic_url)
    bilal.get_by_role("link", name="Quote").first.click()
    box = bilal.locator("#id_body")
    expect(box).to_have_value("> What works when the **power** fails?\n\n")
    box.press("End")
    box.type("Solar fridges, and training for maintenance.")
    expect(bilal.locator(".markdown-preview blockquote")).to_contain_text("power")
    bilal.get_by_role("button", name="Post reply").click()
    reply = bilal.locator("#post-2")
    expect(reply.locator("blockquote")).to_contain_text("What works when the power fails?")
    expect(reply).to_contain_text("quoting #1")

    # Amal is notified, and reports the reply.
    page.goto(f"{live_url}/en/notifications/")
    expect(page.locator("main").get_by_text("Bilal Saleh replied to your post")).to_be_visible()
    page.goto(topic_url)
    page.locator("#post-2").get_by_role("link", name="Report").click()
    page.get_by_label("Spam or advertising").check()
    page.get_by_role("button", name="Send report").click()
    expect(page.get_by_text("The moderators will look at this post.")).to_be_visible()

    # The moderator hides it from the queue in the admin.
    moderation = new_page(browser, log_in, moderator)
    moderation.goto(f"{live_url}/admin/moderation/")
    moderation.get_by_role("link", name="Post #2 in “Cold chain in remote clinics”").click()
    moderation.locator("form[action$='/hide/'] textarea, form[action$='/hide/'] input[name=reason]").fill(
        "Advertising a supplier"
    )
    moderation.get_by_role("button", name="Hide", exact=True).click()
    expect(moderation.get_by_text("Hidden; the author has been told why.")).to_be_visible()

    # Bilal is told why; readers see only a marker.
    bilal.goto(f"{live_url}/en/notifications/")
    expect(bilal.locator("main").get_by_text("Moderators hid something you wrote")).to_be_visible()
    expect(bilal.get_by_text("Advertising a supplier")).to_be_visible()
    page.goto(topic_url)
    expect(page.locator("#post-2")).to_contain_text("This post was hidden by the moderators.")
    expect(page.locator("#post-2")).not_to_contain_text("Solar fridges")
    screenshot(page, "forum-flow-hidden-post")
    for other in (bilal, moderation):
        other.context.close()


def test_hostile_posts_run_no_script(page, live_url, home_page):
    forum = ForumFactory(slug="health", name="Health", visibility=Audience.PUBLIC)
    topic = TopicFactory(forum=forum, title="<script>window.__xss = 'title'</script>")
    author = VerifiedUserFactory()
    from forums import services

    for vector in XSS_VECTORS:
        services.post_create(topic=topic, author=author, body=vector.replace("alert(1)", "window.__xss=1"))
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for number in (1, 2, 3, 4):
        page.goto(f"{live_url}{topic.get_absolute_url()}?page={number}")
        page.wait_for_load_state("load")
        page.mouse.move(200, 300)
        page.mouse.move(400, 500)
        assert page.evaluate("() => window.__xss === undefined")
    assert dialogs == []
