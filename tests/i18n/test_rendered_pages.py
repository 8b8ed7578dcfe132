"""Key pages rendered in Arabic and French show no English interface text.

The catalogues are compiled fresh from ``locale/`` for this test. Arabic pages are read
for any Latin-script word outside user content (which is isolated in ``<bdi>`` or
``dir="auto"``) and outside parts marked with another ``lang``: that finds strings
never marked for translation as well as untranslated ones. French pages are read for
the English wording of every string in the catalogue.
"""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape

from tests.i18n import pofile
from tests.i18n.html_text import interface_texts

ROOT = Path(__file__).resolve().parents[2]
# Names and abbreviations that stay in Latin script in Arabic text.
LATIN_ALLOWED = {
    *("WHO", "IOM", "UNDRR", "UN"),
    *("RSS", "Atom", "PDF", "TOTP", "OpenID", "Connect", "CSV", "JSON", "HTML", "Markdown"),
    *("JPEG", "PNG", "GIF", "WebP"),
}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_catalogues(catalogues):
    pass


@pytest.fixture(scope="module")
def english_strings():
    """English interface strings whose French differs, longest first.

    Leaves out English words that are also French ones ("Comment", "Message").
    """
    entries = pofile.parse((ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po").read_text("utf-8"))
    french = "\n".join(value for entry in entries for value in entry.msgstr.values())
    strings = set()
    for entry in entries:
        text = entry.msgid
        if entry.is_header or entry.obsolete or entry.msgid_plural or entry.msgstr.get(0) == text:
            continue
        if len(text) < 4 or "%" in text or "{" in text or "<" in text or "\n" in text:
            continue
        if not re.search(rf"(?<![\w-]){re.escape(text)}(?![\w-])", french):
            strings.add(text)
    return sorted(strings, key=len, reverse=True)


def latin_words(html, language):
    words = []
    for text in interface_texts(html, language):
        text = re.sub(r"\S+@\S+|https?://\S+|/\S*", " ", text)
        words.extend(word for word in LATIN_WORD.findall(text) if word not in LATIN_ALLOWED)
    return words


def english_left(html, language, english_strings):
    text = "\n".join(interface_texts(html, language))
    return [s for s in english_strings if re.search(rf"(?<![\w-]){re.escape(s)}(?![\w-])", text)]


def _url(name, **kwargs):
    # Addresses without their language prefix; each test adds the one it reads in.
    try:
        return "/" + reverse(name, kwargs=kwargs).split("/", 2)[2]
    except NoReverseMatch:
        return None


@pytest.fixture
def pages_to_read(scenario):
    """The key pages of the portal, by name, as everyone sees them."""
    return [
        ("home", {language: f"/{language}/" for language in ("ar", "fr")}),
        ("partners", _url("organisation_list")),
        ("partner", _url("organisation_detail", slug=scenario["organisation"].slug)),
        ("theme", scenario["theme_page"]),
        ("brief index", scenario["brief_index"]),
        ("brief", scenario["brief"]),
        ("forums", _url("forums:index")),
        ("forum", _url("forums:forum_detail", slug=scenario["forum"].slug)),
        ("topic", _url("forums:topic_detail", pk=scenario["topic"].pk)),
        ("search", _url("search:index")),
        ("search results", (_url("search:index") or "") + "?q=health" if _url("search:index") else None),
        ("moderation log", _url("moderation:public_log")),
    ]


@pytest.fixture
def visitor_pages():
    return [
        ("log in", _url("account_login")),
        ("sign up", _url("account_signup")),
        ("password reset", _url("account_reset_password")),
    ]


@pytest.fixture
def member_pages():
    return [
        ("profile", _url("accounts:profile")),
        ("notifications", _url("notifications:list")),
        ("notification preferences", _url("notifications:preferences")),
    ]


def _read(client, language, pages):
    for name, path in pages:
        if isinstance(path, dict):
            path = path[language]
        if path is None:
            continue
        address = f"/{language}{path}" if not path.startswith(f"/{language}/") else path
        response = client.get(address, follow=True)
        assert response.status_code == 200, f"{name}: {address} answered {response.status_code}"
        yield name, address, response.content.decode()


def _read_as_visitor_then_member(client, scenario, language, pages, visitor_pages, member_pages):
    # One content set per test: building it is the slow part.
    yield from _read(client, language, pages + visitor_pages)
    client.force_login(scenario["member"])
    for name, address, html in _read(client, language, pages + member_pages):
        yield f"{name}, signed in", address, html


def test_arabic_pages_have_no_english_interface_text(
    client, scenario, pages_to_read, visitor_pages, member_pages
):
    problems = []
    for name, address, html in _read_as_visitor_then_member(
        client, scenario, "ar", pages_to_read, visitor_pages, member_pages
    ):
        assert '<html lang="ar" dir="rtl">' in html, address
        words = latin_words(html, "ar")
        if words:
            problems.append(f"{name} ({address}): {sorted(set(words))}")
    assert not problems, "English left on Arabic pages:\n" + "\n".join(problems)


def test_french_pages_have_no_english_interface_text(
    client, scenario, pages_to_read, visitor_pages, member_pages, english_strings
):
    problems = []
    for name, address, html in _read_as_visitor_then_member(
        client, scenario, "fr", pages_to_read, visitor_pages, member_pages
    ):
        assert '<html lang="fr" dir="ltr">' in html, address
        left = english_left(html, "fr", english_strings)
        if left:
            problems.append(f"{name} ({address}): {left}")
    assert not problems, "English left on French pages:\n" + "\n".join(problems)


def test_form_errors_are_translated(client, scenario):
    response = client.post("/ar/accounts/login/", {"login": "nobody@example.org", "password": "wrong"})
    assert response.status_code == 200
    html = response.content.decode()
    assert not latin_words(html, "ar"), sorted(set(latin_words(html, "ar")))


def test_email_sent_in_arabic_is_in_arabic(client, scenario):
    client.post("/ar/accounts/password/reset/", {"email": scenario["member"].email})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    # The site's host name ("testserver" here) is an address, not interface text.
    text = f"{message.subject}\n{message.body}".replace("testserver", "")
    words = latin_words(f"<p>{escape(text)}</p>", "ar")
    assert not words, f"English left in the email: {sorted(set(words))}\n{message.subject}\n{message.body}"
