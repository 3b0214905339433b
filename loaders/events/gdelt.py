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
from array import array
from pathlib import Path
from typing import Any

from loaders.events.core import (
    MAX_WARNINGS,
    ActorRef,
    EventFormatError,
    Importer,
    iso_date,
    load_mappings,
    open_binary,
    open_text,
)
from loaders.events.core import TYPE_KINDS as _KINDS

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


# The columns read, in this order (the others are never converted).
USED = (ID, DAY, A1_CODE, A1_NAME, A1_COUNTRY, A1_TYPE, A2_CODE, A2_NAME, A2_COUNTRY, A2_TYPE, EVENT_CODE, ROOT_CODE,
        NUM_MENTIONS, URL)
NAMES = [f"c{i}" for i in range(COLUMNS)]
BLOCK = 1 << 20  # bytes parsed per batch: 1 MiB blocks parse faster than larger ones (cache) and bound memory


class _Actors:
    """Each distinct actor of a file (its four columns as written) resolved once: its graph id as a
    small int (-1: no identifiable actor), the name in the evidence text, the resolved actor and
    its codes attribute, and whether an event with it was stored yet."""

    def __init__(self, run: Importer, ids: dict[str, int]) -> None:
        self.run, self.ids = run, ids
        self.index: dict[str, int] = {}
        self.graph_id: list[int] = []
        self.name: list[str] = []
        self.resolved: list[tuple[tuple[str, str, str] | None, str]] = []
        self.used: list[bool] = []

    def of(self, keys: list[str]) -> list[int]:
        """The index of each key ('code\\tname\\tcountry\\ttype'), resolving the new ones."""
        index = self.index
        return [index[k] if k in index else self._add(k) for k in keys]

    def _add(self, key: str) -> int:
        code, name, country, type_code = (f.strip() for f in key.split("\t"))
        ref = ActorRef(name=name, code=code, country=country, kind_hint=_KINDS.get(type_code, ""),
                       attribute=f"gdelt:{code}" if code else "")
        out = self.run.resolve(ref)
        i = self.index[key] = len(self.name)
        self.graph_id.append(-1 if out is None else self.ids.setdefault(out[0], len(self.ids)))
        self.name.append(ref.name or ref.code)
        self.resolved.append((out, ref.attribute))
        self.used.append(False)
        return i


def collect(path: Path, run: Importer) -> None:
    """Every row of a GDELT 2.0 events file into ``run`` (see :class:`loaders.events.Importer`).

    Millions of rows: pyarrow's CSV reader parses the 14 columns used (in C, 1 MiB at a time) and
    each batch is worked column-wise: every distinct date, CAMEO code and actor of the batch is
    looked up once (actors resolved once per file), the checks are numpy masks, and the evidence
    texts are joined by pyarrow. Python loops only over the stored rows, to file them under their
    relation. Rows of the wrong width are skipped by the parser and warned about with their line.
    """
    # lazy: pyarrow and numpy take 0.2 s to import; only a GDELT import needs them (not the CLI's other commands)
    import numpy as np
    import pyarrow as pa  # lazy: as above
    from pyarrow import compute as pc  # lazy: as above
    from pyarrow import csv as pacsv  # lazy: as above

    mappings, report, options = load_mappings(), run.report, run.options
    mentions = read_mentions(options.mentions) if options.mentions else {}
    every = options.progress_every if options.progress else 0
    start_rows, start_count = report.rows, report.events
    next_progress = (start_rows // every + 1) * every - start_rows if every else -1  # a line number of this file
    budget = max(0, MAX_WARNINGS - report.bad_rows)  # warnings still shown: only that many lines are kept
    bad: list[tuple[int, str | None]] = []  # (line, message; None: a line whose fields are all empty)
    bad_count = 0
    # Lines the parser skipped (wrong width), in order, and their widths.
    skipped, widths = array("q"), array("l")

    def invalid(row: Any) -> str:
        skipped.append(row.number)
        widths.append(row.actual_columns)
        return "skip"

    ids: dict[str, int] = {}        # graph actor id -> small int
    types: dict[str, int] = {}      # relation type -> small int
    actors = _Actors(run, ids)
    codes: dict[str, int] = {}      # 'EventCode\tEventRootCode' -> index in code_info
    code_info: list[tuple[int, str, str]] = []  # (type index or -1, pattern, code)
    days: dict[str, int] = {}       # Day as written -> index in day_iso
    day_iso: list[str | None] = []
    type_names: list[str] = []
    packed: list[Any] = []  # per batch: each stored row's (source, target, type) as one int
    edges, doc, date_col, pattern = run.edges, run.doc, run.date, run.pattern
    # The evidence texts and URLs as pyarrow arrays (see graph.store.ChunkedColumn), after those of earlier files.
    text_chunks, url_chunks = run.chunked.setdefault("sentence", []), run.chunked.setdefault("url", [])
    unmapped, no_actor = report.unmapped, report.no_actor
    first_row = len(doc)  # the evidence row of this file's first stored event
    valid = 0     # rows the parser gave so far
    stored = 0    # events stored from this file

    date_codes, pattern_codes = run.coder("date"), run.coder("pattern")
    day_code: list[int] = []      # by index in day_iso: its code in the run's date column
    pattern_code: list[int] = []  # by index in code_info: its code in the run's pattern column

    def code_index(key: str) -> int:
        event_code, root = key.split("\t")
        code = event_code.strip() or root.strip()
        rtype = mappings.cameo(code)
        t = -1 if rtype is None else types.setdefault(rtype, len(types))
        if rtype is not None and t == len(type_names):
            type_names.append(rtype)
        codes[key] = len(code_info)
        code_info.append((t, f"cameo:{code}", code))
        pattern_code.append(pattern_codes.code(f"cameo:{code}"))
        return codes[key]

    def day_index(day: str) -> int:
        days[day] = len(day_iso)
        day_iso.append(iso_date(day))
        day_code.append(date_codes.code(day_iso[-1]))
        return days[day]

    def lines_of(ranks: Any) -> Any:
        """Line numbers of the parsed rows of these ranks (1-based): each skipped line before one shifts it."""
        if not skipped:
            return ranks
        s = np.frombuffer(skipped, dtype=np.int64)
        return ranks + np.searchsorted(s - np.arange(len(s)), ranks, side="right")

    def first_line_check() -> None:
        if skipped and skipped[0] == 1:
            width = widths[0]
            if width in (57, 58):
                raise EventFormatError(f"{path}: {width} columns: a GDELT 1.0 file? GDELT 2.0 events have 61")
            if width == MENTION_COLUMNS:
                raise EventFormatError(f"{path}: 16 columns: a mentions file; pass it with --mentions")

    def keep_bad(found: list[tuple[int, str | None]], count: int) -> None:
        nonlocal bad_count, bad
        bad_count += count
        if budget:
            bad = sorted([*bad, *found])[:budget] if len(bad) + len(found) > budget else [*bad, *found]

    source = open_binary(path)
    try:
        try:
            reader = pacsv.open_csv(
                source,
                read_options=pacsv.ReadOptions(column_names=NAMES, block_size=BLOCK, use_threads=False),
                parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False, double_quote=False, escape_char=False,
                                                 newlines_in_values=False, ignore_empty_lines=False,
                                                 invalid_row_handler=invalid),
                convert_options=pacsv.ConvertOptions(include_columns=[NAMES[i] for i in USED], check_utf8=False,
                                                     column_types=dict.fromkeys((NAMES[i] for i in USED), pa.string()),
                                                     strings_can_be_null=False, quoted_strings_can_be_null=False))
        except pa.ArrowInvalid as exc:
            if "Empty CSV file" not in str(exc):
                raise _format_error(path, exc, 0) from None
            reader = None
        while reader is not None:
            try:
                batch = reader.read_next_batch()
            except StopIteration:
                break
            except pa.ArrowInvalid as exc:
                raise _format_error(path, exc, valid + len(skipped)) from None
            first_line_check()
            n = batch.num_rows
            if not n:
                continue
            cols = {}
            for i, col in zip(USED, batch.columns, strict=True):
                try:
                    col.validate(full=True)  # UTF-8, as the text reader's errors="replace" would make it
                except pa.ArrowInvalid:
                    col = pa.array([b.decode("utf-8", "replace") for b in col.cast(pa.binary()).to_pylist()], pa.string())
                cols[i] = col
            ranks = np.arange(valid + 1, valid + n + 1)
            valid += n
            # Event id and date: a row with neither is a bad row.
            event_ids = pc.utf8_trim_whitespace(cols[ID])
            d = pc.dictionary_encode(cols[DAY])
            d_values = d.dictionary.to_pylist()
            d_index = np.array([days[v] if v in days else day_index(v) for v in d_values], dtype=np.int64)
            day_of_row = d_index[d.indices.to_numpy()]
            dated = np.array([day_iso[i] is not None for i in d_index], dtype=bool)[d.indices.to_numpy()]
            ok = dated & (pc.utf8_length(event_ids).to_numpy() > 0)
            # The CAMEO code (a blank EventCode takes its row's root code) and its relation type.
            c = pc.dictionary_encode(pc.binary_join_element_wise(cols[EVENT_CODE], cols[ROOT_CODE], "\t"))
            c_index = np.array([codes[k] if k in codes else code_index(k) for k in c.dictionary.to_pylist()],
                               dtype=np.int64)
            code_of_row = c_index[c.indices.to_numpy()]
            type_lut = np.array([code_info[i][0] for i in range(len(code_info))], dtype=np.int64)
            rtype = type_lut[code_of_row]
            mapped = ok & (rtype >= 0)
            counts = np.bincount(code_of_row[ok & (rtype < 0)], minlength=len(code_info))
            for i in np.flatnonzero(counts).tolist():
                unmapped[code_info[i][1]] += int(counts[i])
            # The two actors, each distinct one resolved once per file.
            a1 = pc.dictionary_encode(pc.binary_join_element_wise(cols[A1_CODE], cols[A1_NAME], cols[A1_COUNTRY],
                                                                  cols[A1_TYPE], "\t"))
            a2 = pc.dictionary_encode(pc.binary_join_element_wise(cols[A2_CODE], cols[A2_NAME], cols[A2_COUNTRY],
                                                                  cols[A2_TYPE], "\t"))
            # Per distinct actor of the batch, then per row: no array over all of the file's actors per batch
            # (a day of GDELT names tens of thousands).
            k1, k2 = actors.of(a1.dictionary.to_pylist()), actors.of(a2.dictionary.to_pylist())
            i1, i2 = a1.indices.to_numpy(), a2.indices.to_numpy()
            src, dst = np.array(k1, dtype=np.int64)[i1], np.array(k2, dtype=np.int64)[i2]
            gid = actors.graph_id
            a = np.array([gid[i] for i in k1], dtype=np.int64)[i1]
            b = np.array([gid[i] for i in k2], dtype=np.int64)[i2]
            no_src = mapped & (a < 0)
            no_dst = mapped & (a >= 0) & (b < 0)
            same = mapped & (a >= 0) & (a == b)
            for reason, mask in (("no identifiable source", no_src), ("no identifiable target", no_dst),
                                 ("source and target are one actor", same)):
                count = int(mask.sum())
                if count:
                    no_actor[reason] += count
            keep = mapped & (a >= 0) & (b >= 0) & (a != b)
            rows = np.flatnonzero(keep)
            if not ok.all():
                wrong = np.flatnonzero(~ok)
                raw_days = cols[DAY].take(pa.array(wrong)).to_pylist()
                blank = _blank_rows(cols, wrong, pa, pc)
                keep_bad([(int(line), None if empty else f"no event id or no valid date ({day!r})")
                          for line, day, empty in zip(lines_of(ranks[wrong]).tolist(), raw_days, blank, strict=True)][:budget],
                         len(wrong))
            if every:
                lines = lines_of(ranks)
                last = int(lines[-1])
                while 0 < next_progress <= last:
                    report.rows = start_rows + next_progress
                    report.events = start_count + stored + int(np.searchsorted(lines[rows], next_progress))
                    run.progress()
                    next_progress += every
            if not len(rows):
                continue
            # Actors added to the graph in the order their first stored event names them (source first).
            used = actors.used
            new = [i for i in {*k1, *k2} if not used[i]]  # the batch's actors not added yet
            if new:
                both = np.empty(2 * len(rows), dtype=np.int64)
                both[0::2], both[1::2] = src[rows], dst[rows]
                fresh = both[np.isin(both, new)]
                firsts, where = np.unique(fresh, return_index=True)
                for i in firsts[np.argsort(where, kind="stable")].tolist():
                    used[i] = True
                    run.use_actor(*actors.resolved[i])  # type: ignore[arg-type]
            # Each stored row's relation, (source, target, type) packed in one int: filed at the end of the file.
            packed.append((a[rows] << 32) | (b[rows] << 8) | rtype[rows])
            take = pa.array(rows)
            doc.extend(pc.binary_join_element_wise("gdelt:", event_ids.take(take), "").to_pylist())
            row_dates = np.array(day_code, dtype=np.int32)[day_of_row[rows]]
            row_patterns = np.array(pattern_code, dtype=np.int32)[code_of_row[rows]]
            date_codes.parts.append(row_dates)
            pattern_codes.parts.append(row_patterns)
            date_col.extend(np.array(date_codes.values, dtype=object)[row_dates].tolist())
            pattern.extend(np.array(pattern_codes.values, dtype=object)[row_patterns].tolist())
            links = pc.utf8_trim_whitespace(cols[URL].take(take))
            links = pc.if_else(pc.equal(links, ""), pa.scalar(None, pa.string()), links)
            count_words = pc.utf8_trim_whitespace(cols[NUM_MENTIONS].take(take))
            count_words = pc.if_else(pc.equal(count_words, ""), "0", count_words)
            code_words = pa.array([c for _, _, c in code_info], pa.string())
            src_names = pa.array([actors.name[i] for i in k1], pa.string()).take(pa.array(i1[rows]))
            dst_names = pa.array([actors.name[i] for i in k2], pa.string()).take(pa.array(i2[rows]))
            row_codes = code_words.take(pa.array(code_of_row[rows]))
            if mentions:
                link_list = links.to_pylist()
                url_rows: list[str | None] = []
                texts: list[str] = []
                for eid, link, code, s, t, count in zip(event_ids.take(take).to_pylist(), link_list, row_codes.to_pylist(),
                                                        src_names.to_pylist(), dst_names.to_pylist(),
                                                        count_words.to_pylist(), strict=True):
                    if eid in mentions:
                        murl, sentence_id = mentions[eid]
                        url_rows.append(murl or link)
                        texts.append(f"GDELT event CAMEO {code}: {s} -> {t} (sentence {sentence_id} of the first "
                                     f"mention; {count} mentions)")
                    else:
                        url_rows.append(link)
                        texts.append(f"GDELT event CAMEO {code}: {s} -> {t} ({count} mentions)")
                url_chunks.append(pa.array(url_rows, pa.string()))
                text_chunks.append(pa.array(texts, pa.string()))
            else:
                # Kept as arrays: their Python strings are made only when the save writes them.
                url_chunks.append(links)
                text_chunks.append(pc.binary_join_element_wise(
                    "GDELT event CAMEO ", row_codes, ": ", src_names, " -> ", dst_names, " (", count_words, " mentions)",
                    ""))
            stored += len(rows)
        first_line_check()
    finally:
        if not isinstance(source, str):
            source.close()
        pa.default_memory_pool().release_unused()  # the batches' buffers back to the system before the save
    total = valid + len(skipped)  # this file's lines
    while every and 0 < next_progress <= total:
        report.rows, report.events = start_rows + next_progress, start_count + stored
        run.progress()
        next_progress += every
    # Rows the parser skipped, with the others, in line order (only those to be shown are kept).
    keep_bad([(line, f"{width} columns, GDELT 2.0 events have {COLUMNS}")
              for line, width in zip(skipped[:budget], widths[:budget], strict=True)], len(skipped))
    bad.sort()
    if any(message is None for _, message in bad):
        bad = _blank_lines(path, bad)
    for line, message in bad:
        run.bad_row(path, line, message or "")
    report.bad_rows += bad_count - len(bad)
    _file_rows(packed, first_row, list(ids), type_names, edges, np)
    report.rows = start_rows + total
    report.events = start_count + stored


def _file_rows(packed: list[Any], first_row: int, id_names: list[str], type_names: list[str],
               edges: dict[tuple[str, str, str], list[int]], np: Any) -> None:
    """Add each stored row (``first_row`` on, in file order) to its relation's rows in ``edges``:
    one stable sort of the packed keys instead of a dict look-up per row."""
    if not packed:
        return
    keys = np.concatenate(packed)
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    rows = (order + first_row).tolist()
    bounds = [*starts.tolist(), len(rows)]
    heads = ordered[starts]
    # Keys and row lists built by map/zip (loops in C): a Python loop per relation cost 2 µs each.
    keys = zip(map(id_names.__getitem__, (heads >> 32).tolist()),
               map(id_names.__getitem__, ((heads >> 8) & 0xFFFFFF).tolist()),
               map(type_names.__getitem__, (heads & 0xFF).tolist()), strict=True)
    groups = map(rows.__getitem__, map(slice, bounds, bounds[1:]))
    if not edges:
        edges.update(zip(keys, groups))  # noqa: B905 (equal lengths by construction): the first file of an import
        return
    for key, group in zip(keys, groups):  # noqa: B905 (equal lengths by construction)
        existing = edges.get(key)
        if existing is None:
            edges[key] = group
        else:
            existing.extend(group)


def _format_error(path: Path, exc: Exception, lines: int) -> EventFormatError:
    """The parser's error as one line (nothing of the file is stored: the import stops before its merge)."""
    if "straddl" in str(exc):  # a line longer than a block: no GDELT row is
        return EventFormatError(f"{path}: a line after line {lines} is longer than {BLOCK >> 10} KiB; GDELT 2.0 "
                                "event rows are a few hundred bytes (is this a GDELT events file?)")
    return EventFormatError(f"{path}: {str(exc).splitlines()[0]}")


def _blank_rows(cols: dict[int, Any], rows: Any, pa: Any, pc: Any) -> list[bool]:
    """Whether each of ``rows`` (positions in the batch) has every column read empty: an empty line
    or a row of empty fields, which the parser does not tell apart (see :func:`_blank_lines`)."""
    take = pa.array(rows)
    values = [col.take(take).to_pylist() for col in cols.values()]
    return [not any(v) for v in zip(*values, strict=True)]


def _blank_lines(path: Path, bad: list[tuple[int, str | None]]) -> list[tuple[int, str | None]]:
    """``bad`` with the message of each blank row (None) found from its line: an empty line has no
    column; a line of 61 empty fields has no event id. Read again only for warnings shown."""
    wanted = {line for line, message in bad if message is None}
    width: dict[int, int] = {}
    with open_text(path) as fh:
        for n, line in enumerate(fh, 1):
            if n in wanted:
                width[n] = _columns(line)
                if len(width) == len(wanted):
                    break
    return [(line, message if message is not None else
             "no event id or no valid date ('')" if width.get(line) == COLUMNS else
             f"{width.get(line, 0)} columns, GDELT 2.0 events have {COLUMNS}") for line, message in bad]
