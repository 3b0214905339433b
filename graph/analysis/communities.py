"""Groups of actors more tied to each other than to the rest (Louvain, fixed seed).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from("abcdef")
>>> for u, v in ["ab", "bc", "ca", "de", "ef", "fd", "cd"]:
...     _ = g.add_edge(u, v, key="MEETS", type="MEETS", evidence=[])
>>> [c["members"] for c in communities(g)]
[['a', 'b', 'c'], ['d', 'e', 'f']]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.analysis.views import undirected_view


def communities(g: nx.MultiDiGraph, types: Iterable[str] | None = None, seed: int = 42,
                resolution: float = 1.0, min_size: int = 1) -> list[dict[str, Any]]:
    """Louvain communities of the undirected actor graph (edge weight: number of relations).

    The seed is fixed, so the same graph gives the same groups. Rows, largest
    first (ties by first member id): ``community`` (1, 2, ...), ``size``,
    ``members`` (ids, sorted), ``names``. Groups smaller than ``min_size`` are left out.
    """
    ug = undirected_view(g, types)
    if ug.number_of_nodes() == 0:
        return []
    groups = [sorted(c) for c in nx.community.louvain_communities(ug, weight="weight", resolution=resolution, seed=seed)]
    groups = [c for c in groups if len(c) >= min_size]
    groups.sort(key=lambda c: (-len(c), c[0]))
    return [{"community": i, "size": len(c), "members": c, "names": [g.nodes[n].get("name", n) for n in c]}
            for i, c in enumerate(groups, 1)]
