"""Dates given as document metadata (JSONL fields, sidecars, feeds, page metadata) → ISO strings.

A date is stored with the precision it was given: ``2026-02-03`` for a day, ``2026-02`` for a month
and ``2026`` for a year (ISO 8601's reduced precision), never a made-up first day of the month.
Anything that is not a date, or is a partial date of another shape, gives a warning naming the value.

>>> parse_date("Feb 3, 2026")
('2026-02-03', None)
>>> parse_date("Tue, 03 Feb 2026 10:00:00 GMT")
('2026-02-03', None)
>>> parse_date("2026-02")
('2026-02', None)
>>> parse_date("2026-13-45")
(None, "invalid date '2026-13-45'")
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

_ISO_DAY = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T ]\d)")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^\d{4}$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # 20260203, as some feeds and URLs write it
# Written-out dates, English month names: 'Feb 3, 2026', 'February 3 2026', '3 Feb 2026', 'Feb 2026'.
_WORD_FORMATS = ("%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%d %b, %Y", "%d %B, %Y")
_WORD_MONTH_FORMATS = ("%b %Y", "%B %Y")


def _day(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def parse_date(value: object) -> tuple[str | None, str | None]:
    """(ISO date or None, problem or None) for one metadata value; ``None``/``''`` is simply no date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, dt.date):  # YAML reads 2026-02-03 as a date
        return value.isoformat(), None
    text = re.sub(r"\s+", " ", str(value).strip())
    bad = f"invalid date {text[:60]!r}"
    if m := _ISO_DAY.match(text):
        return (iso, None) if (iso := _day(*(int(x) for x in m.groups()))) else (None, bad)
    if m := _COMPACT.match(text):
        return (iso, None) if (iso := _day(*(int(x) for x in m.groups()))) else (None, bad)
    if m := _ISO_MONTH.match(text):
        y, mo = (int(x) for x in m.groups())
        return (f"{y:04d}-{mo:02d}", None) if 1 <= mo <= 12 else (None, bad)
    if _YEAR.match(text):
        return text, None
    word = text.replace(".", "").replace("Sept ", "Sep ")
    for fmt in _WORD_FORMATS:
        try:
            return dt.datetime.strptime(word, fmt).date().isoformat(), None
        except ValueError:
            pass
    for fmt in _WORD_MONTH_FORMATS:
        try:
            return dt.datetime.strptime(word, fmt).strftime("%Y-%m"), None
        except ValueError:
            pass
    try:  # RFC 822 / RFC 2822, as RSS writes dates: 'Tue, 03 Feb 2026 10:00:00 GMT'
        return email.utils.parsedate_to_datetime(text).date().isoformat(), None
    except (TypeError, ValueError, IndexError):
        pass
    return None, bad


def date_warning(value: object, field: str = "date") -> tuple[str | None, str | None]:
    """Like :func:`parse_date`, with the problem worded as a warning that names the field.

    >>> date_warning("2026-13-45", "published")
    (None, 'invalid date \\'2026-13-45\\' in field "published"; stored without a date')
    """
    iso, problem = parse_date(value)
    return iso, (f'{problem} in field "{field}"; stored without a date' if problem else None)
