"""Pass 'anaphora': definite descriptions ('the group', 'the bloc', 'the country', 'the world body') that refer back
to an actor of a fitting kind named just before."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from extraction.mentions.lookup import Lookup, main_state, previous_subject_state
from extraction.mentions.model import FindState, Mention
from extraction.mentions.words import WORLD_BODY

# Definite descriptions that refer back to a named actor, and the kinds they can refer to.
ANAPHORS = {
    "group": ("armed_group", "ngo", "other_org"), "militia": ("armed_group",), "rebels": ("armed_group",),
    "insurgents": ("armed_group",), "movement": ("armed_group", "other_org"), "faction": ("armed_group", "other_org"),
    "bloc": ("igo",), "alliance": ("igo", "other_org", "armed_group"), "organisation": ("igo", "ngo", "other_org"),
    "organization": ("igo", "ngo", "other_org"), "agency": ("igo", "government_body"), "mission": ("igo",),
    "party": ("other_org",), "coalition": ("other_org", "armed_group"), "country": ("state",),
    "kingdom": ("state",), "sultanate": ("state",), "republic": ("state",), "company": ("company",), "firm": ("company",),
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
# Nouns for a state that is a monarchy of that form (the gazetteer's `monarchy`): only such a state is meant.
MONARCHY_NOUNS = {"kingdom", "sultanate"}
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
        if tok.lower_ in MONARCHY_NOUNS:
            # 'the kingdom': the nearest earlier state that is one (Saudi Arabia, not Yemen named in between)
            reign = next((m.actor for m in sorted(spans, key=lambda m: -m.start) if m.start < tok.i
                          and len(m.actors) == 1 and m.actor in lk.gz and lk.gz.get(m.actor).monarchy == tok.lower_),
                         None)
            if reign is not None:
                lk.info(actors, reign)
                out.append(Mention(det[0].i, tok.i + 1, (reign,), "anaphor", doc[det[0].i : tok.i + 1].text))
                taken.update(range(det[0].i, tok.i + 1))
            continue
        pick = _located(st, tok, kinds)  # 'the junta in Niger' is Niger's, whoever was named last
        if kinds == ("state",) and tok.lower_ in ("country", "nation") and pick is None:
            # 'the country' is the one the story is about, unless its own sentence named just one state before it
            # (a state named only as the sender of an envoy is not where the envoy is: "China's ambassador was
            # summoned by X, the country's undersecretary" speaks of the host)
            here = {m.actor for m in spans if tok.sent.start <= m.start < tok.i and len(m.actors) == 1
                    and not m.place_only and not m.incidental and actors.get(m.actor) is not None
                    and actors[m.actor].kind == "state" and not _sends_envoy(doc[m.end - 1])}
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
        if plural and not pick and len(picks) < 2:
            picks = []  # 'the militias' are several: one group named before ('a coalition called X') is not they
        refs = (pick,) if pick else tuple(picks)
        if refs:
            start = det[0].i
            out.append(Mention(start, tok.i + 1, refs, "anaphor", doc[start : tok.i + 1].text))
            taken.update(range(start, tok.i + 1))
    return out


def _located(st: FindState, tok: Token, kinds: tuple[str, ...]) -> str | None:
    """The actor of a fitting kind named right after the noun by 'in' ('the junta in Mali', 'the government in
    Kabul'), however the parser hung the phrase; else None."""
    doc = st.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "in":
        return None
    at = tok.i + 2 + (doc[tok.i + 2].lower_ == "the")
    m = next((m for m in st.spans if m.start == at and len(m.actors) == 1), None)  # (a place there: that is the point)
    info = st.actors.get(m.actor) if m is not None else None
    return m.actor if m is not None and info is not None and info.kind in kinds else None


# Nouns for a state's envoys and missions abroad: "China's ambassador" is in another country.
ENVOY_NOUNS = {"ambassador", "envoy", "diplomat", "embassy", "chargé", "charge", "consul", "emissary", "diplomats"}


def _sends_envoy(tok: Token) -> bool:
    """Whether ``tok`` names the sender of an envoy: "China's ambassador", 'the Chinese envoy'."""
    return tok.dep_ in ("poss", "amod", "compound") and tok.head.lower_ in ENVOY_NOUNS


# Role nouns that, bare and definite ('the minister said'), take up the person the text titled so just before.
PERSON_ROLE_NOUNS = {"minister", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "diplomat",
                     "negotiator", "commander", "premier", "chancellor", "undersecretary"}


def find_titled_persons(lk: Lookup, st: FindState) -> list[Mention]:
    """'the minister', 'the ambassador' (bare, definite): the person titled so just before (before the quotes
    pass, so that '"...," the minister said' gives the quote a speaker)."""
    out = []
    for tok in st.doc:
        if tok.i not in st.taken and tok.lower_ in PERSON_ROLE_NOUNS:
            mention = _titled_person(st, tok)
            if mention is not None:
                out.append(mention)
    taken = set(st.taken) | {i for m in out for i in range(m.start, m.end)}
    return out + _learned_titles(lk, st, taken)


def _learned_titles(lk: Lookup, st: FindState, taken: set[int]) -> list[Mention]:
    """'Tánaiste Leo Varadkar says ...' then 'the Tánaiste also met': a capitalised title the document puts right
    before one person's name (and before no other's), taken up later as 'the <title>', is that person."""
    doc, spans, actors = st.doc, st.spans, st.actors
    titled: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for m in spans:
        if len(m.actors) != 1 or m.start == 0 or m.actor not in actors or actors[m.actor].kind != "person" \
                or m.via not in ("name", "ner", "titled-name", "surname"):
            continue
        t = doc[m.start - 1]
        if t.is_title and t.is_alpha and len(t.text) > 3 and t.pos_ in ("PROPN", "NOUN") and t.text not in lk.forms:
            titled.setdefault(t.lower_, set()).add(m.actor)
            first.setdefault(t.lower_, m.start)
    out = []
    for tok in doc:
        people = titled.get(tok.lower_)
        if people is None or len(people) != 1 or tok.i <= first[tok.lower_] or tok.i in taken or tok.i == 0 \
                or doc[tok.i - 1].lower_ != "the" or tok.i - 1 in taken \
                or (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title) or tok.dep_ in ("compound", "amod"):
            continue  # ('the Tánaiste Leo Varadkar' names him; 'the President's office' is his office: no)
        person = next(iter(people))
        out.append(Mention(tok.i - 1, tok.i + 1, (person,), "anaphor", doc[tok.i - 1 : tok.i + 1].text))
        taken.update((tok.i - 1, tok.i))
    return out


def _titled_person(st: FindState, tok: Token) -> Mention | None:
    """'Nepal's foreign minister Arzu Deuba met ... "We want calm," the minister said': the nearest person, named in
    this or the two sentences before, whose title (just before the name, or apposed after it) has the same noun;
    none when the noun is qualified ('the foreign minister of Peru', "Peru's minister") or no one fits."""
    doc, spans, actors = st.doc, st.spans, st.actors
    det = [c for c in tok.children if c.dep_ == "det"]
    by_token = {i: m for m in spans for i in range(m.start, m.end)}
    # 'the Venezuelan minister': a demonym or state may qualify the noun; it must then be the person's
    quals = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    qual_states = {x for c in quals for x in (by_token[c.i].actors if c.i in by_token else ())
                   if x in actors and actors[x].kind == "state"}
    if not det or det[0].lower_ != "the" or det[0].i != tok.i - 1 - len(quals) or tok.pos_ != "NOUN" \
            or tok.tag_ != "NN" or len(quals) > 1 or (quals and not qual_states) \
            or any(c.dep_ in ("poss", "nmod", "appos", "relcl") or c.dep_ == "prep" for c in tok.children) \
            or tok.dep_ in ("appos", "compound") or (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title):
        return None  # 'the minister of defence', 'the minister, X', 'the envoy Tom Barrack' name someone else
    window = doc[max(tok.sent.start - 1, 0)].sent.start
    if window > 0:
        window = doc[window - 1].sent.start
    word = tok.lower_
    for m in sorted(spans, key=lambda m: -m.start):
        if m.start >= tok.i or m.start < window or len(m.actors) != 1 or m.actor not in actors \
                or actors[m.actor].kind != "person":
            continue
        sent_start = doc[m.start].sent.start
        before = {t.lower_ for t in doc[max(sent_start, m.start - 5) : m.start]}
        after = {t.lower_ for t in doc[m.end : min(doc[m.start].sent.end, m.end + 8)]} \
            if m.end < len(doc) and doc[m.end].text == "," else set()
        if word not in before and word not in after:
            continue
        if qual_states:
            theirs = {x for i in range(max(sent_start, m.start - 5), m.start) if i in by_token
                      for x in by_token[i].actors} | {actors[m.actor].state}
            if not qual_states <= theirs:
                continue  # 'the Venezuelan minister' is not the Colombian minister named last
        return Mention(det[0].i, tok.i + 1, (m.actor,), "anaphor", doc[det[0].i : tok.i + 1].text)
    return None


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


def repoint_unqualified_bodies(lk: Lookup, st: FindState) -> list[Mention]:
    """'The Ministry of Foreign Affairs said ...', 'Department of Foreign Affairs (DFA) spokesperson X': a state body
    named with no state is the body of the state the story is about so far, not an organisation of its own (the
    name pass found no state beside it, so the NER pass made it one). Every mention anew, those of the body (and
    of its acronym) re-pointed; unchanged where no state has been named before it."""
    doc, actors = st.doc, st.actors
    moved: dict[str, str] = {}
    cut: dict[int, int] = {}  # a mention's start -> its new start (a role noun before the body cut off)
    for start, end, key in lk.lex.find_bodies(doc):
        if not doc[start].is_title or lk.state_of(doc, start, end)[0] is not None:
            continue  # 'the foreign ministry' (lower case) is a description the anaphora pass reads
        m = next((m for m in st.spans if m.via in ("ner", "acronym") and len(m.actors) == 1
                  and m.start <= start and m.end == end), None)
        if m is None or m.actor in moved or m.actor in lk.gz:
            continue
        lead = [t.lower_ for t in doc[m.start : start]]
        if lead not in ([], ["the"]) and not (lead[:1] and lead[0] in STAFF_NOUNS
                                              and lead[1:] in (["of"], ["of", "the"], ["for"], ["for", "the"])):
            continue
        state = _holder_state(st, end) or previous_subject_state(st, start)
        if state is None:
            continue  # no state the story has put forward: it stays an organisation of its own
        moved[m.actor] = lk.body_actor(state, key, actors)
        if lead and lead != ["the"]:
            # 'Spokesperson of the Ministry of Foreign Affairs' taken whole by NER: the role is no actor, the body is
            cut[m.start] = start - 1 if lead[-1] == "the" else start
        actors[moved[m.actor]].aliases.add(doc[cut.get(m.start, m.start) : m.end].text)
    for m in st.spans:
        # 'Spokesperson of the Ministry, Ambassador X': the role is no actor; 'the Ministry' is the one named before
        words = m.text.split()
        if m.via != "ner" or len(m.actors) != 1 or m.actor in lk.gz or m.actor in moved or len(words) != 4 \
                or words[0].lower() not in STAFF_NOUNS or words[1:3] != ["of", "the"]:
            continue
        kinds = ANAPHORS.get(words[3].lower(), ())
        earlier = [e for e in st.spans if e.end <= m.start and len(e.actors) == 1 and e.actor in actors
                   and actors[e.actor].kind in kinds and words[3].lower() in e.text.lower()]
        if earlier:
            moved[m.actor] = moved.get(earlier[-1].actor, earlier[-1].actor)
            cut[m.start] = m.start + 2
    if not moved:
        return st.spans
    return [replace(m, start=cut.get(m.start, m.start), text=doc[cut.get(m.start, m.start) : m.end].text,
                    actors=tuple(moved.get(a, a) for a in m.actors)) if set(m.actors) & set(moved) else m
            for m in st.spans]


# Staff nouns that open an organisation's role ('Spokesperson of the Ministry ...'), not its name.
STAFF_NOUNS = {"spokesperson", "spokesman", "spokeswoman", "official", "director", "secretary",
               "adviser", "advisor", "head", "chief", "deputy"}


def _holder_state(st: FindState, end: int) -> str | None:
    """The known state of the person the body's title names right after it ('Foreign Ministry spokeswoman Maria
    Zakharova': Russia's), skipping an acronym in brackets and a staff noun."""
    doc, k = st.doc, end
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
        k += 3
    if k < len(doc) and doc[k].lower_ in STAFF_NOUNS:
        k += 1
    m = next((m for m in st.spans if m.start == k and len(m.actors) == 1), None)
    info = st.actors.get(m.actor) if m is not None else None
    return info.state if info is not None and info.kind == "person" else None


# What may follow a generic head noun to make it the head of a state: 'the Venezuelan head of state'.
HEAD_OF = {"state", "government"}


def find_state_heads(lk: Lookup, st: FindState) -> list[Mention]:
    """'the Venezuelan head of state', "Kenya's leader": the one person this document names as leading that state
    ('President Nicolas Maduro', with the gazetteer's office of the same state, or a leading title with the state
    before the name: 'Venezuelan President X'), whatever the document's date; none when the document names no one or
    several. In-document evidence only: a dated office lookup would give today's holder to an undated article."""
    doc = st.doc
    out: list[Mention] = []
    replaced: set[int] = set()  # the starts of the state's own mentions inside a new one ('Venezuelan')
    roles = lk.roles_in(doc)
    for start, end, role in roles:
        spec = lk.lex.roles.get(role)
        if spec is None or role != "leader" or doc[start].lower_ not in ("head", "leader", "leaders'"):
            continue
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].lower_ in HEAD_OF:
            end += 2
        elif doc[start].lower_ == "head":
            continue  # 'the head of the delegation' heads something else
        state, s2, e2 = lk.state_of(doc, start, end)
        if state is None or lk.gz.get(state).kind != "state" or (e2 < len(doc) and doc[e2].text in ("'s", "’s")):
            continue  # "the leader of Nepal's Maoist rebels" leads the rebels, not Nepal
        first = s2 - 1 if s2 > 0 and doc[s2 - 1].lower_ == "the" else s2
        if doc[first].lower_ != "the" and not (s2 < start and doc[start - 1].text in ("'s", "’s")):
            continue  # 'a Venezuelan leader' is any of them
        inside = [m for m in st.spans if m.start < end and m.end > first]
        if any(m.actors != (state,) or m.start < s2 or m.end > start for m in inside) \
                or (end < len(doc) and doc[end].is_title) or _named_after_comma(doc, end):
            continue  # 'the Venezuelan leader Nicolas Maduro', 'the head of state, X' name the person
        holder = _state_head(lk, st, state, roles)
        if holder is None:
            continue
        replaced.update(m.start for m in inside)
        out.append(Mention(first, end, (holder,), "anaphor", doc[first:end].text, role="leader", org=state))
    if not out:
        return st.spans
    return [m for m in st.spans if m.start not in replaced] + out


def _named_after_comma(doc: Doc, end: int) -> bool:
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ == "PERSON"


def _state_head(lk: Lookup, st: FindState, state: str, roles: list[tuple[int, int, str]]) -> str | None:
    """The one person the document names as leading ``state``: with a leading title just before the name and that
    state (or the gazetteer's office of that state for the title). A leading title of no known state counts as a
    candidate too, so that two leaders make it ambiguous."""
    doc, actors = st.doc, st.actors
    title_at = {end: (start, role) for start, end, role in roles}
    found: set[str] = set()
    for m in st.spans:
        info = actors.get(m.actor)
        if len(m.actors) != 1 or info is None or info.kind != "person" or m.start not in title_at:
            continue
        t_start, role = title_at[m.start]
        spec = lk.lex.roles.get(role)
        if spec is None or not spec.leads or any(doc[i].lower_ in NOT_HEAD for i in range(max(0, t_start - 2), t_start)):
            continue
        of = lk.state_of(doc, t_start, m.start)[0]
        if of is None and m.actor in lk.gz:
            held = {o.of for o in lk.gz.get(m.actor).offices if o.role == role}
            of = held.pop() if len(held) == 1 else None
        if of == state or of is None:
            found.add(m.actor)  # (a leader of no known state might be this one's: then it is ambiguous)
    return found.pop() if len(found) == 1 else None


# Words before a title that make its bearer no head of the state: 'former President X', 'Vice President X'.
NOT_HEAD = {"former", "ex", "late", "deputy", "vice", "assistant", "then", "outgoing", "acting", "-"}


# Kinds of organisations whose unnamed leader ('the leader of the rebels') may be named elsewhere in the story.
LED_KINDS = {"armed_group", "other_org", "ngo", "igo"}


def find_group_heads(lk: Lookup, st: FindState) -> list[Mention]:
    """"The leader of Nepal's Maoist rebels says he ...": the one person the document names with a leading title
    of that organisation ('Maoist leader Prachanda', "the rebels' chief X"), before or after; none when it names
    no one or several. In-document evidence only, as for the heads of states."""
    doc, spans, actors = st.doc, st.spans, st.actors
    starts = {m.start: m for m in spans}
    roles = lk.roles_in(doc)
    out: list[Mention] = []
    for start, end, role in roles:
        spec = lk.lex.roles.get(role)
        if spec is None or not spec.leads or start == 0 or doc[start - 1].lower_ != "the" \
                or end + 1 >= len(doc) or doc[end].lower_ != "of" or any(i in st.taken for i in range(start - 1, end)):
            continue
        k = end + 1
        if doc[k].lower_ == "the":
            k += 1
        owner = starts.get(k)
        if owner is not None and owner.place_only and owner.end + 1 < len(doc) \
                and doc[owner.end].text in ("'s", "’s"):
            owner = starts.get(owner.end + 1)  # "of Nepal's Maoist rebels": the rebels
        if owner is None or len(owner.actors) != 1 or owner.actor not in actors \
                or actors[owner.actor].kind not in LED_KINDS:
            continue
        holders = {m.actor for m in spans if len(m.actors) == 1 and m.actor in actors
                   and actors[m.actor].kind == "person" and _titled_by(lk, st, roles, m.start, owner.actor)}
        if len(holders) == 1:
            holder = holders.pop()
            out.append(Mention(start - 1, end, (holder,), "anaphor", doc[start - 1 : end].text, role="leader",
                               org=owner.actor))
    return out


def _titled_by(lk: Lookup, st: FindState, roles: list[tuple[int, int, str]], name_start: int, org: str) -> bool:
    """Whether the name at ``name_start`` follows a leading title right after a mention of ``org`` ('Maoist leader')."""
    for start, end, role in roles:
        spec = lk.lex.roles.get(role)
        if end != name_start or spec is None or not spec.leads:
            continue
        before = next((m for m in st.spans if m.end == start or (m.end + 1 == start
                                                                  and st.doc[m.end].text in ("'s", "’s"))), None)
        return before is not None and before.actors == (org,)
    return False
