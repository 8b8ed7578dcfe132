"""A seeded fuzz of every address of the portal: no request, however malformed, gets a
server error.

Every URL pattern is listed from the resolver and filled with real ids and slugs from
the demo content, or with hostile substitutes (NUL, invalid UTF-8, huge numbers, path
traversal, very long strings); each is called with GET, HEAD, POST, PUT and others,
with hostile query strings and bodies (a charset other than UTF-8 or unknown, multipart
without boundary or cut short, invalid JSON, huge and numerous fields, NUL in fields),
as an anonymous reader, a partner member and a moderator with a second factor (who
reaches the admin), with and without the CSRF check. The seed is printed;
``PORTAL_FUZZ_SEED=<seed>`` replays a run, and each failure is printed as the request
that reproduces it.
"""

import logging
import os
import random
import re
from urllib.parse import quote

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page

from forums.models import Forum, Post, Topic
from portal.accounts.models import Membership
from portal.comments.models import Comment
from portal.models import Organisation
from tests.demo_data import demo  # noqa: F401 (a fixture)
from tests.routes import CONVERTER, all_routes
from tests.test_bad_input import BAD_QUERIES, HOSTILE_FORM

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

SEED = int(os.environ.get("PORTAL_FUZZ_SEED", "20261201"))
REQUESTS_PER_PERSON = 700
PEOPLE = ["anonymous", "member@iom.example.org", "moderator@example.org"]
# Wagtail's page that fails on purpose, so administrators can test error reporting.
DELIBERATE_FAILURE = re.compile(r"^admin/failwhale/")
# Writes to these would end the probing session or account.
NOT_WRITTEN = re.compile(r"logout|/account/delete/|/password/|/email/")
HOSTILE_SEGMENTS = [
    "%00",
    "a%00b",
    "%ff%fe",
    "%c3%28",
    "9" * 20,
    "-1",
    "0",
    "..%2f..%2fetc%2fpasswd",
    "..",
    "%2e%2e",
    "a" * 2000,
    "%E2%80%AE",
    "%F0%9F%98%80",
    "%D8%B5%D8%AD%D8%A9",
    "<script>",
    "'%20OR%201=1--",
    "%25",
    "%0d%0aSet-Cookie:x=y",
]
REGEX_GROUP = re.compile(r"\((?:[^()]|\([^()]*\))*\)[*?+]?")
REGEX_SYNTAX = re.compile(r"\[[^\]]*\][*+?]?|[\^$\\*+?]")
METHODS = ["GET"] * 5 + ["HEAD"] * 2 + ["POST"] * 5 + ["PUT"] * 2 + ["DELETE", "PATCH", "OPTIONS"]


def _multipart(boundary, parts, end=True):
    body = b""
    for name, value in parts:
        body += f"--{boundary}\r\n".encode() + b'Content-Disposition: form-data; name="' + name + b'"'
        if name == b"avatar":
            body += b'; filename="me.png"\r\nContent-Type: image/png'
        body += b"\r\n\r\n" + value + b"\r\n"
    return body + (f"--{boundary}--\r\n".encode() if end else b"")


def _bodies(rng, fields):
    """(content type, body bytes, label) of one hostile body; ``fields`` are field names
    and values the portal's forms use."""
    name, value = rng.choice(fields)
    plain = f"{name}={quote(value)}&csrfmiddlewaretoken=x".encode()
    kind = rng.randrange(16)
    if kind == 0:
        return (
            "application/x-www-form-urlencoded; charset=latin-1",
            b"title=caf\xe9&body=\xff",
            "form latin-1",
        )
    if kind == 1:
        return "application/x-www-form-urlencoded; charset=no-such-charset", plain, "form unknown charset"
    if kind == 2:
        return "multipart/form-data", b"--x\r\n\xff\xfe", "multipart without boundary"
    if kind == 3:
        return (
            "multipart/form-data; boundary=b",
            _multipart("b", [(name.encode(), b"x" * 500)], end=False)[:-7],
            ("multipart cut short"),
        )
    if kind == 4:
        parts = [
            (b"title\xff", b"\xff\xfe\xfd"),
            (name.encode(), value.encode()),
            (b"avatar", b"\x89PNG garbage"),
        ]
        return "multipart/form-data; boundary=bb", _multipart("bb", parts), "multipart invalid UTF-8 and file"
    if kind == 5:
        return "application/json", b'{"title": "x", "body": [1, {', "invalid JSON"
    if kind == 6:
        return "application/json; charset=utf-16", '{"q": "x"}'.encode("utf-16"), "JSON in UTF-16"
    if kind == 7:
        return "application/x-www-form-urlencoded", f"{name}=a%00b&title=%00".encode(), "NUL in fields"
    if kind == 8:
        return (
            "application/x-www-form-urlencoded",
            b"body=" + b"x" * 3_000_000,
            "body beyond the upload limit",
        )
    if kind == 9:
        return (
            "application/x-www-form-urlencoded",
            b"&".join(b"f%d=1" % n for n in range(10_050)),
            "too many fields",
        )
    if kind == 10:
        return "text/plain", bytes(rng.randrange(256) for _ in range(200)), "random bytes"
    if kind == 11:
        return "multipart/form-data; boundary=" + "z" * 300, b"--zz\r\n", "overlong boundary"
    form = dict(HOSTILE_FORM) | {name: value}
    if kind == 12:
        form[rng.choice(list(form))] = rng.choice(HOSTILE_SEGMENTS)
    encoded = "&".join(f"{quote(key)}={quote(str(item))}" for key, item in form.items()).encode()
    return "application/x-www-form-urlencoded", encoded, "hostile form"


def _dataset():
    """Real ids and slugs from the demo content, by converter name and type."""
    ints = [
        *Post.objects.values_list("pk", flat=True)[:5],
        *Topic.objects.values_list("pk", flat=True)[:5],
        *Comment.objects.values_list("pk", flat=True)[:5],
        *Membership.objects.values_list("pk", flat=True)[:5],
        *Page.objects.values_list("pk", flat=True)[:10],
        *get_user_model().objects.values_list("pk", flat=True)[:5],
    ]
    slugs = [
        *Forum.objects.values_list("slug", flat=True),
        *Organisation.objects.values_list("slug", flat=True)[:5],
        "briefs",
        "lessons",
        "pin",
        "lock",
        "knowledge",
        "policybriefpage",
        "openid_connect",
    ]
    pages = [page.url for page in Page.objects.live().specific()[:40] if page.url]
    fields = [
        ("title", "Hello"),
        ("body", "Some **text**"),
        ("q", "health"),
        ("email", "member@iom.example.org"),
        ("password", "x"),
        ("reason", "spam"),
        ("display_name", "Name"),
        ("language", "ar"),
        ("next", "/en/"),
    ]
    return {"int": [str(pk) for pk in ints], "slug": slugs, "pages": pages, "fields": fields}


def _fill(rng, route, dataset, hostile):
    def value(match=None):
        if hostile:
            return rng.choice(HOSTILE_SEGMENTS)
        is_int = match is not None and match.group(1) == "int"
        return rng.choice(dataset["int"] if is_int else dataset["slug"])

    address = CONVERTER.sub(value, route)
    # Regular-expression routes (the admins', Wagtail's pages): each group becomes a
    # value and the rest of the syntax goes; real page addresses are called as well.
    address = REGEX_GROUP.sub(lambda _match: value(), address)
    return "/" + REGEX_SYNTAX.sub("", address)


def _requests(rng, routes, dataset, count):
    """``count`` requests: every route at least once, then routes at random."""
    for index in range(count):
        route = routes[index] if index < len(routes) else rng.choice(routes)
        if index >= len(routes) and rng.random() < 0.15:
            path = rng.choice(dataset["pages"])
        else:
            path = _fill(rng, route, dataset, hostile=rng.random() < 0.4)
        method = rng.choice(METHODS)
        if NOT_WRITTEN.search(path) and method not in ("GET", "HEAD"):
            method = "GET"
        query = rng.choice(BAD_QUERIES) if rng.random() < 0.3 else ""
        content_type, body, label = (None, b"", "no body")
        if method in ("POST", "PUT", "PATCH"):
            content_type, body, label = _bodies(rng, dataset["fields"])
        yield method, path + ("?" + query if query else ""), content_type, body, label


def _clients(who):
    users = get_user_model().objects
    clients = []
    for enforce in (False, True):
        client = Client(raise_request_exception=False, enforce_csrf_checks=enforce)
        if enforce:
            client.cookies["csrftoken"] = "a" * 32
        if who != "anonymous":
            client.force_login(users.get(email=who))
        clients.append(client)
    return clients


@pytest.fixture(scope="module")
def fuzz_dataset(demo, django_db_blocker):  # noqa: F811 (the fixture imported above)
    with django_db_blocker.unblock():
        moderator = get_user_model().objects.get(email="moderator@example.org")
        Authenticator.objects.get_or_create(
            user=moderator, type=Authenticator.Type.TOTP, defaults={"data": {}}
        )
        # The demo's images and documents were written here, before each test's own media folder.
        return _dataset() | {"media_root": django_settings.MEDIA_ROOT}


@pytest.fixture
def quiet_logs():
    # Each refused request logs a warning; thousands of them would drown the report.
    logging.disable(logging.CRITICAL)
    yield
    logging.disable(logging.NOTSET)


@pytest.mark.parametrize("who", PEOPLE)
def test_no_request_gets_a_server_error(who, fuzz_dataset, quiet_logs, capsys, settings):
    settings.MEDIA_ROOT = fuzz_dataset["media_root"]
    seed = SEED + PEOPLE.index(who)
    rng = random.Random(seed)
    routes = sorted({route for _namespace, route in all_routes() if not DELIBERATE_FAILURE.match(route)})
    clients = _clients(who)
    statuses = {}
    failures = []
    for method, address, content_type, body, label in _requests(
        rng, routes, fuzz_dataset, max(REQUESTS_PER_PERSON, len(routes))
    ):
        client = rng.choice(clients)
        response = client.generic(method, address, body, content_type or "")
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if response.status_code >= 500:
            error = response.exc_info[1] if getattr(response, "exc_info", None) else None
            failures.append(
                f"{method} {address[:200]!r} as {who} ({label}, {content_type}, body {body[:80]!r}, "
                f"CSRF checked: {client is clients[1]}): "
                f"{response.status_code} {type(error).__name__}: {str(error)[:200]}"
            )
    with capsys.disabled():
        print(f"\nfuzz seed {seed} ({who}): {sum(statuses.values())} requests, {sorted(statuses.items())}")
    assert not failures, f"seed {seed}: {len(failures)} server errors, e.g.\n" + "\n".join(failures[:15])
    assert sum(statuses.values()) >= REQUESTS_PER_PERSON
    # The fuzz reached real pages, refused bad input and found missing things.
    assert statuses.get(200, 0) > 20 and statuses.get(400, 0) > 50 and statuses.get(404, 0) > 10
