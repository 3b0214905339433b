"""A summary of the graph: sizes, kinds, relation types, connectivity, dates.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", kind="person"); g.add_node("b", kind="state")
>>> _ = g.add_edge("a", "b", key="LEADS", type="LEADS", evidence=[{"doc": "d1", "date": "2026-02-02"}])
>>> s = stats(g)
>>> s["actors"], s["relations"], s["evidence"], s["by_kind"]
(2, 1, 1, {'person': 1, 'state': 1})
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import networkx as nx

from graph.topology import Topology


def stats(g: nx.MultiDiGraph | Topology, doc_dates: Mapping[str, str | None] | None = None) -> dict[str, Any]:
    """Counts and shape of the graph, as a dict with stable key order.

    ``doc_dates`` (document id → date) adds the document count. ``g`` may be the store's
    :class:`~graph.topology.Topology` (same answers, without loading evidence).
    """
    if isinstance(g, Topology):
        return _topology_stats(g, doc_dates)
    evidence = [e for _u, _v, ev in g.edges(data="evidence") for e in (ev or [])]
    # The date range covers the evidence's own dates and its documents' dates.
    dates = sorted({e["date"] for e in evidence if e.get("date")} | {d for d in (doc_dates or {}).values() if d})
    comps = sorted((len(c) for c in nx.weakly_connected_components(g)), reverse=True) if len(g) else []
    n = g.number_of_nodes()
    out: dict[str, Any] = {
        "actors": n,
        "relations": g.number_of_edges(),
        "evidence": len(evidence),
        "documents": len(doc_dates) if doc_dates is not None else len({e["doc"] for e in evidence}),
        "isolated_actors": sum(1 for x in g.nodes if g.degree(x) == 0),
        "components": len(comps),
        "largest_component": comps[0] if comps else 0,
        # nx.density(nx.DiGraph(g)) without copying the graph: linked (u, v) pairs over n(n-1).
        "density": sum(map(len, g.adj.values())) / (n * (n - 1)) if n > 1 else 0.0,
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "by_kind": dict(sorted(Counter(k for _n, k in g.nodes(data="kind")).items())),
        "by_type": dict(sorted(Counter(k for _u, _v, k in g.edges(keys=True)).items())),
    }
    return out


def _topology_stats(t: Topology, doc_dates: Mapping[str, str | None] | None) -> dict[str, Any]:
    import numpy as np  # lazy: heavy library (~100 ms), only for these figures

    if t.last_dates is None:
        raise ValueError("this topology has no last evidence dates; build it from a graph with evidence")
    n = t.number_of_nodes()
    comps = t.weak_components() if n else []
    doc_days = [d for d in (doc_dates if doc_dates is not None else t.documents).values() if d]
    firsts = [d for d in t.first_dates if d] + doc_days  # the range covers the documents' dates too
    lasts = [d for d in t.last_dates if d] + doc_days
    touched = np.bincount(t.source, minlength=n) + np.bincount(t.target, minlength=n) if n else np.zeros(0)
    return {
        "actors": n,
        "relations": t.number_of_edges(),
        "evidence": int(t.evidence_count.sum()),
        "documents": len(doc_dates if doc_dates is not None else t.documents),
        "isolated_actors": int((touched == 0).sum()),
        "components": len(comps),
        "largest_component": comps[0] if comps else 0,
        "density": t.linked_pairs() / (n * (n - 1)) if n > 1 else 0.0,
        "first_date": min(firsts) if firsts else None,
        "last_date": max(lasts) if lasts else None,
        "by_kind": dict(sorted(t.kind_counts().items())),
        "by_type": dict(sorted(t.type_counts().items())),
    }


def stats_rows(s: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Flatten :func:`stats` into (metric, value) rows for a table or CSV."""
    rows = []
    for key, value in s.items():
        if isinstance(value, dict):
            rows.extend({"metric": f"{key}.{k}", "value": v} for k, v in value.items())
        else:
            rows.append({"metric": key, "value": value})
    return rows
