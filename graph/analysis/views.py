"""Simple views of the relation multigraph that the algorithms work on, read through the one
:class:`~graph.reader.GraphReader` interface.

Relations are stored once per (source, type, target); a symmetric type (MEETS,
NEGOTIATES, ...) is stored in whichever direction came first but holds both ways.
Every analysis function takes a graph as :func:`reader` accepts it: a
:class:`~graph.reader.GraphReader` (the store's :class:`~graph.topology.Topology`, or
``GraphStore.reader()``), a :class:`~graph.store.GraphStore` or the store's networkx graph.

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
from typing import Any

import networkx as nx

from graph.reader import GraphReader, Hop, check_direction
from graph.store import GraphStore, StoreReader
from graph.taxonomy import load_taxonomy

Graph = GraphReader | GraphStore | nx.MultiDiGraph  # what the analysis functions take


def reader(g: Any) -> GraphReader:
    """The :class:`~graph.reader.GraphReader` of ``g``: itself, a store's, or one over a networkx graph."""
    if isinstance(g, GraphStore):
        return g.reader()
    if isinstance(g, nx.Graph):
        return StoreReader(g)
    return g


def check_types(types: Iterable[str] | None) -> frozenset[str] | None:
    """Validate relation type names against the taxonomy; ``None`` or empty means all types."""
    if not types:
        return None
    return frozenset(load_taxonomy().check_relation_types(list(types)))


def relation_edges(g: Graph, types: Iterable[str] | None = None) -> Iterator[tuple[str, str, str]]:
    """(source, target, type) of every stored relation, optionally only of ``types``."""
    yield from reader(g).relations(check_types(types))


class Steps(dict):
    """For each actor, the hops that leave it, read when a walk first asks for them (a walk visits few)."""

    def __init__(self, r: GraphReader, types: frozenset[str] | None, direction: str) -> None:
        super().__init__()
        self.r, self.types, self.direction = r, types, direction

    def __missing__(self, x: str) -> list[Hop]:
        hops = self[x] = self.r.hops(x, self.types, self.direction)
        return hops


def steps(g: Graph, types: Iterable[str] | None = None, undirected: bool = False, direction: str = "out") -> Steps:
    """For each actor, the hops that leave it: ``(next, type, source, target)``.

    ``direction`` is ``out`` (follow relations source → target), ``in`` (against
    them) or ``both``; ``undirected=True`` is the same as ``both``. Symmetric
    relation types are always followed both ways. The mapping fills in as actors are looked up.
    """
    return Steps(reader(g), check_types(types), check_direction("both" if undirected else direction))


def directed_view(g: Graph, types: Iterable[str] | None = None) -> nx.DiGraph:
    """A simple DiGraph of all actors: u → v when some relation goes u → v (symmetric ones both ways)."""
    r = reader(g)
    symmetric = load_taxonomy().symmetric
    d = nx.DiGraph()
    d.add_nodes_from(r.actor_ids())
    for u, v, k in r.relations(check_types(types)):
        if u == v:
            continue
        d.add_edge(u, v)
        if k in symmetric:
            d.add_edge(v, u)
    return d


def undirected_view(g: Graph, types: Iterable[str] | None = None) -> nx.Graph:
    """A simple Graph of all actors; ``weight`` is the number of relations between the two."""
    r = reader(g)
    ug = nx.Graph()
    ug.add_nodes_from(r.actor_ids())
    # Edges added in (source, target) order: networkx's Louvain breaks ties by neighbour order.
    for u, v, _k in sorted(r.relations(check_types(types))):
        if u == v:
            continue
        if ug.has_edge(u, v):
            ug.edges[u, v]["weight"] += 1
        else:
            ug.add_edge(u, v, weight=1)
    return ug


def view_pairs(g: Graph, types: Iterable[str] | None = None,
               directed: bool = True) -> tuple[list[str], list[tuple[int, int]]]:
    """The edges of :func:`directed_view` (or :func:`undirected_view`) as index pairs, without building it.

    Returns the sorted actor ids and one ``(i, j)`` per edge of the view (``i < j`` when
    undirected), sorted, for engines such as igraph: building the networkx view of a 1M-relation
    graph costs seconds, more than the measures computed on it.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("b", "a", key="MEETS", type="MEETS", evidence=[])
    'MEETS'
    >>> view_pairs(g)
    (['a', 'b'], [(0, 1), (1, 0)])
    """
    return reader(g).pairs(check_types(types), directed=directed)


def weighted_pairs(g: Graph, types: Iterable[str] | None = None
                   ) -> tuple[list[str], list[tuple[int, int]], list[int]]:
    """The edges of :func:`undirected_view` as sorted actor ids, ``(i, j)`` index pairs (``i <= j``)
    and their ``weight`` (relations between the two), without building the view."""
    return reader(g).weighted_pairs(check_types(types))


def actor_row(g: Graph, n: str) -> dict[str, str]:
    return reader(g).row(n)
