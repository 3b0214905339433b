"""Pass 'movements': armed groups the gazetteer lacks, named by what their fighters are called ('Maoist rebels',
'Tamil Tiger guerrillas'), and the same group's plural name ('the Maoists') and adjective before a role ('Maoist
leader X') elsewhere in the document. 'The rebels' after them is the anaphora pass's work."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from extraction.mentions.lookup import Lookup
from extraction.mentions.model import ActorInfo, FindState, Mention
from extraction.mentions.scan import token_indices
from extraction.mentions.words import STATE_PROXIES
from graph.model import slugify

# Nouns for the fighters of a movement: '<Name> rebels' names the movement.
FIGHTER_NOUNS = {"rebels", "insurgents", "guerrillas", "guerillas", "militants", "fighters", "militiamen"}
# Words of faith, ethnicity or stance: 'Islamist militants', 'Kurdish fighters', 'Sunni insurgents' describe people
# with no one identity (GUIDE: groups with no identity are no actors), not a movement's name.
DESCRIPTORS = {"islamist", "islamic", "jihadist", "salafist", "sunni", "shia", "shiite", "shi'ite", "muslim",
               "christian", "catholic", "hindu", "buddhist", "jewish", "arab", "kurdish", "tribal", "ethnic", "armed",
               "opposition", "rebel", "separatist", "secessionist", "baloch", "pashtun", "tuareg", "uighur", "uyghur",
               "fulani", "tamil", "druze", "alawite", "foreign", "local", "western", "eastern", "northern", "southern",
               "government", "militia", "extremist", "radical", "suspected", "former", "anti", "pro"}
# Nouns after the movement's adjective that name one of its people or parts, not another actor: 'Maoist leader'.
MEMBER_NOUNS = {"leader", "leaders", "chief", "commander", "commanders", "spokesman", "spokeswoman", "spokesperson",
                "chairman", "negotiator", "negotiators", "delegation", "delegates", "cadres", "fighters"}


def find_movements(lk: Lookup, st: FindState) -> list[Mention]:
    """'Maoist rebels' -> an armed group 'Maoist rebels' (also 'the Maoists', 'Maoist leader'), when its name is
    capitalised words that name no known actor, state or nationality ('Syrian rebels' are a state's people, not
    one group; 'Houthi rebels' are the gazetteer's)."""
    doc, actors, taken = st.doc, st.actors, st.taken
    names: dict[str, str] = {}  # the movement's adjective ('Maoist', 'Tamil Tiger') -> its actor
    out: list[Mention] = []
    for tok in doc:
        if tok.lower_ not in FIGHTER_NOUNS or tok.i in taken or tok._.headline or tok._.skip:
            continue
        start = tok.i
        while start > tok.sent.start and _name_word(doc, start - 1) and start - 1 not in taken:
            start -= 1
        if start == tok.i and tok.i - 1 == tok.sent.start and _name_word(doc, tok.i - 1, opening=True) \
                and tok.i - 1 not in taken and _named_inside(doc, doc[tok.i - 1].text):
            start = tok.i - 1  # 'Zapatista rebels met ...', with 'the Zapatistas' later in the story
        if start == tok.i or tok.i - start > 3:
            continue
        if start < tok.i and doc[start].lower_ in DESCRIPTORS and tok.i - start == 1:
            continue
        if all(doc[k].lower_ in DESCRIPTORS for k in range(start, tok.i)):
            continue
        adjective = doc[start : tok.i].text
        if tok.i - start == 1 and not _called_so(doc, adjective, tok.i):
            continue  # 'Colombia's Marxist rebels' describes them; 'the Maoists', 'Maoist leader X' name a movement
        if adjective in lk.forms or adjective in lk.gz.demonyms or lk.gz.lookup(adjective) \
                or any(doc[k].text in lk.forms or doc[k].ent_type_ in ("GPE", "LOC") for k in range(start, tok.i)):
            continue  # 'Syrian rebels', 'Houthi rebels', 'Darfur rebels': a nation's, a known group's, a place's
        if adjective not in names:
            text = f"{adjective} {tok.lower_}"
            aid = slugify(text)
            actors.setdefault(aid, ActorInfo(aid, text, "armed_group", {text, _plural(adjective)}))
            names[adjective] = aid
    if not names:
        return out
    for adjective, aid in names.items():
        words = adjective.split()
        n = len(words)
        for i in range(len(doc) - n + 1):
            if any(k in taken or doc[k]._.skip or doc[k]._.headline for k in range(i, i + n)):
                continue
            here = [doc[k].text for k in range(i, i + n)]
            last = doc[i + n - 1]
            plural = here[:-1] == words[:-1] and here[-1] == _plural(words[-1])
            if here == words:
                after = doc[i + n] if i + n < len(doc) else None
                if after is None or (after.lower_ not in FIGHTER_NOUNS and after.lower_ not in MEMBER_NOUNS):
                    continue  # 'a Maoist slogan' names no one
                end = i + n + 1 if after.lower_ in FIGHTER_NOUNS else i + n
            elif plural and last.tag_ in ("NNPS", "NNS", "NNP"):
                end = i + n  # 'the Maoists'
            else:
                continue
            out.append(Mention(i, end, (aid,), "movement", doc[i:end].text))
    return out


def _name_word(doc: Doc, i: int, opening: bool = False) -> bool:
    """A capitalised word of a movement's name before its fighter noun (not the sentence's first word alone, which
    is capitalised anyway, unless ``opening``; nor a word of a date)."""
    t = doc[i]
    return t.is_title and t.is_alpha and t.pos_ in ("PROPN", "ADJ", "NOUN") and t.ent_type_ not in ("DATE", "TIME") \
        and (opening or not (t.is_sent_start and t.pos_ != "PROPN"))


def _called_so(doc: Doc, word: str, fighters: int) -> bool:
    """Whether the story calls the movement by ``word`` elsewhere: its plural as a noun ('the Maoists') or the word
    before one of its people ('Maoist leader X')."""
    plural = _plural(word)
    return any((t.text == plural and t.pos_ in ("PROPN", "NOUN"))
               or (t.text == word and t.i != fighters - 1 and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in MEMBER_NOUNS)
               for t in doc)


def _named_inside(doc: Doc, word: str) -> bool:
    """Whether ``word`` (or its plural) stands capitalised inside a sentence elsewhere: then a sentence's first word
    is a name, not only capitalised for its place."""
    forms = {word, _plural(word)}
    return any(t.text in forms and not t.is_sent_start for t in doc)


def _plural(word: str) -> str:
    """'Maoist' -> 'Maoists', 'Tiger' -> 'Tigers'."""
    return word + "es" if word.endswith(("s", "x", "sh", "ch")) else word + "s"


# Nouns for a state's posting at an organisation: "Sri Lanka's UN ambassador", "Iran's UN mission".
POSTING_NOUNS = {"ambassador", "ambassadors", "envoy", "envoys", "mission", "representative", "delegate", "delegates",
                 "delegation", "diplomat", "diplomats", "permanent"}
# Kinds of actors that a state's possessive only locates: "Yemen's Houthi delegation", "Lebanon's Hezbollah".
LOCATED_KINDS = {"armed_group", "other_org", "ngo", "company", "media"}


def locate_owning_states(lk: Lookup, st: FindState) -> list[Mention]:
    """"Yemen's Houthi delegation", "Nepal's Maoist rebels": a state in the possessive before a group of its own
    (or of no known state) says where the group is, not that the state acts: its mention becomes a place."""
    doc, actors = st.doc, st.actors
    starts = {m.start: m for m in st.spans}
    ends = {m.end: m for m in st.spans}
    out = []
    for m in st.spans:
        info = actors.get(m.actor) if len(m.actors) == 1 else None
        if info is not None and info.kind == "igo" and m.end < len(doc) and doc[m.end].lower_ in POSTING_NOUNS:
            # "Iran's UN mission", 'the Russian UN envoy': a state's posting at the organisation, not the organisation
            owner = ends.get(m.start - 1) if m.start > 0 and doc[m.start - 1].text in ("'s", "’s") else \
                ends.get(m.start)
            theirs = actors.get(owner.actor) if owner is not None and len(owner.actors) == 1 else None
            if theirs is not None and theirs.kind == "state":
                out.append(replace(m, place_only=True))
                continue
        nxt = starts.get(m.end + 1)
        if info is not None and info.kind == "state" and not m.place_only and m.end + 1 < len(doc) \
                and doc[m.end].text in ("'s", "’s") and nxt is not None and len(nxt.actors) == 1:
            group = actors.get(nxt.actor)
            governs = nxt.end < len(doc) and doc[nxt.end].lower_ in STATE_PROXIES  # "Afghanistan's Taliban government"
            if group is not None and group.kind in LOCATED_KINDS and group.state in (None, m.actor) and not governs:
                out.append(replace(m, place_only=True))
                continue
        out.append(m)
    return out


# Nouns for a standing alliance of parties: 'a seven-party alliance', 'the four-party coalition'.
ALLIANCE_NOUNS = {"alliance", "coalition", "bloc", "front"}


def find_party_alliances(lk: Lookup, st: FindState) -> list[Mention]:
    """'a seven-party alliance', 'the 7-party coalition': an alliance of parties the gazetteer lacks, one actor
    (other_org) per story; the same words again, or 'the N political parties', are it too ('the alliance' after
    it is the anaphora pass's work)."""
    doc, actors, taken = st.doc, st.actors, st.taken
    out: list[Mention] = []
    aid: str | None = None
    size = ""
    for i in token_indices(doc, ALLIANCE_NOUNS):
        tok = doc[i]
        if tok.i < 3 or tok._.skip:
            continue
        party, dash, number = doc[tok.i - 1], doc[tok.i - 2], doc[tok.i - 3]
        if party.lower_ != "party" or dash.text not in ("-", "–") or not number.like_num \
                or any(i in taken for i in range(tok.i - 3, tok.i + 1)):
            continue
        size = number.lower_
        if aid is None:
            name = f"{size}-party {tok.lower_}"
            aid = slugify(name)
            actors.setdefault(aid, ActorInfo(aid, name, "other_org", {name, f"{size} political parties",
                                                                       f"{size} parties"}))
        out.append(Mention(tok.i - 3, tok.i + 1, (aid,), "alliance", doc[tok.i - 3 : tok.i + 1].text))
    if aid is None:
        return out
    for i in token_indices(doc, {size}):  # 'the government and seven political parties': the alliance's parties
        tok = doc[i]
        if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "political" \
                and doc[tok.i + 2].lower_ == "parties" and not any(i in taken for i in range(tok.i, tok.i + 3)):
            out.append(Mention(tok.i, tok.i + 3, (aid,), "alliance", doc[tok.i : tok.i + 3].text))
    return out
