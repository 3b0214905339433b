"""The store file: columnar layout (v2), reading the old node-link layout (v1), export unchanged."""

from __future__ import annotations

import json
import shutil

import orjson
import pytest

from benchmarks.generate import actor_graph
from graph.export import write_json
from graph.store import FORMAT_VERSION, GraphStore, StoreError


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    store = actor_graph(tmp_path_factory.mktemp("gen") / "store", actors=300, relations=2000, seed=3)
    store.save()
    return store


def test_save_writes_the_columnar_layout(generated):
    data = orjson.loads(generated.file.read_bytes())
    assert data["version"] == FORMAT_VERSION == 2
    assert len(data["edges"]["source"]) == 2000
    assert sum(data["edges"]["nevidence"]) == len(data["evidence"]["sentence"])


def test_round_trip_keeps_everything(generated):
    again = GraphStore.open(generated.path)
    assert again.to_dict() == generated.to_dict()
    assert again.documents == generated.documents
    # Loaded edges carry the same attributes as before version 2 (type, evidence, date, confidence).
    *_, a = next(iter(again.graph.edges(keys=True, data=True)))
    assert set(a) == {"type", "evidence", "date", "confidence"}
    assert a["date"] == min(e["date"] for e in a["evidence"])


def test_old_node_link_files_are_read_and_rewritten(generated, tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    (old / "graph.json").write_bytes(orjson.dumps(generated.to_dict(), option=orjson.OPT_SORT_KEYS))
    assert orjson.loads((old / "graph.json").read_bytes())["version"] == 1
    store = GraphStore.open(old)
    assert store.to_dict() == generated.to_dict()
    with store.locked():
        pass  # any write migrates the file
    assert orjson.loads((old / "graph.json").read_bytes())["version"] == 2
    assert GraphStore.open(old).to_dict() == generated.to_dict()


def test_export_is_the_same_from_old_and_new_files(sample_store, tmp_path):
    # The sample store was written by this version; rewrite it in the v1 layout and compare exports.
    new = GraphStore.open(sample_store)
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    (old_dir / "graph.json").write_bytes(orjson.dumps(new.to_dict(), option=orjson.OPT_SORT_KEYS))
    write_json(new, tmp_path / "a.json")
    write_json(GraphStore.open(old_dir), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert json.loads((tmp_path / "a.json").read_text())["links"]


def test_sample_store_survives_ingest_round_trip(sample_store, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(sample_store, copy)
    store = GraphStore.open(copy)
    before = store.to_dict()
    store.save()
    assert GraphStore.open(copy).to_dict() == before


@pytest.mark.parametrize("payload", [b"{", b"[]", b'{"format": "actorgraph-store", "version": 2, "strings": []}',
                                     b'{"format": "actorgraph-store", "version": 99}'])
def test_broken_files_give_a_store_error(tmp_path, payload):
    (tmp_path / "graph.json").write_bytes(payload)
    with pytest.raises(StoreError, match="unreadable"):
        GraphStore.open(tmp_path)


def test_truncated_columns_are_refused(generated, tmp_path):
    data = orjson.loads(generated.file.read_bytes())
    data["evidence"]["sentence"].pop()
    (tmp_path / "graph.json").write_bytes(orjson.dumps(data))
    with pytest.raises(StoreError):
        GraphStore.open(tmp_path)
