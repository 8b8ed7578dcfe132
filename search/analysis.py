"""A projection as search reads it: each text tokenised, normalised and stemmed
once per write, for the analysed columns, the "did you mean" vocabulary and the
concepts alike."""

from collections.abc import Iterable
from dataclasses import dataclass

from portal.thesaurus.matching import Matcher
from search import text
from search.concepts import concept_term, document_concepts
from search.projections import Projection

MAX_TERMS_PER_DOCUMENT = 300
MIN_TERM_LENGTH, MAX_TERM_LENGTH = 3, 30


class TextAnalysis:
    """One text of a document as the search reads it: its words (normalised, stop
    words left out) and the stems of each, in the document's language. The analysed
    columns, the "did you mean" vocabulary and the concepts all start from these, so
    a text is tokenised, normalised and stemmed once per write."""

    __slots__ = ("words", "stems")

    def __init__(self, content: str, language: str):
        self.words = text.content_words(content)
        self.stems = [text.stems(word, language) for word in self.words]

    def analysed(self) -> str:
        """What ``search.text.analyse`` makes of the text."""
        return text.joined_stems(self.stems)


@dataclass(frozen=True, slots=True)
class Analysed:
    """What writing a document's row takes from its analysis: the row's values,
    what it links to (ids by relation, each once) and its words for the "did you
    mean" vocabulary. Small and picklable, so a worker process can hand it back
    (``search.workers``)."""

    key: str
    scope: str
    values: dict
    links: dict[str, list[int]]
    vocabulary: list[str]


def analyse(projections: Iterable[Projection], thesaurus: Matcher) -> list[Analysed]:
    return [DocumentAnalysis(projection, thesaurus).analysed() for projection in projections]


class DocumentAnalysis:
    """A projection analysed once per write: its texts, and the concepts its
    document is about."""

    def __init__(self, projection: Projection, thesaurus: Matcher):
        self.projection = projection
        self.language = (projection.language or "")[:8]
        self.scope = projection.scope
        self._texts: dict[str, TextAnalysis] = {}
        self.concepts = document_concepts(projection, self.stems, thesaurus=thesaurus)

    def text(self, content: str) -> TextAnalysis:
        found = self._texts.get(content)
        if found is None:
            found = self._texts[content] = TextAnalysis(content, (self.language or "en")[:2])
        return found

    def stems(self, content: str) -> list[tuple[str, ...]]:
        return self.text(content).stems

    def vocabulary(self) -> list[str]:
        projection = self.projection
        # Each word is judged once, however often the text repeats it.
        words = dict.fromkeys(self.text(projection.title).words)
        words.update(dict.fromkeys(self.text(projection.body[:20_000]).words))
        return [
            word for word in words if MIN_TERM_LENGTH <= len(word) <= MAX_TERM_LENGTH and not word.isdigit()
        ][:MAX_TERMS_PER_DOCUMENT]

    def values(self) -> dict:
        projection = self.projection
        analysed_body = " ".join(
            part
            for part in (
                self.text(projection.body).analysed(),
                self.text(projection.attachment_text).analysed(),
            )
            if part
        )
        return {
            "doc_type": projection.doc_type,
            "title": projection.title[:500],
            "body": projection.body,
            "attachment_text": projection.attachment_text,
            "language": self.language,
            "url": projection.url[:500],
            "author_id": projection.author_id,
            "author_name": projection.author_name[:200],
            "date": projection.date,
            "year": projection.date.year if projection.date else None,
            "visibility": projection.visibility,
            "scope": self.scope,
            "translation_group": (projection.translation_group or projection.key)[:120],
            "translation_order": projection.translation_order,
            "search_title": self.text(projection.title).analysed(),
            "search_body": analysed_body,
            "search_concepts": " ".join(concept_term(pk) for pk in self.concepts),
            "deleted": False,
        }

    def analysed(self) -> Analysed:
        return Analysed(self.projection.key, self.scope, self.values(), self.links(), self.vocabulary())

    def links(self) -> dict[str, list[int]]:
        """The ids of what the row links to, by relation, each once."""
        projection = self.projection
        return {
            "themes": list(dict.fromkeys(projection.themes)),
            "countries": list(dict.fromkeys(projection.countries)),
            "organisations": list(dict.fromkeys(projection.organisations)),
            "concepts": self.concepts,
        }
