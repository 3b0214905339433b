"""Passes 'pronouns', 'its' and 'it': he/she to the nearest person of that gender, 'its' and a subject 'it' to the
organisation or state they can only stand for."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from extraction.mentions.lookup import Lookup
from extraction.mentions.model import ActorInfo, FindState, Mention
from extraction.mentions.quotes import SPEECH_VERBS

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
HUMAN_NOUNS = {"man", "woman", "suspect", "detainee", "prisoner", "soldier", "journalist", "activist", "son",
               "daughter", "wife", "husband", "boy", "girl", "victim", "driver", "pilot", "student", "doctor"}


def find_pronouns(lk: Lookup, st: FindState) -> list[Mention]:
    """he/she/his/her -> the nearest earlier person of compatible gender."""
    doc, spans, actors = st.doc, st.spans, st.actors  # spans: sorted by start (the merge keeps them so)
    people_before: list[Mention] = []
    covered = {i for m in spans for i in range(m.start, m.end)}
    out = []
    k = 0
    for tok in doc:
        while k < len(spans) and spans[k].start <= tok.i:
            m = spans[k]
            if len(m.actors) == 1 and actors.get(m.actor) and actors[m.actor].kind == "person":
                people_before.append(m)
            k += 1
        low = tok.lower_
        if low not in MALE and low not in FEMALE:
            continue
        if tok.tag_ not in ("PRP", "PRP$"):
            continue
        want = "male" if low in MALE else "female"
        fits = [m for m in people_before[-8:] if actors[m.actor].gender in (None, want)]
        if not fits:
            continue
        unnamed = [t for t in doc[max(tok.sent.start, fits[-1].end):tok.i]
                   if (t.lemma_.lower() in HUMAN_NOUNS and t.dep_ in ("nsubj", "nsubjpass", "appos")
                   and not lk.lex.role_of(t.text)) or (t.lower_ in ("man", "woman") and t.dep_ == "nsubj")]
        if unnamed:
            continue  # 'Police said the man ... his initials': 'his' is the unnamed man
        if any(t.pos_ == "PROPN" and t.dep_ == "nsubj" and t.head.lemma_.lower() in SPEECH_VERBS
               and t.i not in covered for t in doc[fits[-1].end : tok.i]):
            continue  # '... Navalny. ..., Reinsalu said. He said': the speaker since is a name we do not know
        sent_start = tok.sent.start
        if tok.dep_ in ("dobj", "pobj", "dative"):
            # 'Trump hosted a summit for him': 'him' is not the subject of its own clause
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            own = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
            for _ in range(3):  # 'Zelensky hit back at Putin, calling him a liar': the inherited subject too
                if verb.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or verb.head.i == verb.i:
                    break
                if verb.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "dobj" and c.i != tok.i for c in verb.head.children):
                    break  # 'prompting the Treasury to add him': the Treasury adds, so 'him' may be the main subject
                verb = verb.head.head if verb.head.dep_ == "prep" else verb.head
                own |= {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
            fits = [m for m in fits if not any(i in own for i in range(m.start, m.end))] or fits
        same = [m for m in fits if m.start >= sent_start]
        conj_owner = [m for m in same if tok.head.dep_ == "conj" and tok.head.head.i in range(m.start, m.end)]
        subjects = [m for m in same if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
        if conj_owner:
            pick = conj_owner[-1]  # 'Maduro and his wife'
        elif subjects:
            pick = subjects[-1]  # 'Orbán, who met Putin, ... and he called'
        elif same:
            pick = same[-1]
        else:
            # otherwise prefer the main subject of the previous sentence, then the nearest
            prev = [m for m in fits if doc[m.start].sent.start == doc[fits[-1].start].sent.start]
            subj = [m for m in prev if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
                    and doc[m.end - 1].head.dep_ == "ROOT"]
            pick = subj[0] if subj else fits[-1]
        out.append(Mention(tok.i, tok.i + 1, (pick.actor,), "pronoun", tok.text))
    return out


def find_its(lk: Lookup, st: FindState) -> list[Mention]:
    """'its deputy commander': the nearest organisation or state named as a subject just before."""
    doc, spans, actors, taken = st.doc, st.spans, st.actors, st.taken
    out = []
    for tok in doc:
        if tok.lower_ != "its" or tok.i in taken:
            continue
        window = doc[max(tok.sent.start - 1, 0)].sent.start
        pick = None
        # 'sanctioned several PMF figures, including its chairman X': a leader's 'its' is the organisation
        # named nearest before it in the sentence, not the subject that acts on it
        leader = lk.lex.role_of(tok.head.lower_)
        leads_org = leader is not None and leader.key == "leader"
        pick = _its_object(doc, tok, spans, actors)  # 'thanked Poland for its support': Poland
        pick = pick or _its_relative_head(tok, spans, actors)  # 'the Mali junta, which cut ties with its ally'
        for m in sorted(spans, key=lambda m: -m.start) if pick is None else ():
            if m.start >= tok.i or m.start < window or len(m.actors) != 1 or m.place_only:
                continue
            info = actors.get(m.actor)
            if info is None or info.kind == "person":
                continue
            if leads_org and m.start >= tok.sent.start and info.kind in ("armed_group", "igo", "ngo", "other_org",
                                                                         "company"):
                pick = m.actor
                break
            root = doc[m.start:m.end].root  # 'The African Union Support ... Mission in Somalia (AUSSOM) has'
            if any(t.dep_ in ("nsubj", "nsubjpass") for t in (doc[m.end - 1], doc[m.end - 1].head, root)):
                pick = m.actor
                break
        if pick:
            out.append(Mention(tok.i, tok.i + 1, (pick,), "pronoun", tok.text))
    return out


def _its_relative_head(tok: Token, spans: list[Mention], actors: dict[str, ActorInfo]) -> str | None:
    """'its' in a relative clause ('the Mali junta, which has severed ties with its former ally France'): the
    organisation or state the clause is said of, when that noun names one."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "relcl" or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.dep_ != "relcl" or not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that", "who")
                                      for c in cur.children):
        return None
    head = cur.head
    words = [head] + [c for c in head.children if c.dep_ in ("compound", "amod", "poss")]
    found = {a for w in words for m in spans if m.start <= w.i < m.end and len(m.actors) == 1 and not m.place_only
             for a in m.actors if actors.get(a) is not None and actors[a].kind != "person"}
    return next(iter(found)) if len(found) == 1 else None


def _its_object(doc: Doc, tok: Token, spans: list[Mention], actors: dict[str, ActorInfo]) -> str | None:
    """In 'V X for its N' (praised, thanked, criticised, sanctioned X for its N; pressed X over, about or on its
    N) 'its' is X, when X is one organisation or state."""
    noun = tok.head
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("for", "over", "about", "on"):
        return None
    anchor = noun.head.head
    objects = [anchor] if anchor.pos_ in ("NOUN", "PROPN") else [c for c in anchor.children if c.dep_ == "dobj"]
    for obj in objects:
        for m in spans:
            if m.start <= obj.i < m.end and len(m.actors) == 1 and not m.place_only:
                info = actors.get(m.actor)
                if info is not None and info.kind != "person":
                    return m.actor
    return None


def find_it(lk: Lookup, st: FindState) -> list[Mention]:
    """A subject 'it' stands for an organisation or state only when one candidate fits: the subject of the clause
    it hangs from ('Oman said it remained in contact', 'Russia condemned the seizure and said it was ready'),
    else the only one named as a subject earlier in the sentence, else the previous sentence's only one."""
    doc, spans, actors = st.doc, st.spans, st.actors
    by_token = {i: m for m in spans for i in range(m.start, m.end)}
    out = []

    def org(tok: Token) -> str | None:
        m = by_token.get(tok.i)
        if m is None or len(m.actors) != 1 or m.place_only or m.via == "pronoun":
            return None
        info = actors.get(m.actor)
        return m.actor if info is not None and info.kind != "person" else None

    def subjects(lo: int, hi: int) -> set[str]:
        return {a for t in doc[lo:hi] if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ != "it"
                and (a := org(t)) is not None}

    for tok in doc:
        if tok.lower_ == "it" and tok.dep_ == "dobj" and tok.i not in by_token:
            pick = _object_it(doc, tok, org)
            if pick:
                out.append(Mention(tok.i, tok.i + 1, (pick,), "pronoun", tok.text))
            continue
        if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.i in by_token:
            continue
        head = tok.head
        if any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children) and any(
                c.dep_ in ("acomp", "attr") for c in head.children):
            continue  # 'it is unclear whether ...', 'it was time to ...'
        if head.lemma_.lower() in ("seem", "appear", "take", "matter", "rain"):
            continue
        pick = None
        verb = head
        for _ in range(4):  # the subject of the clause 'it' is reported in or coordinated with
            if verb.dep_ not in ("ccomp", "advcl", "conj") or verb.head.i == verb.i:
                break
            verb = verb.head
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                pick = org(subj)
                break
        if pick is None and not (verb.dep_ in ("ccomp", "advcl", "conj") and verb.head.i != verb.i):
            here = subjects(tok.sent.start, tok.i)
            if len(here) == 1:
                pick = next(iter(here))
            elif not here and tok.sent.start > 0:
                prev = doc[tok.sent.start - 1].sent
                there = subjects(prev.start, prev.end)
                if len(there) == 1 and not any(t.lower_ == "it" for t in doc[tok.sent.start:tok.i]):
                    pick = next(iter(there))
        if pick:
            out.append(Mention(tok.i, tok.i + 1, (pick,), "pronoun", tok.text))
    return out


def _object_it(doc: Doc, tok: Token, org: Callable[[Token], str | None]) -> str | None:
    """An object 'it' in a participial clause ('Chad cut ties with Sudan, accusing it of ...'): not the clause's
    subject (that would be 'itself'), so the one other organisation or state the main clause names before it."""
    verb = tok.head
    if verb.dep_ not in ("advcl", "conj", "xcomp") or verb.tag_ != "VBG":
        return None
    main = verb.head
    subj = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    doer = org(subj) if subj is not None else None
    if doer is None:
        return None
    others = {a for t in doc[tok.sent.start : tok.i] if t.i > subj.i and (a := org(t)) is not None and a != doer}
    return next(iter(others)) if len(others) == 1 else None
