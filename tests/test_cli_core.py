"""End to end through the CLI on the example corpus."""

import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES, GOLD, SCORE, read_json


def test_ingest_twice_gives_byte_identical_export(cli, tmp_path):
    first = cli("ingest", str(EXAMPLES))
    assert first.exit_code == 0, first.output
    assert "2 added" in first.output
    cli("export", "json", str(tmp_path / "a.json"))
    second = cli("ingest", str(EXAMPLES))
    assert "0 added, 2 unchanged" in second.output
    cli("export", "json", str(tmp_path / "b.json"))
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_export_shape_is_what_score_reads(cli, tmp_path):
    cli("ingest", str(EXAMPLES))
    cli("export", "json", str(tmp_path / "g.json"))
    data = read_json(tmp_path / "g.json")
    node = data["nodes"][0]
    assert {"id", "name", "kind", "aliases", "documents"} <= set(node)
    link = data["links"][0]
    assert {"source", "target", "type", "evidence", "date", "confidence"} <= set(link)
    assert {"doc", "sentence"} <= set(link["evidence"][0])
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in data["links"])


def test_eval_agrees_with_shared_score(cli, tmp_path):
    cli("ingest", str(EXAMPLES))
    cli("export", "json", str(tmp_path / "g.json"))
    ours = cli("eval", str(GOLD), "--docs", str(EXAMPLES), "--json")
    theirs = subprocess.run([sys.executable, str(SCORE), str(tmp_path / "g.json"), str(GOLD), "--docs", str(EXAMPLES),
                             "--json"], capture_output=True, text=True, check=True)
    import json
    a, b = json.loads(ours.output), json.loads(theirs.stdout)
    assert a["overall"] == pytest.approx(b["overall"])
    for doc in b["documents"]:
        assert a["documents"][doc] == pytest.approx(b["documents"][doc])
        assert sorted(a["missed"][doc]) == sorted(b["missed"][doc])
        assert sorted(a["wrong"][doc]) == sorted(b["wrong"][doc])
    assert a["overall"]["evidence_valid"] == 1.0


def test_relations_filters_and_formats(cli):
    cli("ingest", str(EXAMPLES))
    out = cli("relations", "--type", "leads", "--format", "csv")
    assert out.exit_code == 0
    lines = out.output.strip().splitlines()
    assert lines[0].startswith("source,type,target")
    assert all(",LEADS," in line for line in lines[1:]) and len(lines) > 1
    bad = cli("relations", "--type", "BOMBS")
    assert bad.exit_code == 1 and "unknown relation type 'BOMBS'" in bad.output
    one = cli("relations", "--actor", "petro", "--format", "json")
    rows = __import__("json").loads(one.output)
    assert rows and all("gustavo-petro" in (r["source_id"], r["target_id"]) for r in rows)


def test_ingest_of_nothing_fails_with_one_line(cli, tmp_path):
    res = cli("ingest", str(tmp_path / "nope"))
    assert res.exit_code == 1
    assert "no such file or folder" in res.output
    assert "Traceback" not in res.output
