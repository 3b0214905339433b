"""The ``actorgraph`` click group; each command module registers its commands on :data:`cli`."""

from __future__ import annotations

import click

from graph import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="actorgraph")
def cli() -> None:
    """actorgraph: political actors and their relations, from news to a graph.

    Ingest articles, then ask who does what to whom, with the sentence that says so.
    Every command has --help; docs/cli.md has them all.

    \b
    Example:
      actorgraph ingest examples/news
      actorgraph relations --type SANCTIONS
    """
