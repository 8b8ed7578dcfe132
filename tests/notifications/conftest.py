import pytest

from tests.factories import UserFactory
from tests.notifications.backends import FlakyEmailBackend


@pytest.fixture
def flaky_mail(settings):
    """Mail server that fails the next ``failures_left`` sends (2 unless changed)."""
    settings.EMAIL_BACKEND = "tests.notifications.backends.FlakyEmailBackend"
    FlakyEmailBackend.failures_left = 2
    yield FlakyEmailBackend
    FlakyEmailBackend.failures_left = 0


@pytest.fixture
def actor(db):
    return UserFactory(username="amal", first_name="Amal", last_name="Haddad")


@pytest.fixture
def reader(db):
    return UserFactory(username="omar", first_name="Omar", last_name="Khalil")
