"""Benchmark: ``push --bulk`` (Neo4j's import tool) vs the batched writer, same server, same store.

A seeded synthetic store (default 100,000 actors, 1,000,000 relations; see benchmarks/neo4j_write.py)
is saved and opened again (as the CLI opens it), then loaded into an empty database of a throwaway
server (scripts/neo4j.sh; the import stops and restarts it, so it is always a server of this benchmark's own)
with :func:`graph.neo4j.bulk.bulk_push`,
timed end to end (CSV, stop, import, start, list properties, schema) and, from the tool's log, the
import alone. The database is then emptied (an import of no rows) and the same store is written with
``Neo4jWriter.write_store`` (documents, actors, mentions, relations, as ``actorgraph push`` sends them).

    .venv/bin/python -m benchmarks.neo4j_bulk [--actors 100000 --relations 1000000] [--out FILE]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.neo4j_write import synthetic_store  # noqa: E402
from graph.neo4j import Neo4jSettings, Neo4jWriter, connect  # noqa: E402
from graph.neo4j.bulk import _import, bulk_push, write_bulk_csv  # noqa: E402
from graph.neo4j.writer import DEFAULT_WORKERS  # noqa: E402
from graph.store import GraphStore  # noqa: E402

_DONE = re.compile(r"IMPORT DONE in (?:(\d+)m )?(?:(\d+)s )?(\d+)ms")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _count(settings: Neo4jSettings) -> int:
    driver = connect(settings)
    try:
        return driver.execute_query("MATCH (:Actor)-[r]->(:Actor) RETURN count(r) AS n",
                                    database_=settings.database).records[0]["n"]
    finally:
        driver.close()


def _tool_seconds(log: Path) -> float | None:
    m = _DONE.search(log.read_text(errors="replace")) if log.exists() else None
    if not m:
        return None
    mins, secs, ms = (int(x) if x else 0 for x in m.groups())
    return mins * 60 + secs + ms / 1000


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.neo4j_bulk", description=__doc__.split("\n\n")[0])
    ap.add_argument("--actors", type=int, default=100_000)
    ap.add_argument("--relations", type=int, default=1_000_000)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "neo4j_bulk.json")
    ns = ap.parse_args(argv)

    inst = tempfile.mkdtemp(prefix="ag-bench-bulk-")
    env = {"ACTORGRAPH_NEO4J_DATA": inst, "NEO4J_BOLT_PORT": str(_free_port()), "NEO4J_HTTP_PORT": str(_free_port())}
    os.environ.update(env)
    os.environ.setdefault("NEO4J_HEAP", "2g")  # as benchmarks/neo4j_write.py: 1g gives long G1 pauses while writing
    os.environ.setdefault("NEO4J_PAGECACHE", "512m")
    os.environ.pop("NEO4J_HOME", None)
    script = str(ROOT / "scripts" / "neo4j.sh")
    subprocess.run(["bash", script, "start"], check=True, stdout=subprocess.DEVNULL)
    settings = Neo4jSettings(uri=f"bolt://127.0.0.1:{env['NEO4J_BOLT_PORT']}", password=Path(inst, "password").read_text().strip())
    out: dict = {"actors": ns.actors, "relations": ns.relations, "load_avg_at_start": os.getloadavg()}
    try:
        print(f"neo4j_bulk: generating {ns.actors:,} actors / {ns.relations:,} relations …", file=sys.stderr)
        store = synthetic_store(ns.actors, ns.relations)
        # Both commands get the store as `actorgraph push [--bulk]` does: opened from its files. (One built in
        # memory relation by relation has its objects scattered: the CSV took 3.5x the CPU time on it.)
        path = store.path
        store.save()
        del store
        gc.collect()
        store = GraphStore.open(path)
        t = time.perf_counter()
        counts = bulk_push(store, settings)
        bulk_s = time.perf_counter() - t
        assert _count(settings) == ns.relations, "bulk: wrong number of relations"
        tool_s = _tool_seconds(Path(inst) / "logs" / "import.log")
        out |= {"bulk_s": bulk_s, "bulk_seconds": counts["seconds"], "import_tool_s": tool_s,
                "bulk_rel_per_s": round(ns.relations / bulk_s)}
        if tool_s:
            out["import_tool_rel_per_s"] = round(ns.relations / tool_s)
        print(f"neo4j_bulk: bulk {bulk_s:.1f} s ({counts['seconds']}), tool {tool_s} s", file=sys.stderr)

        # Empty the database the quick way (an import of no rows), then the writer, as `actorgraph push` runs it.
        empty = write_bulk_csv(GraphStore(tempfile.mkdtemp()), tempfile.mkdtemp())
        _import(settings, empty["args"], None)
        assert _count(settings) == 0
        driver = connect(settings)
        try:
            t = time.perf_counter()
            Neo4jWriter(driver, settings.database, workers=DEFAULT_WORKERS).write_store(store)
            writer_s = time.perf_counter() - t
        finally:
            driver.close()
        assert _count(settings) == ns.relations, "writer: wrong number of relations"
        out |= {"writer_s": writer_s, "writer_rel_per_s": round(ns.relations / writer_s), "writer_workers": DEFAULT_WORKERS,
                "ratio_end_to_end": (ns.relations / bulk_s) / (ns.relations / writer_s), "load_avg_at_end": os.getloadavg()}
        print(f"neo4j_bulk: writer {writer_s:.1f} s", file=sys.stderr)
    finally:
        subprocess.run(["bash", script, "stop"], check=False, stdout=subprocess.DEVNULL)
    ns.out.parent.mkdir(parents=True, exist_ok=True)
    ns.out.write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
