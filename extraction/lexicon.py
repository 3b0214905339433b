"""Trigger words, state bodies, offices and organisation-kind clues, loaded from YAML.

>>> lex = load_lexicon()
>>> "SANCTIONS" in lex.verb_types("sanction")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span

from extraction.gazetteer import DATA_DIR
from graph.taxonomy import load_taxonomy


@dataclass(frozen=True)
class Body:
    key: str
    name: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    key: str
    leads: bool
    forms: tuple[str, ...]


@dataclass
class Lexicon:
    verbs: dict[str, list[str]] = field(default_factory=dict)        # lemma -> relation types
    nouns: dict[str, list[str]] = field(default_factory=dict)
    agent_nouns: dict[str, list[str]] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    org_kinds: dict[str, list[str]] = field(default_factory=dict)
    group_nouns: dict[str, list[str]] = field(default_factory=dict)

    @property
    def title_words(self) -> set[str]:
        """Every word of every role and body form: 'Foreign', 'Secretary', 'Ministry', ..."""
        if not hasattr(self, "_title_words"):
            words = {w for r in self.roles.values() for f in r.forms for w in f.split()}
            words |= {w for b in self.bodies.values() for f in b.forms for w in f.split()}
            words |= {"Special", "Deputy", "Acting", "Senior", "Chief", "High", "General", "Permanent", "Former",
                      "Interim", "First", "Vice", "Top", "Supreme", "Grand", "Federal", "National"}
            self._title_words = words
        return self._title_words

    @property
    def lower_role_words(self) -> set[str]:
        """Every word of the lower-case role forms ('prime', 'minister', 'secretary', 'general'): a title
        written in lower case ("Hungary's prime minister Viktor Orban") is still a title."""
        if not hasattr(self, "_lower_role_words"):
            self._lower_role_words = {w for r in self.roles.values() for f in r.forms if f.islower() for w in f.split()}
        return self._lower_role_words

    def verb_types(self, lemma: str) -> list[str]:
        return self.verbs.get(lemma.lower(), [])

    def noun_types(self, lemma: str) -> list[str]:
        return self.nouns.get(lemma.lower(), [])

    def agent_noun_types(self, lemma: str) -> list[str]:
        return self.agent_nouns.get(lemma.lower(), [])

    def _find(self, doc: Doc, table: dict[str, tuple[str, ...]]) -> list[tuple[int, int, str]]:
        hits = []
        words = [t.text for t in doc]
        for key, forms in table.items():
            for form in forms:
                parts = form.split()
                n = len(parts)
                for i in range(len(words) - n + 1):
                    if words[i : i + n] == parts:
                        hits.append((i, i + n, key))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out, used = [], set()
        for s, e, k in hits:
            if not any(i in used for i in range(s, e)):
                out.append((s, e, k))
                used.update(range(s, e))
        return out

    def find_bodies(self, doc: Doc) -> list[tuple[int, int, str]]:
        return self._find(doc, {k: b.forms for k, b in self.bodies.items()})

    def find_roles(self, doc: Doc) -> list[tuple[int, int, str]]:
        return self._find(doc, {k: r.forms for k, r in self.roles.items()})

    def role_of(self, word: str) -> Role | None:
        for r in self.roles.values():
            if word in r.forms:
                return r
        return None

    def org_kind(self, span: Span) -> str | None:
        """Kind of an unknown organisation from clue words in its name; None if nothing says."""
        text = span.text
        words = set(text.replace(",", " ").split())
        if text.replace("-", " ").split()[-1].lower() in INSTRUMENTS:
            return None  # 'the United States-Mexico-Canada Agreement' is a text, not an organisation
        for kind in ("armed_group", "igo", "government_body", "media", "company", "ngo", "other_org"):
            for clue in self.org_kinds.get(kind, []):
                if (" " in clue and clue in text) or clue in words:
                    return kind
        return None


# Last words that make a name an agreement, law or operation: things actors sign, pass or run.
INSTRUMENTS = frozenset({"agreement", "agreements", "treaty", "treaties", "accord", "accords", "act", "law", "laws",
                         "operation", "protocol", "deal", "charter", "resolution", "bill", "decree", "convention"})


def _parse(data: dict, triggers: dict) -> Lexicon:
    tax = load_taxonomy()
    lex = Lexicon()
    for rtype, spec in (triggers or {}).items():
        rtype = tax.relation(rtype).name
        for table, key in ((lex.verbs, "verbs"), (lex.nouns, "nouns"), (lex.agent_nouns, "agent_nouns")):
            for word in (spec or {}).get(key) or []:
                table.setdefault(word.lower(), []).append(rtype)
    for key, spec in (data.get("bodies") or {}).items():
        lex.bodies[key] = Body(key, spec["name"], tuple(spec["forms"]))
    for key, spec in (data.get("roles") or {}).items():
        lex.roles[key] = Role(key, bool(spec.get("leads")), tuple(spec["forms"]))
    lex.org_kinds = {k: list(v) for k, v in (data.get("org_kinds") or {}).items()}
    lex.group_nouns = {k: list(v) for k, v in (data.get("group_nouns") or {}).items()}
    return lex


@lru_cache(maxsize=2)
def load_lexicon(data_dir: str = str(DATA_DIR)) -> Lexicon:
    d = Path(data_dir)
    data = yaml.safe_load((d / "lexicon.yaml").read_text(encoding="utf-8"))
    triggers = yaml.safe_load((d / "triggers.yaml").read_text(encoding="utf-8"))
    return _parse(data, triggers)
