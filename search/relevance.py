"""The relevance set: queries a reader would type, in English, Arabic and French,
with what they should find, judged on the demo content (``manage.py load_demo``).

``relevance_set.json`` holds the judgements as data, so sets for other content or
languages can join it: each has the query, the reader's language and grades of
the addresses that answer it (3: the result a reader wants first; 2: also a
good answer; 1: related). ``evaluate`` runs them on a backend and scores each
with nDCG@10; the tests and ``python -m search.benchmark --relevance`` read it.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from search.backends.base import SearchQuery

SET_PATH = Path(__file__).with_name("relevance_set.json")
CUTOFF = 10


@dataclass(frozen=True)
class Judgement:
    query: str
    language: str
    grades: dict[str, int]

    @property
    def best(self) -> set[str]:
        """The addresses any of which should come first."""
        top = max(self.grades.values())
        return {url for url, grade in self.grades.items() if grade == top}


@dataclass(frozen=True)
class Outcome:
    judgement: Judgement
    urls: list[str]
    ndcg: float

    @property
    def best_first(self) -> bool:
        return bool(self.urls) and self.urls[0] in self.judgement.best


def load_set(path: Path = SET_PATH) -> list[Judgement]:
    with path.open(encoding="utf-8") as source:
        entries = json.load(source)["queries"]
    return [Judgement(entry["query"], entry["language"], dict(entry["grades"])) for entry in entries]


def _dcg(grades: list[int]) -> float:
    return sum((2**grade - 1) / math.log2(position + 2) for position, grade in enumerate(grades))


def ndcg(urls: list[str], grades: dict[str, int], cutoff: int = CUTOFF) -> float:
    """Normalised discounted cumulative gain of ``urls`` (best first) at ``cutoff``."""
    ideal = _dcg(sorted(grades.values(), reverse=True)[:cutoff])
    if not ideal:
        return 0.0
    return _dcg([grades.get(url, 0) for url in urls[:cutoff]]) / ideal


def evaluate(backend, judgements: list[Judgement], scopes=frozenset({"public"})) -> list[Outcome]:
    """Each judgement's first ``CUTOFF`` results on ``backend`` (as an anonymous
    reader in the judgement's language) and their nDCG."""
    outcomes = []
    for judgement in judgements:
        query = SearchQuery(
            text=judgement.query,
            scopes=scopes,
            language=judgement.language,
            per_page=CUTOFF,
            with_facets=False,
            with_suggestion=False,
        )
        urls = [hit.url for hit in backend.search(query).hits]
        outcomes.append(Outcome(judgement, urls, ndcg(urls, judgement.grades)))
    return outcomes


def mean_ndcg(outcomes: list[Outcome], language: str | None = None) -> float:
    scores = [outcome.ndcg for outcome in outcomes if language in (None, outcome.judgement.language)]
    return sum(scores) / len(scores) if scores else 0.0
