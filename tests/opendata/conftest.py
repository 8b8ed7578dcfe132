import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from wagtail.models import PageViewRestriction

from knowledge.models import JointActionPage, PolicyBriefPage
from portal.opendata.services import access_token_create
from tests.demo_data import demo  # noqa: F401 (a fixture)

PARTNER = "member@iom.example.org"
READER = "reader@example.org"
MODERATOR = "moderator@example.org"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Each test starts with no request counted against its client."""
    cache.clear()
    yield
    cache.clear()


def person(email):
    return get_user_model().objects.get(email=email)


def token_for(email, days=None):
    _row, secret = access_token_create(user=person(email), name="test", days=days)
    return secret


def api_client(token=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return Client(raise_request_exception=False, **headers)


def session_client(email=None):
    client = Client(raise_request_exception=False)
    if email:
        client.force_login(person(email))
    return client


def _restrict(page, kind, group=None):
    """Restrict ``page`` and every translation of it (each language is its own tree)."""
    for version in type(page).objects.filter(translation_key=page.translation_key):
        restriction = PageViewRestriction.objects.create(page=version, restriction_type=kind)
        if group is not None:
            restriction.groups.add(group)


@pytest.fixture
def restricted(db):
    """A brief only the partners' group may open, a brief for signed-in people, and a
    joint action for the partners' group: none of them for anonymous readers."""
    group = Group.objects.create(name="Partners' reading group")
    person(PARTNER).groups.add(group)
    briefs = PolicyBriefPage.objects.live().filter(locale__language_code="en").order_by("pk")
    group_brief, login_brief = briefs[0], briefs[1]
    _restrict(group_brief, PageViewRestriction.GROUPS, group)
    _restrict(login_brief, PageViewRestriction.LOGIN)
    action = JointActionPage.objects.live().filter(locale__language_code="en").order_by("pk").first()
    _restrict(action, PageViewRestriction.GROUPS, group)
    return {"group_brief": group_brief, "login_brief": login_brief, "action": action}
