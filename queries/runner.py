"""Run library queries and ad-hoc Cypher on Neo4j: read-only by default, with a timeout.

Reads run in a session opened in READ access mode, and a statement is first
EXPLAINed so that one which would write is refused with a clear message before
it runs (the server also refuses writes in a read session). ``write=True`` lifts
that for ad-hoc Cypher.

>>> rows = run_query(driver, load_query("documents"), database="neo4j")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j.graph import Node, Path, Relationship

from queries import DEFAULT_TIMEOUT, CypherQuery, QueryError

READ_TYPES = ("r",)  # summary.query_type: r, rw, w, s (schema)


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
    mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
    # Server notifications (deprecations, unknown types in an empty graph) would be logged
    # with the whole statement; the rows are the answer.
    with driver.session(database=database, default_access_mode=mode, notifications_min_severity="OFF") as session:
        if not write:
            try:
                kind = query_type(session, text, params)
            except neo4j.exceptions.Neo4jError as exc:
                raise _explain_error(exc, timeout) from None
            if kind not in READ_TYPES:
                what = {"rw": "reads and writes", "w": "writes", "s": "changes the schema"}.get(kind, kind)
                raise QueryError(f"refused: this statement {what}; add --write to run it")
        try:
            result = session.run(neo4j.Query(text, timeout=timeout), params)
            columns = list(result.keys())
            rows = [{k: _plain(record[k]) for k in columns} for record in result]
            result.consume()
        except neo4j.exceptions.Neo4jError as exc:
            raise _explain_error(exc, timeout) from None
    return columns, rows


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
    import networkx as nx

    g = nx.MultiDiGraph()
    _, rows = run_cypher(driver, "MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.kind AS kind, "
                                 "coalesce(a.aliases, []) AS aliases", database=database)
    for r in rows:
        g.add_node(r["id"], name=r["name"], kind=r["kind"], aliases=r["aliases"])
    return g


def document_ids(driver: neo4j.Driver, database: str | None = None) -> list[str]:
    _, rows = run_cypher(driver, "MATCH (d:Document) RETURN d.id AS id ORDER BY id", database=database)
    return [r["id"] for r in rows]
