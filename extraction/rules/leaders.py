"""Leaders named through their government ('the Albanese government', 'the Milei administration'), the organisation
they lead ('the Kenya-led mission', 'the Libyan National Army of Khalifa Haftar') (LEADS).

The mention finder reads the government noun as the state and keeps the leader's name as the leader; this rule
states what the phrase says of the two.

>>> # 'The Albanese government negotiated a treaty with Tuvalu.'  ->  Anthony Albanese -LEADS-> Australia
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

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
    for tok in ctx.sent:
        # 'the Albanese government negotiated ...' where the finder read 'government' as no actor of its own: the
        # person's own state, known to the gazetteer
        if tok.lower_ not in HEADED_NOUNS or ctx.m.at(tok) is not None or tok.i == ctx.sent.start:
            continue
        before = ctx.m.at(doc[tok.i - 1])
        if before is None or before.end != tok.i or len(before.actors) != 1 or ctx.kind(before.actor) != "person" \
                or before.actor not in ctx.gz or before.via == "pronoun":
            continue  # ('his government' names no one: the pronoun's antecedent may be wrong)
        state = ctx.state_of(before.actor)
        if state and any(o.of == state and getattr(ctx.lex.roles.get(o.role), "leads", False)
                         for o in ctx.gz.get(before.actor).offices):
            yield Found(before.actor, "LEADS", state, tok.i, "proxy:leader", 0.65)


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


# 'X assumed power', 'Y seized power in Z', 'W came to power', 'V took the helm of the commission' (LEADS).
POWER_VERBS = {"assume", "take", "seize", "grab", "come", "return", "rise", "sweep", "ascend"}
POWER_NOUNS = {"power", "presidency", "premiership", "helm", "reins", "throne", "office"}


def power_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Kim Jong Un assumed power in 2011', 'Captain X seized power in Burkina Faso', 'Milei came to power': the person
    leads the state named with 'in' or 'of' (else their own known state), or the organisation whose helm they took."""
    for tok in ctx.sent:
        if tok.lemma_.lower() not in POWER_VERBS or tok.pos_ != "VERB" or ctx.negated(tok):
            continue
        nouns = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in POWER_NOUNS]
        nouns += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                  if p.dep_ == "pobj" and p.lemma_.lower() in POWER_NOUNS]
        if not nouns or (nouns[0].lemma_.lower() == "office" and not _as_leader(ctx, tok, nouns[0])):
            continue  # 'took office as defence minister' leads nothing
        people = [a for a in ctx.subject_actors(tok) if ctx.kind(a) == "person"]
        if not people:
            continue
        preps = [c for h in (tok, nouns[0]) for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "of")]
        led = [a for c in preps for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)
               if ctx.kind(a) == "state" or (c.lower_ == "of" and ctx.kind(a) not in ("person", ""))]
        for person in people:
            for org in led or [s for s in (ctx.state_of(person),) if s]:
                yield Found(person, "LEADS", org, tok.i, f"power:{tok.lemma_.lower()}", 0.6)


def _as_leader(ctx: RuleContext, verb: Token, noun: Token) -> bool:
    """'took office as president' (a leading role), or 'took office' with no role said."""
    roles = [ctx.lex.role_of(p.lemma_.lower()) or ctx.lex.role_of(p.text) for h in (verb, noun) for c in h.children
             if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
    return all(r is not None and r.leads for r in roles)
