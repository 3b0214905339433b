"""Pass 'bodies': a state's bodies named with the state ("Colombia's Foreign Ministry", 'the U.S. military')."""

from __future__ import annotations

from extraction.mentions.lookup import Lookup
from extraction.mentions.model import FindState, Mention
from extraction.mentions.words import STATE_PROXIES

# Nouns for those who speak for a body: a body that qualifies one of them acts through them.
SPEAKING_FOR = {"spokesman", "spokeswoman", "spokesperson", "spokespeople", "statement", "spokesmen"}


# Nouns for people of a body, who act as themselves: 'the police chief', 'police officers'.
BODY_PEOPLE = {"officer", "official", "chief", "agent", "personnel", "member", "staff", "commander", "head",
               "spokesman", "employee", "worker", "source", "sources"}


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
        head = doc[end - 1]
        # "Colombia's police chief said", 'challenging Bolivian police officers': a body named only to qualify a
        # person or thing is no sign that it acts in the document (it stays usable by the rules)
        # (but 'the Israeli military spokesman said' is the body speaking)
        # (and 'a Venezuelan navy patrol boat approached': a thing of the body that acts is the body acting; a
        # person of it, 'the police chief said', acts as that person)
        noun = head.head
        chain = {noun.lower_}
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head  # 'navy patrol boat': the boat
            chain.add(noun.lower_)
        modifier = head.dep_ in ("compound", "amod") and noun.i >= end and noun.pos_ in ("NOUN", "PROPN") \
            and not chain & SPEAKING_FOR and not (noun.dep_ in ("nsubj", "nsubjpass") and noun.is_lower
                                                         and not lk.lex.role_of(noun.lower_)
                                                         and noun.lemma_.lower() not in BODY_PEOPLE)
        out.append(Mention(start, end, (aid,), "body", span.text, incidental=modifier))
    return out
