import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from portal.accounts.models import Membership
from portal.accounts.selectors import MODERATORS_GROUP
from tests.accounts.factories import MembershipFactory, VerifiedUserFactory
from tests.factories import UserFactory
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory


@pytest.fixture(autouse=True)
def _open_moderation(settings):
    """Comments appear at once and without a rate limit unless a test says otherwise."""
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""
    cache.clear()


@pytest.fixture
def briefs_index(home_page):
    return PolicyBriefIndexPageFactory(parent=home_page, title="Policy briefs", slug="briefs")


@pytest.fixture
def brief(briefs_index, organisation):
    return PolicyBriefPageFactory(
        parent=briefs_index,
        title="Health access for migrants",
        slug="health-access",
        organisations=[organisation],
    )


@pytest.fixture
def brief_url(brief):
    return "/en/briefs/health-access/"


@pytest.fixture
def commenter(db):
    return VerifiedUserFactory(username="layla", first_name="Layla", last_name="Nasser")


@pytest.fixture
def other(db):
    return VerifiedUserFactory(username="karim", first_name="Karim", last_name="Saad")


@pytest.fixture
def unverified(db):
    return UserFactory(username="newcomer")


@pytest.fixture
def moderator(db):
    person = VerifiedUserFactory(username="moderator")
    person.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    return person


@pytest.fixture
def editor(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.EDITOR).user


@pytest.fixture
def member(organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.MEMBER).user
