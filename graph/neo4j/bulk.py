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
import re
import shutil
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor, wait
from operator import itemgetter
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from graph.errors import ActorgraphError
from graph.neo4j.connection import Neo4jUnavailable, connect
from graph.neo4j.settings import Neo4jSettings
from graph.neo4j.writer import EVIDENCE_FIELDS, RELATION_COLUMNS, SCHEMA, _document_row, _wikidata_ids, edge_row
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
#
# Written column by column: a column is one list of cell texts, made by comprehensions and maps over the
# store's own values (no row lists or dicts per relation); rows are joined in C (``",".join`` over
# ``zip`` of the columns), a chunk at a time so only one chunk's quoted cells are held at once.

_CHUNK = 50_000  # rows per write
_KINDS = {bool: "boolean", int: "long", float: "double", str: "string"}
_NUMBERS = {bool, int, float}


def _type(values: list[Any]) -> str:
    """The import tool's type for a column, from its values (as the driver would send them); None and ""
    say nothing about the type."""
    types = set(map(type, values))
    types.discard(type(None))
    if str in types and len(types) > 1 and not any(v for v in values if type(v) is str):
        types.discard(str)  # strings, but only "": not string values
    kinds = {_KINDS.get(t, "string") for t in types}
    return "double" if kinds == {"long", "double"} else (kinds.pop() if len(kinds) == 1 else "string")


def _cell(value: Any, delim: str) -> str:
    """One field, the general way (columns of one simple type take the quicker paths below)."""
    if value is None:
        return ""  # an empty, unquoted field: no property, as SET x = null leaves none
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)  # shortest text that reads back as the same double
    if isinstance(value, list):
        value = delim.join(_texts(value))
    return '"' + str(value).replace('"', '""') + '"'


def _texts(values: list[Any]) -> list[str]:
    """Each value's text as the tool reads it back: numbers as their shortest exact text, booleans as
    true/false. A long column of few distinct numbers (confidences, counts) makes each text once."""
    types = set(map(type, values))
    if types <= {str}:
        return values
    if types == {bool}:
        return ["true" if v else "false" for v in values]
    if len(types) == 1 and types <= {int, float} and len(values) > 64:
        memo = {v: repr(v) for v in set(values)}
        memo.pop(0.0, None)  # 0.0 == -0.0 but their texts differ: those are made one by one
        get = memo.get
        return [get(v) or repr(v) for v in values]
    return ["true" if v is True else "false" if v is False else repr(v) if isinstance(v, float) else str(v)
            for v in values]


class _Column:
    """One CSV column: its header and the texts of its cells; ``quote``: quoted when written (so ""
    stays an empty string), except None, which is an empty unquoted field (no property)."""

    __slots__ = ("header", "quote", "texts")

    def __init__(self, header: str, texts: list[Any], quote: bool = True) -> None:
        self.header, self.texts, self.quote = header, texts, quote

    def cells(self, lo: int, hi: int) -> tuple[str, list[str]]:
        """The row template's field (``%s`` in quotes or not) and the texts that fill it, rows lo to hi."""
        part = self.texts[lo:hi]
        if not self.quote:
            return "%s", part
        if None in part:
            return "%s", ["" if t is None else '"' + t.replace('"', '""') + '"' for t in part]
        if '"' in "".join(part):
            part = [t.replace('"', '""') for t in part]
        return '"%s"', part


def _scalar(header: str, values: list[Any], delim: str) -> _Column:
    """A single-valued property, typed from its values (as the writer sends them)."""
    header = f"{header}:{_type(values)}"
    types = set(map(type, values))
    types.discard(type(None))
    if types <= {str}:
        return _Column(header, values)
    if types <= _NUMBERS and None not in values:
        return _Column(header, _texts(values), quote=False)
    return _Column(header, [_cell(v, delim) for v in values], quote=False)


def _array(header: str, values: list[Any], lists: dict[int, list[Any]], delim: str, trim: bool) -> tuple[_Column, bool]:
    """A list property: ``values[i]`` is row i's only element, or ``lists[i]`` its elements. Returns the
    column and whether some row's list is empty or only "" (the tool reads such a field as no property).
    ``trim``: the tool trims strings, so [""] is written as " " (an empty field would be no property)."""
    kind = _type(values + [x for xs in lists.values() for x in xs]) if values else None
    texts = _texts(values)
    if trim and "" in texts:
        texts = [t or " " for t in texts]
    if lists:
        texts = list(texts)
        for i, xs in lists.items():
            texts[i] = delim.join(_texts(xs))
    # (["", ""] is written as one delimiter, read back right; flagged too when not trimming, as it always was)
    lost = "" in texts or (not trim and any(not any(x != "" for x in xs) for xs in lists.values()))
    return _Column(f"{header}:{kind}[]" if kind else f"{header}:string", texts), lost


def _strings(values: list[Any]) -> list[str]:
    return values if set(map(type, values)) <= {str} else [v for v in values if type(v) is str]


_TRIMMED = re.compile("(?:^|\x00)[\x00-\x20]|[\x00-\x20](?:\x00|\\Z)")


def _trim_safe(strings: list[str]) -> bool:
    """No string that the tool's --trim-strings would change (Java's trim: characters up to U+0020 at
    either end). One regex over the non-empty strings joined by NUL (a NUL inside a value only makes
    the answer "not safe": the slower, always right path)."""
    return _TRIMMED.search("\x00".join(filter(None, strings))) is None


def _relations(g: Any) -> tuple[list[list[Any]], list[list[Any]], list[dict[int, list[Any]]]]:
    """The relations as columns, in the order of ``g.edges(keys=True)``: source, target, key, date,
    confidence, evidence_count; then the evidence fields' values for relations of one sentence, and
    for the others their lists (the writer's :func:`edge_row`, which also gives their date and confidence)."""
    us: list[str] = []
    vs: list[str] = []
    ks: list[str] = []
    evs: list[list[dict[str, Any]]] = []
    for u, nbrs in g._adj.items():  # networkx's adjacency: its edge views cost more than the rest
        for v, keydict in nbrs.items():
            for k, d in keydict.items():
                us.append(u)
                vs.append(v)
                ks.append(k)
                evs.append(d["evidence"])
    counts = list(map(len, evs))
    none = dict.fromkeys(EVIDENCE_FIELDS)
    # A relation of several sentences stands in with its first (of the right types) until its lists replace it.
    firsts = [e[0] if e else none for e in evs]
    del evs
    try:  # one C call per relation for all fields: the store's evidence has every field ...
        columns = [list(c) for c in zip(*map(itemgetter(*EVIDENCE_FIELDS), firsts), strict=True)] \
            or [[] for _ in EVIDENCE_FIELDS]
    except KeyError:  # ... except evidence added as plain dicts without the later ones
        columns = [[e.get(f) for e in firsts] for f in EVIDENCE_FIELDS]
    values = []
    for f, col in zip(EVIDENCE_FIELDS, columns, strict=True):  # as edge_row writes one sentence: no nulls in lists
        if f == "background":
            col = [bool(x) for x in col]
        elif f == "provenance":
            col = [x or "text" for x in col]
        elif None in col:
            col = ["" if x is None else x for x in col]
        values.append(col)
    dates = [x or None for x in values[EVIDENCE_FIELDS.index("date")]]
    confidences = [e.get("confidence", 0.0) for e in firsts]
    del firsts, columns
    lists: list[dict[int, list[Any]]] = [{} for _ in EVIDENCE_FIELDS]
    for i, c in enumerate(counts):
        if c != 1:
            row = edge_row(g, us[i], vs[i], ks[i])
            dates[i], confidences[i] = row[2], row[3]
            for held, xs in zip(lists, row[5:], strict=True):
                held[i] = xs
    return [us, vs, ks, dates, confidences, counts], values, lists


def write_bulk_csv(store: GraphStore, outdir: str | os.PathLike[str], taxonomy: Taxonomy | None = None) -> dict[str, Any]:
    """documents.csv, actors.csv, mentions.csv and relations.csv in ``outdir`` for ``neo4j-admin database import
    full``; returns the counts and the tool's arguments (``args``). The values are the writer's own.

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
        doc_cols = {f: [d[f] for d in docs] for f in ("id", *doc_fields)}

        nodes = sorted(g.nodes)
        a_dicts = [store._node_dict(n) for n in nodes]
        qids = _wikidata_ids()
        labels = {k: ["Actor", tax.kind(k).label] for k in {a["kind"] for a in a_dicts}}
        # as push writes them: codes always (maybe []), wikidata only where the gazetteer knows one
        actor_cols = {"id": nodes, "name": [a["name"] for a in a_dicts], "kind": [a["kind"] for a in a_dicts],
                      "aliases": [a["aliases"] for a in a_dicts], "documents": [a["documents"] for a in a_dicts],
                      "codes": [a["codes"] for a in a_dicts], "wikidata": [qids.get(n) for n in nodes],
                      "labels": [labels[a["kind"]] for a in a_dicts]}
        del a_dicts
        known = store.documents
        mention_docs, mention_actors = [], []
        for n, ds in zip(nodes, actor_cols["documents"], strict=True):
            for d in ds:
                if d in known:
                    mention_docs.append(d)
                    mention_actors.append(n)

        heads, values, lists = _relations(g)
        names = {k: tax.relation(k).name for k in set(heads[2])}
        heads[2] = list(map(names.__getitem__, heads[2]))

        # The array delimiter: the first that no value contains (the tool cannot escape it).
        scanned = [*doc_cols.values(), actor_cols["id"], actor_cols["name"], actor_cols["kind"],
                   actor_cols["wikidata"], [x for c in ("aliases", "documents", "codes", "labels")
                                            for xs in actor_cols[c] for x in xs],
                   heads[0], heads[1], heads[2], heads[3], *values,
                   [x for held in lists for xs in held.values() for x in xs]]
        # Lists of one empty string ("no date", "no URL": most evidence) cannot be written as such: the
        # tool reads an empty field as no property. When no value has spaces at either end, " " with
        # --trim-strings reads back as [""]; else they are set after the import (a write per relation).
        found: set[str] = set()
        trim = True
        for col in scanned:
            strs = _strings(col)
            blob = "".join(strs)
            found.update(c for c in (*_ARRAY_DELIMITERS, "\n", "\r") if c in blob)
            trim = trim and _trim_safe(strs)
        del scanned
        delim = next((c for c in _ARRAY_DELIMITERS if c not in found), None)
        if delim is None:
            raise BulkRefused("every array delimiter the import tool could use occurs in the data; use `actorgraph push`")
        multiline = "\n" in found or "\r" in found

        restore: dict[str, list[str]] = {}
        counts: dict[str, Any] = {"restore": restore}
        tables: dict[str, tuple[list[_Column], int, list[str]]] = {}
        tables["documents"] = ([_Column("id:ID(Document)", doc_cols["id"]),
                                *(_scalar(f, doc_cols[f], delim) for f in doc_fields)], len(docs), [])
        actor_columns = [_Column("id:ID(Actor)", nodes), _Column("name:string", actor_cols["name"]),
                         _Column("kind:string", actor_cols["kind"])]
        lost = []
        for c in ("aliases", "documents", "codes"):
            texts = [delim.join(xs) or (" " if xs and trim else "") for xs in actor_cols[c]]
            if "" in texts:
                lost.append(c)
            actor_columns.append(_Column(f"{c}:string[]", texts))
        actor_columns += [_Column("wikidata:string", actor_cols["wikidata"]),
                          _Column(":LABEL", [delim.join(xs) for xs in actor_cols["labels"]])]
        tables["actors"] = (actor_columns, len(nodes), lost)
        tables["mentions"] = ([_Column(":START_ID(Document)", mention_docs), _Column(":END_ID(Actor)", mention_actors)],
                              len(mention_docs), [])
        props = RELATION_COLUMNS[2:]
        rel_columns = [_Column(":START_ID(Actor)", heads[0]), _Column(":END_ID(Actor)", heads[1]), _Column(":TYPE", heads[2]),
                       *(_scalar(p, heads[3 + i], delim) for i, p in enumerate(props[:3]))]
        lost = []
        for p, col, held in zip(props[3:], values, lists, strict=True):
            column, empty = _array(p, col, held, delim, trim)
            rel_columns.append(column)
            if empty:
                lost.append(p)
        tables["relations"] = (rel_columns, len(heads[0]), lost)
        files = {name: out / f"{name}.csv" for name in tables}
        for name, (columns, n, lost) in tables.items():
            _write_table(files[name], columns, n)
            counts[name] = n
            if lost:
                restore[name] = sorted(lost)
    args = [f"--nodes=Document={files['documents']}", f"--nodes={files['actors']}",
            f"--relationships=MENTIONS={files['mentions']}", f"--relationships={files['relations']}",
            f"--array-delimiter=U+{ord(delim):04X}", "--ignore-empty-strings=false", f"--trim-strings={'true' if trim else 'false'}",
            f"--multiline-fields={'true' if multiline else 'false'}"]
    return counts | {"args": args}


def _write_table(path: Path, columns: list[_Column], n: int) -> None:
    """The header, then the rows a chunk at a time: each row is one ``%`` of a template such as
    ``"%s","%s",%s`` over the row's texts, so no cell is quoted or joined one by one."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(c.header for c in columns) + "\n")
        for lo in range(0, n, _CHUNK):
            fields, texts = zip(*(c.cells(lo, min(n, lo + _CHUNK)) for c in columns), strict=True)
            fh.write("".join(map((",".join(fields) + "\n").__mod__, zip(*texts, strict=True))))


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


class _Server:
    """The local server whose database the import rewrites: the ``scripts/neo4j.sh`` server of
    ``$ACTORGRAPH_NEO4J_DATA``, or the Neo4j installation ``neo4j_home``. Checked on creation."""

    def __init__(self, settings: Neo4jSettings, neo4j_home: str | None) -> None:
        port = _local_port(settings)
        self.database = settings.database
        if neo4j_home:
            self.home: Path | None = Path(neo4j_home)
            if not (self.home / "bin" / "neo4j-admin").exists():
                raise BulkRefused(f"no neo4j-admin in {self.home}/bin (NEO4J_HOME must be a Neo4j installation)")
            self.where = str(self.home)
            return
        self.home = None
        inst = _script_instance()
        ports = inst / "run" / "ports"
        running = ports.exists() and (inst / "run" / "neo4j.pid").exists()
        if not running or ports.read_text().split()[:1] != [str(port)]:
            raise BulkRefused(f"the server at {settings.uri} is not the scripts/neo4j.sh server in {inst} "
                              "(set ACTORGRAPH_NEO4J_DATA to its folder, or NEO4J_HOME to your Neo4j installation)")
        if not NEO4J_SCRIPT.exists():
            raise BulkRefused(f"{NEO4J_SCRIPT} not found (set NEO4J_HOME to a Neo4j installation)")
        bolt, http = ports.read_text().split()[:2]
        # started again on the ports it runs on, whatever this process's NEO4J_*_PORT say
        self.env = dict(os.environ, ACTORGRAPH_NEO4J_DATA=str(inst), NEO4J_BOLT_PORT=bolt, NEO4J_HTTP_PORT=http)
        self.where = str(inst)

    def stop(self) -> None:
        if self.home:
            _run([str(self.home / "bin" / "neo4j"), "stop"], what="neo4j stop")
        else:
            _run(["bash", str(NEO4J_SCRIPT), "stop"], env=self.env, what="scripts/neo4j.sh stop")

    def import_full(self, args: list[str]) -> None:
        """Run the import tool; the server must be stopped."""
        if self.home:
            _run([str(self.home / "bin" / "neo4j-admin"), "database", "import", "full", "--overwrite-destination=true",
                  *args, self.database], what="neo4j-admin database import full")
        else:
            _run(["bash", str(NEO4J_SCRIPT), "import-full", self.database, *args], env=self.env,
                 what="scripts/neo4j.sh import-full")

    def start(self) -> None:
        if self.home:
            _run([str(self.home / "bin" / "neo4j"), "start"], what="neo4j start")
        else:
            _run(["bash", str(NEO4J_SCRIPT), "start"], env=self.env, what="scripts/neo4j.sh start")


def _import(settings: Neo4jSettings, args: list[str], neo4j_home: str | None) -> str:
    """Stop the server, import, start it again; returns where the import ran."""
    server = _Server(settings, neo4j_home)
    server.stop()
    try:
        server.import_full(args)
    finally:
        server.start()
    return server.where


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
        # actors' lists are small: 50,000 a transaction (a third less time than 10,000 on a fresh server)
        batches.append(f"MATCH (a:Actor) WHERE {where} CALL (a) {{ SET {sets} }} IN TRANSACTIONS OF 50000 ROWS")
    if restore.get("relations"):
        props = [p for p in restore["relations"] if p in allowed]
        sets = ", ".join(f"r.{p} = coalesce(r.{p}, [i IN range(1, r.evidence_count) | ''])" for p in props)
        where = " OR ".join(f"r.{p} IS NULL" for p in props)
        batches.append(f"MATCH (:Actor)-[r]->(:Actor) WHERE r.evidence_count IS NOT NULL AND ({where}) "
                       f"CALL (r) {{ SET {sets} }} IN TRANSACTIONS OF 10000 ROWS")
    with driver.session(database=database) as s:
        for query in batches:  # CALL ... IN TRANSACTIONS runs in an auto-commit transaction
            s.run(query).consume()


def create_schema(driver: Any, database: str) -> None:
    """The writer's constraints and indexes (:data:`SCHEMA`, as ``Neo4jWriter.ensure_schema``) in one
    transaction, so the fresh database populates them together; then waits until they are online."""
    with driver.session(database=database) as s:
        with s.begin_transaction() as tx:
            for statement in SCHEMA:
                tx.run(statement).consume()
            tx.commit()
        s.run("CALL db.awaitIndexes(120)").consume()


def bulk_push(store: GraphStore, settings: Neo4jSettings, neo4j_home: str | None = None,
              workdir: str | os.PathLike[str] | None = None) -> dict[str, int]:
    """Load ``store`` into the empty database of ``settings`` with the import tool, then create the schema.

    Refuses (:class:`BulkRefused`) a database that holds anything, or a server not on this machine.
    """
    server = _Server(settings, neo4j_home or os.environ.get("NEO4J_HOME"))
    _check_empty(settings)
    tmp = Path(tempfile.mkdtemp(prefix="actorgraph-bulk-", dir=workdir))
    seconds: dict[str, float] = {}
    try:
        t = time.perf_counter()
        # The server stops (a checkpoint, 5-10 s) while the CSV is written: it is away either way.
        with ThreadPoolExecutor(max_workers=1) as pool:
            stopping = pool.submit(server.stop)
            try:
                csv = write_bulk_csv(store, tmp)
                seconds["csv"] = time.perf_counter() - t
                stopping.result()  # a failed stop: no import
                seconds["csv_and_stop"] = time.perf_counter() - t
                t = time.perf_counter()
                server.import_full(csv.pop("args"))
                seconds["import"] = time.perf_counter() - t
            finally:
                wait([stopping])  # then started again, whatever failed (as it was, when the CSV could not be written)
                t = time.perf_counter()
                server.start()
                seconds["start"] = time.perf_counter() - t
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    t = time.perf_counter()
    try:
        driver = connect(settings, timeout=30)
    except Neo4jUnavailable as exc:
        raise Neo4jUnavailable(f"{exc} (after the import; the data is in, the indexes are not: run `actorgraph push`)") from None
    try:
        seconds["connect"] = time.perf_counter() - t
        restore_empty_lists(driver, settings.database, csv.pop("restore"))
        seconds["lists"] = time.perf_counter() - t - seconds["connect"]
        create_schema(driver, settings.database)
    finally:
        driver.close()
    seconds["lists_and_schema"] = time.perf_counter() - t
    return csv | {"seconds": seconds}
