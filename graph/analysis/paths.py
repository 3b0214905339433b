"""Shortest paths between two actors, hop by hop, with the relation and evidence of each hop.

By default a path follows relations in their direction (source → target), except
symmetric types (MEETS, NEGOTIATES, ...) which hold both ways; ``undirected=True``
follows every relation both ways. Paths are ordered by their actor ids, then their
relation types, then the source of each hop, so the "first" shortest path is
always the same one.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_nodes_from(["petro", "trump", "us"])
>>> _ = g.add_edge("petro", "trump", key="CRITICISES", type="CRITICISES", evidence=[])
>>> _ = g.add_edge("trump", "us", key="LEADS", type="LEADS", evidence=[])
>>> p = shortest_path(g, "petro", "us")
>>> [(h["from"], h["type"], h["to"]) for h in p["hops"]]
[('petro', 'CRITICISES', 'trump'), ('trump', 'LEADS', 'us')]
>>> shortest_path(g, "us", "petro") is None
True
>>> len(shortest_path(g, "us", "petro", undirected=True)["hops"])
2
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

from graph.analysis.views import Graph, Steps, check_types, reader, steps
from graph.errors import InputError
from graph.reader import GraphReader
from graph.resolve import ActorNotFound, actor_id


def _hop(g: GraphReader, x: str, y: str, k: str, u: str, v: str) -> dict[str, Any]:
    evidence = g.evidence(u, v, k)
    return {"from": x, "to": y, "source": u, "type": k, "target": v,
            "evidence_count": len(evidence), "evidence": evidence}


def _path(g: GraphReader, nodes: list[str], choice: Iterable[tuple[str, str, str]]) -> dict[str, Any]:
    hops = [_hop(g, x, y, k, u, v) for (x, y), (k, u, v) in zip(itertools.pairwise(nodes), choice, strict=True)]
    return {"length": len(hops), "nodes": list(nodes), "hops": hops}


def path_key(p: dict[str, Any]) -> tuple:
    """The order of paths: actor ids, then relation types, then hop sources (as the Cypher query sorts)."""
    return (p["nodes"], [h["type"] for h in p["hops"]], [h["source"] for h in p["hops"]])


def _prepare(g: GraphReader, source: str, target: str, types: Iterable[str] | None,
             undirected: bool) -> tuple[Steps, dict[str, int]]:
    for n in (source, target):
        if n not in g:
            raise ActorNotFound(f"unknown actor id {n!r}")
    if source == target:
        raise InputError("source and target are the same actor")
    wanted = check_types(types)
    direction = "both" if undirected else "out"
    return steps(g, wanted, direction=direction), g.distances_to(target, wanted, direction)


def _choices(adj, x: str, y: str) -> list[tuple[str, str, str]]:
    return sorted({(k, u, v) for n, k, u, v in adj[x] if n == y})


def shortest_path(g: Graph, source: str, target: str, types: Iterable[str] | None = None,
                  undirected: bool = False) -> dict[str, Any] | None:
    """The first shortest path from ``source`` to ``target`` (ids, or names and aliases as the CLI takes them), or ``None``.

    Returns ``{"length", "nodes", "hops"}``; each hop has ``from``, ``to``, the
    stored relation (``source``, ``type``, ``target``) and its ``evidence``.
    Only relations of ``types`` are followed when given. ``g``: see :func:`graph.analysis.views.reader`.
    """
    g = reader(g)
    source, target = actor_id(g, source), actor_id(g, target)
    adj, to_target = _prepare(g, source, target, types, undirected)
    if source not in to_target:
        return None
    # Greedy walk: among the next actors that stay on a shortest path, take the
    # smallest id; that gives the path that sorts first without listing them all.
    nodes = [source]
    while nodes[-1] != target:
        x = nodes[-1]
        nodes.append(min(y for y, *_ in adj[x] if to_target.get(y) == to_target[x] - 1))
    return _path(g, nodes, [_choices(adj, x, y)[0] for x, y in itertools.pairwise(nodes)])


def all_shortest_paths(g: Graph, source: str, target: str, types: Iterable[str] | None = None,
                       undirected: bool = False, limit: int | None = 100) -> list[dict[str, Any]]:
    """Every shortest path from ``source`` to ``target``, one per choice of relation at each hop.

    Sorted by :func:`path_key`; at most ``limit`` paths (``None``: all).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from("abcd")
    >>> for u, v in ["ab", "ac", "bd", "cd"]:
    ...     _ = g.add_edge(u, v, key="MEETS", type="MEETS", evidence=[])
    >>> [p["nodes"] for p in all_shortest_paths(g, "a", "d")]
    [['a', 'b', 'd'], ['a', 'c', 'd']]
    """
    g = reader(g)
    source, target = actor_id(g, source), actor_id(g, target)
    adj, to_target = _prepare(g, source, target, types, undirected)
    if source not in to_target:
        return []
    out: list[dict[str, Any]] = []

    def walk(nodes: list[str]) -> None:
        x = nodes[-1]
        if x == target:
            per_hop = [_choices(adj, a, b) for a, b in itertools.pairwise(nodes)]
            out.extend(_path(g, nodes, choice) for choice in itertools.product(*per_hop))
            return
        for y in sorted({y for y, *_ in adj[x] if to_target.get(y) == to_target[x] - 1}):
            walk([*nodes, y])

    walk([source])
    out.sort(key=path_key)
    return out if limit is None else out[:limit]
