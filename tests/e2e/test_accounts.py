"""Account pages in a real browser: signing up, confirming, the profile and the
organisation administrators' page, with axe checks in English and Arabic."""

import re

import pytest
from django.core import mail

from portal.accounts.models import Membership
from tests.accounts.factories import MembershipFactory
from tests.e2e.conftest import axe_violations, describe_violations

pytestmark = pytest.mark.django_db(transaction=True)


def test_sign_up_confirm_and_land_on_the_profile(page, live_url, home_page, screenshot):
    page.goto(f"{live_url}/en/accounts/signup/")
    page.locator("#id_email").fill("samira@example.org")
    page.locator("#id_password1").fill("a long new password 42")
    page.locator("#id_password2").fill("a long new password 42")
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url(re.compile(r"/en/accounts/confirm-email/$"))

    link = re.search(r"http://[^\s]+/en/accounts/confirm-email/[^/\s]+/", mail.outbox[-1].body).group(0)
    page.goto(link.replace("http://testserver", live_url))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/en/account/profile/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Your profile"
    screenshot(page, "accounts-profile-en")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_account_pages_have_no_accessibility_violations(
    page, live_url, home_page, organisation, log_in, language
):
    admin = MembershipFactory(organisation=organisation, role=Membership.Role.ADMIN).user
    MembershipFactory(organisation=organisation, status=Membership.Status.REQUESTED)
    problems = []
    for address in (f"/{language}/accounts/login/", f"/{language}/accounts/signup/"):
        page.goto(live_url + address)
        violations = axe_violations(page)
        if violations:
            problems.append(f"{address}:\n{describe_violations(violations)}")
    log_in(page, admin)
    for address in (
        f"/{language}/account/profile/",
        f"/{language}/account/organisations/join/",
        f"/{language}/account/organisations/{organisation.slug}/manage/",
        f"/{language}/account/delete/",
        f"/{language}/accounts/email/",
        f"/{language}/accounts/password/change/",
    ):
        response = page.goto(live_url + address)
        assert response.status == 200, address
        violations = axe_violations(page)
        if violations:
            problems.append(f"{address}:\n{describe_violations(violations)}")
    assert not problems, "\n".join(problems)
