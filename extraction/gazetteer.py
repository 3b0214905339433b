"""The actor gazetteer: known actors, their surface forms and offices, kept as YAML data.

Files under ``extraction/data/gazetteer/*.yaml`` are loaded, then any extra files
named by ``$ACTORGRAPH_GAZETTEER`` (paths separated by ``:``), so users extend the
gazetteer without touching code. Later entries with the same id extend earlier ones.

>>> gz = load_gazetteer()
>>> gz.get("colombia").kind
'state'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graph.errors import ActorgraphError
from graph.model import name_key
from graph.names import match_key, same_name
from graph.taxonomy import load_taxonomy

DATA_DIR = Path(__file__).parent / "data"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
GAZETTEER_ENV = "ACTORGRAPH_GAZETTEER"


class GazetteerError(ActorgraphError, ValueError):
    """A gazetteer file is malformed."""


class Office(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: str
    of: str
    start: date | None = None
    end: date | None = None

    def held_on(self, when: date | None) -> bool:
        if when is None:
            return self.end is None
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    kind: str
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    capital: str | None = None
    capital_aliases: list[str] = Field(default_factory=list)
    seats: list[str] = Field(default_factory=list)
    iso2: str | None = None
    gender: str | None = None
    country: str | None = None
    parent: str | None = None
    offices: list[Office] = Field(default_factory=list)
    historical: bool = False
    monarchy: str | None = None  # a state's 'kingdom', 'sultanate' or 'emirate': what 'the kingdom' may refer to
    wikidata: str | None = Field(default=None, pattern=r"^Q[1-9][0-9]*$", description="Wikidata item id")

    def surface_forms(self) -> list[str]:
        return [self.name, *self.aliases]


# What a named thing that is not an actor may be: actors sign, ratify, pass, run or hold these.
NOT_ACTOR_WHATS = ("treaty", "agreement", "law", "operation", "programme", "place", "event")


class NotActor(BaseModel):
    """A name that looks like an organisation's but names no actor: 'USMCA' is a treaty, never an igo."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    what: str
    aliases: list[str] = Field(default_factory=list)

    def surface_forms(self) -> list[str]:
        return [self.name, *self.aliases]


def loose_key(text: str) -> str:
    """The key under which transliteration, hyphen and spacing variants of a name meet
    (:func:`graph.names.match_key`); empty for one word, where a letter apart is another
    name ('Niger', 'Nigeria'; 'Cameron', 'Cameroon'), so such words must match exactly.

    >>> loose_key("Muammar al-Gaddafi") == loose_key("Moammar Kadhafi")
    True
    >>> loose_key("Iran")
    ''
    """
    key = match_key(text)
    return key if " " in key else ""


def _variants(form: str) -> set[str]:
    """Spelling variants writers use: 'U.N. X' / 'UN X' / 'United Nations X', 'U.S.' / 'US'."""
    out = {form}
    for long, shorts in (("United Nations ", ("UN ", "U.N. ")), ("United States ", ("US ", "U.S. "))):
        for f in list(out):
            for s in (long, *shorts):
                if f.startswith(s):  # any one spelling gives all three
                    out.update(x + f[len(s):] for x in (long, *shorts))
    if "." in form and form.replace(".", "").isupper():
        out.add(form.replace(".", ""))
    return out


class Gazetteer:
    """Lookup of known actors by surface form, demonym, capital and office."""

    def __init__(self, entries: Iterable[Entry], not_actors: Iterable[NotActor] = ()) -> None:
        self.entries: dict[str, Entry] = {}
        for e in entries:
            self._add(e)
        # A not-actor entry wins over an actor entry of the same id: a user file can declare that a packaged
        # 'organisation' is a treaty.
        self.not_actor_entries: dict[str, NotActor] = {n.id: n for n in not_actors}
        for nid in self.not_actor_entries:
            self.entries.pop(nid, None)
        self._index()

    def _add(self, e: Entry) -> None:
        old = self.entries.get(e.id)
        if old is None:
            self.entries[e.id] = e
            return
        # A later file extends an earlier entry: lists are merged, scalars overridden when set.
        merged = old.model_dump()
        for k, v in e.model_dump(exclude_unset=True).items():
            if isinstance(v, list):
                merged[k] = [*merged.get(k, []), *[x for x in v if x not in merged.get(k, [])]]
            elif v is not None:
                merged[k] = v
        self.entries[e.id] = Entry(**merged)

    def _index(self) -> None:
        self.forms: dict[str, str] = {}          # exact surface form -> id
        self.keys: dict[str, set[str]] = {}      # name_key -> ids
        self.loose: dict[str, dict[str, str]] = {}  # loose_key -> {form: id} (transliteration variants)
        self.demonyms: dict[str, str] = {}       # 'Colombian' -> colombia
        self.capitals: dict[str, str] = {}       # 'Bogotá' -> colombia
        self.seats: dict[str, str] = {}          # 'White House' -> united-states
        # Names of treaties, laws and operations: the mention finder claims their words so that no piece of
        # them ('United States' in 'United States-Mexico-Canada Agreement') and no NER span becomes an actor.
        self.not_actors: dict[str, str] = {}
        for n in self.not_actor_entries.values():
            for form in n.surface_forms():
                for v in _variants(form):
                    self.not_actors.setdefault(v, n.id)
        for e in self.entries.values():
            for form in e.surface_forms():
                for v in _variants(form):
                    if v in self.not_actors:
                        continue
                    self.forms.setdefault(v, e.id)
                    self.keys.setdefault(name_key(v), set()).add(e.id)
                    loose = loose_key(v)
                    if loose:
                        self.loose.setdefault(loose, {}).setdefault(v, e.id)
            for d in e.demonyms:
                self.demonyms.setdefault(d, e.id)
            for c in [e.capital, *e.capital_aliases] if e.capital else e.capital_aliases:
                self.capitals.setdefault(c, e.id)
            for s in e.seats:
                self.seats.setdefault(s, e.id)

    def get(self, actor_id: str) -> Entry:
        return self.entries[actor_id]

    def __contains__(self, actor_id: str) -> bool:
        return actor_id in self.entries

    def lookup(self, text: str) -> str | None:
        """The id of the actor this exact surface form names, if any."""
        if text in self.forms:
            return self.forms[text]
        ids = self.keys.get(name_key(text))
        if ids and len(ids) == 1:
            return next(iter(ids))
        if not ids:
            # 'Abbas Araqchi' is the entry 'Abbas Araghchi': one entry per real actor, not one per spelling.
            loose = loose_key(text)
            forms = self.loose.get(loose, {}) if loose else {}
            ids = {i for f, i in forms.items() if same_name(text, f)}
            if len(ids) == 1:
                return next(iter(ids))
        return None

    def state_of(self, text: str, exact: bool = False) -> str | None:
        """A state named by its name, demonym, capital or seat ('Colombian', 'Bogotá', 'Kremlin').

        ``exact`` accepts only surface forms as written (no case or punctuation folding).
        """
        for table in (self.demonyms, self.capitals, self.seats):
            if text in table:
                return table[text]
        hit = self.forms.get(text) if exact else self.lookup(text)
        return hit if hit and self.entries[hit].kind == "state" else None

    def holders(self, role: str, of: str, when: date | None) -> list[str]:
        """People holding ``role`` of actor ``of`` on ``when`` (the current holder if no date)."""
        return [e.id for e in self.entries.values() if e.kind == "person"
                and any(o.role == role and o.of == of and o.held_on(when) for o in e.offices)]

    def offices_of(self, person: str, when: date | None) -> list[Office]:
        e = self.entries.get(person)
        if e is None:
            return []
        held = [o for o in e.offices if o.held_on(when)]
        return held or ([] if when else e.offices)


# libyaml's parser when PyYAML was built with it: the same data, 5x less CPU (the gazetteer is read
# at every ingest and import; its YAML parse was 0.7 s of CPU).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path) -> tuple[list[Entry], list[NotActor]]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer: {str(exc).splitlines()[0]}") from None
    kinds = load_taxonomy().actor_kinds
    out = []
    nots = []
    for i, raw in enumerate(data.get("not_actors") or []):
        try:
            n = NotActor(**raw)
        except (ValidationError, TypeError) as exc:
            raise GazetteerError(f"{path}: not_actors entry {i + 1}: {str(exc).splitlines()[0]}") from None
        if n.what not in NOT_ACTOR_WHATS:
            raise GazetteerError(f"{path}: not_actors entry {n.id!r}: what must be one of {', '.join(NOT_ACTOR_WHATS)}")
        nots.append(n)
    for i, raw in enumerate(data.get("actors") or []):
        try:
            e = Entry(**raw)
        except (ValidationError, TypeError) as exc:
            raise GazetteerError(f"{path}: entry {i + 1}: {str(exc).splitlines()[0]}") from None
        if e.kind not in kinds:
            raise GazetteerError(f"{path}: entry {e.id!r}: unknown kind {e.kind!r}")
        out.append(e)
    return out, nots


def gazetteer_files() -> list[Path]:
    files = sorted(GAZETTEER_DIR.glob("*.yaml"))
    for extra in filter(None, os.environ.get(GAZETTEER_ENV, "").split(os.pathsep)):
        p = Path(extra)
        files += sorted(p.glob("*.yaml")) if p.is_dir() else [p]
    return files


WIKIDATA_FILE = DATA_DIR / "wikidata.yaml"


def read_wikidata(path: Path = WIKIDATA_FILE) -> dict[str, str]:
    """Actor id -> QID from the packaged table (sections of ``id: Q...``)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise GazetteerError(f"{path}: cannot read: {str(exc).splitlines()[0]}") from None
    out: dict[str, str] = {}
    for section in data.values():
        for actor, qid in (section or {}).items():
            if not re.fullmatch(r"Q[1-9][0-9]*", str(qid)):
                raise GazetteerError(f"{path}: {actor}: {qid!r} is not a Wikidata id (Q123)")
            out[str(actor)] = str(qid)
    return out


@lru_cache(maxsize=4)
def _load(files: tuple[str, ...]) -> Gazetteer:
    entries: list[Entry] = []
    nots: list[NotActor] = []
    for f in files:
        more, less = _read(Path(f))
        entries += more
        nots += less
    gz = Gazetteer(entries, nots)
    for actor, qid in read_wikidata().items():
        e = gz.entries.get(actor)
        if e is not None and e.wikidata is None:
            e.wikidata = qid
    return gz


def wikidata_ids() -> dict[str, str]:
    """Actor id -> Wikidata QID, for the actors the gazetteer identifies."""
    return {e.id: e.wikidata for e in load_gazetteer().entries.values() if e.wikidata}


def load_gazetteer(files: Iterable[str | Path] | None = None) -> Gazetteer:
    """Load (and cache) the gazetteer from the packaged files plus ``$ACTORGRAPH_GAZETTEER``."""
    paths = tuple(str(p) for p in (files if files is not None else gazetteer_files()))
    return _load(paths)
