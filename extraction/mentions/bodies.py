"""Pass 'bodies': a state's bodies named with the state ("Colombia's Foreign Ministry", 'the U.S. military')."""

from __future__ import annotations

from extraction.mentions.lookup import Lookup
from extraction.mentions.model import FindState, Mention
from extraction.mentions.words import STATE_PROXIES


def find_bodies(lk: Lookup, st: FindState) -> list[Mention]:
    """State bodies: 'Colombia's Foreign Ministry', 'the U.S. military', 'Foreign Ministry of Colombia'."""
    doc, actors = st.doc, st.actors
    out = []
    for start, end, key in lk.lex.find_bodies(doc):
        if end < len(doc) and doc[end].lower_ in STATE_PROXIES | {"junta"}:
            continue  # "Mali's military government" is the government, i.e. the state
        # "<State>['s] <body>", "<Demonym> <body>" or "<body> of <State>"
        state, start, end = lk.state_of(doc, start, end)
        if state is None:
            continue
        if start > 0 and doc[start - 1].text == "Royal":
            start -= 1  # 'the Royal Australian Air Force', 'the Royal Thai Navy': the name takes 'Royal' in
        span = doc[start:end]
        if lk.lex.bodies[key].as_state:
            lk.info(actors, state)  # 'the Mexican embassy': Mexico, as its envoys are
            out.append(Mention(start, end, (state,), "body", span.text))
            continue
        aid = lk.body_actor(state, key, actors)
        actors[aid].aliases.add(span.text)
        out.append(Mention(start, end, (aid,), "body", span.text))
    return out
