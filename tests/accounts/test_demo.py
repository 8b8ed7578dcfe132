import io

import pytest
from django.contrib.auth import get_user_model

from portal.accounts import demo, selectors
from portal.accounts.models import Membership
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_demo_people_cover_every_role_and_can_log_in(client):
    for slug in demo.ORGANISATIONS:
        OrganisationFactory(slug=slug, name=slug.upper())
    output = io.StringIO()
    demo.load(output)
    demo.load(io.StringIO())  # idempotent
    printed = output.getvalue()
    assert demo.DEMO_PASSWORD in printed
    users = get_user_model().objects
    assert users.filter(is_superuser=True, email="admin@example.org").count() == 1
    assert selectors.is_moderator(users.get(email="moderator@example.org"))
    for role in ("editor", "reviewer", "admin"):
        assert Membership.objects.filter(role=role, status="approved").count() == len(demo.ORGANISATIONS)
    assert Membership.objects.filter(status="requested").count() == 1
    response = client.post(
        "/en/accounts/login/", {"login": "reader@example.org", "password": demo.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/account/profile/"
