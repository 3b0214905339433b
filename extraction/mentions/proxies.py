"""Passes 'proxies' and 'bare-proxies': government nouns that stand for a state ('the Petro administration',
"Colombia's government"; 'the junta', 'the army', 'the Treasury' for the state the story is about)."""

from __future__ import annotations

from spacy.tokens import Doc

from extraction.mentions.lookup import Lookup, main_state, previous_subject_state
from extraction.mentions.model import ActorInfo, FindState, Mention
from extraction.mentions.scan import token_indices
from extraction.mentions.words import STATE_PROXIES

BARE_PROXIES = {"junta", "government", "regime", "administration", "authorities", "leadership", "Government"}
# Words that say what sort of government the state has, not whose it is: 'the interim government', 'the junta'.
INTERIM_WORDS = {"military", "interim", "transitional", "caretaker", "provisional", "civilian"}
# Nouns after 'military' for those who rule a state, not its armed forces: "Niger's military rulers", 'the military
# junta'. 'leaders' only in a story of a coup ("Israel's military leaders" elsewhere are its commanders).
MILITARY_RULERS = {"rulers", "junta", "government", "regime", "leadership", "authorities", "leaders"}
# Words that make a story one of a coup, where the military's leaders are the state's rulers.
COUP_WORDS = {"coup", "junta", "putsch", "putschists"}


def _military_rulers(doc: Doc, i: int) -> bool:
    """Whether 'military' at ``i`` starts 'military rulers' (or 'military leaders' in a story of a coup)."""
    if doc[i].lower_ != "military" or i + 1 >= len(doc) or doc[i + 1].lower_ not in MILITARY_RULERS:
        return False
    if doc[i + 1].lower_ != "leaders":
        return True
    coup = doc.user_data.get("actorgraph_coup")
    if coup is None:
        coup = doc.user_data["actorgraph_coup"] = bool(token_indices(doc, COUP_WORDS))
    return bool(coup)


def find_proxies(lk: Lookup, st: FindState) -> list[Mention]:
    """'the Petro administration', 'the Maduro government': a leader's name before a government noun."""
    doc, actors = st.doc, st.actors
    out = []
    for i in token_indices(doc, STATE_PROXIES | {"military"}):
        tok = doc[i]
        if _military_rulers(doc, tok.i):
            # "Niger's military leaders", 'the military rulers of Mali': the state (not its armed forces' body)
            state, start, end = lk.state_of(doc, tok.i, tok.i + 2)
            if state is not None and lk.gz.get(state).kind == "state":
                lk.info(actors, state)
                out.append(Mention(start, end, (state,), "proxy", doc[start:end].text))
            continue
        if tok.lower_ not in STATE_PROXIES or tok.i == 0:
            continue
        j = tok.i - 1
        if doc[j].text in ("'s", "’s") and j > 0:
            j -= 1
        whole = lk.state_ending_at(doc, j)
        if whole is not None and whole[1] < j:
            # "South Sudan's government": the whole name, not its last word ('Sudan')
            lk.info(actors, whole[0])
            out.append(Mention(whole[1], tok.i + 1, (whole[0],), "proxy", doc[whole[1] : tok.i + 1].text))
            continue
        prev = doc[j]
        state = None
        aid = lk.forms.get(prev.text, (None, ""))[0]
        if aid is not None and lk.gz.get(aid).kind == "person":
            state = lk.gz.get(aid).country      # 'the Petro administration'
        elif aid is not None or prev.text in lk.gz.demonyms:
            state = lk.gz.state_of(prev.text)  # 'the U.S. administration', "Colombia's government"
        if state and aid is not None and lk.gz.get(aid).kind == "person":
            # Only the noun: the leader's name stays a mention of the leader ("Orbán's government").
            lk.info(actors, state)
            out.append(Mention(tok.i, tok.i + 1, (state,), "proxy", tok.text))
        elif state:
            lk.info(actors, state)
            out.append(Mention(prev.i, tok.i + 1, (state,), "proxy", doc[prev.i : tok.i + 1].text))
    return out


def find_bare_proxies(lk: Lookup, st: FindState) -> list[Mention]:
    """'the junta', 'the government', 'Government spokesman': the state the document is mostly about so far."""
    doc, spans, actors = st.doc, st.spans, st.actors
    taken = set(st.taken)  # this pass's own mentions do not overlap either
    out = []
    for i in token_indices(doc, BARE_PROXIES):
        if i in taken:
            continue
        tok = doc[i]
        prev = doc[tok.i - 1] if tok.i > 0 else None
        first = tok.i
        if prev is not None and prev.lower_ in INTERIM_WORDS and tok.i > 1 and doc[tok.i - 2].lower_ == "the":
            first, prev = tok.i - 1, doc[tok.i - 2]  # 'the interim government', 'the military junta'
        if not ((prev is not None and prev.lower_ == "the") or (tok.is_title and tok.dep_ == "compound")):
            continue
        # (also when the parser hangs 'in Damascus' on the verb: 'backs the government in Damascus')
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"]
        if nxt is not None and nxt.lower_ == "in" and nxt.dep_ == "prep" and nxt not in preps:
            preps.append(nxt)
        in_capital = [lk.gz.capitals.get(g.text) for c in preps
                      for g in c.children if g.dep_ == "pobj" and g.text in lk.gz.capitals]
        if in_capital and in_capital[0]:
            out.append(Mention(tok.i, tok.i + 1, (in_capital[0],), "proxy", tok.text))  # 'the government in Tripoli'
            lk.info(actors, in_capital[0])
            taken.add(tok.i)
            continue
        if any(c.dep_ in ("poss", "compound", "amod", "prep") and c.lower_ not in INTERIM_WORDS for c in tok.children):
            continue  # 'the Kenyan government', 'the government of X' are handled elsewhere
        state = main_state(spans, actors, tok.i)
        if state:
            out.append(Mention(first, tok.i + 1, (state,), "proxy", doc[first : tok.i + 1].text))
            taken.update(range(first, tok.i + 1))
    # 'the military leaders in Niger', 'the military rulers': the state named right after, else the main state.
    for i in token_indices(doc, {"military"}):
        if not _military_rulers(doc, i) or i in taken or i + 1 in taken:
            continue
        tok = doc[i]
        end = tok.i + 2
        after = lk.state_starting_at(doc, end + 1) if end + 1 < len(doc) and doc[end].lower_ == "in" else None
        the = tok.i > 0 and doc[tok.i - 1].lower_ == "the"
        state = after[0] if after else main_state(spans, actors, tok.i) if the else None
        if state and lk.gz.get(state).kind == "state":
            start = tok.i - 1 if the else tok.i
            lk.info(actors, state)
            out.append(Mention(start, end, (state,), "proxy", doc[start:end].text))
            taken.update(range(start, end))
    # 'the army', 'the armed forces': the main state's forces.
    for start, end, key in lk.lex.find_bodies(doc):
        if key not in ("military", "police", "coast-guard") or any(i in taken for i in range(start, end)):
            continue
        if start == 0 or doc[start - 1].lower_ != "the" or doc[start].pos_ not in ("NOUN", "PROPN"):
            continue
        if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") and doc[end].dep_ != "poss":
            continue  # 'the military camp', 'the army chief' keep their own head
        state = _last_body_state(doc, spans, actors, key, start) or main_state(spans, actors, start)
        if state:
            aid = lk.body_actor(state, key, actors)
            # ('the soldiers must return to barracks', 'a shoot-out with the police': forces named only in passing
            # are no actor of the document unless a relation takes them up)
            out.append(Mention(start, end, (aid,), "body", doc[start:end].text, incidental=True))
            taken.update(range(start, end))
    # 'the Treasury', 'the Foreign Ministry' with no state named: the main state's (a capitalised organ name);
    # 'the foreign ministry said' (a description): the ministry of the state the sentence before put forward as its
    # subject ('South Korea convened its security council. The foreign ministry said ...'), else the main state's.
    for start, end, key in lk.lex.find_bodies(doc):
        if key in ("military", "police", "coast-guard", "parliament", "embassy") or any(i in taken for i in range(start, end)):
            continue
        described = doc[start].is_lower and key.endswith("-ministry")
        if start == 0 or doc[start - 1].lower_ != "the" or not (described or (
                doc[start].is_title and doc[start].pos_ == "PROPN")):
            continue
        if end < len(doc) and (doc[end].is_title or doc[end].lower_ == "of" or (
                described and doc[end].pos_ in ("NOUN", "PROPN"))):
            continue  # 'the Treasury Department' (a name), 'the Foreign Ministry of X' (handled elsewhere)
        state = (previous_subject_state(st, start) if described else None) or main_state(spans, actors, start)
        if state:
            aid = lk.body_actor(state, key, actors)
            out.append(Mention(start, end, (aid,), "body", doc[start:end].text))
            taken.update(range(start, end))
    return out


def _last_body_state(doc: Doc, spans: list[Mention], actors: dict[str, ActorInfo], key: str,
                     before: int) -> str | None:
    """The state of the nearest earlier explicit '<State>'s <body>' of this kind, up to four sentences back."""
    far = doc[before].sent.start
    for _ in range(4):
        far = doc[max(far - 1, 0)].sent.start
    for m in sorted(spans, key=lambda m: -m.start):
        if m.start >= before or m.start < far or m.via != "body" or len(m.actors) != 1:
            continue
        info = actors.get(m.actor)
        if info is not None and info.state and m.actor == f"{info.state}-{key}":
            return info.state
    return None
