"""Text of the PDF documents attached to a resource, indexed with that resource.

Extraction is bounded (pages, characters, file size) and never raises: a broken or
hostile upload is logged and contributes no text, so it cannot block publishing.
The text is kept per document and file hash, so republishing a page does not read
its PDFs again.
"""

import hashlib
import logging

from pypdf import PdfReader

from search.models import AttachmentText

logger = logging.getLogger(__name__)

MAX_PAGES = 50
MAX_CHARS = 100_000
MAX_FILE_SIZE = 25 * 1024 * 1024


def pdf_text(file) -> str:
    """Up to ``MAX_CHARS`` characters of text from the first ``MAX_PAGES`` pages."""
    reader = PdfReader(file)
    if reader.is_encrypted:
        reader.decrypt("")
    parts, length = [], 0
    for page in reader.pages[:MAX_PAGES]:
        text = " ".join((page.extract_text() or "").split())
        parts.append(text)
        length += len(text) + 1
        if length >= MAX_CHARS:
            break
    return " ".join(parts)[:MAX_CHARS]


def _is_pdf(document) -> bool:
    return document.file.name.lower().endswith(".pdf")


def document_text(document) -> str:
    """The (cached) text of one Wagtail document; "" for other formats or on error."""
    if not _is_pdf(document):
        return ""
    # Documents saved outside the admin may have no hash; a replaced file always
    # gets a new stored name, so the name stands in for it.
    file_hash = (
        document.file_hash or hashlib.sha1(document.file.name.encode(), usedforsecurity=False).hexdigest()
    )
    cached = AttachmentText.objects.filter(document=document).first()
    if cached is not None and cached.file_hash == file_hash:
        return cached.text
    try:
        if document.file.size > MAX_FILE_SIZE:
            raise ValueError(f"file larger than {MAX_FILE_SIZE} bytes")
        with document.file.open("rb") as handle:
            text = pdf_text(handle)
    except Exception:
        # pypdf raises many kinds of errors on malformed files; none may block a publish.
        logger.warning("Could not extract text from document %s", document.pk, exc_info=True)
        text = ""
    text = text.replace("\x00", "")
    AttachmentText.objects.update_or_create(
        document=document, defaults={"file_hash": file_hash, "text": text}
    )
    return text


def attachment_text(page) -> str:
    """Text of every PDF attached to ``page`` through its ``documents`` inline."""
    related = getattr(page, "documents", None)
    if related is None or not hasattr(related, "all"):
        return ""
    texts = [document_text(item.document) for item in related.all().select_related("document")]
    return " ".join(text for text in texts if text)[:MAX_CHARS]
