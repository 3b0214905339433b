"""Provenance of relations: which evidence came from text extraction and which from an event dataset.

Every evidence item carries ``provenance`` ("text", or "gdelt", "polecat", "icews", "acled");
a relation's provenance is the set of its evidence's. :func:`keep_source` narrows a loaded
graph to the evidence of one provenance, so every report, view and export can be run on what
the news text says or on what a dataset coded (``--source``).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from(["us", "co"])
>>> _ = g.add_edge("us", "co", key="SANCTIONS", type="SANCTIONS",
...                evidence=[{"doc": "gdelt:1", "provenance": "gdelt"}, {"doc": "a", "start": 0}])
>>> keep_source(g, "text"), [len(a["evidence"]) for _, _, a in g.edges(data=True)]
(0, [1])
>>> keep_source(g, "gdelt"), g.number_of_edges()
(1, 0)
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.errors import InputError
from graph.model import DATASETS, TEXT

ALL = "all"
SOURCES = (ALL, TEXT, *DATASETS)


def provenance_of(evidence: dict[str, Any]) -> str:
    """The provenance of one evidence item (stores from before provenance hold text only)."""
    return evidence.get("provenance") or TEXT


def keep_source(g: nx.MultiDiGraph, source: str | None, drop_actors: bool = False) -> int:
    """Keep only evidence of provenance ``source`` ("all" or None keeps everything); relations left
    with no evidence are removed. Actors are kept (reports still find them by name) unless
    ``drop_actors``: then actors that the source does not know (no relation left, and for text no
    document either) go too, as exports want. Returns how many relations were removed."""
    if source in (None, ALL):
        return 0
    if source not in SOURCES:
        raise InputError(f"unknown source {source!r}; one of {', '.join(SOURCES)}")
    drop = []
    for u, v, k, a in g.edges(keys=True, data=True):
        ev = a.get("evidence")
        if ev is None:
            raise InputError("the store was opened without evidence; --source needs it")
        kept = [e for e in ev if provenance_of(e) == source]
        if kept:
            if len(kept) != len(ev):
                a["evidence"] = kept
        else:
            drop.append((u, v, k))
    g.remove_edges_from(drop)
    if drop_actors:
        g.remove_nodes_from([n for n, a in g.nodes(data=True)
                             if g.degree(n) == 0 and not (source == TEXT and a.get("documents"))])
    return len(drop)
