"""Leaders named through their government ('the Albanese government', 'the Milei administration'), the organisation
they lead ('the Kenya-led mission', 'the Libyan National Army of Khalifa Haftar') (LEADS).

The mention finder reads the government noun as the state and keeps the leader's name as the leader; this rule
states what the phrase says of the two.

>>> # 'The Albanese government negotiated a treaty with Tuvalu.'  ->  Anthony Albanese -LEADS-> Australia
"""

from __future__ import annotations

from collections.abc import Iterator

from extraction.rules.context import Found, RuleContext, _pairs

# Government nouns whose modifier names the one who heads it ('the Petro administration').
HEADED_NOUNS = {"government", "administration", "cabinet", "regime", "presidency", "junta"}


def proxy_leader_rule(ctx: RuleContext) -> Iterator[Found]:
    """'the <leader> government/administration' → the leader LEADS the state the noun stands for."""
    doc = ctx.sent.doc
    for m in ctx.m.mentions:
        if m.via != "proxy" or not (ctx.sent.start <= m.start < ctx.sent.end) or m.end - m.start != 1 \
                or doc[m.start].lower_ not in HEADED_NOUNS or len(m.actors) != 1 or m.start == 0:
            continue
        before = ctx.m.at(doc[m.start - 1])
        if before is None or len(before.actors) != 1 or ctx.kind(before.actor) != "person" or before.end != m.start:
            continue
        if ctx.state_of(before.actor) == m.actor:
            yield Found(before.actor, "LEADS", m.actor, m.start, "proxy:leader", 0.65)


def led_rule(ctx: RuleContext) -> Iterator[Found]:
    """'the Kenya-led mission', 'a U.S.-led coalition' → the leader LEADS the organisation."""
    for tok in ctx.sent:
        if tok.lower_ != "led" or tok.dep_ not in ("amod", "acl", "compound"):
            continue
        leaders = [a for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod") for a in ctx.np_actors(c)]
        org = [a for a in ctx.np_actors(tok.head) if a not in leaders]
        if not org and tok.head.dep_ == "appos":
            org = ctx.np_actors(tok.head.head)  # 'the CSTO, the Moscow-led military alliance'
        for s_, o in _pairs(leaders, org):
            if ctx.kind(o) in ("person", "state"):
                continue
            if ctx.kind(s_) == "igo" and ctx.kind(o) == "igo":
                yield Found(o, "MEMBER_OF", s_, tok.i, "x-led", 0.6)  # 'the NATO-led force': a part of NATO
            else:
                yield Found(s_, "LEADS", o, tok.i, "x-led", 0.6)


def org_of_person_rule(ctx: RuleContext) -> Iterator[Found]:
    """'the Libyan National Army of Khalifa Haftar' → the person LEADS the organisation."""
    doc = ctx.sent.doc
    for m in ctx.m.mentions:
        if not (ctx.sent.start <= m.start < ctx.sent.end) or len(m.actors) != 1:
            continue
        if ctx.kind(m.actor) not in ("armed_group", "other_org", "government_body", "ngo"):
            continue
        j = m.end
        if j + 1 < ctx.sent.end and doc[j].lower_ == "of":
            pm = ctx.m.at(doc[j + 1])
            if pm is not None and len(pm.actors) == 1 and ctx.kind(pm.actor) == "person" and pm.start == j + 1:
                yield Found(pm.actor, "LEADS", m.actor, m.start, "org-of-person", 0.6)
