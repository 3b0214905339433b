"""Text of a Word .docx file (python-docx): paragraphs and table cells in document order.

>>> docx_text(b"not a zip")  # doctest: +ELLIPSIS
Traceback (most recent call last):
ValueError: not a readable .docx file ...
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph


def _blocks(doc: DocxDocument) -> list[str]:
    out = []
    for block in doc.iter_inner_content():  # paragraphs and tables, in the order they appear
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:  # a merged cell is returned once per grid column: keep it once
                    if not cells or cell.text != cells[-1]:
                        cells.append(cell.text)
                out.append("; ".join(c for c in cells if c.strip()))
    return [line.strip() for line in out if line.strip()]


def docx_text(data: bytes) -> tuple[str, dict[str, str]]:
    """(text, metadata: title, author) of a .docx; ``ValueError`` with a one-line reason if it cannot be read."""
    try:
        doc = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ValueError(f"not a readable .docx file ({exc.__class__.__name__})") from None
    props = doc.core_properties
    meta = {k: v.strip() for k, v in (("title", props.title), ("author", props.author)) if v and v.strip()}
    # The core properties' dates are when the file was made, not when the article appeared: not used.
    return "\n".join(_blocks(doc)), meta
