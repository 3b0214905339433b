"""Shared CLI plumbing: the store option, output formats and one-line errors."""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from graph.store import STORE_ENV, GraphStore, default_store_path

if TYPE_CHECKING:
    from graph.topology import Topology

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("table", "json", "csv")


def store_option(f: F) -> F:
    return click.option(
        "--store",
        "store_path",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=f"Data folder of the local graph (default: ${STORE_ENV} or ./actorgraph-data).",
    )(f)


def format_option(f: F) -> F:
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True, help="Output format."
    )(f)


def source_option(f: F) -> F:
    from graph.provenance import SOURCES

    return click.option("--source", "provenance", type=click.Choice(SOURCES), default="all", show_default=True,
                        help="Only evidence of this provenance: text (extracted from documents) or an event dataset.")(f)


def open_store(store_path: Path | None, evidence: bool = True, source: str | None = None,
               drop_actors: bool = True) -> GraphStore:
    """The store at ``--store`` (or the default); ``evidence=False`` for reports on the graph's shape only;
    ``source`` keeps only evidence of that provenance, and (``drop_actors``) only the actors that source
    knows (in memory: nothing is saved)."""
    filtered = source not in (None, "all")
    store = GraphStore.open(store_path or default_store_path(), evidence=evidence or filtered)
    if filtered:
        from graph.provenance import keep_source

        keep_source(store.graph, source, drop_actors=drop_actors)
        store.evidence_loaded = False  # a filtered view must never be saved over the store
    if _report_running:
        # A report keeps the loaded graph to the end: keep the collector from rescanning its
        # millions of containers on every later collection (seconds on a 1M-relation store).
        gc.freeze()
    return store


def open_topology(store_path: Path | None, source: str | None = None) -> Topology:
    """The store's :class:`~graph.topology.Topology`, for reports on structure (centrality, stats, paths);
    with ``source``, of the evidence of that provenance only."""
    from graph.topology import Topology

    if source not in (None, "all"):
        store = open_store(store_path, source=source, drop_actors=False)  # reports still find every actor
        topo = Topology.from_graph(store.graph, {d: doc.date for d, doc in store.documents.items()})
    else:
        topo = Topology.open(store_path or default_store_path())
    if _report_running:
        gc.freeze()
    return topo


# -- read-only reports may skip the interpreter's teardown ---------------------------------------
# Freeing a loaded 1M-relation graph object by object takes seconds at exit. A command that only
# reads the store and prints (a "report") has nothing left to do once it returns, so the entry
# point flushes stdout/stderr and leaves with os._exit. Commands that write (ingest, pull, ...)
# are never marked, and a process in which any store save started never takes the fast exit, so
# an atomic save always completes normally.

_report_running = False
_report_done = False


def report_command(f: F) -> F:
    """Mark a command as a read-only report (decorate above ``friendly_errors``)."""

    @wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        global _report_running, _report_done
        _report_running = True
        try:
            return f(*args, **kwargs)
        finally:
            _report_done = True

    return wrapper  # type: ignore[return-value]


def fast_exit_allowed() -> bool:
    """True when this process ran only a read-only report and never started a store save."""
    from graph import store as store_module

    return _report_done and store_module.saves_started() == 0


def fast_exit(code: int) -> None:
    """Flush stdout and stderr, then end the process without freeing anything (``os._exit``)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            code = EXIT_BROKEN_PIPE if stream is sys.stdout else code
        except (OSError, ValueError):
            pass
    os._exit(code)


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str = "table", out=None) -> None:
    """Print rows as an aligned table, JSON (a list of objects) or CSV, in the given column order."""
    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
        out.write(buf.getvalue())
        return
    if not rows:
        out.write("(no rows)\n")
        return
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [min(max(len(c), *(len(row[i]) for row in cells)), 80) for i, c in enumerate(columns)]
    line = "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=False)).rstrip()
    out.write(line + "\n" + "  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(_clip(v, w).ljust(w) for v, w in zip(row, widths, strict=False)).rstrip() + "\n")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.4g}"
    if isinstance(v, (list, tuple, set)):
        return "; ".join(_cell(x) for x in v)
    return str(v).replace("\n", " ")


def _clip(v: str, w: int) -> str:
    return v if len(v) <= w else v[: w - 1] + "…"


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader (e.g. `head`) went away
INTERRUPTED = "Error: interrupted; the stored graph is as it was before this command"


def one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        # "[Errno 13] Permission denied: 'x'" -> "x: Permission denied"
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    msg = str(exc).strip().splitlines()
    return msg[0] if msg else exc.__class__.__name__


def quiet_broken_pipe() -> None:
    """The reader closed stdout: point it at /dev/null so the exit flush cannot fail again, and leave."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(EXIT_BROKEN_PIPE)


def friendly_errors(f: F) -> F:
    """Turn any library error into a one-line ``Error: ...`` and exit status 1 (no traceback).

    Ctrl-C exits 130 with one line; a closed pipe (``| head``) exits 141 silently.
    Set ACTORGRAPH_DEBUG=1 to see the traceback.
    """

    @wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            if os.environ.get("ACTORGRAPH_DEBUG"):
                raise
            click.echo(INTERRUPTED, err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            quiet_broken_pipe()
        except Exception as exc:
            if os.environ.get("ACTORGRAPH_DEBUG"):
                raise
            raise click.ClickException(one_line(exc)) from None

    return wrapper  # type: ignore[return-value]


def join_nonempty(items: Iterable[str]) -> str:
    return ", ".join(i for i in items if i)
