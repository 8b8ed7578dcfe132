"""TOTP enrolment and log-in with a second factor, required for privileged roles."""

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group

from portal.accounts.models import Membership
from tests.accounts.conftest import PASSWORD
from tests.accounts.factories import MembershipFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db

ACTIVATE = "/en/accounts/2fa/totp/activate/"


def _login(client, email, password=PASSWORD):
    return client.post("/en/accounts/login/", {"login": email, "password": password})


def _enrol(client, *, reauthenticate):
    response = client.get(ACTIVATE)
    if reauthenticate:
        # Without a fresh sign-in, adding a second factor asks for the password first.
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/reauthenticate/")
        response = client.post(response["Location"], {"password": PASSWORD})
        assert response.status_code == 302
        response = client.get(ACTIVATE)
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(ACTIVATE, {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/recovery-codes/"
    return secret


def test_editor_is_sent_to_enrol_then_logs_in_with_totp(client):
    editor = MembershipFactory(role=Membership.Role.EDITOR).user
    response = _login(client, editor.email)
    assert response.status_code == 302
    assert response["Location"].startswith(ACTIVATE + "?next=")

    secret = _enrol(client, reauthenticate=False)
    page = client.get(ACTIVATE, follow=True).content.decode()
    assert 'class="site-header"' in page
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    recovery = client.get("/en/accounts/2fa/recovery-codes/")
    assert recovery.status_code == 200
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.RECOVERY_CODES).exists()

    client.post("/en/accounts/logout/")
    response = _login(client, editor.email)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session

    response = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session

    response = client.post("/en/accounts/2fa/authenticate/", {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == editor.pk


def test_registered_person_is_not_asked_for_a_second_factor(client):
    person = VerifiedUserFactory()
    response = _login(client, person.email)
    assert response["Location"] == "/en/account/profile/"


@pytest.mark.parametrize("role", ["editor", "reviewer", "admin", "moderator"])
def test_admin_and_moderation_need_a_second_factor(client, role):
    if role == "moderator":
        user = VerifiedUserFactory()
        user.groups.add(Group.objects.get(name="Moderators"))
    else:
        user = MembershipFactory(role=role).user
    client.force_login(user)
    for path in ("/admin/", "/admin/pages/", "/en/moderation/", "/ar/moderation/queue/"):
        response = client.get(path)
        assert response.status_code == 302
        language = path[1:3] if path.startswith(("/en/", "/ar/")) else "en"
        assert response["Location"].startswith(f"/{language}/accounts/2fa/totp/activate/?next=")

    _enrol(client, reauthenticate=True)
    response = client.get("/admin/pages/")
    assert not response.get("Location", "").startswith(ACTIVATE)


def test_member_reaches_pages_without_a_second_factor(client):
    client.force_login(MembershipFactory(role=Membership.Role.MEMBER).user)
    response = client.get("/admin/")
    assert not response.get("Location", "").startswith(ACTIVATE)
