"""No silent surprises: a mistyped store path is an error, exports create folders only when asked,
and the Python API takes names where the CLI does."""

from __future__ import annotations

import pytest

from graph.analysis import all_shortest_paths, neighbours, shortest_path, timeline
from graph.export import write_json
from graph.resolve import ActorNotFound
from graph.store import GraphStore, StoreNotFound
from graph.topology import Topology


@pytest.mark.parametrize("args", [["relations"], ["actors"], ["stats"], ["path", "petro", "maduro"],
                                  ["timeline", "trump", "petro"], ["communities"], ["centrality"],
                                  ["neighbours", "petro"], ["export", "json", "out.json"]])
def test_read_commands_on_a_missing_store_name_the_path(cli, tmp_path, args):
    missing = tmp_path / "stroe"
    res = cli(*args, "--store", str(missing))
    assert res.exit_code == 1
    assert res.output.strip() == f"Error: no store at {missing} (run actorgraph ingest … --store {missing} first)"
    assert not missing.exists() and not (tmp_path / "out.json").exists()


def test_export_with_parents_on_a_missing_store_creates_nothing(cli, tmp_path):
    res = cli("export", "json", str(tmp_path / "new" / "g.json"), "--parents", "--store", str(tmp_path / "stroe"))
    assert res.exit_code == 1 and "no store at" in res.output
    assert not (tmp_path / "new").exists()


def test_the_python_api_says_the_same(tmp_path):
    for open_ in (GraphStore.open, Topology.open):
        with pytest.raises(StoreNotFound, match=r"^no store at .*stroe \(run actorgraph ingest"):
            open_(tmp_path / "stroe")
    assert not (tmp_path / "stroe").exists()
    assert GraphStore.open(tmp_path / "new", create=True).graph.number_of_nodes() == 0


def test_ingest_still_creates_its_store(cli, tmp_path):
    from tests.conftest import EXAMPLES

    res = cli("ingest", str(EXAMPLES / "trump-petro-summit-preview.txt"), "--store", str(tmp_path / "fresh"), "-q")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "fresh").is_dir()


@pytest.mark.parametrize("fmt,name", [("json", "g.json"), ("html", "g.html"), ("graphml", "g.graphml"),
                                      ("gexf", "g.gexf"), ("csv", "csvdir")])
def test_exports_create_folders_only_with_parents(cli, sample_store, tmp_path, fmt, name):
    out = tmp_path / "not" / "there" / name
    res = cli("export", fmt, str(out), store=sample_store)
    assert res.exit_code == 1 and f"no folder {out.parent}" in res.output and "--parents" in res.output
    assert not (tmp_path / "not").exists()
    ok = cli("export", fmt, str(out), "--parents", store=sample_store)
    assert ok.exit_code == 0, ok.output
    assert out.exists()


def test_csv_export_creates_its_own_folder_when_the_parent_exists(cli, sample_store, tmp_path):
    res = cli("export", "csv", str(tmp_path / "import"), store=sample_store)
    assert res.exit_code == 0 and (tmp_path / "import" / "actors.csv").exists()


def test_library_writers_do_not_create_folders(sample_store, tmp_path):
    store = GraphStore.open(sample_store)
    with pytest.raises(FileNotFoundError, match="no folder"):
        write_json(store, tmp_path / "a" / "g.json")
    assert not (tmp_path / "a").exists()
    write_json(store, tmp_path / "a" / "g.json", parents=True)
    assert (tmp_path / "a" / "g.json").exists()


def test_python_api_takes_names(sample_store):
    topo = Topology.open(sample_store)
    store = GraphStore.open(sample_store)
    by_name = shortest_path(topo, "petro", "Nicolás Maduro")
    assert by_name == shortest_path(topo, "gustavo-petro", "nicolas-maduro") is not None
    assert all_shortest_paths(store.graph, "Petro", "maduro") == all_shortest_paths(topo, "gustavo-petro", "nicolas-maduro")
    assert neighbours(topo, "Gustavo Petro") == neighbours(topo, "gustavo-petro")
    assert timeline(topo, "trump", "petro", topo.documents) == timeline(topo, "donald-trump", "gustavo-petro", topo.documents)
    with pytest.raises(ActorNotFound, match="'nobody at all'"):
        neighbours(topo, "nobody at all")
    with pytest.raises(KeyError):  # as an unknown id always was
        shortest_path(store.graph, "petro", "nobody at all")
