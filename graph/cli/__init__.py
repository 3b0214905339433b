"""The ``actorgraph`` command line: a thin click layer over the library.

Each command group lives in its own module and registers itself on :data:`cli`.
"""

from __future__ import annotations

import click

from graph import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="actorgraph")
def cli() -> None:
    """actorgraph: political actors and their relations, from news to a graph.

    Ingest articles, then ask who does what to whom, with the sentence that says so.
    """


def _register() -> None:
    # Imported for their side effect of adding commands to ``cli``.
    from graph.cli import analysis, core, export, query  # noqa: F401
    from graph.cli import neo4j as _neo4j  # noqa: F401


_register()


def main() -> None:
    cli(prog_name="actorgraph")
