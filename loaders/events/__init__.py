"""Import coded event datasets (GDELT, POLECAT, ICEWS, ACLED) into the actor graph.

Each dataset module turns rows of the dataset's own file format into :class:`Event` records;
:func:`import_events` resolves their actors through the same gazetteer as text extraction,
maps their codes to relation types through ``graph/schema/event_mappings.yaml`` and merges
them into the store as evidence with the dataset as its provenance. Files are read row by row,
GDELT's in batches of columns (memory does not grow with the file; the graph itself does), bad
rows become warnings with their line number, and events with no mapping or no identifiable actor
are counted by reason.

The shared records and the importer are in :mod:`loaders.events.core`, each format in a module of its
own that builds on it; this module, above both, picks the format.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from graph.model import DATASETS
from graph.resolution import Resolution
from graph.store import GraphStore, pause_gc
from loaders.events import acled, gdelt, icews, polecat
from loaders.events.core import (
    COUNTRIES_FILE,
    MAX_WARNINGS,
    EventFormatError,
    Importer,
    ImportOptions,
    ImportReport,
    RowReader,
    load_mappings,
)

__all__ = ["COUNTRIES_FILE", "EventFormatError", "ImportOptions", "ImportReport", "import_events", "load_mappings",
           "readers"]


def readers() -> dict[str, RowReader]:
    return {"polecat": polecat.read, "icews": icews.read, "acled": acled.read}


def import_events(dataset: str, paths: Iterable[Path], store: GraphStore, options: ImportOptions | None = None,
                  warn: Callable[[str], None] | None = None) -> ImportReport:
    """Read ``paths`` in ``dataset``'s format and merge their events into ``store`` (under its lock).

    Evidence of an event: doc ``<dataset>:<event id>``, its date, the source URL, the dataset as
    provenance, the code that made the relation as pattern; re-importing a file adds nothing.
    Memory holds the events as columns, not objects (see :class:`Importer`); afterwards ``store``
    holds the saved graph without evidence, as ``GraphStore.open(path, evidence=False)`` would.
    """
    if dataset not in DATASETS:
        raise ValueError(f"unknown dataset {dataset!r}; one of {', '.join(DATASETS)}")
    options = options or ImportOptions()
    report = ImportReport(dataset)
    warn = warn or (lambda msg: print(f"warning: {msg}", file=sys.stderr))
    paths = list(paths)
    for p in [*paths, *options.mentions]:
        if not p.is_file():
            raise FileNotFoundError(f"{p}: no such file")
    started = time.monotonic()
    # GC paused around the save too (the lock's exit): it would traverse every row at each collection.
    with pause_gc(), store.locked():
        # The analyst's merges and aliases (graph.resolution), as GraphStore.merge_extraction replays them
        # for documents: an actor merged away is not brought back by an import.
        resolution = Resolution.load(store.path)
        run = Importer(dataset, store, options, report, warn, resolution.redirects())
        for path in paths:
            if dataset == "gdelt":
                gdelt.collect(path, run)
            else:
                run.events(path, readers()[dataset])
        touched = run.finish()
        del run
        resolution.reapply(store, touched)  # renames, aliases and kinds the analyst chose
        report.seconds["read"] = time.monotonic() - started
    report.seconds["save"] = time.monotonic() - started - report.seconds["read"]
    if report.bad_rows > MAX_WARNINGS:
        warn(f"{report.bad_rows - MAX_WARNINGS} more bad rows not shown")
    with pause_gc():
        store.drop_evidence()
    report.actors = store.graph.number_of_nodes()
    report.relations = store.graph.number_of_edges()
    return report
