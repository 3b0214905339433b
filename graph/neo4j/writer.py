"""Write the actor graph to Neo4j: idempotent, batched ``UNWIND $rows AS row MERGE ...``.

Data model (what ``queries/*.cypher`` and :mod:`graph.neo4j.reader` rely on):

- ``(:Actor:<Label> {id, name, kind, aliases, documents, codes, wikidata})``, ``<Label>`` the kind's taxonomy label;
- ``(:Actor)-[:<TYPE> {date, confidence, evidence_count, ev_doc, ev_sentence, ev_start, ev_end,
  ev_date, ev_confidence, ev_pattern, ev_background, ev_since, ev_provenance, ev_url}]->(:Actor)``, one
  relationship per stored edge, the evidence as parallel lists (``ev_date``, ``ev_since`` and ``ev_url`` are ""
  where unknown: lists cannot hold nulls); ``ev_provenance`` is "text" or an event dataset's name (filter
  with ``"gdelt" IN r.ev_provenance``);
- ``(:Document {id, title, path, url, date, sha256})-[:MENTIONS]->(:Actor)``.

Labels and relationship types cannot be query parameters, so rows are grouped by kind or
type and each group runs a query whose label or type comes from the taxonomy, never from
input. Every batch is one explicit transaction through ``execute_write``; the queries only
MERGE and SET, so a retried batch gives the same result.

>>> writer = Neo4jWriter(driver, "neo4j")  # doctest: +SKIP
>>> writer.write_store(GraphStore.open("actorgraph-data"))  # doctest: +SKIP
{'documents': 2, 'actors': 16, 'mentions': 22, 'relations': 12}
"""

from __future__ import annotations

import random
import time
import zlib
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from operator import itemgetter
from queue import Queue
from typing import Any

import neo4j

from extraction.gazetteer import wikidata_ids
from graph.model import EVIDENCE_FIELDS, Extraction, edge_summary, evidence_key
from graph.resolution import merged_away, read_state
from graph.store import GraphStore, pause_gc
from graph.taxonomy import Taxonomy, load_taxonomy

DEFAULT_BATCH_SIZE = 2000  # measured best on a 2-core machine (benchmarks/neo4j_write.py)
DEFAULT_WORKERS = 2  # sessions writing relations at once; the server's work per batch is single-threaded
RETRY_SECONDS = 30.0  # how long a batch is retried after transient failures (the driver's default)
PARALLEL_MIN_RELATIONS = 10_000  # below this, threads and sessions cost more than they save

SCHEMA = (
    "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
    "CREATE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind)",
    "CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name)",
)

RELATION_PROPERTIES = ("date", "confidence", "evidence_count", *(f"ev_{f}" for f in EVIDENCE_FIELDS))
RELATION_COLUMNS = ("source", "target", *RELATION_PROPERTIES)  # the order of a relation row

_DOCUMENTS = """
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.path = row.path, d.url = row.url, d.date = row.date, d.sha256 = row.sha256
"""

_MENTIONS = """
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MATCH (a:Actor {id: row.actor})
MERGE (d)-[:MENTIONS]->(a)
"""


class Neo4jWriter:
    """Writes a :class:`GraphStore` (or what some extractions changed in it) to one database."""

    def __init__(self, driver: neo4j.Driver, database: str = "neo4j", taxonomy: Taxonomy | None = None,
                 workers: int = DEFAULT_WORKERS) -> None:
        self.driver = driver
        self.database = database
        self.taxonomy = taxonomy or load_taxonomy()
        self.workers = max(1, workers)
        self.parallel_min = PARALLEL_MIN_RELATIONS
        self._schema_ready = False

    # -- schema ------------------------------------------------------------

    def ensure_schema(self) -> None:
        """Create the constraints and indexes (once per writer; IF NOT EXISTS on the server)."""
        if self._schema_ready:
            return
        with self.driver.session(database=self.database) as s:
            for statement in SCHEMA:  # schema changes cannot share a transaction with writes
                s.run(statement).consume()
            s.run("CALL db.awaitIndexes(120)").consume()
        self._schema_ready = True

    # -- writing -----------------------------------------------------------

    def write_store(self, store: GraphStore, batch_size: int = DEFAULT_BATCH_SIZE) -> dict[str, int]:
        """Write every document, actor and relation of ``store``; returns the counts written."""
        counts = self._write(store, list(store.documents), list(store.graph.nodes),
                             list(store.graph.edges(keys=True)), batch_size)
        self.write_resolution(store)
        return counts

    def write_resolution(self, store: GraphStore) -> None:
        """The store's actor decisions (graph.resolution) as one :Resolution node, and actors that
        merges removed deleted here too."""
        state = read_state(store.path)
        gone = [a for a in merged_away(store.path) if a not in store.graph]
        with self.driver.session(database=self.database) as s:
            if state is None:
                s.run("MATCH (r:Resolution {id: 'store'}) DELETE r").consume()
                return
            s.run("MERGE (r:Resolution {id: 'store'}) SET r.yaml = $yaml, r.undo = $undo", **state).consume()
            if gone:
                s.run("UNWIND $ids AS id MATCH (a:Actor {id: id}) DETACH DELETE a", ids=gone).consume()

    def write_relations(self, store: GraphStore, edges: Sequence[tuple[str, str, str]] | None = None,
                        batch_size: int = DEFAULT_BATCH_SIZE) -> int:
        """Write relations only (all of ``store``'s, or ``edges`` as ``(source, target, type)``) between
        actors already in Neo4j; a relation whose actor is missing there is skipped. Returns the count sent."""
        keys = list(store.graph.edges(keys=True)) if edges is None else list(edges)
        return self._write(store, [], [], keys, batch_size)["relations"]

    def write_extractions(self, extractions: Iterable[Extraction], store: GraphStore,
                          batch_size: int = DEFAULT_BATCH_SIZE) -> dict[str, int]:
        """Write what these extractions touched, as ``store`` holds it after merging them.

        The local store resolves merges (aliases, evidence, one edge per symmetric pair), so
        the touched actors and relations are copied from it rather than from the raw
        extractions. A document whose content changed also drops, in Neo4j, the actors and
        relations that the store dropped with its old version.
        """
        self.ensure_schema()
        docs = sorted({e.document.id for e in extractions})
        doc_set = set(docs)
        g = store.graph
        actors = {a.id for e in extractions for a in e.actors if a.id in g}
        actors |= {n for n in g.nodes if doc_set.intersection(g.nodes[n].get("documents", ()))}
        edges = {
            (u, v, k) for u, v, k, ev in g.edges(keys=True, data="evidence")
            if any(e["doc"] in doc_set for e in ev)
        }
        old_actors, old_edges = self._touched_by_changed(docs, store)
        stale_actors = [a for a in old_actors if a not in g]
        stale_edges = [e for e in old_edges if not g.has_edge(*e)]
        self._delete(stale_actors, stale_edges)
        # What survives lost the old version's evidence or mentions: rewrite it from the store.
        actors |= set(old_actors) - set(stale_actors)
        edges |= set(old_edges) - set(stale_edges)
        counts = self._write(store, docs, sorted(actors), sorted(edges), batch_size)
        counts["deleted_actors"], counts["deleted_relations"] = len(stale_actors), len(stale_edges)
        return counts

    def clear(self, batch_size: int = 10_000) -> int:
        """Delete every :Actor and :Document and their relationships, in bounded transactions.

        Relationships go first, so no transaction has to detach a dense node's whole neighbourhood.
        Returns how many nodes were deleted.
        """
        rels = ("MATCH (n)-[r]-() WHERE n:Actor OR n:Document WITH DISTINCT r LIMIT $limit "
                "DELETE r RETURN count(*) AS n")
        nodes = "MATCH (n) WHERE n:Actor OR n:Document WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS n"
        total = 0
        with self.driver.session(database=self.database) as s:
            for query in (rels, nodes):
                while True:
                    n = s.execute_write(lambda tx, q=query: tx.run(q, limit=batch_size).single()["n"])
                    total += n if query is nodes else 0
                    if n < batch_size:
                        break
        return total

    # -- internals ---------------------------------------------------------

    def _write(self, store: GraphStore, doc_ids: Sequence[str], actor_ids: Sequence[str],
               edges: Sequence[tuple[str, str, str]], batch_size: int) -> dict[str, int]:
        self.ensure_schema()
        batch_size = max(1, batch_size)
        doc_rows = [_document_row(store, d) for d in doc_ids if d in store.documents]
        by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        mention_rows = []
        qids = _wikidata_ids()
        for n in actor_ids:
            row = store._node_dict(n)
            row["wikidata"] = qids.get(n)  # null leaves the property unset
            by_kind[self.taxonomy.kind(row["kind"]).name].append(row)
            mention_rows += [{"doc": d, "actor": n} for d in row["documents"] if d in store.documents]
        by_type: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        for u, v, k in edges:
            by_type[self.taxonomy.relation(k).name].append((u, v, k))
        g = store.graph

        def jobs() -> Iterator[tuple[str, list[dict[str, Any]]]]:
            for batch in _chunks(doc_rows, batch_size):
                yield _DOCUMENTS, batch
            for kind, rows in sorted(by_kind.items()):
                for batch in _chunks(rows, batch_size):
                    yield self._actor_query(kind), batch
            for batch in _chunks(mention_rows, batch_size):
                yield _MENTIONS, batch
            if parallel:
                return  # written below, in parallel
            for rtype, keys in sorted(by_type.items()):
                query = self.relation_query(rtype)
                for chunk in _chunks(keys, batch_size):
                    # Rows are built here, while the previous batch is being written.
                    yield query, [edge_row(g, u, v, k) for u, v, k in chunk]

        parallel = self.workers > 1 and sum(len(r) for r in by_type.values()) >= self.parallel_min
        # No cyclic GC while rows are built: each full collection rescans the store's millions of
        # objects (1.1 of 1.6 s of client CPU for 100k rows), and rows hold no cycles.
        with pause_gc():  # one pause for all: re-enabling it between steps set off a full collection
            with self.driver.session(database=self.database) as s:
                _pipeline(s, jobs())
            if parallel:
                self._write_relations_parallel(g, [e for keys in by_type.values() for e in keys], batch_size)
        return {
            "documents": len(doc_rows),
            "actors": sum(len(r) for r in by_kind.values()),
            "mentions": len(mention_rows),
            "relations": sum(len(r) for r in by_type.values()),
        }

    def _actor_query(self, kind: str) -> str:
        labels = self.taxonomy.actor_kinds
        label = labels[kind].label  # validated CamelCase identifier from the taxonomy
        others = sorted({k.label for k in labels.values()} - {label})
        remove = f"\nREMOVE a:{':'.join(others)}" if others else ""  # a kind that changed loses its old label
        return (
            "UNWIND $rows AS row\n"
            "MERGE (a:Actor {id: row.id})\n"
            "SET a.name = row.name, a.kind = row.kind, a.aliases = row.aliases, a.documents = row.documents, "
            "a.wikidata = row.wikidata, a.codes = row.codes\n"
            f"SET a:{label}{remove}"
        )

    def _write_relations_parallel(self, g: Any, edges: list[tuple[str, str, str]], batch_size: int) -> None:
        """Write relations with ``self.workers`` sessions at once (see :func:`run_disjoint`).

        Each batch is one transaction with one query per relation type in it; a transient
        failure (a deadlock, say) is retried by :func:`_retrying`.
        """
        sessions: Queue[neo4j.Session] = Queue()
        # The driver would wait a second before retrying; these sessions leave retries to _retrying.
        opened = [self.driver.session(database=self.database, max_transaction_retry_time=0) for _ in range(self.workers)]
        for s in opened:
            sessions.put(s)
        queries = {k: self.relation_query(k) for k in {e[2] for e in edges}}

        def write(batch: list[tuple[str, str, str]]) -> None:
            by_type: dict[str, list[list[Any]]] = defaultdict(list)
            for u, v, k in batch:
                by_type[k].append(edge_row(g, u, v, k))
            session = sessions.get()
            try:
                _retrying(session, _run_many, [(queries[k], rows) for k, rows in sorted(by_type.items())])
            finally:
                sessions.put(session)

        try:
            run_disjoint(edges, write, self.workers, batch_size)
        finally:
            for s in opened:
                s.close()

    def relation_query(self, rtype: str) -> str:
        """The MERGE query for one relation type (whitelisted through the taxonomy)."""
        name = self.taxonomy.relation(rtype).name  # UPPER_SNAKE identifier, validated at load
        # Properties are set one by one: `SET r += row.props` makes the planner add an Eager step.
        # Rows are positional lists (RELATION_COLUMNS): 25% less to pack and send than maps.
        sets = ", ".join(f"r.{p} = row[{i}]" for i, p in enumerate(RELATION_COLUMNS) if p in RELATION_PROPERTIES)
        return (
            "UNWIND $rows AS row\n"
            "MATCH (s:Actor {id: row[0]})\n"
            "MATCH (t:Actor {id: row[1]})\n"
            f"MERGE (s)-[r:{name}]->(t)\n"
            f"SET {sets}"
        )

    def _touched_by_changed(self, doc_ids: Sequence[str], store: GraphStore) -> tuple[list[str], list[tuple[str, str, str]]]:
        """Actors and relations that Neo4j holds from the old version of a changed document.

        Also drops the MENTIONS of those documents; the write that follows recreates the current ones.
        """
        docs = [{"id": d, "sha256": store.documents[d].sha256} for d in doc_ids if d in store.documents]
        if not docs:
            return [], []
        with self.driver.session(database=self.database) as s:
            changed = [r["id"] for r in s.run(
                "UNWIND $docs AS d MATCH (doc:Document {id: d.id}) WHERE doc.sha256 <> d.sha256 RETURN doc.id AS id",
                docs=docs)]
            if not changed:
                return [], []
            actors = [r["id"] for r in s.run(
                "MATCH (a:Actor) WHERE any(d IN a.documents WHERE d IN $docs) RETURN a.id AS id", docs=changed)]
            edges = [(r["s"], r["t"], r["type"]) for r in s.run(
                "MATCH (s:Actor)-[r]->(t:Actor) WHERE any(d IN r.ev_doc WHERE d IN $docs) "
                "RETURN s.id AS s, t.id AS t, type(r) AS type", docs=changed)]
            s.execute_write(_run, "UNWIND $rows AS id MATCH (:Document {id: id})-[m:MENTIONS]->() DELETE m", changed)
        return actors, edges

    def _delete(self, actors: list[str], edges: list[tuple[str, str, str]]) -> None:
        if not actors and not edges:
            return
        by_type: dict[str, list[dict[str, str]]] = defaultdict(list)
        for u, v, k in edges:
            if k in self.taxonomy.relation_types:
                by_type[k].append({"source": u, "target": v})
        with self.driver.session(database=self.database) as s:
            for rtype, rows in by_type.items():
                s.execute_write(_run, f"UNWIND $rows AS row MATCH (:Actor {{id: row.source}})-[r:{rtype}]->"
                                      "(:Actor {id: row.target}) DELETE r", rows)
            if actors:
                s.execute_write(_run, "UNWIND $rows AS id MATCH (a:Actor {id: id}) DETACH DELETE a", actors)


def run_disjoint(edges: Sequence[tuple[str, str, str]], write: Callable[[list[tuple[str, str, str]]], None],
                 workers: int, batch_size: int) -> None:
    """Call ``write(batch)`` on up to ``workers`` threads, never on two batches that share an actor.

    Creating a relationship locks both its actors, so concurrent batches that share one wait
    for each other or deadlock. Actors are hashed into ``2 * workers`` parts; the relations
    between two parts (or within one) form a block, and a batch of a block starts only while
    no running batch touches its parts. The first failure stops the scheduling and is raised
    once the running batches end. The order in which batches run does not change the result.

    >>> seen = []
    >>> run_disjoint([("a", "b", "MEETS"), ("c", "d", "MEETS")], seen.append, workers=2, batch_size=1)
    >>> sorted(seen)
    [[('a', 'b', 'MEETS')], [('c', 'd', 'MEETS')]]
    """
    n_parts = 2 * max(1, workers)
    part: dict[str, int] = {}
    blocks: dict[frozenset[int], list[tuple[str, str, str]]] = defaultdict(list)
    for e in edges:
        for n in e[:2]:
            if n not in part:
                part[n] = zlib.crc32(n.encode("utf-8", "surrogatepass")) % n_parts
        blocks[frozenset((part[e[0]], part[e[1]]))].append(e)
    # By type within a block: a batch then needs one or two queries, not one per type.
    queue = {b: deque(_chunks(sorted(es, key=itemgetter(2)), batch_size)) for b, es in blocks.items()}
    # Disjoint actors are not quite enough: a new relationship also locks the first one in each
    # actor's chain, and a relation already written between two running blocks' parts can be that
    # first one at both ends (a deadlock, which costs a retry). So a batch is picked to keep
    # such relations few: parts with little written between them, blocks within one part first.
    written: Counter[frozenset[int]] = Counter()

    def risk(block: frozenset[int], busy: frozenset[int]) -> tuple[int, bool, int]:
        return sum(written[frozenset((p, q))] for p in block for q in busy), len(block) > 1, -len(queue[block])

    running: dict[Future[None], frozenset[int]] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        while queue or running:
            busy: frozenset[int] = frozenset().union(*running.values())
            while len(running) < workers:
                free = [b for b in queue if not b & busy]
                if not free:
                    break
                block = min(free, key=lambda b: risk(b, busy))
                batch = queue[block].popleft()
                if not queue[block]:
                    del queue[block]
                running[pool.submit(write, batch)] = block
                written[block] += len(batch)
                busy |= block
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for f in done:
                del running[f]
                f.result()  # the pool's exit waits for the batches still running


def _wikidata_ids() -> dict[str, str]:
    return wikidata_ids()


def relation_row(edge: dict[str, Any]) -> list[Any]:
    """One relation (as ``GraphStore._edge_dict`` gives it) as a row for :meth:`Neo4jWriter.relation_query`:
    the values of :data:`RELATION_COLUMNS` in order."""
    ev = edge["evidence"]
    row: list[Any] = [edge["source"], edge["target"], edge.get("date"), edge.get("confidence"), len(ev)]
    for f in EVIDENCE_FIELDS:
        # Neo4j lists cannot hold nulls: an unknown evidence date is stored as "".
        if f == "background":
            row.append([bool(e.get(f)) for e in ev])
            continue
        if f == "provenance":
            row.append([e.get(f) or "text" for e in ev])
            continue
        row.append([("" if e.get(f) is None else e.get(f)) for e in ev])
    return row


def edge_row(g: Any, u: str, v: str, k: str) -> list[Any]:
    """``relation_row(store._edge_dict(u, v, k))`` straight from the store's graph, with less work: on a
    2-core machine the client's CPU is taken from the server's, so it counts in the write rate."""
    ev = g._adj[u][v][k]["evidence"]
    if len(ev) == 1:
        # Most relations have one sentence: no sorting, no loops (this is half the client's time).
        get = ev[0].get
        doc, sentence, start, end, date, conf, pattern = (get("doc"), get("sentence"), get("start"), get("end"),
                                                          get("date"), get("confidence"), get("pattern"))
        since, url = get("since"), get("url")
        return [u, v, date or None, get("confidence", 0.0), 1,
                ["" if doc is None else doc], ["" if sentence is None else sentence],
                ["" if start is None else start], ["" if end is None else end], ["" if date is None else date],
                ["" if conf is None else conf], ["" if pattern is None else pattern],
                [bool(get("background"))], ["" if since is None else since],
                [get("provenance") or "text"], ["" if url is None else url]]
    summary = edge_summary(ev)
    return relation_row({"source": u, "target": v, "evidence": sorted(ev, key=evidence_key), "date": summary.date,
                         "confidence": summary.confidence})


def _pipeline(s: neo4j.Session, jobs: Iterable[tuple[str, list[Any]]]) -> None:
    """Run (query, rows) batches in order, one transaction each, building the next batch meanwhile.

    One worker thread writes while this thread prepares rows (the driver releases the GIL while
    it waits for the server); the session is only ever used by one thread at a time.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = None
        for query, rows in jobs:
            if not rows:
                continue
            if pending is not None:
                pending.result()
            pending = pool.submit(s.execute_write, _run, query, rows)
        if pending is not None:
            pending.result()


def _document_row(store: GraphStore, doc_id: str) -> dict[str, Any]:
    return store.documents[doc_id].model_dump(mode="json")


class _Rows(list):
    """The rows of one batch, with a short repr: the driver formats every query's parameters for a
    debug log line even when debug logging is off (``Bolt5x5.run``), 15% of the client's time."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def _retrying(session: neo4j.Session, work: Callable[..., None], *args: Any, budget: float = RETRY_SECONDS) -> None:
    """``session.execute_write(work, *args)``, retried after a retryable failure within ``budget`` seconds.

    Like the driver's own retries, but the first comes after 10 ms, not a second: the usual cause
    is a deadlock between this writer's own sessions, which clears at once (one of the two
    transactions was rolled back). Needs a session opened with ``max_transaction_retry_time=0``.
    """
    delay, deadline = 0.01, time.monotonic() + budget
    while True:
        try:
            session.execute_write(work, *args)
            return
        except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as exc:
            if not exc.is_retryable() or time.monotonic() + delay > deadline:
                raise
        time.sleep(delay * random.uniform(0.8, 1.2))
        delay = min(2 * delay, 1.0)


def _run(tx: neo4j.ManagedTransaction, query: str, rows: list[Any]) -> None:
    _run_many(tx, [(query, rows)])


def _run_many(tx: neo4j.ManagedTransaction, jobs: list[tuple[str, list[Any]]]) -> None:
    for query, rows in jobs:
        tx.run(query, rows=_Rows(rows)).consume()


def _chunks(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]
