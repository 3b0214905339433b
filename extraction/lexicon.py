"""Trigger words and phrases, state bodies, offices and organisation-kind clues, loaded from YAML.

Triggers live in ``extraction/data/triggers/*.yaml``, one file per relation family; files or folders named in
``$ACTORGRAPH_TRIGGERS`` (separated by ``:``) are merged on top (words are added, a phrase with the id of a packaged
one replaces it).

>>> lex = load_lexicon()
>>> "SANCTIONS" in lex.verb_types("sanction")
True
>>> next(p for p in lex.phrases if p.id == "recall-envoy").types
('SANCTIONS',)
"""

from __future__ import annotations

import os
from collections.abc import Container
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy
import yaml
from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extraction.gazetteer import DATA_DIR
from graph.errors import ActorgraphError
from graph.taxonomy import load_taxonomy

# What the phrase patterns read of a sentence (LOWER comes with the words): lemmas, the parse, the tags.
_PARSE_ATTRS = [LEMMA, TAG, POS, HEAD, DEP]

@dataclass(frozen=True)
class Body:
    key: str
    name: str
    forms: tuple[str, ...]
    as_state: bool = False  # speaks and is acted on as the state itself ('the Mexican embassy' is Mexico)


@dataclass(frozen=True)
class Role:
    key: str
    leads: bool
    forms: tuple[str, ...]


TRIGGERS_DIR = DATA_DIR / "triggers"
TRIGGERS_ENV = "ACTORGRAPH_TRIGGERS"
# Where a phrase's target may be found (see extraction/data/triggers/README.md).
TARGET_ROLES = {"owner", "object", "subject", "dobj", "recipient", "event", "addressee", "complement"}
AGENT_ROLES = {"subject", "speaker", "from"}


class TriggerError(ActorgraphError, ValueError):
    """A trigger file is malformed."""


@dataclass(frozen=True)
class Phrase:
    """A verb phrase that states a relation: 'recalled its ambassador from X' → SANCTIONS.

    ``verbs`` are lemmas of the verb; ``objects`` lemmas of its object (reached through ``via``: ``dobj`` or a
    preposition such as ``into``); ``with_`` words one of which must modify the object ('diplomatic' relations);
    ``target`` says in order where the target is: a preposition on the verb or the object ('from', 'with'),
    ``owner`` (the object's possessor or nationality: "Y's ambassador", 'the Russian envoy'), ``object`` (the object
    names the actor), ``dobj`` (the verb's direct object, when the phrase's object hangs on a preposition: 'added X
    to its blacklist'), ``recipient`` (the verb's indirect object: 'gave Niger a deadline') or ``subject`` (the
    verb's subject: 'Y will pay a heavy price') or ``event`` (the actors of an event a preposition names: a pact's
    parties, 'concerns about the pact between X and Y', or an attack's doer, 'alarm at Israeli strikes'); ``agent`` is ``subject``,
    ``speaker`` (who says the clause the phrase is in) or ``from`` (the 'from' phrase on the object: 'drew
    criticism from X'); ``mutual`` phrases state the act of each side on the
    other ('X and Y traded fire', 'X exchanged fire with Y'); ``each_other`` phrases, when no target is named,
    state the act of each subject on the others ('Peru and Venezuela cut ties').
    """

    id: str
    types: tuple[str, ...]
    verbs: tuple[str, ...]
    objects: tuple[str, ...] = ()
    via: str = "dobj"
    with_: tuple[str, ...] = ()
    target: tuple[str, ...] = ("object",)
    agent: str = "subject"
    particle: tuple[str, ...] = ()
    complement: tuple[str, ...] = ()
    mutual: bool = False
    each_other: bool = False
    source: str = ""

    def patterns(self, lemma: str | None = None) -> list[list[dict]]:
        """spaCy DependencyMatcher patterns: the verb (any of ``verbs``, or only ``lemma``), then its object (and the
        object's modifier)."""
        verb = {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": lemma if lemma else {"IN": list(self.verbs)}}}
        obj_attrs: dict = {"LEMMA": {"IN": list(self.objects)}} if self.objects else {}
        if self.via == "none":  # the verb alone, with its particle or complement: 'Y will pay dearly'
            pattern = [verb]
        elif self.via in ("dobj", "attr"):  # (attr: a copula's complement, 'Y would be legitimate targets')
            deps = ["dobj", "nsubjpass"] if self.via == "dobj" else ["attr"]
            pattern = [verb, {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object",
                              "RIGHT_ATTRS": {**obj_attrs, "DEP": {"IN": deps}}}]
        else:  # a preposition, or a chain of them ('out of': the parser hangs 'of' on 'out')
            pattern = [verb]
            head = "verb"
            for n, word in enumerate(self.via.split()):
                pattern.append({"LEFT_ID": head, "REL_OP": ">", "RIGHT_ID": f"prep{n or ''}",
                                "RIGHT_ATTRS": {"DEP": {"IN": ["prep", "prt", "agent"]} if n == 0 else "prep",
                                               "LOWER": word}})
                head = f"prep{n or ''}"
            pattern.append({"LEFT_ID": head, "REL_OP": ">", "RIGHT_ID": "object",
                            "RIGHT_ATTRS": {**obj_attrs, "DEP": "pobj"}})
        if self.with_:
            pattern.append({"LEFT_ID": "object", "REL_OP": ">", "RIGHT_ID": "with",
                            "RIGHT_ATTRS": {"LOWER": {"IN": list(self.with_)}}})
        if self.particle:  # 'brushed the offer aside'
            pattern.append({"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "particle",
                            "RIGHT_ATTRS": {"DEP": {"IN": ["prt", "advmod"]}, "LOWER": {"IN": list(self.particle)}}})
        if self.complement:  # 'kept its border with X closed': the word that says what the verb keeps it as
            pattern.append({"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "complement",
                            "RIGHT_ATTRS": {"DEP": {"IN": ["oprd", "ccomp", "advcl", "acomp", "xcomp"]},
                                            "LOWER": {"IN": list(self.complement)}}})
        return [pattern]

    @property
    def roles(self) -> list[str]:
        """The names of the matched tokens, in the order the matcher gives them."""
        return [node["RIGHT_ID"] for node in self.patterns()[0]]


@dataclass(frozen=True)
class Example:
    """A sentence a trigger file promises to read: the triples it must yield and those it must not."""

    text: str
    found: tuple[tuple[str, str, str], ...]
    not_found: tuple[tuple[str, str, str], ...] = ()
    source: str = ""


@dataclass
class Lexicon:
    verbs: dict[str, list[str]] = field(default_factory=dict)        # lemma -> relation types
    nouns: dict[str, list[str]] = field(default_factory=dict)
    agent_nouns: dict[str, list[str]] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    org_kinds: dict[str, list[str]] = field(default_factory=dict)
    group_nouns: dict[str, list[str]] = field(default_factory=dict)
    name_titles: frozenset[str] = frozenset()  # capitalised ranks and titles before a name ('Lieutenant-Colonel')
    phrases: list[Phrase] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)
    word_classes: dict[str, frozenset[str]] = field(default_factory=dict)
    _matchers: dict[tuple[int, str], DependencyMatcher] = field(default_factory=dict, repr=False)
    _verb_hashes: dict[int, numpy.ndarray] = field(default_factory=dict, repr=False)

    def word_class(self, name: str) -> frozenset[str]:
        """The words of a class the rules consult ('cancel_verbs'), from the trigger files' ``word_classes``."""
        try:
            return self.word_classes[name]
        except KeyError:
            raise TriggerError(f"no word class {name!r} in the trigger files; known: "
                               f"{', '.join(sorted(self.word_classes))}") from None

    def phrase_matcher(self, vocab: Vocab, lemma: str) -> DependencyMatcher:
        """The DependencyMatcher of the phrases whose verb is ``lemma`` (built once per vocabulary and verb); match
        ids are phrase indexes. One matcher per verb: the matcher tests every pattern's attributes on every token,
        so a sentence pays only for the phrases of the verbs it holds, however many phrases the files add."""
        m = self._matchers.get((id(vocab), lemma))
        if m is None:
            m = DependencyMatcher(vocab)
            for i, p in enumerate(self.phrases):
                if lemma in p.verbs:
                    m.add(str(i), p.patterns(lemma))
            self._matchers[(id(vocab), lemma)] = m
        return m

    def phrase_matches(self, doc: Doc) -> list[tuple[Phrase, dict[str, int]]]:
        """Every phrase in ``doc`` with its tokens by role ('verb', 'object', 'with'); computed once per doc.

        The DependencyMatcher runs only over the sentences that hold one of the phrases' verbs (found with one
        vectorised look-up of the lemmas), each as a small doc of its own: cheap on long documents."""
        key = f"actorgraph_phrases_{id(self)}"
        cached = doc.user_data.get(key)
        if cached is None:
            cached = []
            hashes = self._verb_hashes.get(id(doc.vocab))
            if hashes is None:
                hashes = self._verb_hashes[id(doc.vocab)] = numpy.array(
                    [doc.vocab.strings.add(v) for p in self.phrases for v in p.verbs], dtype="uint64")
            lemmas = doc.to_array([LEMMA]).reshape(-1) if len(doc) else numpy.zeros(0, dtype="uint64")
            hits = numpy.isin(lemmas, hashes)
            if hits.any():
                # The matcher's view of each sentence built from one array of the document: Span.as_doc reads
                # the whole document's array and entities on every call, quadratic on dense text.
                arr = doc.to_array(_PARSE_ATTRS)
                for sent in doc.sents:
                    here = hits[sent.start:sent.end]
                    if not here.any():
                        continue
                    small = Doc(doc.vocab, words=[t.text for t in sent], spaces=[bool(t.whitespace_) for t in sent])
                    small.from_array(_PARSE_ATTRS, arr[sent.start:sent.end])
                    found = []
                    for lemma in dict.fromkeys(lemmas[sent.start:sent.end][here].tolist()):
                        matcher = self.phrase_matcher(doc.vocab, doc.vocab.strings[lemma])
                        found += [(int(doc.vocab.strings[match_id]), toks) for match_id, toks in matcher(small)]
                    for i, toks in sorted(found):  # phrase order, as the files give them
                        p = self.phrases[i]
                        cached.append((p, {r: sent.start + t for r, t in zip(p.roles, toks, strict=True)}))
            doc.user_data[key] = cached
        return cached

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
        lemma = lemma.lower()
        found = self.verbs.get(lemma)
        if found is None and lemma.endswith("ie"):
            found = self.verbs.get(lemma[:-2] + "y")  # the tagger's 'decertifie' for 'decertified'
        return found or []

    def noun_types(self, lemma: str) -> list[str]:
        return self.nouns.get(lemma.lower(), [])

    def agent_noun_types(self, lemma: str) -> list[str]:
        return self.agent_nouns.get(lemma.lower(), [])

    def _form_index(self, name: str, table: dict[str, tuple[str, ...]]) -> tuple[dict[str, list[tuple[int, list[str],
                                                                                                     str]]],
                                                                           list[tuple[int, str]]]:
        """The forms of ``table`` by their first word, made once per lexicon (``name``: which table), and the
        empty forms with their order."""
        cache = self.__dict__.setdefault("_form_indexes", {})
        if name not in cache:
            index: dict[str, list[tuple[int, list[str], str]]] = {}
            empty: list[tuple[int, str]] = []
            order = 0
            for key, forms in table.items():
                for form in forms:
                    parts = form.split()
                    if parts:
                        index.setdefault(parts[0], []).append((order, parts, key))
                    else:
                        empty.append((order, key))
                    order += 1
            cache[name] = (index, empty)
        return cache[name]

    def _find(self, doc: Doc, name: str, table: dict[str, tuple[str, ...]]) -> list[tuple[int, int, str]]:
        # Forms indexed by their first word, so the document is read once (not once per form: that was a tenth
        # of the extraction time); ``order`` keeps the table's order among hits of one start and length.
        words = doc.user_data.get("actorgraph_words")  # (the parse is serialised before the rules cache in it)
        if words is None or len(words) != len(doc):
            words = doc.user_data["actorgraph_words"] = [t.text for t in doc]
        index, empty = self._form_index(name, table)
        hits: list[tuple[int, int, int, str]] = []
        for order, key in empty:  # an empty form matches (emptily) everywhere, as the plain scan did
            hits.extend((i, i, order, key) for i in range(len(words) + 1))
        for i, w in enumerate(words):
            for o, parts, key in index.get(w, ()):
                if words[i : i + len(parts)] == parts:
                    hits.append((i, i + len(parts), o, key))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0]), h[2]))
        out, used = [], set()
        for s, e, _o, k in hits:
            if not any(i in used for i in range(s, e)):
                out.append((s, e, k))
                used.update(range(s, e))
        return out

    def find_bodies(self, doc: Doc) -> list[tuple[int, int, str]]:
        return self._find(doc, "bodies", {k: b.forms for k, b in self.bodies.items()})

    def find_roles(self, doc: Doc) -> list[tuple[int, int, str]]:
        return self._find(doc, "roles", {k: r.forms for k, r in self.roles.items()})

    def role_of(self, word: str) -> Role | None:
        by_form = self.__dict__.get("_role_by_form")
        if by_form is None:  # the first role listing a form wins, as in the lexicon's order
            by_form = {}
            for r in self.roles.values():
                for f in r.forms:
                    by_form.setdefault(f, r)
            self.__dict__["_role_by_form"] = by_form
        return by_form.get(word)

    def head_words(self) -> frozenset[str]:
        """One-word clues of org_kinds: the words an organisation's name ends in ('Party', 'Bureau')."""
        cached = self.__dict__.get("_head_words")
        if cached is None:
            cached = frozenset(c for clues in self.org_kinds.values() for c in clues if " " not in c)
            self.__dict__["_head_words"] = cached
        return cached

    def whole_name(self, span: Span, taken: Container[int] = ()) -> Span:
        """The organisation name a NER span is a piece of, or the span itself.

        The small NER model cuts names at 'and': 'Union Solidarity' | 'Development Party', 'Asian' |
        'Oceanian Affairs Bureau'. A piece joined by 'and' to capitalised words, where the joined run ends in
        an organisation's head word ('Party', 'Bureau') or starts with one and a link ('Centre for ...') and the
        piece alone does not end in one, is the whole run; ``taken`` words (other mentions) are never joined.
        """
        doc, heads = span.doc, self.head_words()
        start, end = span.start, span.end

        def name_word(i: int) -> bool:
            t = doc[i]
            return i not in taken and (t.is_title or t.is_upper) and t.lower_ not in ("the", "a", "an") \
                and not t.is_sent_start

        if doc[end - 1].text not in heads and end + 1 < len(doc) and doc[end].lower_ in ("and", "&"):
            j = end + 1
            while j < len(doc) and (name_word(j) or (doc[j].lower_ in NAME_LINKS and j + 1 < len(doc)
                                                     and name_word(j + 1))):
                j += 1
            if j > end + 1 and doc[j - 1].text in heads:
                end = j
        if start >= 2 and doc[start - 1].lower_ in ("and", "&") and name_word(start - 2) \
                and doc[start - 2].text not in heads:
            i = start - 2
            while i > 0 and (name_word(i - 1) or (doc[i - 1].lower_ in NAME_LINKS and i - 1 > 0
                                                   and name_word(i - 2))):
                i -= 1
            # 'Asian and Oceanian Affairs Bureau' (the piece ends in a head word), 'Centre for Strategic and
            # International Studies' (the run starts with one: 'Centre for ...')
            if doc[end - 1].text in heads or (doc[i].text in heads and doc[i + 1].lower_ in NAME_LINKS):
                start = i
        return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)

    def org_kind(self, span: Span) -> str | None:
        """Kind of an unknown organisation from clue words in its name; None if nothing says."""
        text = span.text
        words = set(text.replace(",", " ").split())
        if text.replace("-", " ").split()[-1].lower() in INSTRUMENTS:
            return None  # 'the United States-Mexico-Canada Agreement' is a text, not an organisation
        order = ("armed_group", "igo", "government_body", "media", "company", "ngo", "other_org")
        last = text.split()[-1]
        for kind in order:  # the head word speaks first: 'Union Solidarity and Development Party' is a party
            if last in self.org_kinds.get(kind, []):
                return kind
        for kind in order:
            for clue in self.org_kinds.get(kind, []):
                if (" " in clue and clue in text) or clue in words:
                    return kind
        return None


# Small words inside an organisation's name: 'Centre for Strategic and International Studies'.
NAME_LINKS = frozenset({"of", "for", "and", "&", "on"})


# Last words that make a name an agreement, law or operation: things actors sign, pass or run.
INSTRUMENTS = frozenset({"agreement", "agreements", "treaty", "treaties", "accord", "accords", "act", "law", "laws",
                         "operation", "protocol", "deal", "charter", "resolution", "bill", "decree", "convention"})


def _words(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise TriggerError(f"{where}: expected a word or a list of words, got {value!r} "
                           "(quote on, off, yes, no: YAML reads them as true/false)")
    return tuple(w.strip() for w in value)


def _triple(value: object, where: str) -> tuple[str, str, str]:
    if not (isinstance(value, list) and len(value) == 3 and all(isinstance(v, str) for v in value)):
        raise TriggerError(f"{where}: expected [source, TYPE, target], got {value!r}")
    return value[0], load_taxonomy().relation(value[1]).name, value[2]


def _parse_triggers(lex: Lexicon, files: list[tuple[str, dict]]) -> None:
    """Fill the trigger tables from the trigger files, in order (later files add to and override earlier ones)."""
    tax = load_taxonomy()
    order = {name: i for i, name in enumerate(tax.relation_types)}
    phrases: dict[str, Phrase] = {}
    classes: dict[str, list[str]] = {}
    for name, data in files:
        if not isinstance(data, dict):
            raise TriggerError(f"{name}: expected a mapping with relations:, phrases:, examples: or word_classes:")
        unknown = set(data) - {"relations", "phrases", "examples", "word_classes"}
        if unknown:
            raise TriggerError(f"{name}: unknown section(s) {', '.join(sorted(unknown))}")
        for rtype, spec in (data.get("relations") or {}).items():
            rtype = tax.relation(rtype).name
            bad = set(spec or {}) - {"verbs", "nouns", "agent_nouns"}
            if bad:
                raise TriggerError(f"{name}: {rtype}: unknown key(s) {', '.join(sorted(bad))}")
            for table, key in ((lex.verbs, "verbs"), (lex.nouns, "nouns"), (lex.agent_nouns, "agent_nouns")):
                for word in _words((spec or {}).get(key), f"{name}: {rtype}.{key}"):
                    types = table.setdefault(word.lower(), [])
                    if rtype not in types:
                        types.append(rtype)
        for i, spec in enumerate(data.get("phrases") or []):
            where = f"{name}: phrases[{i}]"
            if not isinstance(spec, dict) or not spec.get("id") or not spec.get("verbs") or not spec.get("type"):
                raise TriggerError(f"{where}: a phrase needs id, type and verbs")
            bad = set(spec) - {"id", "type", "verbs", "objects", "via", "with", "particle", "complement", "target",
                               "agent", "mutual", "each_other", "note"}
            if bad:
                raise TriggerError(f"{where}: unknown key(s) {', '.join(sorted(bad))}")
            target = _words(spec.get("target"), where) or ("object",)
            if str(spec.get("via", "")).lower() == "none" and (spec.get("objects") or spec.get("with")):
                raise TriggerError(f"{where}: a phrase with via: none has no object (objects, with)")
            agent = spec.get("agent", "subject")
            if agent not in AGENT_ROLES:
                raise TriggerError(f"{where}: agent must be one of {', '.join(sorted(AGENT_ROLES))}")
            phrases[spec["id"]] = Phrase(
                id=spec["id"], types=tuple(tax.relation(t).name for t in _words(spec["type"], where)),
                verbs=tuple(w.lower() for w in _words(spec["verbs"], where)),
                objects=tuple(w.lower() for w in _words(spec.get("objects"), where)),
                via=str(spec.get("via", "dobj")).lower(), with_=tuple(w.lower() for w in _words(spec.get("with"), where)),
                target=target, agent=agent, particle=tuple(w.lower() for w in _words(spec.get("particle"), where)),
                complement=tuple(w.lower() for w in _words(spec.get("complement"), where)),
                mutual=bool(spec.get("mutual", False)), each_other=bool(spec.get("each_other", False)), source=name)
        for cls, words in (data.get("word_classes") or {}).items():
            classes.setdefault(str(cls), []).extend(w.lower() for w in _words(words, f"{name}: word_classes.{cls}"))
        for i, spec in enumerate(data.get("examples") or []):
            where = f"{name}: examples[{i}]"
            if not isinstance(spec, dict) or not isinstance(spec.get("text"), str):
                raise TriggerError(f"{where}: an example needs text and found")
            lex.examples.append(Example(spec["text"], tuple(_triple(t, where) for t in spec.get("found") or []),
                                        tuple(_triple(t, where) for t in spec.get("not") or []), name))
    for table in (lex.verbs, lex.nouns, lex.agent_nouns):
        for types in table.values():
            types.sort(key=order.__getitem__)  # a word of several types: the taxonomy's order decides the first
    lex.phrases = list(phrases.values())
    lex.word_classes = {k: frozenset(v) for k, v in classes.items()}


def trigger_files(extra: str | None = None) -> list[Path]:
    """The packaged trigger files, then those named in ``$ACTORGRAPH_TRIGGERS`` (files or folders of ``*.yaml``)."""
    files = sorted(TRIGGERS_DIR.glob("*.yaml"))
    extra = os.environ.get(TRIGGERS_ENV, "") if extra is None else extra
    for part in filter(None, extra.split(os.pathsep)):
        p = Path(part)
        if not p.exists():
            raise TriggerError(f"{TRIGGERS_ENV}: {part}: no such file or folder")
        files += sorted(p.glob("*.yaml")) if p.is_dir() else [p]
    return files


def _parse(data: dict, triggers: list[tuple[str, dict]]) -> Lexicon:
    lex = Lexicon()
    _parse_triggers(lex, triggers)
    for key, spec in (data.get("bodies") or {}).items():
        lex.bodies[key] = Body(key, spec["name"], tuple(spec["forms"]), bool(spec.get("as_state")))
    for key, spec in (data.get("roles") or {}).items():
        lex.roles[key] = Role(key, bool(spec.get("leads")), tuple(spec["forms"]))
    lex.org_kinds = {k: list(v) for k, v in (data.get("org_kinds") or {}).items()}
    lex.group_nouns = {k: list(v) for k, v in (data.get("group_nouns") or {}).items()}
    lex.name_titles = frozenset(data.get("name_titles") or ())
    return lex


@lru_cache(maxsize=4)
def _load(data_dir: str, files: tuple[str, ...], stamps: tuple[tuple[int, int], ...] = ()) -> Lexicon:
    # ``stamps`` (modification time and size of each file) is part of the cache key: an edited file is re-read.
    data = yaml.safe_load((Path(data_dir) / "lexicon.yaml").read_text(encoding="utf-8"))
    triggers = []
    for f in files:
        try:
            triggers.append((Path(f).name, yaml.safe_load(Path(f).read_text(encoding="utf-8")) or {}))
        except (OSError, yaml.YAMLError) as e:
            raise TriggerError(f"{f}: {e}") from None
    return _parse(data, triggers)


def load_lexicon(data_dir: str = str(DATA_DIR)) -> Lexicon:
    """The lexicon: ``lexicon.yaml`` in ``data_dir`` and the trigger files (packaged plus ``$ACTORGRAPH_TRIGGERS``)."""
    files = trigger_files()
    stamps = tuple((f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    return _load(data_dir, tuple(str(f) for f in files), stamps)
