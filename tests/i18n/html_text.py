"""What a reader sees or hears of a page: its text and the attributes read aloud."""

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HIDDEN = {"script", "style", "template", "noscript", "head"}
SPOKEN_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label", "aria-description")
# User content and names are isolated with <bdi> or dir="auto"; code stays as written.
ISOLATED = {"bdi", "code", "pre", "kbd", "samp"}


class _Reader(HTMLParser):
    def __init__(self, language):
        super().__init__(convert_charrefs=True)
        self.language = language
        self.stack = []  # (tag, skipped)
        self.texts = []

    def _skipped(self):
        return bool(self.stack) and self.stack[-1][1]

    def _skips(self, tag, attributes):
        if tag in HIDDEN or self._skipped():
            return True
        if self.language is None:
            return False
        lang = (attributes.get("lang") or self.language).split("-")[0]
        return (
            tag in ISOLATED
            or lang != self.language
            or attributes.get("dir") == "auto"
            or attributes.get("translate") == "no"
        )

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        skipped = self._skips(tag, attributes)
        if not skipped:
            for name in SPOKEN_ATTRIBUTES:
                if attributes.get(name):
                    self.texts.append(attributes[name])
            if tag == "input" and attributes.get("type") in {"submit", "button", "reset"}:
                self.texts.append(attributes.get("value", ""))
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self._skipped() and data.strip():
            self.texts.append(data.strip())


def interface_texts(html, language=None):
    """Text nodes and spoken attributes of ``html``.

    With ``language``, leaves out what is not interface text in that language: parts
    marked with another ``lang``, isolated user content (``<bdi>``, ``dir="auto"``)
    and code. The page's <head> is left out (its title repeats content titles).
    """
    reader = _Reader(language)
    reader.feed(html)
    reader.close()
    return reader.texts
