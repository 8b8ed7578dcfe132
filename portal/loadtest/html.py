"""Reading the portal's HTML the way a browser does: its links and its forms.

A form is submitted with every hidden input it carries (the CSRF token today, any
token the portal adds tomorrow) plus the visible fields the caller fills in, so the
load test never hard-codes what a form must contain beyond what a person types.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin


@dataclass
class Form:
    action: str
    method: str
    hidden: list[tuple[str, str]] = field(default_factory=list)
    visible: set[str] = field(default_factory=set)

    def data(self, **typed: str) -> list[tuple[str, str]]:
        """The form's hidden inputs and the given visible fields, as a browser posts them."""
        unknown = set(typed) - self.visible
        if unknown:
            raise ValueError(f"the form at {self.action} has no field {', '.join(sorted(unknown))}")
        return [*self.hidden, *typed.items()]


@dataclass
class Document:
    url: str
    links: list[str] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    body_classes: set[str] = field(default_factory=set)

    def form(
        self, *, action_contains: str, fields: tuple[str, ...] = (), without: str | None = None
    ) -> Form | None:
        """The first form whose action contains ``action_contains``, which has the
        visible ``fields`` and no input named ``without`` (a comment form without
        ``parent`` starts a thread)."""
        for form in self.forms:
            names = {name for name, _value in form.hidden} | form.visible
            if (
                action_contains in form.action
                and form.visible.issuperset(fields)
                and (without is None or without not in names)
            ):
                return form
        return None


class _Parser(HTMLParser):
    # Inputs a browser never sends on its own: buttons only when clicked, unchecked boxes.
    NOT_SENT = {"submit", "button", "reset", "image", "checkbox", "radio", "file"}

    def __init__(self, document: Document):
        super().__init__(convert_charrefs=True)
        self.document = document
        self.current: Form | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "body":
            self.document.body_classes.update((attributes.get("class") or "").split())
        elif tag == "a" and attributes.get("href"):
            self.document.links.append(urljoin(self.document.url, attributes["href"]))
        elif tag == "form":
            self.current = Form(
                action=urljoin(self.document.url, attributes.get("action") or self.document.url),
                method=(attributes.get("method") or "get").lower(),
            )
            self.document.forms.append(self.current)
        elif self.current is not None and tag in {"input", "textarea", "select"} and attributes.get("name"):
            kind = (attributes.get("type") or "text").lower() if tag == "input" else tag
            if kind == "hidden":
                self.current.hidden.append((attributes["name"], attributes.get("value") or ""))
            elif kind not in self.NOT_SENT:
                self.current.visible.add(attributes["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


def parse(url: str, text: str) -> Document:
    """The links (absolute), forms and body classes of the page at ``url``."""
    document = Document(url=url)
    parser = _Parser(document)
    parser.feed(text)
    parser.close()
    return document
