"""Shared CLI plumbing: the store option, output formats and one-line errors."""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import json
import os
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from neo4j.exceptions import ServiceUnavailable, SessionExpired
from rich.cells import cell_len
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn
from rich.text import Text

from actorgraph.progress import clock_text, plain_lines
from graph.errors import ActorgraphError
from graph.provenance import SOURCES, keep_source
from graph.store import STORE_ENV, GraphStore, default_store_path
from graph.terminal import escape
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
    return click.option("--source", "provenance", type=click.Choice(SOURCES), default="all", show_default=True,
                        help="Only evidence of this provenance: text (extracted from documents) or an event dataset.")(f)


def open_store(store_path: Path | None, evidence: bool = True, create: bool = False, source: str | None = None,
               drop_actors: bool = True) -> GraphStore:
    """The store at ``--store`` (or the default); ``evidence=False`` for reports on the graph's shape only.

    A store that does not exist is an error (``Error: no store at PATH ...``) unless ``create``
    (commands that write one: ingest, pull, import). ``source`` keeps only evidence of that provenance,
    and (``drop_actors``) only the actors that source knows (in memory: nothing is saved).
    """
    filtered = source not in (None, "all")
    store = GraphStore.open(store_path or default_store_path(), evidence=evidence or filtered, create=create)
    if filtered:
        keep_source(store.graph, source, drop_actors=drop_actors)
        store.read_only = True  # a filtered view must never be saved over the store
    if _report_running:
        store.read_only = True  # a report never writes: that is what lets it take the fast exit
        # A report keeps the loaded graph to the end: keep the collector from rescanning its
        # millions of containers on every later collection (seconds on a 1M-relation store).
        gc.freeze()
    return store


def open_topology(store_path: Path | None, source: str | None = None) -> Topology:
    """The store's :class:`~graph.topology.Topology`, for reports on structure (centrality, stats, paths);
    with ``source``, of the evidence of that provenance only."""
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
# are never marked, and a report's stores are opened read-only (save() refuses them), so the fast
# exit can never cut a save short.

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
            _report_running = False  # a later command in this process (tests run many) opens its stores as usual
            _report_done = True

    return wrapper  # type: ignore[return-value]


def fast_exit_allowed() -> bool:
    """True when this process ran a read-only report (whose stores cannot be saved: see :func:`open_store`)."""
    return _report_done


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


def max_evidence_option(f: F) -> F:
    return click.option("--max-evidence", type=click.IntRange(1), default=None, metavar="N",
                         help="At most N evidence sentences per relation [default: all].")(f)


def evidence_lines(evidence: Sequence[dict[str, Any]], limit: int | None = None) -> list[str]:
    """'[doc] sentence' per evidence item, whole; past ``limit``, one line says how many more.

    >>> evidence_lines([{"doc": "a", "sentence": "X met Y."}, {"doc": "b", "sentence": "Y met X."}], limit=1)
    ['[a] X met Y.', '(+1 more; --max-evidence to see more)']
    """
    lines = [f"[{e['doc']}] {e['sentence']}" for e in evidence[:limit]]
    if limit is not None and len(evidence) > limit:
        lines.append(f"(+{len(evidence) - limit} more; --max-evidence to see more)")
    return lines


def emit(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str = "table", out=None,
         below: str | None = None) -> None:
    """Print rows as a table that fits the terminal, JSON (a list of objects) or CSV, in the given column order.

    ``below`` names a column (a list of strings, or one string) that a table prints under each
    row, one item per line and wrapped, instead of in a column of its own; JSON and CSV keep it
    as a column when it is in ``columns``.

    >>> import io
    >>> buf = io.StringIO()
    >>> emit([{"a": 1, "b": "x"}], ["a", "b"], out=buf)
    >>> buf.getvalue().splitlines()
    ['a  b', '-  -', '1  x']
    """
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
    write_table(rows, [c for c in columns if c != below], out, below=below)


# -- tables for reading ----------------------------------------------------------------------------
# Column widths are decided once for all rows (the widest columns give way first); a cell longer than
# its column is wrapped by rich at word boundaries (folding only longer words), measured in terminal
# cells. Rows are written line by line, so 20,000 rows take a second, not the minute a rich Table takes.

GAP = 2  # spaces between columns
PIPED_WIDTH = 100  # the width when the output is not a terminal and $COLUMNS is not set
MIN_COLUMN = 8  # a column is not squeezed below this (or its natural width, if smaller)
MAX_WORD = 16  # a column keeps room for its longest word up to this long (ids, type names), folding longer ones
INDENT = 4  # lines under a row start this far in


def output_width(out: Any = None) -> int:
    """The width to fit: ``$COLUMNS``, else the terminal's, else 100 (piped or redirected)."""
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    out = out or sys.stdout
    try:
        if out.isatty():
            return os.get_terminal_size(out.fileno()).columns
    except (AttributeError, OSError, ValueError):
        pass
    return PIPED_WIDTH


def use_colour(out: Any = None) -> bool:
    """Colour only on a terminal, and never when ``NO_COLOR`` is set (https://no-color.org)."""
    if "NO_COLOR" in os.environ:
        return False
    out = out or sys.stdout
    try:
        return bool(out.isatty())
    except (AttributeError, ValueError):
        return False


def fit_widths(natural: Sequence[int], minimum: Sequence[int], width: int) -> list[int]:
    """Column widths that fit ``width`` (with the gaps): the widest columns give way first, none below its minimum.

    >>> fit_widths([5, 60, 40], [5, 8, 8], 60)
    [5, 25, 26]
    """
    widths = list(natural)
    excess = sum(widths) + GAP * (len(widths) - 1) - width
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > minimum[i]]
        if not shrinkable:
            break
        top = max(widths[i] for i in shrinkable)
        widest = [i for i in shrinkable if widths[i] == top]
        second = max([widths[i] for i in shrinkable if widths[i] < top] + [max(minimum[i] for i in widest)])
        # Bring the widest columns down together: to the next width, or by what is still too much.
        step = max(1, min(top - second, excess // len(widest)))
        for i in widest:
            cut = min(step, widths[i] - minimum[i], excess)
            widths[i] -= cut
            excess -= cut
    return widths


def write_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: Any, below: str | None = None) -> None:
    """Aligned columns that fit :func:`output_width`; ``below`` items on indented lines under each row."""
    cell_len = _cells
    width = output_width(out)
    colour = use_colour(out)
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    natural = [max(cell_len(c), *(cell_len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    longest_word = [max(len(c), *(max((cell_len(w) for w in row[i].split()), default=0) for row in cells))
                    for i, c in enumerate(columns)]
    minimum = [min(n, max(len(c), MIN_COLUMN, min(w, MAX_WORD))) for n, w, c in zip(natural, longest_word, columns, strict=True)]
    widths = fit_widths(natural, minimum, width)
    if sum(widths) + GAP * (len(widths) - 1) > width:
        # Too many columns for this width even at their minimum: fold words and headers too.
        widths = fit_widths(widths, [min(w, 3) for w in widths], width)
    wrap = _Wrapper()
    style = _Styles(colour)
    lines = [_row_lines(list(columns), widths, wrap, style.bold),
             _row_lines(["-" * w for w in widths], widths, wrap, style.dim)]
    out.write("\n".join(line for block in lines for line in block) + "\n")
    for r, row in zip(rows, cells, strict=True):
        block = _row_lines(row, widths, wrap)
        if below is not None:
            items = r.get(below) or []
            for item in [items] if isinstance(items, str) else items:
                block += [" " * INDENT + style.dim(line) for line in wrap(_cell(item), max(1, width - INDENT))]
        out.write("\n".join(block) + "\n")


def _cells(text: str) -> int:
    """Terminal cells ``text`` takes (wide characters count double); plain ASCII without asking rich."""
    if text.isascii():
        return len(text)
    return cell_len(text)


class _Styles:
    """ANSI styles, or none (piped, NO_COLOR)."""

    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def _sgr(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour and text else text

    def bold(self, text: str) -> str:
        return self._sgr("1", text)

    def dim(self, text: str) -> str:
        return self._sgr("2", text)


class _Wrapper:
    """Lines of at most ``width`` terminal cells, broken at spaces, folding only words longer than a
    line (rich measures the cells: wide characters count double). Text that fits is left as it is."""

    def __init__(self) -> None:
        self._console: Any = None

    def __call__(self, text: str, width: int) -> list[str]:
        if _cells(text) <= width:
            return [text]
        if self._console is None:
            self._console = Console(width=max(width, 1), no_color=True, color_system=None, markup=False,
                                    highlight=False, emoji=False)
        return [line.plain.rstrip() for line in Text(text).wrap(self._console, width, overflow="fold")] or [""]


def _row_lines(row: Sequence[str], widths: Sequence[int], wrap: _Wrapper,
               style: Callable[[str], str] | None = None) -> list[str]:
    if style is None and all(v.isascii() and len(v) <= w for v, w in zip(row, widths, strict=True)):
        # The common case: every cell fits its column on one line.
        return [(" " * GAP).join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip()]
    parts = [wrap(v, w) for v, w in zip(row, widths, strict=True)]
    height = max(len(p) for p in parts)
    lines = []
    for i in range(height):
        pieces = []
        for p, w in zip(parts, widths, strict=True):
            text = p[i] if i < len(p) else ""
            pieces.append((style(text) if style else text) + " " * (w - _cells(text)))
        lines.append((" " * GAP).join(pieces).rstrip())
    return lines


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.4g}"
    if isinstance(v, (list, tuple, set)):
        return "; ".join(_cell(x) for x in v)
    # One escape for terminal text: a stored sentence with ESC[2J or a NUL is shown, not obeyed.
    return escape(str(v).replace("\n", " "))


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader (e.g. `head`) went away
INTERRUPTED = "Error: interrupted; the stored graph is as it was before this command"


def one_line(exc: BaseException) -> str:
    """The error's message as one terminal-safe line (control characters escaped)."""
    if isinstance(exc, OSError) and exc.strerror:
        # "[Errno 13] Permission denied: 'x'" -> "x: Permission denied"
        return escape(f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror)
    msg = str(exc).strip().splitlines()
    return escape(msg[0]) if msg else exc.__class__.__name__


def quiet_broken_pipe() -> None:
    """The reader closed stdout: point it at /dev/null so the exit flush cannot fail again, and leave."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    raise SystemExit(EXIT_BROKEN_PIPE)


BUG_HINT = "this is a bug in actorgraph: please report it (ACTORGRAPH_DEBUG=1 shows the traceback)"


def friendly_errors(f: F) -> F:
    """Errors as one line and exit status 1, no traceback.

    An :class:`~graph.errors.ActorgraphError` (the user's to fix), an ``OSError`` (the machine's: a full
    disk, a permission) or a lost Neo4j connection prints ``Error: <message>``. Anything else is a bug: ``Error: internal error
    (<type>: <message>); this is a bug ... please report it``. Ctrl-C exits 130 with one line; a closed
    pipe (``| head``) exits 141 silently. ACTORGRAPH_DEBUG=1 shows the traceback instead.
    """

    @wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except click.ClickException as exc:
            exc.message = escape(exc.message)  # names and values in messages cannot forge lines or move the cursor
            raise
        except (click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            if os.environ.get("ACTORGRAPH_DEBUG"):
                raise
            click.echo(INTERRUPTED, err=True)
            raise click.exceptions.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            quiet_broken_pipe()
        except (ActorgraphError, OSError, ServiceUnavailable, SessionExpired) as exc:  # the user's, the machine's, the network's
            if os.environ.get("ACTORGRAPH_DEBUG"):
                raise
            raise click.ClickException(one_line(exc)) from None
        except Exception as exc:
            if os.environ.get("ACTORGRAPH_DEBUG"):
                raise
            raise click.ClickException(f"internal error ({type(exc).__name__}: {one_line(exc)}); {BUG_HINT}") from None

    return wrapper  # type: ignore[return-value]


def join_nonempty(items: Iterable[str]) -> str:
    return ", ".join(i for i in items if i)


# -- progress of long commands (ingest) --------------------------------------------------------------

PROGRESS_ENV = "ACTORGRAPH_PROGRESS_SECONDS"  # seconds between plain progress lines (default 10)


class ProgressDisplay:
    """Renders :class:`actorgraph.progress.Progress` reports: a bar on a terminal (stderr), else a plain
    line every ``$ACTORGRAPH_PROGRESS_SECONDS`` (10) seconds, for logs and pipes. Use as a context
    manager so a bar is taken down even when the command fails."""

    def __init__(self, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self._bar: Any = None
        self._task: Any = None
        self._plain = None
        self._stop = threading.Event()
        if not _isatty(self.stream):
            interval = float(os.environ.get(PROGRESS_ENV) or 10)
            self._plain = plain_lines(self.stream, interval=interval)
            if interval > 0:
                # Between batches of results, still a line every interval (the ETA counting down).
                ticker = threading.Thread(target=self._tick, args=(interval,), daemon=True)
                ticker.start()

    def _tick(self, interval: float) -> None:
        while not self._stop.wait(min(interval, 1.0)):
            if self._plain is not None:
                self._plain.tick()

    def __call__(self, p: Any) -> None:
        if self._plain is not None:
            self._plain(p)
            return
        if self._bar is None:
            console = Console(file=self.stream, no_color=not use_colour(self.stream))
            self._bar = Progress(TextColumn("extracting"), BarColumn(), TextColumn("{task.fields[status]}"),
                                 console=console, transient=False)
            self._bar.start()
            self._task = self._bar.add_task("extracting", total=max(1, p.words_total), status="")
        status = f"{p.done}/{p.total} documents, {p.words_done:,}/{p.words_total:,} words"
        if p.rate:
            status += f", {p.rate:,.0f} words/s"
        status += f", done in {clock_text(p.elapsed)}" if p.finished else (
            f", ETA {clock_text(p.eta)}" if p.eta is not None else ", ETA …")
        self._bar.update(self._task, completed=p.words_done, status=status)
        if p.finished:
            self.close()

    def close(self) -> None:
        self._stop.set()
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> ProgressDisplay:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
