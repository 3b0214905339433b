"""Members listed by what their organisation includes: 'the Mercosur bloc, which also includes Uruguay and
Paraguay', 'the forum groups 18 Pacific states, among them Fiji' (MEMBER_OF, member → organisation).

>>> # 'Mercosur, which includes Uruguay and Paraguay, …'  ->  Uruguay -MEMBER_OF-> Mercosur, Paraguay -MEMBER_OF-> Mercosur
"""

from __future__ import annotations

from collections.abc import Iterator

from extraction.rules.context import Found, RuleContext

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
