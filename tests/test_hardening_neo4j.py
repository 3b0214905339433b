"""Neo4j faults on a real server of this module's own (it is killed and restarted here):
server down, wrong password, the JVM killed mid-push, and two pushes at once.

The server comes from scripts/neo4j.sh on free ports (or $HARDEN_NEO4J_BOLT_PORT/_HTTP_PORT).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, NEO4J_SCRIPT, _free_port, _neo4j_jars_cached, _neo4j_unavailable, make_random_store
from tests.test_hardening import AG, Run, assert_clean, error_line

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


class Server:
    def __init__(self, inst: Path) -> None:
        self.inst = inst
        self.env = dict(os.environ, ACTORGRAPH_NEO4J_DATA=str(inst),
                        NEO4J_BOLT_PORT=os.environ.get("HARDEN_NEO4J_BOLT_PORT") or str(_free_port()),
                        NEO4J_HTTP_PORT=os.environ.get("HARDEN_NEO4J_HTTP_PORT") or str(_free_port()))
        self.uri = f"bolt://127.0.0.1:{self.env['NEO4J_BOLT_PORT']}"

    def script(self, cmd: str) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", str(NEO4J_SCRIPT), cmd], env=self.env, capture_output=True, text=True, timeout=300)

    @property
    def password(self) -> str:
        return (self.inst / "password").read_text().strip()

    @property
    def pid(self) -> int:
        return int((self.inst / "run" / "neo4j.pid").read_text().strip())

    def cli_env(self, store: Path, password: str | None = None) -> dict[str, str]:
        return {"ACTORGRAPH_STORE": str(store), "NEO4J_URI": self.uri, "NEO4J_USER": "neo4j",
                "NEO4J_PASSWORD": password if password is not None else self.password}

    def query(self, cypher: str) -> list[dict]:
        from graph.neo4j import Neo4jSettings, connect

        driver = connect(Neo4jSettings(uri=self.uri, password=self.password))
        try:
            with driver.session() as s:
                return [r.data() for r in s.run(cypher)]
        finally:
            driver.close()

    def counts(self) -> dict[str, int]:
        actors = self.query("MATCH (a:Actor) RETURN count(a) AS n, count(DISTINCT a.id) AS ids")[0]
        rels = self.query("MATCH (s:Actor)-[r]->(t:Actor) RETURN count(r) AS n, "
                          "count(DISTINCT [s.id, type(r), t.id]) AS keys")[0]
        return {"actors": actors["n"], "actor_ids": actors["ids"], "relations": rels["n"], "relation_keys": rels["keys"]}

    def wipe(self) -> None:
        self.query("MATCH (n) DETACH DELETE n")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    if not (shutil.which("java") and (shutil.which("mvn") or _neo4j_jars_cached())):
        _neo4j_unavailable("Java 17 + Maven are not installed to start a server")
    srv = Server(tmp_path_factory.mktemp("neo4j-harden"))
    started = srv.script("start")
    try:
        if started.returncode != 0:
            _neo4j_unavailable("scripts/neo4j.sh start failed: " + (started.stderr.strip().splitlines() or ["?"])[-1])
        yield srv
    finally:
        srv.script("stop")


def ag(*args: str | Path, env: dict[str, str], timeout: float = 600) -> Run:
    full = dict(os.environ, **env)
    full.pop("ACTORGRAPH_DEBUG", None)
    p = subprocess.run([str(AG), *map(str, args)], capture_output=True, text=True, env=full, timeout=timeout)
    res = Run(p.returncode, p.stdout, p.stderr)
    assert_clean(res)
    return res


def store_counts(store: Path) -> dict[str, int]:
    from graph.store import GraphStore

    g = GraphStore.open(store).graph
    return {"actors": g.number_of_nodes(), "actor_ids": g.number_of_nodes(),
            "relations": g.number_of_edges(), "relation_keys": g.number_of_edges()}


def test_server_down_before_ingest_writes_the_local_store_and_exits_1(tmp_path):
    port = _free_port()  # nothing listens there
    store = tmp_path / "store"
    res = ag("ingest", "-q", EXAMPLES, "--neo4j",
             env={"ACTORGRAPH_STORE": str(store), "NEO4J_URI": f"bolt://127.0.0.1:{port}", "NEO4J_PASSWORD": "pw-not-used"})
    assert res.rc == 1
    line = error_line(res)
    assert line.startswith(f"Error: cannot reach Neo4j at bolt://127.0.0.1:{port}") and "local store was written" in line
    assert store_counts(store)["actors"] > 0


def test_wrong_password_is_refused_and_never_printed(server, tmp_path):
    wrong = "Wr0ng-pa55word-xyzzy"
    store = tmp_path / "store"
    for args in (["ingest", "-q", EXAMPLES, "--neo4j"], ["push"]):
        res = ag(*args, env=server.cli_env(store, password=wrong))
        assert res.rc == 1
        assert error_line(res).startswith(f"Error: Neo4j at {server.uri} rejected the credentials of user 'neo4j' "
                                          "(check NEO4J_USER / NEO4J_PASSWORD)")
        assert wrong not in res.text
        assert server.password not in res.text
    assert store_counts(store)["actors"] > 0  # the local store was still written by ingest


def test_jvm_killed_mid_push_then_restarted_a_rerun_completes_without_duplicates(server, tmp_path):
    server.wipe()
    store = tmp_path / "store"
    make_random_store(store, actors=1500, relations=20000, documents=200)  # hundreds of batches: still pushing when killed
    expected = store_counts(store)
    env = dict(os.environ, **server.cli_env(store))
    p = subprocess.Popen([str(AG), "push", "--batch-size", "100"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=env)
    deadline = time.monotonic() + 120
    while True:  # wait until some, not all, of the relations are in
        n = server.query("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
        if n > 0 or p.poll() is not None or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert p.poll() is None, "the push ended before the server could be killed; make the store bigger"
    os.kill(server.pid, signal.SIGKILL)
    out, err = p.communicate(timeout=180)
    res = Run(p.returncode, out, err)
    assert_clean(res)
    assert res.rc == 1 and error_line(res).startswith("Error: ")

    restarted = server.script("start")
    assert restarted.returncode == 0, restarted.stderr
    partial = server.counts()
    assert partial["relations"] < expected["relations"]  # the kill did interrupt the push
    rerun = ag("push", env=server.cli_env(store))
    assert rerun.rc == 0, rerun.err
    assert server.counts() == expected


def test_two_pushes_of_overlapping_stores_at_once_give_no_duplicates(server, tmp_path):
    server.wipe()
    a, b = tmp_path / "a", tmp_path / "b"
    make_random_store(a, actors=400, relations=1500, documents=60, seed=7)
    shutil.copytree(a, b)  # the same graph pushed twice at once: the most overlap there can be
    expected = store_counts(a)
    procs = [subprocess.Popen([str(AG), "push", "--batch-size", "100"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=dict(os.environ, **server.cli_env(s))) for s in (a, b)]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert_clean(Run(p.returncode, out, err))
        assert p.returncode == 0, err
    assert server.counts() == expected


def test_two_ingests_with_neo4j_at_once_give_no_duplicates(server, tmp_path):
    server.wipe()
    corpus = tmp_path / "corpus"
    for i in range(4):
        for src in sorted(EXAMPLES.glob("*.txt")):
            (corpus / str(i % 2)).mkdir(parents=True, exist_ok=True)
            (corpus / str(i % 2) / f"{src.stem}-{i}.txt").write_text(src.read_text(encoding="utf-8") + f"\nCopy {i}.\n",
                                                                      encoding="utf-8")
    store = tmp_path / "store"
    procs = [subprocess.Popen([str(AG), "ingest", "-q", "--neo4j", EXAMPLES, corpus / part], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=dict(os.environ, **server.cli_env(store)))
             for part in ("0", "1")]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert_clean(Run(p.returncode, out, err))
        assert p.returncode == 0, err
    got = server.counts()
    assert got["actors"] == got["actor_ids"] and got["relations"] == got["relation_keys"]
    assert got == store_counts(store)


@pytest.mark.parametrize("statement", [
    "MATCH (n) DETACH DELETE n",
    "CREATE (x:Evil {a: 1})",
    "MATCH (a:Actor) SET a.name = 'x'",
    "CALL { CREATE (x:Evil) } IN TRANSACTIONS",
    "MATCH (a:Actor {id: $id}) DETACH DELETE a //",
])
def test_cypher_refuses_writes_without_write_flag(server, tmp_path, statement):
    server.wipe()
    store = tmp_path / "store"
    make_random_store(store, actors=30, relations=60, documents=5)
    assert ag("push", env=server.cli_env(store)).rc == 0
    before = server.counts()
    res = ag("cypher", statement, "--param", "id=actor-1", env=server.cli_env(store))
    assert res.rc == 1
    assert error_line(res) == "Error: refused: this statement writes; add --write to run it"
    assert server.counts() == before


def test_cypher_timeout_and_explicit_write(server, tmp_path):
    env = server.cli_env(tmp_path / "store")
    slow = ag("cypher", "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 100 RETURN count(x)", "--timeout", "1",
              env=env, timeout=60)
    assert slow.rc == 1 and error_line(slow) == "Error: the query did not finish within 1 s (raise --timeout)"
    made = ag("cypher", "CREATE (x:HardenTmp {a: 1}) RETURN x.a AS a", "--write", "--format", "csv", env=env)
    assert made.rc == 0 and made.out.splitlines() == ["a", "1"]
    assert ag("cypher", "MATCH (x:HardenTmp) DELETE x", "--write", env=env).rc == 0


def test_read_only_cypher_cannot_terminate_another_clients_transaction(server, tmp_path):
    """Issue 19 #1: EXPLAIN calls SHOW ... TERMINATE TRANSACTIONS a read; the allow-list refuses it."""
    from graph.neo4j import Neo4jSettings, connect

    server.wipe()
    env = server.cli_env(tmp_path / "store")
    driver = connect(Neo4jSettings(uri=server.uri, password=server.password))
    try:
        with driver.session() as session:
            tx = session.begin_transaction()
            tx.run("CREATE (x:HardenHold {a: 1})").consume()  # another client's open write transaction
            res = ag("cypher", "SHOW TRANSACTIONS YIELD transactionId AS t, currentQuery WHERE NOT currentQuery "
                     "CONTAINS 'TERMINATE' TERMINATE TRANSACTIONS t YIELD transactionId, message RETURN *", env=env)
            assert res.rc == 1
            assert error_line(res).startswith("Error: refused: TERMINATE administers the server")
            tx.commit()  # still alive: it commits
    finally:
        driver.close()
    assert server.query("MATCH (x:HardenHold) RETURN count(x) AS n") == [{"n": 1}]
    server.query("MATCH (x:HardenHold) DELETE x")
    # Reads of the server's state are not schema changes: they run without --write.
    shown = ag("cypher", "SHOW SETTINGS YIELD name WHERE name = 'db.transaction.timeout' RETURN name", "--format",
               "csv", env=env)
    assert shown.rc == 0 and shown.out.splitlines() == ["name", "db.transaction.timeout"], shown.err
    listed = ag("cypher", "CALL dbms.listConfig('db.transaction.timeout') YIELD name RETURN name", "--format", "csv",
                env=env)
    assert listed.rc == 0 and listed.out.splitlines() == ["name", "db.transaction.timeout"], listed.err
    mine = ag("cypher", "SHOW TRANSACTIONS YIELD currentQuery RETURN count(*) AS n", "--format", "csv", env=env)
    assert mine.rc == 0 and mine.out.splitlines()[0] == "n", mine.err


def test_pull_refuses_records_outside_the_taxonomy_and_keeps_the_store(server, tmp_path):
    """Issue 19 #6: a kind set by hand in Neo4j must not become a local store that no command opens."""
    server.wipe()
    store = tmp_path / "store"
    make_random_store(store, actors=30, relations=60, documents=5)
    env = server.cli_env(store)
    assert ag("push", env=env).rc == 0
    assert ag("cypher", "MATCH (a:Actor {id: $id}) SET a.kind = 'think_tank'", "--write", "-p", "id=actor-0001",
              env=env).rc == 0
    before = (store / "graph.json").read_bytes()
    res = ag("pull", "--replace", env=env)
    assert res.rc == 1
    line = error_line(res)
    assert "actor 'actor-0001' has no name, or a kind not in the taxonomy: 'think_tank'" in line
    assert f"nothing was written to {store}" in line
    assert (store / "graph.json").read_bytes() == before
    assert ag("actors", env=env).rc == 0
