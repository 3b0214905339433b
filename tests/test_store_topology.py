"""GraphStore.open(path, evidence=False): the graph's shape without evidence, from the topology file
that save() writes beside the store when it matches the store file, else from the store file."""

from __future__ import annotations

import shutil

import pytest

from graph.store import GraphStore, StoreError
from tests.conftest import make_random_store


def _shape(store: GraphStore) -> tuple:
    g = store.graph
    nodes = sorted((n, a["name"], a["kind"], tuple(a["aliases"]), tuple(a["documents"])) for n, a in g.nodes(data=True))
    edges = sorted((u, v, k, a["date"], a["confidence"],
                    a["evidence_count"] if "evidence_count" in a else len(a["evidence"]))
                   for u, v, k, a in g.edges(keys=True, data=True))
    return nodes, edges, sorted(store.documents)


@pytest.fixture
def saved(tmp_path):
    store = make_random_store(tmp_path / "s", actors=80, relations=300)
    store.save()
    return store


def test_light_open_reads_the_topology_file_and_has_no_evidence(saved, monkeypatch):
    assert saved.topology_file.exists()
    full = GraphStore.open(saved.path)
    # Prove the light store comes from the topology file: the store file is not read at all.
    real_read = type(saved.file).read_bytes

    def guarded(path):
        assert path.name != "graph.json", "the store file was read"
        return real_read(path)

    monkeypatch.setattr(type(saved.file), "read_bytes", guarded)
    light = GraphStore.open(saved.path, evidence=False)
    monkeypatch.undo()
    assert not light.evidence_loaded and full.evidence_loaded
    assert _shape(light) == _shape(full)
    assert all("evidence" not in a for *_, a in light.graph.edges(keys=True, data=True))
    assert {(u, v, k): a["evidence_count"] for u, v, k, a in light.graph.edges(keys=True, data=True)} == \
        {(u, v, k): len(a["evidence"]) for u, v, k, a in full.graph.edges(keys=True, data=True)}


def test_a_light_store_is_read_only_and_locked_reloads_everything(saved):
    light = GraphStore.open(saved.path, evidence=False)
    before = saved.file.read_bytes()
    with pytest.raises(StoreError, match="read-only"):
        light.save()
    assert saved.file.read_bytes() == before
    with light.locked():  # a write reloads the whole store first
        assert light.evidence_loaded
        assert all("evidence" in a for *_, a in light.graph.edges(data=True))
    assert GraphStore.open(saved.path).to_dict() == saved.to_dict()


def test_stale_damaged_or_missing_topology_falls_back_to_the_store_file(saved, tmp_path):
    want = _shape(GraphStore.open(saved.path))
    # stale: the store file replaced (a copy from elsewhere) after the topology was written
    other = tmp_path / "other"
    shutil.copytree(saved.path, other)
    store = GraphStore.open(other)
    u, v, k = next(iter(store.graph.edges(keys=True)))
    store.graph.remove_edge(u, v, k)
    store.save()
    shutil.copy(other / "graph.json", saved.path / "graph.json")  # the topology file now describes the old graph
    light = GraphStore.open(saved.path, evidence=False)
    assert _shape(light) == _shape(GraphStore.open(other)) != want
    assert not light.graph.has_edge(u, v, k)
    # damaged
    store.save()
    (other / "topology.json").write_bytes(b"{not json")
    assert _shape(GraphStore.open(other, evidence=False)) == _shape(GraphStore.open(other))
    # missing (a store written before topology files existed)
    (other / "topology.json").unlink()
    light = GraphStore.open(other, evidence=False)
    assert _shape(light) == _shape(GraphStore.open(other)) and not light.evidence_loaded


def test_light_open_of_an_empty_store(tmp_path):
    (tmp_path / "nothing").mkdir()  # a folder with no store file yet: an empty graph
    store = GraphStore.open(tmp_path / "nothing", evidence=False)
    assert store.graph.number_of_nodes() == 0


def test_reports_on_the_light_store_match_the_full_store(saved, runner):
    from actorgraph.cli import cli

    args = ["--store", str(saved.path), "--format", "json"]
    for cmd in (["centrality", "--measure", "pagerank"], ["centrality", "--measure", "betweenness"], ["actors"],
                ["communities"]):
        light = runner.invoke(cli, [*cmd, *args])
        saved.topology_file.unlink(missing_ok=True)
        fallback = runner.invoke(cli, [*cmd, *args])
        saved.save()
        assert light.exit_code == 0 and light.output == fallback.output, cmd
