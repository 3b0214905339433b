"""Pairs of actors that may be one real actor, scored and explained.

Names are compared after :func:`match_key` (accents, titles, initials, 'al-' prefixes and
common transliteration differences removed) and as consonant skeletons; acronyms are
compared with expansions. Only actors that share a blocking key (a skeleton of the whole
name or of the name less one word, or an acronym) are compared, so the work grows with the number
of actors, not its square.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("muammar-gaddafi", name="Muammar Gaddafi", kind="person", aliases=[], documents=["d1"])
>>> g.add_node("moammar-kadhafi", name="Moammar Kadhafi", kind="person", aliases=[], documents=["d2"])
>>> [(p.a, p.b) for p in find_duplicates(g)]
[('moammar-kadhafi', 'muammar-gaddafi')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from graph.model import name_key
from graph.names import match_key, same_name
from graph.resolve import initials

DEFAULT_MIN_SCORE = 0.75
MAX_BLOCK = 60  # a blocking key shared by more actors than this says little (a common surname, 'party')

def skeleton(key: str) -> str:
    """Consonants only, for blocking: 'mahamad' -> 'mmd'."""
    return "".join(w[0] + re.sub(r"[aeiou]", "", w[1:]) for w in key.split())


@dataclass
class Candidate:
    """Two actors that may be one; ``reasons`` says why (and what speaks against)."""

    a: str
    b: str
    score: float
    reasons: list[str] = field(default_factory=list)

    def row(self, names: dict[str, str]) -> dict[str, Any]:
        return {"score": round(self.score, 3), "a": self.a, "a_name": names[self.a], "b": self.b,
                "b_name": names[self.b], "reasons": "; ".join(self.reasons)}


@dataclass
class _Actor:
    id: str
    name: str
    kind: str
    forms: list[str]  # name and aliases, as name_key
    keys: list[str]  # the same, as match_key
    docs: frozenset[str]

    names: list[str] = field(default_factory=list)  # name and aliases as written
    keys_all: list[str] = field(default_factory=list)  # match_key of each of names

    def __post_init__(self) -> None:
        self.form_set, self.key_set = set(self.forms), set(self.keys)
        self.singles = {f for f in self.forms if " " not in f}
        self.acros = {x for x in (initials(f) for f in self.forms) if x}


def _actors(g: Any) -> list[_Actor]:
    out = []
    for n, a in g.nodes(data=True):
        forms = list(dict.fromkeys(k for k in (name_key(x) for x in (a.get("name", n), *a.get("aliases", ()))) if k))
        keys = list(dict.fromkeys(k for k in (match_key(x) for x in (a.get("name", n), *a.get("aliases", ()))) if k))
        written = [a.get("name", n), *a.get("aliases", ())]
        out.append(_Actor(n, a.get("name", n), a.get("kind", ""), forms, keys, frozenset(a.get("documents", ())),
                          written, [match_key(x) for x in written]))
    return out


def _blocks(actors: list[_Actor]) -> dict[str, list[int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(actors):
        keys = set()
        for k in a.keys:
            keys.add("name:" + skeleton(k))
            words = k.split()
            if len(words) > 1:
                # The name less one word: a variant in one word, or a word more or less, still meets.
                keys.update("name:" + skeleton(" ".join(words[:i] + words[i + 1:])) for i in range(len(words)))
        for f in a.forms:
            acro = initials(f)
            if acro:
                keys.add("acro:" + acro)
            if " " not in f and len(f) <= 6:
                keys.add("acro:" + f)  # 'unhcr' meets 'united nations high commissioner for refugees'
        for k in keys:
            blocks[k].append(i)
    return blocks


def _first_names_clash(a: _Actor, b: _Actor) -> bool:
    """Two people with one surname and different given names (Ali and Mojtaba Khamenei)."""
    if a.kind != "person" or b.kind != "person":
        return False
    ka, kb = a.keys[0].split() if a.keys else [], b.keys[0].split() if b.keys else []
    if len(ka) < 2 or len(kb) < 2:
        return False
    return ka[0] != kb[0] and not (ka[0].startswith(kb[0]) or kb[0].startswith(ka[0]))


def _name_score(a: _Actor, b: _Actor, floor: float) -> tuple[float, str]:
    """How alike two actors' names are (0..1) and why; 0 when below ``floor`` (checked cheaply first)."""
    shared = a.form_set & b.form_set
    if shared:
        return 1.0, f"share the name {min(shared)!r}"
    for k in a.key_set & b.key_set:
        x = next(n for n, m in zip(a.names, a.keys_all, strict=True) if m == k)
        y = next(n for n, m in zip(b.names, b.keys_all, strict=True) if m == k)
        if same_name(x, y):
            return 1.0, f"same name once spelling variants are set aside ({x!r} ~ {y!r})"
    # An acronym only for an actor of the same kind: 'US' is also the initials of 'US soldiers'.
    acro = (a.singles & b.acros or b.singles & a.acros) if a.kind == b.kind else set()
    if acro:
        return 0.9, f"{min(acro)!r} is the initials of the other's name"
    best, pair = 0.0, ("", "")
    cutoff = floor / 0.95 * 100
    for x in a.keys:
        if " " not in x:
            continue  # one-word names (countries, 'Niger'/'Nigeria') must agree exactly
        for y in b.keys:
            if " " not in y:
                continue
            s = fuzz.ratio(x, y, score_cutoff=cutoff) / 100 * 0.95
            if s > best:
                best, pair = s, (x, y)
    return best, f"similar names ({pair[0]!r} ~ {pair[1]!r}, {best:.2f})"


def _score(a: _Actor, b: _Actor, neighbours: dict[str, set[str]], related: set[tuple[str, str]],
           min_score: float = 0.0) -> Candidate | None:
    # Neighbours add at most 0.15: a name scoring below min_score - 0.15 cannot make it.
    name, why = _name_score(a, b, max(0.6, min_score - 0.15))
    if name < 0.6:
        return None
    reasons = [why]
    score = name
    if a.kind == b.kind:
        reasons.append(f"both {a.kind}")
    else:
        score *= 0.8
        reasons.append(f"kinds differ ({a.kind}, {b.kind})")
    if _first_names_clash(a, b):
        score *= 0.4
        reasons.append("different given names")
    na, nb = neighbours.get(a.id, set()), neighbours.get(b.id, set())
    common = (na & nb) - {a.id, b.id}
    if common:
        score = min(1.0, score + 0.05 * min(len(common), 3))
        reasons.append(f"{len(common)} shared neighbours")
    docs = a.docs & b.docs
    if docs:
        reasons.append(f"{len(docs)} shared documents")
    if (a.id, b.id) in related or (b.id, a.id) in related:
        score *= 0.5
        reasons.append("related to each other (two parties of one relation)")
    else:
        reasons.append("never two parties of one relation")
    return Candidate(*sorted((a.id, b.id)), score=round(score, 4), reasons=reasons)


def find_duplicates(g: Any, min_score: float = DEFAULT_MIN_SCORE, edges: Iterable[tuple[str, str]] | None = None
                    ) -> list[Candidate]:
    """Candidate pairs in ``g`` (a networkx graph of actors) scoring at least ``min_score``, best first."""
    actors = _actors(g)
    pairs = list(edges) if edges is not None else [(u, v) for u, v in g.edges()]
    neighbours: dict[str, set[str]] = defaultdict(set)
    for u, v in pairs:
        neighbours[u].add(v)
        neighbours[v].add(u)
    related = set(pairs)
    seen: set[tuple[int, int]] = set()
    out = []
    for members in _blocks(actors).values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                pair = (i, j) if i < j else (j, i)
                if pair in seen:
                    continue
                seen.add(pair)
                c = _score(actors[i], actors[j], neighbours, related, min_score)
                if c is not None and c.score >= min_score:
                    out.append(c)
    out.sort(key=lambda c: (-c.score, c.a, c.b))
    return out


def all_pairs(g: Any, min_score: float = DEFAULT_MIN_SCORE) -> list[Candidate]:
    """Every pair compared (the baseline the benchmark measures blocking against)."""
    actors = _actors(g)
    pairs = [(u, v) for u, v in g.edges()]
    neighbours: dict[str, set[str]] = defaultdict(set)
    for u, v in pairs:
        neighbours[u].add(v)
        neighbours[v].add(u)
    related = set(pairs)
    out = []
    for i in range(len(actors)):
        for j in range(i + 1, len(actors)):
            c = _score(actors[i], actors[j], neighbours, related, min_score)
            if c is not None and c.score >= min_score:
                out.append(c)
    out.sort(key=lambda c: (-c.score, c.a, c.b))
    return out
