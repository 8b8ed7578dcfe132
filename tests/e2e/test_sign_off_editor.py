"""Organisation sign-off from the page editor's footer, as reviewers do it: signing
what they read publishes once every organisation has signed; signing with changes
is announced first, then restarts the sign-off on the changed version."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect
from wagtail.models import Collection, Page

from portal.accounts.models import Membership, SignOff
from portal.accounts.workflows import sign_off_workflow_assign
from tests.accounts.factories import MembershipFactory
from tests.accounts.helpers import brief_form_data, current_task_state, edit_url, with_second_factor
from tests.factories import OrganisationFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _person(organisation, role):
    return with_second_factor(MembershipFactory(organisation=organisation, role=role).user)


@pytest.fixture
def joint_brief(home_page):
    """A brief of the Ministry of Health and WHO, submitted for sign-off."""
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    moh, who = OrganisationFactory(name="Ministry of Health"), OrganisationFactory(name="WHO")
    index = PolicyBriefIndexPageFactory(parent=home_page)
    sign_off_workflow_assign(pages=[index])
    editor = _person(moh, Membership.Role.EDITOR)
    page = PolicyBriefPageFactory(
        parent=index, title="Joint brief", organisations=[moh, who], live=False, owner=editor
    )
    client = Client()
    client.force_login(editor)
    assert client.post(edit_url(page), brief_form_data(page, action="submit")).status_code == 302
    return {
        "page": page,
        "submitted": current_task_state(page),
        "moh_reviewer": _person(moh, Membership.Role.REVIEWER),
        "who_reviewer": _person(who, Membership.Role.REVIEWER),
    }


def _posted_edit_form(page_pk):
    return lambda response: (
        response.request.method == "POST" and response.url.endswith(f"/admin/pages/{page_pk}/edit/")
    )


def _open_editor(page, live_url, page_pk):
    page.goto(f"{live_url}/admin/pages/{page_pk}/edit/")
    page.wait_for_load_state("networkidle")


def _footer_button(page, name):
    return page.locator("footer").get_by_role("button", name=re.compile(name)).first


def test_both_reviewers_sign_off_from_the_editor_and_the_brief_is_published(
    page, context, live_url, log_in, joint_brief
):
    pk = joint_brief["page"].pk
    log_in(context, joint_brief["moh_reviewer"])
    _open_editor(page, live_url, pk)
    # The side panel names who is awaited before anyone signs.
    page.get_by_role("button", name="Toggle sign-off").click()
    panel = page.locator("[data-sign-off-panel]")
    expect(panel).to_contain_text("Ministry of Health")
    expect(panel).to_contain_text("WHO")
    # Reviewers sign off or ask for changes; ending the workflow is not theirs.
    expect(page.locator("footer").get_by_text("Cancel workflow")).to_have_count(0)
    with page.expect_response(_posted_edit_form(pk), timeout=60_000):
        _footer_button(page, "^Sign off$").click()
    expect(page.locator(".messages")).to_contain_text("Awaiting sign-off from: WHO", timeout=60_000)

    log_in(context, joint_brief["who_reviewer"])
    _open_editor(page, live_url, pk)
    with page.expect_response(_posted_edit_form(pk), timeout=60_000):
        _footer_button(page, "^Sign off$").click()
    expect(page.locator(".messages")).to_contain_text(
        "signed off by every organisation and published", timeout=60_000
    )

    published = Page.objects.get(pk=pk).specific
    assert published.live
    # Both signed the revision they read, the one submitted, which is the one published.
    submitted_revision = joint_brief["submitted"].revision_id
    assert published.live_revision_id == submitted_revision
    assert set(SignOff.objects.filter(page_id=pk).values_list("organisation__name", "revision_id")) == {
        ("Ministry of Health", submitted_revision),
        ("WHO", submitted_revision),
    }


def test_a_reviewer_who_edits_while_signing_off_is_warned_then_restarts_sign_off(
    page, context, live_url, log_in, joint_brief
):
    pk = joint_brief["page"].pk
    log_in(context, joint_brief["who_reviewer"])
    _open_editor(page, live_url, pk)
    page.locator("#id_summary").fill("A corrected summary of the joint brief.")
    with page.expect_response(_posted_edit_form(pk), timeout=60_000):
        _footer_button(page, "^Sign off$").click()
    # Told before anything is saved; the edit is still in the form.
    expect(page.locator(".messages")).to_contain_text("restarts sign-off", timeout=60_000)
    expect(page.locator("#id_summary")).to_have_value("A corrected summary of the joint brief.")
    assert current_task_state(joint_brief["page"]).pk == joint_brief["submitted"].pk

    with page.expect_response(_posted_edit_form(pk), timeout=60_000):
        _footer_button(page, "Save changes and restart sign-off").click()
    expect(page.locator(".messages")).to_contain_text("sign-off has restarted", timeout=60_000)
    expect(page.locator(".messages")).to_contain_text("Awaiting sign-off from: Ministry of Health")

    restarted = current_task_state(joint_brief["page"])
    assert restarted.pk != joint_brief["submitted"].pk
    assert restarted.revision.content["summary"] == "A corrected summary of the joint brief."
    assert list(SignOff.objects.filter(page_id=pk).values_list("organisation__name", "revision_id")) == [
        ("WHO", restarted.revision_id)
    ]
    assert not Page.objects.get(pk=pk).live
