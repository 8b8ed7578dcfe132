"""Text analysis shared by every database: normalisation, stop words and stemming.

Documents and queries go through the same functions, so SQLite and PostgreSQL
index and match the same terms, and the highlighter can find in the original
text the words that matched.

Arabic: diacritics and tatweel are removed, the alef forms (أ إ آ) become ا,
ى becomes ي and ة becomes ه, then a light stemmer strips the common prefixes
(ال, و, and ب/ك/ف/ل only when followed by ال: too many roots begin with those
letters to strip them alone) and suffixes (ها ان ات ون ين يه ه ي, each at most once, in
that order, keeping at least three letters). English and French use
the Snowball stemmers, in C (PyStemmer, which snowballstemmer hands out when it is
installed; its pure Python stemmers give the same stems, many times slower: the
thesaurus stems every label of every concept when a process first matches or
after a vocabulary change). A query word is expanded to its English and French stems,
because the language of a query is unknown.
"""

import itertools
import re
import unicodedata
from functools import lru_cache

import snowballstemmer

MAX_TOKEN_LENGTH = 60
# Runs of text between spaces up to this length keep their words (``content_words``).
MAX_KEPT_RUN_LENGTH = 2 * MAX_TOKEN_LENGTH
MAX_QUERY_TERMS = 12

_ARABIC_LETTERS = re.compile(r"[\u0621-\u064A]")
_ARABIC_MAP = str.maketrans(
    {
        "\u0623": "\u0627",  # أ
        "\u0625": "\u0627",  # إ
        "\u0622": "\u0627",  # آ
        "\u0671": "\u0627",  # ٱ
        "\u0649": "\u064a",  # ى
        "\u0629": "\u0647",  # ة
        "\u0640": None,  # tatweel
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
    }
)
# Words as they appear in original text: letters and digits, with the combining
# marks (Latin accents, Arabic harakat) and tatweel they may carry.
WORD_RE = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640])+")
_TOKEN_RE = re.compile(r"[^\W_]+")

_AR_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_AR_SUFFIXES = ("ات", "ون", "ين", "ها", "ان", "يه", "ه", "ي")

_STOP_WORDS_TEXT = """
    a an and are as at be by for from has have in is it its of on or that the this to was were will
    with not no but into than then there these those which who whom what when where how our your their
    le la les l un une des du de d et ou en au aux dans par pour sur avec est sont ce cette ces qui que
    qu se sa son ses leur leurs pas plus ne
    في من على الى عن مع هذا هذه ذلك تلك التي الذي الذين او ان كان كانت ما لا لم لن قد ثم هو هي هم
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())

_english = snowballstemmer.stemmer("english")
_french = snowballstemmer.stemmer("french")


class _WithoutMarks(dict):
    """A ``str.translate`` table dropping every combining mark (category Mn), each
    character classified once, on first sight."""

    def __missing__(self, codepoint: int):
        kept = None if unicodedata.category(chr(codepoint)) == "Mn" else codepoint
        self[codepoint] = kept
        return kept


_WITHOUT_MARKS = _WithoutMarks()


def normalise(text: str) -> str:
    """Lower-case, without diacritics, Arabic letter forms unified."""
    if not text:
        return ""
    if text.isascii():
        # Nothing to compose, unify or strip: the common case, kept cheap.
        return text.lower()
    text = unicodedata.normalize("NFKC", text).casefold().translate(_ARABIC_MAP)
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).translate(_WITHOUT_MARKS))


def _strip_arabic(word: str) -> str:
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    for suffix in _AR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
    return word


def arabic_stems(word: str) -> tuple[str, ...]:
    """Light stems of one normalised Arabic word. A leading و may be the
    conjunction "and" or the first letter of the word (وزارة, ministry), so such a
    word yields both readings."""
    stems = [_strip_arabic(word)]
    if len(word) > 3 and word.startswith("و") and not word.startswith("وال"):
        stems.append(_strip_arabic(word[1:]))
    return tuple(dict.fromkeys(stems))


def _is_arabic(word: str) -> bool:
    return bool(_ARABIC_LETTERS.search(word))


@lru_cache(maxsize=200_000)
def stems(word: str, language: str = "en") -> tuple[str, ...]:
    """The index terms of one normalised word in a document of ``language``."""
    if _is_arabic(word):
        return arabic_stems(word)
    if word.isdigit():
        return (word,)
    if language == "fr":
        return (_french.stemWord(word),)
    return (_english.stemWord(word),)


@lru_cache(maxsize=200_000)
def word_variants(word: str) -> frozenset[str]:
    """Every index term a normalised query word may have been indexed as."""
    if _is_arabic(word) or word.isdigit():
        return frozenset(stems(word))
    return frozenset(stems(word, "en") + stems(word, "fr"))


def tokens(text: str) -> list[str]:
    """Normalised words of ``text``, without over-long junk."""
    return [token for token in _TOKEN_RE.findall(normalise(text)) if len(token) <= MAX_TOKEN_LENGTH]


def content_words(text: str) -> list[str]:
    """The normalised words of ``text`` that search reads, in order: no stop words."""
    if text.isascii():
        return list(_words_of(text))
    # Normalising other scripts costs more than finding each run of text between
    # spaces again: no word spans a space, before or after normalisation, so the
    # words of the text are those of its runs, each run normalised once.
    return list(itertools.chain.from_iterable(map(_run_words, text.split())))


def _run_words(run: str) -> tuple[str, ...]:
    if len(run) > MAX_KEPT_RUN_LENGTH:
        # A long run without spaces (an address, a table extracted from a PDF) is
        # rarely met again, and keeping it would hold the text in memory.
        return _words_of(run)
    return _kept_run_words(run)


def _words_of(run: str) -> tuple[str, ...]:
    return tuple(token for token in tokens(run) if token not in STOP_WORDS)


_kept_run_words = lru_cache(maxsize=200_000)(_words_of)


def joined_stems(stemmed) -> str:
    """The index form of a text given as the stems of each of its words."""
    return " ".join(term for terms in stemmed for term in terms)


def analyse(text: str, language: str = "en") -> str:
    """The index form of a document's text: stems separated by spaces."""
    language = (language or "en")[:2]
    return joined_stems(stems(word, language) for word in content_words(text))


def query_words(text: str) -> list[str]:
    """The words of a query a document must contain: normalised, without stop words
    or repeats, at most ``MAX_QUERY_TERMS``."""
    return list(dict.fromkeys(content_words(text)))[:MAX_QUERY_TERMS]


def query_terms(text: str) -> list[frozenset[str]]:
    """A query as a list of word groups; a document matches a group when it contains
    any of its variants, and matches the query when it matches every group."""
    return [word_variants(word) for word in query_words(text)]


def prefix_terms(text: str) -> tuple[list[frozenset[str]], frozenset[str]]:
    """An autocomplete query: the complete words before the last (as in
    ``query_terms``) and the prefixes the last, unfinished word may start."""
    words = tokens(text)
    if not words:
        return [], frozenset()
    *complete, last = words
    head = query_terms(" ".join(complete))
    prefixes = {last} | word_variants(last)
    return head, frozenset(prefix for prefix in prefixes if prefix)
