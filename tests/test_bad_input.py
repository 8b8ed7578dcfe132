"""Forged, malformed and oversized requests to every address of the portal get a 4xx
(or a page that ignores what it cannot use), never a server error.

The addresses are listed from the URL configuration itself, so a new view is probed as
soon as it is routed. Each is called with ids that exist, ids that do not, ids too large
for the database and non-numeric or overlong slugs, with GET, POST (a form of huge and
nonsensical values), PUT and DELETE, as an anonymous reader, a partner member and a
moderator. Reader pages also get malformed query strings.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from wagtail.models import Page

from forums.models import Forum, Post, Topic
from knowledge.models import PolicyBriefPage
from portal.accounts.models import Membership
from portal.comments.models import Comment
from portal.models import Organisation
from tests.demo_data import demo  # noqa: F401 (a fixture)
from tests.routes import all_routes, fill

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

HUGE = "9" * 20
LONG_SLUG = "a" * 300
# Apps whose addresses are probed; the admins and allauth have their own suites.
PROBED_NAMESPACES = {
    None,
    "forums",
    "knowledge",
    "moderation",
    "notifications",
    "comments",
    "search",
    "accounts",
    "opendata",
    "opendata_api",
}
NOT_PROBED = re.compile(r"^(admin|django-admin|documents|static|media)/|accounts/(?!\w+/)|_util/|\^")
# Only read: writing to these would end the probing session or the probing account.
READ_ONLY = re.compile(r"/logout/$|/account/delete/$")
HOSTILE_FORM = {
    "title": "t" * 5000,
    "body": "b" * 100_000,
    "reason": "no-such-reason",
    "details": "d" * 20_000,
    "forum": HUGE,
    "reply_to": HUGE,
    "quote": "abc",
    "role": "emperor",
    "decision": "maybe",
    "action": "explode",
    "until": "not a date",
    "next": "https://elsewhere.example/",
}
BAD_QUERIES = [
    "page=abc",
    "page=-1",
    "page=0",
    f"page={HUGE}",
    "page=1.5",
    "theme=%00",
    "theme=" + "x" * 5000,
    "theme=health&theme=labour",
    "country=zz",
    "year=abc",
    f"year={HUGE}",
    "language=xx",
    "partner=" + LONG_SLUG,
    "sort=bogus",
    "status=bogus",
    "reply_to=abc",
    f"reply_to={HUGE}",
    f"quote={HUGE}",
    f"resource={HUGE}",
    "resource=abc",
    "q=%00",
    "q=" + "x" * 5000,
    "q=%ff%fe",
    "next=//elsewhere.example/",
    "%zz=%zz",
]
READER_PAGES = [
    "/en/",
    "/ar/health/",
    "/en/policy-briefs/",
    "/fr/lessons-learned/",
    "/en/joint-actions/",
    "/en/partners/",
    "/ar/partners/who/",
    "/en/forums/",
    "/en/forums/health/",
    "/en/forums/health/new/",
    "/en/forums/topic/{topic}/",
    "/en/forums/topic/{topic}/reply/",
    "/en/search/",
    "/en/search/autocomplete/",
    "/en/notifications/",
    "/en/moderation/log/",
    "/ar/knowledge/feeds/briefs/rss/",
    "/en/forums/health/feed/",
    "/en/opendata/export/briefs.csv",
    "/fr/opendata/export/search.json",
    "/en/opendata/tokens/",
    "/api/v2/briefs/",
    "/api/v2/topics/",
    "/api/v2/search/",
    "/iati/activities.xml",
]


ROUTES = sorted(
    {
        route
        for namespace, route in all_routes()
        if namespace in PROBED_NAMESPACES and not NOT_PROBED.search(route)
    }
)


def _existing_values():
    brief = PolicyBriefPage.objects.live().first()
    return {
        "pk": str(Post.objects.first().pk),
        "page_id": str(brief.pk),
        "slug": Forum.objects.first().slug,
        "kind": "briefs",
        "action": "pin",
        "token": "forged-token",
    }


def _addresses(route):
    """The route filled with existing values, unknown ones, huge ids and overlong slugs."""
    existing = _existing_values()
    yield "existing", fill(route, existing | {"int": existing["pk"], "slug": existing["slug"]})
    if "<" in route:
        yield "unknown", fill(route, {"int": "999999", "slug": "no-such-thing"})
        yield "huge", fill(route, {"int": HUGE, "slug": LONG_SLUG})
        # Other existing objects under the same names: a topic, a comment, a membership,
        # a partner, a page that is not a knowledge page.
        others = {
            "pk": str(Topic.objects.first().pk),
            "page_id": str(Page.objects.filter(depth=2).first().pk),
            "slug": Organisation.objects.first().slug,
            "int": str(Comment.objects.first().pk),
        }
        yield "other objects", fill(route, others)
        yield "membership", fill(route, {"int": str(Membership.objects.first().pk), "slug": "who"})


def _client(who):
    client = Client(raise_request_exception=False)
    if who != "anonymous":
        client.force_login(get_user_model().objects.get(email=who))
    return client


@pytest.mark.parametrize("who", ["anonymous", "member@iom.example.org", "moderator@example.org"])
def test_every_route_answers_forged_ids_and_wrong_methods_without_a_server_error(who):
    client = _client(who)
    failures = []
    for route in ROUTES:
        for label, address in _addresses(route):
            for method in ("get",) if READ_ONLY.search(address) else ("get", "post", "put", "delete"):
                data = HOSTILE_FORM if method == "post" else None
                response = getattr(client, method)(address, data)
                if response.status_code >= 500:
                    failures.append(f"{method.upper()} {address} ({label}): {response.status_code}")
                elif (
                    method == "get"
                    and label in ("unknown", "huge")
                    and response.status_code == 200
                    # A forged unsubscribe token gets a page that explains it, not an error.
                    and not address.startswith("/en/notifications/unsubscribe/")
                ):
                    failures.append(f"GET {address} ({label}): 200 for something that does not exist")
    assert len(ROUTES) > 40
    assert not failures, "\n".join(failures)
    if who != "anonymous":
        # Still signed in: every route above was probed as this person.
        assert client.get("/en/account/profile/").status_code == 200


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_reader_pages_shrug_off_malformed_query_strings(query):
    client = _client("member@iom.example.org")
    topic = Topic.objects.filter(forum__visibility="public").first() or Topic.objects.first()
    failures = []
    for page in READER_PAGES:
        address = page.format(topic=topic.pk) + "?" + query
        response = client.get(address)
        if response.status_code >= 500:
            failures.append(f"{address[:120]}: {response.status_code}")
    assert not failures, "\n".join(failures)


def test_the_probe_reaches_the_database():
    # Guards the probes above against testing an empty site.
    assert connection.vendor in ("sqlite", "postgresql")
    assert Post.objects.exists() and Comment.objects.exists() and Membership.objects.exists()
