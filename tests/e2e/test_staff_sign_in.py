"""Staff sign-in in a real browser: from an admin page to the log-in, the second
factor (enrolled on the spot, or entered), and back to that admin page, with no
password asked again in between; the admin shows the avatar from their profile."""

import io
import re

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from playwright.sync_api import expect

from portal.accounts.avatars import avatar_prepare
from portal.accounts.models import Membership, Profile
from tests.accounts.conftest import PASSWORD
from tests.accounts.factories import MembershipFactory
from tests.accounts.helpers import with_second_factor

pytestmark = pytest.mark.django_db(transaction=True)

ADMIN_PAGES = "/admin/pages/"


@pytest.fixture
def editor(organisation):
    user = MembershipFactory(organisation=organisation, role=Membership.Role.EDITOR).user
    picture = io.BytesIO()
    Image.new("RGB", (320, 320), (20, 110, 90)).save(picture, format="PNG")
    avatar = avatar_prepare(SimpleUploadedFile("me.png", picture.getvalue(), content_type="image/png"))
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.avatar.save(avatar.name, avatar)
    return user


def _visited(page):
    addresses = []
    page.on("framenavigated", lambda frame: addresses.append(frame.url) if frame == page.main_frame else None)
    return addresses


def _log_in_from_the_admin(page, live_url, user):
    page.goto(f"{live_url}{ADMIN_PAGES}")
    page.wait_for_url(re.compile(r"/en/accounts/login/\?next="))
    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()


def _broken_images(page):
    return page.evaluate(
        "() => [...document.images].filter(i => i.complete && i.naturalWidth === 0).map(i => i.src)"
    )


def test_staff_enrol_after_logging_in_and_land_on_the_admin_page_asked_for(page, live_url, home_page, editor):
    visited = _visited(page)
    _log_in_from_the_admin(page, live_url, editor)
    page.wait_for_url(re.compile(r"/en/accounts/2fa/totp/activate/"))
    secret = page.locator("#authenticator_secret").input_value()
    page.locator("#id_code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Activate").click()
    page.wait_for_url(f"{live_url}{ADMIN_PAGES}")
    expect(page.locator(".messages")).to_contain_text("Two-factor authentication is on")

    assert not [address for address in visited if "/reauthenticate/" in address], visited
    assert Authenticator.objects.filter(user=editor, type=Authenticator.Type.TOTP).exists()
    page.wait_for_load_state("networkidle")
    avatars = page.locator("img[src*='/media/avatars/']")
    expect(avatars.first).to_be_attached()
    assert not _broken_images(page)


def test_enrolled_staff_enter_their_code_and_land_on_the_admin_page_asked_for(
    page, live_url, home_page, editor
):
    with_second_factor(editor)
    visited = _visited(page)
    _log_in_from_the_admin(page, live_url, editor)
    page.wait_for_url(re.compile(r"/en/accounts/2fa/authenticate/"))
    sign_in = page.get_by_role("button", name="Sign In")
    cancel = page.get_by_role("button", name="Cancel")
    # The main action is a button; Cancel is a quiet link beside it.
    assert sign_in.evaluate("b => getComputedStyle(b).backgroundColor") != cancel.evaluate(
        "b => getComputedStyle(b).backgroundColor"
    )
    assert cancel.evaluate("b => getComputedStyle(b).textDecorationLine") == "underline"

    secret = (
        Authenticator.objects.get(user=editor, type=Authenticator.Type.TOTP).wrap().instance.data["secret"]
    )
    page.locator("#id_code").fill(pyotp.TOTP(secret).now())
    sign_in.click()
    page.wait_for_url(f"{live_url}{ADMIN_PAGES}")
    assert not [address for address in visited if "/reauthenticate/" in address], visited
