"""Visits made at someone's invitation: 'X was in Pyongyang at the invitation of Y', 'X arrived in Riyadh at
Y's invitation' (MEETS: a visit meets its host, GUIDE).

>>> # 'Mongolian President X was in Pyongyang at the invitation of Kim Jong Un.'  ->  X -MEETS-> Kim Jong Un
"""

from __future__ import annotations

from collections.abc import Iterator

from extraction.rules.context import Found, RuleContext, _pairs

HOST_KINDS = {"person", "state", "government_body", "igo"}


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
