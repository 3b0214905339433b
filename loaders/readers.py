"""Read .txt, .md, .html, .jsonl, .pdf, .docx and feed files (and folders of them) into Documents.

Every failure is a :class:`LoadProblem` with a one-line message, never an
exception that escapes: a bad file or line is reported and the rest is loaded.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from graph.errors import ActorgraphError
from graph.model import Document
from loaders.documents import (
    LoadProblem,
    _document,
    _sha,
    check_date,
    doc_id_from_name,
)
from loaders.feeds import feed_documents
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
META_MAX_BYTES = 64 * 1024  # a sidecar holds a title, a date, a url and an id: a few hundred bytes
META_FIELDS = ("title", "date", "url", "id", "author")
STDIN = "-"  # the one way to read something that is not a regular file
_CTRL = bytes(b for b in range(32) if b not in b"\t\n\r\f\v") + b"\x7f"
_LINE_SUFFIX = re.compile(r":\d+$")  # "corpus.jsonl:12" -> "corpus.jsonl" (also in a URL)


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


class ReadRefused(ActorgraphError, OSError):
    """A path that the reader will not read: not a regular file, or over its byte limit."""


def read_limited(path: str | os.PathLike[str], limit: int, hint: str = "(raise it with --max-doc-mb)") -> bytes:
    """The bytes of a regular file, or of stdin for ``-``, refusing more than ``limit`` bytes.

    This is the only way input is read, so every input obeys a byte limit. A fifo, a device or a
    socket (also behind a symlink: ``zero.txt -> /dev/zero``) is refused without reading it; opening
    does not block (``O_NONBLOCK``), and the size is checked on the opened file, so a file swapped
    after the check is still bounded by the read itself.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "a.txt"; _ = f.write_bytes(b"hello")
    >>> read_limited(f, 10)
    b'hello'
    """
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise ReadRefused(f"input is over the {limit / 1e6:g} MB limit {hint}")
        return data
    if _is_remote(path):  # an fsspec file (loaders/remote.py): object stores hold no fifos or devices
        size = path.stat().st_size  # type: ignore[union-attr]
        if size > limit:
            raise ReadRefused(_too_big(size, limit / 1e6, hint))
        with path.open("rb") as fh:  # type: ignore[union-attr]
            data = fh.read(limit + 1)
        if len(data) > limit:
            raise ReadRefused(_too_big(len(data), limit / 1e6, hint))
        return data
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ReadRefused(f"not a regular file ({_file_kind(st.st_mode)}); "
                              f"to read a stream, pipe it to stdin and give {STDIN!r} as the path")
        if st.st_size > limit:
            raise ReadRefused(_too_big(st.st_size, limit / 1e6, hint))
        data = fh.read(limit + 1)
    if len(data) > limit:  # the file grew after the check
        raise ReadRefused(_too_big(len(data), limit / 1e6, hint))
    return data


def _is_remote(path: object) -> bool:
    """An fsspec file (:class:`loaders.remote.RemotePath`), read through its filesystem, not the OS."""
    return hasattr(path, "fs")


def _source(path: object) -> str:
    """A document's source: the absolute path of a local file, the URL of a remote one."""
    return str(path) if _is_remote(path) else os.path.abspath(path)  # type: ignore[arg-type]


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a fifo"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a file"


class _SidecarLoader(yaml.SafeLoader):
    """YAML without anchors and aliases (nine nested aliases in 500 bytes expand to gigabytes) and
    without implicit timestamps (a date stays the text it was written as, so a bad one such as
    '2026-02-30' is reported by name instead of failing inside the YAML reader)."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in metadata",
                                              event.start_mark)
        return super().compose_node(parent, index)


def _yaml_reason(exc: BaseException) -> str:
    """'while parsing a flow sequence: expected ',' or ']' (line 2)': one short line, no source excerpt."""
    if isinstance(exc, yaml.MarkedYAMLError):
        what = ": ".join(x for x in (exc.context, exc.problem) if x)
        mark = exc.problem_mark or exc.context_mark
        return f"{what} (line {mark.line + 1})" if mark is not None else what
    return " ".join(str(exc).split())[:160]


def _sidecar(path: Path) -> tuple[dict, LoadProblem | None]:
    """Optional metadata beside a file: NAME.meta.yaml (title, date, url, id), and a problem if it is bad.

    Only scalar values of the known fields are taken; a bad sidecar is a warning naming it and the
    article is read without it, so one bad file never stops an ingest.
    """
    for suffix in META_SUFFIXES:
        meta = path.with_name(path.stem + suffix)
        if not meta.is_file():
            continue
        try:
            raw = read_limited(meta, META_MAX_BYTES, "for metadata").decode("utf-8-sig")
            data = json.loads(raw) if suffix == ".meta.json" else yaml.load(raw, Loader=_SidecarLoader)
        except ReadRefused as exc:
            return {}, LoadProblem(str(meta), f"metadata ignored: {exc}")
        except OSError as exc:
            return {}, LoadProblem(str(meta), f"metadata ignored: cannot read: {exc.strerror or exc}")
        except UnicodeDecodeError:
            return {}, LoadProblem(str(meta), "metadata ignored: not UTF-8 text")
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            # ValueError: e.g. 'date: 2026-02-31' (the YAML date constructor).
            return {}, LoadProblem(str(meta), f"metadata ignored: {_yaml_reason(exc)}")
        if data is None:
            return {}, None
        if not isinstance(data, dict):
            return {}, LoadProblem(str(meta), "metadata ignored: expected a mapping of title, date, url, id")
        kept = {k: data[k] for k in META_FIELDS
                if isinstance(data.get(k), (str, int, float, datetime.date)) and not isinstance(data.get(k), bool)}
        odd = sorted(k for k in META_FIELDS if k in data and k not in kept and data[k] is not None)
        reasons = [f"metadata field(s) {', '.join(odd)} ignored: not a single value"] if odd else []
        if "date" in kept:  # a bad date is reported here, naming the sidecar it came from
            kept["date"], warning = check_date(kept["date"])
            reasons += [warning] if warning else []
        return kept, LoadProblem(str(meta), "; ".join(reasons)) if reasons else None
    return {}, None


_SidecarLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _too_big(size: int, max_doc_mb: float, hint: str = "(raise it with --max-doc-mb)") -> str:
    return f"document is {size / 1e6:.1f} MB, over the {max_doc_mb:g} MB limit {hint}"


def read_file(path: Path, max_doc_mb: float = DEFAULT_MAX_DOC_MB) -> Iterator[Document | LoadProblem]:
    """Yield the documents in one file (several for JSONL), or the problems found.

    A file (or JSONL line) over ``max_doc_mb`` megabytes is refused before it is read; so is a
    path that is not a regular file. ``-`` reads one text document from stdin.
    """
    where = str(path)
    if where == STDIN:
        yield from _read_text(path, "<stdin>", ".txt", max_doc_mb)
        return
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield LoadProblem(where, f"{UNSUPPORTED} {suffix or '(none)'}; use {', '.join(SUPPORTED_SUFFIXES)}")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(path, max_doc_mb)
        return
    yield from _read_text(path, where, suffix, max_doc_mb)


def _read_text(path: Path, where: str, suffix: str, max_doc_mb: float) -> Iterator[Document | LoadProblem]:
    try:
        data = read_limited(path, int(max_doc_mb * 1e6))
    except ReadRefused as exc:
        yield LoadProblem(where, str(exc))
        return
    except OSError as exc:
        yield LoadProblem(where, f"cannot read: {exc.strerror or exc}")
        return
    if suffix in FEED_SUFFIXES:
        yield from feed_documents(data, where)
        return
    meta: dict = {}
    if where != "<stdin>":
        meta, problem = _sidecar(path)
        if problem is not None:
            yield problem
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
    if where == "<stdin>":
        yield _document(f"stdin-{_sha(text)[:12]}", text, STDIN, meta)
    else:
        yield _document(path.stem, text, _source(path), meta)


def _binary_text(suffix: str, data: bytes) -> tuple[str, dict[str, str]]:
    """Text and metadata of a .pdf or .docx file; ``ValueError`` with a one-line reason."""
    if suffix == ".pdf":
        from loaders.pdf import pdf_text  # lazy: pdfminer costs ~130 ms to import, paid only for a PDF

        return pdf_text(data)
    from loaders.docx import docx_text  # lazy: python-docx (lxml) ~120 ms, paid only for a .docx

    return docx_text(data)


def _jsonl_lines(fh, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line, read one line at a time; None for a line over ``limit`` bytes."""
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


def _open_regular(path: Path):  # type: ignore[no-untyped-def]
    """``path`` opened for reading if it is a regular file (the checks of :func:`read_limited`)."""
    if _is_remote(path):
        if path.stat().st_size > MAX_BYTES:
            raise ReadRefused(f"file is {path.stat().st_size / 2**20:.0f} MiB, over the {MAX_BYTES // 2**20} MiB limit")
        return path.open("rb")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    fh = os.fdopen(fd, "rb")
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        fh.close()
        raise ReadRefused(f"not a regular file ({_file_kind(st.st_mode)}); "
                          f"to read a stream, pipe it to stdin and give {STDIN!r} as the path")
    if st.st_size > MAX_BYTES:
        fh.close()
        raise ReadRefused(f"file is {st.st_size / 2**20:.0f} MiB, over the {MAX_BYTES // 2**20} MiB limit")
    return fh


def _read_jsonl(path: Path, max_doc_mb: float) -> Iterator[Document | LoadProblem]:
    where = str(path)
    found = False
    try:
        with _open_regular(path) as fh:
            if looks_binary(fh.read(65536)):
                yield LoadProblem(where, "binary file, not text")
                return
            fh.seek(0)
            lines = list(_jsonl_lines(fh, int(max_doc_mb * 1e6)))
    except ReadRefused as exc:
        yield LoadProblem(where, str(exc))
        return
    except OSError as exc:
        yield LoadProblem(where, f"cannot read: {exc.strerror or exc}")
        return
    source = _source(path)
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
        if looks_binary(body.encode("utf-8", "surrogatepass")):
            # JSON escapes ('\u0000') pass the byte check of the file: check the decoded text too.
            yield LoadProblem(where, "binary text (control characters), not an article", lineno)
            continue
        found = True
        meta = {k: obj.get(k) for k in ("title", "date", "url", "id", "author")}
        meta["date"], warning = check_date(meta.get("date"))
        if warning:
            yield LoadProblem(where, warning, lineno)
        yield _document(f"{path.stem}-{lineno}", body, f"{source}:{lineno}", meta)
    if not found:
        yield LoadProblem(where, "no articles in JSONL file")


def _is_sidecar(path: Path) -> bool:
    return any(path.name.lower().endswith(s) for s in META_SUFFIXES)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path | LoadProblem]:
    """Expand local paths: files as given, folders recursively (sorted); other file types in a folder are
    reported (``unsupported file type .pptx; skipped``), hidden files, sidecars and folder notes are not.
    fsspec URLs (``s3://bucket/news/``) are :func:`loaders.remote.iter_sources`'s, which calls this for the rest."""
    for raw in paths:
        path = Path(raw)
        if str(raw) == STDIN:
            yield path
        elif not path.exists() and not path.is_symlink():
            yield LoadProblem(str(path), "no such file or folder")
        elif path.is_dir():
            files = []
            for p in sorted(path.rglob("*")):
                # Not only is_file(): a fifo or a device link in the folder is reported by the reader, not skipped.
                if p.is_dir() or any(part.startswith(".") for part in p.relative_to(path).parts) or _is_sidecar(p):
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


def unique_documents(items: Iterable[Document | LoadProblem]) -> tuple[list[Document], list[LoadProblem]]:
    """Documents and problems in reading order, document ids made unique (also for documents read elsewhere,
    e.g. by the workers of a cluster: see actorgraph/cluster.py).

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
