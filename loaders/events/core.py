"""The records and the importer that every event dataset's reader shares (formats in acled.py, gdelt.py,
icews.py, polecat.py; :func:`loaders.events.import_events` runs them).

>>> m = load_mappings()
>>> m.cameo("163"), m.plover("CONSULT", "visit"), m.acled("Battles", "Armed clash")
('SANCTIONS', 'MEETS', 'COERCES')
"""

from __future__ import annotations

import csv
import gzip
import io
import operator
import re
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import IO, Any

import yaml

from extraction.gazetteer import load_gazetteer
from graph.errors import ActorgraphError
from graph.model import DATASETS, TEXT, name_key, slugify
from graph.store import ChunkedColumn, EvidenceBlock, GraphStore
from graph.taxonomy import load_taxonomy

MAPPINGS_FILE = Path(load_taxonomy.__code__.co_filename).resolve().parent / "schema" / "event_mappings.yaml"
COUNTRIES_FILE = Path(__file__).resolve().parent / "data" / "cameo_countries.yaml"
MAX_FIELD = 10 * 1024 * 1024  # csv's default field limit (128 KiB) is below some ACLED notes fields

csv.field_size_limit(MAX_FIELD)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it: the same data, 5x less CPU


class EventFormatError(ActorgraphError, ValueError):
    """A file is not in the dataset's format (wrong header or column count)."""


class RowError(ValueError):
    """One row cannot be read; the import warns with its line number and goes on."""


# -- mappings -----------------------------------------------------------------------------------


class Mappings:
    """Dataset codes -> relation types, from ``event_mappings.yaml`` (validated against the taxonomy)."""

    def __init__(self, data: dict[str, Any]) -> None:
        tax = load_taxonomy()

        def check(value: Any, where: str) -> Any:
            if isinstance(value, dict):
                return {str(k): check(v, f"{where}/{k}") for k, v in value.items()}
            try:
                return tax.relation(str(value)).name
            except (KeyError, ValueError):
                raise ValueError(f"{MAPPINGS_FILE.name}: {where}: {value!r} is not a relation type of the taxonomy") from None

        self._cameo = {str(k): check(v, f"cameo/{k}") for k, v in (data.get("cameo") or {}).items()}
        self._plover = {str(k).upper(): check(v, f"plover/{k}") for k, v in (data.get("plover") or {}).items()}
        self._acled = {str(k).lower(): check(v, f"acled/{k}") for k, v in (data.get("acled") or {}).items()}
        self.confidence: dict[str, float] = {k: float(v) for k, v in (data.get("confidence") or {}).items()}

    def cameo(self, code: str) -> str | None:
        """The type of a CAMEO event code: its longest mapped prefix ('163' -> '16' -> SANCTIONS)."""
        code = code.strip()
        for n in range(len(code), 1, -1):
            hit = self._cameo.get(code[:n])
            if hit:
                return hit
        return None

    @staticmethod
    def _refined(value: Any, sub: str, lower: bool = False) -> str | None:
        if isinstance(value, dict):
            key = sub.strip().lower() if lower else sub.strip()
            table = {k.lower(): v for k, v in value.items()} if lower else value
            return table.get(key) or table.get("*")
        return value

    def plover(self, event_type: str, mode: str = "") -> str | None:
        value = self._plover.get(event_type.strip().upper())
        return None if value is None else self._refined(value, mode.lower(), lower=True)

    def acled(self, event_type: str, sub_event_type: str = "") -> str | None:
        value = self._acled.get(event_type.strip().lower())
        return None if value is None else self._refined(value, sub_event_type, lower=True)


@lru_cache(maxsize=2)
def load_mappings(path: str | None = None) -> Mappings:
    """The event mappings (``graph/schema/event_mappings.yaml`` unless ``path``)."""
    file = Path(path) if path else MAPPINGS_FILE
    try:
        return Mappings(yaml.load(file.read_text(encoding="utf-8"), Loader=_LOADER) or {})
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{file}: cannot read event mappings: {str(exc).splitlines()[0]}") from None


@lru_cache(maxsize=1)
def cameo_countries() -> dict[str, str]:
    """CAMEO country codes -> gazetteer state ids (``loaders/events/data/cameo_countries.yaml``)."""
    data = yaml.load(COUNTRIES_FILE.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    return {str(k): str(v) for k, v in (data.get("countries") or {}).items()}


# -- events and actors ----------------------------------------------------------------------------


@dataclass(slots=True)
class ActorRef:
    """An actor as a dataset codes it."""

    name: str = ""
    code: str = ""          # GDELT actor code ('USAGOV'), else empty
    country: str = ""       # a CAMEO/ISO3 country code ('COL') or a country name ('Colombia')
    wiki: str = ""          # POLECAT's Wikipedia id
    kind_hint: str = ""     # a taxonomy kind the dataset's sector/type suggests
    attribute: str = ""     # what is kept on the actor ('gdelt:USAGOV')


@dataclass(slots=True)
class Event:
    """One coded event, ready to become evidence of a relation."""

    event_id: str
    date: str | None
    type: str | None        # the relation type, None when the code has no mapping
    code: str               # the dataset's code, for reports ('cameo:163', 'plover:SANCTION')
    source: ActorRef
    target: ActorRef
    text: str               # the evidence text: ACLED's notes, else a description of the coded event
    url: str | None = None
    detail: str = ""        # added to the evidence's pattern ('fatalities=3')


@dataclass
class ImportReport:
    dataset: str
    rows: int = 0
    events: int = 0              # stored as evidence (new or already there)
    added: int = 0               # new evidence
    unmapped: Counter[str] = field(default_factory=Counter)   # code -> events with no relation type
    no_actor: Counter[str] = field(default_factory=Counter)   # reason -> events missing an identifiable actor
    bad_rows: int = 0
    warnings: list[str] = field(default_factory=list)
    actors: int = 0
    relations: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    seconds: dict[str, float] = field(default_factory=dict)  # "read" (read, map, resolve, merge) and "save"

    def summary(self) -> str:
        lines = [f"{self.dataset}: {self.rows} rows read, {self.events} events stored ({self.added} new), "
                 f"{sum(self.unmapped.values())} with no mapping, {sum(self.no_actor.values())} without two actors, "
                 f"{self.bad_rows} bad rows",
                 f"graph: {self.actors} actors, {self.relations} relations"]
        if self.by_type:
            lines.append("new evidence by type: " + ", ".join(f"{t} {n}" for t, n in sorted(self.by_type.items())))
        if self.unmapped:
            top = ", ".join(f"{c} {n}" for c, n in self.unmapped.most_common(10))
            more = len(self.unmapped) - 10
            lines.append(f"no mapping (see graph/schema/event_mappings.yaml): {top}" + (f" and {more} more codes" if more > 0 else ""))
        if self.no_actor:
            lines.append("not stored: " + ", ".join(f"{r} {n}" for r, n in self.no_actor.most_common()))
        return "\n".join(lines)


class Codes:
    """A column's values as small ints: the values by code, and the rows' codes (numpy arrays, by batch)."""

    def __init__(self) -> None:
        self.index: dict[Any, int] = {}
        self.values: list[Any] = []
        self.parts: list[Any] = []

    def code(self, value: Any) -> int:
        i = self.index.get(value)
        if i is None:
            i = self.index[value] = len(self.values)
            self.values.append(value)
        return i

    def array(self) -> Any:
        """Every row's code as one numpy array."""
        # lazy: numpy, only when a reader gave codes (the GDELT reader, which loaded it)
        import numpy as np

        return np.concatenate(self.parts)


# Names that stand for a role or a crowd, not one identifiable actor (GUIDE.md: groups with no
# identity are not actors). GDELT and ICEWS name such actors by their role alone.
GENERIC = frozenset(name_key(w) for w in (
    "government", "military", "police", "protester", "protesters", "civilian", "civilians", "rebel", "rebels",
    "opposition", "media", "citizen", "citizens", "people", "president", "prime minister", "minister", "official",
    "officials", "authorities", "security forces", "army", "soldier", "soldiers", "student", "students",
    "company", "business", "legislature", "parliament", "court", "judge", "lawmaker", "lawyer", "attorney",
    "criminal", "gang", "militant", "militants", "insurgent", "insurgents", "terrorist", "terrorists", "refugee",
    "refugees", "worker", "workers", "party", "activist", "activists", "thug", "mob", "villager", "villagers",
))

# GDELT/CAMEO actor type codes after the country code: these stand for the state itself
# (GUIDE.md: a relation to a state's government counts for the state).
STATE_ROLES = frozenset({"", "GOV", "MIL", "SPY", "LEG", "JUD", "COP"})
# Kinds suggested by CAMEO type codes, for actors the gazetteer does not know.
TYPE_KINDS = {"IGO": "igo", "NGO": "ngo", "MED": "media", "BUS": "company", "MNC": "company", "REB": "armed_group",
              "INS": "armed_group", "SEP": "armed_group", "UAF": "armed_group", "GOV": "government_body",
              "MIL": "government_body", "COP": "government_body", "JUD": "government_body", "LEG": "government_body",
              "SPY": "government_body", "PTY": "other_org"}


def _display(name: str) -> str:
    """'UNITED STATES' -> 'United States' (GDELT writes names in capitals); mixed case is kept."""
    return name.title() if name.isupper() else name


class Resolver:
    """Dataset actors -> graph actor ids, through the extraction gazetteer, then the store's actors.

    GDELT's "UNITED STATES" (or code USAGOV) and the text's "Washington" are one node because
    both end at the gazetteer's ``united-states``. Results are cached per (name, code).
    """

    def __init__(self, store: GraphStore) -> None:
        self.gz = load_gazetteer()
        self.store = store
        self.countries = cameo_countries()
        self._store_index: dict[str, set[str]] | None = None
        self._cache: dict[tuple[str, str, str, str], tuple[str, str, str] | None] = {}
        self._by_ref: dict[int, tuple[ActorRef, tuple[str, str, str] | None]] = {}

    def _in_store(self, key: str) -> str | None:
        if self._store_index is None:
            idx: dict[str, set[str]] = {}
            for n, a in self.store.graph.nodes(data=True):
                for form in (a.get("name", ""), *a.get("aliases", [])):
                    idx.setdefault(name_key(str(form)), set()).add(n)
            self._store_index = idx
        hits = self._store_index.get(key)
        return next(iter(hits)) if hits and len(hits) == 1 else None

    def _state(self, text: str) -> str | None:
        """A state named by a CAMEO code ('COL'), its name or demonym ('Colombia', 'COLOMBIAN')."""
        if not text:
            return None
        hit = self.countries.get(text.upper()) if len(text) == 3 else None
        return hit or self.gz.state_of(_display(text))

    def resolve(self, ref: ActorRef) -> tuple[str, str, str] | None:
        """``(id, name, kind)`` of the actor ``ref`` names, or None when it names no identifiable actor."""
        # Readers hand out one ActorRef per distinct actor, so the object's id is a cheap first key.
        hit = self._by_ref.get(id(ref))
        if hit is not None and hit[0] is ref:
            return hit[1]
        key = (ref.name, ref.code, ref.country, ref.wiki)
        if key in self._cache:
            out = self._cache[key]
        else:
            out = self._cache[key] = self._resolve(ref)
        self._by_ref[id(ref)] = (ref, out)
        return out

    def _entry(self, actor_id: str) -> tuple[str, str, str]:
        e = self.gz.get(actor_id)
        return e.id, e.name, e.kind

    def _resolve(self, ref: ActorRef) -> tuple[str, str, str] | None:
        name = re.sub(r"\s*\((?:\d{4})?-?(?:\d{4})?\)\s*$", "", ref.name).strip()  # ACLED's "(2022-)"
        if name:
            hit = self.gz.lookup(name) or self.gz.lookup(_display(name))
            if hit:
                return self._entry(hit)
            # ACLED's "ELN: National Liberation Army": the abbreviation or the full name.
            if ": " in name:
                for part in name.split(": ", 1):
                    hit = self.gz.lookup(part)
                    if hit:
                        return self._entry(hit)
            # ACLED's "Government of X", "Military Forces of X", ICEWS's "Government (X)": the state X.
            m = (re.match(r"^(?:Government|Military Forces|Police Forces|Navy|Air Force) of (?:the )?(.+)$", name, re.I)
                 or re.match(r"^(?:Government|Military|Armed Forces) \((.+)\)$", name, re.I))
            if m and (state := self._state(m.group(1))):
                return self._entry(state)
        code = ref.code.upper()
        if code and code[:3] in self.countries and code[3:] in STATE_ROLES:
            return self._entry(self.countries[code[:3]])
        if not name:
            return None
        key = name_key(name)
        if key in GENERIC or re.match(r"^[^()]+ \([^()]+\)$", name):
            return None  # a role or crowd ("POLICE", ACLED's "Protesters (Colombia)")
        stored = self._in_store(key)
        if stored:
            a = self.store.graph.nodes[stored]
            return stored, a["name"], a["kind"]
        display = _display(name)
        return slugify(display), display, ref.kind_hint or "other_org"


# -- reading files ------------------------------------------------------------------------------------


def open_binary(path: Path) -> IO[bytes] | str:
    """What a reader reads ``path`` from: the path itself, or a byte stream uncompressing ``.gz`` or a
    single-file ``.zip`` (GDELT ships ``.CSV.zip``)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    if name.endswith(".zip"):
        zf = zipfile.ZipFile(path)
        members = [m for m in zf.namelist() if not m.endswith("/")]
        if len(members) != 1:
            zf.close()
            raise EventFormatError(f"{path}: a .zip must hold one file, this one holds {len(members)}")
        return zf.open(members[0])
    return str(path)


def open_text(path: Path) -> IO[str]:
    """A text stream of ``path`` (see :func:`open_binary`), bad UTF-8 replaced."""
    source = open_binary(path)
    if isinstance(source, str):
        return open(source, encoding="utf-8", errors="replace", newline="")
    return io.TextIOWrapper(source, encoding="utf-8", errors="replace", newline="")


def header_index(header: list[str], wanted: dict[str, tuple[str, ...]], path: Path, required: Iterable[str]) -> dict[str, int]:
    """Column positions by name (case, spaces and underscores ignored; each field may have aliases)."""
    norm = {re.sub(r"[\s_]+", "", h).lower().lstrip("\ufeff"): i for i, h in enumerate(header)}
    out: dict[str, int] = {}
    for fieldname, names in wanted.items():
        for n in names:
            i = norm.get(re.sub(r"[\s_]+", "", n).lower())
            if i is not None:
                out[fieldname] = i
                break
    missing = [f for f in required if f not in out]
    if missing:
        raise EventFormatError(f"{path}: no column {' / '.join(wanted[missing[0]])} in the header "
                               "(is this the right dataset?)")
    return out


def header_rows(path: Path, wanted: dict[str, tuple[str, ...]], required: Iterable[str], delimiter: str | None = None
                ) -> Iterator[tuple[int, dict[str, str] | RowError]]:
    """(line number, {field: value} or RowError) for each data row of a file with a header row.

    The delimiter is a tab or a comma, whichever the header has more of, unless given.
    """
    with open_text(path) as fh:
        first = fh.readline()
        if not first.strip():
            raise EventFormatError(f"{path}: empty file, or no header row")
        delim = delimiter or ("\t" if first.count("\t") >= first.count(",") else ",")
        header = next(csv.reader([first], delimiter=delim))
        index = header_index(header, wanted, path, required)
        width = len(header)
        reader = csv.reader(fh, delimiter=delim)
        line = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                line = reader.line_num + 1
                yield line, RowError(str(exc))
                continue
            line_no = 1 + reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            if len(row) != width:
                yield line_no, RowError(f"{len(row)} fields, the header has {width}")
                continue
            yield line_no, {f: row[i] for f, i in index.items()}


@lru_cache(maxsize=1 << 16)  # a file holds few distinct dates; parsing each row's costs more than the rest
def iso_date(text: str) -> str | None:
    """'20260115', '2026-01-15', '15 January 2026', '2026-01-15 10:00:00' -> '2026-01-15' (None if not a date)."""
    text = text.strip()
    if re.fullmatch(r"\d{8}(\d{6})?", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:8]}"
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", text)
    candidates = [m.group(1)] if m else [text]
    for c in candidates:
        for fmt in ("%Y-%m-%d", "%d %B %Y", "%d %b %Y", "%m/%d/%Y", "%B %d, %Y"):
            try:
                return datetime.strptime(c, fmt).date().isoformat()
            except ValueError:
                continue
    return None


# -- importing ------------------------------------------------------------------------------------------


RowReader = Callable[[Path, "ImportOptions"], Iterator[tuple[int, Event | RowError]]]
MAX_WARNINGS = 50  # shown one per line; the rest are counted


@dataclass
class ImportOptions:
    mentions: list[Path] = field(default_factory=list)  # GDELT mentions files
    progress: bool = True
    progress_every: int = 100_000


class Importer:
    """One import run: what every dataset's rows go through (actor resolution with the analyst's
    merges, counting by reason, warnings, progress) and the columns its evidence is gathered in.

    Evidence stays in columns (one list per field, one row per stored event) and relations map
    to their rows, so an import of millions of events builds no object per event; :meth:`finish`
    hands them to the store as one :class:`~graph.store.EvidenceBlock`, which the save writes.
    """

    def __init__(self, dataset: str, store: GraphStore, options: ImportOptions, report: ImportReport,
                 warn: Callable[[str], None], redirect: dict[str, str]) -> None:
        self.dataset, self.store, self.options, self.report, self.warn = dataset, store, options, report, warn
        self.resolver = Resolver(store)
        self.redirect = redirect
        self.confidence = load_mappings().confidence.get(dataset, 0.5)
        self.started = time.monotonic()
        # (source, target, type) as the events state it -> their rows, in file order
        self.edges: dict[tuple[str, str, str], list[int]] = {}
        self.doc: list[str] = []
        self.sentence: list[str] = []
        self.date: list[str | None] = []
        self.pattern: list[str] = []
        self.url: list[str | None] = []
        # Columns a reader also gives as codes (see EvidenceBlock.coded): field -> its codes
        self.coded: dict[str, Codes] = {}
        # Columns a reader gives as pyarrow string arrays instead (the list stays empty): field -> arrays
        self.chunked: dict[str, list[Any]] = {}
        self.actors: dict[str, tuple[str, str, str]] = {}  # id -> (id, name, kind), in order of first use
        self.codes: dict[tuple[str, str], None] = {}      # (actor id, dataset code attribute), in order

    def coder(self, column: str) -> Codes:
        """The codes of ``column``, for a reader that gives it as a code per row as well."""
        return self.coded.setdefault(column, Codes())

    # -- per event ------------------------------------------------------------------------

    def resolve(self, ref: ActorRef) -> tuple[str, str, str] | None:
        """``ref``'s actor under the id the analyst's merges or aliases give it (None: no actor)."""
        out = self.resolver.resolve(ref)
        if out is not None and self.redirect:
            out = _redirected(out, self.redirect, name_key)
        return out

    def use_actor(self, actor: tuple[str, str, str], attribute: str) -> None:
        """``actor`` has stored evidence: it is added to the graph, with ``attribute`` in its codes."""
        if actor[0] not in self.actors:
            self.actors[actor[0]] = actor
        if attribute:
            self.codes[(actor[0], attribute)] = None

    def add(self, a: str, rtype: str, b: str, doc: str, sentence: str, date: str | None, pattern: str,
            url: str | None) -> None:
        """One event's evidence of ``a -rtype-> b`` (both actors given to :meth:`use_actor`)."""
        key = (a, b, rtype)
        rows = self.edges.get(key)
        if rows is None:
            rows = self.edges[key] = []
        rows.append(len(self.doc))
        self.doc.append(doc)
        self.sentence.append(sentence)
        self.date.append(date)
        self.pattern.append(pattern)
        self.url.append(url)

    def bad_row(self, path: Path, line: int, message: str) -> None:
        self.report.bad_rows += 1
        if self.report.bad_rows <= MAX_WARNINGS:
            self.warn(f"{path}:{line}: {message}")

    def progress(self) -> None:
        rate = self.report.rows / max(time.monotonic() - self.started, 1e-9)
        print(f"{self.dataset}: {self.report.rows:,} rows read, {self.report.events:,} events stored ({rate:,.0f} rows/s)",
              file=sys.stderr, flush=True)

    def events(self, path: Path, read: RowReader) -> None:
        """The rows of ``path`` as ``read`` yields them (datasets without a reader of their own)."""
        report, options = self.report, self.options
        for line, item in read(path, options):
            report.rows += 1
            if options.progress and report.rows % options.progress_every == 0:
                self.progress()
            if isinstance(item, RowError):
                self.bad_row(path, line, str(item))
                continue
            ev = item
            if ev.type is None:
                report.unmapped[ev.code] += 1
                continue
            a, b = self.resolve(ev.source), self.resolve(ev.target)
            if a is None or b is None:
                report.no_actor["no identifiable source" if a is None else "no identifiable target"] += 1
                continue
            if a[0] == b[0]:
                report.no_actor["source and target are one actor"] += 1
                continue
            self.use_actor(a, ev.source.attribute)
            self.use_actor(b, ev.target.attribute)
            report.events += 1
            self.add(a[0], ev.type, b[0], f"{self.dataset}:{ev.event_id}", ev.text, ev.date,
                     f"{ev.code}; {ev.detail}" if ev.detail else ev.code, ev.url)

    # -- into the store -------------------------------------------------------------------

    def finish(self) -> set[str]:
        """Add the used actors and the relations to the graph and the evidence as one block;
        returns the ids of the actors the events touched."""
        g = self.store.graph
        for actor_id, name, kind in self.actors.values():
            if actor_id not in g:
                g.add_node(actor_id, name=name, kind=kind, aliases=[], documents=[], codes=[])
        for actor_id, attribute in self.codes:
            a = g.nodes[actor_id]
            codes = a.get("codes") or []
            if attribute not in codes:
                a["codes"] = sorted([*codes, attribute])
        symmetric = load_taxonomy().symmetric
        adj, pred, doc = g._adj, g._pred, self.doc
        # The block takes the importer's own dict of rows by relation (no copy of 300,000 keys); the
        # relations that meet stored evidence or their own reverse are replaced after the loop.
        block_edges = self.edges
        replaced: list[tuple[str, str, str]] = []
        changed: dict[tuple[str, str, str], list[int]] = {}
        done: set[tuple[str, str, str]] = set()
        # Documents unique and in file order (GDELT files are sorted by event id): each relation's
        # rows are then already in document order with no duplicate. Strictly increasing says both.
        ordered = all(map(operator.lt, doc, islice(doc, 1, None)))
        for key, rows in block_edges.items():
            if done and key in done:
                continue
            u, v, t = key
            sym = t in symmetric
            back = block_edges.get((v, u, t)) if sym else None
            if back is not None:
                done.add((v, u, t))
            keydict = adj[u].get(v)
            if back is None and (keydict is None or t not in keydict) and not (sym and t in adj[v].get(u, ())):
                # A relation new to the graph, stated one way only (most of them): no stored evidence to meet.
                if len(rows) > 1 and not ordered:
                    block_edges[key] = _first_of_each_doc(rows, doc)  # (a value replaced: the loop goes on)
                if keydict is None:
                    keydict = adj[u][v] = pred[v][u] = {}
                keydict[t] = {"type": t, "evidence": []}
                continue
            if (back is not None and ordered and (keydict is None or t not in keydict)
                    and t not in adj[v].get(u, ())):
                # A symmetric relation new to the graph, stated both ways, documents unique and in file
                # order: what _relation would keep is every row in file order, the edge pointing the
                # way the first states it (a sort of two sorted lists instead of a tuple per row).
                src, dst = (v, u) if back[0] < rows[0] else (u, v)
                keydict = adj[src].get(dst)
                if keydict is None:
                    keydict = adj[src][dst] = pred[dst][src] = {}
                keydict[t] = {"type": t, "evidence": []}
                replaced.append(key)
                replaced.append((v, u, t))
                changed[(src, dst, t)] = sorted(rows + back)
                continue
            # Both ways in file order (the first of duplicates is kept; the first evidence sets the way).
            merged = sorted([*((r, False) for r in rows), *((r, True) for r in back or ())])
            replaced.append(key)
            if back is not None:
                replaced.append((v, u, t))
            self._relation(u, t, v, merged, sym, changed)
        for key in replaced:
            del block_edges[key]
        block_edges.update(changed)
        by_type = Counter[str]()
        for (_u, _v, t), rows in block_edges.items():
            by_type[t] += len(rows)
        self.report.added += by_type.total()
        self.report.by_type.update(by_type)
        g.__networkx_cache__.clear()
        columns: dict[str, Any] = {"doc": self.doc, "sentence": self.sentence, "date": self.date,
                                   "pattern": self.pattern, "url": self.url}
        for column, chunks in self.chunked.items():
            if chunks and not columns[column]:  # every row as arrays: no Python string per row until the save
                columns[column] = ChunkedColumn(chunks)
        constants = {"start": 0, "end": 0, "confidence": self.confidence, "background": False, "since": None,
                     "provenance": self.dataset}
        block = EvidenceBlock(columns, constants, block_edges)
        block.unique_docs = ordered
        for column, coded in self.coded.items():
            if coded.parts and sum(map(len, coded.parts)) == len(self.doc):  # a code for every row
                block.coded[column] = (coded.array(), coded.values)
        self.store.add_evidence_block(block)
        return set(self.actors)

    def _relation(self, u: str, t: str, v: str, rows: list[tuple[int, bool]], symmetric: bool,
                  block_edges: dict[tuple[str, str, str], list[int]]) -> None:
        """Keep the new evidence of ``u -t-> v`` (rows in file order, each flagged when it states
        ``v -t-> u``) as GraphStore.add_relation would: duplicates of stored evidence dropped, and a
        symmetric pair kept as one edge pointing the way its first evidence (by doc, start, end) does."""
        g, doc = self.store.graph, self.doc
        adj = g._adj  # networkx's own dicts: adding 300,000 edges through add_edge costs more than reading
        forward = adj[u].get(v, {}).get(t)
        backward = adj[v].get(u, {}).get(t) if symmetric else None
        if symmetric and forward is not None and backward is not None:
            # Both ways already stored (a store from before one edge per pair): each row to its own way.
            self._relation(u, t, v, [(r, False) for r, back in rows if not back], False, block_edges)
            self._relation(v, t, u, [(r, False) for r, back in rows if back], False, block_edges)
            return
        stored = forward if forward is not None else backward
        way = None if stored is None else forward is None  # True when the edge is v -> u
        keys = {(e["doc"], e["start"], e["end"]) for e in stored["evidence"]} if stored is not None else set()
        first = min(keys) if keys else None
        kept: list[int] = []
        for r, back in rows:
            k = (doc[r], 0, 0)
            if k in keys:
                continue
            if way is None:
                way = back
            elif back != way and symmetric and first is not None and k < first:
                way = back
            keys.add(k)
            kept.append(r)
            if first is None or k < first:
                first = k
        if not kept:
            return
        src, dst = (v, u) if way else (u, v)
        if stored is not None and (backward is stored) != bool(way):
            # The pair's first evidence now states it the other way: the edge turns round.
            g.remove_edge(*((v, u) if backward is stored else (u, v)), t)
        attrs = adj[src].get(dst, {}).get(t)
        if attrs is None:
            attrs = stored if stored is not None else {"type": t, "evidence": []}
            keydict = adj[src].get(dst)
            if keydict is None:
                keydict = adj[src][dst] = g._pred[dst][src] = {}
            keydict[t] = attrs
        if len(kept) > 1:
            kept.sort(key=doc.__getitem__)
        block_edges[(src, dst, t)] = kept


def _first_of_each_doc(rows: list[int], doc: list[str]) -> list[int]:
    """``rows`` (file order) without later rows of a document already there, in document order."""
    docs = list(map(doc.__getitem__, rows))
    if len(set(docs)) != len(docs):
        seen: set[str] = set()
        rows = [r for r, d in zip(rows, docs, strict=True) if not (d in seen or seen.add(d))]  # type: ignore[func-returns-value]
    return sorted(rows, key=doc.__getitem__)


def _redirected(actor: tuple[str, str, str], redirect: dict[str, str],
                name_key: Callable[[str], str]) -> tuple[str, str, str]:
    """``actor`` (id, name, kind) under the id the analyst's merges or aliases give it."""
    to = redirect.get(actor[0]) or redirect.get("key:" + name_key(actor[1]))
    return (to, *actor[1:]) if to else actor  # type: ignore[return-value]


def description(dataset: str, code: str, source: str, target: str, extra: str = "") -> str:
    """The evidence text of an event that has no sentence of its own: what the dataset coded."""
    text = f"{dataset.upper()} event {code}: {source} -> {target}"
    return f"{text} ({extra})" if extra else text


__all__ = ["DATASETS", "TEXT", "ActorRef", "Event", "EventFormatError", "ImportOptions", "ImportReport", "Importer",
           "Resolver", "RowError", "description", "iso_date", "load_mappings", "open_binary", "open_text"]
