"""Resolving actors: merge, unmerge, alias add, rename, kind (see :mod:`graph.resolution`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from actorgraph.cli.common import emit, format_option, friendly_errors, open_store, report_command, store_option
from actorgraph.cli.group import cli
from graph.duplicates import DEFAULT_MIN_SCORE, find_duplicates
from graph.resolution import decide_alias, decide_kind, decide_merge, decide_rename, decide_unmerge
from graph.resolve import resolve_actor


def reason_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--reason", default=None,
                        help="Why (kept in the store's resolution.yaml with who and when).")(f)


def _decide(store_path: Path | None, actor: str, decide: Callable[..., Any], value: str,
            reason: str | None) -> tuple[str, Any]:
    """Apply one decision about one actor under the store lock: (the actor's id, the decision's entry)."""
    store = open_store(store_path)
    with store.locked():
        actor_id = _lookup(store, actor)
        return actor_id, decide(store, actor_id, value, reason)


def _lookup(store: Any, name: str) -> str:
    return resolve_actor(store.graph, name)


@cli.command()
@click.argument("keep")
@click.argument("others", nargs=-1, required=True)
@store_option
@reason_option
@friendly_errors
def merge(keep: str, others: tuple[str, ...], store_path: Path | None, reason: str | None) -> None:
    """Merge actors OTHERS into KEEP (ids or names): one actor from now on.

    Relations and evidence move to KEEP (a symmetric relation stated both
    ways becomes one edge); relations between the merged actors would be
    loops and are dropped (listed on stderr). KEEP keeps its id, name and
    kind; the others' names become its aliases. The decision is written to
    resolution.yaml in the store and replayed on every later ingest, so the
    split does not come back; `actorgraph unmerge` undoes it.

    \b
    Example:
      actorgraph merge abbas-araghchi abbas-araqchi --reason "one foreign minister, two spellings"
    """
    store = open_store(store_path)
    with store.locked():
        keep_id = _lookup(store, keep)
        other_ids = [_lookup(store, o) for o in others]
        report = decide_merge(store, keep_id, other_ids, reason)
    for u, t, v, n in report.dropped:
        click.echo(f"dropped: {u} -{t}-> {v} ({n} evidence) would be a loop on {keep_id}", err=True)
    click.echo(f"merged {', '.join(other_ids)} into {keep_id} (decision {report.decision}): "
               f"{report.moved} relations moved, {report.joined} joined existing ones, {len(report.dropped)} dropped")


@cli.command()
@click.argument("ref", metavar="ID")
@store_option
@reason_option
@friendly_errors
def unmerge(ref: str, store_path: Path | None, reason: str | None) -> None:
    """Undo a merge: ID is the decision number or an actor id it kept or removed (the latest merge).

    The actors and relations return to their state just before the merge;
    evidence that later documents added to the kept actor stays with it.

    \b
    Example:
      actorgraph unmerge abbas-araqchi
    """
    store = open_store(store_path)
    with store.locked():
        entry = decide_unmerge(store, ref, reason)
    click.echo(f"unmerged {', '.join(entry['others'])} from {entry['keep']} (undid decision {entry['merge']})")


@cli.group()
def alias() -> None:
    """Aliases the analyst adds to an actor (kept in resolution.yaml).

    \b
    Example:
      actorgraph alias add eln "Elenos"
    """


@alias.command("add")
@click.argument("actor", metavar="ID")
@click.argument("name")
@store_option
@reason_option
@friendly_errors
def alias_add(actor: str, name: str, store_path: Path | None, reason: str | None) -> None:
    """Add NAME as an alias of actor ID: lookups find it, and later documents that name it join this actor.

    \b
    Example:
      actorgraph alias add abbas-araghchi "Araqchi" --reason "common spelling"
    """
    actor_id, _ = _decide(store_path, actor, decide_alias, name, reason)
    click.echo(f"{actor_id}: alias {name!r} added")


@cli.command()
@click.argument("actor", metavar="ID")
@click.argument("name")
@store_option
@reason_option
@friendly_errors
def rename(actor: str, name: str, store_path: Path | None, reason: str | None) -> None:
    """Give actor ID the display name NAME (the id stays; the old name becomes an alias).

    \b
    Example:
      actorgraph rename abbas-araghchi "Seyed Abbas Araghchi"
    """
    actor_id, _ = _decide(store_path, actor, decide_rename, name, reason)
    click.echo(f"{actor_id}: renamed to {name!r}")


@cli.command()
@click.argument("actor", metavar="ID")
@click.argument("kind")
@store_option
@reason_option
@friendly_errors
def kind(actor: str, kind: str, store_path: Path | None, reason: str | None) -> None:
    """Set the kind of actor ID to KIND (one of the taxonomy's actor kinds).

    \b
    Example:
      actorgraph kind union-solidarity-and-development-party other_org
    """
    actor_id, entry = _decide(store_path, actor, decide_kind, kind, reason)
    click.echo(f"{actor_id}: kind set to {entry['kind']}")


@cli.command()
@store_option
@format_option
@click.option("--min-score", type=click.FloatRange(0, 1), default=None,
              help="Only pairs scoring at least this much (default 0.75).")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many pairs (the best).")
@report_command
@friendly_errors
def duplicates(store_path: Path | None, fmt: str, min_score: float | None, limit: int | None) -> None:
    """Pairs of actors that may be one real actor, best first, with the reasons.

    Names are compared after removing accents, titles, initials and 'al-'
    prefixes, with transliteration variants (Qaddafi/Gaddafi/Kadhafi,
    Mohammed/Muhammad) spelled one way; acronyms are matched with their
    expansion; aliases, kind, shared neighbours and documents add weight,
    and two actors that are the two parties of one relation are unlikely
    to be one. Confirm a pair with `actorgraph merge`.

    \b
    Example:
      actorgraph duplicates --min-score 0.9
      actorgraph duplicates --format csv --limit 100
    """
    store = open_store(store_path, evidence=False)
    g = store.graph
    found = find_duplicates(g, DEFAULT_MIN_SCORE if min_score is None else min_score)[:limit]
    names = {n: g.nodes[n].get("name", n) for n in g.nodes}
    emit([c.row(names) for c in found], ["score", "a", "a_name", "b", "b_name", "reasons"], fmt)
