"""The relevance set: queries a reader would type, in English, Arabic and French,
with what they should find, judged on the demo content (``manage.py load_demo``).

``relevance_set.json`` holds the judgements as data, so sets for other content or
languages can join it: each has the query, the reader's language and grades of
the answers (see ``answer_id``) (3: the result a reader wants first; 2: also a
good answer; 1: related). ``crosslanguage_set.json`` is a set of the same shape
whose answers all exist only in languages other than the query's, so only the
thesaurus (``search.concepts``) finds them. ``evaluate`` runs a set on a backend
and scores each query with nDCG@10 and recall@10; the tests and ``python -m
search.benchmark --relevance`` read them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from search.backends.base import SearchQuery

SET_PATH = Path(__file__).with_name("relevance_set.json")
CROSSLANGUAGE_SET_PATH = Path(__file__).with_name("crosslanguage_set.json")
CUTOFF = 10
# Forum addresses carry database ids, which differ from one load of the demo to the
# next: their answers are named "<type>:<title>" instead.
TITLED_TYPES = frozenset({"topic", "post"})


def answer_id(hit) -> str:
    """How the set names ``hit``: its stored address, or type and title."""
    return f"{hit.doc_type}:{hit.title}" if hit.doc_type in TITLED_TYPES else hit.url


@dataclass(frozen=True)
class Judgement:
    query: str
    language: str
    grades: dict[str, int]

    @property
    def best(self) -> set[str]:
        """The answers any of which should come first."""
        top = max(self.grades.values())
        return {answer for answer, grade in self.grades.items() if grade == top}


@dataclass(frozen=True)
class Outcome:
    judgement: Judgement
    answers: list[str]
    ndcg: float
    recall: float

    @property
    def best_first(self) -> bool:
        return bool(self.answers) and self.answers[0] in self.judgement.best


def load_set(path: Path = SET_PATH) -> list[Judgement]:
    with path.open(encoding="utf-8") as source:
        entries = json.load(source)["queries"]
    return [Judgement(entry["query"], entry["language"], dict(entry["grades"])) for entry in entries]


def _dcg(grades: list[int]) -> float:
    return sum((2**grade - 1) / math.log2(position + 2) for position, grade in enumerate(grades))


def ndcg(answers: list[str], grades: dict[str, int], cutoff: int = CUTOFF) -> float:
    """Normalised discounted cumulative gain of ``answers`` (best first) at ``cutoff``."""
    ideal = _dcg(sorted(grades.values(), reverse=True)[:cutoff])
    if not ideal:
        return 0.0
    return _dcg([grades.get(answer, 0) for answer in answers[:cutoff]]) / ideal


def recall(answers: list[str], grades: dict[str, int], cutoff: int = CUTOFF) -> float:
    """The share of the graded answers, whatever their grade, among the first ``cutoff``."""
    if not grades:
        return 0.0
    return len(set(answers[:cutoff]) & set(grades)) / len(grades)


def evaluate(
    backend, judgements: list[Judgement], scopes=frozenset({"public"}), *, through_concepts: bool = True
) -> list[Outcome]:
    """Each judgement's first ``CUTOFF`` results on ``backend`` (as an anonymous
    reader in the judgement's language), their nDCG and recall; with
    ``through_concepts=False``, as if no query named a thesaurus concept."""
    outcomes = []
    for judgement in judgements:
        query = SearchQuery(
            text=judgement.query,
            scopes=scopes,
            language=judgement.language,
            per_page=CUTOFF,
            with_facets=False,
            with_suggestion=False,
            through_concepts=through_concepts,
        )
        answers = [answer_id(hit) for hit in backend.search(query).hits]
        grades = judgement.grades
        outcomes.append(Outcome(judgement, answers, ndcg(answers, grades), recall(answers, grades)))
    return outcomes


def _mean(outcomes: list[Outcome], measure: str, language: str | None) -> float:
    scores = [
        getattr(outcome, measure) for outcome in outcomes if language in (None, outcome.judgement.language)
    ]
    return sum(scores) / len(scores) if scores else 0.0


def mean_ndcg(outcomes: list[Outcome], language: str | None = None) -> float:
    return _mean(outcomes, "ndcg", language)


def mean_recall(outcomes: list[Outcome], language: str | None = None) -> float:
    return _mean(outcomes, "recall", language)
