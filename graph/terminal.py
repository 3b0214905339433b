"""One escape for text that reaches a terminal: table cells, messages, warnings.

Stored text comes from the web: a sentence may hold ``ESC[2J`` (clear the screen), a NUL, or a
newline that forges a second ``Error:`` line. C0 and C1 control characters (and DEL) are shown as
escapes instead; tabs and newlines become ``\\t`` and ``\\n`` too, so one record stays one line.

>>> escape("Petro\\x1b[2J said\\x00 hi\\nError: x")
'Petro\\\\x1b[2J said\\\\x00 hi\\\\nError: x'
"""

from __future__ import annotations

import re

# C0 (U+0000-001F), DEL, C1 (U+0080-009F); also the Unicode line and paragraph separators,
# bidi overrides and isolates, which reorder or break what a terminal shows.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def has_controls(text: str) -> bool:
    """True when ``text`` holds a character that :func:`escape` would change."""
    return _CONTROLS.search(text) is not None


def escape(text: str) -> str:
    """``text`` with every control character written as a visible escape (``\\x1b``, ``\\n``, ``\\u202e``)."""
    return _CONTROLS.sub(_one, text)


def _one(m: re.Match[str]) -> str:
    c = m.group()
    if c in _NAMED:
        return _NAMED[c]
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
