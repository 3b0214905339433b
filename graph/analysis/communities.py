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

import random
from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.analysis.centrality import use_igraph
from graph.analysis.views import Graph, check_types, reader, undirected_view
from graph.reader import GraphReader


def communities(g: Graph, types: Iterable[str] | None = None, seed: int = 42,
                resolution: float = 1.0, min_size: int = 1, engine: str = "auto") -> list[dict[str, Any]]:
    """Louvain communities of the undirected actor graph (edge weight: number of relations).

    The seed is fixed, so the same graph gives the same groups. Rows, largest
    first (ties by first member id): ``community`` (1, 2, ...), ``size``,
    ``members`` (ids, sorted), ``names``. Groups smaller than ``min_size`` are left out.
    ``engine``: ``auto`` uses igraph's Louvain (multilevel) above 5,000 actors, where
    networkx's takes minutes; ``networkx`` or ``igraph`` to choose. Both are Louvain with
    a fixed seed, but they visit actors in different orders, so their groups can differ.
    ``g``: see :func:`graph.analysis.views.reader`.
    """
    r = reader(g)
    if use_igraph(engine, r.number_of_nodes()):
        groups = _igraph_louvain(r, types, seed, resolution)
    else:
        ug = undirected_view(r, types)
        if ug.number_of_nodes() == 0:
            return []
        groups = [sorted(c) for c in nx.community.louvain_communities(ug, weight="weight", resolution=resolution, seed=seed)]
    groups = [c for c in groups if len(c) >= min_size]
    groups.sort(key=lambda c: (-len(c), c[0]))
    return [{"community": i, "size": len(c), "members": c, "names": [r.row(n)["name"] for n in c]}
            for i, c in enumerate(groups, 1)]


def _igraph_louvain(r: GraphReader, types: Iterable[str] | None, seed: int,
                    resolution: float) -> list[list[str]]:
    import igraph as ig  # lazy: heavy library, only for Louvain on large graphs

    names, pairs, weights = r.weighted_pairs(check_types(types))
    if not names:
        return []
    graph = ig.Graph(n=len(names), edges=pairs, directed=False)
    # python-igraph draws from a Python Random: a private, seeded one keeps the run repeatable.
    ig.set_random_number_generator(random.Random(seed))
    try:
        clustering = graph.community_multilevel(weights=weights or None, resolution=resolution)
    finally:
        ig.set_random_number_generator(random)
    groups: dict[int, list[str]] = {}
    for name, c in zip(names, clustering.membership, strict=True):
        groups.setdefault(c, []).append(name)
    return [sorted(m) for m in groups.values()]
