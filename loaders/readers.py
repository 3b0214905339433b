"""Read .txt, .md, .html, .jsonl, .pdf, .docx and feed files (and folders of them) into Documents.

Every failure is a :class:`LoadProblem` with a one-line message, never an
exception that escapes: a bad file or line is reported and the rest is loaded.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from graph.model import Document
from loaders.dates import date_warning, parse_date
from loaders.html import html_to_text

# .pdf (loaders/pdf.py), .docx (loaders/docx.py) and feeds (loaders/feeds.py) are read from bytes.
BINARY_SUFFIXES = (".pdf", ".docx")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", *BINARY_SUFFIXES, *FEED_SUFFIXES)
UNSUPPORTED = "unsupported file type"
META_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
# A folder's own notes are not articles; name such a file explicitly to ingest it.
FOLDER_NOTES = {"README", "LICENSE", "CHANGELOG", "CONTRIBUTING", "NOTES"}
MAX_BYTES = 256 * 1024 * 1024  # a single file larger than this is refused
# A document (a file, or one JSONL line) over this size is refused unless the caller raises the limit:
# news articles are a few KB, so anything this big is more likely a log or a dump than an article.
DEFAULT_MAX_DOC_MB = 5.0
_CTRL = bytes(b for b in range(32) if b not in b"\t\n\r\f\v") + b"\x7f"
_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class LoadProblem:
    """A file or line that could not be loaded, with a one-line reason."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


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


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 5% control characters in the first 64 KiB: not a text file."""
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    return len(sample) > 0 and len(sample) - len(sample.translate(None, _CTRL)) > 0.05 * len(sample)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (BOM allowed), else Windows-1252/Latin-1. Returns (text, encoding).

    UTF-8 with a few invalid bytes stays UTF-8 (the bad bytes become U+FFFD), so one stray
    byte does not turn every 'á' of an otherwise good file into 'Ã¡'.
    """
    if looks_binary(data):
        raise ValueError("binary file, not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    bad = lenient.count("\ufffd")
    if sum(1 for c in lenient if c > "\x7f") - bad > bad:
        return lenient, "utf-8 (invalid bytes replaced)"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _SidecarLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: a date stays the text it was written as, so a bad one
    ('2026-02-30') is reported by name instead of failing inside the YAML reader."""


_SidecarLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _sidecar(path: Path) -> dict:
    """Optional metadata beside a file: NAME.meta.yaml (title, date, url, id)."""
    for suffix in META_SUFFIXES:
        meta = path.with_name(path.stem + suffix)
        if meta.is_file():
            data = yaml.load(meta.read_text(encoding="utf-8"), Loader=_SidecarLoader) or {}
            if isinstance(data, dict):
                return data
    return {}


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


def _too_big(size: int, max_doc_mb: float) -> str:
    return f"document is {size / 1e6:.1f} MB, over the {max_doc_mb:g} MB limit (raise it with --max-doc-mb)"


def read_file(path: Path, max_doc_mb: float = DEFAULT_MAX_DOC_MB) -> Iterator[Document | LoadProblem]:
    """Yield the documents in one file (several for JSONL), or the problems found.

    A file (or JSONL line) over ``max_doc_mb`` megabytes is refused before it is read.
    """
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield LoadProblem(where, f"{UNSUPPORTED} {suffix or '(none)'}; use {', '.join(SUPPORTED_SUFFIXES)}")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, max_doc_mb)
        return
    try:
        size = path.stat().st_size
        if size > max_doc_mb * 1e6:
            yield LoadProblem(where, _too_big(size, max_doc_mb))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield LoadProblem(where, f"cannot read: {exc.strerror or exc}")
        return
    if suffix in FEED_SUFFIXES:
        from loaders.feeds import feed_documents

        yield from feed_documents(data, where)
        return
    try:
        meta = _sidecar(path)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        yield LoadProblem(where, f"metadata file beside it is not valid YAML ({str(exc).splitlines()[0][:80]}); ignored")
        meta = {}
    try:
        if suffix in BINARY_SUFFIXES:
            text, file_meta = _binary_text(suffix, data)
            meta = file_meta | {k: v for k, v in meta.items() if v}
        else:
            text, _encoding = decode(data)
    except ValueError as exc:
        yield LoadProblem(where, str(exc))
        return
    if suffix in (".html", ".htm"):
        page = html_to_text(text)
        text = page.text
        meta = {"title": page.title, "date": page.date, "url": page.url, "author": page.author} | {k: v for k, v in meta.items() if v}
    if not text.strip():
        yield LoadProblem(where, "empty document (no text)")
        return
    meta["date"], warning = check_date(meta.get("date"))
    if warning:
        yield LoadProblem(where, warning)
    yield _document(path.stem, text, where, meta)


def _binary_text(suffix: str, data: bytes) -> tuple[str, dict[str, str]]:
    """Text and metadata of a .pdf or .docx file; ``ValueError`` with a one-line reason."""
    if suffix == ".pdf":
        from loaders.pdf import pdf_text

        return pdf_text(data)
    from loaders.docx import docx_text

    return docx_text(data)


def _jsonl_lines(path: Path, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line, read one line at a time; None for a line over ``limit`` bytes."""
    with path.open("rb") as fh:
        lineno = 0
        while True:
            raw = fh.readline(limit + 1)
            if not raw:
                return
            lineno += 1
            if len(raw) > limit and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the long line, in bounded pieces
                    raw = fh.readline(1 << 20)
                yield lineno, None
                continue
            yield lineno, raw


def _read_jsonl(path: Path, max_doc_mb: float) -> Iterator[Document | LoadProblem]:
    where = str(path)
    found = False
    try:
        if path.stat().st_size > MAX_BYTES:
            yield LoadProblem(where, f"file is {path.stat().st_size / 2**20:.0f} MiB, over the {MAX_BYTES // 2**20} MiB limit")
            return
        with path.open("rb") as fh:
            if looks_binary(fh.read(65536)):
                yield LoadProblem(where, "binary file, not text")
                return
        lines = list(_jsonl_lines(path, int(max_doc_mb * 1e6)))
    except OSError as exc:
        yield LoadProblem(where, f"cannot read: {exc.strerror or exc}")
        return
    for lineno, raw in lines:
        if raw is None:
            yield LoadProblem(where, f"line is over the {max_doc_mb:g} MB limit (raise it with --max-doc-mb)", lineno)
            continue
        try:
            line, _encoding = decode(raw.rstrip(b"\r\n"))
        except ValueError as exc:
            yield LoadProblem(where, str(exc), lineno)
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield LoadProblem(where, f"malformed JSON ({exc.msg} at column {exc.colno})", lineno)
            continue
        if not isinstance(obj, dict):
            yield LoadProblem(where, "expected a JSON object per line", lineno)
            continue
        body = obj.get("text")
        if not isinstance(body, str) or not body.strip():
            yield LoadProblem(where, 'missing or empty "text" field', lineno)
            continue
        found = True
        meta = {k: obj.get(k) for k in ("title", "date", "url", "id", "author")}
        meta["date"], warning = check_date(meta.get("date"))
        if warning:
            yield LoadProblem(where, warning, lineno)
        yield _document(f"{path.stem}-{lineno}", body, f"{where}:{lineno}", meta)
    if not found:
        yield LoadProblem(where, "no articles in JSONL file")


def _is_sidecar(path: Path) -> bool:
    return any(path.name.lower().endswith(s) for s in META_SUFFIXES)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | LoadProblem]:
    """Expand paths: files as given, folders recursively (sorted); other file types in a folder are
    reported (``unsupported file type .pptx; skipped``), hidden files, sidecars and folder notes are not."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield LoadProblem(str(path), "no such file or folder")
        elif path.is_dir():
            files = []
            for p in sorted(path.rglob("*")):
                if not p.is_file() or any(part.startswith(".") for part in p.relative_to(path).parts) or _is_sidecar(p):
                    continue
                if p.suffix.lower() not in SUPPORTED_SUFFIXES:
                    yield LoadProblem(str(p), f"{UNSUPPORTED} {p.suffix.lower() or '(none)'}; skipped")
                elif p.stem.upper() not in FOLDER_NOTES:
                    files.append(p)
            if not files:
                yield LoadProblem(str(path), f"folder has no {', '.join(SUPPORTED_SUFFIXES)} files")
            yield from files
        else:
            yield path


def load_paths(paths: Iterable[str | Path], max_doc_mb: float = DEFAULT_MAX_DOC_MB) -> tuple[list[Document], list[LoadProblem]]:
    """Load every document under ``paths``; document ids are made unique."""
    docs: list[Document] = []
    problems: list[LoadProblem] = []
    seen: dict[str, str] = {}
    for item in iter_files(paths):
        if isinstance(item, LoadProblem):
            problems.append(item)
            continue
        for got in read_file(item, max_doc_mb):
            if isinstance(got, LoadProblem):
                problems.append(got)
                continue
            if got.id in seen and seen[got.id] != got.path:
                # Same file name in two folders: keep both, disambiguated by parent folder.
                parent = doc_id_from_name(Path(got.path.split(":")[0]).parent.name)
                got = got.model_copy(update={"id": f"{parent}--{got.id}"})
            if got.id in seen:
                problems.append(LoadProblem(got.path, f"duplicate document id {got.id!r}; skipped"))
                continue
            seen[got.id] = got.path
            docs.append(got)
    return docs, problems
