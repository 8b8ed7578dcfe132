"""Publishing through the organisation sign-off workflow, with joint sign-off."""

import pytest
from wagtail.models import PageLogEntry

from portal.accounts import selectors
from portal.accounts.models import Membership, SignOff
from portal.accounts.workflows import sign_off_workflow_assign
from tests.accounts.factories import MembershipFactory
from tests.accounts.helpers import brief_form_data, current_task_state, edit_url, refused, with_second_factor
from tests.factories import OrganisationFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def briefs(home_page):
    index = PolicyBriefIndexPageFactory(parent=home_page)
    sign_off_workflow_assign(pages=[index])
    return index


@pytest.fixture
def orgs(db):
    return OrganisationFactory(name="Ministry of Health", acronym="MOH"), OrganisationFactory(name="WHO")


def _person(organisation, role):
    return with_second_factor(MembershipFactory(organisation=organisation, role=role).user)


def _submit(client, editor, page):
    client.force_login(editor)
    response = client.post(edit_url(page), brief_form_data(page, action="submit"))
    assert response.status_code == 302, response.content[:2000]
    return current_task_state(page)


def _approve(client, reviewer, page, task_state):
    client.force_login(reviewer)
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        {"comment": "Checked the figures."},
    )


def test_reviewer_of_the_organisation_approves_and_the_page_is_published(client, briefs, orgs):
    moh, _who = orgs
    editor, reviewer = _person(moh, "editor"), _person(moh, "reviewer")
    page = PolicyBriefPageFactory(parent=briefs, organisations=[moh], live=False, owner=editor)

    task_state = _submit(client, editor, page)
    assert task_state is not None
    page.refresh_from_db()
    assert not page.live

    response = _approve(client, reviewer, page, task_state)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert SignOff.objects.filter(page=page, organisation=moh, reviewer=reviewer).count() == 1
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {
        "wagtail.workflow.start",
        "accounts.sign_off",
        "wagtail.workflow.approve",
        "wagtail.publish",
    } <= actions


def test_joint_page_waits_for_every_organisation(client, briefs, orgs):
    moh, who = orgs
    editor = _person(moh, "editor")
    moh_reviewer, who_reviewer = _person(moh, "reviewer"), _person(who, "reviewer")
    page = PolicyBriefPageFactory(parent=briefs, organisations=[moh, who], live=False, owner=editor)
    task_state = _submit(client, editor, page)

    assert _approve(client, moh_reviewer, page, task_state).status_code == 302
    page.refresh_from_db()
    assert not page.live
    # The same reviewer cannot sign a second time for the other organisation.
    assert refused(_approve(client, moh_reviewer, page, task_state))
    assert SignOff.objects.filter(page=page).count() == 1

    assert _approve(client, who_reviewer, page, task_state).status_code == 302
    page.refresh_from_db()
    assert page.live
    signed = set(SignOff.objects.filter(page=page).values_list("organisation__name", flat=True))
    assert signed == {"Ministry of Health", "WHO"}

    response = client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Signed off by" in content
    for reviewer, organisation in ((moh_reviewer, "Ministry of Health"), (who_reviewer, "WHO")):
        assert selectors.display_name(reviewer) in content
        assert organisation in content


def test_reviewers_of_other_organisations_and_editors_cannot_approve(client, briefs, orgs):
    moh, who = orgs
    editor = _person(moh, "editor")
    page = PolicyBriefPageFactory(parent=briefs, organisations=[moh], live=False, owner=editor)
    task_state = _submit(client, editor, page)
    outsider = _person(who, "reviewer")
    moh_admin = _person(moh, "admin")
    for person in (outsider, editor, moh_admin):
        assert refused(_approve(client, person, page, task_state))
    page.refresh_from_db()
    assert not page.live
    assert not SignOff.objects.exists()


def test_request_changes_ends_the_review(client, briefs, orgs):
    moh, _who = orgs
    editor, reviewer = _person(moh, "editor"), _person(moh, "reviewer")
    page = PolicyBriefPageFactory(parent=briefs, organisations=[moh], live=False, owner=editor)
    task_state = _submit(client, editor, page)
    client.force_login(reviewer)
    response = client.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{task_state.pk}/", {"comment": "Add the sources."}
    )
    assert response.status_code == 302
    task_state.refresh_from_db()
    assert task_state.status == "rejected"
    page.refresh_from_db()
    assert not page.live


def test_reviewer_sees_the_review_in_their_dashboard(client, briefs, orgs):
    moh, who = orgs
    editor, reviewer = _person(moh, "editor"), _person(moh, "reviewer")
    page = PolicyBriefPageFactory(parent=briefs, organisations=[moh], live=False, owner=editor)
    _submit(client, editor, page)
    task = current_task_state(page).task.specific
    assert list(task.get_task_states_user_can_moderate(reviewer)) == [current_task_state(page)]
    assert not task.get_task_states_user_can_moderate(_person(who, "reviewer")).exists()


def test_published_page_shows_who_signed_off(client, briefs, orgs):
    from django.template import Context, Template

    moh, _who = orgs
    editor, reviewer = _person(moh, "editor"), _person(moh, "reviewer")
    page = PolicyBriefPageFactory(parent=briefs, organisations=[moh], live=False, owner=editor)
    task_state = _submit(client, editor, page)
    _approve(client, reviewer, page, task_state)
    page.refresh_from_db()
    html = Template("{% load accounts_tags %}{% sign_offs page %}").render(Context({"page": page}))
    assert "Signed off by" in html
    assert "Ministry of Health" in html


def test_membership_roles_give_admin_access(orgs):
    moh, _who = orgs
    editor = MembershipFactory(organisation=moh, role=Membership.Role.EDITOR).user
    assert editor.has_perm("wagtailadmin.access_admin")
    membership = Membership.objects.get(user=editor)
    membership.delete()
    editor = type(editor).objects.get(pk=editor.pk)
    assert not editor.has_perm("wagtailadmin.access_admin")
