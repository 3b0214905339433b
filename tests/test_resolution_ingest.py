"""Through real extraction: spelling variants become one actor, and a merge outlives re-ingests."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow

DOCS = {
    "a.txt": "Iranian Foreign Minister Abbas Araqchi met Steve Witkoff in Muscat on Saturday.\n\n"
             "Oman hosted the indirect talks, which Tareq Nuri of the Coastal Renewal Front condemned.\n",
    "b.txt": "Abbas Araghchi criticised Washington on Monday after the talks ended.\n\n"
             "Bashar el-Assad praised Muhammad bin Salman for the Gulf mediation.\n",
    "c.txt": "Tarek Nouri, a spokesman for the Coastal Renewal Front, criticised Oman on Sunday.\n\n"
             "Bashar al-Assad met Mohammed bin Salman in Riyadh.\n",
}
LATER = {"d.txt": "Tarek Nouri, speaking for the Coastal Renewal Front, praised Abbas Araqchi on Thursday.\n"}


def _write(folder, docs):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_variants_are_one_actor_and_a_merge_survives_reingest(cli, store_dir, tmp_path):
    corpus = _write(tmp_path / "corpus", DOCS)
    assert cli("ingest", "-q", str(corpus)).exit_code == 0
    ids = {r["id"] for r in json.loads(cli("actors", "--format", "json").output)}
    # One node per person, whichever spelling each document uses (the gazetteer's entries).
    assert {"abbas-araghchi", "bashar-al-assad", "mohammed-bin-salman"} <= ids
    assert not ids & {"abbas-araqchi", "bashar-el-assad", "muhammad-bin-salman"}

    # A person the gazetteer does not know: two spellings, two actors, and `duplicates` says so.
    pairs = json.loads(cli("duplicates", "--format", "json").output)
    nuri = [p for p in pairs if {p["a"], p["b"]} == {"tareq-nuri", "tarek-nouri"}]
    assert nuri, pairs
    assert cli("merge", "tareq-nuri", "tarek-nouri", "--reason", "one spokesman").exit_code == 0
    cli("export", "json", str(tmp_path / "merged.json"))

    # Re-ingesting the same documents changes nothing; new documents with either spelling join the kept actor.
    cli("ingest", "-q", str(corpus))
    cli("export", "json", str(tmp_path / "again.json"))
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "merged.json").read_bytes()
    (corpus / "e.txt").write_text("Tarek Nouri met Steve Witkoff on Friday.\n", encoding="utf-8")
    cli("ingest", "-q", str(_write(corpus, LATER)))
    ids = {r["id"] for r in json.loads(cli("actors", "--format", "json").output)}
    assert "tareq-nuri" in ids and "tarek-nouri" not in ids
    rels = json.loads(cli("relations", "--actor", "tareq-nuri", "--format", "json").output)
    assert {r["target_id"] for r in rels if r["source_id"] == "tareq-nuri"} >= {"abbas-araghchi"}
