"""graph.fastgraph gives the same answers as networkx on small random graphs: the simple graph the
analysis hands it (index pairs), compared with networkx on that same simple graph."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from graph import fastgraph as fg

pytestmark = pytest.mark.skipif(not fg.available(), reason="python-igraph is not installed")


def random_multigraph(n: int, m: int, seed: int, directed: bool = True) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    g = nx.MultiDiGraph() if directed else nx.MultiGraph()
    g.add_nodes_from(f"n{i}" for i in range(n))
    types = ["MEETS", "CRITICISES", "SANCTIONS"]
    for _ in range(m):
        u, v = rng.sample(range(n), 2)
        g.add_edge(f"n{u}", f"n{v}", key=rng.choice(types))  # parallel edges of different types
    return g


def conv(g: nx.Graph) -> fg._Converted:
    """The igraph copy of ``g`` as the analysis makes it: sorted ids, one pair per linked (u, v)."""
    names = sorted(g)
    index = {n: i for i, n in enumerate(names)}
    pairs = {(index[u], index[v]) for u, v in g.edges() if u != v}
    if not g.is_directed():
        pairs = {(min(p), max(p)) for p in pairs}
    return fg.from_pairs(names, sorted(pairs), directed=g.is_directed())


def simple(g: nx.Graph) -> nx.Graph:
    """``g`` without parallel edges, actors in sorted order (networkx draws betweenness pivots in node order)."""
    out = nx.DiGraph() if g.is_directed() else nx.Graph()
    out.add_nodes_from(sorted(g))
    out.add_edges_from(g.edges())
    return out


GRAPHS = [random_multigraph(n, m, seed) for n, m, seed in ((30, 60, 1), (60, 200, 2), (80, 120, 3), (40, 300, 4))]


@pytest.mark.parametrize("g", GRAPHS)
def test_pagerank_matches_networkx(g):
    want = nx.pagerank(simple(g), alpha=0.85, tol=1e-12, max_iter=1000)
    got = fg.pagerank(conv(g))
    assert got.keys() == want.keys()
    assert max(abs(got[n] - want[n]) for n in g) < 1e-9
    assert fg.pagerank(conv(g)) == got  # the same digits every time (ARPACK's start vector is seeded)


@pytest.mark.parametrize("g", GRAPHS)
def test_exact_betweenness_matches_networkx(g):
    want = nx.betweenness_centrality(simple(g))
    got = fg.betweenness(conv(g))
    assert max(abs(got[n] - want[n]) for n in g) < 1e-9
    assert max(want.values()) > 0  # the graphs have paths through intermediaries


@pytest.mark.parametrize("g", GRAPHS)
@pytest.mark.parametrize("k", [1, 5, 17])
def test_sampled_betweenness_matches_networkx_with_the_same_seed(g, k):
    want = nx.betweenness_centrality(simple(g), k=k, seed=7)
    got = fg.betweenness(conv(g), k=k, seed=7)
    for n in g:
        assert got[n] == pytest.approx(want[n], abs=1e-9, nan_ok=True)


def test_sampled_betweenness_is_an_unbiased_estimate():
    g = GRAPHS[1]
    exact = fg.betweenness(conv(g))
    runs = [fg.betweenness(conv(g), k=20, seed=s) for s in range(300)]
    top = max(exact, key=exact.get)
    mean = sum(r[top] for r in runs) / len(runs)
    assert mean == pytest.approx(exact[top], rel=0.05)


def test_undirected_betweenness_matches_networkx():
    g = random_multigraph(40, 90, 5, directed=False)
    want = nx.betweenness_centrality(simple(g))
    got = fg.betweenness(conv(g))
    assert max(abs(got[n] - want[n]) for n in g) < 1e-9
    want = nx.betweenness_centrality(simple(g), k=9, seed=3)
    got = fg.betweenness(conv(g), k=9, seed=3)
    assert max(abs(got[n] - want[n]) for n in g) < 1e-9


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("processes", [1, 2])
def test_betweenness_on_a_renumbered_large_graph_matches_networkx(directed, processes):
    # Above fg._REORDER_FROM vertices the graph is renumbered in breadth-first order before the
    # searches: several components (and isolated actors) check that every answer goes back to its actor.
    n = fg._REORDER_FROM + 700
    g = random_multigraph(n, 3 * n, 4, directed=directed)
    g.add_nodes_from(f"lonely-{i}" for i in range(5))
    g.add_edges_from([("pair-a", "pair-b"), ("tri-a", "tri-b"), ("tri-b", "tri-c")])
    c = conv(g)
    assert c.graph.vcount() >= fg._REORDER_FROM
    want = nx.betweenness_centrality(simple(g), k=80, seed=5)  # 80 pivots: two processes take 40 each
    got = fg.betweenness(c, k=80, seed=5, processes=processes)
    assert max(abs(got[v] - want[v]) for v in g) < 1e-9
    assert sum(1 for v in g if want[v] > 0) > 100


def test_bad_k():
    with pytest.raises(ValueError):
        fg.betweenness(conv(GRAPHS[0]), k=10_000)


def test_empty_graph():
    g = conv(nx.MultiDiGraph())
    assert fg.pagerank(g) == {}
    assert fg.betweenness(g) == {}
