"""Highlighted titles and snippets, made from the original text in Python so every
backend marks the same words: everything is escaped, only ``<mark>`` is added."""

from collections import deque
from functools import lru_cache
from itertools import islice

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search import text

SNIPPET_WORDS = 36
SCAN_CHARS = 30_000


@lru_cache(maxsize=100_000)
def _word_terms(word: str) -> frozenset[str]:
    normalised = text.normalise(word)
    if not normalised:
        return frozenset()
    return text.word_variants(normalised) | {normalised}


def _matches(word: str, terms: frozenset[str]) -> bool:
    return not _word_terms(word).isdisjoint(terms)


def _render(source: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out, position = [], start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        out.append(escape(source[position:span_start]))
        out.append(f"<mark>{escape(source[span_start:span_end])}</mark>")
        position = span_end
    out.append(escape(source[position:end]))
    return "".join(out)


def _spans(source: str, terms: frozenset[str]):
    words = list(text.WORD_RE.finditer(source))
    return words, [(m.start(), m.end()) for m in words if _matches(m.group(), terms)]


def highlight_title(title: str, terms: frozenset[str]) -> str:
    words, spans = _spans(title, terms)
    return mark_safe(_render(title, spans, 0, len(title)))  # noqa: S308 (escaped in _render)


def snippet(body: str, terms: frozenset[str]) -> str:
    """About ``SNIPPET_WORDS`` words of ``body`` around its first match (or its
    beginning), escaped, with the matching words in ``<mark>``. Words are read up
    to the first match and tested only around it: a long body's other words cost
    nothing."""
    source = (body or "")[:SCAN_CHARS]
    words = text.WORD_RE.finditer(source)
    lead = SNIPPET_WORDS // 4
    before = deque(maxlen=lead + 1)
    skipped = 0
    for word in words:
        if len(before) == before.maxlen:
            skipped += 1
        before.append(word)
        if _matches(word.group(), terms):
            break
    else:
        # Without a match the snippet is the beginning of the text.
        words = text.WORD_RE.finditer(source)
        before.clear()
        skipped = 0
    shown = [*before, *islice(words, SNIPPET_WORDS - len(before) + 1)]
    if not shown:
        return ""
    more = len(shown) > SNIPPET_WORDS
    shown = shown[:SNIPPET_WORDS]
    spans = [(word.start(), word.end()) for word in shown if _matches(word.group(), terms)]
    start, end = shown[0].start(), shown[-1].end()
    html = _render(source, spans, start, end)
    prefix = "… " if skipped else ""
    suffix = " …" if more or len(body) > len(source) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 (escaped in _render)


def query_term_set(query_text: str) -> frozenset[str]:
    """Every index term of a query, for the highlighter."""
    groups = text.query_terms(query_text)
    return frozenset().union(*groups) if groups else frozenset()
