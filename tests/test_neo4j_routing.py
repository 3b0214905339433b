"""Routing URIs (neo4j://, as for a cluster or Aura) work for every Neo4j command, here against the local server."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from graph.export import write_json
from graph.store import GraphStore

pytestmark = pytest.mark.neo4j


def test_every_neo4j_command_takes_a_routing_uri(neo4j_db, neo4j_settings, sample_store: Path, tmp_path: Path):
    from actorgraph.cli import cli

    routed = "neo4j://" + neo4j_settings.uri.split("://", 1)[1]
    env = {"NEO4J_URI": routed, "NEO4J_PASSWORD": neo4j_settings.secret(), "NEO4J_USER": neo4j_settings.user,
           "NEO4J_DATABASE": neo4j_settings.database}

    def run(*args: str, store: Path):
        result = CliRunner().invoke(cli, list(args), env={**env, "ACTORGRAPH_STORE": str(store)}, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    assert routed in run("push", store=sample_store)
    assert routed in run("pull", store=tmp_path / "pulled")
    write_json(GraphStore.open(sample_store), tmp_path / "a.json")
    write_json(GraphStore.open(tmp_path / "pulled"), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    n = GraphStore.open(sample_store).graph.number_of_nodes()
    assert run("cypher", "MATCH (a:Actor) RETURN count(a) AS n", "--format", "csv", store=sample_store).split() == ["n", str(n)]
    assert "petro" in run("query", "actors_by_kind", "-p", "kinds=person", "--format", "csv", store=sample_store).lower()
    # ingest --neo4j writes what it added through the routing driver too
    run("cypher", "MATCH (n) DETACH DELETE n", "--write", store=sample_store)
    assert routed in run("ingest", str(EXAMPLES), "--neo4j", store=tmp_path / "fresh")
    assert run("cypher", "MATCH (a:Actor) RETURN count(a) AS n", "--format", "csv", store=sample_store).split() == ["n", str(n)]
