"""Helpers the extraction tests share: extract a text of our own and read what came out by actor name."""

from __future__ import annotations

from extraction.extractor import Extractor
from graph.model import Document


def extract(extractor: Extractor, text: str, date: str | None = "2025-06-01"):
    return extractor.extract(Document(id="t", text=text, date=date))


def names(found, kind: str | None = None) -> set[str]:
    return {a.name for a in found.actors if kind is None or a.kind == kind}


def triples(found) -> set[tuple[str, str, str]]:
    by_id = {a.id: a.name for a in found.actors}
    return {(by_id.get(r.source, r.source), r.type, by_id.get(r.target, r.target)) for r in found.relations}
