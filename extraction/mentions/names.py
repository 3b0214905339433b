"""Pass 'names': actors the gazetteer knows, found by one phrase matcher over all their forms."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from extraction.mentions.lookup import Lookup
from extraction.mentions.model import FindState, Mention
from extraction.mentions.words import HONORIFIC, NAME_PARTICLES, ORG_OF_PLACE_HEADS, PARTICLES, WORLD_BODY, after_place_prep, hyphen_based

LOCATIVE = {"in", "at", "to", "from", "into", "near", "across", "along", "inside", "outside", "throughout", "toward", "towards"}
MOTION_VERBS = {"visit", "tour", "reach", "arrive", "travel", "fly", "land", "leave", "return", "enter", "in", "at", "to",
                "go", "come", "move", "head", "drive", "sail", "flee", "send", "deploy", "ship", "transfer", "relocate",
                "cross", "walk", "march", "bring", "take", "evacuate"}
AGENTIVE_NOUNS = {"officials", "official", "government", "authorities", "forces", "troops", "military", "army",
                  "navy", "soldiers", "mediators", "negotiators", "diplomats", "delegation", "envoy", "ministers",
                  "leaders", "leadership", "administration", "regime", "police", "counterparts", "side", "state",
                  "warplanes", "jets", "drones", "bulldozers", "ships", "vessels", "cutters", "aircraft", "missiles",
                  "strikes", "airstrikes", "officers", "lawmakers", "parliament", "junta", "cabinet", "spokesman",
                  "spokeswoman", "spokesperson", "agents", "intelligence", "prosecutors", "courts", "judges"}
# Nouns for a state's representation at the United Nations: 'UN ambassador', "Iran's UN mission".
UN_POSTS = {"ambassador", "ambassadors", "mission", "missions", "envoy", "envoys", "delegation", "delegations",
            "representative", "representatives", "seat", "delegate", "delegates"}


# Things named after the city where they were agreed or held: 'the Minsk agreement', 'the Doha talks'.
PLACE_NAMED_NOUNS = {"agreement", "accord", "deal", "protocol", "process", "format", "talk", "summit", "meeting",
                     "conference", "declaration", "communique", "framework", "dialogue", "negotiation", "round",
                     "award", "ruling", "convention", "charter"}


def kind_of(lk: Lookup, aid: str) -> str:
    return lk.gz.get(aid).kind


def _before_place_named_noun(span: Span) -> bool:
    """'Minsk talks' however parsed (headlines): the next word is such a noun and no verb."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].pos_ == "NOUN" and doc[span.end].lemma_.lower() in PLACE_NAMED_NOUNS


def _city_then_state(span: Span) -> bool:
    """'in Minsk, Belarus', 'from Goma, Congo': a state in apposition to a place after a place preposition."""
    doc, root = span.doc, span.root
    if span.start < 2 or doc[span.start - 1].text != "," or root.dep_ not in ("appos", "npadvmod", "conj"):
        return False
    city = root.head
    return city.i == span.start - 2 and city.dep_ == "pobj" and city.head.lower_ in LOCATIVE


def _state_of_a_federation(lk: Lookup, span: Span) -> bool:
    """'the U.S. state of Georgia', 'the Indian state of Punjab': a known state's name, 'state/province of' and a
    proper name name a federal state, not a country; the federation before 'state' only locates it. Not 'the State
    of Israel' (no federation before it) nor 'the Lebanese state of failing' (no name after)."""
    doc, start, end = span.doc, span.start, span.end
    if start >= 3 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in ("state", "province") \
            and doc[start - 2].is_lower and doc[start - 3].text in lk.forms:
        return True
    return end + 2 < len(doc) and doc[end].lower_ in ("state", "province") and doc[end].is_lower \
        and doc[end + 1].lower_ == "of" and doc[end + 2].is_title and doc[end + 2].pos_ == "PROPN"


def find_not_actors(lk: Lookup, st: FindState) -> list[Mention]:
    """Names the gazetteer lists as not actors (treaties, laws, operations): spans whose words no pass may use."""
    return [Mention(start, end, (), "not-actor", st.doc[start:end].text) for _l, start, end in lk.not_actor_matcher(st.doc)]


def find_names(lk: Lookup, st: FindState) -> list[Mention]:
    """The gazetteer's names, aliases, demonyms, capitals and seats of government, longest first; a capital
    after 'in' or a motion verb is a place, a state after a place preposition or as a bare adjective incidental."""
    doc, actors = st.doc, st.actors
    out = []
    matches = sorted(lk.matcher(doc), key=lambda m: (-(m[2] - m[1]), m[1]))
    used: set[int] = set()
    defined: dict[str, str] = {}  # acronyms this document defines: 'the African Union Commission (AUC)'
    for _label, start, end in matches:
        if any(i in used for i in range(start, end)):
            continue
        span = doc[start:end]
        aid, via = lk.forms[span.text]
        if span.text.isupper() and len(span) == 1:
            own = _defined_here(span, out)
            if own is not None and own != aid:
                defined[span.text] = own  # the document's own sense beats the gazetteer's other one
            aid = defined.get(span.text, aid)
        if _inside_larger_name(lk, st, span, aid):
            continue
        # A capital or seat after "in/at/to" is a place, not a government acting.
        place = via in ("capital", "seat") and start > 0 and is_locative(span)
        if via in ("capital", "seat") and span.root.dep_ in ("dobj", "pobj") \
                and span.root.head.lemma_.lower() in MOTION_VERBS:
            place = True  # 'visiting Vilnius': a city visited, not a government met
        kind = lk.gz.get(aid).kind
        incidental = (kind == "state" and via == "name" and after_place_prep(span) and not _given_to(span)) or (
            kind in ("state", "igo") and via == "demonym" and not _agentive(lk, span))  # 'European traders'
        if via in ("capital", "seat") and ((span.root.dep_ == "compound" and span.root.head.lemma_.lower()
                                            in PLACE_NAMED_NOUNS) or _before_place_named_noun(span)):
            place = True  # 'the Minsk agreement', 'the Doha talks': named after where they were held
        if via == "demonym" and _before_named_actor(lk, span):
            place = incidental = True  # 'the Syrian Kurdish YPG militia', 'the Turkish Anadolu agency': the named one acts
        if via == "demonym" and end < len(doc) and doc[end].lower_ in ("capital", "city", "port", "town"):
            place = incidental = True  # 'the Angolan capital Luanda', 'the Syrian city of Aleppo': a place
        if via in ("capital", "seat") and start > 0 and (doc[start - 1].lower_ == "capital" or (
                start > 1 and doc[start - 1].text == "," and doc[start - 2].lower_ == "capital")):
            place = True  # 'in the Angolan capital Luanda': the city the noun 'capital' names
        if _state_of_a_federation(lk, span):
            place = incidental = True  # 'the U.S. state of Georgia': a federal state, and its federation locates it
        if kind_of(lk, aid) == "state" and via == "name" and _city_then_state(span):
            incidental = True  # 'talks in Minsk, Belarus': the state locates the city
        if kind != "state" and span.root.dep_ in ("compound", "nmod", "amod") \
                and span.root.head.lemma_.lower() in OFFSHOOT_NOUNS:
            incidental = True  # 'the ISIL affiliate in Khorasan Province (ISKP)': the affiliate acts, not ISIL
        if hyphen_based(span):
            place = incidental = True  # 'a Moscow-based think tank': where it sits, not Russia acting
        if aid == WORLD_BODY and un_of_a_state(doc, start, end):
            place = incidental = True  # "Iran's UN mission", 'UN ambassadors': a state's envoys, not the UN
        info = lk.info(actors, aid)
        info.aliases.add(span.text) if via == "name" else None
        out.append(Mention(start, end, (aid,), via, span.text, place_only=place, incidental=incidental))
        used.update(range(start, end))
    return out


# Nouns for a part or offshoot of an organisation that the organisation's name may qualify ('the ISIL affiliate').
OFFSHOOT_NOUNS = {"affiliate", "branch", "offshoot", "franchise", "splinter", "wing", "arm", "chapter", "cell"}

# Nouns of something given or addressed to a state: 'military aid to Ukraine' names a recipient, not a place.
GIVEN_TO = {"aid", "assistance", "support", "help", "loan", "loans", "weapon", "weapons", "arm", "arms", "threat",
            "threats", "funding", "money", "grant", "grants", "pledge", "commitment", "ultimatum", "apology",
            "message", "letter", "offer", "donation", "donations", "credit", "guarantee", "guarantees"}


def _given_to(span: Span) -> bool:
    """'military aid to Ukraine', 'a threat to Taiwan': a state after 'to' that completes a noun of giving or
    addressing (not a verb of motion, 'flew to Ukraine')."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ == "the" and span.start > 1:
        prev = doc[span.start - 2]
    if prev is None or prev.lower_ != "to":
        return False
    head = prev.head
    if head.pos_ == "NOUN":
        return head.lemma_.lower() in GIVEN_TO
    # 'sending weapons to Ukraine', 'cut U.S. assistance to Colombia': the parser hung 'to' on the verb
    return head.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in GIVEN_TO for c in head.children)


def _defined_here(span: Span, found: list[Mention]) -> str | None:
    """'the African Union Commission (AUC)': the actor named just before an acronym in brackets, if its initials
    spell it (the Colombian AUC of the gazetteer is another)."""
    doc = span.doc
    if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return None
    before = next((m for m in found if m.end == span.start - 1 and len(m.actors) == 1), None)
    if before is None:
        return None
    initials = "".join(w[0] for w in before.text.split() if w[:1].isupper())
    return before.actors[0] if initials == span.text else None


def _before_named_actor(lk: Lookup, span: Span) -> bool:
    """A demonym that describes an organisation named after it, up to its head noun: 'Syrian' in 'the Syrian
    Kurdish YPG militia' (not 'Chinese' in 'Chinese President Xi Jinping': a person's title is the state's)."""
    head = span.root.head
    if head.i <= span.root.i or head.i - span.end > 4:
        return False
    for i in range(span.end, head.i + 1):
        hit = lk.forms.get(span.doc[i].text)
        if hit is not None and hit[1] == "name" and kind_of(lk, hit[0]) not in ("state", "person"):
            return True
    return False


def _inside_larger_name(lk: Lookup, st: FindState, span: Span, aid: str) -> bool:
    """'America' in 'Latin America', 'Washington' in 'Washington Post', 'Tirana' in 'Tirana Hassan'."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text in NAME_PARTICLES and doc[span.start - 2].is_title:
        return True  # 'Praia' in 'Mocímboa da Praia', 'Lima' in 'Ponte de Lima': part of another place's name
    if span.start >= 2 and doc[span.start - 1].lower_ == "of":
        org = st.entity_at(span.start - 2)
        if org is not None and org.label_ == "ORG" and org.end == span.start - 1 \
                and doc[org.end - 1].text in ORG_OF_PLACE_HEADS:
            return True  # 'Kenya' in 'the Law Society of Kenya': the NER pass takes the whole name
    ent = st.entity_at(span.start)
    if ent is None or (ent.start >= span.start and ent.end <= span.end) or span[0]._.headline:
        return False  # in a headline every word is capitalised: the NER's spans mean little
    if span.start >= 2 and doc[span.start - 1].lower_ == "the" and doc[span.start - 2].lower_ == "of" \
            and lk.forms[span.text][1] == "name" and lk.gz.get(aid).kind not in ("state", "person") \
            and (span.end == ent.end or doc[span.end].text == "("):
        return False  # 'the Assembly of ... of the Intergovernmental Authority on Development': a body's own name
    if ent.label_ == "PERSON" and lk.gz.get(aid).kind == "person":
        before = [t for t in ent if t.i < span.start]
        # 'Saddam Haftar' is not Khalifa Haftar: a first name before a bare surname makes another person.
        return len(span) == 1 and any(t.is_title and not lk.lex.role_of(t.text) and t.text not in
                                      lk.lex.title_words and not HONORIFIC.match(t.text) for t in before)
    if ent.label_ == "PERSON" and span.start - 2 > ent.start and doc[span.start - 1].text == "-" \
            and doc[span.start - 2].lower_ in PARTICLES:
        return True  # 'Mohamed Ali al-Houthi': a family name after 'al-', not the movement it is named after
    if ent.label_ == "PERSON" and span.start > ent.start and not span.doc[span.start - 1].is_title:
        return False
    if span.start > ent.start and span.doc[span.start - 1].text in ("'s", "’s"):
        return False  # "the Treasury Department's Office of Foreign Assets Control": two names
    if span.end < ent.end and span.doc[span.end].text in ("'s", "’s"):
        return False
    if ent.label_ == "ORG" and span.end < ent.end and lk.person_tail(doc, span.start, span.end, ent.end):
        return False  # 'the U.S. House of Representatives Nancy Pelosi': a body, then its member's name
    extra = [t for t in ent if t.i < span.start or t.i >= span.end]
    # Titles, demonyms, articles and possessives around a name do not make it a different name.
    return any(t.is_title and t.text not in lk.forms and t.text not in lk.lex.title_words
               and t.lower_ not in ("the", "a", "an") for t in extra)


def _agentive(lk: Lookup, span: Span) -> bool:
    """'Israeli officials', 'Egyptian mediators', 'the Colombian president': a demonym on an acting noun."""
    head = span.root.head
    word = head.lemma_.lower()
    return (head.i == span.root.i or word in AGENTIVE_NOUNS or lk.lex.role_of(head.text) is not None
            or bool(lk.lex.noun_types(word)) or bool(lk.lex.agent_noun_types(word))
            or head.pos_ == "PROPN")


def un_of_a_state(doc: Doc, start: int, end: int) -> bool:
    """'UN' inside a state's compound: "Iran's UN mission", 'the U.S. UN envoy', 'UN ambassadors' (always a state's);
    but 'the UN envoy for Yemen' is the UN's own."""
    if end >= len(doc) or doc[end].lower_ not in UN_POSTS:
        return False
    if doc[end].lower_ in ("ambassador", "ambassadors", "delegates", "seat"):
        return True
    prev = doc[start - 1] if start > 0 else None
    return prev is not None and (prev.text in ("'s", "’s") or (prev.pos_ == "PROPN" and prev.dep_ == "compound")
                                 or prev.ent_type_ in ("GPE", "NORP"))


def is_locative(span: Span) -> bool:
    """'in Caracas', 'flew to Moscow': a city as a place. 'requests from Pristina' is the government asking."""
    head = span.root
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ == "the" and span.start > 1:
        prev = span.doc[span.start - 2]
    prep = prev if prev is not None and prev.lower_ in LOCATIVE else (
        head.head if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE else None)
    if prep is None:
        return False
    if prep.lower_ == "from" and prep.head.pos_ == "NOUN" and prep.head.dep_ == "pobj" \
            and prep.head.head.lower_ in ("in", "during"):
        return True  # 'said in a statement from Cairo': where the speaker was, the speaker being named
    if prep.lower_ in ("to", "from", "into", "toward", "towards"):
        # direction words make a place only after a verb of motion ('returned from Beijing')
        return prep.head.lemma_.lower() in MOTION_VERBS
    return True
