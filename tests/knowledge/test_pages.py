"""Each kind of knowledge page renders what it holds, with its metadata."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from knowledge.demo.pdf import text_pdf
from knowledge.models import PolicyBriefDocument
from tests.knowledge.factories import (
    JointActionPageFactory,
    LessonLearnedPageFactory,
    PolicyBriefPageFactory,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def figure_image():
    return get_image_model().objects.create(title="Coverage chart", file=get_test_image_file())


@pytest.fixture
def pdf_document():
    pdf = text_pdf("Annex", ["Coverage figures by governorate."])
    return get_document_model().objects.create(
        title="Annex on coverage", file=ContentFile(pdf, name="annex.pdf")
    )


@pytest.fixture
def full_brief(indexes, library, figure_image, pdf_document):
    return PolicyBriefPageFactory(
        parent=indexes["en"]["briefs"],
        title="Keeping workers covered",
        summary="A fixed fee doubled the use of clinics.",
        themes=[library["health"]],
        organisations=[library["who"]],
        body=[
            {"type": "heading", "value": "Covered on paper"},
            {"type": "paragraph", "value": "<p>Most workers <b>pay</b> out of pocket.</p>"},
            {"type": "quote", "value": {"text": "Now I go early.", "attribution": "A worker"}},
            {
                "type": "table",
                "value": {
                    "data": [["Group", "Share"], ["Registered", "77"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Use of clinics",
                },
            },
            {
                "type": "figure",
                "value": {
                    "image": figure_image.pk,
                    "alt_text": "Bars rising to 77 per cent",
                    "caption": "Survey",
                },
            },
            {"type": "document", "value": {"document": pdf_document.pk, "title": "The annex"}},
        ],
        key_recommendations=[
            {"type": "recommendation", "value": {"title": "One fixed fee", "detail": "For everyone."}}
        ],
        documents=[PolicyBriefDocument(document=pdf_document)],
    )


def test_policy_brief_renders_every_block_and_its_metadata(client, full_brief):
    response = client.get(full_brief.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 lang="en" dir="ltr">Keeping workers covered</h1>' in html
    assert '<h2 dir="auto">Covered on paper</h2>' in html
    assert "Most workers <b>pay</b> out of pocket." in html
    assert "<blockquote>" in html and "<cite>A worker</cite>" in html
    assert "<caption>Use of clinics</caption>" in html and '<th scope="col"' in html
    assert 'alt="Bars rising to 77 per cent"' in html and "<figcaption" in html
    # The body's link to the attached annex is not repeated: the panel offers it once,
    # with its format and size.
    assert ">The annex</a>" not in html and html.count("annex.pdf") == 1
    assert '>Annex on coverage</a> <span class="meta">(PDF, ' in html
    assert '<strong dir="auto">One fixed fee</strong>' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta name="description" content="A fixed fee doubled the use of clinics.">' in html
    assert '<meta property="og:image" content="http' in html
    assert 'href="/en/knowledge/feeds/briefs/rss/"' in html
    assert 'href="/en/partners/who/"' in html
    assert 'href="/en/policy-briefs/?theme=health"' in html


def test_brief_without_figure_has_no_og_image(client, library):
    html = client.get(library["labour_lb"].url).content.decode()
    assert "og:image" not in html
    assert '<meta property="og:type" content="article">' in html


def test_lesson_shows_its_sections_and_the_joint_action_in_the_readers_language(client, indexes, locales):
    joint_action = JointActionPageFactory(parent=indexes["en"]["joint-actions"], title="Health access")
    translate(joint_action, locales["ar"], title="الوصول إلى الصحة")
    lesson = LessonLearnedPageFactory(
        parent=indexes["en"]["lessons"],
        related_joint_action=joint_action,
        what_did_not_work="<p>Referrals were lost.</p>",
    )
    lesson_ar = translate(lesson, locales["ar"], title="درس")

    html = client.get(lesson.url).content.decode()
    assert "<h2>What did not work</h2>" in html and "Referrals were lost." in html
    assert "<h2>Evidence</h2>" not in html  # empty sections are left out
    assert f'href="{joint_action.url}"' in html

    html_ar = client.get(lesson_ar.url).content.decode()
    assert "الوصول إلى الصحة" in html_ar


def test_joint_action_shows_status_budget_and_its_lessons_in_any_language(client, indexes, locales):
    joint_action = JointActionPageFactory(
        parent=indexes["en"]["joint-actions"],
        status="completed",
        budget_amount=2_100_000,
        budget_currency="EUR",
    )
    LessonLearnedPageFactory(
        parent=indexes["en"]["lessons"], title="English lesson", related_joint_action=joint_action
    )
    LessonLearnedPageFactory(
        parent=indexes["ar"]["lessons"], title="درس بالعربية", slug="dars", related_joint_action=joint_action
    )
    LessonLearnedPageFactory(parent=indexes["en"]["lessons"], title="Unrelated lesson")

    html = client.get(joint_action.url).content.decode()
    assert "Completed" in html
    assert "2,100,000 EUR" in html
    assert "English lesson" in html
    assert "درس بالعربية" in html and 'lang="ar"' in html
    assert "Unrelated lesson" not in html


def test_unpublished_pages_are_not_served(client, indexes):
    draft = PolicyBriefPageFactory(parent=indexes["en"]["briefs"], live=False)
    assert client.get(f"/en/policy-briefs/{draft.slug}/").status_code == 404


def test_original_shown_in_another_language_links_back_to_the_readers_index(client, library):
    # "labour_lb" exists only in English; an Arabic reader gets its original on /ar/.
    response = client.get(f"/ar/original/{library['labour_lb'].pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/ar/policy-briefs/?theme=labour"' in html
    assert 'href="/ar/policy-briefs/"' in html
    assert 'href="/en/policy-briefs/?' not in html and 'href="/en/policy-briefs/"' not in html
    # The English text is marked as English, so it reads left to right in the Arabic page.
    assert '<h1 lang="en" dir="ltr">Fair recruitment</h1>' in html
    assert '<div class="knowledge-page__body rich-text" lang="en" dir="ltr">' in html
