"""Ingest: documents → extraction → the local store (and, optionally, Neo4j).

>>> from graph.store import GraphStore
>>> import tempfile
>>> report = ingest_paths(["examples/news"], GraphStore(tempfile.mkdtemp()), progress=False)  # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import click

from graph.model import Extraction
from graph.store import GraphStore
from loaders.readers import LoadProblem, load_paths


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


def ingest_paths(paths: Iterable[str | os.PathLike[str]], store: GraphStore, model: str | None = None,
                 processes: int = 1, progress: bool = True, batch_size: int = 16) -> IngestReport:
    """Load, extract and merge documents into ``store``; unchanged documents are skipped."""
    report = IngestReport()
    docs, problems = load_paths([Path(p) for p in paths])
    report.problems.extend(problems)
    report.documents_seen = len(docs)
    todo = [d for d in docs if not store.has_document(d)]
    report.documents_unchanged = len(docs) - len(todo)

    if todo:
        from extraction.extractor import Extractor
        from extraction.mentions import known_people

        extractor = Extractor(model)
        extractor.known = known_people(store.graph.nodes(data=True))
        words = sum(len(d.text.split()) for d in todo)
        with click.progressbar(length=words, label="extracting", file=None if progress else open(os.devnull, "w"),
                               show_pos=False, show_percent=True) as bar:
            for ext in extractor.extract_many(todo, batch_size=batch_size, n_process=max(1, processes)):
                report.extractions.append(ext)
                bar.update(len(ext.document.text.split()))

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
    return report
