"""Briefs, lessons and joint actions show the topics they are about in their facts
panel, named in the reader's language and linking to the topics' pages."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from portal.thesaurus.models import ConceptLabel
from search.projections import document_key
from search.topics import document_topics
from tests.knowledge.factories import JointActionPageFactory, LessonLearnedPageFactory, translate

pytestmark = pytest.mark.django_db


def _topics(client, page) -> list[tuple[str, str, str | None]]:
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    facts = html.select_one(".page-facts")
    heading = next(term for term in facts.find_all("dt") if term.get_text() in ("Topics", "المواضيع"))
    return [
        (link.get_text(), link["href"], link.get("lang")) for link in heading.find_next("dd").find_all("a")
    ]


@pytest.fixture
def lesson(indexes, shipped):
    page = LessonLearnedPageFactory(
        parent=indexes["en"]["lessons"],
        title="Fees at the border",
        summary="Recruitment fees pushed workers into debt.",
    )
    page.save_revision().publish()
    return page


def test_a_page_lists_its_topics_in_the_reader_language(client, lesson, locales):
    assert ("recruitment fees", "/en/topics/recruitment-fees/", None) in _topics(client, lesson)
    arabic = translate(
        lesson, locales["ar"], title="الرسوم على الحدود", summary="رسوم التوظيف أغرقت العمال في الديون."
    )
    with translation.override("ar"):
        assert ("رسوم التوظيف", "/ar/topics/recruitment-fees/", None) in _topics(client, arabic)


def test_a_topic_without_a_name_in_the_reader_language_is_named_in_english(client, lesson, locales):
    ConceptLabel.objects.filter(concept__slug="recruitment-fees", language="fr").delete()
    with translation.override("fr"):
        topics = document_topics(key=document_key(lesson))
    assert [
        (topic.slug, topic.label, topic.language) for topic in topics if topic.slug == "recruitment-fees"
    ] == [("recruitment-fees", "recruitment fees", "en")]


def test_the_topics_of_a_page_take_one_query(lesson, django_assert_num_queries):
    with django_assert_num_queries(1):
        topics = document_topics(key=document_key(lesson))
    assert "recruitment-fees" in {topic.slug for topic in topics}


def test_a_page_about_no_topic_shows_none(client, indexes, shipped):
    page = JointActionPageFactory(
        parent=indexes["en"]["joint-actions"], title="Plain", summary="Nothing named."
    )
    page.save_revision().publish()
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert "Topics" not in [term.get_text() for term in html.select(".page-facts dt")]
