import pytest
from django.core.cache import cache

from portal.accounts.models import Membership
from tests.accounts.factories import MembershipFactory, VerifiedUserFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth keeps rate-limit counters and used TOTP codes in the cache."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def registered(db):
    """A registered person with a confirmed address and no organisation."""
    return VerifiedUserFactory(email="reader@civil.example.org", username="reader")


@pytest.fixture
def org_admin(db, organisation):
    return MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
