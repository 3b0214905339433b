"""Leaders named through their government: 'the Albanese government', 'the Milei administration' (LEADS).

The mention finder reads the government noun as the state and keeps the leader's name as the leader; this rule
states what the phrase says of the two.

>>> # 'The Albanese government negotiated a treaty with Tuvalu.'  ->  Anthony Albanese -LEADS-> Australia
"""

from __future__ import annotations

from collections.abc import Iterator

from extraction.rules.context import Found, RuleContext

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
