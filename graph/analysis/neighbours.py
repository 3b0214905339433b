"""An actor's neighbourhood: every actor within ``depth`` relations, with its distance.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for n in ["petro", "trump", "us", "eln"]:
...     g.add_node(n, name=n, kind="person")
>>> _ = g.add_edge("petro", "trump", key="CRITICISES", type="CRITICISES", evidence=[])
>>> _ = g.add_edge("trump", "us", key="LEADS", type="LEADS", evidence=[])
>>> [(r["id"], r["distance"]) for r in neighbours(g, "petro", depth=2)]
[('trump', 1), ('us', 2)]
>>> [r["id"] for r in neighbours(g, "us", direction="out")]
[]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import Any

from graph.analysis.views import Graph, reader, steps
from graph.errors import InputError
from graph.resolve import actor_id


def neighbours(g: Graph, actor: str, depth: int = 1, types: Iterable[str] | None = None,
               direction: str = "both") -> list[dict[str, Any]]:
    """Actors reachable from ``actor`` in 1..``depth`` hops, sorted by distance then id.

    ``direction``: ``both`` (default: any relation, either way), ``out`` (what the
    actor does to others, and onwards) or ``in`` (who acts on it). Symmetric
    relations count both ways. Each row: ``id``, ``name``, ``kind``, ``distance`` and
    ``via``: the relation types that lead to it from actors one step closer.
    ``g``: see :func:`graph.analysis.views.reader`.
    """
    g = reader(g)
    actor = actor_id(g, actor)  # an id, or a name or alias as the CLI takes it
    if depth < 1:
        raise InputError("depth must be at least 1")
    adj = steps(g, types, direction=direction)
    dist = {actor: 0}
    via: dict[str, set[str]] = {}
    queue = deque([actor])
    while queue:
        x = queue.popleft()
        if dist[x] == depth:
            continue
        for y, k, *_ in adj[x]:
            if y not in dist:
                dist[y] = dist[x] + 1
                queue.append(y)
            if dist[y] == dist[x] + 1:
                via.setdefault(y, set()).add(k)
    rows = [g.row(n) | {"distance": d, "via": sorted(via[n])} for n, d in dist.items() if n != actor]
    rows.sort(key=lambda r: (r["distance"], r["id"]))
    return rows
