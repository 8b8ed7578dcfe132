"""Which concepts a text or a query names, through any label in any of the three
languages, after the normalisation and stemming the search uses (``search.text``).

Every label becomes a sequence of stems (stop words left out, as the search leaves
them out of documents), kept in a trie of stems. A Latin-script label is stemmed as
English and as French, so an English document quoting "alerte précoce" still names
the concept; a text's words are stemmed in its own language, a query's in both.
Matching walks the trie from each word and keeps the longest label that ends there,
so "recruitment fees" names that concept and not also "recruitment"; words are
matched whole, never inside a longer word.

The trie is built once per process from the database and rebuilt when the version
kept in the cache changes: every committed change of a concept or a label bumps it.
A request reads that version once, however often it matches.
A transaction that changed the thesaurus (an import, then the documents it tags)
matches with its own matcher, built from what it sees, until it ends; one rolled
back leaves no trace of its concepts.
The concepts' slugs and preferred labels are kept beside it, so search results and
facets name concepts without a query.
"""

import itertools
import secrets
import threading
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection, transaction

from portal.thesaurus.models import ConceptLabel, label_in
from search.text import content_words, stems, word_variants

VERSION_KEY = "thesaurus:matcher-version"
# A label's words multiply into this many stem sequences at most (Arabic words
# starting with و have two readings; Latin words an English and a French stem).
MAX_READINGS = 16
_END = ""


@dataclass(frozen=True)
class Naming:
    """How a concept is shown: its slug and its preferred labels (language -> text)."""

    slug: str
    preferred: dict[str, str]

    def label(self, language: str | None = None) -> str:
        return label_in(self.preferred, language, self.slug)


@dataclass(frozen=True)
class Matcher:
    version: str
    trie: dict
    names: dict[int, Naming]

    def find(self, groups: list[tuple[str, ...] | frozenset[str]]) -> set[int]:
        """Concepts named by a run of words, each given as the stems it may have."""
        return set().union(*(concepts for _, _, concepts in self.spans(groups)))

    def spans(self, groups) -> list[tuple[int, int, frozenset[int]]]:
        """(start, end, concepts) of each run of ``groups`` naming concepts, the
        longest label first, runs never overlapping."""
        found = []
        position, count = 0, len(groups)
        root = self.trie
        while position < count:
            # Most words begin no label, and most have one stem: looked up once,
            # without building a walk.
            group = groups[position]
            if len(group) == 1:
                (stem,) = group
                node = root.get(stem)
                if node is None:
                    position += 1
                    continue
                following = groups[position + 1] if position + 1 < count else ()
                if len(following) == 1:
                    (next_stem,) = following
                    leads_on = next_stem in node
                else:
                    leads_on = any(next_stem in node for next_stem in following)
                if not leads_on:
                    # Most labels that start here end here too: no walk to build.
                    concepts = node.get(_END)
                    if concepts:
                        found.append((position, position + 1, concepts))
                    position += 1
                    continue
                starts = (node,)
            else:
                starts = [root[stem] for stem in group if stem in root]
            end, concepts = self._longest_from(groups, position, starts) if starts else (position, None)
            if concepts:
                found.append((position, end, concepts))
                position = end
            else:
                position += 1
        return found

    @staticmethod
    def _longest_from(groups, start: int, nodes) -> tuple[int, frozenset[int]]:
        """The longest label starting at ``start`` whose first stem led to ``nodes``.
        A walk is one node along words of one stem, the common case, kept cheap."""
        best_end, best = start, frozenset()
        position, count = start, len(groups)
        while True:
            if len(nodes) == 1:
                ended = nodes[0].get(_END)
                if ended is not None:
                    best_end, best = position + 1, ended
            else:
                ended = [node[_END] for node in nodes if _END in node]
                if ended:
                    best_end, best = position + 1, frozenset().union(*ended)
            position += 1
            if position == count:
                return best_end, best
            group = groups[position]
            if len(nodes) == 1 and len(group) == 1:
                (stem,) = group
                child = nodes[0].get(stem)
                nodes = () if child is None else (child,)
            else:
                nodes = [node[stem] for node in nodes for stem in group if stem in node]
            if not nodes:
                return best_end, best


def label_readings(text: str, language: str) -> set[tuple[str, ...]]:
    """The stem sequences a label may appear as in a document of any language."""
    words = content_words(text)
    if not words:
        return set()
    languages = {language} | ({"en", "fr"} if language in ("en", "fr") else set())
    readings: set[tuple[str, ...]] = set()
    for stemming in sorted(languages):
        per_word = [stems(word, stemming) for word in words]
        readings.update(itertools.islice(itertools.product(*per_word), MAX_READINGS))
    return readings


def build(version: str = "") -> Matcher:
    trie: dict = {}
    names: dict[int, Naming] = {}
    for concept_id, slug, language, kind, text in ConceptLabel.objects.values_list(
        "concept_id", "concept__slug", "language", "kind", "text"
    ):
        naming = names.setdefault(concept_id, Naming(slug, {}))
        if kind == ConceptLabel.Kind.PREFERRED:
            naming.preferred[language] = text
        for reading in label_readings(text, language):
            node = trie
            for stem in reading:
                node = node.setdefault(stem, {})
            node.setdefault(_END, set()).add(concept_id)
    return Matcher(version=version, trie=_frozen(trie), names=names)


def _frozen(node: dict) -> dict:
    return {key: frozenset(value) if key == _END else _frozen(value) for key, value in node.items()}


_lock = threading.Lock()
_current: Matcher | None = None
# Per thread (as database connections are): the matcher of a transaction that
# changed the thesaurus and has not ended.
_uncommitted = threading.local()


# Per thread, while it answers a request: the version read first in that request.
# A search reads the matcher for its query's concepts, then again to name those
# of its facets and results; one read of the cache serves them all.
_request = threading.local()


def bump_version() -> None:
    _request.version = None
    cache.set(VERSION_KEY, secrets.token_hex(8), timeout=None)


def request_began() -> None:
    _request.active = True
    _request.version = None


def request_ended() -> None:
    _request.active = False
    _request.version = None


def thesaurus_changed() -> None:
    """Called on every change of a concept, a label or a link: the rest of this
    transaction matches with what it now sees, and every process with the new
    thesaurus once it commits."""
    transaction.on_commit(_committed, robust=True)
    _uncommitted.matcher = None
    _uncommitted.changes = _pending_changes()


def _committed() -> None:
    forget_uncommitted()
    bump_version()


def forget_uncommitted() -> None:
    _uncommitted.changes = 0
    _uncommitted.matcher = None


def _pending_changes() -> int:
    """How many changes of this transaction wait for its commit. Django drops the
    commit callbacks of a rolled-back transaction or savepoint, so a change rolled
    back is no longer counted."""
    if not connection.in_atomic_block:
        return 0
    return sum(1 for _savepoints, callback, _robust in connection.run_on_commit if callback is _committed)


def _transaction_matcher() -> Matcher | None:
    changes = getattr(_uncommitted, "changes", 0)
    if not changes:
        return None
    pending = _pending_changes()
    if pending != changes:
        # Some were rolled back: what this transaction sees changed again.
        _uncommitted.matcher = None
        _uncommitted.changes = pending
        if not pending:
            return None
    if _uncommitted.matcher is None:
        _uncommitted.matcher = build("uncommitted")
    return _uncommitted.matcher


def current_version() -> str:
    version = getattr(_request, "version", None)
    if version is not None:
        return version
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, secrets.token_hex(8), timeout=None)
        version = cache.get(VERSION_KEY, "")
    if getattr(_request, "active", False):
        _request.version = version
    return version


def matcher() -> Matcher:
    """This process's matcher, rebuilt when the concepts changed since it was built."""
    global _current
    uncommitted = _transaction_matcher()
    if uncommitted is not None:
        return uncommitted
    version = current_version()
    built = _current
    if built is not None and built.version == version:
        return built
    with _lock:
        if _current is None or _current.version != version:
            # The version is read before the labels: a change committed while
            # building bumps it again, and the next call rebuilds.
            _current = build(version)
        return _current


def concepts_in_text(text: str, language: str) -> set[int]:
    """Ids of the concepts whose labels occur in ``text``, written in ``language``."""
    language = (language or "en")[:2]
    return concepts_in_stems([stems(word, language) for word in content_words(text)])


def concepts_in_stems(groups: list[tuple[str, ...]]) -> set[int]:
    """Ids of the concepts named by a text given as the stems of each of its words
    (normalised, stop words left out, stemmed in its language), in order."""
    return matcher().find(groups)


def concepts_in_query(query: str) -> set[int]:
    """Ids of the concepts a search query names, in whichever language it is written."""
    return matcher().find([word_variants(word) for word in content_words(query)])


def namings(concept_ids) -> dict[int, Naming]:
    """The slug and preferred labels of each of ``concept_ids`` that exists."""
    names = matcher().names
    return {pk: names[pk] for pk in concept_ids if pk in names}


def concept_spans(words: list[str]) -> list[tuple[int, int, frozenset[int]]]:
    """(start, end, concepts) of the runs of query ``words`` (normalised, stop
    words left out) that name concepts, in whichever language."""
    return matcher().spans([word_variants(word) for word in words])
