"""The offline report commands end to end on the sample corpus."""

from __future__ import annotations

import csv
import io
import json

import pytest

from graph.analysis import centrality, shortest_path, timeline
from graph.store import GraphStore


def test_path_command_prints_hops_and_all_paths(cli, sample_store):
    out = cli("path", "petro", "maduro", "--format", "json", store=sample_store)
    assert out.exit_code == 0, out.output
    hops = json.loads(out.output)
    g = GraphStore.open(sample_store).graph
    p = shortest_path(g, "gustavo-petro", "nicolas-maduro")
    assert [(h["from_id"], h["type"], h["to_id"]) for h in hops] == [(h["from"], h["type"], h["to"]) for h in p["hops"]]
    assert all(h["evidence"] and h["evidence"][0]["sentence"] for h in hops)
    table = cli("path", "Gustavo Petro", "Nicolás Maduro", "--undirected", "--all", store=sample_store)
    assert table.exit_code == 0 and table.output.splitlines()[0].split()[:4] == ["path", "step", "from", "direction"]
    none = cli("path", "maduro", "petro", "--types", "LEADS", store=sample_store)
    assert none.exit_code == 0 and "no path from" in none.output


def test_centrality_command_matches_library_and_is_stable(cli, sample_store):
    a = cli("centrality", "--measure", "pagerank", "--top", "4", "--format", "csv", store=sample_store)
    b = cli("centrality", "--measure", "pagerank", "--top", "4", "--format", "csv", store=sample_store)
    assert a.exit_code == 0 and a.output == b.output
    rows = list(csv.DictReader(io.StringIO(a.output)))
    expected = centrality(GraphStore.open(sample_store).graph, "pagerank", top=4)
    assert [r["id"] for r in rows] == [r["id"] for r in expected]
    typed = cli("centrality", "--types", "criticises,leads", "--format", "json", store=sample_store)
    assert typed.exit_code == 0 and json.loads(typed.output)


def test_neighbours_timeline_communities_stats(cli, sample_store):
    hood = json.loads(cli("neighbours", "petro", "--depth", "2", "--format", "json", store=sample_store).output)
    assert hood and {"distance", "id", "name", "kind", "via"} <= set(hood[0])
    assert [h["distance"] for h in hood] == sorted(h["distance"] for h in hood)
    tl = cli("timeline", "trump", "petro", "--format", "json", store=sample_store)
    assert tl.exit_code == 0
    rows = json.loads(tl.output)
    store = GraphStore.open(sample_store)
    lib = timeline(store.graph, "donald-trump", "gustavo-petro", {d: x.date for d, x in store.documents.items()})
    assert [(r["type"], r["balance"], r["dated_by"]) for r in rows] == [(r["type"], r["balance"], r["dated_by"]) for r in lib]
    comm = cli("communities", "--format", "json", store=sample_store)
    assert comm.exit_code == 0 and all(c["size"] >= 2 for c in json.loads(comm.output))
    st = json.loads(cli("stats", "--format", "json", store=sample_store).output)
    assert st["actors"] == store.graph.number_of_nodes() and st["relations"] == store.graph.number_of_edges()
    assert "metric" in cli("stats", store=sample_store).output


@pytest.mark.parametrize("args, message", [
    (["path", "petro", "zzqx"], "no actor named 'zzqx'"),
    (["path", "petro", "united"], "matches no single actor; closest:"),
    (["centrality", "--types", "BOMBS"], "unknown relation type 'BOMBS'; known: ALLIED_WITH"),
    (["neighbours", "petro", "--types", "MEETS,HUGS"], "unknown relation type 'HUGS'"),
    (["timeline", "petro", "petro"], "two different actors"),
    (["centrality", "--measure", "fame"], "Invalid value for '--measure'"),
])
def test_bad_input_gets_one_line_error(cli, sample_store, args, message):
    out = cli(*args, store=sample_store)
    assert out.exit_code != 0 and message in out.output
    assert "Traceback" not in out.output and len(out.output.strip().splitlines()) <= 4
