"""Documents in object storage (``s3://``, ``gs://``, ``abfs://``, ``file://``, ``memory://``) through fsspec.

:class:`RemotePath` gives :func:`loaders.readers.read_file` the few ``pathlib`` methods it uses, so a
remote file goes through the same loaders, limits and warnings as a local one. Cloud filesystems are
optional extras: ``pip install 'actorgraph[s3]'`` (or ``[gcs]``, ``[azure]``).

>>> import fsspec
>>> fsspec.filesystem("memory").pipe("/doc/a.txt", b"NATO met the EU.")
>>> [str(p) for p in expand("memory://doc")]
['memory://doc/a.txt']
>>> next(read_file(RemotePath("memory://doc/a.txt"))).title
'NATO met the EU.'
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from graph.model import Document
from loaders.documents import LoadProblem
from loaders.readers import DEFAULT_MAX_DOC_MB, FOLDER_NOTES, SUPPORTED_SUFFIXES, iter_files, read_file, unique_documents

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")
# Web pages are fetched by the web loaders, not read as files.
_NOT_FSSPEC = {"http", "https"}
_EXTRA = {"s3": "s3", "s3a": "s3", "gs": "gcs", "gcs": "gcs", "abfs": "azure", "az": "azure", "abfss": "azure"}
_GLOB = re.compile(r"[*?\[]")


# Object stores and file systems that `actorgraph ingest` hands to fsspec; other schemes (ftp://...) are
# left to the web loader, which refuses them without a network request.
STORAGE_SCHEMES = frozenset(_EXTRA) | {"file", "memory", "hdfs", "webhdfs", "adl"}


def is_storage_url(source: str | Path) -> bool:
    """An fsspec URL of an object store or file system (``s3://``, ``gs://``, ``file://``, ``memory://`` ...).

    >>> is_storage_url("s3://bucket/news"), is_storage_url("ftp://example.org/x")
    (True, False)
    """
    m = _SCHEME.match(str(source))
    return bool(m) and m.group(1).lower() in STORAGE_SCHEMES


def is_url(source: str | Path) -> bool:
    """Is ``source`` an fsspec URL (``s3://bucket/key``, ``memory://x``), not a local path or a web page?

    >>> is_url("s3://bucket/news"), is_url("examples/news"), is_url("https://example.org/a")
    (True, False, False)
    """
    m = _SCHEME.match(str(source))
    return bool(m) and m.group(1).lower() not in _NOT_FSSPEC


@dataclass(frozen=True)
class _Stat:
    st_size: int


class RemotePath:
    """One file behind an fsspec URL, with the subset of ``pathlib.Path`` that the readers use."""

    def __init__(self, url: str, fs: Any = None, path: str | None = None) -> None:
        if fs is None or path is None:
            fs, path = _filesystem(url)
        self.url, self.fs, self.path = url, fs, path

    def __str__(self) -> str:
        return self.url

    def __repr__(self) -> str:
        return f"RemotePath({self.url!r})"

    @property
    def name(self) -> str:
        return posixpath.basename(self.path.rstrip("/"))

    @property
    def suffix(self) -> str:
        return posixpath.splitext(self.name)[1]

    @property
    def stem(self) -> str:
        return posixpath.splitext(self.name)[0]

    def with_name(self, name: str) -> RemotePath:
        head = self.url.rstrip("/").rsplit("/", 1)[0]
        return RemotePath(f"{head}/{name}", self.fs, posixpath.join(posixpath.dirname(self.path.rstrip("/")), name))

    def stat(self) -> _Stat:
        return _Stat(int(self.fs.size(self.path)))

    def is_file(self) -> bool:
        return bool(self.fs.isfile(self.path))

    def read_bytes(self) -> bytes:
        return self.fs.cat_file(self.path)

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.read_bytes().decode(encoding)

    def open(self, mode: str = "rb") -> IO[bytes]:
        if mode != "rb":
            raise ValueError("remote files are opened for reading only")
        # A buffered reader gives every filesystem's file readline(limit), which the JSONL reader needs.
        return io.BufferedReader(self.fs.open(self.path, "rb"))


def _filesystem(url: str) -> tuple[Any, str]:
    import fsspec  # lazy: optional extra (actorgraph[cluster]), only for fsspec URLs

    scheme = url.split("://", 1)[0].lower()
    try:
        return fsspec.core.url_to_fs(url)
    except ImportError:
        extra = _EXTRA.get(scheme)
        hint = f"pip install 'actorgraph[{extra}]'" if extra else "install the fsspec filesystem for it"
        raise OSError(f"no filesystem for {scheme}:// ({hint})") from None
    except ValueError as exc:
        raise OSError(f"unknown URL scheme {scheme}:// ({exc})") from None


def _supported(name: str) -> bool:
    stem, suffix = posixpath.splitext(name)
    return suffix.lower() in SUPPORTED_SUFFIXES and not name.startswith(".") and stem.upper() not in FOLDER_NOTES


def expand(url: str) -> Iterator[RemotePath | LoadProblem]:
    """Files under an fsspec URL, as :func:`loaders.readers.iter_files` expands local paths: a file as given,
    a folder (prefix) recursively and sorted, supported types only; globs (``s3://b/2026-*.jsonl``) too."""
    try:
        fs, path = _filesystem(url)
        if _GLOB.search(path):
            matches = sorted(fs.glob(path))
            if not matches:
                yield LoadProblem(url, "no files match")
            for m in matches:
                sub = fs.unstrip_protocol(m)
                yield from expand(sub) if fs.isdir(m) else [RemotePath(sub, fs, m)]
            return
        if fs.isdir(path):
            base, root = url.rstrip("/"), path.rstrip("/")
            files = sorted((p for p in fs.find(root) if _supported(posixpath.basename(p))), key=lambda p: p.split("/"))  # as Paths sort
            if not files:
                yield LoadProblem(url, f"folder has no {', '.join(SUPPORTED_SUFFIXES)} files")
            for p in files:
                sub = base + p[len(root):] if p.startswith(root + "/") else fs.unstrip_protocol(p)
                yield RemotePath(sub, fs, p)
        elif fs.exists(path):
            yield RemotePath(url, fs, path)
        else:
            yield LoadProblem(url, "no such file or folder")
    except OSError as exc:
        yield LoadProblem(url, str(exc) if not getattr(exc, "strerror", None) else f"cannot read: {exc.strerror}")
    except Exception as exc:  # a cloud SDK's own errors (credentials, permissions): one line, not a traceback
        yield LoadProblem(url, f"cannot list: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")


def iter_sources(sources: Iterable[str | Path]) -> Iterator[Path | RemotePath | LoadProblem]:
    """Local paths through :func:`loaders.readers.iter_files`, fsspec URLs through :func:`expand`, in order."""
    for source in sources:
        if is_url(source):
            yield from expand(str(source))
        else:
            yield from iter_files([source])


def load_paths(paths: Iterable[str | Path], max_doc_mb: float = DEFAULT_MAX_DOC_MB) -> tuple[list[Document], list[LoadProblem]]:
    """Load every document under ``paths`` (local paths and fsspec URLs); document ids are made unique."""
    def items() -> Iterator[Document | LoadProblem]:
        for item in iter_sources(paths):
            if isinstance(item, LoadProblem):
                yield item
            else:
                yield from read_file(item, max_doc_mb)  # type: ignore[arg-type]

    return unique_documents(items())


def as_path(source: str) -> Path | RemotePath:
    """The path object :func:`loaders.readers.read_file` needs for a listed source."""
    return RemotePath(source) if is_url(source) else Path(source)


__all__ = ["RemotePath", "as_path", "expand", "is_url", "iter_sources", "load_paths", "read_file"]
