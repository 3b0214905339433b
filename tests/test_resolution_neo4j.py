"""Actor decisions travel with the graph: push to a real Neo4j, pull back, ingest again."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.test_resolution import ARAQCHI, OMAN, _build, _ext

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def test_merge_survives_push_pull_reingest_and_unmerge(neo4j_settings, neo4j_db, tmp_path):
    from actorgraph.cli import cli
    from graph.store import GraphStore

    def run(*args: str, store):
        env = {"ACTORGRAPH_STORE": str(store), "NEO4J_PASSWORD": neo4j_settings.secret()}
        return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)

    conn = ["--uri", neo4j_settings.uri, "--user", neo4j_settings.user, "--database", neo4j_settings.database]
    here, there = tmp_path / "here", tmp_path / "there"
    _build(here)
    run("push", *conn, store=here)  # before the merge: Neo4j holds both spellings
    run("export", "json", str(tmp_path / "before.json"), store=here)
    assert run("merge", "abbas-araghchi", "abbas-araqchi", "--reason", "one person", store=here).exit_code == 0
    pushed = run("push", *conn, store=here)
    assert pushed.exit_code == 0, pushed.output
    ids = {r["id"] for r in neo4j_db.execute_query("MATCH (a:Actor) RETURN a.id AS id",
                                                   database_=neo4j_settings.database).records}
    assert "abbas-araqchi" not in ids and "abbas-araghchi" in ids
    qid = neo4j_db.execute_query("MATCH (a:Actor {id: 'oman'}) RETURN a.wikidata AS q", database_=neo4j_settings.database)
    assert qid.records[0]["q"] == "Q842"  # the stable identifier travels as a property

    pulled = run("pull", *conn, store=there)
    assert pulled.exit_code == 0, pulled.output
    assert (there / "resolution.yaml").read_text() == (here / "resolution.yaml").read_text()
    # The pulled store keeps replaying the merge on new documents...
    store = GraphStore.open(there)
    with store.locked():
        store.add_extraction(_ext(5, [ARAQCHI, OMAN], [("abbas-araqchi", "THREATENS", "oman", 9)]))
    assert "abbas-araqchi" not in GraphStore.open(there).graph
    # ... and can still undo it exactly.
    assert run("unmerge", "1", store=here).exit_code == 0
    run("export", "json", str(tmp_path / "after.json"), store=here)
    assert (tmp_path / "after.json").read_bytes() == (tmp_path / "before.json").read_bytes()
    assert run("unmerge", "abbas-araghchi", store=there).exit_code == 0
    assert "abbas-araqchi" in GraphStore.open(there).graph
