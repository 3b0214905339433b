"""Small helpers the relation rules share: the :class:`Found` record, pairing actors, event stems, polarity of a
label, and the clause tests that need no document state."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from extraction.rules.vocabulary import (
    DEAL_NOUNS,
    INTENT_NOUNS,
    IRREGULAR_EVENTS,
    NEGATIVE,
    POSITIVE,
    RELPRON,
    SUBJ,
    VERBAL_CUES,
)


@dataclass(frozen=True)
class Found:
    source: str
    type: str
    target: str
    trigger: int        # token index of the trigger word
    rule: str
    confidence: float


def _choose(types: list[str], sent: Span) -> str:
    """A trigger listed under several types: 'attack' is CRITICISES in words, COERCES otherwise."""
    if len(types) > 1 and "CRITICISES" in types:
        verbal = any(t.lower_ in VERBAL_CUES for t in sent)
        return "CRITICISES" if verbal else next(t for t in types if t != "CRITICISES")
    return types[0]


def _sentences_back(sent: Span, n: int) -> int:
    """The first token of the sentence ``n`` sentences before ``sent``."""
    start = sent.start
    for _ in range(n):
        if start == 0:
            break
        start = sent.doc[start - 1].sent.start
    return start


def party_key(lemma: str) -> str:
    """The key the parties of a symmetric act are kept under: one for every deal noun, else the event stem."""
    return "deal" if lemma.lower() in DEAL_NOUNS else event_stem(lemma)


def event_stem(lemma: str) -> str:
    """A crude shared stem for a verb and its event noun: demolish/demolition, deport/deportation, strike/strikes,
    detain/detention."""
    lemma = lemma.lower()
    lemma = IRREGULAR_EVENTS.get(lemma, lemma)
    return lemma[:5] if len(lemma) > 5 else lemma


def intent_clause(verb: Token) -> bool:
    """'[to impose] sanctions' hanging on 'decision', 'move', 'plan': the act decided on."""
    return verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in INTENT_NOUNS \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _relpron_as_object_only(verb: Token) -> bool:
    """A relative clause whose 'which/who' the parser made the object though the clause has no subject and another
    complement: 'X, which both trade with Y' (the relative pronoun is the subject)."""
    return any(c.dep_ == "dobj" and c.lower_ in RELPRON for c in verb.children) \
        and not any(c.dep_ in SUBJ | {"nsubjpass"} for c in verb.children) \
        and any(c.dep_ == "prep" for c in verb.children)


def _polarity(tokens: list[Token]) -> int:
    words = {t.lower_.strip("‘’'\"") for t in tokens} | {t.lemma_.lower() for t in tokens}
    # a word of blame outweighs one of praise: 'a leader of drug traffickers', 'a strong enemy'
    return -1 if words & NEGATIVE else int(bool(words & POSITIVE))


def each_other(tok: Token) -> bool:
    """'each other', 'one another' (by the words, whatever the parser made of 'each' and 'one')."""
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return (tok.lower_ == "other" and prev == "each") or (tok.lower_ == "another" and prev == "one")


def _pairs(sources: list[str], targets: list[str]) -> Iterator[tuple[str, str]]:
    for s in sources:
        for t in targets:
            if s != t:
                yield s, t


def _group_pairs(actors: list[str]) -> Iterator[tuple[str, str]]:
    for i, a in enumerate(actors):
        for b in actors[i + 1 :]:
            yield a, b


def _governor(tok: Token) -> Token | None:
    """The verb a clause is the complement of: 'agree [to sanction]' (xcomp, ccomp) or, through a preposition,
    'commit to [summoning]', 'refrain from [attacking]' (pcomp); None at the top."""
    if tok.dep_ in ("xcomp", "ccomp") and tok.head.i != tok.i:
        return tok.head
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head
    return None


def of_before(sent: Span, start: int) -> int | None:
    """The index of the 'of' right before a mention that starts at ``start`` ('the president of [the] X'), with a
    word before it in the sentence; None when there is none."""
    doc = sent.doc
    k = start - 1
    if k >= sent.start and doc[k].lower_ == "the":
        k -= 1
    if k - 1 < sent.start or doc[k].lower_ != "of":
        return None
    return k
