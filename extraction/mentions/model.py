"""The records of mention finding: actors as a document names them, mentions, the finished result, and the
working state of one document while the passes run."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token


@dataclass
class ActorInfo:
    id: str
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    gender: str | None = None
    state: str | None = None  # the state a body or person belongs to


@dataclass
class Mention:
    start: int                # token index
    end: int                  # token index, exclusive
    actors: tuple[str, ...]   # one actor, or a group ("both leaders")
    via: str                  # which rule found it
    text: str = ""
    place_only: bool = False  # a capital or seat used as a place, not as an actor
    incidental: bool = False  # a state named as a location or a bare adjective ('in Turkey', 'Palestinian
                              # refugees'): usable by rules, but not a sign that the actor acts in the document
    role: str | None = None   # for role nominals ('Hungary's foreign minister'): the office and whose it is
    org: str | None = None

    @property
    def actor(self) -> str:
        return self.actors[0]


@dataclass
class DocMentions:
    mentions: list[Mention]
    actors: dict[str, ActorInfo]
    by_token: dict[int, Mention]
    counts: dict[str, int]
    when: date | None = None  # the document's date: which of a person's offices the titles rules may read

    def at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)


@dataclass
class FindState:
    """One document while the passes run over it: what they read and what the merge step has kept so far.

    ``actors`` is filled by the passes (every actor a mention names has its info here); ``spans`` and ``taken``
    (the tokens the spans cover) are written only by the merge step; ``acronyms`` maps an acronym the document
    defines ('the Alliance of Sahel States (AES)') to its actors, for the passes after the definitions.
    """
    doc: Doc
    when: date | None                 # the document's date: the holder of an office on that day
    known: dict[str, ActorInfo]       # surname -> person named in earlier documents
    actors: dict[str, ActorInfo] = field(default_factory=dict)
    spans: list[Mention] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)
    acronyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _ents: list[Span] | None = None
    _ent_at: list[int] | None = None

    def entity_at(self, i: int) -> Span | None:
        """The named entity holding token ``i``, from an index built once per document: scanning
        ``doc.ents`` for every gazetteer match was quadratic on dense text (minutes for 200 KB)."""
        if self._ents is None or self._ent_at is None:
            self._ents = list(self.doc.ents)
            self._ent_at = [-1] * len(self.doc)
            for k, e in enumerate(self._ents):
                self._ent_at[e.start:e.end] = [k] * (e.end - e.start)
        k = self._ent_at[i]
        return self._ents[k] if k >= 0 else None
