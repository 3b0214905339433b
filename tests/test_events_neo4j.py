"""Provenance survives Neo4j: push then pull of a store mixing text and event datasets is byte-identical."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import GraphStore
from tests.test_events import acled_file, gdelt_row, write_tsv
from tests.test_neo4j import export_bytes, neo4j_args, run_cli

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def test_push_pull_keeps_provenance_byte_identical(neo4j_db, neo4j_settings, tmp_path: Path, cli) -> None:
    store = tmp_path / "store"
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Washington imposed sanctions on Colombia on Thursday.\n", encoding="utf-8")
    assert cli("ingest", str(news), "-q", store=store).exit_code == 0
    events = write_tsv(tmp_path / "e.CSV", [
        gdelt_row(51, "163", ("USAGOV", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL")),
        gdelt_row(52, "043", ("COL", "COLOMBIA", "COL"), ("VEN", "VENEZUELA", "VEN"), url="")])
    assert cli("import", "gdelt", str(events), "-q", store=store).exit_code == 0
    assert cli("import", "acled", str(acled_file(tmp_path / "a.csv")), "-q", store=store).exit_code == 0

    assert run_cli(neo4j_settings, "push", *neo4j_args(neo4j_settings), store=store).exit_code == 0
    rows = neo4j_db.execute_query(
        "MATCH (:Actor {id: 'united-states'})-[r:SANCTIONS]->(:Actor {id: 'colombia'}) "
        "RETURN r.ev_provenance AS p, r.ev_url AS u, r.ev_doc AS d", database_=neo4j_settings.database).records
    by_doc = dict(zip(rows[0]["d"], zip(rows[0]["p"], rows[0]["u"], strict=True), strict=True))
    assert by_doc["gdelt:51"] == ("gdelt", "https://news.example.org/a")
    assert {p for p, _ in by_doc.values()} == {"gdelt", "text"}
    codes = neo4j_db.execute_query("MATCH (a:Actor {id: 'united-states'}) RETURN a.codes AS c",
                                   database_=neo4j_settings.database).records[0]["c"]
    assert "gdelt:USAGOV" in codes

    pulled = run_cli(neo4j_settings, "pull", *neo4j_args(neo4j_settings), store=tmp_path / "pulled")
    assert pulled.exit_code == 0, pulled.output
    original = export_bytes(GraphStore.open(store), tmp_path / "a.json")
    assert export_bytes(GraphStore.open(tmp_path / "pulled"), tmp_path / "b.json") == original
    assert b'"provenance": [\n    "acled"\n   ]' in original or b'"acled"' in original

    # the Cypher library filters by provenance too
    r = run_cli(neo4j_settings, "query", "relations_by_source", "--param", "source=acled", "--format", "json",
                *neo4j_args(neo4j_settings), store=store)
    assert r.exit_code == 0, r.output
    assert '"eln"' in r.output and '"SANCTIONS"' not in r.output
