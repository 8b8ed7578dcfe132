"""One small portal with a thing for every audience, and a person of every audience.

Things: a public brief, a brief restricted to signed-in people, a brief restricted to
a group (whose only member is the organisation A member), a comment on each brief,
topics in a public, a partners-only and an organisation A forum, and a reply held
for approval (written by the signed-in person) in the public topic.
"""

from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from portal.audience import Audience
from portal.comments.models import Comment
from search.indexing import index_with_dependents
from tests.accounts.factories import MembershipFactory, VerifiedUserFactory
from tests.comments.factories import CommentFactory
from tests.factories import OrganisationFactory
from tests.forums.factories import ForumFactory, PostFactory, TopicFactory, make_moderator
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory

AUDIENCES = ("anonymous", "signed_in", "partner", "organisation_a", "staff")


@dataclass
class World:
    people: dict
    things: dict
    titles: dict = field(default_factory=dict)

    def client(self, audience):
        client = Client()
        if self.people[audience] is not None:
            client.force_login(self.people[audience])
        return client


@pytest.fixture(autouse=True)
def _search_and_moderation(settings):
    settings.PORTAL_SEARCH_BACKEND = "database"
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""


def _brief(index, title, organisation):
    return PolicyBriefPageFactory(parent=index, title=title, organisations=[organisation])


def _restrict(page, restriction_type, group=None):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type)
    if group is not None:
        restriction.groups.add(group)


@pytest.fixture
def world(home_page, countries):
    organisation_a = OrganisationFactory(name="Organisation A", slug="org-a", acronym="OA")
    organisation_b = OrganisationFactory(name="Organisation B", slug="org-b", acronym="OB")
    insiders = Group.objects.create(name="Insiders")
    people = {
        "anonymous": None,
        "signed_in": VerifiedUserFactory(username="signed-in"),
        "partner": MembershipFactory(organisation=organisation_b).user,
        "organisation_a": MembershipFactory(organisation=organisation_a).user,
        "staff": make_moderator(),
    }
    people["organisation_a"].groups.add(insiders)

    index = PolicyBriefIndexPageFactory(parent=home_page, title="Policy briefs", slug="briefs")
    public_brief = _brief(index, "Alpha open brief", organisation_a)
    login_brief = _brief(index, "Bravo members brief", organisation_a)
    _restrict(login_brief, PageViewRestriction.LOGIN)
    group_brief = _brief(index, "Charlie insiders brief", organisation_a)
    _restrict(group_brief, PageViewRestriction.GROUPS, insiders)

    public_forum = ForumFactory(name="Open forum", slug="open", visibility=Audience.PUBLIC)
    partners_forum = ForumFactory(name="Partners room", slug="partners-room", visibility=Audience.PARTNERS)
    organisation_forum = ForumFactory(
        name="Organisation A room",
        slug="org-a-room",
        visibility=Audience.ORGANISATION,
        organisation=organisation_a,
    )
    public_topic = TopicFactory(forum=public_forum, title="Delta open topic")
    held_post = PostFactory(
        topic=public_topic, author=people["signed_in"], body="Golf held words", status=Comment.Status.HELD
    )
    things = {
        "public brief": public_brief,
        "login brief": login_brief,
        "group brief": group_brief,
        "comment on public brief": CommentFactory(page=public_brief, body_source="Hotel remark on alpha"),
        "comment on login brief": CommentFactory(page=login_brief, body_source="India remark on bravo"),
        "comment on group brief": CommentFactory(page=group_brief, body_source="Juliet remark on charlie"),
        "public topic": public_topic,
        "partners topic": TopicFactory(forum=partners_forum, title="Echo partners topic"),
        "organisation topic": TopicFactory(forum=organisation_forum, title="Foxtrot organisation topic"),
        "held post": held_post,
    }
    for thing in things.values():
        index_with_dependents(thing)
    # What shows a thing on a page: its title, or the text of a comment or post.
    titles = {name: getattr(thing, "title", None) or thing.body_source for name, thing in things.items()}
    return World(people=people, things=things, titles=titles)
