"""What there is to read: the pages of each kind, found by following the portal's links.

Addresses are grouped by their shape under the language prefix: ``forums/…`` for the
forums, ``<section>/<slug>/`` for briefs, lessons and joint actions, and one-segment
pages for thematic areas and index pages, told apart by their body class. The home,
forum and section pages of every language are read once before the run to find them.
"""

import random
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from portal.loadtest.browser import Browser

LANGUAGES = ("en", "ar", "fr")
# First path segments that are the portal's own sections, never Wagtail pages.
SECTIONS = {
    "accounts",
    "account",
    "comments",
    "forums",
    "jsi18n",
    "knowledge",
    "moderation",
    "notifications",
    "original",
    "partners",
    "search",
}
FORUM_WORDS = {"preview", "discuss", "topic", "post"}
KINDS = ("home", "theme", "index", "resource", "forums", "forum", "topic")
# The body class of a one-segment page (set by its template) tells what it is.
SECTION_KINDS = {"theme": "theme", "knowledge": "index"}


@dataclass
class Catalogue:
    """Paths to read, by kind and language."""

    paths: dict[str, dict[str, list[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(list))
    )

    def add(self, kind: str, language: str, path: str) -> None:
        if path not in self.paths[kind][language]:
            self.paths[kind][language].append(path)

    def pick(self, kind: str, language: str) -> str | None:
        """A random path of ``kind`` in ``language``, or in any language if it has none."""
        candidates = self.paths[kind][language] or [p for paths in self.paths[kind].values() for p in paths]
        return random.choice(candidates) if candidates else None

    def counts(self) -> dict[str, int]:
        return {kind: sum(len(paths) for paths in self.paths[kind].values()) for kind in KINDS}


def _segments(url: str, base_netloc: str) -> tuple[str, list[str]] | None:
    parts = urlsplit(url)
    if parts.netloc != base_netloc or parts.query:
        return None
    segments = [segment for segment in parts.path.split("/") if segment]
    if not segments or segments[0] not in LANGUAGES:
        return None
    return segments[0], segments[1:]


def classify(url: str, base_netloc: str) -> tuple[str, str, str] | None:
    """``(kind, language, path)`` for a link worth reading, ``None`` otherwise; theme
    and index pages are both a ``section`` here, until ``discover`` reads them."""
    found = _segments(url, base_netloc)
    if found is None:
        return None
    language, rest = found
    path = "/" + "/".join([language, *rest]) + "/"
    if not rest:
        return "home", language, path
    if rest[0] == "forums":
        if len(rest) == 1:
            return "forums", language, path
        if len(rest) == 3 and rest[1] == "topic" and rest[2].isdigit():
            return "topic", language, path
        if len(rest) == 2 and rest[1] not in FORUM_WORDS:
            return "forum", language, path
        return None
    if rest[0] in SECTIONS:
        return None
    if len(rest) == 1:
        return "section", language, path
    if len(rest) == 2:
        return "resource", language, path
    return None


def discover(browser: Browser, base_url: str) -> Catalogue:
    """Reads the home, forum and section pages of every language and sorts their links;
    a section page is a thematic area or an index page, as its body class says."""
    netloc = urlsplit(base_url).netloc
    catalogue = Catalogue()
    to_read = [(f"/{language}/{suffix}", None) for language in LANGUAGES for suffix in ("", "forums/")]
    queued = {path for path, _language in to_read}
    while to_read:
        path, section_language = to_read.pop(0)
        document = browser.document(path, name="discover")
        if document is None:
            continue
        if section_language is not None:
            for body_class in document.body_classes & SECTION_KINDS.keys():
                catalogue.add(SECTION_KINDS[body_class], section_language, path)
        for link in document.links:
            found = classify(link, netloc)
            if found is None:
                continue
            kind, language, linked = found
            if kind != "section":
                catalogue.add(kind, language, linked)
            # Forum and section pages list the topics and resources worth reading.
            if kind in {"forum", "section"} and linked not in queued:
                queued.add(linked)
                to_read.append((linked, language if kind == "section" else None))
    return catalogue
