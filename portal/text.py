"""Plain text people type for others to read: names, titles, short messages."""

# Embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069) change the
# direction of what follows them without being seen, so a name or a title could
# make the text around it read backwards (or pose as someone else's name).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# PostgreSQL cannot store NUL characters, and no one means to type them.
_INVISIBLE = str.maketrans("", "", BIDI_CONTROLS + "\x00")


def strip_controls(text: str | None) -> str:
    """``text`` without bidirectional control characters or NUL characters."""
    return (text or "").translate(_INVISIBLE)


def single_line(text: str | None) -> str:
    """A name or a title: controls removed and every run of whitespace one space."""
    return " ".join(strip_controls(text).split())


EXCERPT_LENGTH = 280
# First strong isolate and pop directional isolate: text between them keeps its own
# direction without turning the text around it (an Arabic excerpt in an English email).
_ISOLATE, _POP_ISOLATE = "\u2068", "\u2069"


def excerpt(text: str | None, length: int = EXCERPT_LENGTH) -> str:
    """The beginning of what someone wrote, on one line, cut at a word within
    ``length`` characters (with an ellipsis when cut)."""
    text = single_line(text)
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut + "…"


def isolated(text: str | None) -> str:
    """``text`` as one isolated run of its own direction, for plain text (emails)
    where no ``dir="auto"`` or ``<bdi>`` can do it; empty text stays empty."""
    text = strip_controls(text)
    return f"{_ISOLATE}{text}{_POP_ISOLATE}" if text else ""
