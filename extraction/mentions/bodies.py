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
        span = doc[start:end]
        state = None
        # "<State>['s] <body>" or "<Demonym> <body>"
        j = start - 1
        if j >= 0 and doc[j].text in ("'s", "’s"):
            j -= 1
        prefix = lk.state_ending_at(doc, j)
        if prefix:
            state, pstart = prefix
            span = doc[pstart:end]
            start = pstart
        elif end + 1 < len(doc) and doc[end].lower_ == "of":
            suffix = lk.state_starting_at(doc, end + 1)
            if suffix:
                state, send = suffix
                span = doc[start:send]
                end = send
        if state is None:
            continue
        aid = lk.body_actor(state, key, actors)
        actors[aid].aliases.add(span.text)
        out.append(Mention(start, end, (aid,), "body", span.text))
    return out
