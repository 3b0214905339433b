"""Relation rules over the dependency parse.

Each rule yields :class:`Found` candidates — (source, type, target) with the
trigger token and the rule's name — that the extractor turns into relations
with evidence. Rules are general: they read trigger words from the lexicon and
arguments from grammatical roles, never from particular sentences.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from extraction.lexicon import Lexicon
from extraction.mentions import DocMentions

SUBJ = {"nsubj", "nsubjpass", "csubj"}
OBJ = {"dobj", "attr", "dative", "oprd"}
NP_MODS = {"poss", "compound", "amod", "nmod", "appos", "npadvmod"}
TARGET_PREPS = {"against", "on", "with", "at", "to", "toward", "towards", "targeting", "upon", "over", "of"}
NEGATIONS = {"not", "never", "n't", "no"}
RELPRON = {"that", "which", "who", "whom"}
WITH_SYMMETRIC = {"MEETS", "NEGOTIATES", "COOPERATES_WITH", "ALLIED_WITH"}


@dataclass(frozen=True)
class Found:
    source: str
    type: str
    target: str
    trigger: int        # token index of the trigger word
    rule: str
    confidence: float


class RuleContext:
    def __init__(self, sent: Span, mentions: DocMentions, lex: Lexicon) -> None:
        self.sent = sent
        self.m = mentions
        self.lex = lex

    # -- argument finding ---------------------------------------------------

    def np_actors(self, tok: Token, depth: int = 0) -> list[str]:
        """Actors an NP headed by ``tok`` names: the head itself, its possessor/modifiers, its conjuncts."""
        out: list[str] = []
        m = self.m.at(tok)
        if m is not None and not m.place_only:
            out.extend(m.actors)
        elif depth < 3:
            for child in tok.children:
                if child.dep_ in NP_MODS:
                    out.extend(self.np_actors(child, depth + 1))
        if depth < 3:
            for child in tok.children:
                if child.dep_ == "conj":
                    out.extend(self.np_actors(child, depth + 1))
        return list(dict.fromkeys(out))

    def subject_actors(self, verb: Token) -> list[str]:
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in RELPRON and verb.dep_ == "relcl":
                    return self.np_actors(verb.head)
                found = self.np_actors(child)
                if found:
                    return found
                # "Experts at WOLA say" / "the U.S. operation that": the actor inside the subject NP.
                for sub in child.children:
                    if sub.dep_ == "prep" and sub.lower_ in ("at", "from", "of", "with"):
                        for pobj in sub.children:
                            if pobj.dep_ == "pobj":
                                found = self.np_actors(pobj)
                                if found:
                                    return found
                return []
            if child.dep_ == "agent":  # passive "by X"
                for pobj in child.children:
                    return self.np_actors(pobj)
        # Non-finite verbs inherit the subject of the verb they hang from.
        if verb.dep_ in ("xcomp", "advcl", "pcomp", "conj", "ccomp") and verb.head is not verb:
            head = verb.head
            if head.dep_ == "prep":
                head = head.head
            if verb.dep_ == "ccomp":
                return []
            return self.subject_actors(head)
        return []

    def object_actors(self, verb: Token) -> list[str]:
        for child in verb.children:
            if child.dep_ in OBJ or child.dep_ == "nsubjpass":
                found = self.np_actors(child)
                if found:
                    return found
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = self.np_actors(pobj)
                        if found:
                            return found
        return []

    def negated(self, tok: Token) -> bool:
        return any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in tok.children)


def verb_rule(ctx: RuleContext) -> Iterator[Found]:
    """Subject → object of a trigger verb: 'Trump praised Colombia'."""
    for tok in ctx.sent:
        if tok.pos_ not in ("VERB", "AUX") and tok.dep_ != "ROOT":
            continue
        types = ctx.lex.verb_types(tok.lemma_)
        if not types or ctx.negated(tok):
            continue
        subj = ctx.subject_actors(tok)
        obj = ctx.object_actors(tok)
        passive = any(c.dep_ == "nsubjpass" for c in tok.children)
        if passive:
            subj, obj = [a for c in tok.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)], obj
        for s in subj:
            for o in obj:
                if s != o:
                    yield Found(s, types[0], o, tok.i, f"verb:{tok.lemma_}", 0.7)


def title_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Colombian President Gustavo Petro' → LEADS; 'Foreign Minister X' → MEMBER_OF."""
    doc = ctx.sent.doc
    for m in ctx.m.mentions:
        if m.start < ctx.sent.start or m.end > ctx.sent.end or m.via not in ("name", "ner", "surname"):
            continue
        info = ctx.m.actors.get(m.actor)
        if info is None or info.kind != "person":
            continue
        i = m.start - 1
        role = None
        while i >= ctx.sent.start and doc[i].is_title and not ctx.m.at(doc[i]):
            r = ctx.lex.role_of(doc[i].text) or (i > ctx.sent.start and ctx.lex.role_of(f"{doc[i-1].text} {doc[i].text}"))
            if r:
                role = r
                break
            i -= 1
        if role is None:
            continue
        before = ctx.m.at(doc[i - 1]) if i - 1 >= ctx.sent.start else None
        state = None
        if before is not None and ctx.m.actors[before.actor].kind in ("state", "igo", "ngo", "government_body", "armed_group"):
            state = before.actor
        elif info.state:
            state = info.state
        if state:
            yield Found(m.actor, "LEADS" if role.leads else "MEMBER_OF", state, m.start, f"title:{role.key}", 0.8)


def of_org_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Elizabeth Dickinson of the International Crisis Group' → MEMBER_OF."""
    for tok in ctx.sent:
        m = ctx.m.at(tok)
        if m is None or tok.i != m.end - 1 or ctx.m.actors[m.actor].kind != "person":
            continue
        nxt = tok.nbor(1) if tok.i + 1 < ctx.sent.end else None
        if nxt is None or nxt.lower_ not in ("of", "at", "from"):
            continue
        j = nxt.i + 1
        if j < ctx.sent.end and ctx.sent.doc[j].lower_ == "the":
            j += 1
        if j >= ctx.sent.end:
            continue
        org = ctx.m.at(ctx.sent.doc[j])
        if org and ctx.m.actors[org.actor].kind in ("igo", "ngo", "government_body", "armed_group", "company", "media", "other_org"):
            yield Found(m.actor, "MEMBER_OF", org.actor, tok.i, "of-org", 0.8)


RULES = (verb_rule, title_rule, of_org_rule)
