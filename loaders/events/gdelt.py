"""GDELT 2.0 events: tab-separated, no header, 61 columns per row (GDELT Event Codebook V2.0).

The columns used: 0 GLOBALEVENTID, 1 Day (YYYYMMDD), 5-7 Actor1Code/Name/CountryCode,
12 Actor1Type1Code, 15-17 Actor2Code/Name/CountryCode, 22 Actor2Type1Code, 26 EventCode
(CAMEO), 28 EventRootCode, 31 NumMentions, 60 SOURCEURL. A mentions file (16 columns:
0 GLOBALEVENTID, 5 MentionIdentifier = URL, 6 SentenceID, ...) gives each event the URL and
sentence number of its first mention.

>>> row = ["1"] + [""] * 60
>>> len(row) == COLUMNS
True
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from loaders.events import TYPE_KINDS as _KINDS
from loaders.events import ActorRef, Event, EventFormatError, ImportOptions, RowError, description, iso_date, load_mappings, open_text

COLUMNS = 61
MENTION_COLUMNS = 16
ID, DAY = 0, 1
A1_CODE, A1_NAME, A1_COUNTRY, A1_TYPE = 5, 6, 7, 12
A2_CODE, A2_NAME, A2_COUNTRY, A2_TYPE = 15, 16, 17, 22
EVENT_CODE, ROOT_CODE, NUM_MENTIONS, URL = 26, 28, 31, 60


def read_mentions(paths: list[Path]) -> dict[str, tuple[str, str]]:
    """GLOBALEVENTID -> (URL, SentenceID) of its first mention in the mentions files."""
    out: dict[str, tuple[str, str]] = {}
    for path in paths:
        with open_text(path) as fh:
            for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) < 7:
                    continue  # the importer reads events, not mentions: a short mention row is skipped
                if row[0] not in out:
                    out[row[0]] = (row[5], row[6])
    return out


def _actor(row: list[str], code: int, name: int, country: int, type1: int,
           cache: dict[tuple[str, str, str, str], ActorRef]) -> ActorRef:
    """One ActorRef per distinct actor of the file (the resolver caches by it)."""
    key = (row[code], row[name], row[country], row[type1])
    ref = cache.get(key)
    if ref is None:
        c = row[code].strip()
        ref = cache[key] = ActorRef(name=row[name].strip(), code=c, country=row[country].strip(),
                                    kind_hint=_KINDS.get(row[type1].strip(), ""), attribute=f"gdelt:{c}" if c else "")
    return ref


def read(path: Path, options: ImportOptions) -> Iterator[tuple[int, Event | RowError]]:
    """(line number, event or row error) for each row of a GDELT 2.0 events file."""
    mappings = load_mappings()
    mentions = read_mentions(options.mentions) if options.mentions else {}
    actors: dict[tuple[str, str, str, str], ActorRef] = {}
    cameo = {}  # code -> relation type (or None)
    with open_text(path) as fh:
        # GDELT fields are never quoted; QUOTE_NONE keeps a stray quote in a name from swallowing rows.
        for n, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if len(row) != COLUMNS:
                if n == 1 and len(row) in (57, 58):
                    raise EventFormatError(f"{path}: {len(row)} columns: a GDELT 1.0 file? GDELT 2.0 events have 61")
                if n == 1 and len(row) == MENTION_COLUMNS:
                    raise EventFormatError(f"{path}: 16 columns: a mentions file; pass it with --mentions")
                yield n, RowError(f"{len(row)} columns, GDELT 2.0 events have {COLUMNS}")
                continue
            event_id = row[ID].strip()
            date = iso_date(row[DAY])
            if not event_id or date is None:
                yield n, RowError(f"no event id or no valid date ({row[DAY]!r})")
                continue
            code = row[EVENT_CODE].strip() or row[ROOT_CODE].strip()
            src = _actor(row, A1_CODE, A1_NAME, A1_COUNTRY, A1_TYPE, actors)
            dst = _actor(row, A2_CODE, A2_NAME, A2_COUNTRY, A2_TYPE, actors)
            if code not in cameo:
                cameo[code] = mappings.cameo(code)
            url = row[URL].strip() or None
            extra = f"{row[NUM_MENTIONS].strip() or '0'} mentions"
            if event_id in mentions:
                murl, sentence = mentions[event_id]
                url = murl or url
                extra = f"sentence {sentence} of the first mention; {extra}"
            yield n, Event(event_id=event_id, date=date, type=cameo[code], code=f"cameo:{code}",
                           source=src, target=dst, url=url,
                           text=description("gdelt", f"CAMEO {code}", src.name or src.code, dst.name or dst.code, extra))
