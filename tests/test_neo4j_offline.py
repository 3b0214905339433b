"""Neo4j parts that need no server: settings, whitelisting, errors when the server is down, compose file."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest
import yaml

from graph.neo4j import Neo4jSettings, Neo4jUnavailable, Neo4jWriter, connect
from graph.store import GraphStore
from graph.taxonomy import UnknownTermError
from tests.conftest import EXAMPLES, ROOT


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


def test_settings_from_env_and_overrides():
    env = {"NEO4J_URI": "bolt://db:7687", "NEO4J_USER": "ag", "NEO4J_PASSWORD": "s3cret-pw", "NEO4J_DATABASE": "graph"}
    s = Neo4jSettings.from_env(env)
    assert (s.uri, s.user, s.secret(), s.database) == ("bolt://db:7687", "ag", "s3cret-pw", "graph")
    assert "s3cret-pw" not in repr(s) and "s3cret-pw" not in str(s)
    o = Neo4jSettings.from_env(env, uri="bolt://other:1", user=None)  # None means "not given"
    assert (o.uri, o.user) == ("bolt://other:1", "ag")
    d = Neo4jSettings.from_env({})
    assert (d.uri, d.user, d.database, d.secret()) == ("bolt://localhost:7687", "neo4j", "neo4j", "")


def test_server_down_is_a_one_line_error():
    settings = Neo4jSettings(uri=f"bolt://127.0.0.1:{closed_port()}", password="hunter2-secret")
    with pytest.raises(Neo4jUnavailable) as err:
        connect(settings, timeout=3)
    message = str(err.value)
    assert "cannot reach" in message and "\n" not in message and "hunter2-secret" not in message


def test_relation_types_and_labels_come_from_the_taxonomy():
    writer = Neo4jWriter(driver=None, database="neo4j")  # building queries needs no server
    assert "MERGE (s)-[r:SANCTIONS]->(t)" in writer.relation_query("sanctions")
    with pytest.raises(UnknownTermError):
        writer.relation_query("SANCTIONS]->() DETACH DELETE s //")
    assert "SET a:Person" in writer._actor_query("person")


def test_ingest_neo4j_down_still_writes_local_store(runner, tmp_path: Path):
    from actorgraph.cli import cli

    store = tmp_path / "store"
    env = {"ACTORGRAPH_STORE": str(store), "NEO4J_PASSWORD": "pw-not-shown"}
    result = runner.invoke(cli, ["ingest", str(EXAMPLES), "-q", "--neo4j", "--uri", f"bolt://127.0.0.1:{closed_port()}"],
                           env=env)
    assert result.exit_code == 1
    assert "local store was written" in result.output and "Traceback" not in result.output
    assert "pw-not-shown" not in result.output
    assert len(GraphStore.open(store).documents) == 2


def test_compose_file():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert any(p.endswith(":7687") for p in neo4j["ports"]) and any(p.endswith(":7474") for p in neo4j["ports"])
    assert "${NEO4J_PASSWORD" in neo4j["environment"]["NEO4J_AUTH"]
    assert neo4j["healthcheck"]["test"]
    assert {v.split(":")[0] for v in neo4j["volumes"]} <= set(compose["volumes"])
    assert "NEO4J_PASSWORD=" in (ROOT / ".env.example").read_text()


def test_neo4j_script_usage_and_env_without_password(tmp_path: Path):
    script = str(ROOT / "scripts" / "neo4j.sh")
    usage = subprocess.run(["bash", script, "bogus"], capture_output=True, text=True)
    assert usage.returncode == 2 and "usage" in usage.stderr
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "ACTORGRAPH_NEO4J_HOME": str(tmp_path / "home")}
    no_pw = subprocess.run(["bash", script, "env"], capture_output=True, text=True, env=env)
    assert no_pw.returncode == 1 and "start" in no_pw.stderr and not no_pw.stdout
    status = subprocess.run(["bash", script, "status"], capture_output=True, text=True, env=env)
    assert status.returncode == 3 and "stopped" in status.stdout
