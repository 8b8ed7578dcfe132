"""The rules behind signing off from the page editor: an untouched page signs the
revision under review, an identical newer revision does not restart the sign-off,
a changed one does, and reviewers are not offered to end the workflow."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from portal.accounts.models import Membership, SignOff
from portal.accounts.workflows import sign_off_workflow_assign
from tests.accounts.factories import MembershipFactory
from tests.accounts.helpers import brief_form_data, current_task_state, edit_url, with_second_factor
from tests.factories import OrganisationFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db


def _person(organisation, role):
    return with_second_factor(MembershipFactory(organisation=organisation, role=role).user)


@pytest.fixture
def submitted(client, home_page):
    moh, who = OrganisationFactory(name="Ministry of Health"), OrganisationFactory(name="WHO")
    index = PolicyBriefIndexPageFactory(parent=home_page)
    sign_off_workflow_assign(pages=[index])
    editor = _person(moh, Membership.Role.EDITOR)
    page = PolicyBriefPageFactory(parent=index, organisations=[moh, who], live=False, owner=editor)
    client.force_login(editor)
    assert client.post(edit_url(page), brief_form_data(page, action="submit")).status_code == 302
    return {
        "page": page,
        "editor": editor,
        "task_state": current_task_state(page),
        "moh_reviewer": _person(moh, Membership.Role.REVIEWER),
        "who_reviewer": _person(who, Membership.Role.REVIEWER),
    }


def _sign_off_in_editor(client, reviewer, page, **changes):
    client.force_login(reviewer)
    data = brief_form_data(page, **changes)
    data.update({"action-workflow-action": "true", "workflow-action-name": "approve"})
    data.update(changes.pop("extra", {}))
    return client.post(edit_url(page), data)


def _editor(client, user, page):
    client.force_login(user)
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return response.content.decode()


def test_an_untouched_page_is_signed_as_submitted(client, submitted):
    page, task_state = submitted["page"], submitted["task_state"]
    revisions = page.revisions.count()
    response = _sign_off_in_editor(client, submitted["moh_reviewer"], page)
    assert response.status_code == 302
    assert page.revisions.count() == revisions
    assert current_task_state(page).pk == task_state.pk
    assert list(SignOff.objects.values_list("revision_id", flat=True)) == [task_state.revision_id]


def test_an_identical_newer_revision_takes_the_sign_offs_along(client, submitted):
    page, task_state = submitted["page"], submitted["task_state"]
    _sign_off_in_editor(client, submitted["moh_reviewer"], page)
    # Saved again without a change (an autosave, say): nothing to sign again.
    same = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().save_revision()
    assert _sign_off_in_editor(client, submitted["who_reviewer"], page).status_code == 302
    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == same.pk
    assert set(SignOff.objects.values_list("task_state_id", "revision_id")) == {(task_state.pk, same.pk)}


def test_changes_wait_for_confirmation_then_restart_for_everyone(client, submitted):
    page, task_state = submitted["page"], submitted["task_state"]
    _sign_off_in_editor(client, submitted["moh_reviewer"], page)
    revisions = page.revisions.count()

    response = _sign_off_in_editor(client, submitted["who_reviewer"], page, summary="Changed while signing.")
    assert response.status_code == 200
    assert "Save changes and restart sign-off" in response.content.decode()
    assert page.revisions.count() == revisions
    assert current_task_state(page).pk == task_state.pk

    response = _sign_off_in_editor(
        client,
        submitted["who_reviewer"],
        page,
        summary="Changed while signing.",
        extra={"sign-off-restart": "confirmed"},
    )
    assert response.status_code == 302
    restarted = current_task_state(page)
    assert restarted.pk != task_state.pk
    assert restarted.revision.content["summary"] == "Changed while signing."
    signed = set(SignOff.objects.filter(task_state=restarted).values_list("organisation__name", flat=True))
    assert signed == {"WHO"}
    assert not Page.objects.get(pk=page.pk).live


def test_a_draft_saved_during_sign_off_is_announced_before_signing_it(client, submitted):
    page, task_state = submitted["page"], submitted["task_state"]
    client.force_login(submitted["who_reviewer"])
    saved = client.post(edit_url(page), brief_form_data(page, summary="Saved as a draft first."))
    assert saved.status_code == 302
    # The form now matches the saved draft, which is not what was submitted.
    response = _sign_off_in_editor(client, submitted["who_reviewer"], page, summary="Saved as a draft first.")
    assert response.status_code == 200
    assert "Save changes and restart sign-off" in response.content.decode()
    assert current_task_state(page).pk == task_state.pk
    assert not SignOff.objects.exists()


def test_the_editor_does_not_autosave_during_sign_off(client, submitted):
    def controllers(user, page):
        form = BeautifulSoup(_editor(client, user, page), "html.parser").select_one("form[data-edit-form]")
        return form["data-controller"].split()

    assert "w-autosave" not in controllers(submitted["who_reviewer"], submitted["page"])
    draft = PolicyBriefPageFactory(
        parent=submitted["page"].get_parent(), organisations=submitted["page"].organisations.all(), live=False
    )
    assert "w-autosave" in controllers(submitted["editor"], draft)


def test_reviewers_are_not_offered_to_end_the_workflow(client, submitted):
    page = submitted["page"]
    reviewer_footer = _editor(client, submitted["moh_reviewer"], page)
    assert "action-cancel-workflow" not in reviewer_footer
    assert "action-restart-workflow" not in reviewer_footer
    assert "Sign off" in reviewer_footer
    assert "action-cancel-workflow" in _editor(client, submitted["editor"], page)


def test_a_reviewer_cannot_cancel_the_workflow_by_posting(client, submitted):
    page = submitted["page"]
    client.force_login(submitted["moh_reviewer"])
    data = brief_form_data(page)
    data["action-cancel-workflow"] = "true"
    assert client.post(edit_url(page), data).status_code == 403
    assert current_task_state(page).pk == submitted["task_state"].pk


def test_the_editor_names_who_signed_and_who_is_awaited(client, submitted):
    page = submitted["page"]
    _sign_off_in_editor(client, submitted["moh_reviewer"], page)
    panel = BeautifulSoup(_editor(client, submitted["who_reviewer"], page), "html.parser").select_one(
        "[data-sign-off-panel]"
    )
    signed, awaited = (section.get_text(" ", strip=True) for section in panel.find_all("section"))
    assert "Ministry of Health" in signed and "WHO" not in signed
    assert "WHO" in awaited and "Ministry of Health" not in awaited


def test_partners_read_sign_off_not_moderation(client, submitted):
    page = submitted["page"]
    assert Page.objects.get(pk=page.pk).specific.status_string == "awaiting sign-off"
    client.force_login(submitted["editor"])
    listing = client.get(f"/admin/pages/{page.get_parent().pk}/").content.decode()
    assert "awaiting sign-off" in listing
    assert "in moderation" not in listing
    client.force_login(submitted["moh_reviewer"])
    response = client.post(
        edit_url(page),
        {**brief_form_data(page), "action-workflow-action": "true", "workflow-action-name": "reject"},
    )
    assert response.status_code == 302
    footer = _editor(client, submitted["editor"], page)
    assert "Resubmit for sign-off" in footer
    assert "moderation" not in BeautifulSoup(footer, "html.parser").select_one("footer").get_text()


def test_a_new_page_is_submitted_for_sign_off(client, submitted):
    client.force_login(submitted["editor"])
    index = submitted["page"].get_parent()
    response = client.get(f"/admin/pages/add/knowledge/policybriefpage/{index.pk}/")
    assert response.status_code == 200
    assert "Submit for sign-off" in response.content.decode()
