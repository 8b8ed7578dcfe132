"""Discussions partners want to use, in a real browser: a quote names its author
and links back, a mention links to the person and notifies them, "Helpful" counts
in place, the unread marker clears once read, the person card opens from the
keyboard, and a signed-in topic page (person cards, reactions, an outcome, new
markers, the notification menu) passes axe in English and Arabic."""

import pytest
from playwright.sync_api import expect

from forums import services
from forums.models import Reaction, Topic
from portal.audience import Audience
from tests.accounts.factories import MembershipFactory, VerifiedUserFactory
from tests.e2e.conftest import axe_violations, describe_violations
from tests.forums.factories import ForumFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("open_posting")]


@pytest.fixture
def thread(home_page):
    forum = ForumFactory(slug="health", name="Health", visibility=Audience.PUBLIC)
    amal = MembershipFactory(
        user=VerifiedUserFactory(username="amal", first_name="Amal", last_name="Haddad")
    ).user
    bilal = VerifiedUserFactory(username="bilal", first_name="Bilal", last_name="Saleh")
    topic = services.topic_create(
        forum=forum,
        author=amal,
        title="Cold chain in remote clinics",
        body="What works when the power fails?",
    )
    return {"forum": forum, "topic": topic, "amal": amal, "bilal": bilal}


def other_page(browser, log_in, user):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(15_000)
    browser_page = context.new_page()
    log_in(browser_page, user)
    return browser_page


def test_quote_mention_reaction_and_unread_marker(page, browser, live_url, log_in, thread, screenshot):
    topic_url = f"{live_url}/en/forums/topic/{thread['topic'].pk}/"
    forum_url = f"{live_url}/en/forums/health/"
    log_in(page, thread["amal"])
    page.goto(topic_url)

    # Bilal quotes Amal and mentions her.
    bilal = other_page(browser, log_in, thread["bilal"])
    bilal.goto(topic_url)
    bilal.locator("#post-1").get_by_role("link", name="Quote").click()
    box = bilal.locator("#id_body")
    box.press("End")
    box.type("Solar fridges, @amal knows the supplier.")
    bilal.get_by_role("button", name="Post reply").click()
    reply = bilal.locator("#post-2")
    expect(reply.get_by_role("link", name="Amal Haddad wrote:")).to_be_visible()
    mention = reply.get_by_role("link", name="@amal")
    expect(mention).to_have_attribute("href", "/en/forums/people/amal/")

    # The attribution leads back to the quoted post; the mention to Amal's page.
    reply.get_by_role("link", name="Amal Haddad wrote:").click()
    expect(bilal).to_have_url(f"{topic_url}#post-1")
    bilal.locator("#post-2").get_by_role("link", name="@amal").click()
    expect(bilal.get_by_role("heading", level=1)).to_have_text("Amal Haddad")

    # Amal hears about the mention from the header menu, and the topic is unread.
    page.goto(forum_url)
    unread = page.locator(".topic-list__item").get_by_text("1 unread")
    expect(unread).to_be_visible()
    page.get_by_role("button", name="Notifications").click()
    menu = page.locator("#notification-menu-panel")
    expect(menu).to_be_visible()
    expect(menu.get_by_text("Bilal Saleh mentioned you")).to_be_visible()

    # Reading the topic clears the marker; Amal finds the reply helpful in one click.
    page.goto(topic_url)
    helpful = page.locator("#post-2 .reaction__button")
    expect(helpful).to_have_attribute("aria-pressed", "false")
    expect(helpful.locator(".reaction__count")).to_have_text("0")
    helpful.click()
    expect(helpful).to_have_attribute("aria-pressed", "true")
    expect(helpful.locator(".reaction__count")).to_have_text("1")
    page.goto(forum_url)
    expect(page.locator(".topic-list__item")).to_be_visible()
    expect(page.locator(".topic-list__item .badge--unread")).to_have_count(0)

    # Bilal sees the count and, on focus, who found it helpful.
    bilal.goto(topic_url)
    card = bilal.locator("#post-1 .person-card__toggle")
    card.focus()
    bilal.keyboard.press("Enter")
    expect(bilal.locator("#post-1 .person-card__body")).to_contain_text("Member")
    expect(bilal.locator("#post-2 .reaction__count")).to_have_text("1")
    expect(bilal.locator("#post-2 .reaction__names")).to_have_text("Found helpful by Amal Haddad")
    screenshot(bilal, "discussion-quote-mention-reaction")
    bilal.context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_lively_topic_has_no_accessibility_violations(page, live_url, log_in, thread, language, screenshot):
    topic, amal, bilal = thread["topic"], thread["amal"], thread["bilal"]
    first = topic.posts.get(number=1)
    outcome = services.post_create(topic=topic, author=bilal, body="Solar fridges, checked **monthly**.")
    services.post_create(
        topic=topic, author=bilal, body="عملت الثلاجات الشمسية بشكل جيد في المخيمات.", language="ar"
    )
    Reaction.objects.create(post=outcome, user=amal)
    services.post_mark_answer(post=outcome, user=amal)
    services.topic_mark_read(user=amal, topic=Topic.objects.get(pk=topic.pk), number=first.number)
    log_in(page, amal)
    response = page.goto(f"{live_url}/{language}/forums/topic/{topic.pk}/")
    assert response.status == 200
    expect(page.locator(".topic-outcome")).to_be_visible()
    page.locator("#post-2 .person-card__toggle").click()
    violations = axe_violations(page)
    if violations:
        screenshot(page, f"axe-lively-topic-{language}")
    assert not violations, describe_violations(violations)
    arabic = page.locator("#post-3 .post__content")
    expect(arabic).to_have_attribute("dir", "rtl")
    expect(arabic).to_have_attribute("lang", "ar")
