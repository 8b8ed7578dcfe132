""" "Did you mean": close words from the vocabulary of documents the reader may see."""

import difflib

from search import text
from search.models import SearchTerm

MAX_WORDS = 6
CUTOFF = 0.75


def correct(query_text: str, scopes) -> str:
    """The query with unknown words replaced by their closest known word, or ""
    when nothing was replaced."""
    words = text.tokens(query_text)[:MAX_WORDS]
    if not words:
        return ""
    scopes = list(scopes)
    known = set(SearchTerm.objects.filter(term__in=words, scope__in=scopes).values_list("term", flat=True))
    corrected, changed = [], False
    for word in words:
        if word in known or word in text.STOP_WORDS or word.isdigit() or len(word) < 3:
            corrected.append(word)
            continue
        candidates = set(
            SearchTerm.objects.filter(
                prefix=word[:1], length__range=(len(word) - 2, len(word) + 2), scope__in=scopes
            ).values_list("term", flat=True)
        )
        best = difflib.get_close_matches(word, candidates, n=1, cutoff=CUTOFF)
        if best:
            corrected.append(best[0])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else ""
