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

from graph import fastgraph
from graph.analysis.views import Graph, check_types, reader, undirected_view
from graph.errors import InputError
from graph.taxonomy import load_taxonomy

MEASURES = ("degree", "pagerank", "betweenness", "eigenvector")
ENGINES = ("auto", "networkx", "igraph")
LARGE = 5000  # actors; above this "auto" uses igraph when it is installed
SAMPLE = 256  # betweenness pivots used by default above LARGE actors (exact below)


def use_igraph(engine: str, n: int) -> bool:
    """Whether a measure with two engines (betweenness, communities) runs on igraph for ``n`` actors."""
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; choose {', '.join(ENGINES)}")
    return engine == "igraph" or (engine == "auto" and n > LARGE)


def degree(g: Graph, types: Iterable[str] | None = None) -> dict[str, int]:
    """Number of relations each actor takes part in (as source or target)."""
    return reader(g).degree(check_types(types))


def pagerank(g: Graph, types: Iterable[str] | None = None, alpha: float = 0.85,
             engine: str = "auto") -> dict[str, float]:
    """PageRank of the directed actor graph (see the module doc). One path for every engine and size:
    igraph on the view's index pairs, which gives networkx's answers (to 1e-9, tests/test_analysis.py)
    and is the fastest at every size; ``engine`` is only checked."""
    use_igraph(engine, 0)
    return fastgraph.pagerank(fastgraph.from_pairs(*reader(g).pairs(check_types(types), directed=True)), alpha=alpha)


def default_sample(n: int) -> int | None:
    """Betweenness pivots used when none are asked for: all (exact) up to :data:`LARGE` actors, else :data:`SAMPLE`."""
    return None if n <= LARGE else SAMPLE


def betweenness(g: Graph, types: Iterable[str] | None = None, engine: str = "auto",
                k: int | None = None, seed: int = 0, processes: int = 1) -> dict[str, float]:
    """Normalised betweenness on the undirected actor graph; with ``k``, estimated from ``k`` pivot
    actors drawn with ``seed`` (as ``networkx.betweenness_centrality(..., k=k, seed=seed)``), else exact.
    ``processes``: worker processes for the igraph engine (see :func:`graph.fastgraph.betweenness`)."""
    r = reader(g)
    n = r.number_of_nodes()
    if k is not None and not 0 < k <= max(n, 1):
        raise InputError(f"sample must be between 1 and the number of actors ({n}), not {k}")
    if k is not None and k >= n:
        k = None  # every actor a pivot: the exact value
    if use_igraph(engine, n):
        conv = fastgraph.from_pairs(*r.pairs(check_types(types), directed=False), directed=False)
        return fastgraph.betweenness(conv, k=k, seed=seed, processes=processes)
    return nx.betweenness_centrality(undirected_view(r, types), k=k, seed=seed, normalized=True)


def eigenvector(g: Graph, types: Iterable[str] | None = None, engine: str = "auto") -> dict[str, float]:
    use_igraph(engine, 0)  # validates the name; igraph has nothing to add here yet
    ug = undirected_view(g, types)
    if ug.number_of_nodes() == 0:
        return {}
    return nx.eigenvector_centrality(ug, max_iter=1000, tol=1e-9)


def _rank(g: Graph, scores: dict[str, float], top: int | None) -> list[dict[str, Any]]:
    # Round for ordering only, so float noise in the last digits cannot reorder ties.
    order = sorted(scores, key=lambda n: (-round(scores[n], 9), n))
    if top is not None:
        order = order[:top]
    r = reader(g)
    return [{"rank": i, **r.row(n), "score": scores[n]} for i, n in enumerate(order, 1)]


def centrality(g: Graph, measure: str = "degree", top: int | None = None,
               types: Iterable[str] | None = None, engine: str = "auto", sample: int | None = None,
               processes: int = 1) -> list[dict[str, Any]]:
    """The ``top`` actors by ``measure`` (one of :data:`MEASURES`), only counting relations of ``types``.

    ``engine``: ``auto`` (igraph for graphs over 5,000 actors when installed),
    ``networkx`` or ``igraph`` (pagerank: igraph always, see :func:`pagerank`). ``g`` is a
    :class:`~graph.reader.GraphReader` (the store's :class:`~graph.topology.Topology` is the fastest to
    load), a store or its networkx graph: the same answers. ``sample``: betweenness from this many pivot actors (seed 0);
    ``None`` means :func:`default_sample`. ``processes``: for betweenness with igraph.
    Rows: ``rank``, ``id``, ``name``, ``kind``, ``score``.
    """
    g = reader(g)
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


def most_targeted(g: Graph, types: Iterable[str] | None = None, top: int = 10) -> list[dict[str, Any]]:
    """Per relation type, the actors that the most other actors direct it at.

    Symmetric types count both partners. Rows, by type then rank: ``type``,
    ``rank``, ``id``, ``name``, ``kind``, ``sources`` (distinct actors) and
    ``evidence`` (sentences behind those relations); ties by evidence, then id.
    """
    symmetric = load_taxonomy().symmetric
    r = reader(g)
    sources: dict[tuple[str, str], set[str]] = {}
    evidence: dict[tuple[str, str], int] = {}
    for u, v, k in r.relations(check_types(types)):
        if u == v:
            continue
        ends = [(u, v), (v, u)] if k in symmetric else [(u, v)]
        count = r.summary(u, v, k).count
        for s, t in ends:
            sources.setdefault((k, t), set()).add(s)
            evidence[k, t] = evidence.get((k, t), 0) + count
    rows: list[dict[str, Any]] = []
    for k in sorted({k for k, _t in sources}):
        targets = sorted((t for kk, t in sources if kk == k),
                         key=lambda t: (-len(sources[k, t]), -evidence[k, t], t))
        for i, t in enumerate(targets[:top], 1):
            rows.append({"type": k, "rank": i, **r.row(t), "sources": len(sources[k, t]),
                         "evidence": evidence[k, t]})
    return rows


def brokers(g: Graph, types: Iterable[str] | None = None, top: int = 10) -> list[dict[str, Any]]:
    """Actors that tie together others who have no relation with each other.

    For each actor, ``open_pairs`` counts the pairs of its neighbours (either
    direction, ``types`` only) that have no direct relation between them — the
    structural holes it bridges; ``pairs`` is all pairs of its neighbours. Actors
    with no open pair are left out. Ranked by ``open_pairs``, then id.
    """
    r = reader(g)
    ug = undirected_view(r, types)
    rows = []
    for n in ug.nodes:
        ns = sorted(ug.adj[n])
        k = len(ns)
        open_pairs = sum(1 for i in range(k) for j in range(i + 1, k) if not ug.has_edge(ns[i], ns[j]))
        if open_pairs:
            rows.append({**r.row(n), "neighbours": k, "open_pairs": open_pairs, "pairs": k * (k - 1) // 2})
    rows.sort(key=lambda r: (-r["open_pairs"], r["id"]))
    return [{"rank": i, **r} for i, r in enumerate(rows[:top], 1)]
