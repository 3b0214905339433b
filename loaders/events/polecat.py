"""POLECAT (PLOVER-coded) event data: tab-separated files with a header row (Harvard Dataverse,
doi:10.7910/DVN/AJGVIT). Columns used: Event ID, Event Date (else Story Date), Event Type, Event
Mode, Actor Name, Actor Country, Wikipedia Actor ID, Recipient Name, Recipient Country, Wikipedia
Recipient ID, and the source (Source/Publisher/URL) when present. A cell listing several actors
("A;B") is read as its first.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

from loaders.events.core import ActorRef, Event, ImportOptions, RowError, description, header_rows, iso_date, load_mappings

WANTED = {
    "id": ("Event ID",), "date": ("Event Date",), "story_date": ("Story Date", "Publication Date"),
    "type": ("Event Type",), "mode": ("Event Mode",), "text": ("Event Text",),
    "src": ("Actor Name",), "src_country": ("Actor Country",), "src_wiki": ("Wikipedia Actor ID", "Actor Wikipedia ID", "Actor Wiki ID"),
    "dst": ("Recipient Name",), "dst_country": ("Recipient Country",),
    "dst_wiki": ("Wikipedia Recipient ID", "Recipient Wikipedia ID", "Recipient Wiki ID"),
    "url": ("URL", "Source URL", "Story URL"), "source": ("Source", "Publisher"), "story": ("Story ID",),
}
REQUIRED = ("id", "type", "src", "dst")


def _first(cell: str) -> str:
    return cell.split(";")[0].strip()


def _actor(name: str, country: str, wiki: str) -> ActorRef:
    name, wiki = _first(name), _first(wiki)
    attribute = f"wikipedia:{wiki}" if wiki else (f"polecat:{name}" if name else "")
    return ActorRef(name=name, country=_first(country), wiki=wiki, attribute=attribute)


def read(path: Path, options: ImportOptions) -> Iterator[tuple[int, Event | RowError]]:
    mappings = load_mappings()
    actor = functools.cache(_actor)  # one ActorRef per distinct actor (the resolver caches by it)

    for line, row in header_rows(path, WANTED, REQUIRED):
        if isinstance(row, RowError):
            yield line, row
            continue
        raw_date = row.get("date", "").strip() or row.get("story_date", "").strip()
        date = iso_date(raw_date)
        etype, mode = row["type"].strip().upper(), row.get("mode", "").strip()
        if not row["id"].strip() or date is None or not etype:
            yield line, RowError(f"no event id, event type or valid date ({raw_date!r})")
            continue
        src = actor(row["src"], row.get("src_country", ""), row.get("src_wiki", ""))
        dst = actor(row["dst"], row.get("dst_country", ""), row.get("dst_wiki", ""))
        code = f"plover:{etype}" + (f"/{mode}" if mode else "")
        label = etype + (f" ({mode})" if mode else "")
        url = row.get("url", "").strip()
        extra = row.get("source", "").strip()
        if row.get("story", "").strip():
            extra = ", ".join(x for x in (extra, f"story {row['story'].strip()}") if x)
        yield line, Event(event_id=row["id"].strip(), date=date, type=mappings.plover(etype, mode), code=code,
                          source=src, target=dst, url=url or None,
                          text=row.get("text", "").strip() or description("polecat", label, src.name, dst.name, extra))
