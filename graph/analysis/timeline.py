"""A dyad's relations over time: each statement of a relation between two actors, in
time order, with the relation type's cooperation–conflict score and a running balance.

One row per evidence sentence (a relation reported in two articles is two rows).
Rows are ordered by the evidence's own date, else its document's date, then the
position in the document; ``dated_by`` says which of these placed the row:
``evidence`` (the sentence's date), ``document`` (only the document's date),
``background`` (the sentence states something prior to its document, "for years",
"has repeatedly": placed by the earliest bound the text gives, ``since``, and before
every dated row when it gives none; ``until`` is the document's date) or ``position``
(undated; ordered by document and offset, after every dated row).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from(["petro", "trump"])
>>> ev = lambda d, s, date: {"doc": d, "sentence": "...", "start": s, "end": s + 3, "date": date}
>>> _ = g.add_edge("petro", "trump", key="CRITICISES", type="CRITICISES", evidence=[ev("a", 0, "2025-10-01")])
>>> _ = g.add_edge("trump", "petro", key="MEETS", type="MEETS", evidence=[ev("b", 9, None)])
>>> rows = timeline(g, "petro", "trump", doc_dates={"b": "2026-02-03"})
>>> [(r["when"], r["dated_by"], r["type"], r["score"], r["balance"]) for r in rows]
[('2025-10-01', 'evidence', 'CRITICISES', -2.0, -2.0), ('2026-02-03', 'document', 'MEETS', 1.0, -1.0)]
>>> _ = g.add_edge("trump", "petro", key="CRITICISES", type="CRITICISES",
...                evidence=[{**ev("b", 0, None), "background": True, "since": None}])
>>> [(r["when"], r["dated_by"], r["until"], r["type"]) for r in timeline(g, "petro", "trump", {"b": "2026-02-03"})][0]
(None, 'background', '2026-02-03', 'CRITICISES')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from graph.analysis.views import Graph, check_types, reader
from graph.errors import InputError
from graph.resolve import actor_id
from graph.taxonomy import load_taxonomy


def timeline_key(row: Mapping[str, Any]) -> tuple:
    """Dated rows first, by date (background by its earliest bound, first when it has none, and before
    events of the same date); then document date, document, offset, and the relation."""
    background = bool(row.get("background"))
    return (row["when"] is None and not background, row["when"] or "", not background, row["doc_date"] is None,
            row["doc_date"] or "", row["doc"], row["start"], row["end"], row["source"], row["type"], row["target"])


def timeline(g: Graph, a: str, b: str, doc_dates: Mapping[str, str | None] | None = None,
             types: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Every evidenced relation between actors ``a`` and ``b`` (either direction), in time order.

    ``doc_dates`` maps document id to its ISO date (``{d: doc.date for d, doc in
    store.documents.items()}``). Rows: ``step``, ``when``, ``dated_by``, ``source``,
    ``type``, ``target``, ``score``, ``balance`` (running sum of scores), ``doc``,
    ``doc_date``, ``start``, ``end``, ``sentence``, ``background``, ``since``, ``until``, ``provenance``
    ("text" or the event dataset), ``url``. ``a`` and ``b`` are ids, or names and aliases as the CLI takes them.
    """
    g = reader(g)
    a, b = actor_id(g, a), actor_id(g, b)  # ids, or names and aliases as the CLI takes them
    if a == b:
        raise InputError("a dyad needs two different actors")
    wanted = check_types(types)
    tax = load_taxonomy()
    doc_dates = doc_dates or {}
    rows = []
    for u, v, k in g.edges_between(a, b):
        if wanted is not None and k not in wanted:
            continue
        score = tax.relation(k).score
        for e in g.evidence(u, v, k):
            doc_date = doc_dates.get(e["doc"])
            if e.get("background"):
                when, dated_by = e.get("since"), "background"
            else:
                when = e.get("date") or doc_date
                dated_by = "evidence" if e.get("date") else "document" if doc_date else "position"
            rows.append({"when": when, "dated_by": dated_by, "source": u, "type": k, "target": v,
                         "score": score, "doc": e["doc"], "doc_date": doc_date, "start": e["start"],
                         "end": e["end"], "sentence": e.get("sentence", ""), "background": bool(e.get("background")),
                         "since": e.get("since"), "until": doc_date if e.get("background") else None,
                         "provenance": e.get("provenance") or "text", "url": e.get("url")})
    rows.sort(key=timeline_key)
    balance = 0.0
    out = []
    for i, r in enumerate(rows, 1):
        balance += r["score"]
        out.append({"step": i, **r, "balance": balance})
    return out
