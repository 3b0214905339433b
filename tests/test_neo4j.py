"""Neo4j integration tests, on a real server (see the ``neo4j_settings`` fixture in conftest.py)."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.export import write_json
from graph.model import Evidence, Relation
from graph.neo4j import Neo4jWriter, read_store
from graph.store import GraphStore
from graph.taxonomy import load_taxonomy
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.neo4j


def neo4j_args(settings) -> list[str]:
    return ["--uri", settings.uri, "--user", settings.user, "--database", settings.database]


def run_cli(settings, *args: str, store: Path):
    from actorgraph.cli import cli

    env = {"ACTORGRAPH_STORE": str(store), "NEO4J_PASSWORD": settings.secret()}
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def counts(driver, database: str) -> dict[str, object]:
    """What is in Neo4j: nodes per label set, relationships per type, and a fingerprint of properties."""
    def q(cypher: str) -> list[dict]:
        return [r.data() for r in driver.execute_query(cypher, database_=database).records]

    return {
        "labels": Counter({tuple(sorted(r["labels"])): r["n"] for r in q("MATCH (n) RETURN labels(n) AS labels, count(*) AS n")}),
        "types": Counter({r["type"]: r["n"] for r in q("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")}),
        "actors": q("MATCH (a:Actor) RETURN a {.*} AS a ORDER BY a.id"),
        "relations": q("MATCH (s)-[r]->(t) RETURN s.id AS s, type(r) AS type, t.id AS t, r {.*} AS props ORDER BY s, type, t"),
    }


def expected_counts(store: GraphStore) -> tuple[Counter, Counter]:
    tax = load_taxonomy()
    labels = Counter(tuple(sorted(["Actor", tax.kind(a.kind).label])) for a in store.actors())
    labels[("Document",)] = len(store.documents)
    types = Counter(r.type for r in store.relations())
    mentions = sum(1 for a in store.actors() for d in a.documents if d in store.documents)
    if mentions:
        types["MENTIONS"] = mentions
    return labels, types


def export_bytes(store: GraphStore, path: Path) -> bytes:
    write_json(store, path)
    return path.read_bytes()


def test_push_writes_the_local_graph(neo4j_db, neo4j_settings, sample_store: Path):
    store = GraphStore.open(sample_store)
    assert store.graph.number_of_edges() > 0
    written = Neo4jWriter(neo4j_db, neo4j_settings.database).write_store(store, batch_size=3)  # several batches
    assert written["actors"] == store.graph.number_of_nodes()
    assert written["relations"] == store.graph.number_of_edges()
    got = counts(neo4j_db, neo4j_settings.database)
    labels, types = expected_counts(store)
    assert got["labels"] == labels
    assert got["types"] == types
    # Properties follow the data model: evidence as parallel lists, kind as a property.
    by_id = {a["a"]["id"]: a["a"] for a in got["actors"]}
    for actor in store.actors():
        assert by_id[actor.id]["kind"] == actor.kind
        assert sorted(by_id[actor.id]["aliases"]) == actor.aliases
    rel = store.relations()[0]
    row = next(r for r in got["relations"] if (r["s"], r["type"], r["t"]) == (rel.source, rel.type, rel.target))
    assert row["props"]["evidence_count"] == len(rel.evidence)
    assert row["props"]["ev_sentence"] == [e.sentence for e in rel.evidence]
    assert row["props"]["ev_doc"] == [e.doc for e in rel.evidence]


def test_constraints_and_indexes(neo4j_db, neo4j_settings):
    Neo4jWriter(neo4j_db, neo4j_settings.database).ensure_schema()
    db = neo4j_settings.database
    constraints = {
        (tuple(r["labelsOrTypes"]), tuple(r["properties"]), r["type"])
        for r in neo4j_db.execute_query("SHOW CONSTRAINTS", database_=db).records
    }
    assert (("Actor",), ("id",), "UNIQUENESS") in constraints
    assert (("Document",), ("id",), "UNIQUENESS") in constraints
    indexes = {
        (tuple(r["labelsOrTypes"] or ()), tuple(r["properties"] or ()))
        for r in neo4j_db.execute_query("SHOW INDEXES", database_=db).records
    }
    assert {(("Actor",), ("kind",)), (("Actor",), ("name",))} <= indexes
    # A second writer does not fail on, or duplicate, the existing schema.
    Neo4jWriter(neo4j_db, db).ensure_schema()
    assert len(neo4j_db.execute_query("SHOW CONSTRAINTS", database_=db).records) == len(constraints)


def test_push_twice_changes_nothing(neo4j_db, neo4j_settings, sample_store: Path):
    store = GraphStore.open(sample_store)
    writer = Neo4jWriter(neo4j_db, neo4j_settings.database)
    writer.write_store(store)
    first = counts(neo4j_db, neo4j_settings.database)
    writer.write_store(store, batch_size=2)
    assert counts(neo4j_db, neo4j_settings.database) == first


def test_write_relations_alone_gives_what_write_store_gives(neo4j_db, neo4j_settings, sample_store: Path):
    store = GraphStore.open(sample_store)
    writer = Neo4jWriter(neo4j_db, neo4j_settings.database)
    writer.write_store(store)
    full = counts(neo4j_db, neo4j_settings.database)
    neo4j_db.execute_query("MATCH (:Actor)-[r]->(:Actor) DELETE r", database_=neo4j_settings.database)
    assert writer.write_relations(store, batch_size=3) == store.graph.number_of_edges()
    assert counts(neo4j_db, neo4j_settings.database) == full
    # A relation whose actor Neo4j does not have is skipped, not half-written.
    neo4j_db.execute_query("MATCH (a:Actor) DETACH DELETE a", database_=neo4j_settings.database)
    writer.write_relations(store)
    assert counts(neo4j_db, neo4j_settings.database)["types"] == Counter()


def test_ingest_neo4j_twice_same_counts(neo4j_db, neo4j_settings, tmp_path: Path):
    store_path = tmp_path / "store"
    first = run_cli(neo4j_settings, "ingest", str(EXAMPLES), "-q", "--neo4j", *neo4j_args(neo4j_settings), store=store_path)
    assert first.exit_code == 0, first.output
    after_first = counts(neo4j_db, neo4j_settings.database)
    labels, types = expected_counts(GraphStore.open(store_path))
    assert after_first["labels"] == labels and after_first["types"] == types
    second = run_cli(neo4j_settings, "ingest", str(EXAMPLES), "-q", "--neo4j", *neo4j_args(neo4j_settings), store=store_path)
    assert second.exit_code == 0, second.output
    assert counts(neo4j_db, neo4j_settings.database) == after_first


def test_round_trip_export_is_byte_identical(neo4j_db, neo4j_settings, sample_store: Path, tmp_path: Path):
    pushed = run_cli(neo4j_settings, "push", *neo4j_args(neo4j_settings), store=sample_store)
    assert pushed.exit_code == 0, pushed.output
    pulled = run_cli(neo4j_settings, "pull", *neo4j_args(neo4j_settings), store=tmp_path / "pulled")
    assert pulled.exit_code == 0, pulled.output
    original = export_bytes(GraphStore.open(sample_store), tmp_path / "a.json")
    assert export_bytes(GraphStore.open(tmp_path / "pulled"), tmp_path / "b.json") == original
    # pull never overwrites a store holding data unless told to
    again = run_cli(neo4j_settings, "pull", *neo4j_args(neo4j_settings), store=tmp_path / "pulled")
    assert again.exit_code == 1 and "--replace" in again.output


def test_changed_document_replaces_its_old_version(neo4j_db, neo4j_settings, tmp_path: Path):
    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLES, docs)
    store_path = tmp_path / "store"
    args = ("ingest", str(docs), "-q", "--neo4j", *neo4j_args(neo4j_settings))
    assert run_cli(neo4j_settings, *args, store=store_path).exit_code == 0
    before = counts(neo4j_db, neo4j_settings.database)
    # Keep only the first two paragraphs of one article: relations from the rest must vanish from Neo4j too.
    article = sorted(docs.glob("*.txt"))[0]
    article.write_text("\n".join(article.read_text(encoding="utf-8").splitlines()[:2]) + "\n", encoding="utf-8")
    assert run_cli(neo4j_settings, *args, store=store_path).exit_code == 0
    local = GraphStore.open(store_path)
    assert counts(neo4j_db, neo4j_settings.database) != before
    back = read_store(neo4j_db, neo4j_settings.database, tmp_path / "back")
    assert export_bytes(back, tmp_path / "b.json") == export_bytes(local, tmp_path / "a.json")


def test_who_sanctions_whom(neo4j_db, neo4j_settings, sample_store: Path, tmp_path: Path):
    store = GraphStore.open(sample_store)
    store.path = tmp_path / "store"
    if not store.relations(["SANCTIONS"]):
        # The sample text may yield no SANCTIONS yet: add one between two sample actors so the query has rows.
        states = [a.id for a in store.actors("state")] or [a.id for a in store.actors()]
        doc = sorted(store.documents)[0]
        store.add_relation(Relation(source=states[0], type="SANCTIONS", target=states[-1], evidence=[
            Evidence(doc=doc, sentence="A test sentence.", start=0, end=16, date="2025-10-24", confidence=0.9)]))
    Neo4jWriter(neo4j_db, neo4j_settings.database).write_store(store)
    rows = neo4j_db.execute_query(
        "MATCH (s:Actor)-[r:SANCTIONS]->(t:Actor) "
        "RETURN s.name AS source, t.name AS target, r.evidence_count AS evidence, r.date AS date "
        "ORDER BY source, target",
        database_=neo4j_settings.database,
    ).records
    names = {a.id: a.name for a in store.actors()}
    expected = sorted(
        ({"source": names[r.source], "target": names[r.target], "evidence": len(r.evidence), "date": r.date}
         for r in store.relations(["SANCTIONS"])),
        key=lambda r: (r["source"], r["target"]),
    )
    assert expected
    assert [r.data() for r in rows] == expected


def test_wrong_password_is_one_line_without_the_password(neo4j_settings, sample_store: Path):
    bad = neo4j_settings.model_copy(update={"password": neo4j_settings.password.__class__("not-the-Pa55word")})
    result = run_cli(bad, "push", *neo4j_args(bad), store=sample_store)
    assert result.exit_code == 1
    assert "credentials" in result.output and "not-the-Pa55word" not in result.output
    assert len(result.output.strip().splitlines()) == 1


@pytest.mark.slow  # a 10k-relation store written twice (~7 s)
def test_parallel_writers_give_what_one_writer_gives(neo4j_db, neo4j_settings, random_store):
    """Several sessions writing relations at once (each on its own actors) store exactly what one does."""
    db = neo4j_settings.database
    one = Neo4jWriter(neo4j_db, db, workers=1)
    one.write_store(random_store, batch_size=50)
    expected = counts(neo4j_db, db)
    assert sum(expected["types"].values()) > random_store.graph.number_of_edges()  # relations and mentions
    neo4j_db.execute_query("MATCH (:Actor)-[r]->(:Actor) DELETE r", database_=db)
    many = Neo4jWriter(neo4j_db, db, workers=3)
    many.parallel_min = 0  # the test graph is small
    assert many.write_relations(random_store, batch_size=25) == random_store.graph.number_of_edges()
    assert counts(neo4j_db, db) == expected
    many.write_store(random_store, batch_size=25)  # again, over what is there: idempotent
    assert counts(neo4j_db, db) == expected
