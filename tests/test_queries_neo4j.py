"""Each question gets the same answer from the Cypher library on a real Neo4j server and from
the networkx functions, on the sample corpus and on a generated 300-actor graph."""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from typing import Any

import pytest

from graph.analysis import (
    actors_by_kind,
    all_shortest_paths,
    brokers,
    centrality,
    most_targeted,
    neighbours,
    relations_citing,
    relations_of_type,
    timeline,
)
from graph.store import GraphStore
from queries import load_query
from queries.runner import run_query

pytestmark = pytest.mark.neo4j

Case = tuple[str, str, dict[str, Any], list[dict[str, Any]]]  # label, query, params, networkx answer


def _path_rows(paths: list[dict[str, Any]]) -> list[dict[str, Any]]:
    keep = ("doc", "sentence", "start", "end")
    return [{"length": p["length"], "nodes": p["nodes"],
             "hops": [{k: h[k] for k in ("from", "to", "source", "type", "target", "evidence_count")}
                      | {"evidence": [{k: e[k] for k in keep} for e in h["evidence"]]} for h in p["hops"]]}
            for p in paths]


def questions(store: GraphStore, seed: int = 0, samples: int = 6) -> Iterator[Case]:
    """The questions to ask both ways, with parameters drawn from the graph itself."""
    g = store.graph
    rng = random.Random(seed)
    doc_dates = {d: doc.date for d, doc in store.documents.items()}
    by_degree = sorted(g.nodes, key=lambda n: (-g.degree(n), n))
    connected = [n for n in by_degree if g.degree(n)]
    actors = sorted(set(connected[:3] + rng.sample(connected, min(samples, len(connected)))))
    present = sorted({k for _u, _v, k in g.edges(keys=True)})
    some_types = sorted(rng.sample(present, min(3, len(present))))

    for types in ([], some_types, ["SANCTIONS"]):
        yield f"relations_of_type {types}", "relations_of_type", {"types": types}, relations_of_type(g, types)
    yield "relations_of_type actor", "relations_of_type", {"actor": actors[0]}, relations_of_type(g, actor=actors[0])
    for name, rtype in [("who_sanctions_whom", "SANCTIONS"), ("who_criticises_whom", "CRITICISES"),
                        ("who_threatens_whom", "THREATENS")]:
        yield name, name, {}, relations_of_type(g, [rtype])

    for actor, depth, direction in itertools.product(actors[:4], (1, 2, 3), ("both", "out", "in")):
        yield (f"neighbourhood {actor} {depth} {direction}", "neighbourhood",
               {"actor": actor, "depth": depth, "direction": direction},
               neighbours(g, actor, depth=depth, direction=direction))
    yield (f"neighbourhood {actors[0]} types", "neighbourhood", {"actor": actors[0], "depth": 2, "types": some_types},
           neighbours(g, actors[0], depth=2, types=some_types))

    pairs = list(itertools.permutations(actors, 2))
    for (a, b), undirected in itertools.product(rng.sample(pairs, min(12, len(pairs))), (False, True)):
        yield (f"shortest_paths {a} {b} undirected={undirected}", "shortest_paths",
               {"source": a, "target": b, "undirected": undirected, "limit": 50},
               _path_rows(all_shortest_paths(g, a, b, undirected=undirected, limit=50)))
    a, b = pairs[0]
    yield (f"shortest_paths {a} {b} types", "shortest_paths",
           {"source": a, "target": b, "types": some_types, "undirected": True, "limit": 1},
           _path_rows(all_shortest_paths(g, a, b, types=some_types, undirected=True, limit=1)))

    for types, limit in (([], 10), (some_types, 3)):
        yield f"most_targeted {types}", "most_targeted", {"types": types, "limit": limit}, most_targeted(g, types, limit)
        yield f"brokers {types}", "brokers", {"types": types, "limit": limit}, brokers(g, types, limit)
        yield (f"top_by_degree {types}", "top_by_degree", {"types": types, "limit": limit},
               centrality(g, "degree", top=limit, types=types))

    dyads = sorted({tuple(sorted((u, v))) for u, v in g.edges() if u != v})
    for a, b in rng.sample(dyads, min(samples, len(dyads))):
        yield f"dyad_timeline {a} {b}", "dyad_timeline", {"a": a, "b": b}, timeline(g, a, b, doc_dates)
    a, b = dyads[0]
    yield f"dyad_timeline {a} {b} types", "dyad_timeline", {"a": a, "b": b, "types": some_types}, \
        timeline(g, a, b, doc_dates, types=some_types)

    for doc in sorted(store.documents)[:3]:
        yield f"relations_citing_document {doc}", "relations_citing_document", {"doc": doc}, relations_citing(g, doc)
    for kinds in ([], ["person", "armed_group"]):
        yield f"actors_by_kind {kinds}", "actors_by_kind", {"kinds": kinds}, actors_by_kind(g, kinds)
    docs = sorted(store.documents.values(), key=lambda d: (d.date is None, d.date or "", d.id))
    yield "documents", "documents", {}, [{"id": d.id, "title": d.title, "date": d.date, "url": d.url,
                                          "actors": sum(1 for n in g.nodes if d.id in g.nodes[n].get("documents", []))}
                                         for d in docs]


def mismatches(driver: Any, database: str, store: GraphStore) -> list[str]:
    """Ask every question of Neo4j (which must hold ``store``); the ones whose answer differs."""
    bad = []
    asked = 0
    for label, name, params, expected in questions(store):
        q = load_query(name)
        got = run_query(driver, q, q.bind(params), database=database)
        asked += 1
        if got != expected:
            first = next((i for i, (x, y) in enumerate(zip(got, expected, strict=False)) if x != y), None)
            detail = (f"row {first}: neo4j {got[first]} != networkx {expected[first]}" if first is not None
                      else f"{len(got)} rows from neo4j, {len(expected)} from networkx")
            bad.append(f"{label}: {detail}")
    assert asked > 40
    return bad


def _load(driver: Any, database: str, store: GraphStore) -> None:
    from graph.neo4j import Neo4jWriter

    writer = Neo4jWriter(driver, database)
    writer.clear()
    writer.write_store(store)


@pytest.fixture(scope="module")
def neo4j_session_db(neo4j_settings, neo4j_driver):
    """The driver and database name; the database is emptied afterwards."""
    yield neo4j_driver, neo4j_settings.database
    from graph.neo4j import Neo4jWriter

    Neo4jWriter(neo4j_driver, neo4j_settings.database).clear()


@pytest.mark.slow  # the whole query library on two graphs (~6 s each)
def test_sample_corpus_same_answers(neo4j_session_db, sample_store):
    driver, database = neo4j_session_db
    store = GraphStore.open(sample_store)
    _load(driver, database, store)
    assert mismatches(driver, database, store) == []


@pytest.mark.slow
def test_generated_graph_same_answers(neo4j_session_db, random_store):
    driver, database = neo4j_session_db
    _load(driver, database, random_store)
    assert mismatches(driver, database, random_store) == []
