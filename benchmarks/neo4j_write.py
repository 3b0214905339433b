"""Benchmark: the batched Neo4j writer vs one transaction per relationship, same server, same run.

A seeded synthetic graph (default 10,000 actors, 100,000 relations, one evidence sentence each)
is written with ``Neo4jWriter.write_relations`` (batched ``UNWIND ... MERGE``, two sessions at
once; the timing includes building the rows), after warm-up passes that bring a fresh server to
its steady rate (the cold first pass is reported too), then again with ``write_store`` (documents,
actors, mentions and relations, as ``actorgraph push`` sends them). The baseline writes a sample
of relations with one ``execute_write`` transaction each, the naive way, on the same warm server,
and its rate is extrapolated.

    eval "$(bash scripts/neo4j.sh env)"     # or leave NEO4J_URI unset: a throwaway server is started
    .venv/bin/python benchmarks/neo4j_write.py [--actors 10000 --relations 100000 --baseline 2000]

Prints relationships/s for both and the ratio; writes benchmarks/results/neo4j_write.json.
The target database is emptied first.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.model import Actor, Document, Evidence, Relation  # noqa: E402
from graph.neo4j import Neo4jSettings, Neo4jWriter, connect  # noqa: E402
from graph.neo4j.writer import DEFAULT_BATCH_SIZE, DEFAULT_WORKERS, relation_row  # noqa: E402
from graph.store import GraphStore  # noqa: E402
from graph.taxonomy import load_taxonomy  # noqa: E402


def synthetic_store(n_actors: int, n_relations: int, seed: int = 42) -> GraphStore:
    rng = random.Random(seed)
    tax = load_taxonomy()
    kinds = sorted(tax.actor_kinds)
    types = sorted(tax.relation_types)
    store = GraphStore(tempfile.mkdtemp(prefix="ag-bench-"))
    docs = [f"doc-{i:04d}" for i in range(max(1, n_relations // 1000))]
    for d in docs:
        store.documents[d] = Document(id=d, title=f"Synthetic {d}", path=f"{d}.txt", date="2025-01-01", sha256=d)
    for i in range(n_actors):
        store.add_actor(Actor(id=f"actor-{i:05d}", name=f"Actor {i}", kind=rng.choice(kinds),
                              aliases=[f"A{i}"], documents=[rng.choice(docs)]))
    ids = list(store.graph.nodes)
    seen: set[tuple[str, str, str]] = set()
    while len(seen) < n_relations:
        u, v, t = rng.choice(ids), rng.choice(ids), rng.choice(types)
        if u == v or (u, t, v) in seen or (v, t, u) in seen:
            continue
        seen.add((u, t, v))
        doc = rng.choice(docs)
        start = rng.randrange(0, 5000)
        ev = Evidence(doc=doc, sentence=f"{u} acts ({t.lower()}) towards {v} in sentence {len(seen)}.",
                      start=start, end=start + 60, date=f"2025-{rng.randint(1, 12):02d}-01",
                      confidence=round(rng.random(), 2), pattern="synthetic")
        store.add_relation(Relation(source=u, type=t, target=v, evidence=[ev]))
    return store


@contextlib.contextmanager
def server() -> Iterator[Neo4jSettings]:
    """$NEO4J_URI if set, else a throwaway server from scripts/neo4j.sh on free ports."""
    global _SERVER_PID
    if os.environ.get("NEO4J_URI"):
        inst = os.environ.get("ACTORGRAPH_NEO4J_DATA")
        _SERVER_PID = _read_pid(Path(inst) / "run" / "neo4j.pid") if inst else None
        yield Neo4jSettings.from_env()
        return
    ports = []
    for _ in range(2):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            ports.append(s.getsockname()[1])
    inst = tempfile.mkdtemp(prefix="ag-bench-neo4j-")
    env = dict(os.environ, ACTORGRAPH_NEO4J_DATA=inst, NEO4J_BOLT_PORT=str(ports[0]), NEO4J_HTTP_PORT=str(ports[1]))
    env.setdefault("NEO4J_HEAP", "2g")  # 1g: G1 pauses of 0.3–0.6 s while writing
    env.setdefault("NEO4J_PAGECACHE", "512m")
    script = str(ROOT / "scripts" / "neo4j.sh")
    subprocess.run(["bash", script, "start"], env=env, check=True)
    _SERVER_PID = _read_pid(Path(inst) / "run" / "neo4j.pid")
    try:
        yield Neo4jSettings(uri=f"bolt://127.0.0.1:{ports[0]}", password=Path(inst, "password").read_text().strip())
    finally:
        subprocess.run(["bash", script, "stop"], env=env, check=False)


def _write_one(tx, query: str, row: dict) -> None:
    tx.run(query, rows=[row]).consume()


def delete_relations(driver, db: str) -> None:
    with driver.session(database=db) as s:
        s.run("MATCH (:Actor)-[r]->(:Actor) CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS").consume()


def check(driver, db: str, store: GraphStore) -> None:
    n = driver.execute_query("MATCH (:Actor)-[r]->(:Actor) RETURN count(r) AS n", database_=db).records[0]["n"]
    if n != store.graph.number_of_edges():
        raise SystemExit(f"neo4j_write: {n} relations in the database, {store.graph.number_of_edges()} expected")


_SERVER_PID: int | None = None


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _server_cpu() -> float | None:
    """CPU seconds used so far by the local Neo4j server (Linux; None when its process is unknown)."""
    if _SERVER_PID is None:
        return None
    try:
        fields = Path(f"/proc/{_SERVER_PID}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=10_000)
    ap.add_argument("--relations", type=int, default=100_000)
    ap.add_argument("--baseline", type=int, default=2_000, help="relations written one transaction each")
    ap.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    ap.add_argument("--warmup", type=int, default=5, help="most warm-up passes after the cold one")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes of the batched writer (the median is reported)")
    ap.add_argument("--workers", type=int, default=DEFAULT_WORKERS, help="sessions writing relations at once")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "neo4j_write.json")
    args = ap.parse_args()

    t = time.perf_counter()
    store = synthetic_store(args.actors, args.relations, args.seed)
    print(f"synthetic graph: {store.graph.number_of_nodes()} actors, {store.graph.number_of_edges()} relations "
          f"({time.perf_counter() - t:.1f}s to build)")

    with server() as settings:
        driver = connect(settings)
        writer = Neo4jWriter(driver, settings.database, workers=args.workers)
        db = settings.database
        writer.clear()
        writer.ensure_schema()

        # Actors first (both methods need them), then the baseline: one transaction per relation.
        nodes_only = GraphStore(store.path)
        nodes_only.graph.add_nodes_from(store.graph.nodes(data=True))
        nodes_only.documents = store.documents
        writer.write_store(nodes_only, batch_size=args.batch_size)
        sample = list(store.graph.edges(keys=True))[: args.baseline]

        # Warm up the server (JIT, query plans, heap sizing): a fresh JVM writes its first 100k
        # relationships at about half the rate it settles at, and takes two to four more passes to
        # settle. The first pass is reported as the cold rate; further passes run until two in a
        # row are within 10% of each other (at most --warmup passes). Then start from actors only.
        t = time.perf_counter()
        cold = writer.write_store(store, batch_size=args.batch_size)["relations"] / (time.perf_counter() - t)
        warm: list[float] = []
        while len(warm) < args.warmup and not (len(warm) >= 2 and abs(warm[-1] / warm[-2] - 1) < 0.1):
            delete_relations(driver, db)
            t = time.perf_counter()
            warm.append(writer.write_relations(store, batch_size=args.batch_size) / (time.perf_counter() - t))
        print(f"cold first pass: {cold:,.0f} rel/s; warm-up passes: {', '.join(f'{r:,.0f}' for r in warm)} rel/s")
        delete_relations(driver, db)
        with driver.session(database=db) as s:
            for u, v, k in sample[:200]:
                s.execute_write(_write_one, writer.relation_query(k), relation_row(store._edge_dict(u, v, k)))
        delete_relations(driver, db)

        with driver.session(database=db) as s:
            t = time.perf_counter()
            for u, v, k in sample:
                s.execute_write(_write_one, writer.relation_query(k), relation_row(store._edge_dict(u, v, k)))
            baseline_s = time.perf_counter() - t
        baseline_rate = len(sample) / baseline_s
        print(f"baseline, one transaction per relation: {len(sample)} in {baseline_s:.2f}s = {baseline_rate:,.0f} rel/s")
        delete_relations(driver, db)  # the batched runs start from actors only too

        # Like for like with the baseline: the same relations, actors already in the database.
        # Timed --repeat times (the rate of one pass varies by ±10% on a shared 2-core machine);
        # the median pass is reported, with the others.
        passes = []
        for i in range(args.repeat):
            if i:
                delete_relations(driver, db)
            t, cpu, server_before = time.perf_counter(), time.process_time(), _server_cpu()
            sent = writer.write_relations(store, batch_size=args.batch_size)
            seconds, client = time.perf_counter() - t, time.process_time() - cpu
            passes.append((sent / seconds, seconds, client, None if server_before is None else _server_cpu() - server_before))
            check(driver, db, store)
        batched_rate, batched_s, client_cpu, server_cpu = sorted(passes)[len(passes) // 2]
        print(f"batched writer (batch {args.batch_size}, {args.workers} workers), relations only: {sent} in {batched_s:.2f}s = "
              f"{batched_rate:,.0f} rel/s, median of {len(passes)} passes "
              f"({', '.join(f'{p[0]:,.0f}' for p in passes)}; client CPU {client_cpu:.1f}s"
              + (f", server CPU {server_cpu:.1f}s)" if server_cpu is not None else ")"))
        ratio = batched_rate / baseline_rate
        print(f"ratio: {ratio:.1f}x the one-transaction-per-relation baseline")

        # The whole store as `actorgraph push` sends it: documents, actors, mentions, then relations.
        delete_relations(driver, db)
        t = time.perf_counter()
        counts = writer.write_store(store, batch_size=args.batch_size)
        store_s = time.perf_counter() - t
        check(driver, db, store)
        print(f"write_store: {counts['relations']} relations + {counts['actors']} actors + {counts['mentions']} mentions "
              f"in {store_s:.2f}s = {counts['relations'] / store_s:,.0f} rel/s")
        writer.clear()
        driver.close()

    result = {
        "benchmark": "neo4j_write", "actors": args.actors, "relations": sent, "batch_size": args.batch_size, "workers": args.workers,
        "batched_seconds": round(batched_s, 3), "client_cpu_seconds": round(client_cpu, 2),
        "server_cpu_seconds": None if server_cpu is None else round(server_cpu, 2),
        "batched_rel_per_s": round(batched_rate), "batched_passes_rel_per_s": [round(p[0]) for p in passes],
        "cold_rel_per_s": round(cold), "warmup_rel_per_s": [round(r) for r in warm],
        "baseline_sample": len(sample), "baseline_seconds": round(baseline_s, 3), "baseline_rel_per_s": round(baseline_rate),
        "ratio": round(ratio, 1),
        "write_store_seconds": round(store_s, 3), "write_store_rel_per_s": round(counts["relations"] / store_s),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_average": os.getloadavg()},
        "time": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
