"""The taxonomy — actor kinds and relation types — loaded from YAML and validated.

The taxonomy is data (``graph/schema/taxonomy.yaml``); users may point
``ACTORGRAPH_TAXONOMY`` at a file of their own with the same shape.

>>> tax = load_taxonomy()
>>> tax.relation("SANCTIONS").score < 0
True
>>> tax.relation("MEETS").symmetric
True
>>> tax.allows("LEADS", "person", "state"), tax.allows("LEADS", "person", "person")
(True, False)
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from graph.errors import ActorgraphError

SCHEMA_DIR = Path(__file__).parent / "schema"
DEFAULT_TAXONOMY = SCHEMA_DIR / "taxonomy.yaml"

_UPPER_SNAKE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_LOWER_SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
_LABEL = re.compile(r"^[A-Z][A-Za-z0-9]*$")


class ActorKind(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    label: str = Field(description="Neo4j label, CamelCase")
    description: str = ""
    color: str = "#999999"
    shape: str = "dot"

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not _LOWER_SNAKE.match(v):
            raise ValueError(f"actor kind {v!r} must be lower_snake_case")
        return v

    @field_validator("label")
    @classmethod
    def _label(cls, v: str) -> str:
        # Labels end up in Cypher text, so they must be plain identifiers.
        if not _LABEL.match(v):
            raise ValueError(f"label {v!r} must be a CamelCase identifier")
        return v


class Edge(BaseModel):
    """Which kinds of actor may stand at each end (FollowTheMoney's ``edge:``); None accepts every kind."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: tuple[str, ...] | None = None
    target: tuple[str, ...] | None = None


class RelationType(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    description: str = ""
    plover: str | None = None
    cameo: str | None = None
    symmetric: bool = False
    communicative: bool = Field(False, description="done in words: the subject must be an actor that speaks")
    edge: Edge = Edge()
    score: float = Field(ge=-10.0, le=10.0)

    def allows(self, source_kind: str | None, target_kind: str | None) -> bool:
        """True when a ``source_kind`` actor may have this relation to a ``target_kind`` one (None: not known)."""
        return (self.edge.source is None or source_kind is None or source_kind in self.edge.source) and \
            (self.edge.target is None or target_kind is None or target_kind in self.edge.target)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        # Relation types become Neo4j relationship types, so they must be plain identifiers.
        if not _UPPER_SNAKE.match(v):
            raise ValueError(f"relation type {v!r} must be UPPER_SNAKE_CASE")
        return v


class Taxonomy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int = 1
    actor_kinds: dict[str, ActorKind]
    relation_types: dict[str, RelationType]

    @model_validator(mode="after")
    def _edges_name_kinds(self) -> Taxonomy:
        for r in self.relation_types.values():
            for side in ("source", "target"):
                for k in getattr(r.edge, side) or ():
                    if k not in self.actor_kinds:
                        raise ValueError(f"relation type {r.name}: edge {side} kind {k!r} is not an actor kind; "
                                         f"known: {', '.join(sorted(self.actor_kinds))}")
        return self

    def kind(self, name: str) -> ActorKind:
        try:
            return self.actor_kinds[name]
        except KeyError:
            raise UnknownTermError("actor kind", name, sorted(self.actor_kinds)) from None

    def relation(self, name: str) -> RelationType:
        try:
            return self.relation_types[name.upper()]
        except KeyError:
            raise UnknownTermError("relation type", name, sorted(self.relation_types)) from None

    def check_relation_types(self, names: list[str] | tuple[str, ...]) -> list[str]:
        """Upper-case and validate a list of relation type names (e.g. from the CLI)."""
        return [self.relation(n).name for n in names]

    def check_kinds(self, names: list[str] | tuple[str, ...]) -> list[str]:
        return [self.kind(n.lower()).name for n in names]

    @property
    def symmetric(self) -> frozenset[str]:
        return frozenset(n for n, r in self.relation_types.items() if r.symmetric)

    @property
    def communicative(self) -> frozenset[str]:
        """Types done in words: 'criticised', 'urged', 'rejected', 'reported'."""
        return frozenset(n for n, r in self.relation_types.items() if r.communicative)

    def allows(self, rtype: str, source_kind: str | None, target_kind: str | None) -> bool:
        """The domain and range of ``rtype`` admit these kinds ('a person LEADS a state', never 'a person')."""
        return self.relation(rtype).allows(source_kind, target_kind)

    def source_kinds(self, rtype: str) -> frozenset[str]:
        """The kinds that may be the source of ``rtype`` (every kind when the taxonomy does not restrict it)."""
        edge = self.relation(rtype).edge
        return frozenset(edge.source if edge.source is not None else self.actor_kinds)


class UnknownTermError(ActorgraphError, ValueError):
    """A relation type or actor kind that the taxonomy does not define."""

    def __init__(self, what: str, name: str, known: list[str]) -> None:
        super().__init__(f"unknown {what} {name!r}; known: {', '.join(known)}")


def parse_taxonomy(data: dict) -> Taxonomy:
    kinds = {k: {"name": k, **(v or {})} for k, v in (data.get("actor_kinds") or {}).items()}
    rels = {k: {"name": k, **(v or {})} for k, v in (data.get("relation_types") or {}).items()}
    return Taxonomy(version=data.get("version", 1), actor_kinds=kinds, relation_types=rels)


class TaxonomyError(ActorgraphError, ValueError):
    """A taxonomy file (``$ACTORGRAPH_TAXONOMY``) that cannot be read as YAML or does not validate."""


@lru_cache(maxsize=8)
def _load(path: str) -> Taxonomy:
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = yaml.safe_load(text)
        if not isinstance(data, dict):
            raise TaxonomyError(f"{path}: not a valid taxonomy: expected a mapping with actor_kinds and relation_types")
        return parse_taxonomy(data)
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise TaxonomyError(f"{path}: not a valid taxonomy: {where + ': ' if where else ''}{first['msg']}") from None


@lru_cache(maxsize=32)
def _resolved(path: str, cwd: str) -> str:
    return str(Path(cwd, path).resolve())


def load_taxonomy(path: str | os.PathLike[str] | None = None) -> Taxonomy:
    """Load and validate the taxonomy (default: the packaged one, or ``$ACTORGRAPH_TAXONOMY``)."""
    path = path or os.environ.get("ACTORGRAPH_TAXONOMY") or DEFAULT_TAXONOMY
    # The rules ask for the taxonomy per sentence: resolving the path once per (path, folder) keeps that cheap.
    return _load(_resolved(os.fspath(path), os.getcwd()))
