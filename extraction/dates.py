"""Temporal expressions resolved against the document date.

Returns ISO dates at the precision the text gives: '2025', '2026-01' or '2026-01-03'.

>>> from datetime import date
>>> resolve("January 3rd", date(2026, 2, 2))
'2026-01-03'
>>> resolve("last year", date(2026, 2, 2))
'2025'
>>> resolve("two-hour", date(2026, 2, 2)) is None
True
"""

from __future__ import annotations

import re
from datetime import date, timedelta

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"], start=1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
FUTURE_CUES = {"will", "would", "expected", "anticipated", "upcoming", "next", "set", "plans", "planned", "scheduled",
               "due", "prepare", "preparing", "ahead", "shall"}

_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


def _month_in(words: list[str]) -> int | None:
    for w in words:
        if w in MONTHS and not (w == "may" and len(words) == 1):
            return MONTHS[w]
    return None


def _pick_year(month: int, day: int | None, ref: date, future: bool) -> int:
    """The year a bare 'March' or 'March 3' most plausibly means, seen from the document date."""
    year = ref.year
    cand = date(year, month, min(day or 15, 28))
    if cand > ref + timedelta(days=62) and not future:
        year -= 1
    elif cand < ref - timedelta(days=300) and future:
        year += 1
    return year


def resolve(text: str, ref: date | None, future: bool = False) -> str | None:
    """ISO date (or year / year-month) for a temporal expression, or None when it names no point in time."""
    t = text.lower().replace("’", "'").strip()
    words = re.findall(r"[a-z]+|\d+", t)
    if not words:
        return None
    years = _YEAR.findall(t)
    month = _month_in(words)
    if years:
        y = int(years[0])
        if month:
            m = _DAY.search(re.sub(_YEAR, "", t))
            day = int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None
            return f"{y:04d}-{month:02d}-{day:02d}" if day else f"{y:04d}-{month:02d}"
        return f"{y:04d}"
    if ref is None:
        return None
    if month:
        m = _DAY.search(t)
        day = int(m.group(1)) if m and 1 <= int(m.group(1)) <= 31 else None
        y = _pick_year(month, day, ref, future)
        try:
            return date(y, month, day).isoformat() if day else f"{y:04d}-{month:02d}"
        except ValueError:
            return f"{y:04d}-{month:02d}"
    if "yesterday" in words:
        return (ref - timedelta(days=1)).isoformat()
    if "today" in words or "tonight" in words:
        return ref.isoformat()
    if "tomorrow" in words:
        return (ref + timedelta(days=1)).isoformat()
    for w in words:
        if w in WEEKDAYS:
            delta = (WEEKDAYS[w] - ref.weekday()) % 7
            if future or "next" in words:
                return (ref + timedelta(days=delta or 7)).isoformat()
            back = (ref.weekday() - WEEKDAYS[w]) % 7
            return (ref - timedelta(days=back)).isoformat()
    if "year" in words:
        if "last" in words or "previous" in words:
            return f"{ref.year - 1:04d}"
        if "next" in words:
            return f"{ref.year + 1:04d}"
        if "this" in words:
            return f"{ref.year:04d}"
    if "month" in words:
        first = ref.replace(day=1)
        if "last" in words:
            prev = first - timedelta(days=1)
            return f"{prev.year:04d}-{prev.month:02d}"
        if "next" in words:
            nxt = (first + timedelta(days=32)).replace(day=1)
            return f"{nxt.year:04d}-{nxt.month:02d}"
        if "this" in words:
            return f"{ref.year:04d}-{ref.month:02d}"
    if "week" in words:
        if "last" in words:
            return (ref - timedelta(days=7)).isoformat()
        if "next" in words:
            return (ref + timedelta(days=7)).isoformat()
    return None
