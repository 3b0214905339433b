"""Ingest: documents → extraction → the local store (and, optionally, Neo4j).

>>> from graph.store import GraphStore
>>> import tempfile
>>> report = ingest_paths(["examples/news"], GraphStore(tempfile.mkdtemp()), progress=False)  # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click

from graph.model import Actor, Document, Extraction, Relation
from graph.store import GraphStore
from loaders.readers import DEFAULT_MAX_DOC_MB, LoadProblem, load_paths

CHUNK_ENV = "ACTORGRAPH_CHUNK_CHARS"
# spaCy's parser needs memory in proportion to the text it is given, so long documents are
# parsed in paragraph-aligned pieces of at most this many characters.
DEFAULT_CHUNK_CHARS = 100_000


@dataclass
class IngestReport:
    documents_seen: int = 0
    documents_added: int = 0
    documents_unchanged: int = 0
    actors: int = 0
    relations: int = 0
    relations_by_type: Counter[str] = field(default_factory=Counter)
    problems: list[LoadProblem] = field(default_factory=list)
    extractions: list[Extraction] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when nothing could be loaded at all (every path was bad)."""
        return bool(self.problems) and self.documents_seen == 0

    def summary(self) -> str:
        lines = [
            f"documents: {self.documents_seen} read, {self.documents_added} added, "
            f"{self.documents_unchanged} unchanged, {len(self.problems)} problems",
            f"graph: {self.actors} actors, {self.relations} relations",
        ]
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


def _extract(todo: list[Document], known: dict, model: str | None, processes: int, progress: bool,
             batch_size: int, chunk_chars: int) -> Iterator[Extraction]:
    from extraction.extractor import Extractor

    extractor = Extractor(model)
    extractor.known = known
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

    words = sum(len(d.text.split()) for d in todo)
    parts: list[tuple[int, Extraction]] = []
    with click.progressbar(length=words, label="extracting", file=None if progress else open(os.devnull, "w"),
                           show_pos=False, show_percent=True) as bar:
        # spaCy yields results in input order, so each result matches the oldest piece in ``order``.
        for ext in extractor.extract_many(pieces(), batch_size=batch_size, n_process=max(1, processes)):
            document, offset, last = order.popleft()
            bar.update(len(ext.document.text.split()))
            if offset == 0 and last:
                yield ext
                continue
            parts.append((offset, ext))
            if last:
                yield _merge_parts(document, parts)
                parts = []


def _mentions_unlinked(ext: Extraction, known: dict) -> bool:
    """Does the document name a known person's surname without that person among its actors?"""
    have = {a.id for a in ext.actors}
    text = ext.document.text
    return any(p.id not in have and re.search(rf"\b{re.escape(key)}\b", text) for key, p in known.items())


def ingest_paths(paths: Iterable[str | os.PathLike[str]], store: GraphStore, model: str | None = None,
                 processes: int = 1, progress: bool = True, batch_size: int = 16,
                 max_doc_mb: float = DEFAULT_MAX_DOC_MB, chunk_chars: int | None = None) -> IngestReport:
    """Load, extract and merge documents into ``store``; unchanged documents are skipped.

    Documents over ``max_doc_mb`` are refused (reported as problems); long ones are parsed
    in pieces of ``chunk_chars`` characters so memory stays bounded.
    """
    report = IngestReport()
    docs, problems = load_paths([Path(p) for p in paths], max_doc_mb=max_doc_mb)
    report.problems.extend(problems)
    report.documents_seen = len(docs)
    todo = [d for d in docs if not store.has_document(d)]
    report.documents_unchanged = len(docs) - len(todo)
    report.actors = store.graph.number_of_nodes()
    report.relations = store.graph.number_of_edges()
    if not todo:
        return report  # nothing to write: leave the store (and its lock) alone

    store.check_writable()  # fail before minutes of parsing, not after
    chunk = chunk_chars or int(os.environ.get(CHUNK_ENV) or DEFAULT_CHUNK_CHARS)
    from extraction.mentions import known_people

    stored = list(store.graph.nodes(data=True))
    report.extractions.extend(_extract(todo, known_people(stored), model, processes, progress, batch_size, chunk))
    # A surname alone ('Okonkwo') is the person another document of this batch names in full: re-read the
    # few documents that mention such a surname, so the result does not depend on the order of documents.
    extracted = [(a.id, {"kind": a.kind, "name": a.name}) for e in report.extractions for a in e.actors]
    known = known_people(stored + extracted)
    redo = [i for i, e in enumerate(report.extractions) if _mentions_unlinked(e, known)]
    if redo:
        again = list(_extract([report.extractions[i].document for i in redo], known, model, 1, False,
                              batch_size, chunk))
        for i, ext in zip(redo, again, strict=True):
            report.extractions[i] = ext

    merge_into(store, report)
    return report


def merge_into(store: GraphStore, report: IngestReport) -> None:
    """Merge ``report.extractions`` into ``store`` (in any order: the merge is order-independent), and count.

    Also used by the cluster ingest (graph/cluster.py), so both build the same store.
    """
    # Merge under the store lock, re-reading first so a concurrent ingest is not overwritten.
    with store.locked():
        for ext in report.extractions:
            if store.add_extraction(ext):
                report.documents_added += 1
                for r in ext.relations:
                    report.relations_by_type[r.type] += 1
            else:
                report.documents_unchanged += 1
    report.actors = store.graph.number_of_nodes()
    report.relations = store.graph.number_of_edges()
