"""Text inside PDFs attached to a policy brief is found with the brief."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from knowledge.models import PolicyBriefDocument
from search import attachments
from search.models import AttachmentText
from tests.knowledge.factories import PolicyBriefIndexPageFactory, PolicyBriefPageFactory
from tests.search.helpers import search
from tests.search.pdfs import pdf_with_text

pytestmark = pytest.mark.django_db
Document = get_document_model()


def _document(name, data):
    return Document.objects.create(title=name, file=ContentFile(data, name=name))


@pytest.fixture
def brief(home_page, settings):
    settings.PORTAL_SEARCH_BACKEND = "database"
    return PolicyBriefPageFactory(
        parent=PolicyBriefIndexPageFactory(parent=home_page), title="Annual review", live=False
    )


def _publish_with(brief, *documents):
    brief.documents = [PolicyBriefDocument(document=document) for document in documents]
    brief.save_revision().publish()


def test_pdf_text_is_indexed_with_its_brief(brief, people):
    _publish_with(brief, _document("annex.pdf", pdf_with_text("Groundwater salinity rose in Azraq.")))
    hit = search(people["anonymous"], "groundwater salinity").hits[0]
    assert hit.title == "Annual review"
    assert "<mark>Groundwater</mark>" in hit.snippet_html


def test_a_broken_pdf_never_blocks_publishing(brief, people, caplog):
    _publish_with(brief, _document("broken.pdf", b"%PDF-1.4\nthis is not a pdf"))
    assert brief.revisions.count() == 1
    assert search(people["anonymous"], "annual review").total == 1
    assert "Could not extract text" in caplog.text


def test_extraction_is_bounded(brief, monkeypatch):
    monkeypatch.setattr(attachments, "MAX_PAGES", 2)
    document = _document("long.pdf", pdf_with_text("first page", "second page", "third page"))
    text = attachments.document_text(document)
    assert "second" in text and "third" not in text


def test_text_is_extracted_once_per_file(brief, django_assert_num_queries):
    document = _document("annex.pdf", pdf_with_text("Cached words."))
    assert attachments.document_text(document) == "Cached words."
    assert AttachmentText.objects.filter(document=document).count() == 1
    with django_assert_num_queries(1):
        assert attachments.document_text(document) == "Cached words."


def test_other_formats_are_not_read(brief):
    assert attachments.document_text(_document("data.csv", b"a,b\n1,2\n")) == ""
