"""``actorgraph export FORMAT OUT``: write the graph in an interchange format."""

from __future__ import annotations

from pathlib import Path

import click

from graph.cli import cli
from graph.cli.common import friendly_errors, open_store, source_option, store_option


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
@source_option
@friendly_errors
def export_json(out: Path, store_path: Path | None, provenance: str = "all") -> None:
    """Node-link JSON, as ../shared/eval/score.py and `actorgraph eval` read it.

    The output is sorted and has no timestamps: the same graph gives the same bytes.

    \b
    Example:
      actorgraph export json graph.json
      actorgraph export json gdelt.json --source gdelt
    """
    from graph.export import write_json

    counts = write_json(open_store(store_path, source=provenance), out)
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
@source_option
@friendly_errors
def export_html(out: Path, store_path: Path | None, around: str | None, depth: int, types: tuple[str, ...],
                kinds: tuple[str, ...], since: str | None, until: str | None, title: str | None,
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
    from graph.html import render_html

    info = render_html(open_store(store_path, source=provenance), out, around=around, depth=depth, types=_names(types),
                       kinds=_names(kinds), since=since, until=until, title=title)
    click.echo(f"wrote {out}: {info['nodes']} actors, {info['edges']} relations", err=True)


@export.command("graphml")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@store_option
@source_option
@friendly_errors
def export_graphml(out: Path, store_path: Path | None, provenance: str = "all") -> None:
    """GraphML for yEd, Gephi or Cytoscape (lists and evidence as JSON strings, with counts).

    \b
    Example:
      actorgraph export graphml graph.graphml
    """
    from graph.export import write_graphml

    counts = write_graphml(open_store(store_path, source=provenance), out)
    click.echo(f"wrote {out}: {counts['nodes']} actors, {counts['links']} relations", err=True)


@export.command("gexf")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@store_option
@source_option
@friendly_errors
def export_gexf(out: Path, store_path: Path | None, provenance: str = "all") -> None:
    """GEXF for Gephi (node label = actor name, edge label = relation type).

    \b
    Example:
      actorgraph export gexf graph.gexf
    """
    from graph.export import write_gexf

    counts = write_gexf(open_store(store_path, source=provenance), out)
    click.echo(f"wrote {out}: {counts['nodes']} actors, {counts['links']} relations", err=True)


@export.command("csv")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@store_option
@source_option
@friendly_errors
def export_csv(outdir: Path, store_path: Path | None, provenance: str = "all") -> None:
    """actors.csv and relations.csv in OUTDIR, in the format neo4j-admin imports.

    \b
    Example:
      actorgraph export csv import/
      neo4j-admin database import full neo4j --nodes=import/actors.csv --relationships=import/relations.csv
    """
    from graph.export import write_csv

    counts = write_csv(open_store(store_path, source=provenance), outdir)
    click.echo(f"wrote {outdir}/actors.csv ({counts['nodes']} actors) and {outdir}/relations.csv "
               f"({counts['links']} relations)", err=True)
