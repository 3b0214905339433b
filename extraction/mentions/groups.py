"""Passes 'groups' and 'group-pronouns': 'the two leaders', 'both countries' as the pair just named (or the two most
named), and 'they'/'them' after such a group in the same sentence."""

from __future__ import annotations

from extraction.mentions.lookup import Lookup
from extraction.mentions.model import FindState, Mention


def find_groups(lk: Lookup, st: FindState) -> list[Mention]:
    """'the two leaders', 'both countries' -> the two most-mentioned people (or states) so far."""
    doc, spans, actors, taken = st.doc, st.spans, st.actors, st.taken
    persons = set(lk.lex.group_nouns.get("persons", []))
    states = set(lk.lex.group_nouns.get("states", []))
    out = []
    for tok in doc:
        if tok.i in taken or tok.lower_ not in persons | states | {"parties", "camps", "belligerents", "delegations"}:
            continue
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet")}
        if not ({"two", "both"} & dets):
            continue
        if tok.lower_ in persons:
            kinds: tuple[str, ...] = ("person",)
        elif tok.lower_ in ("sides", "parties", "camps", "belligerents", "delegations"):
            kinds = ("state", "armed_group", "other_org")  # the sides of a conflict, not the UN urging them
        else:
            kinds = ("state",)
        # 'Mexico called for restraint from both sides': the one speaking to both sides is neither of them
        verb = tok.head
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        speakers = {i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for i in
                    range(c.left_edge.i, c.right_edge.i + 1)} if verb.i < tok.i else set()
        excluded = {x for m in spans if m.start in speakers for a in m.actors
                    for x in (a, (actors.get(a).state if actors.get(a) else None)) if x}
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        recent: list[str] = []  # distinct actors of the right kind, nearest first, within ~2 sentences
        window_start = doc[max(tok.sent.start - 1, 0)].sent.start
        for m in sorted(spans, key=lambda m: -m.start):
            if m.start >= tok.i or len(m.actors) != 1 or m.place_only:
                continue
            info = actors.get(m.actor)
            aid = m.actor
            if info and info.kind == "government_body" and info.state and "state" in kinds:
                aid, info = info.state, actors.get(info.state) or lk.info(actors, info.state)
            elif info and info.kind == "person" and info.state and "state" in kinds and m.start >= tok.sent.start:
                # 'Sánchez met Mohammed VI ... and the two sides signed': the states of the people just named
                aid, info = info.state, actors.get(info.state) or lk.info(actors, info.state)
            if info and info.kind in kinds and aid not in excluded:
                counts[aid] = counts.get(aid, 0) + 1
                first[aid] = m.start
                if m.start >= window_start and aid not in recent:
                    recent.append(aid)
        if kinds == ("person",) and tok.lower_ in ("leaders", "presidents", "heads"):
            # 'both leaders' are people who lead something, not the analyst quoted in between
            leaders = [a for a in recent if a in lk.gz and lk.gz.get(a).offices]
            if len(leaders) >= 2:
                recent = leaders
            leaders = [a for a in counts if a in lk.gz and lk.gz.get(a).offices]
            if len(leaders) >= 2:
                counts = {a: counts[a] for a in leaders}
        # 'Japanese and Philippine troops ... the two countries': the two just named, else the two most named.
        top = recent[:2] if len(recent) >= 2 else sorted(counts, key=lambda a: (-counts[a], first[a]))[:2]
        if len(top) == 2:
            start = min([c.i for c in tok.children if c.dep_ in ("det", "nummod", "predet")] + [tok.i])
            out.append(Mention(start, tok.i + 1, tuple(top), "group", doc[start : tok.i + 1].text))
    return out


def find_group_pronouns(lk: Lookup, st: FindState) -> list[Mention]:
    """'called both leaders and appealed to them': 'they'/'them' after a group anaphor in the same sentence."""
    doc, spans, taken = st.doc, st.spans, st.taken
    out = []
    for m in spans:
        if m.via != "group":
            continue
        sent = doc[m.start].sent
        for tok in doc[m.end : sent.end]:
            if tok.i in taken:
                continue
            if tok.lower_ in ("they", "them") and tok.tag_ == "PRP":
                out.append(Mention(tok.i, tok.i + 1, m.actors, "pronoun", tok.text))
                break
    return out
