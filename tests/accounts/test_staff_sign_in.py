"""Staff sign in in one pass: log-in, then the second factor, with no password asked
again in between, and back to the page they asked for."""

from urllib.parse import quote

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.admin.templatetags.wagtailadmin_tags import avatar_url

from portal.accounts.models import Membership, Profile
from tests.accounts.conftest import PASSWORD
from tests.accounts.factories import MembershipFactory
from tests.accounts.helpers import with_second_factor

pytestmark = pytest.mark.django_db

LOGIN = "/en/accounts/login/"
ACTIVATE = "/en/accounts/2fa/totp/activate/"
AUTHENTICATE = "/en/accounts/2fa/authenticate/"
ADMIN_PAGES = "/admin/pages/"


@pytest.fixture
def editor(db):
    return MembershipFactory(role=Membership.Role.EDITOR).user


def _log_in(client, user, next_url=ADMIN_PAGES):
    return client.post(f"{LOGIN}?next={quote(next_url)}", {"login": user.email, "password": PASSWORD})


def _activate(client, response):
    """Follow the log-in to the enrolment form and enrol with a fresh code."""
    assert response.status_code == 302
    enrolment = client.get(response["Location"])
    assert enrolment.status_code == 302 and enrolment["Location"].startswith(ACTIVATE)
    form = client.get(enrolment["Location"])
    assert form.status_code == 200, form.get("Location")
    return client.post(ACTIVATE, {"code": pyotp.TOTP(client.session["mfa.totp.secret"]).now()})


def test_staff_enrol_straight_after_logging_in_and_land_where_they_were_going(client, editor):
    assert client.get(ADMIN_PAGES)["Location"].startswith(LOGIN)
    response = _log_in(client, editor)
    assert response["Location"] == ADMIN_PAGES
    response = _activate(client, response)
    assert response.status_code == 302
    assert response["Location"] == ADMIN_PAGES
    assert client.get(ADMIN_PAGES).status_code == 200
    assert set(Authenticator.objects.filter(user=editor).values_list("type", flat=True)) == {
        Authenticator.Type.TOTP,
        Authenticator.Type.RECOVERY_CODES,
    }


def test_an_address_elsewhere_is_not_followed_after_enrolment(client, editor):
    _log_in(client, editor, next_url="/en/")
    client.get(f"{ACTIVATE}?next={quote('https://elsewhere.example/')}")
    response = client.post(ACTIVATE, {"code": pyotp.TOTP(client.session["mfa.totp.secret"]).now()})
    assert response["Location"] == "/en/accounts/2fa/recovery-codes/"


def test_an_old_sign_in_still_asks_for_the_password(client, editor, settings):
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0
    _log_in(client, editor)
    response = client.get(ACTIVATE)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/reauthenticate/")


def test_a_session_without_a_sign_in_still_asks_for_the_password(client, editor):
    client.force_login(editor)
    assert client.get(ACTIVATE)["Location"].startswith("/en/accounts/reauthenticate/")


def test_changing_an_existing_second_factor_still_asks_for_the_password(client, editor):
    with_second_factor(editor)
    client.post(LOGIN, {"login": editor.email, "password": PASSWORD})
    totp = Authenticator.objects.get(user=editor, type=Authenticator.Type.TOTP)
    client.post(AUTHENTICATE, {"code": pyotp.TOTP(totp.wrap().instance.data["secret"]).now()})
    response = client.get("/en/accounts/2fa/recovery-codes/generate/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/reauthenticate/")


def test_enrolled_staff_enter_their_code_and_land_where_they_were_going(client, editor):
    with_second_factor(editor)
    response = _log_in(client, editor)
    assert response["Location"] == AUTHENTICATE
    page = BeautifulSoup(client.get(AUTHENTICATE).content, "html.parser")
    sign_in = page.select_one("main button[type=submit]:not([form])")
    cancel = page.select_one("main button[form=logout-from-stage]")
    assert "button--quiet" not in (sign_in.get("class") or [])
    assert "button--quiet" in cancel.get("class")

    secret = (
        Authenticator.objects.get(user=editor, type=Authenticator.Type.TOTP).wrap().instance.data["secret"]
    )
    response = client.post(AUTHENTICATE, {"code": pyotp.TOTP(secret).now()})
    assert response["Location"] == ADMIN_PAGES


def test_the_admin_shows_the_profile_avatar_and_the_default_without_one(editor):
    assert "default-user-avatar" in avatar_url(editor)
    assert "default-user-avatar" in avatar_url(None)
    profile, _created = Profile.objects.get_or_create(user=editor)
    profile.avatar.save("face.jpg", ContentFile(b"not decoded here"))
    assert avatar_url(editor) == profile.avatar.url
