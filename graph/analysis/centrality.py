"""Who matters in the graph: centrality measures, most-targeted actors and brokers.

Every function returns rows ranked by score (highest first) with ties broken by
actor id, so the same graph always gives the same table.

* ``degree``: how many relations (of the chosen types) an actor takes part in.
* ``pagerank``: on the directed actor graph (u → v when u acts on v; symmetric
  relations both ways), damping 0.85.
* ``betweenness``: on the undirected actor graph, normalised.
* ``eigenvector``: on the undirected actor graph.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for n in "abc":
...     g.add_node(n, name=n.upper(), kind="state")
>>> _ = g.add_edge("a", "b", key="SANCTIONS", type="SANCTIONS", evidence=[{}])
>>> _ = g.add_edge("c", "b", key="SANCTIONS", type="SANCTIONS", evidence=[{}])
>>> [(r["id"], r["score"]) for r in centrality(g, "degree")]
[('b', 2), ('a', 1), ('c', 1)]
>>> [(r["id"], r["sources"]) for r in most_targeted(g, ["SANCTIONS"])]
[('b', 2)]
>>> [(r["id"], r["open_pairs"]) for r in brokers(g)]
[('b', 1)]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from graph.analysis.views import actor_row, check_types, directed_view, relation_edges, undirected_view, view_pairs
from graph.errors import InputError
from graph.taxonomy import load_taxonomy
from graph.topology import Topology

MEASURES = ("degree", "pagerank", "betweenness", "eigenvector")
ENGINES = ("auto", "networkx", "igraph")
LARGE = 5000  # actors; above this "auto" uses igraph when it is installed
SAMPLE = 256  # betweenness pivots used by default above LARGE actors (exact below)


def _fastgraph(engine: str, n: int) -> Any | None:
    """The igraph-backed module when it should be used, else None (networkx)."""
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; choose {', '.join(ENGINES)}")
    if engine == "networkx" or (engine == "auto" and n <= LARGE):
        return None
    from graph import fastgraph  # lazy: python-igraph costs ~350 ms to import, used only on large graphs

    if not fastgraph.available():
        if engine == "igraph":
            raise RuntimeError("engine 'igraph' asked for but python-igraph is not available")
        return None
    return fastgraph


def degree(g: nx.MultiDiGraph | Topology, types: Iterable[str] | None = None) -> dict[str, float]:
    """Number of relations each actor takes part in (as source or target)."""
    if isinstance(g, Topology):
        return g.degree(types)
    out = dict.fromkeys(g.nodes, 0)
    for u, v, _k in relation_edges(g, types):
        out[u] += 1
        out[v] += 1
    return out


def _pagerank(d: nx.DiGraph, alpha: float = 0.85, tol: float = 1e-12, max_iter: int = 1000) -> dict[str, float]:
    # Power iteration with networkx's conventions (dangling actors spread their
    # rank evenly); written out so that pagerank needs no scipy.
    nodes = list(d)
    n = len(nodes)
    if n == 0:
        return {}
    succ = {v: list(d.successors(v)) for v in nodes}
    dangling = [v for v in nodes if not succ[v]]
    x = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        last = x
        spread = alpha * sum(last[v] for v in dangling) / n + (1.0 - alpha) / n
        x = dict.fromkeys(nodes, spread)
        for v in nodes:
            if succ[v]:
                share = alpha * last[v] / len(succ[v])
                for w in succ[v]:
                    x[w] += share
        if sum(abs(x[v] - last[v]) for v in nodes) < n * tol:
            return x
    raise nx.PowerIterationFailedConvergence(max_iter)


def pagerank(g: nx.MultiDiGraph | Topology, types: Iterable[str] | None = None, alpha: float = 0.85,
             engine: str = "auto") -> dict[str, float]:
    fast = _fastgraph(engine, g.number_of_nodes())
    if fast:  # straight from the multigraph to igraph: the networkx view would cost more than pagerank
        return fast.pagerank(fast.from_pairs(*view_pairs(g, types, directed=True), directed=True), alpha=alpha)
    return _pagerank(directed_view(g, types), alpha=alpha)


def default_sample(n: int) -> int | None:
    """Betweenness pivots used when none are asked for: all (exact) up to :data:`LARGE` actors, else :data:`SAMPLE`."""
    return None if n <= LARGE else SAMPLE


def betweenness(g: nx.MultiDiGraph | Topology, types: Iterable[str] | None = None, engine: str = "auto",
                k: int | None = None, seed: int = 0, processes: int = 1) -> dict[str, float]:
    """Normalised betweenness on the undirected actor graph; with ``k``, estimated from ``k`` pivot
    actors drawn with ``seed`` (as ``networkx.betweenness_centrality(..., k=k, seed=seed)``), else exact.
    ``processes``: worker processes for the igraph engine (see :func:`graph.fastgraph.betweenness`)."""
    n = g.number_of_nodes()
    if k is not None and not 0 < k <= max(n, 1):
        raise InputError(f"sample must be between 1 and the number of actors ({n}), not {k}")
    if k is not None and k >= n:
        k = None  # every actor a pivot: the exact value
    fast = _fastgraph(engine, n)
    if fast:
        return fast.betweenness(fast.from_pairs(*view_pairs(g, types, directed=False), directed=False), k=k, seed=seed,
                                processes=processes)
    return nx.betweenness_centrality(undirected_view(g, types), k=k, seed=seed, normalized=True)


def eigenvector(g: nx.MultiDiGraph | Topology, types: Iterable[str] | None = None, engine: str = "auto") -> dict[str, float]:
    _fastgraph(engine, 0)  # validates the name; igraph has nothing to add here yet
    ug = undirected_view(g, types)
    if ug.number_of_nodes() == 0:
        return {}
    return nx.eigenvector_centrality(ug, max_iter=1000, tol=1e-9)


def _rank(g: nx.MultiDiGraph | Topology, scores: dict[str, float], top: int | None) -> list[dict[str, Any]]:
    # Round for ordering only, so float noise in the last digits cannot reorder ties.
    order = sorted(scores, key=lambda n: (-round(scores[n], 9), n))
    if top is not None:
        order = order[:top]
    return [{"rank": i, **actor_row(g, n), "score": scores[n]} for i, n in enumerate(order, 1)]


def centrality(g: nx.MultiDiGraph | Topology, measure: str = "degree", top: int | None = None,
               types: Iterable[str] | None = None, engine: str = "auto", sample: int | None = None,
               processes: int = 1) -> list[dict[str, Any]]:
    """The ``top`` actors by ``measure`` (one of :data:`MEASURES`), only counting relations of ``types``.

    ``engine``: ``auto`` (igraph for graphs over 5,000 actors when installed),
    ``networkx`` or ``igraph``. ``g`` is the store's graph or its :class:`~graph.topology.Topology`
    (faster to load; the same answers). ``sample``: betweenness from this many pivot actors (seed 0);
    ``None`` means :func:`default_sample`. ``processes``: for betweenness with igraph.
    Rows: ``rank``, ``id``, ``name``, ``kind``, ``score``.
    """
    funcs: dict[str, Callable[..., dict[str, float]]] = {
        "degree": lambda: degree(g, types),
        "pagerank": lambda: pagerank(g, types, engine=engine),
        "betweenness": lambda: betweenness(g, types, engine=engine,
                                           k=sample if sample is not None else default_sample(g.number_of_nodes()),
                                           processes=processes),
        "eigenvector": lambda: eigenvector(g, types, engine=engine),
    }
    if measure not in funcs:
        raise InputError(f"unknown measure {measure!r}; choose {', '.join(MEASURES)}")
    if top is not None and top < 1:
        raise InputError("top must be at least 1")
    return _rank(g, funcs[measure](), top)


def most_targeted(g: nx.MultiDiGraph, types: Iterable[str] | None = None, top: int = 10) -> list[dict[str, Any]]:
    """Per relation type, the actors that the most other actors direct it at.

    Symmetric types count both partners. Rows, by type then rank: ``type``,
    ``rank``, ``id``, ``name``, ``kind``, ``sources`` (distinct actors) and
    ``evidence`` (sentences behind those relations); ties by evidence, then id.
    """
    symmetric = load_taxonomy().symmetric
    check_types(types)
    sources: dict[tuple[str, str], set[str]] = {}
    evidence: dict[tuple[str, str], int] = {}
    for u, v, k in relation_edges(g, types):
        if u == v:
            continue
        ends = [(u, v), (v, u)] if k in symmetric else [(u, v)]
        for s, t in ends:
            sources.setdefault((k, t), set()).add(s)
            evidence[k, t] = evidence.get((k, t), 0) + len(g.edges[u, v, k].get("evidence", []))
    rows: list[dict[str, Any]] = []
    for k in sorted({k for k, _t in sources}):
        targets = sorted((t for kk, t in sources if kk == k),
                         key=lambda t: (-len(sources[k, t]), -evidence[k, t], t))
        for i, t in enumerate(targets[:top], 1):
            rows.append({"type": k, "rank": i, **actor_row(g, t), "sources": len(sources[k, t]),
                         "evidence": evidence[k, t]})
    return rows


def brokers(g: nx.MultiDiGraph, types: Iterable[str] | None = None, top: int = 10) -> list[dict[str, Any]]:
    """Actors that tie together others who have no relation with each other.

    For each actor, ``open_pairs`` counts the pairs of its neighbours (either
    direction, ``types`` only) that have no direct relation between them — the
    structural holes it bridges; ``pairs`` is all pairs of its neighbours. Actors
    with no open pair are left out. Ranked by ``open_pairs``, then id.
    """
    ug = undirected_view(g, types)
    rows = []
    for n in ug.nodes:
        ns = sorted(ug.adj[n])
        k = len(ns)
        open_pairs = sum(1 for i in range(k) for j in range(i + 1, k) if not ug.has_edge(ns[i], ns[j]))
        if open_pairs:
            rows.append({**actor_row(g, n), "neighbours": k, "open_pairs": open_pairs, "pairs": k * (k - 1) // 2})
    rows.sort(key=lambda r: (-r["open_pairs"], r["id"]))
    return [{"rank": i, **r} for i, r in enumerate(rows[:top], 1)]
