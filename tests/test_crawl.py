"""Every page a reader can reach from the home pages, as the demo shows it.

The demo content is loaded, then the portal is walked breadth-first from /en/, /ar/ and
/fr/ by following its own links, as an anonymous reader and as a partner member. No page
may fail (5xx), no link of ours may lead nowhere (404), and every HTML page keeps the
rules every template promises: one <h1>, a <title>, ``<html lang>`` matching the address,
and nothing a strict Content-Security-Policy would refuse (``style=""``, inline
``<script>``, ``on*=`` handlers).
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest
from django.contrib.auth import get_user_model

from tests.demo_data import demo  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

LANGUAGES = ("en", "ar", "fr")
MAX_PAGES = 300
# Not followed: the admins (their own suite), signing out (ends the crawl's session),
# and the language switch (a POST form).
SKIPPED = re.compile(r"^/(admin|django-admin|i18n)/|/logout/")
READER_PATH = re.compile(r"^/(en|ar|fr)/")
# Sign-in and sign-up pages differ only by their ``next``, exports of a listing only by
# its filters (which the listing itself is crawled with): one visit each is enough.
ONE_VISIT = re.compile(r"/accounts/(login|signup)/$|/opendata/export/")


class _PageReader(HTMLParser):
    """Links, headings and CSP problems of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.h1_count = 0
        self.title = None
        self.html_lang = None
        self.problems = []
        self._in_title = False
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        elif tag == "h1":
            self.h1_count += 1
        elif tag == "title":
            self._in_title = True
            self.title = ""
        elif tag == "script" and not attributes.get("src"):
            if attributes.get("type") not in ("application/json", "application/ld+json"):
                self.problems.append("inline <script>")
            self._in_inline_script = True
        if "style" in attributes:
            self.problems.append(f'style="" on <{tag}>')
        for name in attributes:
            if name.startswith("on"):
                self.problems.append(f"{name}= on <{tag}>")
        if tag in ("a", "link") and attributes.get("href"):
            self.links.append(attributes["href"])
        elif tag == "form" and (attributes.get("method") or "get").lower() == "get":
            self.links.append(attributes.get("action") or "")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "script":
            self._in_inline_script = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def _internal_path(base, href):
    """The path and query of ``href`` if it is a reader page of ours, else None."""
    if href.startswith(("mailto:", "tel:", "javascript:", "data:")):
        return None
    target = urlsplit(urljoin("http://testserver" + base, href))
    if target.netloc not in ("", "testserver"):
        return None
    query = "" if ONE_VISIT.search(target.path) else target.query
    path = urlunsplit(("", "", target.path, query, ""))
    if SKIPPED.search(path) or not READER_PATH.match(path):
        return None
    return path


def crawl(client):
    """Walks the portal from the three home pages; returns (pages visited, failures)."""
    queue = deque(f"/{code}/" for code in LANGUAGES)
    linked_from = dict.fromkeys(queue, "(start)")
    visited = {}
    failures = []
    while queue and len(visited) < MAX_PAGES:
        path = queue.popleft()
        response = client.get(path)
        visited[path] = response.status_code
        source = linked_from[path]
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {path} (linked from {source})")
            continue
        if response.status_code in (404, 405):
            failures.append(f"{response.status_code} {path}: a dead link on {source}")
            continue
        if response.status_code in (301, 302, 303, 307, 308):
            links = [response["Location"]]
        elif response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            reader = _PageReader()
            reader.feed(response.content.decode())
            language = path.split("/")[1]
            if reader.h1_count != 1:
                failures.append(f"{path}: {reader.h1_count} <h1> elements")
            if not (reader.title or "").strip():
                failures.append(f"{path}: no <title>")
            if reader.html_lang != language:
                failures.append(f'{path}: <html lang="{reader.html_lang}">')
            failures.extend(f"{path}: {problem}" for problem in sorted(set(reader.problems)))
            links = reader.links
        else:
            links = []
        for href in links:
            target = _internal_path(path, href)
            if target is not None and target not in linked_from:
                linked_from[target] = path
                queue.append(target)
    return visited, failures


@pytest.mark.parametrize("who", ["anonymous", "member@iom.example.org"])
def test_every_reachable_page_works(client, who):
    if who != "anonymous":
        client.force_login(get_user_model().objects.get(email=who))
    visited, failures = crawl(client)
    assert not failures, f"{len(failures)} problems in {len(visited)} pages:\n" + "\n".join(failures[:60])
    # The walk reached the knowledge base, the partners and the forums in every language.
    for code in LANGUAGES:
        for section in ("policy-briefs/", "partners/", "forums/topic/"):
            assert any(path.startswith(f"/{code}/{section}") for path in visited), (code, section)
    assert len(visited) >= 150
