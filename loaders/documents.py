"""What every loader makes: documents and the one-line problems of what could not be loaded, with the ids,
dates and titles they carry (the bottom of the loaders: files, feeds and web pages all build on it)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from graph.model import Document
from graph.terminal import escape, has_controls
from loaders.dates import date_warning, parse_date

_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class LoadProblem:
    """A file or line that could not be loaded, with a one-line reason."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = quote_name(self.path)
        where = f"{where}:{self.line}" if self.line else where
        return f"{where}: {escape(self.message)}"


def quote_name(name: str) -> str:
    r"""A file name as messages show it: as is when plain, else quoted with every control escaped, so a
    name holding a newline or an escape sequence cannot forge a second message line.

    >>> quote_name("news/a.txt"), quote_name("a\nError: x.txt")
    ('news/a.txt', "'a\\nError: x.txt'")
    """
    return repr(name) if has_controls(name) or name != name.strip() else name


def doc_id_from_name(name: str) -> str:
    """A stable document id from a file stem or a JSONL id: safe in URLs, CSV and Cypher params."""
    return _ID_CHARS.sub("-", name).strip("-.") or "document"


def normalise_date(value: object) -> str | None:
    """'2026-02-03T10:00Z' -> '2026-02-03', '2026-02' stays a month; None for anything that is not a date."""
    return parse_date(value)[0]


def check_date(value: object, field: str = "date") -> tuple[str | None, str | None]:
    """(ISO date or None, warning naming the value and the field, or None): see :mod:`loaders.dates`."""
    return date_warning(value, field)


def url_doc_id(url: str) -> str:
    """A document id from a URL: host and path, e.g. 'news.example-world-accord'."""
    rest = url.split("://", 1)[-1].split("#", 1)[0]
    return doc_id_from_name(rest.rstrip("/"))[:200]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _first_line_title(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:160]
    return ""


def _document(doc_id: str, text: str, path: str, meta: dict) -> Document:
    return Document(
        id=doc_id_from_name(str(meta.get("id") or doc_id)),
        title=str(meta.get("title") or _first_line_title(text)),
        path=path,
        url=str(meta["url"]) if meta.get("url") else None,
        date=normalise_date(meta.get("date")),
        author=str(meta["author"]) if meta.get("author") else None,
        sha256=_sha(text),
        text=text,
    )
