"""ICEWS coded event data: tab-separated files with a header row (Harvard Dataverse, doi:10.7910/DVN/28075).

Columns used: Event ID, Event Date, Source Name, Source Sectors, Source Country, Event Text,
CAMEO Code, Target Name, Target Sectors, Target Country, Story ID, Sentence Number, Publisher.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

from loaders.events.core import ActorRef, Event, ImportOptions, RowError, description, header_rows, iso_date, load_mappings

WANTED = {
    "id": ("Event ID",), "date": ("Event Date",), "src": ("Source Name",), "src_sectors": ("Source Sectors",),
    "src_country": ("Source Country",), "text": ("Event Text",), "code": ("CAMEO Code",),
    "dst": ("Target Name",), "dst_sectors": ("Target Sectors",), "dst_country": ("Target Country",),
    "story": ("Story ID",), "sentence": ("Sentence Number",), "publisher": ("Publisher",),
}
REQUIRED = ("id", "date", "src", "code", "dst")


def _actor(name: str, country: str) -> ActorRef:
    # ICEWS names its actors in full ("Gustavo Petro", "Government (Colombia)"); its sectors say what a
    # person does, not what kind of actor a name is, so they are not used for the kind.
    return ActorRef(name=name.strip(), country=country.strip(), attribute=f"icews:{name.strip()}" if name.strip() else "")


def read(path: Path, options: ImportOptions) -> Iterator[tuple[int, Event | RowError]]:
    mappings = load_mappings()
    actor = functools.cache(_actor)  # one ActorRef per distinct actor (the resolver caches by it)

    for line, row in header_rows(path, WANTED, REQUIRED):
        if isinstance(row, RowError):
            yield line, row
            continue
        date = iso_date(row["date"])
        code = row["code"].strip()
        if not row["id"].strip() or date is None or not code:
            yield line, RowError(f"no event id, CAMEO code or valid date ({row['date']!r})")
            continue
        src = actor(row["src"], row.get("src_country", ""))
        dst = actor(row["dst"], row.get("dst_country", ""))
        where = ", ".join(x for x in (row.get("publisher", "").strip(),
                                      f"story {row['story'].strip()}" if row.get("story", "").strip() else "",
                                      f"sentence {row['sentence'].strip()}" if row.get("sentence", "").strip() else "") if x)
        label = f"CAMEO {code}" + (f" {row['text'].strip()}" if row.get("text", "").strip() else "")
        yield line, Event(event_id=row["id"].strip(), date=date, type=mappings.cameo(code), code=f"cameo:{code}",
                          source=src, target=dst, text=description("icews", label, src.name, dst.name, where))
