"""Text of a PDF with its layout undone: reading order, hyphenation, running headers and page numbers.

pdfminer.six does the layout analysis (text boxes in reading order, columns kept apart). On top of
it: lines of a box are one paragraph (a PDF's line breaks are not sentence breaks), a word
hyphenated at a line end is joined (``sanc-`` + ``tions``), a paragraph cut by a page break is
joined again, and boxes in the top or bottom margin that repeat on other pages (running headers,
footers) or are page numbers (``3``, ``Page 3 of 9``, ``- 3 -``) are dropped.

>>> pdf_text(b"%PDF-1.4 not really")  # doctest: +ELLIPSIS
Traceback (most recent call last):
ValueError: not a readable PDF ...
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.psparser import PSException

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns about every odd font; we report per file

MARGIN = 0.1  # a box within this fraction of the page height from the top or bottom is a header/footer candidate
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]$")
NO_TEXT = "PDF has no text layer (a scanned document?); run OCR on it first (e.g. ocrmypdf), then ingest the result"


@dataclass
class _Box:
    text: str
    top: float  # distance from the top of the page, as a fraction of its height
    bottom: float
    line_height: float  # as a fraction of the page height


def _join_lines(lines: list[str]) -> str:
    """One paragraph from a box's lines; 'sanc-' + 'tions' → 'sanctions', a hyphen before a capital stays."""
    out = ""
    for line in (ln.strip() for ln in lines):
        if not line:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return out


def _key(text: str) -> str:
    """Running headers differ only in their page number: compare them with digits blanked."""
    return re.sub(r"\d+", "#", text.lower()).strip()


def _pages(data: bytes) -> list[list[_Box]]:
    pages = []
    for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
        height = (page.y1 - page.y0) or 1.0
        boxes = []
        for el in page:
            if isinstance(el, LTTextContainer):
                text = _join_lines(el.get_text().splitlines())
                if text:
                    n = max(1, len([ln for ln in el.get_text().splitlines() if ln.strip()]))
                    boxes.append(_Box(text, (page.y1 - el.y1) / height, (page.y1 - el.y0) / height,
                                      (el.y1 - el.y0) / height / n))
        pages.append(boxes)
    return pages


def _metadata(data: bytes) -> dict[str, str]:
    """Title and author from the document information dictionary (its dates are the file's, not the article's)."""
    doc = PDFDocument(PDFParser(io.BytesIO(data)))
    info = doc.info[0] if doc.info else {}
    out = {}
    for field, key in (("title", "Title"), ("author", "Author")):
        value = info.get(key)
        if isinstance(value, bytes):
            value = value.decode("utf-16") if value.startswith(b"\xfe\xff") else value.decode("latin-1")
        if isinstance(value, str) and value.strip():
            out[field] = value.strip()
    return out


def pdf_text(data: bytes) -> tuple[str, dict[str, str]]:
    """(text, metadata) of a PDF; ``ValueError`` with a one-line reason when it has no readable text."""
    try:
        pages = _pages(data)
        meta = _metadata(data)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ValueError("encrypted PDF; it cannot be read without its password") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a readable PDF ({exc.__class__.__name__}: {str(exc)[:80]})") from None
    if not any(pages):
        raise ValueError(NO_TEXT)
    margin_keys = Counter(_key(b.text) for boxes in pages for b in boxes if b.top < MARGIN or b.bottom > 1 - MARGIN)

    def running(box: _Box) -> bool:
        in_margin = box.top < MARGIN or box.bottom > 1 - MARGIN
        return in_margin and (_PAGE_NUMBER.match(box.text) is not None or (len(pages) > 1 and margin_keys[_key(box.text)] > 1))

    paragraphs: list[str] = []
    for boxes in pages:
        prev: _Box | None = None
        for box in (b for b in boxes if not running(b)):
            open_end = bool(paragraphs) and not _SENTENCE_END.search(paragraphs[-1])
            # The same paragraph goes on in this box when the last one stopped mid-sentence and this one
            # follows it closely (pdfminer makes a box per line when lines are spaced apart), or when it
            # goes on in lower case after a page break or a column break.
            close = prev is not None and 0 <= box.top - prev.bottom < 0.75 * max(prev.line_height, box.line_height)
            if open_end and (close or box.text[:1].islower()):
                paragraphs[-1] = _join_lines([paragraphs[-1], box.text])
            else:
                paragraphs.append(box.text)
            prev = box
    text = "\n".join(paragraphs)
    if not text.strip():
        raise ValueError(NO_TEXT)
    return text, meta
