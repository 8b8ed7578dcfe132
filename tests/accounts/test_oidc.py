"""Single sign-on with a partner's OpenID Connect provider (a stand-in served on
127.0.0.1 by the test), through allauth's real views."""

import http.client
import os
import runpy
from urllib.parse import urlparse

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model

from tests.accounts.oidc_provider import CLIENT_ID, CLIENT_SECRET, StandInProvider

pytestmark = pytest.mark.django_db
User = get_user_model()

PERSON = {
    "sub": "who-staff-4711",
    "email": "amira.haddad@who.example.org",
    "email_verified": True,
    "name": "Amira Haddad",
}


@pytest.fixture
def provider(settings):
    with StandInProvider(person=dict(PERSON)) as running:
        settings.SOCIALACCOUNT_PROVIDERS = {
            "openid_connect": {
                "OAUTH_PKCE_ENABLED": True,
                "APPS": [
                    {
                        "provider_id": "who",
                        "name": "WHO",
                        "client_id": CLIENT_ID,
                        "secret": CLIENT_SECRET,
                        "settings": {"server_url": running.issuer},
                    }
                ],
            }
        }
        yield running


def _visit_provider(url: str) -> str:
    """Follow the browser to the provider and back: return the callback address."""
    parsed = urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=5)
    connection.request("GET", f"{parsed.path}?{parsed.query}")
    response = connection.getresponse()
    assert response.status == 302
    location = response.getheader("Location")
    connection.close()
    callback = urlparse(location)
    return f"{callback.path}?{callback.query}"


def test_login_page_offers_the_partner_provider(client, provider):
    response = client.get("/en/accounts/login/")
    assert response.status_code == 200
    assert "/en/accounts/oidc/who/login/" in response.content.decode()


def test_single_sign_on_creates_and_logs_in_the_person(client, provider):
    response = client.post("/en/accounts/oidc/who/login/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{provider.issuer}/authorize?")

    response = client.get(_visit_provider(response["Location"]))
    assert response.status_code == 302, response.content[:500]
    user = User.objects.get(email=PERSON["email"])
    assert int(client.session["_auth_user_id"]) == user.pk
    assert SocialAccount.objects.get(user=user).uid == PERSON["sub"]
    assert EmailAddress.objects.get(user=user, email=PERSON["email"]).verified
    assert client.get("/en/account/profile/").status_code == 200


def test_forged_state_is_refused(client, provider):
    response = client.post("/en/accounts/oidc/who/login/")
    callback = _visit_provider(response["Location"])
    forged = callback.split("state=")[0] + "state=forged"
    response = client.get(forged)
    assert 400 <= response.status_code < 500
    assert "_auth_user_id" not in client.session
    assert not User.objects.filter(email=PERSON["email"]).exists()


def test_unknown_provider_is_not_found(client, provider):
    assert client.post("/en/accounts/oidc/nobody/login/").status_code == 404


def test_providers_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("OIDC_PROVIDERS", "who, iom")
    monkeypatch.setenv("OIDC_WHO_CLIENT_ID", "portal")
    monkeypatch.setenv("OIDC_WHO_SECRET", "s3cret")
    monkeypatch.setenv("OIDC_WHO_SERVER_URL", "https://login.who.example.org/realms/who")
    monkeypatch.setenv("OIDC_WHO_NAME", "WHO staff")
    settings_file = os.path.join(os.path.dirname(__file__), "..", "..", "portal", "settings", "base.py")
    apps = runpy.run_path(settings_file)["SOCIALACCOUNT_PROVIDERS"]["openid_connect"]["APPS"]
    assert [app["provider_id"] for app in apps] == ["who", "iom"]
    assert apps[0]["name"] == "WHO staff"
    assert apps[0]["client_id"] == "portal"
    assert apps[0]["settings"]["server_url"] == "https://login.who.example.org/realms/who"
