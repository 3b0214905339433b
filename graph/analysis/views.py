"""Simple views of the relation multigraph that the algorithms work on.

Relations are stored once per (source, type, target); a symmetric type (MEETS,
NEGOTIATES, ...) is stored in whichever direction came first but holds both ways.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from(["a", "b"])
>>> g.add_edge("a", "b", key="MEETS", type="MEETS", evidence=[])
'MEETS'
>>> sorted(directed_view(g).edges())
[('a', 'b'), ('b', 'a')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import networkx as nx

from graph.errors import InputError
from graph.taxonomy import load_taxonomy
from graph.topology import Topology


def check_types(types: Iterable[str] | None) -> frozenset[str] | None:
    """Validate relation type names against the taxonomy; ``None`` or empty means all types."""
    if not types:
        return None
    return frozenset(load_taxonomy().check_relation_types(list(types)))


def relation_edges(g: nx.MultiDiGraph, types: Iterable[str] | None = None) -> Iterator[tuple[str, str, str]]:
    """(source, target, type) of every stored relation, optionally only of ``types``."""
    wanted = check_types(types)
    for u, v, k in g.edges(keys=True):
        if wanted is None or k in wanted:
            yield u, v, k


class _TopologyHops(dict):
    """``steps`` of a :class:`Topology`, computed for the actors a walk visits only."""

    def __init__(self, t: Topology, types: Iterable[str] | None, direction: str) -> None:
        super().__init__()
        self.t, self.types, self.direction = t, types, direction

    def __missing__(self, x: str) -> list[tuple[str, str, str, str]]:
        hops = self[x] = self.t.hops(x, self.types, self.direction)
        return hops


def steps(g: nx.MultiDiGraph | Topology, types: Iterable[str] | None = None, undirected: bool = False,
          direction: str = "out") -> dict[str, list[tuple[str, str, str, str]]]:
    """For each actor, the hops that leave it: ``(next, type, source, target)``.

    ``direction`` is ``out`` (follow relations source → target), ``in`` (against
    them) or ``both``; ``undirected=True`` is the same as ``both``. Symmetric
    relation types are always followed both ways. For a :class:`Topology` the
    mapping fills in as actors are looked up (a walk visits few of them).
    """
    if undirected:
        direction = "both"
    if direction not in ("out", "in", "both"):
        raise InputError(f"unknown direction {direction!r}; choose out, in or both")
    if isinstance(g, Topology):
        return _TopologyHops(g, check_types(types), direction)
    symmetric = load_taxonomy().symmetric
    out: dict[str, list[tuple[str, str, str, str]]] = {n: [] for n in g.nodes}
    for u, v, k in relation_edges(g, types):
        both = direction == "both" or k in symmetric
        if both or direction == "out":
            out[u].append((v, k, u, v))
        if both or direction == "in":
            out[v].append((u, k, u, v))
    return out


def directed_view(g: nx.MultiDiGraph | Topology, types: Iterable[str] | None = None) -> nx.DiGraph:
    """A simple DiGraph of all actors: u → v when some relation goes u → v (symmetric ones both ways)."""
    if isinstance(g, Topology):
        g = g.to_networkx()
    d = nx.DiGraph()
    d.add_nodes_from(sorted(g.nodes))
    symmetric = load_taxonomy().symmetric
    for u, v, k in relation_edges(g, types):
        if u == v:
            continue
        d.add_edge(u, v)
        if k in symmetric:
            d.add_edge(v, u)
    return d


def undirected_view(g: nx.MultiDiGraph | Topology, types: Iterable[str] | None = None) -> nx.Graph:
    """A simple Graph of all actors; ``weight`` is the number of relations between the two."""
    if isinstance(g, Topology):
        g = g.to_networkx()
    ug = nx.Graph()
    ug.add_nodes_from(sorted(g.nodes))
    for u, v, _k in sorted(relation_edges(g, types)):
        if u == v:
            continue
        if ug.has_edge(u, v):
            ug.edges[u, v]["weight"] += 1
        else:
            ug.add_edge(u, v, weight=1)
    return ug


def view_pairs(g: nx.MultiDiGraph | Topology, types: Iterable[str] | None = None,
               directed: bool = True) -> tuple[list[str], list[tuple[int, int]]]:
    """The edges of :func:`directed_view` (or :func:`undirected_view`) as index pairs, without building it.

    Returns the sorted actor ids and one ``(i, j)`` per edge of the view (``i < j`` when
    undirected), for engines such as igraph: building the networkx view of a 1M-relation
    graph costs seconds, more than the measures computed on it.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("b", "a", key="MEETS", type="MEETS", evidence=[])
    'MEETS'
    >>> view_pairs(g)
    (['a', 'b'], [(1, 0), (0, 1)])
    """
    if isinstance(g, Topology):
        return g.pairs(types, directed=directed)
    wanted = check_types(types)
    symmetric = load_taxonomy().symmetric
    names = sorted(g.nodes)
    index = {n: i for i, n in enumerate(names)}
    n = len(names)
    seen: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for u, nbrs in g.adj.items():
        iu = index[u]
        for v, keys in nbrs.items():
            if u == v:
                continue
            if wanted is not None:
                keys = [k for k in keys if k in wanted]
                if not keys:
                    continue
            iv = index[v]
            if directed:
                ends = [(iu, iv), (iv, iu)] if any(k in symmetric for k in keys) else [(iu, iv)]
            else:
                ends = [(iu, iv) if iu < iv else (iv, iu)]
            for a, b in ends:
                code = a * n + b
                if code not in seen:
                    seen.add(code)
                    pairs.append((a, b))
    return names, pairs


def weighted_pairs(g: nx.MultiDiGraph | Topology, types: Iterable[str] | None = None
                   ) -> tuple[list[str], list[tuple[int, int]], list[int]]:
    """The edges of :func:`undirected_view` as sorted actor ids, ``(i, j)`` index pairs (``i <= j``)
    and their ``weight`` (relations between the two), without building the view."""
    if isinstance(g, Topology):
        return g.weighted_pairs(types)
    names = sorted(g.nodes)
    index = {x: i for i, x in enumerate(names)}
    weight: dict[tuple[int, int], int] = {}
    for u, v, _k in relation_edges(g, types):
        iu, iv = index[u], index[v]
        key = (iu, iv) if iu <= iv else (iv, iu)
        weight[key] = weight.get(key, 0) + 1
    pairs = sorted(weight)
    return names, pairs, [weight[p] for p in pairs]


def actor_row(g: nx.MultiDiGraph | Topology, n: str) -> dict[str, str]:
    if isinstance(g, Topology):
        return g.row(n)
    a = g.nodes[n]
    return {"id": n, "name": a.get("name", n), "kind": a.get("kind", "")}
