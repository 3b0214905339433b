"""Stable identifiers: gazetteer actors carry their Wikidata QID into every export."""

from __future__ import annotations

import json

import pytest

from extraction.gazetteer import GazetteerError, load_gazetteer, read_wikidata, wikidata_ids
from graph.model import Actor
from graph.store import GraphStore


def test_every_qid_names_a_gazetteer_entry():
    table = read_wikidata()
    gz = load_gazetteer()
    assert table and not [a for a in table if a not in gz]
    assert len(set(table.values())) == len(table)  # no QID given to two actors
    assert wikidata_ids()["united-states"] == "Q30"


def test_a_bad_qid_is_refused(tmp_path):
    bad = tmp_path / "w.yaml"
    bad.write_text("states:\n  france: 142\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="not a Wikidata id"):
        read_wikidata(bad)


def test_exports_carry_the_qid(cli, store_dir, tmp_path):
    store = GraphStore(store_dir)
    store.add_actor(Actor(id="oman", name="Oman", kind="state"))
    store.add_actor(Actor(id="tareq-nuri", name="Tareq Nuri", kind="person"))
    store.save()
    cli("export", "json", str(tmp_path / "g.json"))
    nodes = {n["id"]: n for n in json.loads((tmp_path / "g.json").read_text())["nodes"]}
    assert nodes["oman"]["wikidata"] == "Q842" and "wikidata" not in nodes["tareq-nuri"]
    cli("export", "graphml", str(tmp_path / "g.graphml"))
    cli("export", "gexf", str(tmp_path / "g.gexf"))
    for f in ("g.graphml", "g.gexf"):
        text = (tmp_path / f).read_text()
        assert "Q842" in text and "wikidata" in text, f
