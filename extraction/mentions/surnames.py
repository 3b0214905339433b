"""Passes 'surnames' and 'short-names': an actor named in full, named again in short ('Dickinson' for Elizabeth
Dickinson, also across documents; 'Rada' for the Rada Deterrence Force)."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from extraction.mentions.lookup import Lookup
from extraction.mentions.model import ActorInfo, FindState, Mention
from graph.model import slugify


def repoint_surnames(lk: Lookup, st: FindState) -> list[Mention]:
    """Re-point single names to the full-named person ('Dickinson' -> 'Elizabeth Dickinson').

    People named in full in this document come first, then people named in earlier documents.
    """
    doc, spans, actors, taken, known = st.doc, st.spans, st.actors, st.taken, st.known
    missed = _missed_full_names(lk, st)
    last: dict[str, str] = {}
    for p in [a for a in actors.values() if a.kind == "person"]:
        for key in surname_keys(p.name):
            last.setdefault(key, p.id)
    for key, p in known.items():
        if key not in last and p.id not in lk.gz:
            last[key] = p.id
            actors.setdefault(p.id, ActorInfo(p.id, p.name, "person", {p.name}))
    # 'Hassan Sheikh' after 'Hassan Sheikh Mohamud', 'López Obrador' after 'Andrés Manuel López Obrador': the first
    # or last words of a longer name in this document.
    fulls = {p.id: p.name.split() for p in actors.values() if p.kind == "person" and len(p.name.split()) >= 3}
    out = []
    for m in spans:
        info = actors.get(m.actor)
        words = m.text.split()
        longer = [pid for pid, full in fulls.items() if pid != m.actor and len(words) >= 2
                  and len(full) > len(words) and words in (full[: len(words)], full[-len(words):])]
        if m.via == "ner" and info and info.kind == "person" and len(longer) == 1 and m.actor not in lk.gz:
            actors[longer[0]].aliases.add(m.text)
            if all(x.actor != m.actor for x in spans if x is not m):
                actors.pop(m.actor, None)
            out.append(Mention(m.start, m.end, (longer[0],), "surname", m.text))
            continue
        if m.via == "ner" and info and len(m.text.split()) == 1 and m.text in last and last[m.text] != m.actor:
            target = last[m.text]
            actors[target].aliases.add(m.text)
            if m.actor not in lk.gz and all(x.actor != m.actor for x in spans if x is not m):
                actors.pop(m.actor, None)
            m = Mention(m.start, m.end, (target,), "surname", m.text)
        out.append(m)
    out += missed
    claimed = {i for m in missed for i in range(m.start, m.end)}
    # Bare surnames the NER missed or mislabelled (e.g. as GPE).
    for tok in doc:
        if tok.i in taken or tok.i in claimed or tok.text not in last or not tok.is_title:
            continue
        out.append(Mention(tok.i, tok.i + 1, (last[tok.text],), "surname", tok.text))
    return out


def _missed_full_names(lk: Lookup, st: FindState) -> list[Mention]:
    """'... and Ricardo Patiño of Ecuador.' then 'Patiño told': the NER tagged the lone surname a person but missed
    the full name before it. The first run of two or three capitalised proper nouns ending in that surname, none of
    them a known name or a title, is the person's full name (its actor is made here; the surname is linked after)."""
    doc, actors, taken = st.doc, st.actors, st.taken
    # (used as a person somewhere: the subject of a clause or an owner, 'Patiño told', "Patiño's remarks")
    lone = {e.text for e in doc.ents if e.label_ == "PERSON" and len(e) == 1 and e.start not in taken
            and e.text.isalpha() and e.text.istitle() and not doc[e.start]._.headline
            and doc[e.start].dep_ in ("nsubj", "nsubjpass", "poss")}
    named = {k for a in actors.values() if a.kind == "person" for k in surname_keys(a.name)}
    out: list[Mention] = []
    for word in sorted(lone - named):
        for tok in doc:
            if tok.text != word or tok.i in taken or tok.i < 2 or tok._.headline:
                continue
            start = tok.i
            while tok.i - start < 2 and start > 0 and _name_word(lk, doc[start - 1]) and doc[start - 1].i not in taken:
                start -= 1
            if start == tok.i or doc[start].is_sent_start or lk.lex.org_kind(doc[start : tok.i + 1]) \
                    or doc[start - 1].lower_ in ("a", "an", "the"):
                continue  # ('Morgan Tsvangirai' tagged ORG is his name; 'Patriotic Front', 'a Republika Srpska' no one's)
            if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title:
                continue  # a longer name goes on
            text = doc[start : tok.i + 1].text
            aid = lk.gz.lookup(text) or slugify(text)
            if aid in lk.gz:
                continue  # a known name the name pass would have found
            actors.setdefault(aid, ActorInfo(aid, text, "person", {text}))
            out.append(Mention(start, tok.i + 1, (aid,), "surname", text))
            break
    return out


def _name_word(lk: Lookup, tok: Token) -> bool:
    """A word that may begin a person's name: capitalised proper noun, no known name, title or role."""
    return tok.is_title and tok.pos_ == "PROPN" and tok.ent_type_ in ("", "PERSON", "ORG") and tok.text not in lk.forms \
        and not lk.lex.role_of(tok.text) and tok.lower_ not in lk.lex.title_words \
        and tok.text not in lk.lex.name_titles


def find_short_names(lk: Lookup, st: FindState) -> list[Mention]:
    """'the Rada Deterrence Force' ... 'Rada': an organisation named again by its first word."""
    doc, spans, actors, taken = st.doc, st.spans, st.actors, st.taken
    short: dict[str, str] = {}
    for m in spans:
        info = actors.get(m.actor)
        if m.via != "ner" or len(m.actors) != 1 or info is None or info.kind in ("person", "state"):
            continue
        first = doc[m.start]
        if len(m.text.split()) >= 2 and first.is_title and len(first.text) >= 4 and not first.is_stop \
                and first.text not in lk.forms and first.text not in lk.lex.title_words \
                and first.text not in lk.first_words:  # 'Pacific' also begins 'Pacific Islands Forum'
            short.setdefault(first.text, m.actor)
    out = []
    for tok in doc:
        if tok.text in short and tok.i not in taken and not (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title) \
                and not _modifier(tok):
            out.append(Mention(tok.i, tok.i + 1, (short[tok.text],), "short-name", tok.text))
            actors[short[tok.text]].aliases.add(tok.text)
    return out


def _modifier(tok: Token) -> bool:
    """'its Pacific partners', 'the Western Pacific': a word that modifies a common noun or follows a capitalised
    adjective is used as a place word there, not as an organisation's short name."""
    doc = tok.doc
    if tok.dep_ in ("amod", "compound") and tok.head.i > tok.i and tok.head.pos_ == "NOUN" and tok.head.is_lower:
        return True
    return tok.i > 0 and doc[tok.i - 1].is_title and not doc[tok.i - 1].is_sent_start and doc[tok.i - 1].pos_ == "ADJ"


# Common Chinese family names, written first: 'Wang Wenbin' ... 'Wang said'. (Korean 'Kim'/'Lee' are left out:
# they are also Western given and family names; three-part names are read by shape below.)
FAMILY_FIRST = {"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu",
                "Zhu", "Gao", "Lin", "Guo", "Luo", "Liang", "Zheng", "Xie", "Tang", "Feng", "Dong", "Xiao",
                "Cao", "Yuan", "Deng", "Xi", "Shen", "Peng", "Jiang", "Cai", "Jia", "Ding", "Wei", "Pan", "Du",
                "Qin", "Mao", "Lu", "Yu", "Fu"}


def surname_keys(name: str) -> list[str]:
    """'Gimena Sánchez-Garzoli' -> ['Sánchez-Garzoli', 'Sánchez']; single names have none."""
    parts = name.split()
    if len(parts) < 2:
        return []
    last = parts[-1]
    keys = [last]
    if (len(parts) == 3 and len(last) <= 3) or ("-" in last and last.split("-", 1)[1][:1].islower()) \
            or (len(parts) == 2 and parts[0] in FAMILY_FIRST):
        keys.append(parts[0])  # family name first: 'Kim Jong Un' -> 'Kim', 'Lee Jae-myung' -> 'Lee'
    if len(parts) >= 3 and parts[-2].lower() in ("al", "el"):
        keys.append(f"{parts[-2]}-{last}")  # 'Sheikh Mohammed ... Al Thani' -> 'Al-Thani'
    head, _, rest = last.partition("-")
    if rest and head.lower() in ("al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "ibn", "bin", "abu"):
        keys.append(rest)  # 'al-Burhan' -> 'Burhan'
    elif rest:
        keys.append(head)  # 'Sánchez-Garzoli' -> 'Sánchez'
    return keys


def known_people(nodes: Iterable[tuple[str, dict]]) -> dict[str, ActorInfo]:
    """Surname -> person, for people already in the store, when the surname is not shared."""
    seen: dict[str, list[ActorInfo]] = {}
    for node_id, attrs in nodes:
        if attrs.get("kind") == "person":
            for key in surname_keys(attrs.get("name", "")):
                seen.setdefault(key, []).append(ActorInfo(node_id, attrs["name"], "person"))
    return {k: v[0] for k, v in seen.items() if len(v) == 1}
