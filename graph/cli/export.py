"""``actorgraph export FORMAT OUT``: write the graph in an interchange format."""

from __future__ import annotations

from pathlib import Path

import click

from graph.cli import cli
from graph.cli.common import friendly_errors, open_store, store_option


@cli.group()
def export() -> None:
    """Export the graph (node-link JSON, and more formats as subcommands)."""


@export.command("json")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@store_option
@friendly_errors
def export_json(out: Path, store_path: Path | None) -> None:
    """Node-link JSON, as ../shared/eval/score.py and `actorgraph eval` read it.

    The output is sorted and has no timestamps: the same graph gives the same bytes.

    \b
    Example:
      actorgraph export json graph.json
    """
    from graph.export import write_json

    counts = write_json(open_store(store_path), out)
    click.echo(f"wrote {out}: {counts['nodes']} actors, {counts['links']} relations", err=True)
