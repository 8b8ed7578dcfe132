"""How search orders what it finds, in one place every backend reads.

``TYPE_WEIGHTS`` multiplies a document's text score by the weight of its type, so
that for equal relevance a policy brief, lesson or joint action comes before a
forum post, a comment or a partner organisation. Each backend applies the weight
inside its own scoring (SQL ``ORDER BY``, the engine's ``function_score``), never
as a sort after the fact, so pages and totals stay right.

Translations of one page share a ``translation_group`` and are shown as one
result: the reader's language when that version matched, else the original (the
lowest ``translation_order``), the others offered as "also in" links.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# Knowledge first, then thematic areas (hubs listing that knowledge) and forum
# topics, then posts, partners and comments. Weights stay
# close together: a clearly better match of a lower type still wins.
TYPE_WEIGHTS = {
    "policy_brief": 1.5,
    "lesson_learned": 1.4,
    "joint_action": 1.4,
    "theme": 1.0,
    "topic": 1.0,
    "post": 0.9,
    "organisation": 0.8,
    "comment": 0.6,
}
DEFAULT_WEIGHT = 1.0

# Autocomplete offers what has a title of its own. A comment is titled after its
# page ("Comment on …") and a post after its topic, so suggesting them would list
# the page or topic again under another type; the reader wants the page itself.
UNSUGGESTED_TYPES = frozenset({"comment", "post"})


def type_weight(doc_type: str) -> float:
    return TYPE_WEIGHTS.get(doc_type, DEFAULT_WEIGHT)


def weighted_types() -> list[tuple[str, float]]:
    """(doc_type, weight) pairs of every type whose weight is not the default, sorted."""
    return sorted((name, weight) for name, weight in TYPE_WEIGHTS.items() if weight != DEFAULT_WEIGHT)


@dataclass(frozen=True)
class Member:
    """One matched version of a translation group."""

    pk: int
    language: str
    order: int


def representative(members: Iterable[Member], language: str) -> Member:
    """The version to show: in ``language`` if one matched, else the original."""
    return min(members, key=lambda member: (member.language != language, member.order, member.pk))


def translations_of(shown, members) -> list:
    """The versions of ``members`` (objects with ``key`` and ``language``) other
    than ``shown``, one per language other than its own, in language order."""
    others = {}
    for member in members:
        if member.key != shown.key and member.language and member.language != shown.language:
            others.setdefault(member.language, member)
    return [others[code] for code in sorted(others)]
