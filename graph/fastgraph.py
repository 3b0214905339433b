"""Fast graph algorithms on the store's networkx graph, computed with python-igraph.

The functions take the same ``networkx.MultiDiGraph`` the store holds and answer
in actor ids, like their networkx counterparts (same definitions, same scaling),
but 10–100× faster on large graphs. The igraph copy of a graph is built once and
cached per graph object; it is rebuilt when the graph's node or edge count
changes, or after :func:`invalidate`.

>>> import networkx as nx
>>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "b")])
>>> shortest_path(g, "a", "c")
['a', 'b', 'c']
>>> sorted(neighbourhood(g, "a", depth=2))
['b', 'c']
>>> round(sum(pagerank(g).values()), 6)
1.0
"""

from __future__ import annotations

import math
import multiprocessing
import random
import sys
import weakref
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.errors import InputError
from graph.store import pause_gc

try:
    import igraph as ig
except ImportError:  # pragma: no cover - igraph is a dependency; this keeps callers' fallbacks working
    ig = None


def available() -> bool:
    """True when python-igraph is installed, so these functions can run."""
    return ig is not None


@dataclass
class _Converted:
    stamp: tuple[int, int]
    names: list[str]
    index: dict[str, int]
    graph: Any                  # one igraph edge per linked (u, v) pair: shortest paths count a neighbour once, as in networkx
    weights: list[int] | None   # parallel edges per pair (relation types), which pagerank and degree count; None if all 1


_CACHE_KEY = "actorgraph.fastgraph"
_fallback: weakref.WeakKeyDictionary[nx.Graph, _Converted] = weakref.WeakKeyDictionary()


def _stamp(g: nx.Graph) -> tuple[int, int]:
    # For networkx < 3.3, which has no per-graph cache that its mutating methods clear.
    return (len(g), sum(map(len, g._adj.values())))


def to_igraph(g: nx.Graph) -> _Converted:
    """The (cached) igraph copy of ``g``: vertices in ``list(g)`` order, named by node."""
    if ig is None:
        raise RuntimeError("python-igraph is not installed (pip install python-igraph)")
    cache = getattr(g, "__networkx_cache__", None)
    if cache is not None and _CACHE_KEY in cache:
        return cache[_CACHE_KEY]  # networkx drops it on any change made through its API
    stamp = _stamp(g)
    conv = _fallback.get(g)
    if conv is not None and conv.stamp == stamp:
        return conv
    with pause_gc():
        conv = _convert(g, stamp)
    if cache is not None:
        cache[_CACHE_KEY] = conv
    else:  # pragma: no cover - networkx < 3.3
        _fallback[g] = conv
    return conv


def from_pairs(names: list[str], pairs: list[tuple[int, int]], directed: bool = True) -> _Converted:
    """An igraph copy of a simple graph given as vertex names and ``(i, j)`` index pairs
    (as :func:`graph.analysis.views.view_pairs` gives them); the functions here accept it in place
    of a networkx graph.

    >>> round(sum(pagerank(from_pairs(["a", "b"], [(0, 1), (1, 0)])).values()), 6)
    1.0
    """
    if ig is None:
        raise RuntimeError("python-igraph is not installed (pip install python-igraph)")
    with pause_gc():
        graph = ig.Graph(n=len(names), edges=pairs, directed=directed)
        return _Converted((len(names), len(pairs)), list(names), {n: i for i, n in enumerate(names)}, graph, None)


def _as_igraph(g: nx.Graph | _Converted) -> _Converted:
    return g if isinstance(g, _Converted) else to_igraph(g)


def _convert(g: nx.Graph, stamp: tuple[int, int]) -> _Converted:
    names = list(g._adj)
    index = {n: i for i, n in enumerate(names)}
    src: list[int] = []
    dst: list[int] = []
    weights: list[int] = []
    directed = g.is_directed()
    multi = g.is_multigraph()
    for iu, nbrs in enumerate(g._adj.values()):
        for v, kd in nbrs.items():
            iv = index[v]
            if directed or iu <= iv:  # an undirected edge is listed under both ends
                src.append(iu)
                dst.append(iv)
                weights.append(len(kd) if multi else 1)
    graph = ig.Graph(n=len(names), edges=list(zip(src, dst, strict=True)), directed=directed)
    return _Converted(stamp, names, index, graph, weights if any(w != 1 for w in weights) else None)


def invalidate(g: nx.Graph) -> None:
    """Forget the cached igraph copy of ``g`` (needed only after changing ``g`` behind networkx's back)."""
    cache = getattr(g, "__networkx_cache__", None)
    if cache is not None:
        cache.pop(_CACHE_KEY, None)
    _fallback.pop(g, None)


def pagerank(g: nx.Graph | _Converted, alpha: float = 0.85) -> dict[str, float]:
    """PageRank as ``networkx.pagerank(g, alpha)``: parallel edges add weight, dangling nodes spread evenly.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "a")])
    >>> {n: round(p, 6) for n, p in pagerank(g).items()}
    {'a': 0.5, 'b': 0.5}
    """
    conv = _as_igraph(g)
    if not conv.names:
        return {}
    # ARPACK: 1.7× less CPU than PRPACK on a 1M-relation graph, same answer to 1e-9.
    scores = conv.graph.pagerank(damping=alpha, directed=conv.graph.is_directed(), weights=conv.weights,
                                 implementation="arpack")
    return dict(zip(conv.names, scores, strict=True))


def betweenness(g: nx.Graph | _Converted, k: int | None = None, seed: int | None = 0,
                normalized: bool = True, processes: int = 1) -> dict[str, float]:
    """Shortest-path betweenness, as ``networkx.betweenness_centrality(g, k=k, seed=seed)``.

    With ``k`` the sum runs over ``k`` pivot sources drawn exactly as networkx draws them
    (``random.Random(seed).sample(list(g), k)``), then is scaled as networkx scales a sample,
    so the same seed gives the same numbers; without ``k`` it is exact.

    ``processes`` > 1 splits the sources between forked worker processes (POSIX only) and adds
    their sums: the same numbers up to float rounding, in less wall time on several cores.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> betweenness(g)["b"]
    0.5
    """
    conv = _as_igraph(g)
    n = len(conv.names)
    sg = conv.graph
    directed = sg.is_directed()
    if k is not None and not 0 < k <= n:
        raise InputError(f"k must be between 1 and the number of nodes ({n}), not {k}")
    if k is None or k == n:
        pivots = None
        raw = _betweenness_sums(sg, list(range(n)), processes) if processes > 1 else sg.betweenness(directed=directed)
    else:
        pivots = random.Random(seed).sample(conv.names, k)
        raw = _betweenness_sums(sg, [conv.index[p] for p in pivots], processes)
    if not directed:
        raw = [2 * x for x in raw]  # igraph counts each unordered pair once; networkx sums ordered (s, t)
    return dict(zip(conv.names, _rescale(raw, n, directed, normalized, pivots, conv.index), strict=True))


_MIN_SOURCES_PER_PROCESS = 32  # below this, starting a process costs more than it saves


def _sources_sum(sg: Any, sources: list[int]) -> list[float]:
    return sg.betweenness(directed=sg.is_directed(), sources=sources, targets=None)


def _child(sg: Any, sources: list[int], conn: Any) -> None:
    try:
        conn.send(_sources_sum(sg, sources))
    finally:
        conn.close()


_REORDER_FROM = 2000  # vertices; below this the graph fits in cache anyway


def _bfs_order(sg: Any) -> list[int]:
    """A renumbering of the vertices in breadth-first order (each component from its best-linked
    vertex): ``perm[old] = new``. Neighbours then sit close in memory, so every breadth-first
    search of betweenness misses the cache less: about 2× faster on a 100k-actor graph."""
    degree = sg.degree()
    order: list[int] = []
    for comp in sorted(sg.connected_components(mode="weak"), key=len, reverse=True):
        if len(comp) <= 2:
            order.extend(comp)
            continue
        hub = max(comp, key=lambda v: (degree[v], -v))
        vids = sg.bfs(hub, mode="all")[0]
        order.extend(vids)
    perm = [0] * len(order)
    for new, old in enumerate(order):
        perm[old] = new
    return perm


def _renumbered(sg: Any, perm: list[int]) -> Any:
    """``sg`` with vertex ``i`` renumbered ``perm[i]``."""
    # igraph's permute_vertices has read its argument both ways across versions: ask it which.
    probe = ig.Graph(n=3, edges=[(0, 1)]).permute_vertices([1, 2, 0])
    if sorted(probe.get_edgelist()[0]) == [1, 2]:
        return sg.permute_vertices(perm)
    inverse = [0] * len(perm)
    for old, new in enumerate(perm):
        inverse[new] = old
    return sg.permute_vertices(inverse)


def _betweenness_sums(sg: Any, sources: list[int], processes: int, reorder: bool = True) -> list[float]:
    """Unscaled betweenness over ``sources``, the sources split between ``processes`` forked processes.

    Each child gets its graph and sources at fork time (nothing pickled but the result): igraph holds
    the GIL while it computes, so a pool's feeder thread would not hand out work until the parent's
    share was done.
    """
    if reorder and sg.vcount() >= _REORDER_FROM:
        perm = _bfs_order(sg)
        raw = _betweenness_sums(_renumbered(sg, perm), [perm[s] for s in sources], processes, reorder=False)
        return [raw[p] for p in perm]
    processes = max(1, min(processes, len(sources) // _MIN_SOURCES_PER_PROCESS))
    if processes == 1 or sys.platform == "win32" or "fork" not in multiprocessing.get_all_start_methods():
        return _sources_sum(sg, sources)
    ctx = multiprocessing.get_context("fork")
    children = []
    try:
        for i in range(1, processes):
            recv, send = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_child, args=(sg, sources[i::processes], send), daemon=True)
            proc.start()
            send.close()
            children.append((proc, recv))
        total = _sources_sum(sg, sources[0::processes])  # this process takes a share too
        for proc, recv in children:
            try:
                part = recv.recv()
            except EOFError:
                raise RuntimeError(f"betweenness worker process failed (exit code {proc.exitcode})") from None
            total = [a + b for a, b in zip(total, part, strict=True)]
    finally:
        for proc, recv in children:
            recv.close()
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
    return total


def _rescale(raw: list[float], n: int, directed: bool, normalized: bool, pivots: list[str] | None,
             index: dict[str, int]) -> list[float]:
    # networkx 3.6 scaling with endpoints=False: pairs (s, t), s != t, neither being v.
    big_n = n - 1
    if big_n < 2:
        return list(raw)
    correction = 1 if directed else 2
    if pivots is None:
        scale = 1 / (big_n * (big_n - 1)) if normalized else 1 / correction
        return [x * scale for x in raw]
    k = len(pivots)
    if normalized:
        s_src = 1 / ((k - 1) * (big_n - 1)) if k > 1 else math.nan
        s_other = 1 / (k * (big_n - 1))
    else:
        s_src = big_n / ((k - 1) * correction) if k > 1 else math.nan
        s_other = big_n / (k * correction)
    out = [x * s_other for x in raw]
    for p in pivots:
        i = index[p]
        out[i] = raw[i] * s_src
    return out


def degree(g: nx.Graph, mode: str = "all") -> dict[str, int]:
    """Number of relations per actor (``mode`` "in", "out" or "all"), parallel edges counted, as ``g.degree``."""
    conv = to_igraph(g)
    modes = {"all": "all", "in": "in", "out": "out"}
    if mode not in modes:
        raise InputError(f"mode must be one of {', '.join(modes)}, not {mode!r}")
    if conv.weights is None:
        return dict(zip(conv.names, conv.graph.degree(mode=modes[mode]), strict=True))
    strength = conv.graph.strength(mode=modes[mode], weights=conv.weights)
    return dict(zip(conv.names, map(int, strength), strict=True))


def shortest_path(g: nx.Graph, source: str, target: str, directed: bool = True) -> list[str] | None:
    """One shortest path from ``source`` to ``target`` (following edge directions unless ``directed=False``),
    or None when there is none.

    This one stays with networkx: its bidirectional search answers one pair in well under a
    millisecond on a 1M-relation graph, less than a one-sided igraph search and far less than
    building the igraph copy.
    """
    for node in (source, target):
        if node not in g:
            raise nx.NodeNotFound(f"node {node!r} is not in the graph")
    graph = g if directed or not g.is_directed() else g.to_undirected(as_view=True)
    try:
        return nx.bidirectional_shortest_path(graph, source, target)
    except nx.NetworkXNoPath:
        return None


def neighbourhood(g: nx.Graph, node: str, depth: int = 1, directed: bool = False) -> set[str]:
    """Actors within ``depth`` hops of ``node`` (edges in either direction unless ``directed=True``),
    not counting ``node`` itself. Uses the igraph copy when one is already built, networkx otherwise
    (building the copy for one small query would cost more than the query)."""
    if node not in g:
        raise nx.NodeNotFound(f"node {node!r} is not in the graph")
    if depth < 1:
        return set()
    cache = getattr(g, "__networkx_cache__", None) or {}
    conv = cache.get(_CACHE_KEY)
    if conv is not None and ig is not None:
        mode = "out" if directed and g.is_directed() else "all"
        return {conv.names[i] for i in conv.graph.neighborhood(conv.index[node], order=depth, mode=mode, mindist=1)}
    graph = g if directed or not g.is_directed() else g.to_undirected(as_view=True)
    return set(nx.single_source_shortest_path_length(graph, node, cutoff=depth)) - {node}
