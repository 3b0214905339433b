"""The graph model: documents, actors, evidence and relations (pydantic v2).

>>> a = Actor(id=slugify("Gustavo Petro"), name="Gustavo Petro", kind="person")
>>> a.id
'gustavo-petro'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator

from graph.taxonomy import load_taxonomy

_SLUG_STRIP = re.compile(r"[^a-z0-9]+")


_NOT_DECOMPOSED = str.maketrans({"Đ": "D", "đ": "d", "Ø": "O", "ø": "o", "ß": "ss", "Æ": "AE", "æ": "ae",
                                  "Ł": "L", "ł": "l", "Þ": "Th", "þ": "th", "ı": "i", "Œ": "OE", "œ": "oe"})


def fold(text: str) -> str:
    """Strip accents: 'Bogotá' -> 'Bogota', 'Đurić' -> 'Duric'."""
    text = unicodedata.normalize("NFKD", text.translate(_NOT_DECOMPOSED))
    return "".join(c for c in text if not unicodedata.combining(c))


def slugify(text: str) -> str:
    """A stable, ASCII, URL- and Cypher-safe id: 'Nicolás Maduro' -> 'nicolas-maduro'."""
    slug = _SLUG_STRIP.sub("-", fold(text).lower().replace("’", "").replace("'", "")).strip("-")
    return slug[:120] or "actor"


def name_key(text: str) -> str:
    """Normalised name for matching: case, accents, punctuation and a leading 'the' ignored."""
    text = fold(text).lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^a-z0-9 ]+", " ", text.replace(".", ""))
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


TEXT = "text"  # the provenance of evidence extracted from documents
DATASETS = ("gdelt", "polecat", "icews", "acled")  # the provenances of imported event datasets


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: str = ""
    path: str = ""
    url: str | None = None
    date: str | None = Field(default=None, description="ISO date when known: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known")
    sha256: str = ""
    author: str | None = None
    text: str = Field(default="", exclude=True, repr=False)


class Actor(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    kind: str
    aliases: list[str] = Field(default_factory=list)
    documents: list[str] = Field(default_factory=list)
    codes: list[str] = Field(default_factory=list, description="event datasets' codes for it ('gdelt:USAGOV')")

    @field_validator("kind")
    @classmethod
    def _kind(cls, v: str) -> str:
        return load_taxonomy().kind(v).name


class Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    doc: str
    sentence: str
    start: int = Field(ge=0, description="character offset of the sentence in the document text")
    end: int = Field(ge=0)
    date: str | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    pattern: str = ""
    # Background: the sentence states something prior to the document ("for years", "has repeatedly"),
    # not an event on a date; ``since`` is the earliest bound the text gives ("since 2022" -> "2022").
    background: bool = False
    since: str | None = None
    # Where the evidence comes from: "text" (extraction from a document) or an event dataset's name
    # ("gdelt", "polecat", "icews", "acled"); dataset evidence has doc "<dataset>:<event id>".
    provenance: str = TEXT
    url: str | None = Field(default=None, description="the source article's URL (event datasets)")

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.doc, self.start, self.end)


# The evidence schema, once: the field order of the store file's evidence columns and of the ``ev_*``
# properties in Neo4j is the declaration order of :class:`Evidence`.
EVIDENCE_FIELDS: tuple[str, ...] = tuple(Evidence.model_fields)
EVIDENCE_DEFAULTS: dict[str, Any] = {f: info.default for f, info in Evidence.model_fields.items()
                                     if not info.is_required()}
# Evidence fields added after the columnar store file (format version 2) first shipped: files and
# servers without them read as the defaults (a store from before provenance was kept holds only text).
LATER_EVIDENCE_FIELDS = ("background", "since", "provenance", "url")


def evidence_key(e: Mapping[str, Any]) -> tuple[str, int, int]:
    """The order of a relation's evidence everywhere (store file, exports, reports): document, then offsets."""
    return (e["doc"], e["start"], e["end"])


class EdgeSummary(NamedTuple):
    """What a relation's evidence adds up to: the one definition every reader and writer uses."""

    date: str | None        # the earliest evidence date
    last: str | None        # the latest evidence date (None when only a summary without evidence is known)
    confidence: float       # the best evidence's confidence
    provenance: tuple[str, ...]  # the evidence's provenances, sorted ("text", "gdelt", ...)
    count: int              # evidence sentences

    @property
    def provenance_key(self) -> str:
        """The provenances ';'-joined, as the store file's relation column holds them ("gdelt;text")."""
        return ";".join(self.provenance)


def edge_summary(evidence: Iterable[Mapping[str, Any]]) -> EdgeSummary:
    """Summarise a relation's evidence (dicts as the store holds them).

    >>> edge_summary([{"date": "2026-02-01", "confidence": 0.7}, {"date": None, "provenance": "gdelt"}])
    EdgeSummary(date='2026-02-01', last='2026-02-01', confidence=0.7, provenance=('gdelt', 'text'), count=2)
    """
    dates: list[str] = []
    provs: set[str] = set()
    best = 0.0
    n = 0
    for e in evidence:
        n += 1
        d = e.get("date")
        if d:
            dates.append(d)
        c = e.get("confidence", 0.0)
        if n == 1 or c > best:
            best = c
        provs.add(e.get("provenance") or TEXT)
    return EdgeSummary(min(dates) if dates else None, max(dates) if dates else None, best if n else 0.0,
                       tuple(sorted(provs)), n)


class Relation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str
    type: str
    target: str
    evidence: list[Evidence] = Field(default_factory=list)
    date: str | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    provenance: list[str] = Field(default_factory=list, description="the provenances of its evidence, sorted")

    @field_validator("type")
    @classmethod
    def _type(cls, v: str) -> str:
        return load_taxonomy().relation(v).name


class Extraction(BaseModel):
    """What the extractor found in one document."""

    document: Document
    actors: list[Actor] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
