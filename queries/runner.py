"""Run library queries and ad-hoc Cypher on Neo4j: read-only by default, with a timeout.

Read-only is decided three times, each on its own enough for what it covers:

1. an allow-list (:func:`read_only_problem`): a read-only statement is a query (MATCH, WITH,
   UNWIND, RETURN, CALL { ... }), a SHOW command, or a CALL of a listed read procedure, with no
   keyword that writes (CREATE, MERGE, SET, ...) or administers (TERMINATE, GRANT, STOP, ...);
   ``SHOW TRANSACTIONS ... TERMINATE TRANSACTIONS`` reads as a query to EXPLAIN, so the query type
   alone cannot decide;
2. EXPLAIN: a query the server plans as anything but a read is refused before it runs;
3. the statement runs in a READ access-mode transaction, which the server itself keeps from writing.

``write=True`` lifts all three for ad-hoc Cypher.

>>> rows = run_query(driver, load_query("documents"), database="neo4j")  # doctest: +SKIP
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import neo4j
import networkx as nx
from neo4j.graph import Node, Path, Relationship

from queries import DEFAULT_TIMEOUT, CypherQuery, QueryError

READ_TYPES = ("r",)  # summary.query_type: r, rw, w, s (schema)

# Keywords that make a statement change data or schema ...
WRITE_WORDS = {"CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "FOREACH", "DROP", "LOAD", "INSERT", "FINISH"}
# ... or administer the server: other clients' transactions, users, databases, servers (as the first word).
ADMIN_WORDS = {"TERMINATE", "KILL", "GRANT", "DENY", "REVOKE", "ALTER", "RENAME", "START", "STOP", "ENABLE",
               "DEALLOCATE", "REALLOCATE", "DRYRUN", "SUSPEND", "ACTIVATE"}
# How a read-only statement may begin (after EXPLAIN/PROFILE and USE db).
READ_STARTS = {"MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL", "CALL{", "SHOW", "UNION"}
# Procedures that only read (schema, configuration, components, full-text and vector search).
READ_PROCEDURES = {
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.info", "db.ping", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "db.index.fulltext.querynodes",
    "db.index.fulltext.queryrelationships", "db.index.vector.querynodes", "db.constraints", "db.indexes",
    "dbms.components", "dbms.listconfig", "dbms.procedures", "dbms.functions", "dbms.info",
    "dbms.showcurrentuser", "dbms.queryjmx", "dbms.clientconfig",
}
_TOKEN = re.compile(r"""
    (?P<skip>//[^\n]*|/\*.*?(?:\*/|\Z)|'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?|`(?:[^`]|``)*`?)
  | (?P<word>[^\W\d][\w]*(?:\s*\.\s*[^\W\d][\w]*)*)
  | (?P<other>\S)
""", re.VERBOSE | re.DOTALL)


def _words(text: str) -> list[tuple[str, bool]]:
    """(word, is it a keyword?) for each bare word of a statement, outside strings, comments and `quoted`
    names; dotted names ('db.labels') are one word. A word after '.', ':' or '$' is a property, label or
    parameter, and one followed by ':' a map key, so not a keyword. Full-width and other compatibility
    letters are folded first (NFKC), as the server reads them."""
    text = unicodedata.normalize("NFKC", text)
    out: list[tuple[str, bool]] = []
    prev = ""
    for m in _TOKEN.finditer(text):
        if m.group("word"):
            after = text[m.end():].lstrip()[:1]
            keyword = prev not in (".", ":", "$") and after != ":"
            word = re.sub(r"\s+", "", m.group("word"))
            if keyword and word.upper() == "CALL" and after in ("(", "{"):
                word = "CALL{"  # a subquery, CALL { ... } or CALL (a, b) { ... }: not a procedure
            out.append((word, keyword))
            prev = "w"
        elif m.group("other"):
            prev = m.group("other")
        else:
            prev = "s"
    return out


def _heads(keywords: list[str]) -> list[str]:
    """The keywords from the statement's first clause on (EXPLAIN, PROFILE, CYPHER options and USE db skipped)."""
    heads = list(keywords)
    while heads and heads[0] in ("EXPLAIN", "PROFILE", "CYPHER"):
        heads = heads[1:]
    if len(heads) >= 2 and heads[0] == "USE":
        heads = heads[2:]
    return heads


def read_only_problem(text: str) -> str | None:
    """Why ``text`` may not run without --write, or None when the allow-list admits it.

    >>> read_only_problem("MATCH (a:Actor) RETURN a.name") is None
    True
    >>> read_only_problem("SHOW TRANSACTIONS YIELD transactionId AS t TERMINATE TRANSACTIONS t")
    'refused: TERMINATE administers the server; read-only cypher runs queries, SHOW commands and read procedures (add --write to run it)'
    """
    words = [w for w, keyword in _words(text) if keyword]
    upper = [w.upper() for w in words]
    admin = ("refused: {} administers the server; read-only cypher runs queries, SHOW commands and read "
             "procedures (add --write to run it)")
    for i, word in enumerate(upper):
        if word in WRITE_WORDS:
            return "refused: this statement writes; add --write to run it"
        # TERMINATE TRANSACTIONS may follow SHOW TRANSACTIONS in one statement; the other administration
        # commands can only begin one (and 'start', 'stop' are common variable names).
        if word == "TERMINATE" and upper[i + 1:i + 2] in (["TRANSACTION"], ["TRANSACTIONS"]):
            return admin.format(word)
    heads = _heads(upper)
    if heads and heads[0] in ADMIN_WORDS:
        return admin.format(heads[0])
    if heads and heads[0] not in READ_STARTS:
        return (f"refused: a read-only statement starts with MATCH, WITH, UNWIND, RETURN, CALL or SHOW, not "
                f"{heads[0]} (add --write to run it)")
    for i, word in enumerate(upper[:-1]):
        name = words[i + 1]
        if word == "CALL" and name.lower() not in READ_PROCEDURES:
            return (f"refused: procedure {name} is not one of the read procedures read-only cypher may call "
                    "(add --write to run it)")
    return None


def calls_procedure(text: str) -> bool:
    """Does the statement CALL a named procedure? (The server plans DBMS procedures such as
    dbms.listConfig as type 's'; the allow-list has already admitted only read ones.)"""
    words = [w.upper() for w, keyword in _words(text) if keyword]
    return any(w == "CALL" and "." in nxt for w, nxt in itertools.pairwise(words))


def is_show(text: str) -> bool:
    """A SHOW command (SHOW SETTINGS, SHOW TRANSACTIONS ...): the server plans these outside EXPLAIN."""
    heads = _heads([w.upper() for w, keyword in _words(text) if keyword])
    return bool(heads) and heads[0] == "SHOW"


def _plain(value: Any) -> Any:
    """Driver values as JSON-friendly Python: nodes and relationships as property maps."""
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, "_start": value.start_node.get("id") if value.start_node else None,
                "_end": value.end_node.get("id") if value.end_node else None, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes], "relationships": [_plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time types
        return value.iso_format()
    return value


def query_type(session: neo4j.Session, text: str, params: Mapping[str, Any]) -> str:
    """What a statement would do (``r``, ``rw``, ``w`` or ``s``), found by EXPLAIN without running it."""
    summary = session.run(neo4j.Query(f"EXPLAIN {text}"), dict(params)).consume()
    return summary.query_type or "r"


def run_cypher(driver: neo4j.Driver, text: str, params: Mapping[str, Any] | None = None, database: str | None = None,
               timeout: float = DEFAULT_TIMEOUT, write: bool = False) -> tuple[list[str], list[dict[str, Any]]]:
    """Run one Cypher statement; returns (column names, rows as dicts).

    Without ``write`` the statement runs in a READ session, after EXPLAIN has shown it
    only reads; a statement that writes raises :class:`QueryError`.
    """
    params = dict(params or {})
    text = text.strip().rstrip(";").strip()
    if not text:
        raise QueryError("empty Cypher statement")
    if not write:
        problem = read_only_problem(text)
        if problem:
            raise QueryError(problem)
    mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
    # Server notifications (deprecations, unknown types in an empty graph) would be logged
    # with the whole statement; the rows are the answer.
    with driver.session(database=database, default_access_mode=mode, notifications_min_severity="OFF") as session:
        if not write and not is_show(text):
            try:
                kind = query_type(session, text, params)
            except neo4j.exceptions.Neo4jError as exc:
                raise _explain_error(exc, timeout) from None
            if kind not in READ_TYPES and not (kind == "s" and calls_procedure(text)):
                what = {"rw": "reads and writes", "w": "writes", "s": "changes the schema"}.get(kind, kind)
                raise QueryError(f"refused: this statement {what}; add --write to run it")
        query = neo4j.Query(text, timeout=timeout)

        def work(tx: neo4j.Transaction) -> tuple[list[str], list[dict[str, Any]]]:
            result = tx.run(text, params)
            columns = list(result.keys())
            rows = [{k: _plain(record[k]) for k in columns} for record in result]
            result.consume()
            return columns, rows

        try:
            if write:
                # Auto-commit: CALL { ... } IN TRANSACTIONS and admin commands cannot run in an explicit transaction.
                result = session.run(query, params)
                columns = list(result.keys())
                rows = [{k: _plain(record[k]) for k in columns} for record in result]
                result.consume()
            else:
                columns, rows = _read_once(session, work, timeout)
        except neo4j.exceptions.Neo4jError as exc:
            raise _explain_error(exc, timeout) from None
    return columns, rows


def _read_once(session: neo4j.Session, work: Any, timeout: float) -> tuple[list[str], list[dict[str, Any]]]:
    """``work`` in one explicit transaction of the session's READ access mode (no retries: a failed read
    is reported, not repeated)."""
    with session.begin_transaction(timeout=timeout) as tx:
        out = work(tx)
        tx.commit()
    return out


def _explain_error(exc: neo4j.exceptions.Neo4jError, timeout: float) -> QueryError:
    code = exc.code or ""
    if "TransactionTimedOut" in code:
        return QueryError(f"the query did not finish within {timeout:g} s (raise --timeout)")
    if "AccessMode" in code or "ForbiddenDueToTransactionType" in code:
        return QueryError("refused: the statement tried to write in a read-only session; add --write to run it")
    first = (exc.message or code or "error").strip().splitlines()[0]
    return QueryError(f"Neo4j: {first}")


def run_query(driver: neo4j.Driver, query: CypherQuery, params: Mapping[str, Any] | None = None,
              database: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> list[dict[str, Any]]:
    """Run a library query (read-only) with already-bound parameters (see :meth:`CypherQuery.bind`)."""
    bound = dict(params) if params is not None else query.bind({})
    return run_cypher(driver, query.text, bound, database=database, timeout=timeout)[1]


def actor_index(driver: neo4j.Driver, database: str | None = None) -> Any:
    """The actors in Neo4j as a small networkx graph, for :func:`graph.resolve.resolve_actor`."""
    g = nx.MultiDiGraph()
    _, rows = run_cypher(driver, "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.kind AS kind, "
                                 "coalesce(a.aliases, []) AS aliases", database=database)
    for r in rows:
        g.add_node(r["id"], name=r["name"], kind=r["kind"], aliases=r["aliases"])
    return g


def document_ids(driver: neo4j.Driver, database: str | None = None) -> list[str]:
    _, rows = run_cypher(driver, "MATCH (d:Document) RETURN d.id AS id ORDER BY id", database=database)
    return [r["id"] for r in rows]
