"""graph.topology.Topology: the arrays that structure reports load instead of the networkx graph give
the same answers as the graph itself (centrality, stats, paths with their evidence)."""

from __future__ import annotations

import json

import pytest

from graph.analysis import all_shortest_paths, centrality, shortest_path, stats
from graph.analysis.views import view_pairs
from graph.model import Evidence, Relation
from graph.reader import GraphReader
from graph.store import GraphStore, StoreNotFound, StoreReader
from graph.topology import Topology
from tests.conftest import make_random_store


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    store = make_random_store(tmp_path_factory.mktemp("topo") / "s", actors=150, relations=600)
    # A self-relation and a dated one, so density, isolated actors and the date range are exercised.
    ev = Evidence(doc="doc-001", sentence="Actor 3 reports on itself.", start=0, end=10, date="2019-03-04")
    store.add_relation(Relation(source="actor-0003", type="REPORTS_ON", target="actor-0003", evidence=[ev]))
    store.save()
    return GraphStore.open(store.path)


@pytest.fixture(scope="module")
def topo(saved):
    return Topology.open(saved.path)


def test_topology_file_gives_the_same_columns_as_the_graph(saved, topo):
    built = Topology.from_graph(saved.graph, {d: doc.date for d, doc in saved.documents.items()})
    assert topo._graph is None, "read from the topology file, not the store"
    for attr in ("ids", "names", "kinds", "aliases", "type_names", "first_dates", "last_dates", "documents"):
        assert getattr(topo, attr) == getattr(built, attr), attr
    for attr in ("source", "target", "type_codes", "evidence_count"):
        assert getattr(topo, attr).tolist() == getattr(built, attr).tolist(), attr


@pytest.mark.parametrize("measure", ["degree", "pagerank", "betweenness", "eigenvector"])
@pytest.mark.parametrize("engine", ["networkx", "igraph"])
@pytest.mark.parametrize("types", [None, ["CRITICISES", "MEETS", "SANCTIONS"]])
def test_centrality_on_topology_equals_the_graph(saved, topo, measure, engine, types):
    a = centrality(saved.graph, measure, top=25, types=types, engine=engine)
    b = centrality(topo, measure, top=25, types=types, engine=engine)
    assert [r["id"] for r in a] == [r["id"] for r in b]
    assert [r["score"] for r in b] == pytest.approx([r["score"] for r in a], rel=1e-9, abs=1e-12)
    assert [(r["name"], r["kind"]) for r in a] == [(r["name"], r["kind"]) for r in b]


@pytest.mark.parametrize("directed", [True, False])
def test_pairs_equal_the_views(saved, topo, directed):
    names, pairs = view_pairs(saved.graph, directed=directed)
    names2, pairs2 = topo.pairs(directed=directed)
    assert names == names2 and sorted(pairs) == pairs2


def test_stats_on_topology_equal_the_graph(saved, topo):
    doc_dates = {d: doc.date for d, doc in saved.documents.items()}
    want = stats(saved.graph, doc_dates)
    got = stats(topo, topo.documents)
    assert json.dumps(got) == json.dumps(want)  # same keys, same order, same values
    assert got["first_date"] == "2019-03-04" and got["isolated_actors"] >= 5


def _pairs_to_check(saved, n=40):
    import random

    rng = random.Random(3)
    nodes = sorted(saved.graph)
    return [tuple(rng.sample(nodes, 2)) for _ in range(n)]


@pytest.mark.parametrize("undirected", [False, True])
@pytest.mark.parametrize("types", [None, ["CRITICISES", "MEETS", "NEGOTIATES", "SUPPORTS"]])
def test_paths_on_topology_equal_the_graph_with_evidence(saved, topo, undirected, types):
    found = 0
    for a, b in _pairs_to_check(saved):
        p = shortest_path(saved.graph, a, b, types, undirected=undirected)
        assert shortest_path(topo, a, b, types, undirected=undirected) == p
        found += p is not None
        assert all_shortest_paths(topo, a, b, types, undirected=undirected, limit=20) == \
            all_shortest_paths(saved.graph, a, b, types, undirected=undirected, limit=20)
    assert found >= 5  # the check compared real paths, evidence included


def test_stale_or_old_topology_file_falls_back_to_the_store(saved, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(saved.path, copy)
    GraphStore.open(copy).save()  # the copy's own topology file (a copied one names the original's store file)
    assert Topology.open(copy)._graph is None
    data = json.loads((copy / "topology.json").read_text())
    del data["edges"]["last"]  # as written before the last dates were kept
    (copy / "topology.json").write_text(json.dumps(data))
    t = Topology.open(copy)
    assert t._graph is not None  # built from the store file
    assert stats(t, t.documents) == stats(saved.graph, {d: doc.date for d, doc in saved.documents.items()})
    (copy / "topology.json").write_text("{not json")
    assert Topology.open(copy).number_of_edges() == saved.graph.number_of_edges()


def test_empty_and_missing_stores(tmp_path):
    with pytest.raises(StoreNotFound, match=r"no store at .*nothing-here"):
        Topology.open(tmp_path / "nothing-here")
    (tmp_path / "nothing-here").mkdir()
    t = Topology.open(tmp_path / "nothing-here")
    assert t.number_of_nodes() == 0 and t.number_of_edges() == 0
    assert stats(t, t.documents)["actors"] == 0
    assert centrality(t, "pagerank") == [] and centrality(t, "betweenness") == []


def test_evidence_changes_under_a_report_are_refused(saved, tmp_path):
    import shutil

    from graph.store import StoreError

    copy = tmp_path / "copy2"
    shutil.copytree(saved.path, copy)
    GraphStore.open(copy).save()
    t = Topology.open(copy)
    assert t._graph is None
    u, v, k = next(iter(GraphStore.open(copy).graph.edges(keys=True)))
    store = GraphStore.open(copy)
    store.save()  # a new store file: the topology read before no longer matches it
    with pytest.raises(StoreError, match="changed while it was being read"):
        t.evidence(u, v, k)


@pytest.mark.parametrize("direction", ["both", "out", "in"])
@pytest.mark.parametrize("depth", [1, 2, 3])
def test_neighbours_on_topology_equal_the_graph(saved, topo, direction, depth):
    from graph.analysis import neighbours

    for a, _b in _pairs_to_check(saved, 10):
        want = neighbours(saved.graph, a, depth=depth, direction=direction)
        assert neighbours(topo, a, depth=depth, direction=direction) == want
        assert neighbours(topo, a, depth=depth, types=["MEETS", "SANCTIONS"], direction=direction) == \
            neighbours(saved.graph, a, depth=depth, types=["MEETS", "SANCTIONS"], direction=direction)


def test_timeline_on_topology_equals_the_graph(saved, topo):
    from graph.analysis import timeline

    doc_dates = {d: doc.date for d, doc in saved.documents.items()}
    seen = 0
    for u, v, _k in list(saved.graph.edges(keys=True))[:60]:
        want = timeline(saved.graph, u, v, doc_dates)
        assert timeline(topo, u, v, topo.documents) == want
        assert timeline(topo, u, v, topo.documents, types=["MEETS"]) == timeline(saved.graph, u, v, doc_dates, types=["MEETS"])
        seen += len(want)
    assert seen >= 60


@pytest.mark.parametrize("engine", ["networkx", "igraph"])
def test_communities_on_topology_equal_the_graph(saved, topo, engine):
    from graph.analysis import communities

    want = communities(saved.graph, engine=engine, min_size=2)
    assert communities(topo, engine=engine, min_size=2) == want
    assert communities(topo, engine=engine, types=["MEETS", "CRITICISES"]) == \
        communities(saved.graph, engine=engine, types=["MEETS", "CRITICISES"])
    assert len(want) >= 2


def test_igraph_communities_find_planted_groups_and_repeat():
    import random

    import networkx as nx

    from graph.analysis import communities

    rng = random.Random(1)
    g = nx.MultiDiGraph()
    groups = [[f"g{c}-{i:02d}" for i in range(30)] for c in range(4)]
    for grp in groups:
        for n in grp:
            g.add_node(n, name=n.upper(), kind="state")
        for _ in range(150):  # dense inside a group
            u, v = rng.sample(grp, 2)
            g.add_edge(u, v, key="MEETS", type="MEETS", evidence=[])
    for _ in range(12):  # a few ties between groups
        a, b = rng.sample(range(4), 2)
        g.add_edge(rng.choice(groups[a]), rng.choice(groups[b]), key="CRITICISES", type="CRITICISES", evidence=[])
    got = communities(g, engine="igraph", seed=3)
    assert sorted(sorted(r["members"]) for r in got) == sorted(sorted(grp) for grp in groups)
    assert communities(g, engine="igraph", seed=3) == got
    assert got[0]["names"][0] == got[0]["members"][0].upper()
    state = random.getstate()
    communities(g, engine="igraph", seed=4)
    assert random.getstate() == state  # the seeded run leaves the global generator alone


def test_relations_and_actors_commands_list_what_the_store_holds(saved):
    from click.testing import CliRunner

    from actorgraph.cli import cli

    def run(*args):
        res = CliRunner().invoke(cli, [*args, "--store", str(saved.path), "--format", "json"])
        assert res.exit_code == 0, res.output
        return json.loads(res.output)

    names = {n: a["name"] for n, a in saved.graph.nodes(data=True)}
    want = [{"source": names[r.source], "type": r.type, "target": names[r.target], "date": r.date,
             "confidence": r.confidence, "evidence": len(r.evidence), "provenance": "text", "source_id": r.source, "target_id": r.target,
             "sentences": [f"[{e.doc}] {e.sentence}" for e in r.evidence]}
            for r in saved.relations(["MEETS", "SANCTIONS"], "actor-0001")]
    assert run("relations", "--type", "MEETS", "--type", "SANCTIONS", "--actor", "actor-0001", "--evidence") == want
    assert len(want) >= 3
    assert len(run("relations")) == saved.graph.number_of_edges()
    actors = run("actors", "--kind", "person")
    assert [a["id"] for a in actors] == [a.id for a in saved.actors("person")]
    assert [a["documents"] for a in actors] == [len(a.documents) for a in saved.actors("person")]
    assert [a["degree"] for a in actors] == [saved.graph.degree(a.id) for a in saved.actors("person")]


# -- the one read interface: the store's reader, Topology and the protocol's own defaults agree ------

class _CoreOnly(GraphReader):
    """Only the core reads of the store's reader: every whole-graph read is the protocol's default."""

    def __init__(self, r: StoreReader) -> None:
        self.r = r

    def __contains__(self, actor: object) -> bool:
        return actor in self.r

    def actor_ids(self):
        return self.r.actor_ids()

    def actors(self, kinds=None):
        return self.r.actors(kinds)

    def row(self, actor):
        return self.r.row(actor)

    def relations(self, types=None, actor=None):
        return self.r.relations(types, actor)

    def summary(self, u, v, k):
        return self.r.summary(u, v, k)

    def evidence(self, u, v, k):
        return self.r.evidence(u, v, k)

    def document_dates(self):
        return self.r.document_dates()


def test_every_reader_gives_the_same_reads(saved, topo):
    store_reader = saved.reader()
    readers = {"store": store_reader, "topology": topo, "defaults": _CoreOnly(store_reader),
               "light store": GraphStore.open(saved.path, evidence=False).reader()}
    types = ["CRITICISES", "MEETS", "SANCTIONS"]
    actors = sorted(saved.graph)[:12]

    def reads(r: GraphReader, light: bool) -> dict:
        rels = r.relations()
        out = {
            "sizes": (r.number_of_nodes(), r.number_of_edges(), r.linked_pairs(), r.weak_components()),
            "actors": r.actors(), "persons": r.actors(["person"]), "rows": [r.row(a) for a in actors],
            "relations": rels, "typed": r.relations(types), "of": [r.relations(types, a) for a in actors],
            "summaries": [r.summary(*x)[:1] + r.summary(*x)[2:] for x in rels],  # (the light store has no last date)
            "bulk": r.relation_summaries(types, actors[0]) if not light else None,
            "hops": [sorted(r.hops(a, types, d)) for a in actors for d in ("out", "in", "both")],
            "between": [sorted(r.edges_between(a, b)) for a in actors for b in actors if a < b],
            "degree": (r.degree(), r.degree(types)), "pairs": (r.pairs(), r.pairs(types, directed=False)),
            "weighted": r.weighted_pairs(types), "distances": [r.distances_to(a, types, "out") for a in actors[:4]],
            "counts": (r.kind_counts(), r.type_counts(), r.evidence_total()),
        }
        if not light:
            out["evidence"] = [r.evidence(*x) for x in rels[:60]]
            out["dates"] = r.date_range()
        return out

    want = reads(store_reader, False)
    assert want["relations"] and any(want["hops"]) and any(want["between"])
    hops = want["hops"]
    assert any(hops[i] != hops[i + 1] for i in range(0, len(hops), 3))  # out and in differ: directions matter
    for name, r in readers.items():
        got = reads(r, name == "light store")
        for key, value in got.items():
            if value is not None:
                assert value == want[key], (name, key)
