"""The Wagtail admin works under its Content-Security-Policy: editing a page,
choosing a document, submitting for sign-off, signing off in the workflow modal
and the moderation queue, with every violation the browser reports collected."""

import re

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page

from forums.models import Post
from portal.accounts.models import Membership
from portal.accounts.workflows import sign_off_workflow_assign
from portal.moderation import services
from tests.accounts.factories import MembershipFactory
from tests.accounts.helpers import with_second_factor
from tests.forums.factories import TopicFactory, make_moderator
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db(transaction=True)

# Reports every refusal by the policy, whichever page of the session it happens on.
LISTEN_FOR_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', (event) => {
  console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


@pytest.fixture
def violations(context):
    found = []
    context.add_init_script(LISTEN_FOR_VIOLATIONS)

    def watch(browser_page):
        browser_page.on(
            "console",
            lambda message: (
                found.append(message.text)
                if "Content Security Policy" in message.text or "CSP violation" in message.text
                else None
            ),
        )
        return browser_page

    watch.found = found
    return watch


@pytest.fixture
def brief(home_page, organisation):
    # Browser tests flush the data migration that creates the root collection; the
    # editors' group takes its collection permissions from it when first used below.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    index = PolicyBriefIndexPageFactory(parent=home_page)
    sign_off_workflow_assign(pages=[index])
    editor = with_second_factor(
        MembershipFactory(organisation=organisation, role=Membership.Role.EDITOR).user
    )
    reviewer = with_second_factor(
        MembershipFactory(organisation=organisation, role=Membership.Role.REVIEWER).user
    )
    # A brief goes for sign-off with a body: an empty one is refused (knowledge.forms).
    page = PolicyBriefPageFactory(
        parent=index,
        organisations=[organisation],
        live=False,
        owner=editor,
        body=[("heading", "Findings")],
    )
    page.save_revision(user=editor)
    get_document_model().objects.create(
        title="Annual figures", file=ContentFile(b"figures", name="figures.txt"), uploaded_by_user=editor
    )
    return {"page": page, "editor": editor, "reviewer": reviewer}


def _wait_for_admin(browser_page):
    browser_page.wait_for_load_state("networkidle")


def _wait_for_message_about(browser_page, title):
    # The browser may call the page idle before the server has answered the form it
    # posted; the admin's message naming the page says it has. (The database is not
    # polled meanwhile: on SQLite the test shares the live server's connection.)
    expect(browser_page.locator(".messages")).to_contain_text(title, timeout=60_000)


def _posted_workflow_action(response):
    return response.request.method == "POST" and "/workflow/action/" in response.url


def test_editing_choosing_and_signing_off_under_the_policy(
    page, context, live_url, log_in, brief, violations
):
    response = violations(page).goto(f"{live_url}/admin/pages/{brief['page'].pk}/edit/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    log_in(context, brief["editor"])
    page.goto(f"{live_url}/admin/pages/{brief['page'].pk}/edit/")
    _wait_for_admin(page)

    page.locator("#id_title").fill("Brief edited under the policy")
    page.locator("#id_documents-ADD").click()
    page.get_by_role("button", name=re.compile("Choose a document")).first.click()
    page.locator(".modal").get_by_role("link", name="Annual figures").click()
    page.locator(".modal").wait_for(state="hidden")
    assert "Annual figures" in page.locator("#id_documents-FORMS").inner_text()

    page.locator("[data-w-dropdown-target='toggle']").last.click()
    page.get_by_role("button", name=re.compile("Submit for sign-off")).click()
    _wait_for_message_about(page, "Brief edited under the policy")
    assert Page.objects.get(pk=brief["page"].pk).specific.workflow_in_progress

    log_in(context, brief["reviewer"])
    page.goto(f"{live_url}/admin/")
    _wait_for_admin(page)
    page.locator("main [data-w-dropdown-target='toggle']").first.click()
    page.get_by_text("Sign off with comment").first.click()
    page.locator(".modal textarea").fill("Figures checked.")
    # The modal collects the comment, then the admin posts the action itself: its
    # answer (a redirect) means the server has signed off.
    with page.expect_response(_posted_workflow_action, timeout=60_000):
        page.locator(".modal").get_by_role("button", name=re.compile("Sign off")).last.click()
    _wait_for_admin(page)
    brief["page"].refresh_from_db()
    assert brief["page"].live
    assert not violations.found, "\n".join(violations.found)


def test_moderation_queue_under_the_policy(page, context, live_url, log_in, home_page, violations):
    topic = TopicFactory()
    post = topic.posts.get()
    post.set_body("Stored **HTML** of a post")
    post.save(update_fields=["body_source", "body_html"])
    services.content_report(content=post, reporter=make_moderator(), reason="abuse", details="rude")
    log_in(context, make_moderator())
    violations(page).goto(f"{live_url}/admin/moderation/")
    _wait_for_admin(page)
    page.locator("table.listing tbody a").first.click()
    _wait_for_admin(page)
    assert page.locator(".moderation-text strong").inner_text() == "HTML"
    assert Post.objects.filter(pk=post.pk).exists()
    assert not violations.found, "\n".join(violations.found)
