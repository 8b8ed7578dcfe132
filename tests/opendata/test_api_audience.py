"""Every endpoint for every kind of client: anonymous, a partner member's token, a
revoked token and a forged one. What is not for everyone never reaches anonymous
answers, and a token reads what its holder reads on the pages."""

import json

import pytest
from django.utils import timezone

from forums.models import Forum, Topic
from portal.opendata.models import AccessToken
from tests.opendata.conftest import PARTNER, api_client, person, token_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

ENDPOINTS = [
    "/api/v2/briefs/",
    "/api/v2/lessons/",
    "/api/v2/joint-actions/",
    "/api/v2/themes/",
    "/api/v2/partners/",
    "/api/v2/topics/",
    "/api/v2/search/?q=migrant",
    "/api/v2/schema/",
    "/iati/activities.xml",
]
FORGED = "pat_0123456789ab_" + "x" * 43


def _revoked_token():
    secret = token_for(PARTNER)
    AccessToken.objects.filter(user=person(PARTNER)).update(revoked_at=timezone.now())
    return secret


def _expired_token():
    secret = token_for(PARTNER)
    AccessToken.objects.filter(user=person(PARTNER)).update(expires_at=timezone.now())
    return secret


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_anonymous_and_partner_token_read_every_endpoint(endpoint):
    for client in (api_client(), api_client(token_for(PARTNER))):
        response = client.get(endpoint)
        assert response.status_code == 200, (endpoint, response.content[:300])


@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if "schema" not in e])
@pytest.mark.parametrize(
    "token",
    ["revoked", "expired", "forged", "malformed", "wrong scheme", "not ascii"],
)
def test_unusable_tokens_are_a_json_401_on_every_endpoint(endpoint, token):
    header = {
        "revoked": lambda: f"Bearer {_revoked_token()}",
        "expired": lambda: f"Bearer {_expired_token()}",
        "forged": lambda: f"Bearer {FORGED}",
        "malformed": lambda: "Bearer not-a-token",
        "wrong scheme": lambda: f"Token {token_for(PARTNER)}",
        "not ascii": lambda: "Bearer pat_é",
    }[token]()
    response = api_client().get(endpoint, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert json.loads(response.content)["detail"]


def test_a_token_of_a_closed_account_is_refused():
    secret = token_for(PARTNER)
    person(PARTNER).__class__.objects.filter(email=PARTNER).update(is_active=False)
    assert api_client(secret).get("/api/v2/briefs/").status_code == 401


def _ids(response):
    return {item["id"] for item in json.loads(response.content)["items"]}


def test_restricted_pages_only_reach_their_audience(restricted):
    group_brief, login_brief = restricted["group_brief"], restricted["login_brief"]
    anonymous = _ids(api_client().get("/api/v2/briefs/?limit=100"))
    partner = _ids(api_client(token_for(PARTNER)).get("/api/v2/briefs/?limit=100"))
    reader = _ids(api_client(token_for("moderator@example.org")).get("/api/v2/briefs/?limit=100"))
    assert group_brief.pk not in anonymous and login_brief.pk not in anonymous
    assert {group_brief.pk, login_brief.pk} <= partner
    # A moderator is signed in but not in the reading group.
    assert login_brief.pk in reader and group_brief.pk not in reader
    for pk in (group_brief.pk, login_brief.pk):
        assert api_client().get(f"/api/v2/briefs/{pk}/").status_code == 404
        assert api_client(token_for(PARTNER)).get(f"/api/v2/briefs/{pk}/").status_code == 200


def test_partners_only_forums_never_reach_anonymous_answers():
    hidden = Forum.objects.exclude(visibility="public")
    assert hidden.exists(), "the demo has a partners-only forum"
    hidden_topics = set(Topic.objects.filter(forum__in=hidden).values_list("pk", flat=True))
    assert hidden_topics
    anonymous = _ids(api_client().get("/api/v2/topics/?limit=100"))
    partner = _ids(api_client(token_for(PARTNER)).get("/api/v2/topics/?limit=100"))
    assert not anonymous & hidden_topics
    assert partner & hidden_topics
    slug = hidden.filter(visibility="partners").first().slug
    refused = api_client().get(f"/api/v2/topics/?forum={slug}")
    assert refused.status_code == 400
    assert api_client(token_for(PARTNER)).get(f"/api/v2/topics/?forum={slug}").status_code == 200


def test_search_answers_hold_only_what_the_reader_may_find():
    title = Topic.objects.filter(forum__visibility="partners").first().title
    anonymous = json.loads(api_client().get("/api/v2/search/", {"q": title}).content)
    partner = json.loads(api_client(token_for(PARTNER)).get("/api/v2/search/", {"q": title}).content)
    assert title not in {hit["title"] for hit in anonymous["items"]}
    assert title in {hit["title"] for hit in partner["items"]}


def test_the_iati_file_holds_restricted_joint_actions_only_for_their_audience(restricted):
    key = str(restricted["action"].translation_key)
    assert key not in api_client().get("/iati/activities.xml").content.decode()
    assert key in api_client(token_for(PARTNER)).get("/iati/activities.xml").content.decode()


def test_each_item_lists_its_translations_the_reader_may_open():
    answer = json.loads(api_client().get("/api/v2/briefs/?limit=100").content)
    translated = [item for item in answer["items"] if item["translations"]]
    assert translated, "the demo has a brief in three languages"
    item = translated[0]
    assert {version["locale"] for version in item["translations"]} == {"ar", "fr"}
    assert all(version["id"] != item["id"] for version in item["translations"])
    detail = json.loads(api_client().get(f"/api/v2/briefs/{item['id']}/").content)
    assert detail["translations"] == item["translations"]
