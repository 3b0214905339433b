"""The ``actorgraph`` command line: a thin click layer over the library.

Each command group lives in its own module and registers itself on :data:`cli` (actorgraph.cli.group);
importing them here is what adds their commands.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import warnings

from actorgraph.cli import analysis, core, events, export, neo4j, query, resolution  # noqa: F401  (registers commands)
from actorgraph.cli.common import EXIT_INTERRUPTED, INTERRUPTED, fast_exit, fast_exit_allowed, quiet_broken_pipe
from actorgraph.cli.group import cli

__all__ = ["cli", "main"]


def main() -> None:
    if not os.environ.get("ACTORGRAPH_DEBUG"):
        # Library warnings (spaCy, pydantic...) are for developers; users get our one-line messages.
        warnings.simplefilter("ignore")
        os.environ.setdefault("PYTHONWARNINGS", "ignore")  # spaCy worker processes (-j N)
        # Without a handler, library log records (the neo4j driver's "[#E3E8] <CONNECTION> error")
        # reach stderr through logging's last resort; the error that matters is raised and reported.
        logging.getLogger().addHandler(logging.NullHandler())
    main_pid = os.getpid()

    def on_sigint(signum: int, frame: object) -> None:
        # Ctrl-C reaches spaCy's forked workers (-j N) too; only the parent reacts, and it stops them.
        if os.getpid() == main_pid:
            children = multiprocessing.active_children()
            if children:
                # spaCy's multiprocess pipe deadlocks when interrupted (workers and queue threads block on
                # full pipes), so stop the workers and leave at once. The store is safe: it is only
                # written after extraction, atomically, as it is after a kill -9.
                for child in children:
                    child.kill()
                print(INTERRUPTED, file=sys.stderr, flush=True)
                os._exit(EXIT_INTERRUPTED)
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_sigint)
    try:
        cli(prog_name="actorgraph")
    except SystemExit as exc:
        # click ends every command with SystemExit. After a read-only report, skip freeing the
        # loaded graph object by object (seconds on a large store); never after a write.
        if fast_exit_allowed() and (exc.code is None or isinstance(exc.code, int)):
            fast_exit(exc.code or 0)
        raise
    except KeyboardInterrupt:  # outside a command body (e.g. while importing)
        print(INTERRUPTED, file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        quiet_broken_pipe()
