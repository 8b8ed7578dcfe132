"""Sign-up, verification, log-in, rate limits, reset and email change through the
real allauth views."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()


def _link(message, pattern):
    match = re.search(pattern, message.body)
    assert match, message.body
    return match.group(0)


def _login(client, email, password=PASSWORD):
    return client.post("/en/accounts/login/", {"login": email, "password": password})


def test_signup_requires_verification_before_log_in(client):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "new.person@example.org",
            "password1": "a long new password 42",
            "password2": "a long new password 42",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    user = User.objects.get(email="new.person@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    assert "_auth_user_id" not in client.session

    # Logging in before verifying only sends the person back to the verification notice.
    client.logout()
    response = _login(client, "new.person@example.org", "a long new password 42")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    link = _link(mail.outbox[0], r"/en/accounts/confirm-email/[^/\s]+/")
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert int(client.session["_auth_user_id"]) == user.pk


def test_signup_page_looks_like_the_portal(client):
    response = client.get("/en/accounts/signup/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="site-header"' in content
    assert content.count("<h1") == 1
    assert 'for="id_email"' in content


def test_signup_with_invalid_email_is_refused(client):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "not-an-address",
            "password1": "a long new password 42",
            "password2": "a long new password 42",
        },
    )
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert not User.objects.filter(email="not-an-address").exists()
    assert mail.outbox == []


def test_log_in_by_email_and_log_out(client, registered):
    response = _login(client, registered.email)
    assert response.status_code == 302
    assert response["Location"] == "/en/account/profile/"
    assert client.get("/en/account/profile/").status_code == 200
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_wrong_passwords_are_rate_limited(client, registered):
    for _attempt in range(5):
        response = _login(client, registered.email, "wrong password")
        assert response.status_code == 200
        assert "The email address and/or password you specified are not correct." in response.content.decode()
    # Even the right password is refused while the limit holds.
    response = _login(client, registered.email)
    assert response.status_code == 200
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email_link(client, registered):
    response = client.post("/en/accounts/password/reset/", {"email": registered.email})
    assert response.status_code == 302
    link = _link(mail.outbox[0], r"/en/accounts/password/reset/key/[^\s]+/")
    response = client.get(link)
    assert response.status_code == 302
    set_password_url = response["Location"]
    response = client.post(
        set_password_url, {"password1": "a brand new secret 77", "password2": "a brand new secret 77"}
    )
    assert response.status_code == 302
    registered.refresh_from_db()
    assert registered.check_password("a brand new secret 77")
    assert _login(client, registered.email, "a brand new secret 77").status_code == 302


def test_password_change(client, registered):
    client.force_login(registered)
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "another good secret 9", "password2": "another good secret 9"},
    )
    assert response.status_code == 302
    registered.refresh_from_db()
    assert registered.check_password("another good secret 9")


def test_email_change_waits_for_the_new_address_to_be_verified(client, registered):
    client.force_login(registered)
    response = client.post("/en/accounts/email/", {"action_add": "", "email": "moved@example.org"})
    assert response.status_code == 302
    registered.refresh_from_db()
    assert registered.email == "reader@civil.example.org"
    assert mail.outbox[-1].to == ["moved@example.org"]
    link = _link(mail.outbox[-1], r"/en/accounts/confirm-email/[^/\s]+/")
    client.post(link)
    registered.refresh_from_db()
    assert registered.email == "moved@example.org"
    assert EmailAddress.objects.get(user=registered, email="moved@example.org").verified


def test_email_change_to_invalid_address_changes_nothing(client, registered):
    client.force_login(registered)
    response = client.post("/en/accounts/email/", {"action_add": "", "email": "nonsense@"})
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert list(EmailAddress.objects.filter(user=registered).values_list("email", flat=True)) == [
        "reader@civil.example.org"
    ]
