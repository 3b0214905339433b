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

import networkx as nx

from graph.analysis.views import relation_edges
from graph.taxonomy import load_taxonomy


def _relation_row(g: nx.MultiDiGraph, u: str, v: str, k: str) -> dict[str, Any]:
    a = g.edges[u, v, k]
    ev = a.get("evidence", [])
    dates = [e["date"] for e in ev if e.get("date")]
    return {
        "source": u, "source_name": g.nodes[u].get("name", u), "type": k,
        "target": v, "target_name": g.nodes[v].get("name", v),
        "date": a.get("date") or (min(dates) if dates else None),
        "confidence": a.get("confidence", max((e.get("confidence", 0.0) for e in ev), default=0.0)),
        "evidence_count": len(ev),
    }


def relations_of_type(g: nx.MultiDiGraph, types: Iterable[str] | None = None,
                      actor: str | None = None) -> list[dict[str, Any]]:
    """Every relation of ``types`` (all when empty), optionally only those of ``actor``.

    Sorted by type, source, target. Rows: ``source``, ``source_name``, ``type``,
    ``target``, ``target_name``, ``date``, ``confidence``, ``evidence_count``.
    """
    rows = [_relation_row(g, u, v, k) for u, v, k in relation_edges(g, types)
            if actor is None or actor in (u, v)]
    rows.sort(key=lambda r: (r["type"], r["source"], r["target"]))
    return rows


def relations_citing(g: nx.MultiDiGraph, doc: str) -> list[dict[str, Any]]:
    """The relations that a document is evidence for, with that document's sentences.

    Sorted by type, source, target; ``sentences`` in order of position.
    """
    rows = []
    for u, v, k in g.edges(keys=True):
        ev = sorted((e for e in g.edges[u, v, k].get("evidence", []) if e["doc"] == doc), key=lambda e: (e["start"], e["end"]))
        if ev:
            rows.append(_relation_row(g, u, v, k) | {"sentences": [e["sentence"] for e in ev]})
    rows.sort(key=lambda r: (r["type"], r["source"], r["target"]))
    return rows


def actors_by_kind(g: nx.MultiDiGraph, kinds: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Actors of the given kinds (all when empty), by kind then id, with their relation count."""
    wanted = set(load_taxonomy().check_kinds(list(kinds))) if kinds else None
    rows = [
        {"id": n, "name": a.get("name", n), "kind": a.get("kind"), "documents": len(a.get("documents", [])),
         "relations": g.degree(n)}
        for n, a in g.nodes(data=True) if wanted is None or a.get("kind") in wanted
    ]
    rows.sort(key=lambda r: (r["kind"], r["id"]))
    return rows
