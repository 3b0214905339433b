"""``actorgraph export FORMAT OUT``: write the graph in an interchange format."""

from __future__ import annotations

from pathlib import Path

import click

from actorgraph.cli.common import friendly_errors, open_store, source_option, store_option
from actorgraph.cli.group import cli
from graph.export import write_csv, write_gexf, write_graphml, write_json
from graph.html import render_html


def parents_option(f):
    return click.option("--parents", "-p", is_flag=True,
                        help="Create the output's missing parent folders (without it, a missing folder is an error).")(f)


def _prepare(out: Path, parents: bool) -> None:
    """Create the output's folder only when asked: a typo in a path must not leave folders behind."""
    if parents:
        out.parent.mkdir(parents=True, exist_ok=True)
    elif not out.parent.is_dir():
        raise click.ClickException(f"no folder {out.parent} (create it first, or use --parents)")


@cli.group()
def export() -> None:
    """Export the graph: node-link JSON, an HTML network view, GraphML, GEXF, neo4j-admin CSV.

    \b
    Example:
      actorgraph export html graph.html
      actorgraph export json graph.json
    """


@export.command("json")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@store_option
@parents_option
@source_option
@friendly_errors
def export_json(out: Path, store_path: Path | None, parents: bool,
                provenance: str = "all") -> None:
    """Node-link JSON, as ../shared/eval/score.py and `actorgraph eval` read it.

    The output is sorted and has no timestamps: the same graph gives the same bytes.

    \b
    Example:
      actorgraph export json graph.json
      actorgraph export json gdelt.json --source gdelt
    """
    store = open_store(store_path, source=provenance)  # first: a missing store must not leave folders behind
    _prepare(out, parents)
    counts = write_json(store, out)
    click.echo(f"wrote {out}: {counts['nodes']} actors, {counts['links']} relations", err=True)


def _names(values: tuple[str, ...]) -> list[str] | None:
    """Repeatable options that also take comma-separated lists: --types A,B --types C."""
    out = [v.strip() for value in values for v in value.split(",") if v.strip()]
    return out or None


@export.command("html")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@store_option
@click.option("--around", default=None, help="Only the neighbourhood of this actor (name, alias or id).")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True, help="Hops from --around.")
@click.option("--types", multiple=True, help="Only these relation types (comma-separated or repeated).")
@click.option("--kinds", multiple=True, help="Only actors of these kinds (comma-separated or repeated).")
@click.option("--since", default=None, help="Only evidence dated on or after this day (YYYY-MM-DD).")
@click.option("--until", default=None, help="Only evidence dated on or before this day (YYYY-MM-DD).")
@click.option("--title", default=None, help="Page title (default: actorgraph).")
@parents_option
@source_option
@friendly_errors
def export_html(out: Path, store_path: Path | None, around: str | None, depth: int, types: tuple[str, ...],
                kinds: tuple[str, ...], since: str | None, until: str | None, title: str | None, parents: bool,
                provenance: str = "all") -> None:
    """A network view in one self-contained HTML file: open it from disk or share it.

    Colour and shape by actor kind, size by number of relations, edge colour from conflict
    (red) to cooperation (blue), arrows for direction, evidence sentences on hover, and
    filters by relation type and actor kind in the page. It makes no network request.

    \b
    Example:
      actorgraph export html graph.html
      actorgraph export html petro.html --around petro --depth 2
      actorgraph export html conflict.html --types SANCTIONS,THREATENS,COERCES --since 2025-09-01
    """
    store = open_store(store_path, source=provenance)
    _prepare(out, parents)
    info = render_html(store, out, around=around, depth=depth, types=_names(types),
                       kinds=_names(kinds), since=since, until=until, title=title)
    click.echo(f"wrote {out}: {info['nodes']} actors, {info['edges']} relations", err=True)


@export.command("graphml")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@store_option
@parents_option
@source_option
@friendly_errors
def export_graphml(out: Path, store_path: Path | None, parents: bool,
                   provenance: str = "all") -> None:
    """GraphML for yEd, Gephi or Cytoscape (lists and evidence as JSON strings, with counts).

    \b
    Example:
      actorgraph export graphml graph.graphml
    """
    store = open_store(store_path, source=provenance)  # first: a missing store must not leave folders behind
    _prepare(out, parents)
    counts = write_graphml(store, out)
    click.echo(f"wrote {out}: {counts['nodes']} actors, {counts['links']} relations", err=True)


@export.command("gexf")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@store_option
@parents_option
@source_option
@friendly_errors
def export_gexf(out: Path, store_path: Path | None, parents: bool,
                provenance: str = "all") -> None:
    """GEXF for Gephi (node label = actor name, edge label = relation type).

    \b
    Example:
      actorgraph export gexf graph.gexf
    """
    store = open_store(store_path, source=provenance)  # first: a missing store must not leave folders behind
    _prepare(out, parents)
    counts = write_gexf(store, out)
    click.echo(f"wrote {out}: {counts['nodes']} actors, {counts['links']} relations", err=True)


@export.command("csv")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@store_option
@parents_option
@source_option
@friendly_errors
def export_csv(outdir: Path, store_path: Path | None, parents: bool,
               provenance: str = "all") -> None:
    """actors.csv and relations.csv in OUTDIR, in the format neo4j-admin imports.

    OUTDIR is created if its parent folder exists (missing parents only with --parents).

    \b
    Example:
      actorgraph export csv import/
      neo4j-admin database import full neo4j --nodes=import/actors.csv --relationships=import/relations.csv
    """
    store = open_store(store_path, source=provenance)
    counts = write_csv(store, outdir, parents=parents)
    click.echo(f"wrote {outdir}/actors.csv ({counts['nodes']} actors) and {outdir}/relations.csv "
               f"({counts['links']} relations)", err=True)
