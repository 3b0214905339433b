"""Passes 'ner' and 'titled-names': people and organisations the gazetteer lacks, from spaCy's named entities and
from capitalised names after a title or before an affiliation ('presidential aide X', 'X, a fellow at Y')."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extraction.mentions.lookup import Lookup
from extraction.mentions.model import ActorInfo, FindState, Mention
from extraction.mentions.words import (
    CONTEXT_KINDS,
    HONORIFIC,
    HONORIFIC_FIRST,
    HONORIFIC_SECOND,
    PARTICLES,
    PLACE_PREPS,
    after_place_prep,
    context_kind,
    hyphen_based,
    org_of_place_end,
)
from graph.model import slugify

AFFILIATION_NOUNS = {"researcher", "fellow", "analyst", "professor", "director", "expert", "economist", "scholar",
                     "lecturer", "spokesman", "spokeswoman", "spokesperson", "official", "adviser", "advisor",
                     "member", "head", "chief", "founder", "editor", "correspondent", "lawyer", "historian"}
# Words that make a name the NER calls an organisation the name of an event, which does not act.
EVENT_NAME_WORDS = {"summit", "conference", "talks", "games", "olympics", "festival", "expo", "dialogue", "meeting"}
NOT_ACTOR_ACRONYMS = {"GDP", "CEO", "COVID", "LNG", "UTC", "GMT", "NGO", "NGOS", "VAT", "HIV", "AIDS", "USD", "EUR",
                      "ICBM", "IED", "UAV", "EEZ", "GPS", "CCTV", "FDI", "IPO", "ETF", "LGBT", "LGBTQ", "MOU", "PDF",
                      "TV", "FTA", "WMD", "SUV", "DNA", "ISP", "ESG", "KYC", "AML", "PPE"}
# Last words of a minister's portfolio: "Cabinet Secretary for Foreign and Diaspora Affairs", "Minister for Middle
# East Affairs" name an office, not an organisation.
PORTFOLIO_ENDS = {"Affairs", "Relations", "Cooperation", "Development", "Trade", "Commerce", "Integration"}
OFFICE_WORDS = {"minister", "secretary", "commissioner", "state", "envoy", "ambassador", "representative",
                "adviser", "advisor", "coordinator", "undersecretary"}
# Capitalised words that open a sentence before a name and that the NER takes into it: 'Following Hayashi, ...'.
SENTENCE_OPENERS = {"following", "after", "before", "during", "despite", "under", "with", "without", "according",
                    "amid", "unlike", "like", "including", "regarding", "besides", "meanwhile", "also", "but", "and",
                    "then", "thanking", "welcoming", "quoting", "citing", "asked", "told", "speaking"}
PLACE_NOUNS = {"people", "residents", "city", "town", "village", "region", "province", "district", "streets",
               "outskirts", "port", "camp", "base", "bases", "airport", "suburb", "neighbourhood", "neighborhood"}


def find_entities(lk: Lookup, st: FindState) -> list[Mention]:
    """spaCy's named entities the gazetteer lacks, with a kind inferred from the name and the words around it."""
    doc, actors, taken = st.doc, st.actors, st.taken
    skip = set(st.acronyms)  # a defined acronym is its definition's actor
    title_ends = {end for _s, end, _r in lk.roles_in(doc)}  # where a title ends and its holder's name begins
    body_ends = {(s, e) for s, e, _k in lk.lex.find_bodies(doc)}
    out = []
    for ent in doc.ents:
        if ent.text in skip or doc[ent.start]._.headline:
            continue
        if any(i in taken for i in range(ent.start, ent.end)):
            # "Machar's SPLM-IO": the owner is already a mention; the rest after the possessive is a name
            cut = next((t.i for t in ent if t.text in ("'s", "’s")), None)
            label = ent.label_
            if cut is None and ent.label_ == "ORG":
                # 'the Speaker of the U.S. House of Representatives Nancy Pelosi': a known name, then a person's
                last = max(i for i in range(ent.start, ent.end) if i in taken)
                first = min(i for i in range(ent.start, ent.end) if i in taken)
                if lk.person_tail(doc, first, last + 1, ent.end):
                    cut, label = last, "PERSON"
            if cut is None or any(i in taken for i in range(cut + 1, ent.end)) or cut + 1 >= ent.end:
                continue
            ent = doc[cut + 1 : ent.end]
            ent = Span(doc, ent.start, ent.end, label=label)
        span = _trim(ent)
        if span is not None:
            span = _after_headline_verb(span)
        if span is None:
            continue
        if ent.label_ == "PERSON":
            # 'Spokesperson Wang Wenbin': a role noun the NER took into the name ('Wang said' must find him)
            cut = span.start
            while cut < span.end - 2 and doc[cut].lower_ in AFFILIATION_NOUNS and doc[cut].is_title:
                cut += 1
            span = doc[cut:span.end]
        if ent.label_ == "ORG":
            span = _body_then_no_place(lk, span, body_ends)  # 'Ministry of Foreign Affairs' + 'of the Mission'
            span = lk.lex.whole_name(span, taken)  # 'Union Solidarity' of 'Union Solidarity and Development Party'
            end = org_of_place_end(span)
            if end is not None and not any(i in taken for i in range(span.end, end)):
                span = Span(doc, span.start, end, label=ent.label_)  # 'the Law Society' + 'of Kenya'
        if hyphen_based(span) or _portfolio(span) or _has_inner_verb(span) or _programme_at(span) \
                or (not lk.gz.lookup(span.text) and OFFICIALS_MEETING.match(span.text)):
            continue
        if len(span) == 1 and span.text.isalpha() and span.text.isupper() and not lk.gz.lookup(span.text):
            owner = _spelled_by(actors, span.text)
            if owner is not None:  # 'the Pacific Islands Forum Fisheries Agency' ... 'FFA': the same body
                actors[owner].aliases.add(span.text)
                out.append(Mention(span.start, span.end, (owner,), "acronym", span.text))
                continue
        if ent.label_ == "PERSON":
            span = _extend_name(span, taken)
            while len(span) > 2 and _honorific_at(doc, span.start):
                span = span[1:]  # 'Datuk Seri' + 'X Y': the NER's name was the honorific
            while len(span) > 2 and (span[0].lower_ in AFFILIATION_NOUNS or span[0].text in lk.lex.name_titles) \
                    and span[0].is_title:
                span = span[1:]  # 'Spokesperson Raveesh' + 'Kumar': the role word is no part of the extended name
            prev = doc[span.start - 1] if span.start > 0 else None
            if prev is not None and prev.i not in taken and prev.is_title and prev.pos_ == "PROPN" \
                    and not prev.ent_type_ and not prev.is_sent_start and prev.text not in lk.forms \
                    and not lk.lex.role_of(prev.text) and prev.lower_ not in lk.lex.title_words \
                    and prev.i in title_ends and prev.dep_ == "compound" and prev.head.i in range(span.start, span.end):
                span = doc[prev.i:span.end]  # 'Minister of State Kirti Vardhan Singh': the NER left out 'Kirti'
        text = span.text
        known = lk.gz.lookup(text)
        noun_kind = _org_noun_before(span) if ent.label_ in ("PERSON", "ORG", "GPE") and not known else None
        if noun_kind is None and not known and ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
            noun_kind = _org_called(span)  # 'a coalition called the Seleka', 'an alliance known as the X Front'
        if noun_kind is not None:
            kind = noun_kind  # "the carriers' association Linava", 'the broadcaster X': the noun says what it is
            known = slugify(text)
        elif ent.label_ == "GPE" and not known and _possessed_person(lk, span):
            kind = "person"  # "Greece's Giorgos Gerapetritis": the small model calls the minister a place
        elif ent.label_ == "PERSON" and _plausible_person(span):
            kind = "person"
            # A lone unknown word tagged PERSON is as often a place ('Kati', 'Sikasso'); surnames of people
            # named in full are linked later, so only titled single names are kept here.
            if len(span) == 1 and not known and not _titled(span):
                continue
            prev = doc[span.start - 1] if span.start > 0 else None
            if not known and ((prev is not None and prev.lower_ in PLACE_PREPS)
                              or (after_place_prep(span) and not _place_then_name(lk, span)
                                  and not _after_title(lk, span, title_ends) and not _listed_with_person(span)
                                  and not _apposed_to_posting(lk, span))
                              or _place_of(span)):
                continue  # 'killed 11 people in Khan Younis', 'the people of Souq al-Juma': places
            if not known and prev is not None and prev.lower_ == "the" and span.root.dep_ == "compound" \
                    and span.root.head.pos_ == "NOUN":
                continue  # 'the Khan Younis strike': a name used as a modifier after 'the' is not a person
        elif ent.label_ in ("ORG", "NORP", "GPE"):
            if not known and any(t.lower_ in EVENT_NAME_WORDS for t in span):
                continue  # 'the Beijing Summit of the Forum on …', 'the Munich Security Conference': events
            context = context_kind(span)
            kind = context or (lk.lex.org_kind(span) if ent.label_ == "ORG" else None)
            if ent.label_ != "ORG" and (kind is None or not lk.lex.org_kind(span)):
                continue  # 'armed Serbs' are people of a nation, not an organisation
            if context and len(span) == 1:
                known = known or slugify(span.text)  # a cue vouches for one word: 'the oil majors Rosneft
            if kind is None and _person_shaped(lk, span):
                kind = "person"  # the small model often tags 'Jane Doe of the X Institute' as ORG
                cut = span.start  # 'his Spokesperson Jane Doe said': the role word is no part of her name
                while cut < span.end - 2 and doc[cut].is_title and (doc[cut].lower_ in AFFILIATION_NOUNS
                                                                    or lk.lex.role_of(doc[cut].lower_)):
                    cut += 1
                span = doc[cut:span.end]
                text = span.text
            acronym = re.sub(r"[-.&]", "", span.text)
            if kind is None and ent.label_ == "ORG" and acronym.isupper() and acronym.isalpha() \
                    and 3 <= len(acronym) <= 10 and acronym not in NOT_ACTOR_ACRONYMS:
                kind = "other_org"  # an unknown acronym the NER calls an organisation: 'SPLM-IO'
            if kind is None or (len(span) == 1 and not known and not span.text.isupper()):
                continue
        else:
            continue
        aid = lk.gz.lookup(text) or slugify(text)
        if aid in lk.gz:
            lk.info(actors, aid)
        elif aid not in actors:
            actors[aid] = ActorInfo(aid, text, kind, {text})
        out.append(Mention(span.start, span.end, (aid,), "ner", text))
    return out


def find_titled_names(lk: Lookup, st: FindState) -> list[Mention]:
    """Names the NER missed: 'presidential aide Hikmet Hajiyev', 'Choi Eun-ji, a research fellow at ...'."""
    doc, actors, taken = st.doc, st.actors, st.taken
    out = []

    def name_run(i: int, step: int) -> tuple[int, int] | None:
        j, words = i, 0
        while 0 <= j < len(doc) and j not in taken and ((doc[j].is_title and doc[j].pos_ == "PROPN")
                                                       or (doc[j].text == "-" and words)
                                                       or (words and doc[j].lower_ in PARTICLES and doc[j].is_lower
                                                           and 0 <= j + step < len(doc)
                                                           and doc[j + step].is_title)):
            words += doc[j].text != "-" and not doc[j].is_lower  # 'Kipruto arap Kirwa' has two name words
            j += step
        lo, hi = (i, j) if step > 0 else (j + 1, i + 1)
        if 2 <= words <= 4 and not any(doc[k].text in lk.forms or lk.lex.role_of(doc[k].text)
                                       or doc[k].lower_ in lk.lex.title_words or doc[k].text in lk.lex.name_titles
                                       for k in range(lo, hi)):
            return lo, hi
        return None

    # after a title of several words: 'EAC Secretary General Veronica Nduva', 'Minister of State Khalifa Almarar'
    for _start, end, _role in lk.roles_in(doc):
        if end - _start > 1 and end < len(doc) and not doc[end]._.headline:
            run = name_run(end, 1)
            if run and (run[1] >= len(doc) or not doc[run[1]].is_title):
                out.append(run)
    for tok in doc[:-2]:
        if tok._.headline:
            continue
        role = bool(lk.lex.role_of(tok.text) or lk.lex.role_of(tok.lower_))
        if role or tok.text in lk.lex.name_titles:  # 'Lieutenant-Colonel Jean Kabore', 'Indo Pacific Coordinator X'
            run = name_run(tok.i + 1, 1)
            if run and (run[1] >= len(doc) or not doc[run[1]].is_title):
                out.append(run)
            elif run is None and _mononym(lk, tok, taken):
                # 'Maoist leader Prachanda ... Prachanda said': the title's word, and the name again by itself
                out += [(t.i, t.i + 1) for t in doc if t.text == doc[tok.i + 1].text and t.i not in taken
                        and not t._.headline and (t.i == tok.i + 1 or not doc[t.i + 1 : t.i + 2].text.istitle())]
        if role or tok.text in lk.lex.name_titles:
            after = _portfolio_end(tok)  # 'Minister of Foreign Affairs Urmas Reinsalu': the name follows the portfolio
            run = name_run(after, 1) if after is not None else None
            if run and (run[1] >= len(doc) or not doc[run[1]].is_title):
                out.append(run)
        if role and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," and tok.is_title:
            run = name_run(tok.i + 2, 1)  # 'the Mexican Ambassador, María Teresa Mercado, and ...': an apposition
            if run and run[1] < len(doc) and doc[run[1]].text in (",", ".", "and", "(", ";"):
                out.append(run)
        comma = _long_title_end(tok) if (role or tok.text in lk.lex.name_titles) and tok.is_title else None
        if comma is not None:
            run = name_run(comma + 1, 1)  # 'Director for Trade Policy of the Foreign Ministry, Jane Doe, said'
            if run and run[1] < len(doc) and doc[run[1]].text in (",", ".", "and", "(", ";"):
                out.append(run)
        if tok.lemma_ == "be" and tok.i >= 2 and _copula_affiliation(lk, tok):
            run = name_run(tok.i - 1, -1)  # 'Ana Ruiz is Director of the Latin America Program at the Wilson Center'
            if run and (run[0] == tok.sent.start or not doc[run[0] - 1].is_title):
                out.append(run)
        if tok.text == "," and tok.i + 2 < len(doc) and _affiliation_after(lk, tok):
            run = name_run(tok.i - 1, -1)
            if run and (run[0] == tok.sent.start or not doc[run[0] - 1].is_title):
                out.append(run)
    mentions = []
    for lo, hi in sorted(set(out)):
        trimmed = _trim(doc[lo:hi])  # 'Tan Sri X Y', 'Datuk Seri X Y': the honorific is no part of the name
        if trimmed is not None and len(trimmed) >= 2:
            lo = trimmed.start
        text = doc[lo:hi].text
        aid = lk.gz.lookup(text) or slugify(text)
        if aid in lk.gz:
            lk.info(actors, aid)
        else:
            actors.setdefault(aid, ActorInfo(aid, text, "person", {text}))
        mentions.append(Mention(lo, hi, (aid,), "titled-name", text))
    return mentions


def _mononym(lk: Lookup, title: Token, taken: set[int]) -> bool:
    """'Maoist leader Prachanda was quoted ... Prachanda said': one name-shaped word after a leading or speaking
    title, no known name, place or date, that the story names again by itself as someone who speaks or acts."""
    doc = title.doc
    i = title.i + 1
    if i + 1 >= len(doc) or i in taken or title.lower_ not in MONONYM_TITLES:
        return False
    word = doc[i]
    if not (word.is_title and word.is_alpha and word.pos_ == "PROPN" and len(word) > 3) or doc[i + 1].is_title \
            or word.text in lk.forms or word.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "NORP", "ORG", "FAC") \
            or lk.lex.role_of(word.text) or word.lower_ in lk.lex.title_words or word.text in lk.lex.name_titles:
        return False
    return any(t.text == word.text and t.i != i and t.dep_ in ("nsubj", "nsubjpass", "poss") for t in doc)


# Titles after which a single name is a person's (mononyms: 'Maoist leader Prachanda', 'rebel commander Kony').
MONONYM_TITLES = {"leader", "chief", "commander", "chairman", "spokesman", "spokeswoman", "spokesperson"}


def _after_title(lk: Lookup, span: Span, title_ends: set[int]) -> bool:
    """'in Langfang, Assistant Secretary of State for East Asian Affairs Daniel Kritenbrink': a title right before
    the name makes it a person's, however the parser attached it to the place before."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return prev.is_title and (span.start in title_ends or prev.text in lk.lex.name_titles or prev.text in PORTFOLIO_ENDS
                              or bool(lk.lex.role_of(prev.text)))


def _long_title_end(title: Token) -> int | None:
    """The comma after a capitalised title's portfolio and body ('Senior Director for China Affairs of the National
    Security Council,'), when only capitalised words and 'for/of/the/and' come between; None otherwise."""
    doc = title.doc
    j = title.i + 1
    if j >= len(doc) or doc[j].lower_ not in ("of", "for"):
        return None
    while j < len(doc) and j - title.i <= 14 and (doc[j].lower_ in ("of", "for", "and", "the", "&")
                                                   or (doc[j].is_title and doc[j].pos_ == "PROPN")):
        j += 1
    return j if j < len(doc) - 1 and doc[j].text == "," and doc[j - 1].is_title else None


def _portfolio_end(title: Token) -> int | None:
    """Where a portfolio after a title ends ('Minister of State for External Affairs' + name), if there is one."""
    doc = title.doc
    j, end = title.i + 1, None
    if j >= len(doc) or doc[j].lower_ not in ("of", "for"):
        return None
    while j < len(doc) and (doc[j].lower_ in ("of", "for", "and", "&") or (doc[j].is_title and doc[j].pos_ == "PROPN")):
        if doc[j].text in PORTFOLIO_ENDS:
            end = j + 1
        j += 1
    return end


# Words before the title in an apposition without an article: 'X, deputy chief of mission at'.
TITLE_MODIFIERS = {"senior", "former", "deputy", "acting", "assistant", "principal", "chief", "executive", "associate"}


def _affiliation_after(lk: Lookup, comma: Token) -> bool:
    """', a research fellow at', ', deputy chief of mission at': a comma opening an affiliation apposition."""
    doc = comma.doc
    j = comma.i + 1
    if doc[j].lower_ in ("a", "an", "the"):
        return doc[j + 1].lemma_.lower() in AFFILIATION_NOUNS | {"senior", "research", "former", "visiting"}
    # ', Europe and Central Asia director at', ', Africa director for': the region a director covers
    k = j
    while k < min(len(doc) - 2, j + 5) and (doc[k].is_title or (doc[k].lower_ == "and" and k > j)):
        k += 1
    if k > j and k < len(doc) - 1 and doc[k].is_lower and doc[k].lemma_.lower() in AFFILIATION_NOUNS \
            and doc[k + 1].lower_ in ("of", "at", "for"):
        return True
    while j < len(doc) - 2 and doc[j].lower_ in TITLE_MODIFIERS and doc[j].is_lower \
            and doc[j + 1].lower_ not in ("of", "at", "for", "to"):
        j += 1
    # without an article only a title then 'of/at/for' ('deputy chief of mission at'), not ', research shows'
    return doc[j].is_lower and (doc[j].lemma_.lower() in AFFILIATION_NOUNS or bool(lk.lex.role_of(doc[j].lower_))) \
        and doc[j + 1].lower_ in ("of", "at", "for", "to")


def _portfolio(span: Span) -> bool:
    """'Diaspora Affairs' in "Cabinet Secretary for Foreign and Diaspora Affairs": the end of an office's title."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].lower_ in ("of", "for") and doc[span.start - 2].lower_ == "minister" \
            and not any(t.ent_type_ == "GPE" for t in span):
        return True  # 'Malian minister of Territorial Administration': whatever follows names the portfolio
    if span[-1].text not in PORTFOLIO_ENDS:
        return False
    j = span.start - 1
    while j >= 0 and doc[j].lower_ not in ("for", "of") and (doc[j].is_title or doc[j].lower_ in ("and", "&", ",")):
        j -= 1
    return j >= 1 and doc[j].lower_ in ("for", "of") and doc[j - 1].lower_ in OFFICE_WORDS


def _listed_with_person(span: Span) -> bool:
    """'in Langfang, Secretary X and Director Y, Jane Doe, ...': a full name joined to a list whose earlier member is
    a person is one of the people, however the list hangs from a place preposition before it."""
    if len(span) < 2:
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
        if tok.ent_type_ == "PERSON" and tok.i < span.start and tok.dep_ == "conj":
            return True  # (the list's first member, right after the preposition, may be a place the NER misread)
    return False


# A meeting of an organisation's officials named as a body: 'the Council of Defence Ministers', 'the Committee of
# Secretaries of the Security Councils'. The officials and their organisation act, not the meeting's name (a known
# body, 'the Council of Ministers' of a state in the gazetteer, is still found by name).
OFFICIALS_MEETING = re.compile(
    r"^(?:Council|Committee|Conference|Board|Meeting|Assembly) of (?:the )?(?:[A-Z][a-z]+ ){0,3}(?:Ministers|Secretaries|"
    r"Heads|Ambassadors|Representatives|Chiefs|Governors|Deputies|Envoys)\b")
# Last words of place names: a state's possessive before them names a place of it, not one of its people.
PLACE_WORDS = {"Sea", "Ocean", "Gulf", "Bay", "Strait", "Straits", "River", "Island", "Islands", "Mountains", "Hills",
               "Valley", "Desert", "Coast", "Peninsula", "Province", "Region", "State", "City", "Lake", "Plain",
               "Heights", "Basin", "Delta", "Canal", "Border", "Corridor", "Bank", "Strip"}


def _possessed_person(lk: Lookup, span: Span) -> bool:
    """"Greece's Giorgos Gerapetritis": two or three name-shaped words, none known or a place word, right after a
    state's possessive (wire copy names a state's official so) are a person, whatever label the NER gave."""
    doc = span.doc
    k = span.start - 1
    if not 2 <= len(span) <= 3 or k < 1 or doc[k].text not in ("'s", "’s") or not lk.state_ending_at(doc, k - 1):
        return False
    return all(t.is_title and t.is_alpha and t.pos_ == "PROPN" and t.text not in lk.forms and t.text not in PLACE_WORDS
               and not lk.lex.role_of(t.text) and t.text not in lk.lex.title_words for t in span)


def _apposed_to_posting(lk: Lookup, span: Span) -> bool:
    """'its ambassador to Peru, Diego Molero, said': a full name apposed to a title and the place of its posting is the
    holder, not one more place of a list."""
    doc = span.doc
    k = span.start - 1
    if len(span) < 2 or k < 3 or doc[k].text != "," or span.end >= len(doc) or doc[span.end].text not in (",", "."):
        return False
    place = k - 1
    while place > 0 and doc[place - 1].is_title and doc[place - 1].text not in ("to", "in"):
        place -= 1  # 'ambassador to South Africa, X'
    return doc[place:k].text in lk.forms and place >= 2 and doc[place - 1].lower_ in ("to", "in", "at") \
        and bool(lk.lex.role_of(doc[place - 2].lower_))


def _place_of(span: Span) -> bool:
    """'the people of Souq al-Juma', 'the outskirts of Kharkiv'."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in PLACE_NOUNS


def _after_headline_verb(span: Span) -> Span | None:
    """'Japan PM Condemns North Korean Launch': a Title Case headline's verb (tagged so by the headline re-parse) that
    the NER took into a name is no part of it; the words after it are (None when none are left)."""
    sent = span.sent
    if sent[-1].text in (".", "?", "!") and sent[-1].i == sent.end - 1:
        return span
    verb = next((t for t in span if t.is_title and t.tag_ in ("VBZ", "VBP")), None)
    if verb is None:
        return span
    return span.doc[verb.i + 1 : span.end] if verb.i + 1 < span.end else None


def _body_then_no_place(lk: Lookup, span: Span, bodies: set[tuple[int, int]]) -> Span:
    """'the Ministry of Foreign Affairs of the Mission': a state body's name, then 'of (the)' and one capitalised word
    that names no state or place, is the body (whose state the unqualified-bodies pass finds); else the span."""
    doc = span.doc
    for s, e in bodies:
        if s != span.start or e >= span.end or doc[e].lower_ != "of":
            continue
        rest = [t for t in doc[e + 1 : span.end] if t.lower_ != "the"]
        if len(rest) == 1 and rest[0].is_title and rest[0].text not in lk.forms and not rest[0].ent_type_ == "GPE" \
                and not lk.gz.state_of(rest[0].text, exact=True):
            return doc[s:e]
    return span


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an", "and", "&", "of", "for")
                           or HONORIFIC.match(doc[start].text)
                           or _honorific_at(doc, start)
                           or (doc[start].is_sent_start and doc[start].lower_ in SENTENCE_OPENERS)):
        start += 1
    # (also a link word the NER left at the end: 'the Politburo of the Communist Party of' + 'Cuba')
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’", ".", ",", "-")
                           or doc[end - 1].lower_ in ("of", "the", "and", "for", "&")):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _honorific_at(doc: Doc, i: int) -> bool:
    """'Seri' of 'Datuk Seri', 'Tan' and 'Sri' of 'Tan Sri': a Malaysian honorific's word, not a name's."""
    t = doc[i]
    if t.text == "Tan":
        return i + 1 < len(doc) and doc[i + 1].text in HONORIFIC_SECOND
    return t.text in HONORIFIC_SECOND and i > 0 and doc[i - 1].text in HONORIFIC_FIRST


def _extend_name(span: Span, taken: set[int]) -> Span:
    """'Sheikh Mohammed bin Abdulrahman' + 'Al Thani': the NER often stops a name at a particle."""
    doc, end = span.doc, span.end
    while end < len(doc) and end not in taken:
        tok = doc[end]
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        if tok.is_title and tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "") and not tok.is_sent_start:
            end += 1
        elif tok.lower_ in PARTICLES and nxt is not None and nxt.is_title and nxt.pos_ == "PROPN":
            end += 1
        elif tok.text == "-" and nxt is not None and nxt.is_alpha and nxt.is_lower and end + 1 not in taken \
                and not doc[end - 1].whitespace_ and not tok.whitespace_ and doc[end - 1].is_title:
            end += 2  # 'Cheng Li-wun', 'Lee Jae-myung': the NER stops at the hyphen of a given name
        else:
            break
    return doc[span.start:end]


# A common noun for an organisation right before its name: 'the carriers' association Linava'.
ORG_NOUN_KINDS = {"association": "other_org", "federation": "other_org", "confederation": "other_org",
                  "syndicate": "other_org", "union": "other_org", "party": "other_org", "company": "company",
                  "firm": "company", "conglomerate": "company", "lender": "company", "broadcaster": "media",
                  "newspaper": "media", "daily": "media", "militia": "armed_group", "watchdog": "ngo", "charity": "ngo"}


def _org_noun_before(span: Span) -> str | None:
    """The kind an organisation noun just before a name gives it ('association Linava'), if it modifies the name."""
    if span.start == 0:
        return None
    prev = span.doc[span.start - 1]
    kind = ORG_NOUN_KINDS.get(prev.lower_)
    if kind is None or not prev.is_lower or not (prev.head.i in range(span.start, span.end)
                                                 or (span.root.head.i == prev.i and span.root.dep_ == "appos")):
        return None
    return kind


# Nouns for a body of people that 'called/named/known as' may name: 'a coalition called the Seleka'.
CALLED_NOUNS = {"coalition": "other_org", "group": "other_org", "movement": "other_org", "alliance": "other_org",
                "organisation": "other_org", "organization": "other_org", "party": "other_org", "front": "other_org",
                "militia": "armed_group", "faction": "armed_group", "rebels": "armed_group", "network": "other_org"}


def _org_called(span: Span) -> str | None:
    """'a coalition called the Seleka', 'a militia known as the Black Lions', 'an alliance named Tumaini': the name a
    noun for a body of people is given is that body (armed when the words around say so)."""
    doc = span.doc
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].lower_ == "as" and doc[i - 1].lower_ == "known":
        i -= 1
    if i < 1 or doc[i].lower_ not in ("called", "named", "known", "dubbed"):
        return None
    verb = doc[i]
    noun = verb.head if verb.dep_ == "acl" else doc[i - 1]
    kind = CALLED_NOUNS.get(noun.lower_)
    if kind is None or noun.i >= verb.i:
        return None
    near = {t.lower_ for t in doc[max(noun.sent.start, noun.i - 6) : noun.i]}
    if near & CONTEXT_KINDS["armed_group"]:
        return "armed_group"  # 'militias in a coalition called X'
    return context_kind(span) or kind


def _titled(span: Span) -> bool:
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and bool(HONORIFIC.match(prev.text))


def _place_then_name(lk: Lookup, span: Span) -> bool:
    """'ambassador in Moscow Alison LeClaire': the place preposition governs the known place before the name."""
    doc = span.doc
    first = span.root.left_edge.i
    if doc[first].lower_ in ("the", "a", "an"):
        first += 1
    return first < span.start and doc[first:span.start].text in lk.forms


def _copula_affiliation(lk: Lookup, be: Token) -> bool:
    """'is a senior fellow at', 'is Director of': a copula whose complement is a role or an affiliation noun."""
    doc = be.doc
    j = be.i + 1
    if j < len(doc) and doc[j].lower_ in ("a", "an", "the"):
        j += 1
    while j < len(doc) and doc[j].lower_ in ("senior", "research", "former", "visiting", "deputy", "executive",
                                             "associate", "nonresident", "non-resident", "program", "project"):
        j += 1
    return j < len(doc) and (doc[j].lemma_.lower() in AFFILIATION_NOUNS or bool(lk.lex.role_of(doc[j].text))
                             or bool(lk.lex.role_of(doc[j].lower_))) and j + 1 < len(doc) \
        and doc[j + 1].lower_ in ("of", "at", "for", "with")


def _spelled_by(actors: dict[str, ActorInfo], acr: str) -> str | None:
    """The one organisation named in the document whose initials spell ``acr``, or end in it when it has three
    letters or more ('FFA' of the 'Pacific Islands Forum Fisheries Agency')."""
    owners = []
    for a in actors.values():
        words = [w for w in a.name.split() if w[:1].isupper()]
        if a.kind == "person" or len(words) < 2:
            continue
        initials = "".join(w[0] for w in words)
        if initials == acr or (len(acr) >= 3 and initials.endswith(acr)):
            owners.append(a.id)
    return owners[0] if len(owners) == 1 else None


def _programme_at(span: Span) -> bool:
    """'the Arctic Security Initiative at the Lowy Institute': a programme inside an organisation acts through it."""
    doc = span.doc
    return span[-1].text in ("Program", "Programme", "Project", "Initiative") and span.end + 1 < len(doc) \
        and doc[span.end].lower_ == "at"


def _has_inner_verb(span: Span) -> bool:
    """'Sofia rejects Commission' (a headline's clause): a lower-case verb inside is no part of a name."""
    return any(t.is_lower and t.pos_ in ("VERB", "AUX") and t.text not in PARTICLES for t in span[1:-1])


# Last words of a unit inside an organisation: 'the Pacific Islands Program at the Lowy Institute' is no person
# (and no actor of its own: its director works for the institute).
UNIT_ENDS = {"Program", "Programme", "Project", "Initiative", "Center", "Centre", "Institute", "Forum", "Office",
             "Unit", "Department", "Desk", "Council", "Group", "Network", "Fund", "Foundation", "Agency"}


def _person_shaped(lk: Lookup, span: Span) -> bool:
    """Two or three capitalised words followed by ', of/at X' or a speech verb: a person the NER called an org.
    Not when a word is a known name ('Greenpeace Australia Pacific said') or names a unit ('X Program at Y')."""
    words = [t for t in span if t.text != "-"]
    if not (2 <= len(words) <= 4) or not all(t.is_title for t in words) or any(t.is_stop for t in words):
        return False
    if words[-1].text in UNIT_ENDS or any(t.text in lk.forms for t in words):
        return False
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in ("of", "at", "from") and span.end + 1 < len(doc):
        return True
    head = span.root.head
    return span.root.dep_ == "nsubj" and head.lemma_ in ("say", "tell", "note", "add", "argue", "write", "warn")


# Surnames with an inner capital: 'LeBlanc', 'McCarthy', 'MacArthur', 'DeSantis' ('str.istitle' says no).
_INNER_CAPITAL = re.compile(r"(?:Mc|Mac|Le|La|De|Di|Da|Du|Van|Fitz)[A-Z][a-z]+")


def _plausible_person(span: Span) -> bool:
    return all(t.is_title or _INNER_CAPITAL.fullmatch(t.text) or t.text in ("-", "de", "da", "del", "bin", "al", "van", "von")
               or (t.is_lower and t.i > span.start and span.doc[t.i - 1].text == "-") for t in span) \
        and not any(t.like_num for t in span)
