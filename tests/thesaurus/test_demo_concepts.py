"""Every demonstration brief, lesson and joint action names concepts of the shipped
thesaurus, in its own language, so the demo shows topics on real content; and the
demo loader loads the thesaurus (``load_demo`` itself: tests/test_demo.py)."""

import io

import pytest

from knowledge.demo.briefs import BRIEFS
from knowledge.demo.joint_actions import JOINT_ACTIONS
from knowledge.demo.lessons import LESSONS
from portal.thesaurus import matching
from portal.thesaurus.demo import load, summary
from portal.thesaurus.models import Concept

pytestmark = pytest.mark.django_db
DOCUMENTS = BRIEFS + LESSONS + JOINT_ACTIONS


@pytest.mark.parametrize("document", DOCUMENTS, ids=[document["title"][:40] for document in DOCUMENTS])
def test_each_demo_document_names_a_concept_in_its_title_and_summary(shipped, document):
    text = f"{document['title']}\n{document['summary']}"
    assert matching.concepts_in_text(text, document["language"])


def test_the_demo_names_the_issue_examples_in_each_language(shipped):
    named = set()
    for document in DOCUMENTS:
        text = " ".join(str(value) for value in document.values())
        named |= matching.concepts_in_text(text, document["language"])
    slugs = set(Concept.objects.filter(pk__in=named).values_list("slug", flat=True))
    assert {"recruitment-fees", "early-warning", "mhpss", "fair-recruitment"} <= slugs


def test_the_demo_loader_loads_the_thesaurus_and_again_changes_nothing(areas):
    out = io.StringIO()
    load(out)
    load(out)
    assert "thesaurus concepts: 328 (328 new)" in out.getvalue()
    assert "thesaurus concepts: 328 (0 new)" in out.getvalue()
    assert dict(summary())["thesaurus concepts"] == 328
