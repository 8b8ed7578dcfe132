"""A small, valid PDF writer for the demonstration documents: text only, in the
standard Helvetica font, so any PDF reader (and text extraction) handles it."""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
LEADING = 14
LINES_PER_PAGE = (PAGE_HEIGHT - 2 * MARGIN) // LEADING
WRAP = 92


def _escape(text):
    encoded = text.encode("cp1252", errors="replace").decode("latin-1")
    return encoded.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _lines(title, paragraphs):
    lines = [("F2", title), ("F1", "")]
    for paragraph in paragraphs:
        lines.extend(("F1", line) for line in textwrap.wrap(paragraph, WRAP))
        lines.append(("F1", ""))
    return lines


def _content_stream(lines):
    parts = [f"BT {MARGIN} {PAGE_HEIGHT - MARGIN} Td {LEADING} TL"]
    for font, line in lines:
        size = 13 if font == "F2" else 10
        parts.append(f"/{font} {size} Tf ({_escape(line)}) Tj T*")
    parts.append("ET")
    return "\n".join(parts).encode("latin-1")


def text_pdf(title, paragraphs):
    """The bytes of a PDF showing ``title`` and ``paragraphs`` over as many A4
    pages as needed. Latin-script text only (the Windows-1252 encoding)."""
    lines = _lines(title, paragraphs)
    pages = [lines[start : start + LINES_PER_PAGE] for start in range(0, len(lines), LINES_PER_PAGE)]
    fonts = "<< /F1 3 0 R /F2 4 0 R >>"
    objects = {
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        5: b"<< /Title (" + _escape(title).encode("latin-1") + b") /Producer (Partnership Portal) >>",
    }
    page_ids = []
    next_id = 6
    for page_lines in pages:
        page_id, content_id = next_id, next_id + 1
        next_id += 2
        stream = _content_stream(page_lines)
        objects[content_id] = (
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"
        )
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font {fonts} >> /Contents {content_id} 0 R >>"
        ).encode()
        page_ids.append(page_id)
    kids = " ".join(f"{page_id} 0 R" for page_id in page_ids)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(output)
        output += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref_at = len(output)
    size = max(objects) + 1
    output += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        output += f"{offsets[number]:010d} 00000 n \n".encode()
    output += f"trailer\n<< /Size {size} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(output)
