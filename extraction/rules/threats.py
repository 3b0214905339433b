"""Threats the verb rule does not read. Ultimatums and demands with a penalty: 'The forum gave Fiji until May 1 to
name an election date, or face
suspension' (DEMANDS, and THREATENS with the penalty: CAMEO 10 and 13), 'ECOWAS gave the junta one week to
reinstate the president', 'urged Y to withdraw or face sanctions' (the penalty of a demand the verb rule reads).
And force not ruled out: 'X has not ruled out military action against Y' (THREATENS: a negated verb that states);
the ultimatum in an obligation's form: 'Y must cede power within a week, or X will take all necessary measures'.

The words are data (word-classes.yaml: ultimatum_verbs, deadline_nouns, deadline_preps, penalty_verbs, hostile_acts); this module
knows only where a granted time span, the act asked for and its penalty sit in a parse."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.rules.context import TARGET_PREPS, Found, RuleContext, _pairs

# How the act asked for hangs on the granting verb or its time noun: 'gave Y a week [to leave]'.
ASKED_DEPS = ("advcl", "xcomp", "ccomp", "acl", "relcl")


def ultimatum_rule(ctx: RuleContext) -> Iterator[Found]:
    """Giver -DEMANDS-> the one given time to act; -THREATENS-> them too when the penalty is named ('or face ...');
    a demand verb's 'or face ...' threatens whom it urges."""
    ultimatum_verbs = ctx.lex.word_class("ultimatum_verbs")
    for tok in ctx.sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        # (the word tests first: they are cheap, and most verbs fail them)
        if (lemma not in ultimatum_verbs and "DEMANDS" not in ctx.lex.verb_types(lemma)) or ctx.negated(tok) \
                or ctx.blocked(tok):
            continue
        if lemma in ultimatum_verbs:
            asked = _granted_act(ctx, tok)
            if asked is None:
                continue
            recipients = [a for c in tok.children if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP"
                          and c.lemma_.lower() not in ctx.lex.word_class("deadline_nouns") for a in ctx.np_actors(c)]
            rule = "ultimatum"
        elif "DEMANDS" in ctx.lex.verb_types(lemma):
            asked = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and _infinitive(c)), None)
            if asked is None or not _penalty(ctx, asked):
                continue  # the demand alone is the verb rule's
            # ('called on Sweden to extradite ... or face a veto')
            recipients = [a for c in tok.children if c.dep_ == "dobj" for a in ctx.np_actors(c)] or [
                a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
            rule = "penalty"
        else:
            continue
        givers = ctx.subject_actors(tok) or ctx.fallback_subject(tok)
        recipients = [a for a in recipients if a not in givers]
        for s, o in _pairs(givers, recipients):
            if rule == "ultimatum":
                yield Found(s, "DEMANDS", o, tok.i, f"{rule}:{lemma}", 0.7)
            if _penalty(ctx, asked):
                yield Found(s, "THREATENS", o, tok.i, f"{rule}:{lemma}", 0.7)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _granted_act(ctx: RuleContext, verb: Token) -> Token | None:
    """The act a granting verb asks for, when it grants a span of time to do it: 'gave Fiji until May 1 [to
    nominate]', 'gave the junta one week [to release]', 'set Y a deadline [to withdraw]'; None otherwise ('gave
    Kyiv weapons to defend itself' grants no time)."""
    deadline_nouns = ctx.lex.word_class("deadline_nouns")
    times = [c for c in verb.children if c.lemma_.lower() in deadline_nouns and c.dep_ in ("dobj", "npadvmod", "dative",
                                                                                            "attr", "oprd")]
    until = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ctx.lex.word_class("deadline_preps")
             and any(p.dep_ == "pobj" for p in c.children)]
    if not times and not until:
        return None
    # ('until the end of the year [to align]': the parser may hang the act on the date)
    dates = [q for u in until for p in u.children if p.dep_ == "pobj" for q in p.subtree if q.pos_ in ("NOUN", "PROPN")]
    return next((c for h in (verb, *times, *dates) for c in h.children if c.dep_ in ASKED_DEPS
                 and c.pos_ in ("VERB", "AUX") and _infinitive(c)), None)


def _penalty(ctx: RuleContext, asked: Token) -> bool:
    """'to name a date, or face suspension': a verb of penalty joined to the asked act by 'or'."""
    penalty_verbs = ctx.lex.word_class("penalty_verbs")
    return any(c.dep_ == "conj" and c.lemma_.lower() in penalty_verbs
               and any(x.lower_ == "or" for x in asked.children if x.dep_ == "cc" and x.i < c.i)
               for c in asked.children)


def rule_out_rule(ctx: RuleContext) -> Iterator[Found]:
    """'X has not ruled out the use of force against Y', 'did not rule out fresh sanctions on Y': X -THREATENS-> Y."""
    hostile = ctx.lex.word_class("hostile_acts")
    for tok in ctx.sent:
        if tok.lemma_.lower() != "rule" or not ctx.negated(tok) or ctx.blocked(tok) \
                or not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
            continue
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        # ('the use of force': what is kept on the table may sit in the object's 'of' phrase)
        if not any(t.lemma_.lower() in hostile or set(ctx.lex.noun_types(t.lemma_.lower())) & {"COERCES", "SANCTIONS"}
                   for o in objs for t in (o, *(q for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                                               for q in p.children if q.dep_ == "pobj"))):
            continue
        targets = [a for h in (tok, *objs) for p in h.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPS
                   for q in p.children if q.dep_ == "pobj" for a in ctx.place_actors(q)]
        sources = ctx.subject_actors(tok) or ctx.fallback_subject(tok)
        for s, o in _pairs(sources, targets):
            yield Found(s, "THREATENS", o, tok.i, "rule-out", 0.65)


# Modals of what the other side will then do: 'or ECOWAS will take all necessary measures'.
WILL_AUX = {"will", "'ll", "would", "shall"}


def or_else_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Y must release the hostages, or X will resume its offensive': X -DEMANDS-> Y and X -THREATENS-> Y."""
    for tok in ctx.sent:
        if tok.pos_ not in ("VERB", "AUX") \
                or not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in tok.children) or ctx.negated(tok):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
        asked = ctx.np_actors(subj) if subj is not None else []
        for conj in (c for c in tok.children if c.dep_ == "conj" and c.i > tok.i):
            if not any(x.dep_ == "cc" and x.lower_ == "or" and tok.i < x.i < conj.i for x in tok.children) \
                    or not any(a.dep_ == "aux" and a.lower_ in WILL_AUX for a in conj.children) or ctx.negated(conj):
                continue
            threateners = [a for c in conj.children if c.dep_ == "nsubj" for a in ctx.np_actors(c)]
            for s, o in _pairs(threateners, [a for a in asked if a not in threateners]):
                yield Found(s, "DEMANDS", o, tok.i, "or-else", 0.65)
                yield Found(s, "THREATENS", o, conj.i, "or-else", 0.65)

