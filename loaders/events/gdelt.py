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
from pathlib import Path

from loaders.events.core import TYPE_KINDS as _KINDS
from loaders.events.core import ActorRef, EventFormatError, Importer, iso_date, load_mappings, open_text

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


def _columns(line: str) -> int:
    """How many columns csv.reader gives a line (an empty line is no column)."""
    return line.count("\t") + 1 if line.rstrip("\r\n") else 0


def collect(path: Path, run: Importer) -> None:
    """Every row of a GDELT 2.0 events file into ``run`` (see :class:`loaders.events.Importer`).

    Millions of rows: one tight loop over lines, not an object per event. The fields are never
    quoted, so splitting a line at tabs gives what ``csv.reader(quoting=QUOTE_NONE)`` would, at
    two thirds of its cost, and only the first 33 columns are split off (the URL is the last).
    Codes, dates and actors are looked up in dicts filled on their first appearance.
    """
    mappings, report, options = load_mappings(), run.report, run.options
    mentions = read_mentions(options.mentions) if options.mentions else {}
    cameo: dict[str, tuple[str | None, str, str]] = {}   # EventCode column -> (relation type, pattern, code)
    dates: dict[str, str | None] = {}
    # (code, name, country, type) -> (resolved actor id or None, name in the evidence text, index)
    actors: dict[tuple[str, str, str, str], tuple[str | None, str, int]] = {}
    resolved: list[tuple[tuple[str, str, str] | None, str]] = []  # by index: (actor, its codes attribute)
    used = bytearray()  # by index: 1 once an event with this actor is stored
    unmapped, no_actor = report.unmapped, report.no_actor
    edges, doc, sentence, date_col, pattern, url_col = run.edges, run.doc, run.sentence, run.date, run.pattern, run.url
    every = options.progress_every if options.progress else 0
    # progress at each multiple of ``every`` rows over all files (n counts this file's lines)
    next_progress = (report.rows // every + 1) * every - report.rows if every else -1
    start_events, start_count = len(doc), report.events

    def actor(key: tuple[str, str, str, str]) -> tuple[str | None, str, int]:
        code = key[0].strip()
        ref = ActorRef(name=key[1].strip(), code=code, country=key[2].strip(), kind_hint=_KINDS.get(key[3].strip(), ""),
                       attribute=f"gdelt:{code}" if code else "")
        out = run.resolve(ref)
        resolved.append((out, ref.attribute))
        used.append(0)
        hit = actors[key] = (None if out is None else out[0], ref.name or ref.code, len(resolved) - 1)
        return hit

    start_rows = report.rows
    n = 0
    with open_text(path) as fh:
        for n, line in enumerate(fh, 1):
            if n == next_progress:
                report.rows, report.events = start_rows + n, start_count + len(doc) - start_events
                run.progress()
                next_progress += every
            if line.count("\t") != COLUMNS - 1:
                width = _columns(line)
                if n == 1 and width in (57, 58):
                    raise EventFormatError(f"{path}: {width} columns: a GDELT 1.0 file? GDELT 2.0 events have 61")
                if n == 1 and width == MENTION_COLUMNS:
                    raise EventFormatError(f"{path}: 16 columns: a mentions file; pass it with --mentions")
                run.bad_row(path, n, f"{width} columns, GDELT 2.0 events have {COLUMNS}")
                continue
            row = line.split("\t", NUM_MENTIONS + 1)
            event_id = row[ID].strip()
            day = row[DAY]
            date = dates.get(day)
            if date is None:
                date = dates[day] = iso_date(day)
            if not event_id or date is None:
                run.bad_row(path, n, f"no event id or no valid date ({day!r})")
                continue
            mapped = cameo.get(row[EVENT_CODE])  # by the column as written: no strip per row
            if mapped is None:
                code = row[EVENT_CODE].strip() or row[ROOT_CODE].strip()
                mapped = (mappings.cameo(code), f"cameo:{code}", code)
                if row[EVENT_CODE].strip():  # a blank code's type is its root's: not cached under the blank
                    cameo[row[EVENT_CODE]] = mapped
            code = mapped[2]
            rtype = mapped[0]
            if rtype is None:
                unmapped[mapped[1]] += 1
                continue
            k1 = (row[A1_CODE], row[A1_NAME], row[A1_COUNTRY], row[A1_TYPE])
            src = actors.get(k1) or actor(k1)
            k2 = (row[A2_CODE], row[A2_NAME], row[A2_COUNTRY], row[A2_TYPE])
            dst = actors.get(k2) or actor(k2)
            a, b = src[0], dst[0]
            if a is None or b is None:
                no_actor["no identifiable source" if a is None else "no identifiable target"] += 1
                continue
            if a == b:
                no_actor["source and target are one actor"] += 1
                continue
            if not used[src[2]]:
                used[src[2]] = 1
                run.use_actor(*resolved[src[2]])  # type: ignore[arg-type]
            if not used[dst[2]]:
                used[dst[2]] = 1
                run.use_actor(*resolved[dst[2]])  # type: ignore[arg-type]
            key = (a, b, rtype)
            rows = edges.get(key)
            if rows is None:
                rows = edges[key] = []
            rows.append(len(doc))
            doc.append("gdelt:" + event_id)
            date_col.append(date)
            pattern.append(mapped[1])
            link = row[-1].rpartition("\t")[2].strip() or None
            if mentions and event_id in mentions:
                murl, sentence_id = mentions[event_id]
                url_col.append(murl or link)
                sentence.append(f"GDELT event CAMEO {code}: {src[1]} -> {dst[1]} (sentence {sentence_id} of the first "
                                f"mention; {row[NUM_MENTIONS].strip() or '0'} mentions)")
            else:
                url_col.append(link)
                sentence.append(f"GDELT event CAMEO {code}: {src[1]} -> {dst[1]} ({row[NUM_MENTIONS].strip() or '0'} mentions)")
    report.rows = start_rows + n
    report.events = start_count + len(doc) - start_events
