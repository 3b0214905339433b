"""Analyst decisions on actors: merge/unmerge/alias/rename/kind, and their replay on later ingests."""

from __future__ import annotations

from pathlib import Path

import yaml

from graph.model import Actor, Document, Evidence, Extraction, Relation
from graph.store import GraphStore


def _doc(i: int) -> Document:
    return Document(id=f"d{i}", title=f"doc {i}", sha256=f"{i:064x}")


def _ev(doc: str, start: int, text: str) -> Evidence:
    return Evidence(doc=doc, sentence=text, start=start, end=start + len(text), date="2026-03-0" + doc[-1])


def _ext(i: int, actors: list[tuple[str, str, str]], rels: list[tuple[str, str, str, int]]) -> Extraction:
    d = _doc(i)
    return Extraction(
        document=d,
        actors=[Actor(id=a, name=n, kind=k, documents=[d.id]) for a, n, k in actors],
        relations=[Relation(source=s, type=t, target=o, evidence=[_ev(d.id, at, f"{s} {t} {o} at {at}.")])
                   for s, t, o, at in rels])


ARAGHCHI = ("abbas-araghchi", "Abbas Araghchi", "person")
ARAQCHI = ("abbas-araqchi", "Abbas Araqchi", "person")
OMAN = ("oman", "Oman", "state")
WITKOFF = ("steve-witkoff", "Steve Witkoff", "person")


def _build(path: Path) -> GraphStore:
    store = GraphStore(path)
    store.add_extraction(_ext(1, [ARAGHCHI, OMAN, WITKOFF],
                              [("abbas-araghchi", "MEETS", "steve-witkoff", 0), ("oman", "SUPPORTS", "abbas-araghchi", 50)]))
    # The same meeting stated the other way round, an evidence on the same triple, and a relation
    # between the two spellings (a loop once they are one actor).
    store.add_extraction(_ext(2, [ARAQCHI, OMAN, WITKOFF],
                              [("steve-witkoff", "MEETS", "abbas-araqchi", 10), ("oman", "SUPPORTS", "abbas-araqchi", 70),
                               ("abbas-araqchi", "PRAISES", "abbas-araghchi", 120)]))
    store.save()
    return GraphStore.open(path)


def test_merge_moves_relations_joins_symmetric_edges_and_drops_loops(tmp_path):
    from graph.resolution import decide_merge

    store = _build(tmp_path / "s")
    report = decide_merge(store, "abbas-araghchi", ["abbas-araqchi"], reason="same minister")
    g = store.graph
    assert "abbas-araqchi" not in g
    assert report.dropped == [("abbas-araqchi", "PRAISES", "abbas-araghchi", 1)]
    # One MEETS edge for the pair, holding both sentences; SUPPORTS holds both too.
    meets = [(u, v) for u, v, k in g.edges(keys=True) if k == "MEETS"]
    assert len(meets) == 1
    assert len(g.edges[(*meets[0], "MEETS")]["evidence"]) == 2
    assert len(g.edges["oman", "abbas-araghchi", "SUPPORTS"]["evidence"]) == 2
    node = g.nodes["abbas-araghchi"]
    assert "Abbas Araqchi" in node["aliases"] and node["documents"] == ["d1", "d2"]
    entry = yaml.safe_load((tmp_path / "s" / "resolution.yaml").read_text())["decisions"][0]
    assert entry["action"] == "merge" and entry["keep"] == "abbas-araghchi" and entry["reason"] == "same minister"
    assert entry["by"] and entry["at"]


def test_merge_then_unmerge_gives_byte_identical_export(cli, store_dir, tmp_path):
    _build(store_dir)
    assert cli("export", "json", str(tmp_path / "before.json")).exit_code == 0
    merged = cli("merge", "Abbas Araghchi", "abbas-araqchi", "--reason", "two spellings")
    assert merged.exit_code == 0, merged.output
    assert "dropped: abbas-araqchi -PRAISES-> abbas-araghchi" in merged.output
    cli("export", "json", str(tmp_path / "merged.json"))
    assert (tmp_path / "merged.json").read_bytes() != (tmp_path / "before.json").read_bytes()
    undone = cli("unmerge", "abbas-araqchi")
    assert undone.exit_code == 0, undone.output
    cli("export", "json", str(tmp_path / "after.json"))
    assert (tmp_path / "after.json").read_bytes() == (tmp_path / "before.json").read_bytes()
    decisions = yaml.safe_load((store_dir / "resolution.yaml").read_text())["decisions"]
    assert [d["action"] for d in decisions] == ["merge", "unmerge"]


def test_merge_is_replayed_on_later_documents(tmp_path):
    from graph.resolution import decide_merge

    path = tmp_path / "s"
    store = _build(path)
    with store.locked():
        decide_merge(store, "abbas-araghchi", ["abbas-araqchi"])
    # A new document spelling the name the merged-away way: it joins the kept actor.
    with store.locked():
        store.add_extraction(_ext(3, [ARAQCHI, OMAN], [("abbas-araqchi", "CRITICISES", "oman", 5)]))
    g = GraphStore.open(path).graph
    assert "abbas-araqchi" not in g
    assert g.has_edge("abbas-araghchi", "oman", "CRITICISES")
    from graph.resolve import resolve_actor

    assert resolve_actor(g, "abbas-araqchi") == "abbas-araghchi"  # the merged-away id still finds the actor
    assert "d3" in g.nodes["abbas-araghchi"]["documents"]


def test_alias_rename_kind_survive_reingest(cli, store_dir):
    _build(store_dir)
    assert cli("alias", "add", "abbas-araghchi", "Seyyed Abbas", "--reason", "full name").exit_code == 0
    assert cli("rename", "Araghchi", "Abbas Araghchi (FM)").exit_code == 0
    assert cli("kind", "oman", "other_org").exit_code == 0
    store = GraphStore.open(store_dir)
    with store.locked():
        # Later documents bring the old name back, the wrong kind, and the alias as a separate name.
        store.add_extraction(_ext(4, [ARAGHCHI, OMAN, ("seyyed-abbas", "Seyyed Abbas", "person")],
                                  [("seyyed-abbas", "MEETS", "oman", 3)]))
    g = GraphStore.open(store_dir).graph
    a = g.nodes["abbas-araghchi"]
    assert a["name"] == "Abbas Araghchi (FM)" and {"Abbas Araghchi", "Seyyed Abbas"} <= set(a["aliases"])
    assert g.nodes["oman"]["kind"] == "other_org"
    assert "seyyed-abbas" not in g and g.has_edge("abbas-araghchi", "oman", "MEETS")
    found = cli("relations", "--actor", "Seyyed Abbas", "--format", "csv")
    assert found.exit_code == 0 and "MEETS" in found.output


def test_bad_decisions_are_one_line_errors_and_change_nothing(cli, store_dir):
    _build(store_dir)
    before = (store_dir / "graph.json").read_bytes()
    for args in (["merge", "oman", "oman"], ["merge", "oman", "nobody-at-all-xyz"], ["unmerge", "oman"],
                 ["kind", "oman", "planet"], ["rename", "oman", "  "]):
        out = cli(*args)
        assert out.exit_code == 1 and out.output.startswith("Error: "), (args, out.output)
        assert "Traceback" not in out.output
    assert (store_dir / "graph.json").read_bytes() == before
    assert not (store_dir / "resolution.yaml").exists()


def test_unmerge_after_later_documents_keeps_their_evidence(tmp_path):
    from graph.resolution import decide_merge, decide_unmerge

    path = tmp_path / "s"
    store = _build(path)
    with store.locked():
        decide_merge(store, "abbas-araghchi", ["abbas-araqchi"])
    with store.locked():
        store.add_extraction(_ext(3, [ARAGHCHI, OMAN], [("abbas-araghchi", "CRITICISES", "oman", 5)]))
    with store.locked():
        decide_unmerge(store, "abbas-araghchi")
    g = GraphStore.open(path).graph
    assert {"abbas-araghchi", "abbas-araqchi"} <= set(g.nodes)
    assert g.has_edge("abbas-araqchi", "abbas-araghchi", "PRAISES")  # the dropped loop is back
    assert g.has_edge("abbas-araghchi", "oman", "CRITICISES") and "d3" in g.nodes["abbas-araghchi"]["documents"]


def test_a_damaged_resolution_file_is_a_one_line_error(cli, store_dir):
    _build(store_dir)
    (store_dir / "resolution.yaml").write_text("decisions: [{action: explode}]\n", encoding="utf-8")
    before = (store_dir / "graph.json").read_bytes()
    out = cli("merge", "oman", "steve-witkoff")
    assert out.exit_code == 1 and out.output.startswith("Error: ") and "resolution.yaml" in out.output
    assert (store_dir / "graph.json").read_bytes() == before
