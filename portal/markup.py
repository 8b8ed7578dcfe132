"""The one place where user-written text becomes HTML.

People write a small Markdown subset (paragraphs, emphasis, links, lists, quotes,
code, tables, images from the portal's own uploads). The text is rendered once, when
it is saved, and the result is cleaned by bleach against an explicit allowlist, so a
page only ever prints HTML that passed through here.

Raw HTML in the source is never interpreted: Markdown's HTML passthrough is switched
off, so ``<script>`` typed by a person stays visible text. bleach then acts as a
second wall against anything the Markdown renderer itself could be tricked into.
"""

import re
import xml.etree.ElementTree as etree
from functools import partial
from html import unescape
from urllib.parse import urlsplit

import bleach
import markdown
from bleach.css_sanitizer import CSSSanitizer
from bleach.linkifier import LinkifyFilter
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils.html import strip_tags
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import STX, AtomicString

ALLOWED_TAGS = frozenset(
    {
        "a",
        "blockquote",
        "br",
        "code",
        "em",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "img",
        "li",
        "ol",
        "p",
        "pre",
        "span",
        "strong",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
# Only alignment, and only on table cells; the strict Content-Security-Policy keeps
# style attributes inert in the browser anyway, this keeps stored HTML clean too.
ALLOWED_CSS_PROPERTIES = frozenset({"text-align"})
LINK_REL = "nofollow ugc noopener"
MENTION_CLASS = "mention"
BLOCK_TAGS = ("p", "li", "blockquote", "h3", "h4", "h5", "h6", "td", "th")

# A person's handle in text: @name, not part of an email address or a longer word.
MENTION_RE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_][\w.+-]{0,149})", re.UNICODE)
CODE_RE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)

# Deeply nested quotes or lists make the Markdown parser recurse; nobody needs more.
MAX_NESTING = 20
NESTING_RE = re.compile(rf"^([ \t]*(?:>[ \t]*){{{MAX_NESTING + 1},}})", re.MULTILINE)


def is_portal_upload(url: str) -> bool:
    """Whether ``url`` points into the portal's own uploaded media."""
    if not url:
        return False
    media_url = settings.MEDIA_URL
    parts = urlsplit(url)
    if ".." in parts.path or "\\" in url:
        return False
    if urlsplit(media_url).netloc:
        return url.startswith(media_url)
    # A relative MEDIA_URL ("/media/"): only same-site paths, never //host/... or scheme:.
    return not parts.scheme and not parts.netloc and url.startswith(media_url)


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    if name == "dir":
        return value == "auto"
    if tag == "a":
        return name in {"href", "title", "rel"} or (name == "class" and value == MENTION_CLASS)
    if tag == "img":
        if name == "src":
            return is_portal_upload(value)
        return name in {"alt", "title"}
    if tag in {"td", "th"}:
        return name == "style"
    if tag == "code":
        return name == "class" and re.fullmatch(r"language-[\w+-]{1,30}", value) is not None
    return False


class _PortalTreeprocessor(Treeprocessor):
    """Shapes the rendered tree for a page that already has its own headings:
    headings start at h3, images come only from the portal's uploads, and each block
    takes its direction from its text (Arabic and English mix in one post)."""

    def run(self, root):
        foreign_images = [
            (parent, child)
            for parent in root.iter()
            for child in parent
            if child.tag == "img" and not is_portal_upload(child.get("src", ""))
        ]
        for parent, image in foreign_images:
            self._replace_with_text(parent, image)
        for element in root.iter():
            if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                element.tag = f"h{min(int(element.tag[1]) + 2, 6)}"
            # A paragraph holding only a stashed code block is unwrapped later, and
            # only if it still looks exactly like "<p>placeholder</p>".
            if element.tag in BLOCK_TAGS and not (element.text or "").startswith(STX):
                element.set("dir", "auto")
        return None

    @staticmethod
    def _replace_with_text(parent, image):
        # An image from elsewhere would let a third party see who reads the page;
        # keep its description as text instead.
        index = list(parent).index(image)
        text = image.get("alt", "") + (image.tail or "")
        parent.remove(image)
        if index == 0:
            parent.text = (parent.text or "") + text
        else:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + text


class _MentionProcessor(InlineProcessor):
    """``@name`` of a person who exists becomes a link to their page; any other
    ``@word`` stays text. Code spans and blocks are never searched."""

    def __init__(self, pattern, md, people: dict[str, str]):
        super().__init__(pattern, md)
        self.people = people

    def handleMatch(self, match, data):
        # A sentence may end right after a name: "thanks @amal."
        name = match.group(1).rstrip(".")
        url = self.people.get(name)
        if url is None:
            return None, None, None
        link = etree.Element("a", {"href": url, "class": MENTION_CLASS})
        link.text = AtomicString(f"@{name}")
        return link, match.start(0), match.start(0) + 1 + len(name)


class _PortalExtension(Extension):
    def __init__(self, people: dict[str, str], **kwargs):
        super().__init__(**kwargs)
        self.people = people

    def extendMarkdown(self, md):
        # Raw HTML is text, never markup.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.register(_MentionProcessor(MENTION_RE.pattern, md, self.people), "mention", 65)
        md.treeprocessors.register(_PortalTreeprocessor(md), "portal", 0)


def _markdown(people: dict[str, str]) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=[
            "markdown.extensions.fenced_code",
            "markdown.extensions.tables",
            "markdown.extensions.sane_lists",
            "markdown.extensions.nl2br",
            _PortalExtension(people),
        ],
        output_format="html",
    )


def _mentioned_people(source: str) -> dict[str, str]:
    """Username -> the address of the person's page, for the active people
    ``source`` mentions (one query, none without a mention)."""
    names = extract_mentions(source)
    if not names:
        return {}
    found = (
        get_user_model().objects.filter(username__in=names, is_active=True).values_list("username", flat=True)
    )
    try:
        return {name: reverse("forums:person_detail", kwargs={"username": name}) for name in found}
    except NoReverseMatch:
        # Without the forums there is no page to link to; the names stay text.
        return {}


def _set_link_rel(attrs, new=False):
    attrs[(None, "rel")] = LINK_REL
    attrs.pop((None, "target"), None)
    return attrs


def _cleaner() -> bleach.sanitizer.Cleaner:
    return bleach.sanitizer.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=_allowed_attribute,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        css_sanitizer=CSSSanitizer(allowed_css_properties=ALLOWED_CSS_PROPERTIES),
        filters=[partial(LinkifyFilter, callbacks=[_set_link_rel], skip_tags={"pre", "code"})],
    )


def sanitise_html(html: str) -> str:
    """Clean HTML against the portal's allowlist, linkify bare addresses and mark
    every link ``rel="nofollow ugc noopener"``."""
    return _cleaner().clean(html)


def _limit_nesting(source: str) -> str:
    return NESTING_RE.sub(lambda match: ">" * MAX_NESTING + " ", source)


def render_markdown(source: str) -> str:
    """Render a person's Markdown text to safe HTML, ready to store beside the source;
    mentions of people who exist become links to their page."""
    source = (source or "").replace("\x00", "")
    if not source.strip():
        return ""
    html = _markdown(_mentioned_people(source)).convert(_limit_nesting(source))
    return sanitise_html(html)


def html_to_text(value: str) -> str:
    """The words of a piece of HTML (rendered here, or a page's rich text) on one
    line, tags removed and entities decoded: for search, excerpts and emails."""
    text = unescape(strip_tags(str(value or "").replace("<", " <")))
    return " ".join(text.split())


def extract_mentions(source: str) -> set[str]:
    """Usernames mentioned as ``@name`` in ``source``, ignoring code samples."""
    without_code = CODE_RE.sub(" ", source or "")
    return {name.rstrip(".") for name in MENTION_RE.findall(without_code)}


ARABIC_RE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")
LETTER_RE = re.compile(r"[^\W\d_]")


def guess_language(text: str, default: str = "") -> str:
    """ "ar" when most letters of ``text`` are Arabic, otherwise ``default`` (the
    writer's interface language): enough to pick the right analyser in search."""
    letters = LETTER_RE.findall(text or "")
    if letters and len(ARABIC_RE.findall("".join(letters))) * 2 > len(letters):
        return "ar"
    return default[:8]
