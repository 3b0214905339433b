"""Listing questions: who does what to whom, what a document says, actors of a kind.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("us", name="United States", kind="state", documents=["d1"])
>>> g.add_node("ve", name="Venezuela", kind="state", documents=["d1"])
>>> ev = {"doc": "d1", "sentence": "The US sanctioned Venezuela.", "start": 0, "end": 28, "date": None}
>>> _ = g.add_edge("us", "ve", key="SANCTIONS", type="SANCTIONS", evidence=[ev])
>>> [(r["source"], r["type"], r["target"]) for r in relations_of_type(g, ["SANCTIONS"])]
[('us', 'SANCTIONS', 've')]
>>> relations_citing(g, "d1")[0]["sentences"]
['The US sanctioned Venezuela.']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.analysis.views import Graph, check_types, reader
from graph.reader import EdgeSummary, GraphReader
from graph.taxonomy import load_taxonomy


def relation_row(g: GraphReader, u: str, v: str, k: str, s: EdgeSummary | None = None) -> dict[str, Any]:
    """One relation as listings show it: its ends (ids and names), type and summary (``s``, read when None)."""
    if s is None:
        s = g.summary(u, v, k)
    return {
        "source": u, "source_name": g.row(u)["name"], "type": k,
        "target": v, "target_name": g.row(v)["name"],
        "date": s.date, "confidence": s.confidence, "evidence_count": s.count, "provenance": s.provenance_key,
    }


def relations_of_type(g: Graph, types: Iterable[str] | None = None,
                      actor: str | None = None, order: str = "type") -> list[dict[str, Any]]:
    """Every relation of ``types`` (all when empty), optionally only those of ``actor``.

    Sorted by type, source, target (``order="source"``: by source, type, target, the store's
    order). Rows: ``source``, ``source_name``, ``type``, ``target``, ``target_name``, ``date``,
    ``confidence``, ``evidence_count``, ``provenance`` (';'-joined: "text", "gdelt;text", ...).
    """
    if order not in ("type", "source"):
        raise ValueError(f"unknown order {order!r}; choose type or source")
    r = reader(g)
    rows = [relation_row(r, u, v, k, s) for (u, v, k), s in r.relation_summaries(check_types(types), actor)]
    if order == "type":
        rows.sort(key=lambda x: (x["type"], x["source"], x["target"]))
    return rows


def relations_citing(g: Graph, doc: str) -> list[dict[str, Any]]:
    """The relations that a document is evidence for, with that document's sentences.

    Sorted by type, source, target; ``sentences`` in order of position.
    """
    r = reader(g)
    rows = []
    for u, v, k in r.relations():
        ev = [e for e in r.evidence(u, v, k) if e["doc"] == doc]  # (already in order of position)
        if ev:
            rows.append(relation_row(r, u, v, k) | {"sentences": [e["sentence"] for e in ev]})
    rows.sort(key=lambda x: (x["type"], x["source"], x["target"]))
    return rows


def actors_by_kind(g: Graph, kinds: Iterable[str] | None = None, order: str = "kind") -> list[dict[str, Any]]:
    """Actors of the given kinds (all when empty), by kind then id (``order="id"``: by id), with their
    relation count. Rows: ``id``, ``name``, ``kind``, ``documents`` (how many mention it), ``relations``,
    ``aliases``."""
    if order not in ("kind", "id"):
        raise ValueError(f"unknown order {order!r}; choose kind or id")
    wanted = set(load_taxonomy().check_kinds(list(kinds))) if kinds else None
    r = reader(g)
    degree = r.degree()
    rows = [{"id": a.id, "name": a.name, "kind": a.kind, "documents": a.documents, "relations": degree[a.id],
             "aliases": a.aliases} for a in r.actors(wanted)]
    if order == "kind":
        rows.sort(key=lambda x: (x["kind"], x["id"]))
    return rows
