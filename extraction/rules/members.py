"""Members listed by what their organisation includes: 'the Mercosur bloc, which also includes Uruguay and
Paraguay', 'the forum groups 18 Pacific states, among them Fiji', by being 'part of' or 'a member of' it, or as 'X of the
International Crisis Group' (MEMBER_OF, member → organisation).

>>> # 'Mercosur, which includes Uruguay and Paraguay, …'  ->  Uruguay -MEMBER_OF-> Mercosur, Paraguay -MEMBER_OF-> Mercosur
"""

from __future__ import annotations

from collections.abc import Iterator

from extraction.rules.context import ORG_KINDS, Found, RuleContext, _pairs

# Verbs by which an organisation names its members.
INCLUDING_VERBS = {"include", "comprise", "group", "count"}
# Organisations that have members, and what may be one.
MEMBERSHIP_ORGS = {"igo"}
MEMBER_KINDS = {"state", "igo"}


def include_rule(ctx: RuleContext) -> Iterator[Found]:
    """'<igo>(, which) includes/comprises A and B' → A, B MEMBER_OF the igo."""
    for tok in ctx.sent:
        if tok.lemma_.lower() not in INCLUDING_VERBS or tok.pos_ != "VERB" or ctx.negated(tok):
            continue
        orgs = [a for a in ctx.subject_actors(tok) if ctx.kind(a) in MEMBERSHIP_ORGS]
        members = [a for c in tok.children if c.dep_ == "dobj" for a in ctx.np_actors(c)
                   if ctx.kind(a) in MEMBER_KINDS and a not in orgs]
        for org in orgs[:1]:
            for member in members:
                yield Found(member, "MEMBER_OF", org, tok.i, f"member:{tok.lemma_.lower()}", 0.6)


def member_noun_rule(ctx: RuleContext) -> Iterator[Found]:
    """'ASEAN members Thailand and Cambodia', 'NATO member Turkey', 'fellow EU members Hungary and Slovakia': the
    states named with 'member' and an organisation's name before it → MEMBER_OF."""
    doc = ctx.sent.doc
    for tok in ctx.sent:
        if tok.lemma_.lower() != "member" or tok.pos_ != "NOUN":
            continue
        orgs = [a for c in tok.children if c.dep_ in ("compound", "nmod") and c.i < tok.i for a in ctx.np_actors(c)
                if ctx.kind(a) in MEMBERSHIP_ORGS]
        if len(orgs) != 1:
            continue
        named = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "compound" and tok.head.i == tok.i + 1 and ctx.m.at(tok.head) is not None:
            named.append(tok.head)  # 'NATO member Turkey': the name is the head the title hangs on
        after = ctx.m.at(doc[tok.i + 1]) if tok.i + 1 < ctx.sent.end else None
        members = [a for n in named for a in ctx.np_actors(n) if ctx.kind(a) in MEMBER_KINDS and a not in orgs]
        if not members and after is not None and after.start == tok.i + 1:
            members = [a for a in after.actors if ctx.kind(a) in MEMBER_KINDS and a not in orgs]
        for member in dict.fromkeys(members):
            yield Found(member, "MEMBER_OF", orgs[0], tok.i, "member-noun", 0.6)


PART_NOUNS = {"part", "member", "members", "wing", "branch", "affiliate", "affiliates", "arm", "component", "components",
              "faction", "factions", "unit", "units"}


def part_of_rule(ctx: RuleContext) -> Iterator[Found]:
    """'The factions are part of the Popular Mobilisation Forces', 'X is a member of NATO' → MEMBER_OF."""
    for tok in ctx.sent:
        if tok.lemma_ not in ("be", "remain") or ctx.negated(tok):
            continue
        # the subject must name the actor itself: "Chad's security is part of Sudan's" makes no member
        subj = [a for c in tok.children if c.dep_ in ("nsubj",) and ctx.m.at(c) is not None for a in ctx.np_actors(c)]
        for attr in (c for c in tok.children if c.dep_ == "attr" and c.lower_ in PART_NOUNS):
            orgs = [a for p in attr.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj" for a in ctx.np_actors(o)]
            for s_, o in _pairs(subj, orgs):
                if ctx.kind(o) != "person":
                    yield Found(s_, "MEMBER_OF", o, attr.i, "part-of", 0.65)
        # 'Nigeria is the largest economy in ECOWAS', 'the two are the wealthiest in the 18-member Forum': a state
        # ranked within an intergovernmental organisation is one of its members
        for attr in (c for c in tok.children if c.dep_ == "attr" and (c.tag_ == "JJS" or any(
                a.dep_ == "amod" and a.tag_ == "JJS" for a in c.children))):
            orgs = [a for p in attr.children if p.dep_ == "prep" and p.lower_ in ("in", "of", "among")
                    for o in p.children if o.dep_ == "pobj" for a in ctx.np_actors(o) if ctx.kind(a) == "igo"]
            for s_, o in _pairs(subj, orgs):
                if ctx.kind(s_) == "state":
                    yield Found(s_, "MEMBER_OF", o, attr.i, "part-of:ranked", 0.6)


def of_org_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Elizabeth Dickinson of the International Crisis Group' → MEMBER_OF."""
    doc = ctx.sent.doc
    for m in ctx.m.mentions:
        if not (ctx.sent.start <= m.start < ctx.sent.end) or len(m.actors) != 1 or ctx.kind(m.actor) != "person":
            continue
        j = m.end
        if j < ctx.sent.end and doc[j].text == ",":
            j += 1  # 'X, a researcher at Y' is handled by the appos rule; 'X, of Y' here
        if j >= ctx.sent.end or doc[j].lower_ not in ("of", "at", "from", "with"):
            continue
        j += 1
        if j < ctx.sent.end and doc[j].lower_ == "the":
            j += 1
        if j >= ctx.sent.end:
            continue
        org = ctx.m.at(doc[j])
        if org and len(org.actors) == 1 and ctx.kind(org.actor) in ORG_KINDS:
            yield Found(m.actor, "MEMBER_OF", org.actor, m.start, "of-org", 0.8)


def behalf_rule(ctx: RuleContext) -> Iterator[Found]:
    """'X attended the inauguration on behalf of Ireland', 'Y signed on behalf of Kenya': a person acting for a state
    serves it (MEMBER_OF; LEADS when the gazetteer has them leading it)."""
    for tok in ctx.sent:
        if tok.lower_ != "behalf" or tok.head.lower_ not in ("on", "in") or tok.head.dep_ != "prep":
            continue
        states = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj" for a in ctx.np_actors(p) if ctx.kind(a) == "state"]
        verb, people = tok.head.head, []
        for _ in range(4):  # 'was speaking after attending the inauguration on behalf of X': the speaker
            people = [a for a in ctx.subject_actors(verb) if ctx.kind(a) == "person"] if verb.pos_ in ("VERB", "AUX") \
                else []
            if people or verb.head.i == verb.i:
                break
            verb = verb.head
        for person in people:
            for state in states:
                offices = ctx.gz.get(person).offices if person in ctx.gz else []
                leads = any(o.of == state and o.end is None and getattr(ctx.lex.roles.get(o.role), "leads", False)
                            for o in offices)
                yield Found(person, "LEADS" if leads else "MEMBER_OF", state, tok.i, "on-behalf", 0.6)
