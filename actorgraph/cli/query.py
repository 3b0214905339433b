"""Cypher on Neo4j: the named query library (``query``) and ad-hoc read-only Cypher (``cypher``).

Connection settings: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE or the flags.
"""

from __future__ import annotations

import difflib
from typing import Any

import click

from actorgraph.cli.common import emit, format_option, friendly_errors
from actorgraph.cli.group import cli
from actorgraph.cli.neo4j import neo4j_options, settings_from
from graph.neo4j import connect
from graph.resolve import resolve_actor
from queries import QueryError, list_queries, load_query, parse_literal
from queries.runner import actor_index, document_ids, run_cypher

TIMEOUT_HELP = "Give up after this many seconds."


def _split_params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="--param")
        out[key.strip()] = value
    return out


def _params_summary(q) -> str:
    parts = []
    for p in q.params:
        if p.kind in ("scores", "symmetric"):
            continue
        parts.append(f"{p.name} ({p.kind}, required)" if p.required else f"{p.name}={p.default!r}")
    return ", ".join(parts)


@cli.command()
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the queries with their descriptions and parameters.")
@click.option("--show", is_flag=True, help="Print the query file (ready to paste into Neo4j Browser) instead of running it.")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter (repeatable); lists are comma-separated: types=SANCTIONS,THREATENS.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True, help=TIMEOUT_HELP)
@format_option
@neo4j_options
@friendly_errors
def query(name: str | None, list_: bool, show: bool, params: tuple[str, ...], timeout: float, fmt: str,
          uri: str | None, user: str | None, database: str | None, ask_password: bool) -> None:
    """Run a named query from the Cypher library (queries/*.cypher) on Neo4j.

    Actor parameters take names, aliases or ids ("petro", "ELN"); relation types
    and actor kinds are checked against the taxonomy before anything is sent.

    \b
    Example:
      actorgraph query --list
      actorgraph query neighbourhood --param actor=petro --param depth=2
      actorgraph query shortest_paths -p source=petro -p target=maduro --format json
    """
    if list_ or not name:
        rows = [{"name": q.name, "parameters": _params_summary(q), "description": q.description,
                 "params": [{"name": p.name, "kind": p.kind, "required": p.required, "default": p.default,
                             "description": p.description} for p in q.params]}
                for q in list_queries()]
        emit(rows, ["name", "parameters", "description"] + (["params"] if fmt == "json" else []), fmt)
        return
    q = load_query(name)
    if show:
        click.echo(q.source, nl=False)
        return
    values = _split_params(params)
    for key in values:
        q.param(key)  # unknown names fail before connecting


    settings = settings_from(uri, user, database, ask_password)
    driver = connect(settings)
    try:
        db = settings.database

        def resolve(actor: str) -> str:
            return resolve_actor(actor_index(driver, db), actor)

        def check_document(doc: str) -> str:
            ids = document_ids(driver, db)
            if doc in ids:
                return doc
            close = difflib.get_close_matches(doc, ids, n=5, cutoff=0.3) or ids[:5]
            raise click.ClickException(f"no document {doc!r} in Neo4j; closest: {', '.join(close) or 'none stored'}")

        bound = q.bind(values, resolve_actor=resolve, check_document=check_document)
        columns, rows = run_cypher(driver, q.text, bound, database=db, timeout=timeout)
    finally:
        driver.close()
    if fmt == "table" and "hops" in columns:
        for r in rows:  # a path reads better as arrows than as a list of maps
            r["hops"] = _path_text(r["hops"])
    emit(rows, columns, fmt)


def _path_text(hops: list[dict[str, Any]]) -> str:
    """'a -CRITICISES-> b <-COERCES- c': each arrow shows the stored direction."""
    text = hops[0]["from"] if hops else ""
    for h in hops:
        arrow = f" -{h['type']}-> " if h["from"] == h["source"] else f" <-{h['type']}- "
        text += arrow + h["to"]
    return text


def _literal(value: str) -> Any:
    try:
        return parse_literal(value)
    except QueryError:
        return value  # a bare word is a string


@cli.command()
@click.argument("statement")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter, as a Cypher literal (5, 'x', [1, 2], {a: 1}) or a bare string (repeatable).")
@click.option("--write", is_flag=True, help="Allow a statement that writes (default: refused).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True, help=TIMEOUT_HELP)
@format_option
@neo4j_options
@friendly_errors
def cypher(statement: str, params: tuple[str, ...], write: bool, timeout: float, fmt: str, uri: str | None,
           user: str | None, database: str | None, ask_password: bool) -> None:
    """Run one ad-hoc Cypher STATEMENT on Neo4j, read-only unless --write.

    The statement runs in a read session; one that would write (found by EXPLAIN
    first) is refused. Pass values as parameters, not pasted into the text.

    \b
    Example:
      actorgraph cypher "MATCH (a:Actor)-[r:SANCTIONS]->(b) RETURN a.name, b.name"
      actorgraph cypher "MATCH (a:Actor {id: \\$id})--(b) RETURN b.name" -p id=gustavo-petro
    """
    values = {k: _literal(v) for k, v in _split_params(params).items()}
    settings = settings_from(uri, user, database, ask_password)
    driver = connect(settings)
    try:
        columns, rows = run_cypher(driver, statement, values, database=settings.database, timeout=timeout, write=write)
    finally:
        driver.close()
    emit(rows, columns, fmt)
