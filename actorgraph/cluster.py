"""Extraction on a Dask cluster: ``actorgraph ingest SOURCES --cluster local:N | tcp://HOST:8786``.

The client only lists sources and merges results; the workers read the documents (local paths
they can see, or fsspec URLs such as ``s3://bucket/news/``) and parse them. Three rounds of tasks:

1. **read**: one task per file returns each document's metadata (no text) and the load problems, so the
   client gives documents the same ids as a local ingest (:func:`loaders.readers.unique_documents`) and
   skips the unchanged ones;
2. **extract**: the new documents, in partitions of about equal word counts, are parsed by the worker's
   own pipeline (loaded once per worker by :class:`ExtractorPlugin`, not per task); a task returns small
   :class:`~graph.model.Extraction` objects without the document text;
3. **re-read**: as in :func:`actorgraph.ingest.ingest_paths`, a document that names the surname of a person another
   document names in full is extracted again with that person known, so the result does not depend on
   which worker saw which document first.

The client then merges exactly as ``-j N`` does (:func:`actorgraph.ingest.merge_into`), and the store is written
once at the end. A worker that dies loses nothing: the scheduler runs its tasks again elsewhere (tasks are
pure functions of their inputs). Workers keep the last files they read (:func:`_read_cached`), so a
file is usually fetched once per worker even though rounds 1-3 each need it.

>>> from graph.store import GraphStore
>>> report = ingest_cluster(["examples/news"], GraphStore.open("/tmp/s", create=True), "local:2")  # doctest: +SKIP
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from actorgraph.ingest import CHUNK_ENV, DEFAULT_CHUNK_CHARS, IngestReport, _mentions_unlinked, _merge_parts, merge_into, split_text
from extraction.extractor import Extractor
from extraction.mentions import known_people
from graph.errors import ActorgraphError
from graph.model import Document, Extraction
from graph.store import GraphStore
from loaders.documents import LoadProblem
from loaders.readers import DEFAULT_MAX_DOC_MB, read_file, unique_documents
from loaders.remote import as_path, iter_sources

try:  # Dask is an optional extra (actorgraph[cluster]); without it --cluster says how to install it.
    from distributed import Client, LocalCluster, as_completed, get_worker
    from distributed import WorkerPlugin as _PluginBase
except ImportError:  # pragma: no cover
    Client = LocalCluster = as_completed = get_worker = None  # type: ignore[assignment,misc]
    _PluginBase = object  # type: ignore[assignment,misc]

CLUSTER_ENV = "ACTORGRAPH_CLUSTER"
PLUGIN = "actorgraph-extractor"
# Words per extraction task: big enough that scheduling costs little (a task is seconds of parsing),
# small enough that a dead worker's tasks are quick to redo and every worker stays busy to the end.
DEFAULT_PARTITION_WORDS = 20_000
_LOCAL = re.compile(r"^local(?::(\d+))?$")

Progress = Callable[[int, int, int, float], None]  # (documents done, documents in all, words done, seconds)


class ClusterError(ActorgraphError, RuntimeError):
    """The cluster cannot be used: bad --cluster value, scheduler unreachable, Dask not installed."""


# -- the cluster ---------------------------------------------------------------------------------


@contextmanager
def cluster_client(spec: str) -> Iterator[Any]:
    """A ``distributed.Client`` for ``local:N`` (a LocalCluster of N worker processes on 127.0.0.1, closed on
    exit) or the address of a running scheduler (``tcp://host:8786``)."""
    if Client is None:
        raise ClusterError("--cluster needs Dask: pip install 'actorgraph[cluster]'")
    m = _LOCAL.match(spec.strip())
    if m:
        n = int(m.group(1) or os.cpu_count() or 1)
        if n < 1:
            raise ClusterError("local:N needs at least one worker")
        # One thread per worker: spaCy holds the GIL, so a worker is one core; processes, not threads.
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, silence_logs=logging.ERROR)
        try:
            with Client(cluster) as client:
                yield client
        finally:
            cluster.close()
        return
    if "://" not in spec:
        raise ClusterError(f"--cluster must be local:N or a scheduler address such as tcp://HOST:8786, not {spec!r}")
    try:
        client = Client(spec, timeout=15)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {spec} ({_first(exc)})") from None
    try:
        yield client
    finally:
        client.close()


class ExtractorPlugin(_PluginBase):  # type: ignore[misc,valid-type]
    """Loads the spaCy pipeline, gazetteer and lexicon once per worker (also on a worker that replaces a dead one)."""

    name = PLUGIN

    def __init__(self, model: str | None) -> None:
        self.model = model
        self.extractor: Any = None

    def setup(self, worker: Any) -> None:
        self.extractor = Extractor(self.model)

    def teardown(self, worker: Any) -> None:
        self.extractor = None


def _extractor() -> Any:
    plugin = get_worker().plugins.get(PLUGIN)
    if plugin is None or plugin.extractor is None:
        raise RuntimeError(f"worker has no {PLUGIN} plugin (register ExtractorPlugin first)")
    return plugin.extractor


def _has_extractor(model: str | None, dask_worker: Any = None) -> bool:
    plugin = dask_worker.plugins.get(PLUGIN) if dask_worker is not None else None
    return plugin is not None and plugin.extractor is not None and plugin.model == model


# -- tasks (run on the workers) -------------------------------------------------------------------


@lru_cache(maxsize=2)
def _read_cached(source: str, max_doc_mb: float) -> tuple[Document | LoadProblem, ...]:
    """Everything in one file, as the local loaders read it. Kept for the next round on this worker."""
    try:
        return tuple(read_file(as_path(source), max_doc_mb))  # type: ignore[arg-type]
    except Exception as exc:  # an object store's own errors (credentials, network): a problem, not a crash
        return (LoadProblem(source, f"cannot read: {_first(exc)}"),)


def _list_task(sources: list[str]) -> list[str | LoadProblem]:
    """Expand sources where the documents are (the workers may see paths the client does not)."""
    return [x if isinstance(x, LoadProblem) else str(x) for x in iter_sources(sources)]


def _read_task(source: str, max_doc_mb: float) -> list[tuple[Document | LoadProblem, int]]:
    """(document without its text, word count) or (problem, 0) for every item of one file."""
    return [(x.model_copy(update={"text": ""}), len(x.text.split())) if isinstance(x, Document) else (x, 0)
            for x in _read_cached(source, max_doc_mb)]


@dataclass(frozen=True)
class _Item:
    """Where a document is (file and position in it) and its final id."""

    source: str
    index: int
    id: str


def _documents(items: Sequence[_Item], max_doc_mb: float) -> list[Document]:
    docs = []
    for it in items:
        doc = _read_cached(it.source, max_doc_mb)[it.index]
        assert isinstance(doc, Document), f"{it.source}: item {it.index} is no longer a document"
        docs.append(doc if doc.id == it.id else doc.model_copy(update={"id": it.id}))
    return docs


def _extract_docs(extractor: Any, docs: list[Document], chunk_chars: int, batch_size: int) -> list[Extraction]:
    """What actorgraph.ingest._extract computes, without its progress bar, on this worker's extractor."""
    out: list[Extraction] = []
    for d in docs:
        if len(d.text) <= chunk_chars:
            out.extend(extractor.extract_many([d], batch_size=batch_size))
            continue
        cuts = list(split_text(d.text, chunk_chars))
        pieces = [d.model_copy(update={"text": piece}) for _, piece in cuts]
        parts = [(offset, ext) for (offset, _), ext in zip(cuts, extractor.extract_many(pieces, batch_size=batch_size), strict=True)]
        out.append(_merge_parts(d, parts))
    return out


def _small(ext: Extraction) -> Extraction:
    # The client needs no text: it merges actors and relations (evidence carries its sentence).
    return ext.model_copy(update={"document": ext.document.model_copy(update={"text": ""})})


def _extract_task(items: list[_Item], known: dict, max_doc_mb: float, chunk_chars: int,
                  batch_size: int) -> list[Extraction]:
    extractor = _extractor()
    extractor.known = known
    docs = _documents(items, max_doc_mb)
    # One nlp.pipe over the partition (batches as in a local ingest); long documents in pieces.
    short = [d for d in docs if len(d.text) <= chunk_chars]
    done = {e.document.id: e for e in extractor.extract_many(short, batch_size=batch_size)}
    for d in docs:
        if d.id not in done:
            done[d.id] = _extract_docs(extractor, [d], chunk_chars, batch_size)[0]
    return [_small(done[d.id]) for d in docs]


def _redo_task(items: list[_Item], actors: list[list[str]], known: dict, max_doc_mb: float, chunk_chars: int,
               batch_size: int) -> list[tuple[int, Extraction]]:
    """(position, new extraction) for the documents of ``items`` that name a known person's surname
    without that person among their ``actors``: :func:`actorgraph.ingest._mentions_unlinked`, on the text."""
    docs = _documents(items, max_doc_mb)
    redo = []
    for i, (d, ids) in enumerate(zip(docs, actors, strict=True)):
        probe = Extraction(document=d, actors=[], relations=[])
        probe.actors = [_Id(a) for a in ids]  # type: ignore[list-item]  # _mentions_unlinked reads .id only
        if _mentions_unlinked(probe, known):
            redo.append(i)
    if not redo:
        return []
    extractor = _extractor()
    extractor.known = known
    again = _extract_docs(extractor, [docs[i] for i in redo], chunk_chars, batch_size)
    return [(i, _small(e)) for i, e in zip(redo, again, strict=True)]


@dataclass(frozen=True)
class _Id:
    id: str


# -- the client -----------------------------------------------------------------------------------


def partitions(words: Sequence[int], target: int) -> list[range]:
    """Consecutive index ranges of about ``target`` words each (a range holds at least one item).

    >>> partitions([5, 5, 5, 20, 1], 10)
    [range(0, 2), range(2, 4), range(4, 5)]
    """
    out, start, total = [], 0, 0
    for i, w in enumerate(words):
        total += w
        if total >= target:
            out.append(range(start, i + 1))
            start, total = i + 1, 0
    if start < len(words):
        out.append(range(start, len(words)))
    return out


def ingest_cluster(sources: Iterable[str | os.PathLike[str]], store: GraphStore, cluster: str | None = None,
                   model: str | None = None, progress: Progress | None = None, batch_size: int = 16,
                   max_doc_mb: float = DEFAULT_MAX_DOC_MB, chunk_chars: int | None = None,
                   partition_words: int = DEFAULT_PARTITION_WORDS, client: Any = None) -> IngestReport:
    """:func:`actorgraph.ingest.ingest_paths` with the reading and parsing done by a Dask cluster.

    ``cluster`` is ``local:N`` or a scheduler address (default ``$ACTORGRAPH_CLUSTER``); or pass a
    ``distributed.Client`` as ``client``. ``progress(done, total, words, seconds)`` is called as
    partitions finish. The same store results as with ``ingest_paths``, byte for byte.
    """
    spec = cluster or os.environ.get(CLUSTER_ENV)
    if client is not None:
        return _ingest(client, sources, store, model, progress, batch_size, max_doc_mb, chunk_chars, partition_words)
    if not spec:
        raise ClusterError(f"no cluster given: use --cluster local:N or tcp://HOST:8786, or set ${CLUSTER_ENV}")
    with cluster_client(spec) as c:
        return _ingest(c, sources, store, model, progress, batch_size, max_doc_mb, chunk_chars, partition_words)


def _ingest(client: Any, sources: Iterable[str | os.PathLike[str]], store: GraphStore, model: str | None,
            progress: Progress | None, batch_size: int, max_doc_mb: float, chunk_chars: int | None,
            partition_words: int) -> IngestReport:
    report = IngestReport()
    chunk = chunk_chars or int(os.environ.get(CHUNK_ENV) or DEFAULT_CHUNK_CHARS)
    # pure=False: a re-run must read the files again (they may have changed), not reuse old results.
    listed = client.submit(_list_task, [str(s) for s in sources], pure=False).result()
    files = [x for x in listed if isinstance(x, str)]
    reads = dict(zip(files, client.map(_read_task, files, max_doc_mb=max_doc_mb, pure=False), strict=True))
    read = {f: fut.result() for f, fut in reads.items()}

    # The ids a local ingest would give: the same reading order, the same rule for clashes.
    where: dict[str, tuple[str, int, int]] = {}  # document path -> (file, index in file, words)

    def in_order() -> Iterator[Document | LoadProblem]:
        for x in listed:
            if isinstance(x, LoadProblem):
                yield x
                continue
            for i, (got, words) in enumerate(read[x]):
                if isinstance(got, Document):
                    where[got.path] = (x, i, words)
                yield got

    docs, problems = unique_documents(in_order())
    report.problems.extend(problems)
    report.documents_seen = len(docs)
    todo = [d for d in docs if not store.has_document(d)]
    report.documents_unchanged = len(docs) - len(todo)
    report.actors = store.graph.number_of_nodes()
    report.relations = store.graph.number_of_edges()
    if not todo:
        return report
    store.check_writable()  # fail before the cluster parses anything

    if not all(client.run(_has_extractor, model).values()):  # a running cluster keeps its pipelines between runs
        client.register_plugin(ExtractorPlugin(model), name=PLUGIN)
    items = [_Item(where[d.path][0], where[d.path][1], d.id) for d in todo]
    words = [where[d.path][2] for d in todo]
    # Several partitions per worker, so that none sits idle at the end and a lost one is quick to redo.
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    parts = partitions(words, max(500, min(partition_words, sum(words) // (4 * workers))))
    stored = list(store.graph.nodes(data=True))
    # Scattered once to every worker, not sent with each task (a list: a dict would be scattered item by item).
    [known] = client.scatter([known_people(stored)], broadcast=True, hash=False)
    futures = {client.submit(_extract_task, [items[i] for i in r], known, max_doc_mb, chunk, batch_size, pure=False): r
               for r in parts}
    results: dict[int, Extraction] = {}
    done_docs = done_words = 0
    t0 = time.perf_counter()
    for fut in as_completed(futures):
        r = futures[fut]
        for i, ext in zip(r, fut.result(), strict=True):
            results[i] = ext
        done_docs += len(r)
        done_words += sum(words[i] for i in r)
        if progress:
            progress(done_docs, len(todo), done_words, time.perf_counter() - t0)
    report.extractions.extend(results[i] for i in range(len(todo)))

    # Round 3, as in ingest_paths: with every person of this batch known, re-read the documents that name
    # one by surname alone (the workers test the texts; only the changed extractions come back).
    extracted = [(a.id, {"kind": a.kind, "name": a.name}) for e in report.extractions for a in e.actors]
    [known_all] = client.scatter([known_people(stored + extracted)], broadcast=True, hash=False)
    redo = {client.submit(_redo_task, [items[i] for i in r], [[a.id for a in report.extractions[i].actors] for i in r],
                          known_all, max_doc_mb, chunk, batch_size, pure=False): r for r in parts}
    for fut in as_completed(redo):
        r = redo[fut]
        for pos, ext in fut.result():
            report.extractions[r[pos]] = ext
    merge_into(store, report)
    return report


def _first(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or exc.__class__.__name__
