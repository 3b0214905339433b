"""Ingest: documents → extraction → the local store (and, optionally, Neo4j).

>>> from graph.store import GraphStore
>>> import tempfile
>>> report = ingest_paths(["examples/news"], GraphStore(tempfile.mkdtemp()), progress=False)  # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.progress import Progress, ProgressMeter, plain_lines
from extraction.extractor import Extractor, ParseCache, WorkerPool
from extraction.mentions import known_people
from extraction.nlp import load_nlp, pipeline_fingerprint
from graph.model import Actor, Document, Extraction, Relation
from graph.resolution import Resolution
from graph.store import GraphStore
from loaders.documents import LoadProblem, quote_name
from loaders.readers import DEFAULT_MAX_DOC_MB, UNSUPPORTED, read_file
from loaders.web import WebOptions, load_sources

CHUNK_ENV = "ACTORGRAPH_CHUNK_CHARS"
# spaCy's parser needs memory in proportion to the text it is given, so long documents are
# parsed in paragraph-aligned pieces of at most this many characters.
DEFAULT_CHUNK_CHARS = 100_000
# Pieces of long documents parsed at once: spaCy keeps a whole batch of parsed pieces in memory, so a
# 4.9 MB document cut into 49 pieces and batched 16 at a time needed gigabytes.
PIECE_BUDGET_CHARS = 200_000
# Parses of ingested texts, kept in the store folder (derived data: safe to delete). A later ingest that must read a
# stored document again (a surname in it now names a person) reads its parse instead of parsing the text again.
PARSES_DIR = "parses"
PARSES_BUDGET = 256 * 2**20  # bytes on disk; the least recently written go first


@dataclass
class IngestReport:
    documents_seen: int = 0
    documents_added: int = 0
    documents_updated: int = 0
    documents_unchanged: int = 0
    actors: int = 0
    relations: int = 0
    relations_by_type: Counter[str] = field(default_factory=Counter)
    problems: list[LoadProblem] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the merge decided about a document's identity
    reresolved: int = 0  # stored documents re-read because a person named in this batch resolves their surnames

    @property
    def failed(self) -> bool:
        """True when nothing could be loaded at all (every path was bad)."""
        return bool(self.problems) and self.documents_seen == 0

    @property
    def unsupported(self) -> int:
        """Files of types actorgraph does not read, found in folders and skipped (each also a warning)."""
        return sum(1 for p in self.problems if p.message.startswith(UNSUPPORTED))

    def summary(self) -> str:
        skipped = f" ({self.unsupported} files of unsupported types skipped)" if self.unsupported else ""
        lines = [
            f"documents: {self.documents_seen} read, {self.documents_added} added, "
            + (f"{self.documents_updated} updated, " if self.documents_updated else "")
            + f"{self.documents_unchanged} unchanged, {len(self.problems)} problems{skipped}",
            f"graph: {self.actors} actors, {self.relations} relations",
        ]
        lines += self.notes
        if self.relations_by_type:
            lines.append("new evidence by type: " + ", ".join(
                f"{t} {n}" for t, n in sorted(self.relations_by_type.items())))
        return "\n".join(lines)


def split_text(text: str, size: int) -> Iterator[tuple[int, str]]:
    r"""(offset, piece) pieces of at most ``size`` characters, cut after a blank line, a line end or a space.

    >>> list(split_text("one two\n\nthree four", 12))
    [(0, 'one two\n\n'), (9, 'three four')]
    """
    start, n = 0, len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, start, end)
                if cut > start:
                    end = cut + len(sep)
                    break
        yield start, text[start:end]
        start = end


def _merge_parts(document: Document, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One extraction for a document parsed in pieces: evidence offsets made document-relative."""
    actors: dict[str, Actor] = {}
    rels: dict[tuple[str, str, str], Relation] = {}
    for offset, ext in parts:
        for a in ext.actors:
            if a.id in actors:
                old = actors[a.id]
                old.aliases = sorted(set(old.aliases) | set(a.aliases) | {a.name} - {old.name})
            else:
                actors[a.id] = a
        for r in ext.relations:
            evidence = [e.model_copy(update={"start": e.start + offset, "end": e.end + offset}) for e in r.evidence]
            key = (r.source, r.type, r.target)
            if key in rels:
                rels[key].evidence.extend(evidence)
                rels[key].confidence = max(rels[key].confidence, r.confidence)
            else:
                rels[key] = r.model_copy(update={"evidence": evidence})
    return Extraction(document=document, actors=list(actors.values()), relations=list(rels.values()))


def _extract(todo: list[Document], known: dict, model: str | None, processes: int,
             report: Callable[[Progress], None] | None, batch_size: int, chunk_chars: int,
             parses: ParseCache | None = None, pool: WorkerPool | None = None) -> Iterator[Extraction]:
    extractor = pool.extractor if pool is not None else Extractor(model)
    extractor.known = known
    if any(len(d.text) > chunk_chars for d in todo):
        batch_size = max(1, min(batch_size, PIECE_BUDGET_CHARS // chunk_chars))
    order: deque[tuple[Document, int, bool]] = deque()  # (document, offset, last piece?) per piece sent to spaCy

    def pieces() -> Iterator[Document]:
        for d in todo:
            if len(d.text) <= chunk_chars:
                order.append((d, 0, True))
                yield d
                continue
            cuts = list(split_text(d.text, chunk_chars))
            for i, (offset, piece) in enumerate(cuts):
                order.append((d, offset, i == len(cuts) - 1))
                yield d.model_copy(update={"text": piece})

    meter = None
    if report is not None:
        meter = ProgressMeter(len(todo), sum(len(d.text.split()) for d in todo), report)
        meter.start()
    parts: list[tuple[int, Extraction]] = []
    # spaCy yields results in input order, so each result matches the oldest piece in ``order``.
    # One process for one piece: a pool's start-up costs more than the piece.
    n_process = max(1, min(processes, sum(max(1, -(-len(d.text) // chunk_chars)) for d in todo)))
    for ext in extractor.extract_many(pieces(), batch_size=batch_size, n_process=n_process, parses=parses,
                                      pool=pool if n_process > 1 else None):
        document, offset, last = order.popleft()
        if meter is not None:
            meter.advance(1 if last else 0, len(ext.document.text.split()))
        if offset == 0 and last:
            yield ext
            continue
        parts.append((offset, ext))
        if last:
            yield _merge_parts(document, parts)
            parts = []
    if meter is not None:
        meter.finish()


def _pieces(text: str, chunk_chars: int) -> list[str]:
    """The texts spaCy is given for a document (see :func:`_extract`)."""
    return [text] if len(text) <= chunk_chars else [piece for _, piece in split_text(text, chunk_chars)]


def _parse_file(folder: Path, fingerprint: str, text: str) -> Path:
    return folder / (hashlib.sha256(f"{fingerprint}\0{text}".encode()).hexdigest() + ".zlib")


def _save_parses(store: GraphStore, model: str | None, parses: ParseCache) -> None:
    """Write this batch's parses to the store folder (each file whole, by rename), then trim to the budget."""
    if not parses.items():
        return
    folder = store.path / PARSES_DIR
    fingerprint = pipeline_fingerprint(load_nlp(model))
    try:
        folder.mkdir(exist_ok=True)
        for text, blob in parses.items():
            path = _parse_file(folder, fingerprint, text)
            if path.exists():
                continue
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".parse-", suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(blob)  # compressed already
            os.replace(tmp, path)
        files = sorted((f.stat().st_mtime_ns, f.stat().st_size, f) for f in folder.glob("*.zlib"))
        total = sum(size for _, size, _ in files)
        for _, size, f in files:
            if total <= PARSES_BUDGET:
                break
            f.unlink(missing_ok=True)
            total -= size
    except OSError:
        pass  # a cache: without it the next ingest parses again, which is slower and nothing else


def _load_parses(store: GraphStore, model: str | None, texts: Iterable[str], chunk_chars: int,
                 parses: ParseCache) -> None:
    """Add to ``parses`` the stored parses of these document texts (their pieces), where the store has them."""
    folder = store.path / PARSES_DIR
    if not folder.is_dir():
        return
    fingerprint = pipeline_fingerprint(load_nlp(model))
    for text in texts:
        for piece in _pieces(text, chunk_chars):
            try:
                blob = _parse_file(folder, fingerprint, piece).read_bytes()
                zlib.decompress(blob)  # whole? (a damaged file is parsed again, not failed on)
            except (OSError, zlib.error):
                continue
            parses.put(piece, blob)


def _mentions_unlinked(ext: Extraction, known: dict) -> bool:
    """Does the document name a known person's surname without that person among its actors?"""
    have = {a.id for a in ext.actors}
    text = ext.document.text
    # the substring test first: a regex search per surname costs most of the merge on a large store
    return any(key in text and p.id not in have and re.search(rf"\b{re.escape(key)}\b", text)
               for key, p in known.items())


def _known(*groups: Iterable[tuple[str, dict]]) -> dict:
    """The surname table of these actors, each actor counted once (two documents naming one person in full
    must not make that person's surname look shared)."""
    nodes: dict[str, dict] = {}
    for group in groups:
        for node_id, attrs in group:
            nodes.setdefault(node_id, attrs)
    return known_people(nodes.items())


def _changed_keys(old: dict, new: dict) -> dict[str, str | None]:
    """Surnames that resolve differently under ``new`` than under ``old``: key -> new person id (None: no one)."""
    out: dict[str, str | None] = {}
    for key in old.keys() | new.keys():
        a, b = old.get(key), new.get(key)
        if (a.id if a else None) != (b.id if b else None):
            out[key] = b.id if b else None
    return out


def _stale(text: str, have: set[str], changed: dict[str, str | None]) -> bool:
    """Would the changed surnames resolve differently in this text? (A person the text names in full
    is found without the surname table, so only an unlinked or an unresolvable surname counts.)"""
    return any(key in text and (pid is None or pid not in have) and re.search(rf"\b{re.escape(key)}\b", text)
               for key, pid in changed.items())


def _stored_texts(store: GraphStore, ids: list[str], max_doc_mb: float) -> dict[str, Document]:
    """The stored documents ``ids`` read again from their files, when a file still holds the same text."""
    want: dict[str, dict[str, str]] = {}  # file -> {stored path: id}
    for i in ids:
        path = store.documents[i].path
        head, _, tail = path.rpartition(":")
        file = head if tail.isdigit() and head.lower().endswith(".jsonl") else path
        if file and file != "-":
            want.setdefault(file, {})[path] = i
    out: dict[str, Document] = {}
    for file, paths in want.items():
        for got in read_file(Path(file), max_doc_mb):
            if isinstance(got, Document) and got.path in paths:
                i = paths[got.path]
                if got.sha256 == store.documents[i].sha256:
                    out[i] = got.model_copy(update={"id": i})
    return out


def _reresolve(store: GraphStore, report: IngestReport, used: list[dict], model: str | None, batch_size: int,
               chunk: int, max_doc_mb: float, processes: int = 1, parses: ParseCache | None = None,
               pool: WorkerPool | None = None) -> None:
    """Under the store lock: make every document's surname links those of the final set of people.

    A bare surname ('Okonkwo') links to the one stored person of that surname. Which people are
    stored depends on what other ingests merged first, so surnames are resolved again here, against
    the store as re-read under the lock plus this batch: documents of this batch extracted with
    another table, and stored documents (read again from their files) whose surnames now resolve
    differently. Then any order of ingests, concurrent or not, gives the graph one ingest of the union gives.
    """
    stored_nodes = list(store.graph.nodes(data=True))
    before = _known(stored_nodes)
    extracted = [(a.id, {"kind": a.kind, "name": a.name}) for e in report.extractions for a in e.actors]
    final = _known(stored_nodes, extracted)
    redo = [i for i, e in enumerate(report.extractions)
            if _stale(e.document.text, {a.id for a in e.actors}, _changed_keys(used[i], final))]
    changed = _changed_keys(before, final)
    again_stored: dict[str, Document] = {}
    if changed:
        batch = {e.document.sha256 for e in report.extractions}
        have: dict[str, set[str]] = {}
        for n, a in stored_nodes:
            for d in a.get("documents", []):
                have.setdefault(d, set()).add(n)
        candidates = [i for i, d in store.documents.items() if d.sha256 not in batch]
        texts = _stored_texts(store, candidates, max_doc_mb)
        again_stored = {i: d for i, d in texts.items() if _stale(d.text, have.get(i, set()), changed)}
    todo = [report.extractions[i].document for i in redo] + list(again_stored.values())
    if not todo:
        return
    if again_stored:
        parses = parses or ParseCache(keep=False)
        _load_parses(store, model, [d.text for d in again_stored.values()], chunk, parses)
    again = list(_extract(todo, final, model, processes, None, batch_size, chunk, parses, pool))
    for i, ext in zip(redo, again, strict=False):
        report.extractions[i] = ext
    for ext in again[len(redo):]:
        store.remove_document(ext.document.id)
        store.merge_extraction(ext)
        report.reresolved += 1


def ingest_paths(paths: Iterable[str | os.PathLike[str]], store: GraphStore, model: str | None = None,
                 processes: int = 1, progress: bool | Callable[[Progress], None] = True, batch_size: int = 16,
                 max_doc_mb: float = DEFAULT_MAX_DOC_MB, chunk_chars: int | None = None,
                 web: WebOptions | None = None) -> IngestReport:
    """Load, extract and merge documents into ``store``; unchanged documents are skipped.

    ``paths`` are files, folders or http(s) URLs of pages and feeds (fetched as ``web`` says);
    feed items whose URL is already stored are not fetched again.

    ``progress``: a callback that receives a :class:`~actorgraph.progress.Progress` (documents and words
    done, words/s, seconds left) as extraction goes; ``True`` writes a plain line to stderr every
    10 seconds; ``False`` reports nothing.

    Documents over ``max_doc_mb`` are refused (reported as problems); long ones are parsed
    in pieces of ``chunk_chars`` characters so memory stays bounded.
    """
    report = IngestReport()
    stored_urls = {u for d in store.documents.values() for u in (d.url, d.path) if u and "://" in u}
    loaded = load_sources([p if isinstance(p, str) else Path(p) for p in paths], max_doc_mb=max_doc_mb,
                          options=web, known_urls=stored_urls)
    docs = loaded.documents
    report.problems.extend(loaded.problems)
    report.documents_seen = len(docs) + loaded.skipped_known
    todo = [d for d in docs if not store.has_document(d)]
    report.documents_unchanged = len(docs) - len(todo) + loaded.skipped_known
    report.actors = store.graph.number_of_nodes()
    report.relations = store.graph.number_of_edges()
    if not todo:
        return report  # nothing to write: leave the store (and its lock) alone

    store.check_writable()  # fail before minutes of parsing, not after
    chunk = chunk_chars or int(os.environ.get(CHUNK_ENV) or DEFAULT_CHUNK_CHARS)
    # Merged-away names stay known to the extractor (their mentions then join the kept actor).
    stored = list(store.graph.nodes(data=True)) + Resolution.load(store.path).merged_nodes(store.graph)
    callback = progress if callable(progress) else plain_lines() if progress else None
    first = _known(stored)
    # The parses of this batch are kept for the documents read again below (same text, same parse).
    parses = ParseCache()
    # One set of worker processes for every read of this ingest, started when a read first needs it.
    with WorkerPool(Extractor(model), processes) if processes > 1 else nullcontext() as pool:
        report.extractions.extend(_extract(todo, first, model, processes, callback, batch_size, chunk, parses, pool))
        parses.keep = False
        _save_parses(store, model, parses)
        _reread(store, report, stored, model, processes, batch_size, chunk, max_doc_mb, first, parses, pool)
    return report


def _reread(store: GraphStore, report: IngestReport, stored: list, model: str | None, processes: int,
            batch_size: int, chunk: int, max_doc_mb: float, first: dict, parses: ParseCache,
            pool: WorkerPool | None) -> None:
    """Read again the documents whose surnames name a person of this batch, then merge (see :func:`merge_into`)."""
    used = [first] * len(report.extractions)  # the surname table each extraction was made with
    # A surname alone ('Okonkwo') is the person another document of this batch names in full: re-read the
    # few documents that mention such a surname, so the result does not depend on the order of documents.
    extracted = [(a.id, {"kind": a.kind, "name": a.name}) for e in report.extractions for a in e.actors]
    known = _known(stored, extracted)
    redo = [i for i, e in enumerate(report.extractions) if _mentions_unlinked(e, known)]
    if redo:
        # Re-read in parallel too: on a small batch these re-reads cost as much as the first pass.
        again = list(_extract([report.extractions[i].document for i in redo], known, model, processes, None,
                              batch_size, chunk, parses, pool))
        for i, ext in zip(redo, again, strict=True):
            report.extractions[i] = ext
            used[i] = known

    merge_into(store, report, used, model=model, batch_size=batch_size, chunk=chunk, max_doc_mb=max_doc_mb,
               processes=processes, parses=parses, pool=pool)


def merge_into(store: GraphStore, report: IngestReport, used: list[dict] | None = None, model: str | None = None,
               batch_size: int = 16, chunk: int = DEFAULT_CHUNK_CHARS, max_doc_mb: float = DEFAULT_MAX_DOC_MB,
               processes: int = 1, parses: ParseCache | None = None, pool: WorkerPool | None = None) -> None:
    """Merge ``report.extractions`` into ``store`` (in any order: the merge is order-independent), and count.

    ``used`` is the surname table each extraction was made with (default: the store's before the merge);
    surnames whose person changed under the lock are resolved again, in ``processes`` worker processes (texts
    ``parses`` holds are not parsed again; ``pool``: workers already started, used for that). Also used by the
    cluster ingest (actorgraph/cluster.py), so both build the same store.
    """
    if used is None:
        used = [_known(list(store.graph.nodes(data=True)))] * len(report.extractions)
    # Merge under the store lock, re-reading first so a concurrent ingest is not overwritten; surnames are
    # resolved again against what is stored now (another ingest may have merged the person they name).
    with store.locked():
        _reresolve(store, report, used, model, batch_size, chunk, max_doc_mb, processes, parses, pool)
        for ext in report.extractions:
            status, stored_id = store.merge_extraction(ext)
            if status == "unchanged":
                report.documents_unchanged += 1
                continue
            report.documents_added += status == "added"
            report.documents_updated += status == "updated"
            where = ext.document.path
            if status == "updated":
                report.notes.append(f"updated: {quote_name(where)} changed since it was stored as {stored_id!r}; "
                                    "the new text replaces the old")
            elif stored_id != ext.document.id:
                report.notes.append(f"stored {quote_name(where)} as {stored_id!r} ({ext.document.id!r} is another "
                                    "document's id)")
            for r in ext.relations:
                report.relations_by_type[r.type] += 1
    if report.reresolved:
        report.notes.append(f"re-read {report.reresolved} stored document(s) whose surnames now name a person")
    report.actors = store.graph.number_of_nodes()
    report.relations = store.graph.number_of_edges()
