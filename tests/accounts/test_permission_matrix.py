"""Every role against every action, asserted through HTTP requests as that person.

Each case checks both the answer and what changed, so a refused action that
still slipped through would fail.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from forums.models import Post, Topic
from portal.accounts.models import Membership, SignOff
from portal.accounts.workflows import sign_off_workflow_assign
from portal.audience import Audience
from tests.accounts.factories import MembershipFactory, VerifiedUserFactory
from tests.accounts.helpers import brief_form_data, current_task_state, edit_url, with_second_factor
from tests.factories import OrganisationFactory, UserFactory
from tests.forums.factories import ForumFactory, PostFactory, TopicFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory
from tests.moderation.factories import SuspensionFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "registered",
    "member",
    "editor",
    "reviewer",
    "org_admin",
    "moderator",
    "site_admin",
    "suspended",
]
ORG_STAFF = {"editor", "reviewer", "org_admin"}
PARTNERS = {"member", *ORG_STAFF}

EXPECTED = {
    "read_published": set(ROLES),
    "read_draft_own": ORG_STAFF | {"site_admin"},
    "read_draft_other": {"site_admin"},
    "find_draft_own_in_admin": ORG_STAFF | {"site_admin"},
    "find_draft_other_in_admin": {"site_admin"},
    "edit_own": {"editor", "org_admin", "site_admin"},
    "edit_other": {"site_admin"},
    "submit_own_for_sign_off": {"editor", "org_admin", "site_admin"},
    "publish_own_directly": {"site_admin"},
    "sign_off_own": {"reviewer"},
    "sign_off_other": set(),
    "decide_join_request_own": {"org_admin", "site_admin"},
    "decide_join_request_other": {"site_admin"},
    "enter_partner_forum": PARTNERS | {"moderator", "site_admin", "suspended"},
    "moderate_forum_topic": {"moderator", "site_admin"},
    "reply_in_open_forum": set(ROLES) - {"anonymous", "suspended"},
    "edit_own_forum_post": set(ROLES) - {"anonymous", "suspended"},
}


@pytest.fixture
def world(home_page):
    own, other = OrganisationFactory(name="Own Ministry"), OrganisationFactory(name="Other Agency")
    briefs = PolicyBriefIndexPageFactory(parent=home_page)
    sign_off_workflow_assign(pages=[briefs])
    own_editor = with_second_factor(MembershipFactory(organisation=own, role=Membership.Role.EDITOR).user)
    other_editor = with_second_factor(MembershipFactory(organisation=other, role=Membership.Role.EDITOR).user)
    published = PolicyBriefPageFactory(parent=briefs, organisations=[own], title="Published brief")
    own_draft = PolicyBriefPageFactory(parent=briefs, organisations=[own], live=False, title="Own draft")
    other_draft = PolicyBriefPageFactory(
        parent=briefs, organisations=[other], live=False, title="Other draft"
    )
    in_review = {}
    for key, organisation, editor in (("own", own, own_editor), ("other", other, other_editor)):
        page = PolicyBriefPageFactory(
            parent=briefs, organisations=[organisation], live=False, title=f"{key} in review"
        )
        page.save_revision(user=editor)
        page.get_workflow().start(page, editor)
        in_review[key] = page
    partner_forum = ForumFactory(slug="partners-room", visibility=Audience.PARTNERS)
    topic = TopicFactory(forum=ForumFactory(slug="open-forum"))
    return {
        "own": own,
        "other": other,
        "published": published,
        "own_draft": own_draft,
        "other_draft": other_draft,
        "in_review": in_review,
        "partner_forum": partner_forum,
        "topic": topic,
    }


def _person(role, world):
    if role == "anonymous":
        return None
    if role == "registered":
        return VerifiedUserFactory()
    if role == "moderator":
        user = with_second_factor(VerifiedUserFactory())
        user.groups.add(Group.objects.get(name="Moderators"))
        return user
    if role == "site_admin":
        return with_second_factor(UserFactory(is_superuser=True, is_staff=True))
    if role == "suspended":
        # A partner member whom the moderators suspended: reads as before, writes nothing.
        user = MembershipFactory(organisation=world["own"], role="member").user
        SuspensionFactory(user=user)
        return user
    db_role = {"member": "member", "editor": "editor", "reviewer": "reviewer", "org_admin": "admin"}[role]
    return with_second_factor(MembershipFactory(organisation=world["own"], role=db_role).user)


def _latest_title(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().title


def _edit(client, page):
    client.post(edit_url(page), brief_form_data(page, title="Changed title"))
    return _latest_title(page) == "Changed title"


def _view_draft(client, page):
    response = client.get(f"/admin/pages/{page.pk}/view_draft/")
    return response.status_code == 200 and page.title in response.content.decode()


def _find_in_admin(client, page):
    """The admin API, which the explorer and choosers read, lists the draft."""
    response = client.get("/admin/api/main/pages/", {"search": page.title, "child_of": page.get_parent().pk})
    return response.status_code == 200 and page.title in response.content.decode()


def _sign_off(client, page):
    task_state = current_task_state(page)
    client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    return SignOff.objects.filter(page=page).exists()


def _decide(client, organisation):
    membership = MembershipFactory(organisation=organisation, status=Membership.Status.REQUESTED)
    client.post(
        f"/en/account/organisations/{organisation.slug}/requests/{membership.pk}/",
        {"decision": "approve", "role": "member"},
    )
    membership.refresh_from_db()
    return membership.status == Membership.Status.APPROVED


def _edit_own_post(client, world, user):
    if user is None:
        return False
    post = PostFactory(topic=world["topic"], author=user, body="As written")
    client.post(f"/en/forums/post/{post.pk}/edit/", {"body": "Changed words"})
    return Post.objects.get(pk=post.pk).body_source == "Changed words"


def _act(action, client, world, user):
    """Try ``action`` as ``user``; return whether it took effect."""
    if action == "read_published":
        return client.get(world["published"].url).status_code == 200
    if action == "read_draft_own":
        return _view_draft(client, world["own_draft"])
    if action == "read_draft_other":
        return _view_draft(client, world["other_draft"])
    if action == "find_draft_own_in_admin":
        return _find_in_admin(client, world["own_draft"])
    if action == "find_draft_other_in_admin":
        return _find_in_admin(client, world["other_draft"])
    if action == "edit_own":
        return _edit(client, world["own_draft"])
    if action == "edit_other":
        return _edit(client, world["other_draft"])
    if action == "submit_own_for_sign_off":
        page = world["own_draft"]
        client.post(edit_url(page), brief_form_data(page, action="submit"))
        return Page.objects.get(pk=page.pk).specific.workflow_in_progress
    if action == "publish_own_directly":
        page = world["own_draft"]
        client.post(edit_url(page), brief_form_data(page, action="publish"))
        return Page.objects.get(pk=page.pk).live
    if action == "sign_off_own":
        return _sign_off(client, world["in_review"]["own"])
    if action == "sign_off_other":
        return _sign_off(client, world["in_review"]["other"])
    if action == "decide_join_request_own":
        return _decide(client, world["own"])
    if action == "decide_join_request_other":
        return _decide(client, world["other"])
    if action == "enter_partner_forum":
        return client.get(f"/en/forums/{world['partner_forum'].slug}/").status_code == 200
    if action == "moderate_forum_topic":
        topic = world["topic"]
        client.post(f"/en/forums/topic/{topic.pk}/lock/", {"reason": "Off topic"})
        return Topic.objects.get(pk=topic.pk).locked
    if action == "reply_in_open_forum":
        client.post(f"/en/forums/topic/{world['topic'].pk}/reply/", {"body": "A reply from the matrix"})
        return Post.objects.filter(body_source="A reply from the matrix").exists()
    if action == "edit_own_forum_post":
        return _edit_own_post(client, world, user)
    raise AssertionError(action)


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, world, role, action):
    user = _person(role, world)
    if user is not None:
        client.force_login(user)
    assert _act(action, client, world, user) is (role in EXPECTED[action])
