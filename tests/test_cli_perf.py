"""Fast CLI reports: views straight to igraph, sampled betweenness on large graphs, and the fast
exit (os._exit) that read-only reports take and writing commands never take."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import networkx as nx
import pytest

import actorgraph.cli.common as common
from graph import fastgraph
from graph.analysis.centrality import betweenness, centrality
from graph.analysis.views import directed_view, undirected_view, view_pairs
from graph.store import GraphStore, StoreError

centrality_module = importlib.import_module("graph.analysis.centrality")  # the package exports a function of that name
needs_igraph = pytest.mark.skipif(not fastgraph.available(), reason="python-igraph is not installed")


@pytest.mark.parametrize("types", [None, ["MEETS", "SANCTIONS", "LEADS"]])
def test_view_pairs_are_the_edges_of_the_networkx_views(random_store, types):
    g = random_store.graph
    names, pairs = view_pairs(g, types, directed=True)
    assert names == sorted(g.nodes)
    d = directed_view(g, types)
    assert len(pairs) == len(set(pairs)) == d.number_of_edges()
    assert {(names[a], names[b]) for a, b in pairs} == set(d.edges())
    names, pairs = view_pairs(g, types, directed=False)
    u = undirected_view(g, types)
    assert all(a < b for a, b in pairs) and len(pairs) == u.number_of_edges()
    assert {frozenset((names[a], names[b])) for a, b in pairs} == {frozenset(e) for e in u.edges()}


@needs_igraph
def test_sampled_betweenness_is_networkx_with_the_same_pivots(random_store):
    g = random_store.graph
    want = nx.betweenness_centrality(undirected_view(g), k=40, seed=3)
    fast = betweenness(g, engine="igraph", k=40, seed=3)
    slow = betweenness(g, engine="networkx", k=40, seed=3)
    assert fast == pytest.approx(want, abs=1e-9)
    assert slow == pytest.approx(want, abs=1e-12)
    assert betweenness(g, engine="igraph", k=g.number_of_nodes()) == pytest.approx(betweenness(g, engine="igraph"))
    with pytest.raises(ValueError, match="sample"):
        betweenness(g, k=0)


def test_large_graphs_sample_betweenness_by_default(random_store, monkeypatch):
    g = random_store.graph
    monkeypatch.setattr(centrality_module, "LARGE", 100)
    monkeypatch.setattr(centrality_module, "SAMPLE", 25)
    sampled = {r["id"]: r["score"] for r in centrality(g, "betweenness", engine="networkx")}
    assert sampled == pytest.approx(nx.betweenness_centrality(undirected_view(g), k=25, seed=0))
    exact = {r["id"]: r["score"] for r in centrality(g, "betweenness", engine="networkx", sample=g.number_of_nodes())}
    assert exact == pytest.approx(nx.betweenness_centrality(undirected_view(g)))
    assert sampled != pytest.approx(exact)


def test_cli_sample_option(cli, random_store, monkeypatch):
    monkeypatch.setattr(centrality_module, "LARGE", 10_000)
    args = ["--store", str(random_store.path), "--format", "json", "--top", "5"]
    exact = cli("centrality", "--measure", "betweenness", *args)
    sampled = cli("centrality", "--measure", "betweenness", "--sample", "30", *args)
    assert exact.exit_code == 0 and sampled.exit_code == 0
    assert exact.output != sampled.output
    bad = cli("centrality", "--measure", "betweenness", "--sample", "0", *args)
    assert bad.exit_code == 2 and "Traceback" not in bad.output


class _Exited(Exception):
    def __init__(self, code: int) -> None:
        self.code = code


def _run_main(monkeypatch, argv: list[str]) -> int | None:
    """Run the real entry point in this process; returns the os._exit code, or None if it exited normally."""
    from actorgraph.cli import main

    def fake_exit(code: int) -> None:
        raise _Exited(code)

    monkeypatch.setattr(common.os, "_exit", fake_exit)
    monkeypatch.setattr(common, "_report_running", False)
    monkeypatch.setattr(common, "_report_done", False)
    monkeypatch.setattr(common.gc, "freeze", lambda: None)  # keep the test process's collector as it was
    monkeypatch.setattr(sys, "argv", ["actorgraph", *argv])
    try:
        main()
    except _Exited as exc:
        return exc.code
    except SystemExit:
        return None
    return None


def test_read_only_reports_take_the_fast_exit_with_their_status(monkeypatch, random_store, capsys):
    code = _run_main(monkeypatch, ["stats", "--store", str(random_store.path), "--format", "json"])
    assert code == 0
    assert '"actors": 300' in capsys.readouterr().out  # flushed before leaving
    code = _run_main(monkeypatch, ["neighbours", "no-such-actor", "--store", str(random_store.path)])
    assert code == 1
    assert "Error:" in capsys.readouterr().err


def test_writing_commands_never_take_the_fast_exit(monkeypatch, tmp_path, random_store):
    # `export json` writes a file, `ingest` the store: both end through normal interpreter teardown.
    out = tmp_path / "g.json"
    assert _run_main(monkeypatch, ["export", "json", str(out), "--store", str(random_store.path)]) is None
    assert out.stat().st_size > 0
    doc = tmp_path / "doc.txt"
    doc.write_text("Colombian President Gustavo Petro criticised U.S. President Donald Trump on Monday.\n")
    store = tmp_path / "new-store"
    assert _run_main(monkeypatch, ["ingest", str(doc), "--store", str(store), "-q"]) is None
    assert GraphStore.open(store).documents


def test_a_report_cannot_save_a_store(monkeypatch, tmp_path):
    # The fast exit is safe because a report's stores are read-only: a report that tried to save would fail
    # loudly instead of being cut short by os._exit.
    monkeypatch.setattr(common, "_report_done", False)
    monkeypatch.setattr(common, "_report_running", False)
    GraphStore(tmp_path / "s").save()

    @common.report_command
    def sneaky() -> None:
        store = common.open_store(tmp_path / "s")
        assert store.read_only
        store.save()

    with pytest.raises(StoreError, match="read-only"):
        sneaky()
    assert not common.open_store(tmp_path / "s").read_only  # after the report (tests run many commands), as ever


def test_fast_exit_allowed_only_after_a_report(monkeypatch):
    monkeypatch.setattr(common, "_report_done", False)
    monkeypatch.setattr(common, "_report_running", False)
    assert not common.fast_exit_allowed()

    @common.report_command
    def report() -> None:
        pass

    report()
    assert common.fast_exit_allowed()


def test_reports_are_marked(tmp_path: Path):
    # Every report command is read-only and marked; writing commands are not.
    from actorgraph.cli import cli

    def marked(cmd) -> bool:
        f = cmd.callback
        while f is not None:
            if f.__code__ is common.report_command(lambda: None).__code__:
                return True
            f = getattr(f, "__wrapped__", None)
        return False

    for name in ("path", "centrality", "neighbours", "timeline", "communities", "stats", "actors", "relations"):
        assert marked(cli.commands[name]), name
    for name in ("ingest", "push", "pull", "export"):
        assert name not in cli.commands or not hasattr(cli.commands[name], "callback") or not marked(cli.commands[name]), name


@needs_igraph
def test_betweenness_split_over_processes_gives_the_same_numbers(random_store):
    conv = fastgraph.from_pairs(*view_pairs(random_store.graph, directed=False), directed=False)
    for k in (64, None):
        one = fastgraph.betweenness(conv, k=k, seed=5)
        two = fastgraph.betweenness(conv, k=k, seed=5, processes=2)
        assert two == pytest.approx(one, rel=1e-12, abs=1e-15)
        assert any(v > 0 for v in two.values())
    # too few sources to be worth a process: computed here, same answer
    assert fastgraph.betweenness(conv, k=8, seed=5, processes=4) == fastgraph.betweenness(conv, k=8, seed=5)


def test_betweenness_uses_only_idle_cores(monkeypatch):
    from actorgraph.cli import analysis

    monkeypatch.setattr(analysis.os, "cpu_count", lambda: 2)
    for load, want in ((0.0, 2), (0.9, 2), (1.6, 1), (3.0, 1)):
        monkeypatch.setattr(analysis.os, "getloadavg", lambda load=load: (load, load, load))
        assert analysis.idle_cores() == want, load
    monkeypatch.setattr(analysis.os, "cpu_count", lambda: 64)
    monkeypatch.setattr(analysis.os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert analysis.idle_cores() == 4
