"""push --bulk: Neo4j's import tool on a server whose data folder the test controls (scripts/neo4j.sh)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import IN_CI, NEO4J_SCRIPT, _free_port, _neo4j_jars_cached, make_random_store

from graph.export import write_json
from graph.model import Actor, Document, Evidence, Relation
from graph.store import GraphStore

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """A scripts/neo4j.sh server of this module's own (the import stops and restarts it): (settings, env)."""
    from graph.neo4j import Neo4jSettings

    if not (shutil.which("java") and (shutil.which("mvn") or _neo4j_jars_cached())):
        if IN_CI:
            pytest.fail("Java 17 and Maven are required for the bulk import tests under CI")
        pytest.skip("Java 17 and Maven (or the cached Neo4j jars) are needed to start a server for --bulk")
    inst = tmp_path_factory.mktemp("neo4j-bulk")
    env = dict(os.environ, ACTORGRAPH_NEO4J_DATA=str(inst), NEO4J_BOLT_PORT=str(_free_port()), NEO4J_HTTP_PORT=str(_free_port()))
    env.pop("NEO4J_HOME", None)
    started = subprocess.run(["bash", str(NEO4J_SCRIPT), "start"], env=env, capture_output=True, text=True)
    try:
        assert started.returncode == 0, started.stderr
        yield Neo4jSettings(uri=f"bolt://127.0.0.1:{env['NEO4J_BOLT_PORT']}", password=(inst / "password").read_text().strip()), env
    finally:
        subprocess.run(["bash", str(NEO4J_SCRIPT), "stop"], env=env, capture_output=True)


def _tricky_store(path: Path) -> GraphStore:
    """Undated evidence, empty strings and lists, quotes, commas, semicolons, newlines, non-ASCII, doubles."""
    s = make_random_store(path, actors=80, relations=300, documents=12)
    s.documents["doc-x"] = Document(id="doc-x", title="", path='a,b;"c".txt', sha256="f" * 64)
    s.add_actor(Actor(id="quoted", name='Le "Quote", Inc; x', kind="company", aliases=[], documents=["doc-x"],
                      codes=["cameo:USABUS", "wikipedia:Q1"]))
    s.add_actor(Actor(id="spaced", name="Đurić  spaced ", kind="person", aliases=["Ðurić", "a;b"], documents=["doc-x", "doc-001"]))
    s.add_relation(Relation(source="quoted", type="SUPPORTS", target="spaced", evidence=[
        Evidence(doc="doc-x", sentence='He said "yes, no; maybe"\nthen left.', start=0, end=10, confidence=1.0),
        Evidence(doc="doc-001", sentence="", start=5, end=6, confidence=0.1 + 0.2),
        Evidence(doc="gdelt:7", sentence="GDELT event 163", start=0, end=0, date="2026-01-15", provenance="gdelt",
                 url="https://news.example/a?b=1,2", pattern="163")]))
    s.add_relation(Relation(source="spaced", type="MEETS", target="quoted", evidence=[
        Evidence(doc="doc-x", sentence="one", start=0, end=3, confidence=0.5)]))
    s.save()
    return GraphStore.open(path)


def _cli(env: dict[str, str], settings, *args: str, store: Path):
    from actorgraph.cli import cli

    run_env = {"ACTORGRAPH_STORE": str(store), "ACTORGRAPH_NEO4J_DATA": env["ACTORGRAPH_NEO4J_DATA"],
               "NEO4J_URI": settings.uri, "NEO4J_PASSWORD": settings.secret(), "NEO4J_HOME": ""}
    return CliRunner().invoke(cli, list(args), env=run_env, catch_exceptions=False)


def _fingerprint(settings) -> dict:
    """Everything a query can see: labels, types, every property (with its type), the schema."""
    from graph.neo4j import connect

    driver = connect(settings)
    try:
        def q(cypher: str) -> list:
            return [r.data() for r in driver.execute_query(cypher, database_=settings.database).records]

        return {
            "nodes": q("MATCH (n) RETURN labels(n) AS l, properties(n) AS p ORDER BY n.id, l"),
            "relationships": q("MATCH (s)-[r]->(t) RETURN s.id AS s, type(r) AS type, t.id AS t, properties(r) AS p "
                               "ORDER BY s, type, t"),
            "types": q("MATCH (n)-[r]->() UNWIND keys(r) AS k RETURN DISTINCT k, valueType(r[k]) AS t ORDER BY k, t"),
            "schema": q("SHOW INDEXES YIELD name, type, labelsOrTypes, properties RETURN * ORDER BY name"),
        }
    finally:
        driver.close()


def _trimmed_store(path: Path) -> GraphStore:
    """No value with spaces at its ends: lists of one empty string go through the tool as " " and
    --trim-strings, with no write after the import; plus one relation of two empty-string dates."""
    s = make_random_store(path, actors=60, relations=200, documents=8)
    s.documents["doc-y"] = Document(id="doc-y", title="", path="y.txt", sha256="e" * 64)
    s.add_actor(Actor(id="y1", name="Y One", kind="person", documents=["doc-y"]))
    s.add_actor(Actor(id="y2", name="Y Two", kind="state", documents=["doc-y"], codes=["cameo:YYY"]))
    s.add_relation(Relation(source="y1", type="CRITICISES", target="y2", evidence=[
        Evidence(doc="doc-y", sentence="", start=0, end=1), Evidence(doc="doc-y", sentence="b", start=2, end=3)]))
    s.save()
    return GraphStore.open(path)


@pytest.mark.parametrize("make,trim", [(_tricky_store, False), (_trimmed_store, True)], ids=["restored", "trimmed"])
def test_bulk_load_then_pull_is_byte_identical_and_push_gives_the_same_database(server, tmp_path: Path, make, trim):
    from graph.neo4j import Neo4jWriter, connect
    from graph.neo4j.bulk import write_bulk_csv

    settings, env = server
    driver = connect(settings)
    try:  # the module's server is shared: the case before this one left its graph behind
        Neo4jWriter(driver, settings.database).clear()
    finally:
        driver.close()
    store = make(tmp_path / "store")
    csv = write_bulk_csv(store, tmp_path / "csv")
    assert f"--trim-strings={'true' if trim else 'false'}" in csv["args"]
    assert ("relations" in csv["restore"]) is not trim  # trimmed: no list of one "" left to set afterwards
    result = _cli(env, settings, "push", "--bulk", store=tmp_path / "store")
    assert result.exit_code == 0, result.output
    assert f"bulk-loaded {len(store.documents)} documents, {store.graph.number_of_nodes()} actors, " \
           f"{store.graph.number_of_edges()} relations" in result.output
    pulled = _cli(env, settings, "pull", store=tmp_path / "pulled")
    assert pulled.exit_code == 0, pulled.output
    write_json(store, tmp_path / "a.json")
    write_json(GraphStore.open(tmp_path / "pulled"), tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()

    bulk = _fingerprint(settings)
    assert any(i["name"] == "actor_id" for i in bulk["schema"])  # the writer's constraints and indexes
    driver = connect(settings)
    try:
        Neo4jWriter(driver, settings.database).clear()
        Neo4jWriter(driver, settings.database).write_store(store)
    finally:
        driver.close()
    assert _fingerprint(settings) == bulk  # a transactional push leaves exactly the same database


def test_bulk_refuses_a_database_that_is_not_empty(server, tmp_path: Path):
    from graph.neo4j import connect

    settings, env = server
    store = make_random_store(tmp_path / "store", actors=20, relations=30, documents=3)
    driver = connect(settings)
    try:
        driver.execute_query("CREATE (:Note {text: 'keep me'})", database_=settings.database)
        before = driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=settings.database).records[0]["n"]
        result = _cli(env, settings, "push", "--bulk", store=tmp_path / "store")
        assert result.exit_code == 1
        assert result.output.count("\n") == 1 and result.output.startswith("Error: the Neo4j database 'neo4j'")
        assert "not empty" in result.output and "actorgraph push" in result.output
        after = driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=settings.database).records[0]["n"]
        assert after == before and store.graph.number_of_nodes() == 20
    finally:
        driver.close()


def test_bulk_refuses_a_remote_server_or_aura(tmp_path: Path):
    from actorgraph.cli import cli

    GraphStore.open(tmp_path / "s", create=True).save()  # a store to push: a missing one is an error of its own
    result = CliRunner().invoke(cli, ["push", "--bulk", "--uri", "neo4j+s://abcd1234.databases.neo4j.io"],
                                env={"ACTORGRAPH_STORE": str(tmp_path / "s"), "NEO4J_PASSWORD": "x"}, catch_exceptions=False)
    assert result.exit_code == 1
    assert result.output.startswith("Error: --bulk writes the database files of a server on this machine")
    assert "Aura" in result.output and "actorgraph push" in result.output
