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
from collections import deque
from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.analysis.views import check_types, steps
from graph.errors import InputError
from graph.resolve import ActorNotFound, actor_id
from graph.topology import Topology


def _bfs(adj: dict[str, list[tuple[str, str, str, str]]], start: str) -> dict[str, int]:
    dist = {start: 0}
    queue = deque([start])
    while queue:
        x = queue.popleft()
        for y, *_ in adj[x]:
            if y not in dist:
                dist[y] = dist[x] + 1
                queue.append(y)
    return dist


def _reverse(adj: dict[str, list[tuple[str, str, str, str]]]) -> dict[str, list[tuple[str, str, str, str]]]:
    rev: dict[str, list[tuple[str, str, str, str]]] = {n: [] for n in adj}
    for x, hops in adj.items():
        for y, k, u, v in hops:
            rev[y].append((x, k, u, v))
    return rev


def _hop(g: nx.MultiDiGraph | Topology, x: str, y: str, k: str, u: str, v: str) -> dict[str, Any]:
    if isinstance(g, Topology):
        evidence = g.evidence(u, v, k)
    else:
        evidence = sorted(g.edges[u, v, k].get("evidence", []), key=lambda e: (e["doc"], e["start"], e["end"]))
    return {"from": x, "to": y, "source": u, "type": k, "target": v,
            "evidence_count": len(evidence), "evidence": evidence}


def _path(g: nx.MultiDiGraph | Topology, nodes: list[str], choice: Iterable[tuple[str, str, str]]) -> dict[str, Any]:
    hops = [_hop(g, x, y, k, u, v) for (x, y), (k, u, v) in zip(itertools.pairwise(nodes), choice, strict=True)]
    return {"length": len(hops), "nodes": list(nodes), "hops": hops}


def path_key(p: dict[str, Any]) -> tuple:
    """The order of paths: actor ids, then relation types, then hop sources (as the Cypher query sorts)."""
    return (p["nodes"], [h["type"] for h in p["hops"]], [h["source"] for h in p["hops"]])


def _prepare(g: nx.MultiDiGraph | Topology, source: str, target: str, types: Iterable[str] | None, undirected: bool):
    for n in (source, target):
        if n not in g:
            raise ActorNotFound(f"unknown actor id {n!r}")
    if source == target:
        raise InputError("source and target are the same actor")
    if isinstance(g, Topology):
        wanted = check_types(types)
        direction = "both" if undirected else "out"
        return steps(g, wanted, direction=direction), g.distances_to(target, wanted, direction)
    adj = steps(g, types, undirected=undirected)
    to_target = _bfs(_reverse(adj), target)
    return adj, to_target


def _choices(adj, x: str, y: str) -> list[tuple[str, str, str]]:
    return sorted({(k, u, v) for n, k, u, v in adj[x] if n == y})


def shortest_path(g: nx.MultiDiGraph | Topology, source: str, target: str, types: Iterable[str] | None = None,
                  undirected: bool = False) -> dict[str, Any] | None:
    """The first shortest path from ``source`` to ``target`` (ids, or names and aliases as the CLI takes them), or ``None``.

    Returns ``{"length", "nodes", "hops"}``; each hop has ``from``, ``to``, the
    stored relation (``source``, ``type``, ``target``) and its ``evidence``.
    Only relations of ``types`` are followed when given. ``g`` may be the store's
    :class:`~graph.topology.Topology`: the same path, found without building the whole graph.
    """
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


def all_shortest_paths(g: nx.MultiDiGraph | Topology, source: str, target: str, types: Iterable[str] | None = None,
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
