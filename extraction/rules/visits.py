"""Visits: made at someone's invitation ('X was in Pyongyang at the invitation of Y', 'X arrived in Riyadh at
Y's invitation') and arrivals of a delegation in a foreign capital ('a U.S. delegation is to arrive in Honiara')
(MEETS: a visit meets its host, GUIDE).

>>> # 'Mongolian President X was in Pyongyang at the invitation of Kim Jong Un.'  ->  X -MEETS-> Kim Jong Un
"""

from __future__ import annotations

from collections.abc import Iterator

from extraction.rules.context import Found, RuleContext, _pairs

HOST_KINDS = {"person", "state", "government_body", "igo"}
GUEST_KINDS = {"person", "government_body", "igo"}


def invitation_rule(ctx: RuleContext) -> Iterator[Found]:
    """'at the invitation of Y' / "at Y's invitation" on a clause: its subject meets Y."""
    for tok in ctx.sent:
        if tok.lemma_.lower() != "invitation" or tok.dep_ != "pobj" or tok.head.lower_ != "at":
            continue
        verb = tok.head.head
        if verb.pos_ not in ("VERB", "AUX") or ctx.negated(verb):
            continue
        hosts = [a for c in tok.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        hosts += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        hosts = [a for a in hosts if ctx.kind(a) in HOST_KINDS]
        guests = [a for a in ctx.subject_actors(verb) if ctx.kind(a) in HOST_KINDS]
        for g, h in _pairs(guests, hosts):
            yield Found(g, "MEETS", h, tok.i, "visit:invitation", 0.6)


def arrival_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Senior officials from the AU and the UN arrived in the Central African Republic', 'a White House delegation is
    to arrive in Honiara': people or a delegation arriving in another state (named, or by its capital) visit it.
    Troops, ships or refugees that arrive are no visit: the subject must be a person, a body or an organisation,
    or a delegation noun (word class ``visitor_nouns``)."""
    for tok in ctx.sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in ctx.lex.word_class("arrival_verbs") \
                or ctx.negated(tok) or ctx.blocked(tok) or tok.tag_ == "VBG":
            continue  # ('were seen arriving at the palace in Khartoum': a sighting, no visit told)
        places = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj"]
        hosts = [m.actor for p in places if (m := ctx.m.at(p)) is not None and len(m.actors) == 1
                 and ctx.kind(m.actor) == "state" and m.via in ("capital", "name")]
        if not hosts:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and tok.dep_ == "xcomp":  # 'is to arrive', 'is expected to arrive'
            subj = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or (ctx.m.at(subj) is None and subj.lemma_.lower() not in ctx.lex.word_class("visitor_nouns")):
            continue
        guests = [a for a in ctx.np_actors(subj) if ctx.kind(a) in GUEST_KINDS | ({"state"} if ctx.m.at(subj) is None
                                                                                   else set())]
        for g, h in _pairs(guests, hosts):
            if g != h and ctx.state_of(g) != h:
                yield Found(g, "MEETS", h, tok.i, f"visit:{tok.lemma_.lower()}", 0.6)
