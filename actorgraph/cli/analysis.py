"""Offline reports on the local store (no Neo4j needed): path, centrality, neighbours,
timeline, communities, stats."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import click

from actorgraph.cli.common import (
    emit,
    evidence_lines,
    format_option,
    friendly_errors,
    max_evidence_option,
    open_topology,
    report_command,
    source_option,
    store_option,
)
from actorgraph.cli.group import cli
from graph.analysis import all_shortest_paths, shortest_path
from graph.analysis import centrality as rank
from graph.analysis import communities as louvain
from graph.analysis import neighbours as hood
from graph.analysis import timeline as dyad
from graph.analysis.stats import stats as summary
from graph.analysis.stats import stats_rows
from graph.reader import GraphReader
from graph.resolve import resolve_actor
from graph.taxonomy import load_taxonomy


def types_option(f):
    return click.option("--types", "types", multiple=True, metavar="TYPE[,TYPE...]",
                        help="Only relations of these types (repeatable or comma-separated).")(f)


def split_types(types: tuple[str, ...]) -> list[str] | None:
    """``("SANCTIONS,THREATENS", "leads")`` -> validated ``["SANCTIONS", "THREATENS", "LEADS"]``."""
    names = [t.strip() for group in types for t in group.split(",") if t.strip()]
    return load_taxonomy().check_relation_types(names) if names else None


def idle_cores(limit: int = 4) -> int:
    """How many processes betweenness may use: the cores other work leaves idle (1-minute load
    average), at least 1. On a busy machine a second process only competes for the same core."""
    cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:
        return 1
    return max(1, min(limit, cores, int(cores - busy + 1.5)))


def _resolve(g, name: str) -> str:
    return resolve_actor(g, name)


def _name(g: GraphReader, n: str) -> str:
    return g.row(n)["name"]


@cli.command()
@click.argument("source")
@click.argument("target")
@store_option
@format_option
@types_option
@click.option("--undirected", is_flag=True, help="Follow relations both ways (symmetric types always are).")
@click.option("--all", "all_paths", is_flag=True, help="All shortest paths, not just the first.")
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True, help="At most this many paths with --all.")
@max_evidence_option
@source_option
@report_command
@friendly_errors
def path(source: str, target: str, store_path: Path | None, fmt: str, types: tuple[str, ...], undirected: bool,
         all_paths: bool, limit: int, max_evidence: int | None, provenance: str = "all") -> None:
    """The shortest path from SOURCE to TARGET, one row per hop with its relation and evidence.

    Relations are followed in their direction (who acts on whom) unless
    --undirected; symmetric types (MEETS, NEGOTIATES, ...) count both ways.
    "direction" says whether a hop follows the stored relation (->) or goes
    against it (<-). A table lists every evidence sentence of a hop under it
    (--max-evidence to limit); CSV gives the first, JSON all.

    \b
    Example:
      actorgraph path petro maduro
      actorgraph path "Gustavo Petro" "Nicolás Maduro" --undirected --all --format json
    """
    checked = split_types(types)
    topo = open_topology(store_path, provenance)
    g = topo
    a, b = _resolve(g, source), _resolve(g, target)
    if all_paths:
        paths = all_shortest_paths(topo, a, b, checked, undirected=undirected, limit=limit)
    else:
        p = shortest_path(topo, a, b, checked, undirected=undirected)
        paths = [p] if p else []
    if not paths:
        hint = "" if undirected else " (try --undirected)"
        click.echo(f"no path from {_name(g, a)} to {_name(g, b)}{hint}", err=True)
    rows = []
    for i, p in enumerate(paths, 1):
        for j, h in enumerate(p["hops"], 1):
            ev = h["evidence"]
            rows.append({
                "path": i, "step": j, "from": _name(g, h["from"]), "type": h["type"],
                "direction": "->" if h["from"] == h["source"] else "<-", "to": _name(g, h["to"]),
                "evidence_count": h["evidence_count"], "from_id": h["from"], "to_id": h["to"],
                "evidence": (ev[:max_evidence] if fmt == "json" else evidence_lines(ev, max_evidence) if fmt == "table"
                             else (f"[{ev[0]['doc']}] {ev[0]['sentence']}" if ev else "")),
            })
    cols = ["path", "step", "from", "direction", "type", "to", "evidence_count", "evidence"]
    if fmt != "table":
        cols[3:3] = ["from_id"]
        cols.insert(cols.index("to") + 1, "to_id")
    emit(rows, cols, fmt, below="evidence")


@cli.command()
@store_option
@format_option
@types_option
@click.option("--measure", type=click.Choice(["degree", "pagerank", "betweenness", "eigenvector"]), default="degree",
              show_default=True, help="degree: number of relations; pagerank: directed; betweenness, eigenvector: undirected.")
@click.option("--top", type=click.IntRange(1), default=10, show_default=True, help="How many actors.")
@click.option("--engine", type=click.Choice(["auto", "networkx", "igraph"]), default="auto", show_default=True,
              help="auto: igraph for graphs over 5,000 actors when installed.")
@click.option("--sample", type=click.IntRange(1), default=None,
              help="Betweenness from this many pivot actors (seed 0) [default: exact up to 5,000 actors, else 256].")
@source_option
@report_command
@friendly_errors
def centrality(store_path: Path | None, fmt: str, types: tuple[str, ...], measure: str, top: int, engine: str,
               sample: int | None, provenance: str = "all") -> None:
    """The most central actors by a measure, ties broken by id.

    On graphs over 5,000 actors betweenness is estimated from 256 pivot actors
    unless --sample says otherwise (exact betweenness grows with actors × relations).

    \b
    Example:
      actorgraph centrality --measure pagerank --top 5
      actorgraph centrality --measure degree --types CRITICISES,SANCTIONS
      actorgraph centrality --measure betweenness --sample 1000
    """
    checked = split_types(types)
    rows = rank(open_topology(store_path, provenance), measure, top=top, types=checked, engine=engine, sample=sample,
                processes=idle_cores())
    emit(rows, ["rank", "id", "name", "kind", "score"], fmt)


@cli.command()
@click.argument("actor")
@store_option
@format_option
@types_option
@click.option("--depth", type=click.IntRange(1), default=1, show_default=True, help="How many relations away.")
@click.option("--direction", type=click.Choice(["both", "out", "in"]), default="both", show_default=True,
              help="out: what the actor does (and onwards); in: who acts on it.")
@source_option
@report_command
@friendly_errors
def neighbours(actor: str, store_path: Path | None, fmt: str, types: tuple[str, ...], depth: int, direction: str,
               provenance: str = "all") -> None:
    """Actors within --depth relations of ACTOR, by distance, with the relation types that reach them.

    \b
    Example:
      actorgraph neighbours petro --depth 2
      actorgraph neighbours "United States" --direction out --types SANCTIONS,COERCES
    """
    checked = split_types(types)
    topo = open_topology(store_path, provenance)
    rows = hood(topo, _resolve(topo, actor), depth=depth, types=checked, direction=direction)
    emit(rows, ["distance", "id", "name", "kind", "via"], fmt)


@cli.command()
@click.argument("a")
@click.argument("b")
@store_option
@format_option
@types_option
@source_option
@report_command
@friendly_errors
def timeline(a: str, b: str, store_path: Path | None, fmt: str, types: tuple[str, ...], provenance: str = "all") -> None:
    """The relations between actors A and B over time, with a running cooperation–conflict balance.

    One row per evidence sentence, ordered by the sentence's date, else its
    document's date ("dated_by" says which; "position" when neither is known),
    then position in the document. A sentence that states background before its
    document ("for years", "has repeatedly", "since 2022") is dated_by
    "background": "when" shows its range ("2022 – 2026-02-03" from the earliest
    bound the text gives to the document's date, else "before 2026-02-03") and it
    is placed by that bound, before every dated event when the text gives none. "score" is the relation type's score in
    the taxonomy (cooperation > 0 > conflict); "balance" is the running sum.
    "provenance" marks each row: text (a sentence of a document) or the event
    dataset that coded it, so --source all sets the news beside the datasets.

    \b
    Example:
      actorgraph timeline trump petro
      actorgraph timeline trump petro --source all
    """
    checked = split_types(types)
    topo = open_topology(store_path, provenance)
    g = topo
    x, y = _resolve(g, a), _resolve(g, b)
    rows = dyad(topo, x, y, topo.documents, types=checked)
    for r in rows:
        r["source_name"], r["target_name"] = _name(g, r["source"]), _name(g, r["target"])
    if fmt == "table":
        for r in rows:
            r["evidence"] = f"[{r['doc']}] {r['sentence']}"
            if r["background"]:
                until = r["until"] or "the document"
                r["when"] = f"{r['since']} – {until}" if r["since"] else f"before {until}"
        cols = ["step", "when", "dated_by", "source_name", "type", "target_name", "score", "balance"]
        if any(r["provenance"] != "text" for r in rows):
            cols.append("provenance")  # only when event datasets are in it: keep the table narrow
        emit(rows, cols, fmt, below="evidence")
        return
    else:
        cols = ["step", "when", "dated_by", "source", "source_name", "type", "target", "target_name", "score", "balance",
                "provenance", "doc", "doc_date", "start", "end", "sentence", "background", "since", "until", "url"]
    emit(rows, cols, fmt)


@cli.command()
@store_option
@format_option
@types_option
@click.option("--seed", type=int, default=42, show_default=True, help="Random seed of the Louvain method.")
@click.option("--resolution", type=float, default=1.0, show_default=True, help="Above 1: smaller groups.")
@click.option("--min-size", type=click.IntRange(1), default=2, show_default=True, help="Leave out smaller groups.")
@click.option("--engine", type=click.Choice(["auto", "networkx", "igraph"]), default="auto", show_default=True,
              help="auto: igraph's Louvain for graphs over 5,000 actors (networkx's takes minutes there).")
@source_option
@report_command
@friendly_errors
def communities(store_path: Path | None, fmt: str, types: tuple[str, ...], seed: int, resolution: float,
                min_size: int, engine: str, provenance: str = "all") -> None:
    """Groups of actors more tied to each other than to the rest (Louvain, fixed seed).

    The two engines visit actors in different orders, so on the same graph their
    groups can differ a little; each gives the same groups run after run.

    \b
    Example:
      actorgraph communities --min-size 3
    """
    checked = split_types(types)
    rows = louvain(open_topology(store_path, provenance), types=checked, seed=seed, resolution=resolution, min_size=min_size,
                   engine=engine)
    emit(rows, ["community", "size", "names"] + ([] if fmt == "table" else ["members"]), fmt)


@cli.command()
@store_option
@format_option
@source_option
@report_command
@friendly_errors
def stats(store_path: Path | None, fmt: str, provenance: str = "all") -> None:
    """Counts and shape of the graph: actors, relations, evidence, components, kinds, types, dates.

    \b
    Example:
      actorgraph stats --format json
    """
    topo = open_topology(store_path, provenance)
    s: dict[str, Any] = summary(topo, topo.documents)
    if fmt == "json":
        click.echo(json.dumps(s, indent=2, ensure_ascii=False))
    else:
        emit(stats_rows(s), ["metric", "value"], fmt)
