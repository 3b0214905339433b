"""The one root of the errors a user can cause or fix: :class:`ActorgraphError`.

Every error meant for the user (a bad value, a missing or damaged file, a server that cannot be
reached) is a subclass; the command line prints those as one ``Error: ...`` line. Any other exception
is a bug in actorgraph: the command line says so in one line and asks for a report (the traceback is
shown under ``ACTORGRAPH_DEBUG=1``). Subclasses keep their historical built-in base as well (a
``ValueError`` stays one), so code that catches those still does.
"""

from __future__ import annotations


class ActorgraphError(Exception):
    """An error the user can act on; its message is one line that says what and, where it can, how to fix it."""


class InputError(ActorgraphError, ValueError):
    """A value, name or file given by the user that cannot be used as it is."""
