"""Neo4j commands: ``push`` the local graph to Neo4j, ``pull`` it back (and ``ingest --neo4j``).

Settings come from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, or the flags;
the password is read from the environment or a hidden prompt, never from a flag value.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from actorgraph.cli.common import friendly_errors, open_store, store_option
from actorgraph.cli.group import cli
from graph.neo4j import Neo4jSettings, Neo4jUnavailable, Neo4jWriter, connect, read_store
from graph.neo4j.bulk import BulkRefused, bulk_push
from graph.neo4j.writer import DEFAULT_BATCH_SIZE, DEFAULT_WORKERS
from graph.resolution import write_state

F = TypeVar("F", bound=Callable[..., Any])


def neo4j_options(f: F) -> F:
    """--uri, --user, --database and --password (prompt) for any command that talks to Neo4j."""
    f = click.option("--password", "ask_password", is_flag=True,
                     help="Prompt for the Neo4j password (hidden) instead of reading $NEO4J_PASSWORD.")(f)
    f = click.option("--database", default=None, help="Neo4j database (default: $NEO4J_DATABASE or neo4j).")(f)
    f = click.option("--user", default=None, help="Neo4j user (default: $NEO4J_USER or neo4j).")(f)
    f = click.option("--uri", default=None, help="Neo4j URI: bolt://HOST:7687 for one server, neo4j://HOST or neo4j+s://HOST for a cluster "
                                            "or Aura (routing) (default: $NEO4J_URI or bolt://localhost:7687).")(f)
    return f


def settings_from(uri: str | None, user: str | None, database: str | None, ask_password: bool):
    password = click.prompt("Neo4j password", hide_input=True, err=True) if ask_password else None
    return Neo4jSettings.from_env(uri=uri, user=user, database=database, password=password)


def push_extractions(extractions: list, store, settings, batch_size: int | None = None) -> dict[str, int]:
    """Write what an ingest added to the local store into Neo4j (used by ``ingest --neo4j``)."""
    try:
        driver = connect(settings)
    except Neo4jUnavailable as exc:
        raise Neo4jUnavailable(f"{exc} (the local store was written; run `actorgraph push` later)") from None
    try:
        writer = Neo4jWriter(driver, settings.database)
        kwargs = {"batch_size": batch_size} if batch_size else {}
        return writer.write_extractions(extractions, store, **kwargs)
    finally:
        driver.close()


@cli.command()
@store_option
@neo4j_options
@click.option("--replace", is_flag=True, help="First delete every :Actor and :Document in the Neo4j database.")
@click.option("--batch-size", type=click.IntRange(1), default=DEFAULT_BATCH_SIZE, show_default=True, help="Rows per transaction.")
@click.option("--workers", type=click.IntRange(1, 16), default=DEFAULT_WORKERS, show_default=True,
              help="Sessions writing relations at once (each on its own actors).")
@click.option("--bulk", is_flag=True,
              help="First load into an EMPTY database with Neo4j's import tool (neo4j-admin database import full): "
                   "stops the local server, imports, starts it again. Not for Aura or remote servers.")
@click.option("--neo4j-home", type=click.Path(file_okay=False, path_type=Path), default=None, envvar="NEO4J_HOME",
              help="With --bulk: a Neo4j installation whose bin/neo4j-admin to use (default: $NEO4J_HOME, else the "
                   "scripts/neo4j.sh server in $ACTORGRAPH_NEO4J_DATA).")
@friendly_errors
def push(store_path: Path | None, uri: str | None, user: str | None, database: str | None, ask_password: bool,
         replace: bool, batch_size: int, workers: int, bulk: bool, neo4j_home: Path | None) -> None:
    """Send the local graph to Neo4j (idempotent: pushing twice changes nothing).

    Creates the constraints and indexes on first use, then writes documents, actors
    (labelled :Actor and their kind) and relations (typed by relation type) in batches.
    With --bulk, an empty database is loaded by Neo4j's import tool instead (much faster
    for a first load); a later pull gives the same graph as after a normal push.

    \b
    Example:
      eval "$(bash scripts/neo4j.sh env)"
      actorgraph push --replace
      actorgraph push --bulk
    """
    settings = settings_from(uri, user, database, ask_password)
    store = open_store(store_path)
    if bulk:
        if replace:
            raise click.ClickException("--bulk loads an empty database only; --replace is for push without --bulk")
        try:
            counts = bulk_push(store, settings, neo4j_home=str(neo4j_home) if neo4j_home else None)
        except BulkRefused as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"bulk-loaded {counts['documents']} documents, {counts['actors']} actors, {counts['relations']} relations "
                   f"to {settings.uri} (database {settings.database})", err=True)
        return
    driver = connect(settings)
    try:
        writer = Neo4jWriter(driver, settings.database, workers=workers)
        if replace:
            writer.clear()
        counts = writer.write_store(store, batch_size=batch_size)
    finally:
        driver.close()
    click.echo(f"pushed {counts['documents']} documents, {counts['actors']} actors, {counts['relations']} relations "
               f"to {settings.uri} (database {settings.database})", err=True)


@cli.command()
@store_option
@neo4j_options
@click.option("--replace", is_flag=True, help="Overwrite a local store that already holds data.")
@friendly_errors
def pull(store_path: Path | None, uri: str | None, user: str | None, database: str | None, ask_password: bool,
         replace: bool) -> None:
    """Rebuild the local store from Neo4j (the inverse of push).

    A store that already holds data is only overwritten with --replace.

    \b
    Example:
      actorgraph pull --store from-neo4j
      actorgraph export json graph.json --store from-neo4j
    """
    settings = settings_from(uri, user, database, ask_password)
    store = open_store(store_path, create=True)
    driver = connect(settings)
    try:
        fresh = read_store(driver, settings.database, store.path)
    finally:
        driver.close()
    # Validate what Neo4j holds before anything is replaced: a record outside the taxonomy (set there by
    # hand with `cypher --write`) would make a store that every command refuses to open.
    bad = fresh.validate(limit=6)
    if bad:
        shown = "; ".join(bad[:5]) + ("; ..." if len(bad) > 5 else "")
        raise click.ClickException(f"Neo4j holds {'over 5' if len(bad) > 5 else len(bad)} record(s) outside the "
                                   f"taxonomy ({shown}); nothing was written to {store.path}: fix them in Neo4j "
                                   "or push the local graph again")
    with store.locked():
        if (store.graph.number_of_nodes() or store.documents) and not replace:
            raise click.ClickException(f"the store {store.path} already holds data; use --replace to overwrite it")
        store.graph, store.documents = fresh.graph, fresh.documents
        write_state(store.path, fresh.resolution_state)
    click.echo(f"pulled {len(store.documents)} documents, {store.graph.number_of_nodes()} actors, "
               f"{store.graph.number_of_edges()} relations from {settings.uri} into {store.path}", err=True)
