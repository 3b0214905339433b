"""ACLED CSV exports (comma-separated, header row; ACLED codebook). Columns used: event_id_cnty,
event_date, event_type, sub_event_type, actor1, assoc_actor_1, actor2, assoc_actor_2, country,
source, notes, fatalities. The evidence text is the event's ``notes``.

ACLED's terms of use forbid redistributing its data: nothing of it is shipped here; the tests
build rows of their own in ACLED's column layout.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

from loaders.events.core import ActorRef, Event, ImportOptions, RowError, header_rows, iso_date, load_mappings

WANTED = {
    "id": ("event_id_cnty", "data_id"), "date": ("event_date",), "type": ("event_type",),
    "sub": ("sub_event_type",), "src": ("actor1",), "dst": ("actor2",), "country": ("country",),
    "source": ("source",), "notes": ("notes",), "fatalities": ("fatalities",),
}
REQUIRED = ("id", "date", "type", "src", "dst", "notes")


def read(path: Path, options: ImportOptions) -> Iterator[tuple[int, Event | RowError]]:
    mappings = load_mappings()
    # One ActorRef per distinct actor (the resolver caches by it).
    actor = functools.cache(lambda name, country: ActorRef(name=name, country=country,
                                                           attribute=f"acled:{name}" if name else ""))

    for line, row in header_rows(path, WANTED, REQUIRED, delimiter=None):
        if isinstance(row, RowError):
            yield line, row
            continue
        date = iso_date(row["date"])
        etype, sub = row["type"].strip(), row.get("sub", "").strip()
        if not row["id"].strip() or date is None or not etype:
            yield line, RowError(f"no event id, event type or valid date ({row['date']!r})")
            continue
        country = row.get("country", "").strip()
        src, dst = row["src"].strip(), row["dst"].strip()
        fatalities = row.get("fatalities", "").strip()
        detail = "; ".join(x for x in (f"fatalities={fatalities}" if fatalities else "",
                                       f"source={row['source'].strip()}" if row.get("source", "").strip() else "") if x)
        yield line, Event(event_id=row["id"].strip(), date=date, type=mappings.acled(etype, sub),
                          code=f"acled:{etype}" + (f"/{sub}" if sub else ""),
                          source=actor(src, country), target=actor(dst, country),
                          text=row["notes"].strip(), detail=detail)
