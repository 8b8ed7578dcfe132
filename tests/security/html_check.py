"""Find active markup in HTML by parsing it, as a browser would read it."""

import re
from html.parser import HTMLParser

FORBIDDEN_TAGS = frozenset(
    {
        "applet", "audio", "base", "button", "details", "embed", "form", "frame", "frameset", "iframe",
        "input", "isindex", "keygen", "link", "marquee", "math", "meta", "noscript", "object",
        "plaintext", "select", "source", "style", "svg", "template", "textarea", "video", "xmp",
    }
)  # fmt: skip
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "background", "data", "poster", "srcset"}
)
DANGEROUS_SCHEME = re.compile(r"^(javascript|data|vbscript):", re.IGNORECASE)
INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
SAFE_STYLE = re.compile(r"^\s*text-align:\s*(left|right|center|start|end);?\s*$")


class _Finder(HTMLParser):
    def __init__(self, *, allow_page_chrome, media_url):
        super().__init__(convert_charrefs=True)
        self.allow_page_chrome = allow_page_chrome
        self.media_url = media_url
        self.problems = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            src = attributes.get("src") or ""
            if not (self.allow_page_chrome and src.startswith("/static/")):
                self.problems.append(f"<script> {attrs}")
            self._in_script = True
        elif tag in FORBIDDEN_TAGS and not self.allow_page_chrome:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and DANGEROUS_SCHEME.match(INVISIBLE.sub("", value)):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "style" and not SAFE_STYLE.match(value):
                self.problems.append(f"<{tag} style={value!r}>")
        if tag == "img" and not self.allow_page_chrome:
            src = attributes.get("src") or ""
            if not src.startswith(self.media_url) or src.startswith("//"):
                self.problems.append(f"<img src={src!r}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append(f"inline script: {data[:40]!r}")


def active_markup(html: str, *, page: bool = False, media_url: str = "/media/") -> list[str]:
    """Everything in ``html`` that could run script or load a third party.

    With ``page=True`` the portal's own chrome (forms, its own script files) is
    allowed, so a whole page can be checked."""
    finder = _Finder(allow_page_chrome=page, media_url=media_url)
    finder.feed(html)
    finder.close()
    return finder.problems
