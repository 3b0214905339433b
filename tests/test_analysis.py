"""The offline analysis functions on small hand-built graphs with known answers,
on a generated graph (checked against networkx's own algorithms), and on the sample corpus."""

from __future__ import annotations

import doctest
import importlib
import itertools

import networkx as nx
import pytest

from graph import analysis
from graph.analysis import (
    actors_by_kind,
    all_shortest_paths,
    brokers,
    centrality,
    communities,
    most_targeted,
    neighbours,
    relations_citing,
    relations_of_type,
    shortest_path,
    stats,
    timeline,
)
from graph.analysis.views import directed_view, undirected_view
from graph.resolve import ActorNotFound, resolve_actor
from graph.store import GraphStore
from graph.taxonomy import UnknownTermError

MODULES = ["graph.analysis", "graph.analysis.views", "graph.analysis.paths", "graph.analysis.centrality",
           "graph.analysis.neighbours", "graph.analysis.timeline", "graph.analysis.communities",
           "graph.analysis.stats", "graph.analysis.relations", "graph.resolve", "queries"]


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0


def _all_modules() -> list[str]:
    import pkgutil

    names = []
    for package in ("graph", "extraction", "loaders", "queries"):
        pkg = importlib.import_module(package)
        names.append(package)
        names += [m.name for m in pkgutil.walk_packages(pkg.__path__, package + ".")]
    return sorted(set(names) - {"graph.__main__"})


@pytest.mark.parametrize("module", _all_modules())
def test_every_docstring_example_in_the_code_runs(module):
    # The examples in docstrings are documentation users copy: every one of them must work.
    assert doctest.testmod(importlib.import_module(module)).failed == 0


def ev(doc="d", start=0, date=None, sentence="s"):
    return {"doc": doc, "sentence": sentence, "start": start, "end": start + 5, "date": date, "confidence": 0.5}


def build(edges, nodes=None):
    """A store-shaped MultiDiGraph from (source, TYPE, target[, evidence list]) tuples."""
    g = nx.MultiDiGraph()
    for n in nodes or sorted({x for e in edges for x in (e[0], e[2])}):
        g.add_node(n, name=n.title(), kind="person", aliases=[], documents=[])
    for e in edges:
        u, k, v = e[:3]
        g.add_node(u, name=u.title(), kind="person") if u not in g else None
        g.add_edge(u, v, key=k, type=k, evidence=list(e[3]) if len(e) > 3 else [ev()])
    return g


# -- paths --------------------------------------------------------------------

def test_paths_follow_direction_unless_symmetric_or_undirected():
    g = build([("a", "CRITICISES", "b"), ("c", "MEETS", "b"), ("c", "SANCTIONS", "d")])
    p = shortest_path(g, "a", "d")  # b -> c exists only because MEETS is symmetric (stored c -> b)
    assert [(h["from"], h["type"], h["to"], h["source"]) for h in p["hops"]] == [
        ("a", "CRITICISES", "b", "a"), ("b", "MEETS", "c", "c"), ("c", "SANCTIONS", "d", "c")]
    assert shortest_path(g, "a", "d", types=["CRITICISES", "SANCTIONS"]) is None
    assert shortest_path(g, "d", "a") is None
    back = shortest_path(g, "d", "a", undirected=True)
    assert back["nodes"] == ["d", "c", "b", "a"] and back["length"] == 3


def test_all_shortest_paths_one_per_relation_choice_in_stable_order():
    g = build([("a", "PRAISES", "x"), ("a", "CRITICISES", "x"), ("x", "LEADS", "z"),
               ("a", "MEETS", "y"), ("y", "LEADS", "z"), ("a", "LEADS", "w")])
    paths = all_shortest_paths(g, "a", "z")
    assert [(p["nodes"], [h["type"] for h in p["hops"]]) for p in paths] == [
        (["a", "x", "z"], ["CRITICISES", "LEADS"]),
        (["a", "x", "z"], ["PRAISES", "LEADS"]),
        (["a", "y", "z"], ["MEETS", "LEADS"]),
    ]
    assert shortest_path(g, "a", "z") == paths[0]
    assert all_shortest_paths(g, "a", "z", limit=2) == paths[:2]
    only = all_shortest_paths(g, "a", "z", types=["MEETS", "LEADS"])
    assert [p["nodes"] for p in only] == [["a", "y", "z"]]


def test_path_hops_carry_evidence_and_bad_input_is_refused():
    g = build([("a", "SANCTIONS", "b", [ev("d2", 9, sentence="second"), ev("d1", 3, sentence="first")])])
    hop = shortest_path(g, "a", "b")["hops"][0]
    assert hop["evidence_count"] == 2 and [e["sentence"] for e in hop["evidence"]] == ["first", "second"]
    with pytest.raises(UnknownTermError):
        shortest_path(g, "a", "b", types=["BOMBS"])
    with pytest.raises(KeyError):
        shortest_path(g, "a", "nobody")
    with pytest.raises(ValueError):
        all_shortest_paths(g, "a", "a")


def test_paths_agree_with_networkx_on_generated_graph(random_store):
    g = random_store.graph
    d = directed_view(g)
    ids = sorted(g.nodes)[:60:6]
    for a, b in itertools.permutations(ids, 2):
        p = shortest_path(g, a, b)
        if not nx.has_path(d, a, b):
            assert p is None and all_shortest_paths(g, a, b) == []
            continue
        node_paths = sorted(nx.all_shortest_paths(d, a, b))
        assert p["nodes"] == node_paths[0] and p["length"] == len(node_paths[0]) - 1
        allp = all_shortest_paths(g, a, b, limit=None)
        assert sorted({tuple(q["nodes"]) for q in allp}) == [tuple(n) for n in node_paths]
        assert allp[0] == p
        for q in allp:  # every hop is a stored relation that may be walked that way
            for h in q["hops"]:
                assert g.has_edge(h["source"], h["target"], h["type"])
                assert {h["from"], h["to"]} == {h["source"], h["target"]}


# -- neighbours -----------------------------------------------------------------

def test_neighbours_depth_direction_types_and_via():
    g = build([("a", "CRITICISES", "b"), ("a", "PRAISES", "b"), ("b", "LEADS", "c"), ("d", "SANCTIONS", "a"),
               ("c", "MEETS", "e"), ("e", "LEADS", "f")])
    rows = neighbours(g, "a", depth=2)
    assert [(r["id"], r["distance"], r["via"]) for r in rows] == [
        ("b", 1, ["CRITICISES", "PRAISES"]), ("d", 1, ["SANCTIONS"]), ("c", 2, ["LEADS"])]
    assert [r["id"] for r in neighbours(g, "a", depth=5, direction="out")] == ["b", "c", "e", "f"]
    assert [r["id"] for r in neighbours(g, "a", depth=5, direction="in")] == ["d"]
    assert [r["id"] for r in neighbours(g, "e", direction="in")] == ["c"]  # MEETS counts both ways
    assert [r["id"] for r in neighbours(g, "a", depth=3, types=["LEADS", "CRITICISES"])] == ["b", "c"]


def test_neighbours_agree_with_networkx_on_generated_graph(random_store):
    g = random_store.graph
    ug = undirected_view(g)
    for actor in sorted(g.nodes)[::37]:
        rows = neighbours(g, actor, depth=2)
        dist = nx.single_source_shortest_path_length(ug, actor, cutoff=2)
        assert {r["id"]: r["distance"] for r in rows} == {n: d for n, d in dist.items() if n != actor}
        assert rows == sorted(rows, key=lambda r: (r["distance"], r["id"]))


# -- centrality ---------------------------------------------------------------

def test_degree_and_tie_break_by_id():
    g = build([("b", "SANCTIONS", "a"), ("c", "SANCTIONS", "a"), ("c", "CRITICISES", "a"), ("d", "LEADS", "e")])
    rows = centrality(g, "degree")
    assert [(r["id"], r["score"]) for r in rows] == [("a", 3), ("c", 2), ("b", 1), ("d", 1), ("e", 1)]
    assert [r["rank"] for r in rows] == [1, 2, 3, 4, 5]
    assert [r["id"] for r in centrality(g, "degree", top=2, types=["SANCTIONS"])] == ["a", "b"]
    with pytest.raises(ValueError, match="unknown measure"):
        centrality(g, "fame")


def test_pagerank_matches_networkx_reference(random_store):
    from networkx.algorithms.link_analysis import pagerank_alg

    ref_fn = getattr(pagerank_alg, "_pagerank_python", None)
    if ref_fn is None:
        pytest.skip("this networkx has no pure-Python pagerank to compare with")
    g = random_store.graph
    ours = {r["id"]: r["score"] for r in centrality(g, "pagerank", engine="networkx")}
    ref = ref_fn(directed_view(g), alpha=0.85, tol=1e-12, max_iter=1000)
    assert ours == pytest.approx(ref, abs=1e-9)
    assert sum(ours.values()) == pytest.approx(1.0)


def test_pagerank_betweenness_eigenvector_known_values():
    # A directed 3-cycle: rank spreads evenly.
    cyc = build([("a", "CRITICISES", "b"), ("b", "CRITICISES", "c"), ("c", "CRITICISES", "a")])
    assert [r["score"] for r in centrality(cyc, "pagerank")] == pytest.approx([1 / 3] * 3)
    # A path a-b-c: b lies on the only a..c path.
    line = build([("a", "LEADS", "b"), ("c", "LEADS", "b")])
    bt = centrality(line, "betweenness")
    assert [(r["id"], r["score"]) for r in bt] == [("b", 1.0), ("a", 0.0), ("c", 0.0)]
    eig = centrality(line, "eigenvector")
    assert eig[0]["id"] == "b" and eig[1]["score"] == pytest.approx(eig[2]["score"])
    assert [r["id"] for r in eig[1:]] == ["a", "c"]


def test_engine_choice(random_store):
    g = build([("a", "LEADS", "b")])
    with pytest.raises(ValueError, match="unknown engine"):
        centrality(g, "pagerank", engine="spark")
    try:
        from graph import fastgraph  # type: ignore[attr-defined]
        has_igraph = fastgraph.available()
    except ImportError:
        has_igraph = False
    if not has_igraph:
        with pytest.raises(RuntimeError, match="igraph"):
            centrality(g, "pagerank", engine="igraph")
        return
    big = random_store.graph
    for measure in ("pagerank", "betweenness"):
        fast = {r["id"]: r["score"] for r in centrality(big, measure, engine="igraph")}
        slow = {r["id"]: r["score"] for r in centrality(big, measure, engine="networkx")}
        assert fast == pytest.approx(slow, abs=1e-6), measure


def test_most_targeted_and_brokers_known_answers():
    g = build([("a", "SANCTIONS", "t"), ("b", "SANCTIONS", "t", [ev(), ev(start=9)]), ("c", "SANCTIONS", "u"),
               ("c", "MEETS", "a"), ("t", "LEADS", "z")])
    rows = most_targeted(g)
    assert [(r["type"], r["rank"], r["id"], r["sources"], r["evidence"]) for r in rows] == [
        ("LEADS", 1, "z", 1, 1),
        ("MEETS", 1, "a", 1, 1), ("MEETS", 2, "c", 1, 1),  # symmetric: both partners count
        ("SANCTIONS", 1, "t", 2, 3), ("SANCTIONS", 2, "u", 1, 1),
    ]
    assert [r["id"] for r in most_targeted(g, ["SANCTIONS"], top=1)] == ["t"]
    # t ties a, b, z (no ties between them): 3 open pairs; c ties u and a; a ties t and c.
    assert [(r["id"], r["neighbours"], r["open_pairs"], r["pairs"]) for r in brokers(g)] == [
        ("t", 3, 3, 3), ("a", 2, 1, 1), ("c", 2, 1, 1)]
    closed = build([("a", "MEETS", "b"), ("b", "MEETS", "c"), ("c", "MEETS", "a")])
    assert brokers(closed) == []


# -- timeline -------------------------------------------------------------------

def test_timeline_orders_by_evidence_date_then_document_date_then_position():
    g = build([
        ("p", "CRITICISES", "t", [ev("late", 50, "2025-09-01"), ev("undated", 7), ev("undated", 2)]),
        ("t", "SANCTIONS", "p", [ev("docdated", 1)]),
        ("t", "MEETS", "p", [ev("early", 80, "2025-01-05"), ev("late", 10, "2025-09-01")]),
        ("p", "LEADS", "x"),
    ])
    rows = timeline(g, "p", "t", doc_dates={"docdated": "2025-03-01", "late": "2025-10-01"})
    assert [(r["when"], r["dated_by"], r["type"], r["doc"], r["start"]) for r in rows] == [
        ("2025-01-05", "evidence", "MEETS", "early", 80),
        ("2025-03-01", "document", "SANCTIONS", "docdated", 1),
        ("2025-09-01", "evidence", "MEETS", "late", 10),
        ("2025-09-01", "evidence", "CRITICISES", "late", 50),
        (None, "position", "CRITICISES", "undated", 2),
        (None, "position", "CRITICISES", "undated", 7),
    ]
    assert [r["score"] for r in rows] == [1.0, -7.0, 1.0, -2.0, -2.0, -2.0]
    assert [r["balance"] for r in rows] == [1.0, -6.0, -5.0, -7.0, -9.0, -11.0]
    assert [r["step"] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert timeline(g, "t", "p", doc_dates={"docdated": "2025-03-01", "late": "2025-10-01"}) == rows
    assert [r["type"] for r in timeline(g, "p", "t", types=["MEETS"])] == ["MEETS", "MEETS"]
    assert timeline(g, "t", "x") == []


# -- communities, stats, lists -----------------------------------------------------

def test_communities_two_cliques_and_fixed_seed(random_store):
    g = build([(u, "MEETS", v) for u, v in ["ab", "bc", "ca", "de", "ef", "fd", "cd"]] + [("g", "LEADS", "h")],
              nodes=list("abcdefghi"))
    groups = communities(g)
    assert [c["members"] for c in groups] == [["a", "b", "c"], ["d", "e", "f"], ["g", "h"], ["i"]]
    assert [c["members"] for c in communities(g, min_size=2)] == [["a", "b", "c"], ["d", "e", "f"], ["g", "h"]]
    big = communities(random_store.graph)
    assert big == communities(random_store.graph)
    assert sorted(n for c in big for n in c["members"]) == sorted(random_store.graph.nodes)


def test_stats_counts():
    g = build([("a", "LEADS", "b", [ev("d1", 0, "2025-02-01"), ev("d2", 0, "2025-01-01")]), ("b", "MEETS", "c")],
              nodes=list("abcz"))
    s = stats(g, {"d1": "2025-02-01", "d2": None, "d": None})
    assert (s["actors"], s["relations"], s["evidence"], s["documents"]) == (4, 2, 3, 3)
    assert (s["isolated_actors"], s["components"], s["largest_component"]) == (1, 2, 3)
    assert (s["first_date"], s["last_date"]) == ("2025-01-01", "2025-02-01")
    assert s["by_type"] == {"LEADS": 1, "MEETS": 1} and s["by_kind"] == {"person": 4}


def test_relation_lists():
    g = build([("a", "SANCTIONS", "b", [ev("d1", 9, sentence="two"), ev("d1", 1, sentence="one"), ev("d2")]),
               ("c", "THREATENS", "a", [ev("d2")]), ("a", "LEADS", "c", [ev("d1")])])
    assert [(r["source"], r["type"], r["target"]) for r in relations_of_type(g, ["sanctions", "THREATENS"])] == [
        ("a", "SANCTIONS", "b"), ("c", "THREATENS", "a")]
    assert [r["type"] for r in relations_of_type(g, actor="c")] == ["LEADS", "THREATENS"]
    cited = relations_citing(g, "d1")
    assert [(r["type"], r["sentences"]) for r in cited] == [("LEADS", ["s"]), ("SANCTIONS", ["one", "two"])]
    assert relations_citing(g, "nope") == []
    g.nodes["b"]["kind"] = "state"
    assert [r["id"] for r in actors_by_kind(g, ["state"])] == ["b"]
    with pytest.raises(UnknownTermError):
        actors_by_kind(g, ["planet"])


# -- names and the sample corpus ------------------------------------------------

def test_names_resolve_by_alias_acronym_and_fuzzily(sample_store):
    g = GraphStore.open(sample_store).graph
    for name, expected in [("petro", "gustavo-petro"), ("Gustavo Petro", "gustavo-petro"), ("ELN", "eln"),
                           ("National Liberation Army", "eln"), ("Gustavo Pedro", "gustavo-petro"),
                           ("UN", "united-nations"), ("donald-trump", "donald-trump")]:
        assert resolve_actor(g, name) == expected, name
    with pytest.raises(ActorNotFound, match=r"closest: .*\(united-nations\)"):
        resolve_actor(g, "united")
    with pytest.raises(ActorNotFound, match="no actor named"):
        resolve_actor(g, "zzqx")


def test_sample_corpus_reports(sample_store):
    store = GraphStore.open(sample_store)
    g = store.graph
    petro, trump = resolve_actor(g, "petro"), resolve_actor(g, "trump")
    hood = neighbours(g, petro)
    assert trump in {r["id"] for r in hood}
    rows = timeline(g, trump, petro, {d: doc.date for d, doc in store.documents.items()})
    assert rows and [r["step"] for r in rows] == list(range(1, len(rows) + 1))
    assert rows[-1]["balance"] == pytest.approx(sum(r["score"] for r in rows))
    assert all(r["when"] or r["background"] for r in rows)  # the sample documents are dated; background has a range, not a date
    s = stats(g, {d: doc.date for d, doc in store.documents.items()})
    assert s["actors"] == g.number_of_nodes() and s["documents"] == 2
    for measure in analysis.MEASURES:
        ranked = centrality(g, measure, top=5)
        assert len(ranked) == 5 and [r["rank"] for r in ranked] == [1, 2, 3, 4, 5]
