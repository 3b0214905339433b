"""``actorgraph push --bulk``: the first load of a large store with Neo4j's own import tool.

``neo4j-admin database import full`` writes the database files directly, orders of magnitude faster
than transactions, but only into a database that is stopped and empty. The flow:

1. check that the database is empty (refuse otherwise: ``push`` merges into a non-empty one);
2. write CSV files of the writer's data model (:mod:`graph.neo4j.writer`: the same labels, relationship
   types, properties and property types, evidence as parallel lists), so a later ``pull`` cannot tell a
   bulk load from a ``push``;
3. stop the server, import into its data folder, start it again: the local server of ``scripts/neo4j.sh``
   (``bash scripts/neo4j.sh import-full``), or a Neo4j installation in ``$NEO4J_HOME`` (``bin/neo4j stop``,
   ``bin/neo4j-admin``, ``bin/neo4j start``);
4. create the constraints and indexes of :data:`graph.neo4j.writer.SCHEMA`, as ``push`` does.

A managed service (Aura) has no import tool for its users: there, use ``push``.

>>> bulk_push(GraphStore.open("actorgraph-data"), Neo4jSettings.from_env())  # doctest: +SKIP
{'documents': 2, 'actors': 16, 'mentions': 22, 'relations': 12}
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlparse

from graph.errors import ActorgraphError
from graph.neo4j.connection import Neo4jUnavailable, connect
from graph.neo4j.settings import Neo4jSettings
from graph.neo4j.writer import RELATION_COLUMNS, Neo4jWriter, _document_row, _wikidata_ids, edge_row
from graph.store import GraphStore, pause_gc
from graph.taxonomy import Taxonomy, load_taxonomy

ROOT = Path(__file__).resolve().parents[2]
NEO4J_SCRIPT = ROOT / "scripts" / "neo4j.sh"
# Array delimiters to choose from: the first that no value contains (the tool cannot escape it).
_ARRAY_DELIMITERS = ("\x1f", "\x1e", "\x1d", "\x1c", "\x1b", "\x1a", "\x19", "\x18", "\x17", "\x16")
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", ""}


class BulkRefused(ActorgraphError, RuntimeError):
    """The bulk import cannot run here (database not empty, server not local, no import tool)."""


# -- CSV in the writer's data model ------------------------------------------------------------------


def _type(values: Iterable[Any]) -> str:
    """The import tool's type for a column, from its values (as the driver would send them)."""
    kinds = set()
    for v in values:
        for x in (v if isinstance(v, list) else [v]):
            if x is not None and x != "":
                kinds.add("boolean" if isinstance(x, bool) else "long" if isinstance(x, int) else
                          "double" if isinstance(x, float) else "string")
    kind = "double" if kinds == {"long", "double"} else (kinds.pop() if len(kinds) == 1 else "string")
    return kind


def _cell(value: Any, delim: str) -> str:
    if value is None:
        return ""  # an empty, unquoted field: no property, as SET x = null leaves none
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)  # shortest text that reads back as the same double
    if isinstance(value, list):
        value = delim.join("true" if x is True else "false" if x is False else str(x) for x in value)
    return '"' + str(value).replace('"', '""') + '"'


def _strings(rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    for row in rows:
        for v in row:
            if isinstance(v, str):
                yield v
            elif isinstance(v, list):
                yield from (x for x in v if isinstance(x, str))


def _write(fh: TextIO, header: list[str], rows: Iterable[Sequence[Any]], delim: str) -> tuple[int, set[str]]:
    """Write the rows; returns their count and the array columns that some row leaves absent."""
    fh.write(",".join(header) + "\n")
    n, lost = 0, set()
    arrays = [i for i, h in enumerate(header) if h.endswith("[]")]
    for row in rows:
        fh.write(",".join(_cell(v, delim) for v in row) + "\n")
        n += 1
        for i in arrays:
            # The tool reads an empty array field as no property: [] and [""] cannot be written.
            if isinstance(row[i], list) and not any(x != "" for x in row[i]):
                lost.add(header[i].split(":")[0])
    return n, lost


def write_bulk_csv(store: GraphStore, outdir: str | os.PathLike[str], taxonomy: Taxonomy | None = None) -> dict[str, Any]:
    """documents.csv, actors.csv, mentions.csv and relations.csv in ``outdir`` for ``neo4j-admin database import
    full``; returns the counts and the tool's arguments (``args``). Rows are the writer's own rows.

    >>> import tempfile
    >>> write_bulk_csv(GraphStore(tempfile.mkdtemp()), tempfile.mkdtemp())["relations"]
    0
    """
    tax = taxonomy or load_taxonomy()
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    g = store.graph
    with pause_gc():
        docs = [_document_row(store, d) for d in sorted(store.documents)]
        doc_fields = [f for f in (docs[0] if docs else {"id": ""}) if f != "id"]
        doc_rows = [[d["id"], *(d[f] for f in doc_fields)] for d in docs]
        actors, mentions = [], []
        qids = _wikidata_ids()
        for n in sorted(g.nodes):
            a = store._node_dict(n)
            labels = ["Actor", tax.kind(a["kind"]).label]
            # as push writes them: codes always (maybe []), wikidata only where the gazetteer knows one
            actors.append([a["id"], a["name"], a["kind"], a["aliases"], a["documents"], a.get("codes", []),
                           qids.get(n), labels])
            mentions += [[d, n] for d in a["documents"] if d in store.documents]
        relations = []
        for u, v, k in g.edges(keys=True):
            row = edge_row(g, u, v, k)  # [source, target, *properties]: the :TYPE goes after the ends
            row.insert(2, tax.relation(k).name)
            relations.append(row)
        texts = list(_strings(doc_rows)) + list(_strings(actors)) + list(_strings(relations))
        delim = next((c for c in _ARRAY_DELIMITERS if not any(c in t for t in texts)), None)
        if delim is None:
            raise BulkRefused("every array delimiter the import tool could use occurs in the data; use `actorgraph push`")
        multiline = any("\n" in t or "\r" in t for t in texts)
        del texts
        props = RELATION_COLUMNS[2:]
        rel_header = [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"]
        for i, p in enumerate(props):
            column = [r[3 + i] for r in relations]
            t = _type(column)
            rel_header.append(f"{p}:{t}[]" if any(isinstance(v, list) for v in column) else f"{p}:{t}")
        doc_header = ["id:ID(Document)", *(f"{f}:{_type(r[1 + i] for r in doc_rows)}" for i, f in enumerate(doc_fields))]
        files = {"documents": out / "documents.csv", "actors": out / "actors.csv", "mentions": out / "mentions.csv",
                 "relations": out / "relations.csv"}
        counts: dict[str, Any] = {"restore": {}}
        for name, header, rows in (
            ("documents", doc_header, doc_rows),
            ("actors", ["id:ID(Actor)", "name:string", "kind:string", "aliases:string[]", "documents:string[]",
                        "codes:string[]", "wikidata:string", ":LABEL"], actors),
            ("mentions", [":START_ID(Document)", ":END_ID(Actor)"], mentions),
            ("relations", rel_header, relations),
        ):
            with open(files[name], "w", encoding="utf-8", newline="") as fh:
                counts[name], lost = _write(fh, header, rows, delim)
            if lost:
                counts["restore"][name] = sorted(lost)
    args = [f"--nodes=Document={files['documents']}", f"--nodes={files['actors']}",
            f"--relationships=MENTIONS={files['mentions']}", f"--relationships={files['relations']}",
            f"--array-delimiter=U+{ord(delim):04X}", "--ignore-empty-strings=false", "--trim-strings=false",
            f"--multiline-fields={'true' if multiline else 'false'}"]
    return counts | {"args": args}


# -- the import ------------------------------------------------------------------------------------


def _check_empty(settings: Neo4jSettings) -> None:
    driver = connect(settings)
    try:
        with driver.session(database=settings.database) as s:
            if s.run("MATCH (n) RETURN 1 LIMIT 1").single() is not None:
                raise BulkRefused(f"the Neo4j database {settings.database!r} at {settings.uri} is not empty; "
                                  "--bulk only loads an empty database: use `actorgraph push` (it merges)")
    finally:
        driver.close()


def _local_port(settings: Neo4jSettings) -> int:
    u = urlparse(settings.uri)
    if u.scheme.endswith("+s") or u.scheme.endswith("+ssc") or (u.hostname or "") not in _LOCAL_HOSTS:
        raise BulkRefused(f"--bulk writes the database files of a server on this machine, not {settings.uri} "
                          "(Aura or a remote cluster: use `actorgraph push`)")
    return u.port or 7687


def _script_instance() -> Path:
    home = Path(os.environ.get("ACTORGRAPH_NEO4J_HOME") or Path.home() / ".cache" / "actorgraph" / "neo4j-5.26")
    return Path(os.environ.get("ACTORGRAPH_NEO4J_DATA") or home)


def _run(cmd: list[str], env: dict[str, str] | None = None, what: str = "") -> None:
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        lines = [ln.strip() for ln in (proc.stderr or proc.stdout).splitlines() if ln.strip()]
        raise BulkRefused(f"{what or cmd[0]} failed: {lines[-1] if lines else f'exit status {proc.returncode}'}")


def _import(settings: Neo4jSettings, args: list[str], neo4j_home: str | None) -> str:
    """Stop the server, import, start it again; returns where the import ran."""
    port = _local_port(settings)
    if neo4j_home:
        home = Path(neo4j_home)
        admin, server = home / "bin" / "neo4j-admin", home / "bin" / "neo4j"
        if not admin.exists():
            raise BulkRefused(f"no neo4j-admin in {home}/bin (NEO4J_HOME must be a Neo4j installation)")
        _run([str(server), "stop"], what="neo4j stop")
        try:
            _run([str(admin), "database", "import", "full", "--overwrite-destination=true", *args, settings.database],
                 what="neo4j-admin database import full")
        finally:
            _run([str(server), "start"], what="neo4j start")
        return str(home)
    inst = _script_instance()
    ports = inst / "run" / "ports"
    running = ports.exists() and (inst / "run" / "neo4j.pid").exists()
    if not running or ports.read_text().split()[:1] != [str(port)]:
        raise BulkRefused(f"the server at {settings.uri} is not the scripts/neo4j.sh server in {inst} "
                          "(set ACTORGRAPH_NEO4J_DATA to its folder, or NEO4J_HOME to your Neo4j installation)")
    if not NEO4J_SCRIPT.exists():
        raise BulkRefused(f"{NEO4J_SCRIPT} not found (set NEO4J_HOME to a Neo4j installation)")
    _run(["bash", str(NEO4J_SCRIPT), "import-full", settings.database, *args], env=dict(os.environ, ACTORGRAPH_NEO4J_DATA=str(inst)),
         what="scripts/neo4j.sh import-full")
    return str(inst)


def restore_empty_lists(driver: Any, database: str, restore: dict[str, list[str]]) -> None:
    """Set the list properties the import tool could not write: ``[]`` on actors, and on relations a list of
    ``evidence_count`` empty strings (an undated single sentence has ``ev_date: [""]``, as ``push`` writes it).

    Property names come from the writer's own columns (checked here), never from the data.
    """
    allowed = {"aliases", "documents", "codes", *RELATION_COLUMNS[2:]}
    batches = []
    if restore.get("actors"):
        props = [p for p in restore["actors"] if p in allowed]
        sets = ", ".join(f"a.{p} = coalesce(a.{p}, [])" for p in props)
        where = " OR ".join(f"a.{p} IS NULL" for p in props)
        batches.append(f"MATCH (a:Actor) WHERE {where} CALL {{ WITH a SET {sets} }} IN TRANSACTIONS OF 10000 ROWS")
    if restore.get("relations"):
        props = [p for p in restore["relations"] if p in allowed]
        sets = ", ".join(f"r.{p} = coalesce(r.{p}, [i IN range(1, r.evidence_count) | ''])" for p in props)
        where = " OR ".join(f"r.{p} IS NULL" for p in props)
        batches.append(f"MATCH (:Actor)-[r]->(:Actor) WHERE r.evidence_count IS NOT NULL AND ({where}) "
                       f"CALL {{ WITH r SET {sets} }} IN TRANSACTIONS OF 10000 ROWS")
    with driver.session(database=database) as s:
        for query in batches:  # CALL ... IN TRANSACTIONS runs in an auto-commit transaction
            s.run(query).consume()


def bulk_push(store: GraphStore, settings: Neo4jSettings, neo4j_home: str | None = None,
              workdir: str | os.PathLike[str] | None = None) -> dict[str, int]:
    """Load ``store`` into the empty database of ``settings`` with the import tool, then create the schema.

    Refuses (:class:`BulkRefused`) a database that holds anything, or a server not on this machine.
    """
    _local_port(settings)
    _check_empty(settings)
    tmp = Path(tempfile.mkdtemp(prefix="actorgraph-bulk-", dir=workdir))
    seconds: dict[str, float] = {}
    try:
        t = time.perf_counter()
        csv = write_bulk_csv(store, tmp)
        seconds["csv"] = time.perf_counter() - t
        t = time.perf_counter()
        _import(settings, csv.pop("args"), neo4j_home or os.environ.get("NEO4J_HOME"))
        seconds["stop_import_start"] = time.perf_counter() - t
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    t = time.perf_counter()
    try:
        driver = connect(settings, timeout=30)
    except Neo4jUnavailable as exc:
        raise Neo4jUnavailable(f"{exc} (after the import; the data is in, the indexes are not: run `actorgraph push`)") from None
    try:
        restore_empty_lists(driver, settings.database, csv.pop("restore"))
        Neo4jWriter(driver, settings.database).ensure_schema()
    finally:
        driver.close()
    seconds["lists_and_schema"] = time.perf_counter() - t
    return csv | {"seconds": seconds}
