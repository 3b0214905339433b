"""Trigger verbs the tagger misread: a verb in -s taken for a plural noun ('The EU sanctions Russia'), or for a
compound of the next name; a verb in -ed taken for a modifier of the next name ('Sisi hosted Isaias in Cairo')."""

from __future__ import annotations

from collections.abc import Iterator

from extraction.rules.context import Found, RuleContext, _pairs


def misread_verb_rule(ctx: RuleContext) -> Iterator[Found]:
    """'The EU sanctions Russia': a trigger verb in -s that the tagger read as a plural noun heading the clause, its
    subject taken for a modifier and its object for an apposition."""
    for tok in ctx.sent:
        if tok.tag_ != "NNS" or tok.dep_ not in ("ROOT", "ccomp") or any(c.pos_ in ("VERB", "AUX") for c in tok.children):
            continue
        types = ctx.lex.verb_types(tok.lemma_)
        subj = [a for c in tok.children if c.dep_ == "compound" and c.i < tok.i for a in ctx.np_actors(c)]
        obj = [a for c in tok.children if c.dep_ in ("appos", "dobj") and c.i > tok.i for a in ctx.np_actors(c)]
        if not types or not subj or not obj or (ctx.lex.noun_types(tok.lemma_) and types[0] not in ctx.lex.noun_types(
                tok.lemma_)):
            continue
        for s, o in _pairs(subj, obj):
            yield Found(s, types[0], o, tok.i, f"verb:{tok.lemma_.lower()}", 0.6)
    yield from _misread_compound_verbs(ctx)
    yield from _misread_participles(ctx)


def _misread_compound_verbs(ctx: RuleContext) -> Iterator[Found]:
    """'The United States sanctions Venezuela over the vote': a trigger verb in -s between two names, parsed as a
    compound of the second name (which then heads the clause)."""
    for tok in ctx.sent:
        if tok.tag_ != "NNS" or tok.dep_ != "compound" or tok.head.i != tok.i + 1 or tok.i == ctx.sent.start:
            continue
        types = ctx.lex.verb_types(tok.lemma_.lower())
        doer, done_to = ctx.m.at(tok.doc[tok.i - 1]), ctx.m.at(tok.head)
        if not types or doer is None or done_to is None or doer is done_to or doer.place_only or done_to.place_only \
                or done_to.start != tok.i + 1 or tok.head.dep_ not in ("ROOT", "ccomp"):
            continue
        for s, o in _pairs(list(doer.actors), list(done_to.actors)):
            yield Found(s, types[0], o, tok.i, f"verb:{tok.lemma_.lower()}", 0.55)


def _misread_participles(ctx: RuleContext) -> Iterator[Found]:
    """'Sisi hosted Isaias in Cairo': a trigger verb in -ed between two names, which the parser took for a modifier
    of the second name (the sentence then has no verb at its root)."""
    if any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") for t in ctx.sent):
        return
    for tok in ctx.sent:
        # (also tagged as a name: 'Ruto hosted Somalia's president', "hosted" a PROPN compound of 'Somalia')
        as_name = tok.tag_ == "NNP" and tok.dep_ in ("amod", "compound") and tok.lower_.endswith("ed")
        misread = as_name or (tok.dep_ == "amod" and tok.tag_ in ("VBD", "VBN") and tok.head.pos_ == "PROPN")
        if not misread or tok.i == ctx.sent.start:
            continue
        lemmas = [tok.lower_[:-2], tok.lower_[:-1]] if as_name else [tok.lemma_.lower()]
        lemma = next((x for x in lemmas if ctx.lex.verb_types(x)), lemmas[0])
        types = ctx.lex.verb_types(lemma)
        name = tok.head
        while ctx.m.at(name) is None and name.dep_ == "compound" and name.head.i != name.i:
            name = name.head  # 'hosted [President] Isaias Afwerki': the title hangs on the name
        if name.dep_ == "poss":
            owned = name.head  # "hosted Somalia's President X": the one owned, when it names an actor
            while ctx.m.at(owned) is None and owned.dep_ == "compound" and owned.head.i != owned.i:
                owned = owned.head
            name = owned if ctx.m.at(owned) is not None else name
        doer, done_to = ctx.m.at(tok.doc[tok.i - 1]), ctx.m.at(name)
        if not types or doer is None or done_to is None or doer is done_to or doer.place_only or done_to.place_only \
                or done_to.start <= tok.i:
            continue
        for s, o in _pairs(list(doer.actors), list(done_to.actors)):
            yield Found(s, types[0], o, tok.i, f"verb:{lemma}", 0.55)
