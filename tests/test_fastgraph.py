"""graph.fastgraph gives the same answers as networkx on small random graphs."""

from __future__ import annotations

import itertools
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


GRAPHS = [random_multigraph(n, m, seed) for n, m, seed in ((30, 60, 1), (60, 200, 2), (80, 120, 3), (40, 300, 4))]


@pytest.mark.parametrize("g", GRAPHS)
def test_pagerank_matches_networkx(g):
    want = nx.pagerank(g, alpha=0.85, tol=1e-12, max_iter=1000)
    got = fg.pagerank(g)
    assert got.keys() == want.keys()
    assert max(abs(got[n] - want[n]) for n in g) < 1e-6


@pytest.mark.parametrize("g", GRAPHS)
def test_exact_betweenness_matches_networkx(g):
    want = nx.betweenness_centrality(g)
    got = fg.betweenness(g)
    assert max(abs(got[n] - want[n]) for n in g) < 1e-9
    assert max(want.values()) > 0  # the graphs have paths through intermediaries


@pytest.mark.parametrize("g", GRAPHS)
@pytest.mark.parametrize("k", [1, 5, 17])
def test_sampled_betweenness_matches_networkx_with_the_same_seed(g, k):
    want = nx.betweenness_centrality(g, k=k, seed=7)
    got = fg.betweenness(g, k=k, seed=7)
    for n in g:
        assert got[n] == pytest.approx(want[n], abs=1e-9, nan_ok=True)


def test_sampled_betweenness_is_an_unbiased_estimate():
    g = GRAPHS[1]
    exact = fg.betweenness(g)
    runs = [fg.betweenness(g, k=20, seed=s) for s in range(300)]
    top = max(exact, key=exact.get)
    mean = sum(r[top] for r in runs) / len(runs)
    assert mean == pytest.approx(exact[top], rel=0.05)


def test_undirected_betweenness_matches_networkx():
    g = random_multigraph(40, 90, 5, directed=False)
    want = nx.betweenness_centrality(g)
    got = fg.betweenness(g)
    assert max(abs(got[n] - want[n]) for n in g) < 1e-9
    want = nx.betweenness_centrality(g, k=9, seed=3)
    got = fg.betweenness(g, k=9, seed=3)
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
    assert fg.to_igraph(g).graph.vcount() >= fg._REORDER_FROM
    want = nx.betweenness_centrality(g, k=80, seed=5)  # 80 pivots: two processes take 40 each
    got = fg.betweenness(g, k=80, seed=5, processes=processes)
    assert max(abs(got[v] - want[v]) for v in g) < 1e-9
    assert sum(1 for v in g if want[v] > 0) > 100


@pytest.mark.parametrize("g", GRAPHS)
def test_degree_matches_networkx(g):
    assert fg.degree(g) == dict(g.degree())
    assert fg.degree(g, "in") == dict(g.in_degree())
    assert fg.degree(g, "out") == dict(g.out_degree())


@pytest.mark.parametrize("g", GRAPHS)
def test_shortest_path_has_networkx_length(g):
    rng = random.Random(11)
    nodes = list(g)
    und = g.to_undirected(as_view=True)
    for _ in range(40):
        s, t = rng.sample(nodes, 2)
        for directed, graph in ((True, g), (False, und)):
            path = fg.shortest_path(g, s, t, directed=directed)
            try:
                want = nx.shortest_path_length(graph, s, t)
            except nx.NetworkXNoPath:
                assert path is None
                continue
            assert path is not None and path[0] == s and path[-1] == t
            assert len(path) - 1 == want
            assert all(graph.has_edge(a, b) for a, b in itertools.pairwise(path))


@pytest.mark.parametrize("g", GRAPHS)
@pytest.mark.parametrize("depth", [1, 2, 3])
@pytest.mark.parametrize("converted", [True, False])
def test_neighbourhood_matches_networkx(g, depth, converted):
    g = g.copy()  # a fresh graph has no igraph copy until to_igraph builds it
    if converted:
        fg.to_igraph(g)
    und = g.to_undirected(as_view=True)
    for node in list(g)[:10]:
        want = set(nx.single_source_shortest_path_length(und, node, cutoff=depth)) - {node}
        assert fg.neighbourhood(g, node, depth) == want
        want_out = set(nx.single_source_shortest_path_length(g, node, cutoff=depth)) - {node}
        assert fg.neighbourhood(g, node, depth, directed=True) == want_out


def test_conversion_is_cached_and_follows_changes():
    g = random_multigraph(20, 40, 9)
    first = fg.to_igraph(g)
    assert fg.to_igraph(g) is first
    g.add_edge("n0", "new")
    again = fg.to_igraph(g)
    assert again is not first and "new" in again.index
    assert fg.degree(g)["new"] == 1
    # A change that keeps node and edge counts still refreshes the copy (networkx clears its cache).
    u, v, k = next(iter(g.edges(keys=True)))
    g.remove_edge(u, v, k)
    g.add_edge(v, u, key=k)
    assert fg.degree(g, "out")[v] == g.out_degree(v)
    assert fg.shortest_path(g, v, u) == [v, u]


def test_unknown_node_and_bad_k():
    g = GRAPHS[0]
    with pytest.raises(nx.NodeNotFound):
        fg.shortest_path(g, "n0", "nobody")
    with pytest.raises(ValueError):
        fg.betweenness(g, k=10_000)


def test_empty_graph():
    g = nx.MultiDiGraph()
    assert fg.pagerank(g) == {}
    assert fg.betweenness(g) == {}
    assert fg.degree(g) == {}
