"""Forums fixtures: one forum of each kind and a person in each role."""

import pytest
from django.test import Client

from portal.audience import Audience
from tests.accounts.factories import VerifiedUserFactory
from tests.forums.factories import ForumFactory, TopicFactory, make_member, make_moderator, make_unverified


@pytest.fixture(autouse=True)
def _no_holding_or_limits(settings):
    """Most tests are not about new-account holding or rate limits; those that are
    set the two settings themselves."""
    settings.PORTAL_TRUST_MEMBER_AFTER_POSTS = 0
    settings.PORTAL_POSTING_RATE_LIMIT = ""


@pytest.fixture
def public_forum(db):
    return ForumFactory(name="Health", slug="health", visibility=Audience.PUBLIC)


@pytest.fixture
def partners_forum(db):
    return ForumFactory(name="Joint action room", slug="joint-room", visibility=Audience.PARTNERS)


@pytest.fixture
def public_topic(public_forum):
    return TopicFactory(forum=public_forum, title="Vaccination in camps")


@pytest.fixture
def partners_topic(partners_forum):
    return TopicFactory(forum=partners_forum, title="Confidential budget shift")


@pytest.fixture
def registered(db):
    return VerifiedUserFactory()


@pytest.fixture
def unverified(db):
    return make_unverified()


@pytest.fixture
def member(db):
    return make_member()


@pytest.fixture
def moderator(db):
    return make_moderator()


@pytest.fixture
def client_for():
    def make(user=None):
        client = Client()
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def roles(registered, unverified, member, moderator):
    return {
        "anonymous": None,
        "unverified": unverified,
        "registered": registered,
        "member": member,
        "moderator": moderator,
    }
