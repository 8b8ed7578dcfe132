"""Personal access tokens: made and revoked on the profile by partner members, kept
only as a digest, shown once, and their last use recorded without a write per request."""

import datetime
import json

import pytest
from django.utils import timezone

from portal.opendata import tokens
from portal.opendata.models import AccessToken
from tests.opendata.conftest import PARTNER, READER, api_client, person, session_client, token_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def _create(client, **data):
    return client.post("/en/opendata/tokens/", {"name": "Dashboard", "lifetime": "30", **data})


def test_a_partner_member_creates_a_token_shown_once_and_stored_as_a_digest():
    client = session_client(PARTNER)
    response = _create(client)
    assert response.status_code == 200
    secret = response.context["new_token"]
    assert tokens.prefix_of(secret)
    assert secret in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    row = AccessToken.objects.get(user=person(PARTNER))
    assert row.name == "Dashboard" and row.digest == tokens.digest(secret)
    assert secret not in {row.digest, row.prefix}
    assert abs(row.expires_at - (timezone.now() + datetime.timedelta(days=30))) < datetime.timedelta(
        minutes=1
    )
    # Never again: the list shows its prefix only.
    listing = client.get("/en/opendata/tokens/").content.decode()
    assert secret not in listing and row.prefix in listing
    assert api_client(secret).get("/api/v2/briefs/").status_code == 200


def test_the_profile_links_to_tokens_only_for_those_who_may_hold_them():
    assert "/en/opendata/tokens/" in session_client(PARTNER).get("/en/account/profile/").content.decode()
    assert "/en/opendata/tokens/" not in session_client(READER).get("/en/account/profile/").content.decode()


def test_people_outside_the_partners_may_not_hold_tokens():
    client = session_client(READER)
    assert client.get("/en/opendata/tokens/").status_code == 403
    assert _create(client).status_code == 403
    assert not AccessToken.objects.exists()
    assert session_client().get("/en/opendata/tokens/").status_code == 302


def test_a_token_without_a_name_or_past_the_allowance_is_refused(settings):
    client = session_client(PARTNER)
    assert _create(client, name="   ").status_code == 400
    settings.PORTAL_API_TOKENS_PER_PERSON = 1
    assert _create(client).status_code == 200
    refused = _create(client, name="Second")
    assert refused.status_code == 400 and refused.context["new_token"] is None
    assert AccessToken.objects.count() == 1


def test_revoking_ends_the_token_at_once():
    client = session_client(PARTNER)
    secret = _create(client, lifetime="never").context["new_token"]
    row = AccessToken.objects.get()
    assert row.expires_at is None
    assert client.post(f"/en/opendata/tokens/{row.pk}/revoke/").status_code == 302
    response = api_client(secret).get("/api/v2/briefs/")
    assert response.status_code == 401 and json.loads(response.content)["detail"]
    # Revoked once; nobody revokes another person's token.
    assert client.post(f"/en/opendata/tokens/{row.pk}/revoke/").status_code == 404
    other = token_for(PARTNER)
    other_row = AccessToken.objects.get(digest=tokens.digest(other))
    assert (
        session_client("moderator@example.org")
        .post(f"/en/opendata/tokens/{other_row.pk}/revoke/")
        .status_code
        == 404
    )
    assert client.get(f"/en/opendata/tokens/{row.pk}/revoke/").status_code == 405


def test_a_forged_secret_with_a_real_prefix_is_refused():
    secret = token_for(PARTNER)
    forged = secret[:-1] + ("y" if secret[-1] != "y" else "z")
    assert api_client(forged).get("/api/v2/briefs/").status_code == 401


def test_last_use_is_written_at_most_once_per_interval(settings):
    settings.PORTAL_API_TOKEN_TOUCH_SECONDS = 300
    secret = token_for(PARTNER)
    row = AccessToken.objects.get()
    assert row.last_used_at is None
    client = api_client(secret)
    client.get("/api/v2/themes/")
    first = AccessToken.objects.get().last_used_at
    assert first is not None
    client.get("/api/v2/themes/")
    assert AccessToken.objects.get().last_used_at == first
    AccessToken.objects.update(last_used_at=first - datetime.timedelta(seconds=301))
    client.get("/api/v2/themes/")
    assert AccessToken.objects.get().last_used_at > first
