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

from collections.abc import Mapping
from typing import Any

from graph.analysis.views import Graph, reader


def stats(g: Graph, doc_dates: Mapping[str, str | None] | None = None) -> dict[str, Any]:
    """Counts and shape of the graph, as a dict with stable key order.

    ``doc_dates`` (document id → date; default: the graph's own, see
    :meth:`~graph.reader.GraphReader.document_dates`) gives the document count, and its dates widen
    the date range. ``g``: see :func:`graph.analysis.views.reader`.
    """
    r = reader(g)
    docs = doc_dates if doc_dates is not None else r.document_dates()
    doc_days = [d for d in docs.values() if d]
    n = r.number_of_nodes()
    comps = r.weak_components() if n else []
    first, last = r.date_range() if r.number_of_edges() else (None, None)
    # The date range covers the evidence's own dates and its documents' dates.
    firsts = [d for d in (first, *doc_days) if d]
    lasts = [d for d in (last, *doc_days) if d]
    return {
        "actors": n,
        "relations": r.number_of_edges(),
        "evidence": r.evidence_total(),
        "documents": len(docs),
        "isolated_actors": sum(1 for d in r.degree().values() if d == 0),
        "components": len(comps),
        "largest_component": comps[0] if comps else 0,
        # nx.density(nx.DiGraph(g)): linked (u, v) pairs over n(n-1).
        "density": r.linked_pairs() / (n * (n - 1)) if n > 1 else 0.0,
        "first_date": min(firsts) if firsts else None,
        "last_date": max(lasts) if lasts else None,
        "by_kind": dict(sorted(r.kind_counts().items())),
        "by_type": dict(sorted(r.type_counts().items())),
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
