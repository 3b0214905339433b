"""`actorgraph query` and `actorgraph cypher`: offline behaviour, then on a real Neo4j server."""

from __future__ import annotations

import json

import neo4j
import pytest

from graph.store import GraphStore
from queries import load_query


def test_query_list_and_show_need_no_server(cli):
    out = cli("query", "--list")
    assert out.exit_code == 0
    assert "neighbourhood" in out.output and "actor (actor, required), depth=1" in out.output
    listed = json.loads(cli("query", "--list", "--format", "json").output)
    hood = next(q for q in listed if q["name"] == "neighbourhood")
    assert {"name": "depth", "kind": "int", "required": False, "default": 1}.items() <= hood["params"][1].items()
    shown = cli("query", "dyad_timeline", "--show")
    assert shown.output == load_query("dyad_timeline").source and ":param scores => {" in shown.output


def test_bad_names_fail_before_connecting(cli):
    out = cli("query", "nope")
    assert out.exit_code == 1 and "unknown query 'nope'; queries: actors_by_kind" in out.output
    out = cli("query", "brokers", "-p", "colour=red")
    assert out.exit_code == 1 and "has no parameter 'colour'" in out.output
    out = cli("query", "brokers", "-p", "novalue")
    assert out.exit_code == 2 and "is not NAME=VALUE" in out.output


def test_unreachable_server_is_one_line(cli):
    out = cli("cypher", "RETURN 1", "--uri", "bolt://127.0.0.1:9")
    assert out.exit_code == 1 and out.output.startswith("Error: cannot reach Neo4j") and "Traceback" not in out.output


# -- on a real server -----------------------------------------------------------------


@pytest.fixture(scope="module")
def pushed(neo4j_settings, neo4j_driver, sample_store):
    """The sample corpus in Neo4j; yields the environment the CLI needs to reach it."""
    from graph.neo4j import Neo4jWriter

    writer = Neo4jWriter(neo4j_driver, neo4j_settings.database)
    writer.clear()
    writer.write_store(GraphStore.open(sample_store))
    yield {"NEO4J_URI": neo4j_settings.uri, "NEO4J_USER": neo4j_settings.user,
           "NEO4J_PASSWORD": neo4j_settings.secret(), "NEO4J_DATABASE": neo4j_settings.database,
           "ACTORGRAPH_STORE": str(sample_store)}
    writer.clear()


def run(runner, env, *args):
    from actorgraph.cli import cli as group

    return runner.invoke(group, list(args), env=env, catch_exceptions=False)


@pytest.mark.neo4j
@pytest.mark.slow  # every named query against every offline report (~12 s)
def test_query_answers_like_the_offline_commands(runner, pushed):
    online = run(runner, pushed, "query", "neighbourhood", "-p", "actor=Petro", "-p", "depth=2", "--format", "json")
    offline = run(runner, pushed, "neighbours", "petro", "--depth", "2", "--format", "json")
    assert online.exit_code == 0, online.output
    assert json.loads(online.output) == json.loads(offline.output)
    online = json.loads(run(runner, pushed, "query", "dyad_timeline", "-p", "a=trump", "-p", "b=petro", "--format", "json").output)
    offline = json.loads(run(runner, pushed, "timeline", "trump", "petro", "--format", "json").output)
    keys = ("step", "when", "dated_by", "source", "type", "target", "score", "balance", "doc", "start", "end")
    assert online and [{k: r[k] for k in keys} for r in online] == [{k: r[k] for k in keys} for r in offline]
    table = run(runner, pushed, "query", "shortest_paths", "-p", "source=petro", "-p", "target=maduro")
    assert table.exit_code == 0 and "gustavo-petro -" in table.output


@pytest.mark.neo4j
def test_query_errors_list_choices(runner, pushed):
    out = run(runner, pushed, "query", "neighbourhood", "-p", "actor=united")
    assert out.exit_code == 1 and "closest: " in out.output and "(united-states)" in out.output
    out = run(runner, pushed, "query", "relations_citing_document", "-p", "doc=trump-petro")
    assert out.exit_code == 1 and "closest: trump-petro-summit-preview" in out.output
    out = run(runner, pushed, "query", "most_targeted", "-p", "types=BOMBS")
    assert out.exit_code == 1 and "unknown relation type 'BOMBS'; known: ALLIED_WITH" in out.output


@pytest.mark.neo4j
def test_cypher_is_read_only_unless_write(runner, pushed, neo4j_driver, neo4j_settings):
    def count() -> int:
        return neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=neo4j_settings.database).records[0]["n"]

    before = count()
    out = run(runner, pushed, "cypher", "MATCH (a:Actor {id: $id})-[r]-(b:Actor) RETURN DISTINCT b.id AS id ORDER BY id",
              "-p", "id=gustavo-petro", "--format", "csv")
    assert out.exit_code == 0 and out.output.splitlines()[0] == "id" and "donald-trump" in out.output
    for statement in ("CREATE (n:Scratch) RETURN n", "MATCH (n) DETACH DELETE n", "MATCH (a:Actor) SET a.x = 1",
                      "CREATE INDEX scratch IF NOT EXISTS FOR (n:Scratch) ON (n.v)"):
        refused = run(runner, pushed, "cypher", statement)
        assert refused.exit_code == 1 and "refused" in refused.output and "--write" in refused.output, statement
    assert count() == before
    wrote = run(runner, pushed, "cypher", "CREATE (n:Scratch {v: $v}) RETURN n.v AS v", "-p", "v=5", "--write", "--format", "json")
    assert json.loads(wrote.output) == [{"v": 5}] and count() == before + 1
    run(runner, pushed, "cypher", "MATCH (n:Scratch) DELETE n", "--write")
    assert count() == before
    # The server also refuses writes in a read session, whatever EXPLAIN said.
    with neo4j_driver.session(database=neo4j_settings.database, default_access_mode=neo4j.READ_ACCESS) as s, \
            pytest.raises(neo4j.exceptions.ClientError):
        s.run("CREATE (n:Scratch)").consume()
    assert count() == before


@pytest.mark.neo4j
def test_cypher_errors_and_timeout_are_one_line(runner, pushed):
    bad = run(runner, pushed, "cypher", "MATCH (a:Actor RETURN a")
    assert bad.exit_code == 1 and bad.output.startswith("Error: Neo4j: Invalid input") and len(bad.output.splitlines()) == 1
    slow = run(runner, pushed, "cypher", "UNWIND range(1, 1000000000) AS i WITH i WHERE i % 7 = 0 RETURN count(*)",
               "--timeout", "0.5")
    assert slow.exit_code == 1 and "did not finish within 0.5 s" in slow.output
