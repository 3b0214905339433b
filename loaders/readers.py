"""Read .txt, .md, .html and .jsonl files (and folders of them) into Documents.

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
from loaders.html import html_to_text

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
META_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
# A folder's own notes are not articles; name such a file explicitly to ingest it.
FOLDER_NOTES = {"README", "LICENSE", "CHANGELOG", "CONTRIBUTING", "NOTES"}
MAX_BYTES = 256 * 1024 * 1024  # a single file larger than this is refused
# A document (a file, or one JSONL line) over this size is refused unless the caller raises the limit:
# news articles are a few KB, so anything this big is more likely a log or a dump than an article.
DEFAULT_MAX_DOC_MB = 5.0
_CTRL = bytes(b for b in range(32) if b not in b"\t\n\r\f\v") + b"\x7f"
_ID_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_LINE_SUFFIX = re.compile(r":\d+$")  # "corpus.jsonl:12" -> "corpus.jsonl" (also in a URL)
_ISO_DATE = re.compile(r"^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})")


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
    """'2026-02-03T10:00Z' -> '2026-02-03'; None for anything that is not a date."""
    if value is None:
        return None
    m = _ISO_DATE.match(str(value))
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


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


def _sidecar(path: Path) -> dict:
    """Optional metadata beside a file: NAME.meta.yaml (title, date, url, id)."""
    for suffix in META_SUFFIXES:
        meta = path.with_name(path.stem + suffix)
        if meta.is_file():
            data = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
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
        yield LoadProblem(where, f"unsupported file type {suffix or '(none)'}; use {', '.join(SUPPORTED_SUFFIXES)}")
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
    try:
        text, _encoding = decode(data)
    except ValueError as exc:
        yield LoadProblem(where, str(exc))
        return
    meta = _sidecar(path)
    if suffix in (".html", ".htm"):
        page = html_to_text(text)
        text = page.text
        meta = {"title": page.title, "date": page.date, "url": page.url} | {k: v for k, v in meta.items() if v}
    if not text.strip():
        yield LoadProblem(where, "empty document (no text)")
        return
    yield _document(path.stem, text, where, meta)


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
        meta = {k: obj.get(k) for k in ("title", "date", "url", "id")}
        yield _document(f"{path.stem}-{lineno}", body, f"{where}:{lineno}", meta)
    if not found:
        yield LoadProblem(where, "no articles in JSONL file")


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | LoadProblem]:
    """Expand paths: files as given, folders recursively (sorted, supported types only); fsspec URLs
    (``s3://bucket/news/``) the same way, as :class:`loaders.remote.RemotePath` objects."""
    for raw in paths:
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", str(raw)):  # s3://, gs://, memory://...: see loaders/remote.py
            from loaders.remote import expand, is_url

            if is_url(raw):
                yield from expand(str(raw))
                continue
        path = Path(raw)
        if not path.exists():
            yield LoadProblem(str(path), "no such file or folder")
        elif path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and not p.name.startswith(".")
                and p.stem.upper() not in FOLDER_NOTES
            )
            if not files:
                yield LoadProblem(str(path), f"folder has no {', '.join(SUPPORTED_SUFFIXES)} files")
            yield from files
        else:
            yield path


def load_paths(paths: Iterable[str | Path], max_doc_mb: float = DEFAULT_MAX_DOC_MB) -> tuple[list[Document], list[LoadProblem]]:
    """Load every document under ``paths``; document ids are made unique."""
    def items() -> Iterator[Document | LoadProblem]:
        for item in iter_files(paths):
            if isinstance(item, LoadProblem):
                yield item
            else:
                yield from read_file(item, max_doc_mb)

    return unique_documents(items())


def unique_documents(items: Iterable[Document | LoadProblem]) -> tuple[list[Document], list[LoadProblem]]:
    """Documents and problems in reading order, document ids made unique (also for documents read elsewhere,
    e.g. by the workers of a cluster: see graph/cluster.py).

    >>> docs, problems = unique_documents([Document(id="a", path="x/a.txt"), Document(id="a", path="y/a.txt")])
    >>> [d.id for d in docs]
    ['a', 'y--a']
    """
    docs: list[Document] = []
    problems: list[LoadProblem] = []
    seen: dict[str, str] = {}
    for got in items:
        if isinstance(got, LoadProblem):
            problems.append(got)
            continue
        if got.id in seen and seen[got.id] != got.path:
            # Same file name in two folders: keep both, disambiguated by parent folder.
            parent = doc_id_from_name(Path(_LINE_SUFFIX.sub("", got.path)).parent.name)
            got = got.model_copy(update={"id": f"{parent}--{got.id}"})
        if got.id in seen:
            problems.append(LoadProblem(got.path, f"duplicate document id {got.id!r}; skipped"))
            continue
        seen[got.id] = got.path
        docs.append(got)
    return docs, problems
