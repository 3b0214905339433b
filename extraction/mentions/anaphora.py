"""Pass 'anaphora': definite descriptions ('the group', 'the bloc', 'the country', 'the world body') that refer back
to an actor of a fitting kind named just before."""

from __future__ import annotations

from spacy.tokens import Token

from extraction.mentions.lookup import Lookup, main_state
from extraction.mentions.model import FindState, Mention
from extraction.mentions.words import WORLD_BODY

# Definite descriptions that refer back to a named actor, and the kinds they can refer to.
ANAPHORS = {
    "group": ("armed_group", "ngo", "other_org"), "militia": ("armed_group",), "rebels": ("armed_group",),
    "insurgents": ("armed_group",), "movement": ("armed_group", "other_org"), "faction": ("armed_group", "other_org"),
    "bloc": ("igo",), "alliance": ("igo", "other_org", "armed_group"), "organisation": ("igo", "ngo", "other_org"),
    "organization": ("igo", "ngo", "other_org"), "agency": ("igo", "government_body"), "mission": ("igo",),
    "party": ("other_org",), "coalition": ("other_org", "armed_group"), "country": ("state",),
    "kingdom": ("state",), "republic": ("state",), "company": ("company",), "firm": ("company",),
    "broadcaster": ("media",), "newspaper": ("media",), "council": ("igo", "government_body"),
    "court": ("igo", "government_body", "other_org"), "tribunal": ("igo",), "cartel": ("armed_group",),
    "gang": ("armed_group",), "junta": ("state",), "think-tank": ("ngo",), "institute": ("ngo", "other_org"),
    "report": ("ngo", "igo", "media", "other_org"), "study": ("ngo", "igo", "other_org"),
    "militants": ("armed_group",), "jihadists": ("armed_group",), "militias": ("armed_group",),
    "factions": ("armed_group",), "guerrillas": ("armed_group",), "insurgency": ("armed_group",),
    "body": ("igo", "government_body"), "command": ("government_body",),
    "front": ("armed_group", "other_org"), "office": ("government_body",), "ministry": ("government_body",),
    "framework": ("other_org",), "union": ("igo",), "groups": ("armed_group",),
}
# 'the factions', 'the militias': every such actor named just before (up to three), not only the last.
PLURAL_ANAPHORS = {"factions", "militias", "groups"}


def find_definite_anaphora(lk: Lookup, st: FindState) -> list[Mention]:
    """'the group', 'the bloc', 'the agency': the nearest earlier actor of a fitting kind (two sentences back)."""
    doc, spans, actors = st.doc, st.spans, st.actors
    taken = set(st.taken)  # this pass's own mentions do not overlap either
    out = []
    for tok in doc:
        if tok.i not in taken and tok.lower_ in DESCRIBED_STATE_NOUNS:
            mention = _described_state(lk, st, tok)
            if mention is not None:
                out.append(mention)
                taken.update(range(mention.start, mention.end))
            continue
        kinds = ANAPHORS.get(tok.lower_)
        if kinds is None or tok.i in taken or tok.pos_ != "NOUN":
            continue
        det = [c for c in tok.children if c.dep_ == "det"]
        if not det or det[0].lower_ not in ("the", "this", "that"):
            continue
        world = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.lower_ == "world"]
        if tok.lower_ == "body" and world and WORLD_BODY in lk.gz:
            lk.info(actors, WORLD_BODY)  # 'the world body'
            out.append(Mention(det[0].i, tok.i + 1, (WORLD_BODY,), "anaphor", doc[det[0].i : tok.i + 1].text))
            taken.update(range(det[0].i, tok.i + 1))
            continue
        if any(c.dep_ in ("compound", "poss", "nmod", "appos", "relcl") or (
                c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children))
               for c in tok.children) or tok.dep_ == "appos":
            continue  # 'the Wagner group', 'the group of experts', 'X, the group that ...' name something else
        if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].pos_ == "PROPN":
            continue  # 'the group Hayat Tahrir al-Sham' names it
        window = doc[max(tok.sent.start - 1, 0)].sent.start
        if window > 0:
            window = doc[window - 1].sent.start
        pick = None
        if kinds == ("state",) and tok.lower_ in ("country", "nation"):
            # 'the country' is the one the story is about, unless its own sentence named just one state before it
            here = {m.actor for m in spans if tok.sent.start <= m.start < tok.i and len(m.actors) == 1
                    and not m.place_only and not m.incidental and actors.get(m.actor) is not None
                    and actors[m.actor].kind == "state"}
            pick = next(iter(here)) if len(here) == 1 else main_state(spans, actors, tok.i)
        if pick is None:
            # 'the mission' after 'the African Union Support and Stabilization Mission': an actor whose own
            # name has the noun as a word, named in the last few sentences, before any nearer actor of the kind
            far = tok.sent.start
            for _ in range(4):
                far = doc[max(far - 1, 0)].sent.start
            word = tok.lemma_.lower()
            for m in sorted(spans, key=lambda m: -m.start):
                if m.start >= tok.i or m.start < far or len(m.actors) != 1 or m.place_only:
                    continue
                info = actors.get(m.actor)
                if info is not None and info.kind in kinds and info.kind != "state" and any(
                        w.lower().rstrip("s") == word.rstrip("s") for n in (info.name, *info.aliases)
                        for w in n.split()[1:]):
                    pick = m.actor
                    break
        picks: list[str] = []
        plural = tok.tag_ == "NNS" and tok.lower_ in PLURAL_ANAPHORS
        for m in sorted(spans, key=lambda m: -m.start):
            if pick:
                break
            if m.start >= tok.i or m.start < window or len(m.actors) != 1 or m.place_only:
                continue
            info = actors.get(m.actor)
            if info is not None and info.kind in kinds and m.actor not in picks:
                picks.append(m.actor)
                if not plural or len(picks) == 3:
                    break
        refs = (pick,) if pick else tuple(picks)
        if refs:
            start = det[0].i
            out.append(Mention(start, tok.i + 1, refs, "anaphor", doc[start : tok.i + 1].text))
            taken.update(range(start, tok.i + 1))
    return out


# Nouns that, with a describing word, take up a state named just before: 'the Gulf state', 'the island nation',
# 'the (gas-rich) emirate'. Bare 'the state' or 'the nation' is too often the speaker's own or the abstract state.
DESCRIBED_STATE_NOUNS = {"state", "nation", "emirate"}


def _described_state(lk: Lookup, st: FindState, tok: Token) -> Mention | None:
    """'the Gulf state', 'the island nation': the one state named in this or the previous sentence that could be
    meant (the only one named, or the only one acting as a subject), never the subject of the clause it stands in;
    else none."""
    doc, spans, actors = st.doc, st.spans, st.actors
    det = [c for c in tok.children if c.dep_ == "det"]
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    if not det or det[0].lower_ != "the" or (not mods and tok.lower_ != "emirate") or not tok.is_lower or tok.tag_ != "NN" \
            or tok.dep_ in ("compound", "amod", "appos") or any(
                c.dep_ in ("poss", "nummod", "relcl", "appos") or (c.dep_ == "prep" and c.lower_ == "of")
                for c in tok.children):
        return None  # 'the state media', 'the state of emergency', 'the Indian state of Kerala'
    if any(any(m.start <= k < m.end for m in spans) for c in mods for k in range(c.left_edge.i, c.i + 1)) \
            or doc[tok.i + 1 : tok.i + 2].text[:1].isupper():
        return None  # 'the Lebanese state', 'the U.S. state', 'the nation Kiribati' name it or another one
    if any(m.start <= det[0].i < m.end or m.start <= tok.i < m.end for m in spans):
        return None
    window = doc[max(tok.sent.start - 1, 0)].sent.start
    verb = tok.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    clause_subject = {i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                      for i in range(c.left_edge.i, c.right_edge.i + 1)}
    # 'China criticised the island nation', 'Katz accused the Gulf state': not the one speaking of it (or its state)
    speaking = {x for m in spans if m.start in clause_subject for a in m.actors
                for x in (a, actors[a].state if a in actors else None) if x}
    candidates: list[str] = []
    subjects: list[str] = []
    for m in sorted(spans, key=lambda m: -m.start):
        if not window <= m.start < tok.i or len(m.actors) != 1 or m.place_only or m.incidental:
            continue
        info = actors.get(m.actor)
        if info is None or info.kind != "state" or m.actor in speaking:
            continue
        if m.actor not in candidates:
            candidates.append(m.actor)
        head = doc[m.end - 1]
        if any(a.dep_ in ("nsubj", "nsubjpass") for a in (head, *head.ancestors)
               if a.sent.start == head.sent.start) and m.actor not in subjects:
            subjects.append(m.actor)
    pick = candidates[0] if len(candidates) == 1 else subjects[0] if len(subjects) == 1 else None
    if pick is None:
        return None
    lk.info(actors, pick)
    return Mention(det[0].i, tok.i + 1, (pick,), "anaphor", doc[det[0].i : tok.i + 1].text)
