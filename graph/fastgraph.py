"""Fast graph algorithms for the analysis, computed with python-igraph.

:mod:`graph.analysis` hands over the simple actor graph it works on as sorted actor ids and
``(i, j)`` index pairs (:meth:`graph.reader.GraphReader.pairs`); :func:`from_pairs` makes the
igraph copy, and :func:`pagerank` and :func:`betweenness` answer in actor ids with networkx's
definitions and scaling (tests/test_fastgraph.py holds them to networkx's answers), 10–100×
faster on large graphs. Shortest paths and neighbourhoods are not here: the analysis walks
only the actors a query reaches (:mod:`graph.analysis.paths`, :mod:`graph.analysis.neighbours`).

>>> round(sum(pagerank(from_pairs(["a", "b", "c"], [(0, 1), (1, 2)])).values()), 6)
1.0
"""

from __future__ import annotations

import importlib.util
import math
import multiprocessing
import random
import sys
from dataclasses import dataclass
from typing import Any

from graph.errors import InputError
from graph.store import pause_gc


def available() -> bool:
    """True when python-igraph is installed, so these functions can run."""
    return importlib.util.find_spec("igraph") is not None


def _igraph() -> Any:
    """The igraph module, imported on first use: it takes 0.1–0.3 s to import, which listings and
    reports that never reach an igraph measure (actors, relations, small paths) should not pay."""
    try:
        import igraph  # lazy: heavy (see above)
    except ImportError:  # pragma: no cover - igraph is a dependency; this keeps the error readable
        raise RuntimeError("python-igraph is not installed (pip install python-igraph)") from None
    return igraph


@dataclass
class _Converted:
    names: list[str]
    index: dict[str, int]
    graph: Any  # one igraph edge per linked (u, v) pair: shortest paths count a neighbour once, as in networkx


def from_pairs(names: list[str], pairs: list[tuple[int, int]], directed: bool = True) -> _Converted:
    """An igraph copy of a simple graph given as vertex names and ``(i, j)`` index pairs
    (as :func:`graph.analysis.views.view_pairs` gives them), which the functions here take.

    >>> round(sum(pagerank(from_pairs(["a", "b"], [(0, 1), (1, 0)])).values()), 6)
    1.0
    """
    ig = _igraph()
    with pause_gc():
        graph = ig.Graph(n=len(names), edges=pairs, directed=directed)
        return _Converted(list(names), {n: i for i, n in enumerate(names)}, graph)


def pagerank(conv: _Converted, alpha: float = 0.85) -> dict[str, float]:
    """PageRank as ``networkx.pagerank`` gives it on the same simple graph (dangling nodes spread evenly).

    >>> {n: round(p, 6) for n, p in pagerank(from_pairs(["a", "b"], [(0, 1), (1, 0)])).items()}
    {'a': 0.5, 'b': 0.5}
    """
    if not conv.names:
        return {}
    # ARPACK: 1.7× less CPU than PRPACK on a 1M-relation graph and 10-100× less than a power iteration
    # in Python, networkx's answer to 1e-12. Its start vector is random: a private generator with a
    # fixed seed makes the same graph give the same digits (the global one is left as it was).
    ig = _igraph()
    ig.set_random_number_generator(random.Random(0))
    try:
        scores = conv.graph.pagerank(damping=alpha, directed=conv.graph.is_directed(), implementation="arpack")
    finally:
        ig.set_random_number_generator(random)
    return dict(zip(conv.names, scores, strict=True))


def betweenness(conv: _Converted, k: int | None = None, seed: int | None = 0,
                normalized: bool = True, processes: int = 1) -> dict[str, float]:
    """Shortest-path betweenness, as ``networkx.betweenness_centrality(g, k=k, seed=seed)``.

    With ``k`` the sum runs over ``k`` pivot sources drawn exactly as networkx draws them
    (``random.Random(seed).sample(list(g), k)``), then is scaled as networkx scales a sample,
    so the same seed gives the same numbers; without ``k`` it is exact.

    ``processes`` > 1 splits the sources between forked worker processes (POSIX only) and adds
    their sums: the same numbers up to float rounding, in less wall time on several cores.

    >>> betweenness(from_pairs(["a", "b", "c"], [(0, 1), (1, 2)]))["b"]
    0.5
    """
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
    probe = _igraph().Graph(n=3, edges=[(0, 1)]).permute_vertices([1, 2, 0])
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
