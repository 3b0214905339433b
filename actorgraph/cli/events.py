"""``actorgraph import DATASET FILE...``: coded event datasets into the same graph as the text."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from actorgraph.cli.common import friendly_errors, open_store, store_option
from actorgraph.cli.group import cli
from graph.model import DATASETS
from loaders.events import ImportOptions
from loaders.events import import_events as run


@cli.command("import")
@click.argument("dataset", type=click.Choice(DATASETS))
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@store_option
@click.option("--mentions", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="gdelt: a GDELT 2.0 mentions file, for each event's source URL and sentence number (repeatable).")
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary (warnings are still shown).")
@friendly_errors
def import_events(dataset: str, files: tuple[Path, ...], store_path: Path | None, mentions: tuple[Path, ...],
                  quiet: bool) -> None:
    """Import an event dataset's files (in its own published format) as relations with that provenance.

    \b
    gdelt    GDELT 2.0 events: 61 tab-separated columns, no header (.CSV, .CSV.zip, .gz)
    polecat  POLECAT: PLOVER event type and mode, actor and recipient names and Wikipedia ids
    icews    ICEWS: CAMEO code, source and target names, sectors and countries, sentence number
    acled    ACLED CSV export: actor1/actor2, event_type/sub_event_type, fatalities, notes

    Each event becomes a relation through its CAMEO code, PLOVER type or ACLED event type
    (graph/schema/event_mappings.yaml); its actors resolve through the gazetteer that text
    extraction uses, so GDELT's "UNITED STATES" and an article's "Washington" are one actor.
    Evidence keeps the dataset, event id (doc "gdelt:<id>"), date, source URL and, for ACLED,
    the notes. Events with no mapping or no identifiable actor are counted in the summary;
    bad rows are warnings with their line number. Importing a file twice adds nothing.

    \b
    Example:
      actorgraph import gdelt 20260115.export.CSV --mentions 20260115.mentions.CSV
      actorgraph import acled acled-colombia.csv
      actorgraph relations --source gdelt
    """
    if mentions and dataset != "gdelt":
        raise click.UsageError("--mentions is for gdelt only")
    store = open_store(store_path, create=True)
    report = run(dataset, list(files), store, ImportOptions(mentions=list(mentions), progress=not quiet),
                 warn=lambda msg: click.echo(f"warning: {msg}", err=True))
    if report.rows and report.bad_rows == report.rows:
        click.echo(f"Error: {dataset}: none of the {report.rows} rows could be read (see the warnings); "
                   "the store was not changed", err=True)
        sys.exit(1)
    if not quiet:
        click.echo(report.summary())
