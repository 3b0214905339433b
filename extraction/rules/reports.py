"""REPORTS_ON: 'according to X', 'X data reveals', 'experts at X describe', 'a report by X'."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.rules.context import (
    GROUP_NOUNS,
    REPORT_VERBS,
    Found,
    RuleContext,
    _pairs,
)
from graph.taxonomy import load_taxonomy


def _clause_actors(ctx: RuleContext, head: Token, exclude: set[str]) -> list[str]:
    """Actors in a clause, not counting those inside its own subordinate clauses."""
    out: list[str] = []

    def walk(tok: Token, top: bool) -> None:
        if not top and tok.dep_ in ("advcl", "relcl", "ccomp", "acl", "xcomp", "parataxis") and tok.pos_ in ("VERB", "AUX"):
            return
        out.extend(ctx.actors_at(tok))
        for c in tok.children:
            walk(c, False)

    walk(head, True)
    return [a for a in dict.fromkeys(out) if a not in exclude and ctx.kind(a) in ("state", "person", "armed_group",
                                                                                     "government_body", "igo", "ngo")]


def _reporters() -> frozenset[str]:
    """Who publishes findings: the taxonomy's sources of REPORTS_ON, less those who only speak (a person, outside a
    named report) or whose words are acts of state (a ministry's 'according to' is a statement, not a study)."""
    return load_taxonomy().source_kinds("REPORTS_ON") - {"person", "government_body", "armed_group"}


def report_rule(ctx: RuleContext) -> Iterator[Found]:
    """'..., according to UNODC'; 'United Nations data reveals ...'; 'Experts at WOLA describe ...'.

    A news outlet's 'reported' or 'according to' credits the news, not findings of its own (an outlet's
    investigation is read by the report-noun rule)."""
    reporters = _reporters() - {"media"}
    for tok in ctx.sent:
        # according to X
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            sources = [a for c in tok.children if c.lower_ == "to" for p in c.children if p.dep_ == "pobj"
                       for a in ctx.np_actors(p)]
            sources = [s for s in sources if ctx.kind(s) in reporters]
            if not sources:
                continue
            # Parses of long reported clauses are fragile: take the words on the reported side of the phrase,
            # up to the next clause break ('..., fueling X's narrative' is the writer's, not the source's).
            src_end = max(t.i for c in tok.children for t in c.subtree) + 1
            if tok.i == ctx.sent.start or ctx.sent.doc[tok.i - 1].text in ("(", "—"):
                span = range(src_end, ctx.sent.end)
            else:
                start = ctx.sent.start
                span = range(start, tok.i)
            targets = [a for i in span for a in ctx.actors_at(ctx.sent.doc[i]) if a not in sources
                       and ctx.kind(a) in ("state", "person", "armed_group", "government_body", "igo", "ngo")]
            for s, o in _pairs(sources, list(dict.fromkeys(targets))):
                yield Found(s, "REPORTS_ON", o, tok.i, "report:according-to", 0.65)
            continue
        # <org / org's data / experts at org> <report verb> <clause>
        in_report = any(c.dep_ == "prep" and c.lower_ == "in"
                        and any(p.lemma_.lower() in ctx.lex.word_class("report_nouns") for p in c.children)
                        for c in tok.children)  # 'warned in a report that ...', 'said in a study'
        if tok.pos_ not in ("VERB", "AUX") or ctx.negated(tok) or not (tok.lemma_.lower() in REPORT_VERBS or in_report):
            continue
        subj_tok = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj_tok is None:
            continue
        sources = [s for s in ctx.np_actors(subj_tok) if ctx.kind(s) in ("igo", "ngo")]
        if not sources and subj_tok.lower_ in GROUP_NOUNS:
            sources = [s for c in subj_tok.children if c.dep_ == "prep" and c.lower_ in ("at", "from", "of")
                       for p in c.children for s in ctx.np_actors(p) if ctx.kind(s) in reporters]
            sources += [s for c in subj_tok.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                        for p in a.children for s in ctx.np_actors(p) if ctx.kind(s) in reporters]
        if not sources:
            continue
        targets: list[str] = []
        for c in tok.children:
            if c.dep_ in ("dobj", "ccomp", "attr", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("on", "about", "in")):
                targets += [a for a in _clause_actors(ctx, c, set(sources))
                            if ctx.kind(a) in ("state", "person", "armed_group", "government_body")]
                if c.dep_ == "dobj" and c.lemma_.lower() in ("relationship", "relations", "ties"):
                    targets += _principal_dyad(ctx)
        if not targets:  # the reported clause hung elsewhere by the parser: what follows the verb
            targets = [a for t in ctx.sent[tok.i - ctx.sent.start + 1 :] for a in ctx.actors_at(t)
                       if a not in sources and ctx.kind(a) in ("state", "person", "armed_group", "government_body")
                       and ctx.m.at(t).via not in ("capital", "seat")]
        for s, o in _pairs(sources, list(dict.fromkeys(targets))):
            yield Found(s, "REPORTS_ON", o, tok.i, f"report:{tok.lemma_.lower()}", 0.6)


def report_noun_rule(ctx: RuleContext) -> Iterator[Found]:
    """'a report by IAEA chief X, which says inspectors had no access to Iran's stockpile' → REPORTS_ON."""
    reporters = _reporters()
    for tok in ctx.sent:
        if tok.lemma_.lower() not in ctx.lex.word_class("report_nouns") or tok.pos_ != "NOUN":
            continue
        sources = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                   for p in c.children for a in ctx.np_actors(p)]
        sources += [a for c in tok.children if c.dep_ in ("poss", "compound") for a in ctx.np_actors(c)]
        sources = [a for a in sources if ctx.kind(a) in reporters | {"person"}]
        if not sources:
            continue
        targets = []
        for c in tok.children:
            if (c.dep_ in ("relcl", "acl") and c.lemma_.lower() in REPORT_VERBS) or (c.dep_ == "prep" and c.lower_ in ("on", "about")):
                targets += [a for t in c.subtree if not any(x.lower_ in TEMPORAL_PREPS for x in t.ancestors
                                                             if x.i > c.i and x.dep_ == "prep")
                            for a in ctx.actors_at(t) if ctx.kind(a) in ("state", "person", "armed_group")]
        for s_, o in _pairs(sources, list(dict.fromkeys(targets))):
            yield Found(s_, "REPORTS_ON", o, tok.i, f"report-noun:{tok.lemma_.lower()}", 0.55)


TEMPORAL_PREPS = {"since", "after", "before", "during", "until", "despite"}


def _principal_dyad(ctx: RuleContext) -> list[str]:
    """The two actors most mentioned in the document (people first): whom 'the relationship' is about."""
    counts = ctx.m.counts
    people = sorted((a for a in counts if ctx.kind(a) == "person"), key=lambda a: -counts[a])[:2]
    return people if len(people) == 2 else []
