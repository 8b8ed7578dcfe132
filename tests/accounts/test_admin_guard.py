"""Crafted admin requests about another organisation's pages are refused and
change nothing: the page permission policy answers for every admin view."""

import pytest
from wagtail.models import Page

from portal.accounts.models import Membership
from portal.accounts.workflows import sign_off_workflow_assign
from tests.accounts.factories import MembershipFactory
from tests.accounts.helpers import brief_form_data, edit_url, refused, with_second_factor
from tests.factories import OrganisationFactory, UserFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

pytestmark = pytest.mark.django_db

ADD_BRIEF = "/admin/pages/add/knowledge/policybriefpage/{parent}/"


@pytest.fixture
def setting(home_page):
    mine, theirs = OrganisationFactory(), OrganisationFactory()
    briefs = PolicyBriefIndexPageFactory(parent=home_page)
    sign_off_workflow_assign(pages=[briefs])
    editor = with_second_factor(MembershipFactory(organisation=mine, role=Membership.Role.EDITOR).user)
    theirs_page = PolicyBriefPageFactory(parent=briefs, organisations=[theirs], title="Their brief")
    theirs_page.save_revision()
    return {"mine": mine, "theirs": theirs, "briefs": briefs, "editor": editor, "page": theirs_page}


@pytest.mark.parametrize(
    "suffix",
    [
        "edit/",
        "view_draft/",
        "delete/",
        "move/",
        "copy/",
        "unpublish/",
        "history/",
        "usage/",
        "lock/",
        "privacy/",
        "revisions/1/view/",
        "revisions/1/revert/",
        "workflow_history/",
    ],
)
def test_other_organisations_page_addresses_are_forbidden(client, setting, suffix):
    client.force_login(setting["editor"])
    page = setting["page"]
    assert refused(client.get(f"/admin/pages/{page.pk}/{suffix}"))
    assert refused(client.post(f"/admin/pages/{page.pk}/{suffix}"))
    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert page.title == "Their brief"


def test_crafted_edit_post_changes_nothing(client, setting):
    client.force_login(setting["editor"])
    page = setting["page"]
    response = client.post(edit_url(page), brief_form_data(page, title="Hijacked", action="publish"))
    assert refused(response)
    assert Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().title == "Their brief"


def test_editor_creates_pages_only_for_their_organisation(client, setting):
    client.force_login(setting["editor"])
    url = ADD_BRIEF.format(parent=setting["briefs"].pk)
    draft = PolicyBriefPageFactory.build(title="New brief", slug="new-brief")
    assert client.get(url).status_code == 200

    for organisations in ([setting["theirs"].pk], [999999], ["abc"], []):
        data = brief_form_data(draft, organisations=organisations)
        assert client.post(url, data).status_code == 403
    assert not Page.objects.filter(slug="new-brief").exists()

    data = brief_form_data(draft, organisations=[setting["mine"].pk, setting["theirs"].pk])
    response = client.post(url, data)
    assert response.status_code == 302
    created = Page.objects.get(slug="new-brief").specific
    assert {o.pk for o in created.organisations.all()} == {setting["mine"].pk, setting["theirs"].pk}
    assert not created.live


def test_editor_cannot_change_portal_pages(client, setting, home_page):
    client.force_login(setting["editor"])
    assert client.get(f"/admin/pages/{home_page.pk}/").status_code == 200
    assert refused(client.get(edit_url(home_page)))
    assert refused(client.post(f"/admin/pages/{setting['briefs'].pk}/delete/"))
    assert Page.objects.filter(pk=setting["briefs"].pk).exists()


def test_explorer_hides_other_organisations_pages(client, setting):
    mine = PolicyBriefPageFactory(parent=setting["briefs"], organisations=[setting["mine"]], title="My brief")
    client.force_login(setting["editor"])
    content = client.get(f"/admin/pages/{setting['briefs'].pk}/").content.decode()
    assert mine.title in content
    assert "Their brief" not in content


def test_bulk_actions_reach_only_their_organisations_pages(client, setting):
    mine = PolicyBriefPageFactory(
        parent=setting["briefs"], organisations=[setting["mine"]], live=False, title="My draft"
    )
    client.force_login(setting["editor"])
    page = setting["page"]
    client.post(f"/admin/bulk/wagtailcore/page/delete/?id={page.pk}&id={mine.pk}")
    assert Page.objects.filter(pk=page.pk).exists()
    assert not Page.objects.filter(pk=mine.pk).exists()


def test_the_root_page_has_no_position_to_set(client, home_page):
    admin = with_second_factor(UserFactory(is_superuser=True, is_staff=True))
    client.force_login(admin)
    root = Page.get_first_root_node()
    response = client.post(f"/admin/pages/{root.pk}/set_position/?position=0")
    assert response.status_code == 400
    assert client.post(f"/admin/pages/{home_page.pk}/set_position/?position=0").status_code == 200
