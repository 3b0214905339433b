"""Titles before a name: 'Colombian President Gustavo Petro' (LEADS), 'Foreign Minister X', 'Crisis Group expert Y'
(MEMBER_OF), and role nominals resolved to their holder ('the U.S. president')."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.lexicon import Role
from extraction.mentions.model import Mention
from extraction.rules.appositions import _title_of_org_before
from extraction.rules.context import (
    HONORIFIC_WORDS,
    ORG_KINDS,
    SPEECH_VERBS,
    Found,
    RuleContext,
)
from extraction.rules.syntax import of_before
from extraction.rules.title_states import (
    GENERIC_TITLES,
    NOT_HOLDING,
    ORG_STAFF_NOUNS,
    STATE_OFFICES,
    _body_state,
    _counterpart_role,
    _dateline_state,
    _delegation_state,
    _earlier_role_state,
    _government_before,
    _is_subject,
    _last_ministry,
    _office_org,
    _owner_state,
    _place_state,
    _principal_state,
    _sender_state,
    _sentence_state,
    _serving_org,
    _unqualified,
)


def title_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Colombian President Gustavo Petro' → LEADS; 'Foreign Minister X' → MEMBER_OF."""
    doc = ctx.sent.doc
    for m in ctx.m.mentions:
        if m.start < ctx.sent.start or m.end > ctx.sent.end or m.via not in ("name", "ner", "surname", "titled-name"):
            continue
        info = ctx.m.actors.get(m.actor)
        if info is None or info.kind != "person":
            continue
        if m.via == "ner" and doc[m.start].tag_ == "VBZ":
            continue  # a title-case headline's verb taken for a name: 'Japan Prime Minister Condemns North Korean ...'
        role, i, name_start = _title_before(ctx, m.start)
        if role is None:
            # 'Director General of the International Atomic Energy Agency (IAEA) X': a title 'of' an organisation
            # or state right before the name, with no comma
            end = name_start - 3 if name_start - 3 > ctx.sent.start and doc[name_start - 1].text == ")" \
                and doc[name_start - 3].text == "(" else name_start
            titled = _title_of_org_before(ctx, end) if end - 1 > ctx.sent.start else None
            if titled is not None:
                yield Found(m.actor, "LEADS" if titled[2] else "MEMBER_OF", titled[1], m.start, f"title-of:{titled[0].key}",
                            0.7)
                continue
            yield from _office_before_name(ctx, m.actor, m.start, name_start, info.state)
            continue
        if any(doc[k].lower_ in NOT_HOLDING for k in range(max(ctx.sent.start, i - 3), name_start)):
            continue  # 'Opposition leader X', 'former Prime Minister Y' do not lead (or serve) the state
        if role.leads and _unknown_place_before(ctx, i, name_start):
            continue  # 'Ontario Premier X', 'Punjab Chief Minister Y': the head of a place no actor stands for
        sub_unit = junta = False
        deputy = any(doc[k].lower_ in ("deputy", "vice", "assistant") for k in range(i, name_start))
        # ('acting' and 'outgoing' are tagged as participles: "Kosovo's acting Prime Minister X" still leads it)
        while i - 1 >= ctx.sent.start and not ctx.m.at(doc[i - 1]) and (
                doc[i - 1].pos_ in ("ADJ", "NOUN", "PROPN") or doc[i - 1].tag_ == "VBG") \
                and doc[i - 1].is_lower and doc[i - 1].dep_ in ("amod", "compound", "nmod") \
                and doc[i - 1].head.i in range(i, name_start + 1):
            # 'U.S. special envoy X', "Egypt's intelligence chief": skip the qualifiers; a noun qualifier
            # means the person heads a part of the state, not the state.
            # ('junta leader X' heads the junta, which is the state's government: he leads the state)
            junta = junta or (doc[i - 1].lower_ in ("junta", "regime") and role.leads)
            # (a lower-case word the tagger calls a proper noun is a common noun: 'junta leader')
            sub_unit = sub_unit or (doc[i - 1].pos_ in ("NOUN", "PROPN") and doc[i - 1].lower_ not in ("deputy", "vice", "junta",
                                                                                             "regime"))
            deputy = deputy or doc[i - 1].lower_ in ("deputy", "vice", "assistant")
            i -= 1
        before = ctx.m.at(doc[i - 1]) if i - 1 >= ctx.sent.start else None
        if before is None and i - 4 >= ctx.sent.start and doc[i - 1].text == ")" and doc[i - 3].text == "(":
            before = ctx.m.at(doc[i - 4])  # 'Department of Foreign Affairs (DFA) spokesperson X'
        if before is None and i - 2 >= ctx.sent.start and doc[i - 1].text in ("'s", "’s"):
            before = ctx.m.at(doc[i - 2])
        if before is None and i - 2 >= ctx.sent.start and doc[i - 1].lower_ == "whose":
            # 'Vanuatu, whose Prime Minister X': the antecedent of the relative clause
            k = i - 2 if doc[i - 2].text != "," else i - 3
            before = ctx.m.at(doc[k]) if k >= ctx.sent.start else None
        if before is not None and before.via == "pronoun" and doc[before.start].lower_ in ("its", "their") \
                and _speaker(doc[m.end - 1]):
            before = _clause_subject(ctx, before, m.start) or before  # '..., said its Foreign Minister X'
        if before is not None and role.key == "ambassador" and len(before.actors) == 1 \
                and ctx.kind(before.actor) == "igo":
            # "Kenya's UN ambassador X", 'the Kenyan UN envoy Y': a state's envoy to the organisation
            k = before.start - 1
            if k - 1 >= ctx.sent.start and doc[k].text in ("'s", "’s"):
                k -= 1
            sm = ctx.m.at(doc[k]) if k >= ctx.sent.start else None
            if sm is not None and sm.end in (k + 1, before.start) and len(sm.actors) == 1 \
                    and (not sm.place_only or sm.via == "demonym") \
                    and ctx.kind(sm.actor) == "state":
                before = sm
        if before is None and doc[i].lower_ == "ministry" and i == name_start - 2:
            before = _last_ministry(ctx, i)  # "China's foreign ministry said ... ministry spokesman X told"
        counterpart = role.key == "counterpart"
        if counterpart:
            # 'Prime Minister A and his Papua New Guinea counterpart B': B holds A's office
            role = _counterpart_role(ctx, i) or role
        after = None
        # ('withdrawing Ambassador X from Algeria': an ambassador 'from' a state is posted there, not its own)
        if m.end + 1 < ctx.sent.end and doc[m.end].lower_ in (("of",) if role.key == "ambassador" else ("of", "from")) \
                and not doc[m.end].is_title:
            after = ctx.m.at(doc[m.end + 1]) or (ctx.m.at(doc[m.end + 2]) if doc[m.end + 1].lower_ == "the"
                                                  and m.end + 2 < ctx.sent.end else None)
        org = None
        if before is not None and len(before.actors) == 1 and ctx.kind(before.actor) in ("state", "igo", "ngo", "other_org",
                                                                                          "government_body", "armed_group",
                                                                                          "company"):
            org = before.actor
        elif after is not None and len(after.actors) == 1 and ctx.kind(after.actor) != "person":
            org = after.actor  # 'Foreign Minister Cho Hyun of South Korea'
        elif before is not None and len(before.actors) == 1 and ctx.kind(before.actor) == "person" \
                and not role.leads and ctx.state_of(before.actor):
            # "the Thai prime minister's spokesman X", "Trump's envoy Y": they serve the state of the one they serve
            org = ctx.state_of(before.actor)
        else:
            org = _office_org(ctx, m.actor, role.key) or info.state
            if org is None and junta and m.actor not in ctx.gz:
                org = _sentence_state(ctx, doc[m.end - 1]) or _principal_state(ctx)  # the story's junta
            subject = _is_subject(doc[m.end - 1])
            if org is None and m.actor not in ctx.gz and role.key in STATE_OFFICES | {"ambassador"} \
                    and _unqualified(ctx, i):
                org = _sender_state(ctx, i, doc[m.end - 1])  # 'Fiji will be represented by Deputy Prime Minister X'
            if org is None and m.actor not in ctx.gz and role.key in STATE_OFFICES:
                org = _sentence_state(ctx, doc[m.end - 1]) or _place_state(ctx, m.start)  # 'in Ankara, he met Minister X'
            if org is None and m.actor not in ctx.gz and (role.key in STATE_OFFICES or (role.key == "president" and subject)
                                                      or (role.key == "leader" and doc[i].lower_.startswith("director"))) \
                    and (doc[i].is_title or doc[i].lower_ == "government") and _unqualified(ctx, i):
                # ('government negotiator X': a lower-case title that says it serves a state)
                # 'Foreign Minister X said' with no country named: the state whose body the sentence names, or
                # the state that was the subject just before ('Peru broke off relations ... Foreign Minister X'),
                # or a title the document gave before ("China's vice foreign minister ... Vice foreign minister X")
                org = _earlier_role_state(ctx, i, name_start, role.key) or _body_state(ctx) or _delegation_state(ctx, m.start) \
                    or _government_before(ctx)
                if org is None and subject:
                    # 'Solomon Islands' decision ..., Prime Minister X told parliament'; a 'NAIROBI -' story's
                    # 'President X has appointed': only a speaker or agent, not one the story's state acts upon
                    org = _owner_state(ctx) or _dateline_state(ctx)
            if org is None and m.actor not in ctx.gz and role.key == "ambassador" and doc[i].is_title \
                    and _unqualified(ctx, i):
                # 'summoned the Turkish Ambassador ... The ministry handed Ambassador X a letter': the state of the
                # ambassador the story named (never the state acting on them)
                org = _earlier_role_state(ctx, i, name_start)
            if org is None and m.actor not in ctx.gz and counterpart:
                org = _delegation_state(ctx, m.start)  # 'the Bangladeshi side is led by his counterpart X'
        if org and ctx.kind(org) == "government_body" and not role.leads:
            org = ctx.state_of(org) or org  # 'Chinese foreign ministry spokesman X' works for China
        if org:
            # 'Lebanese army commander General X' heads the army; a deputy or a 'President' of a body does not
            heads_body = before is not None and before.actor == org and not deputy  # 'KRG Prime Minister X' too
            # a 'Deputy Prime Minister' serves the government the prime minister leads
            leads = role.leads and not sub_unit and (heads_body if ctx.kind(org) == "government_body" else not deputy)
            if ctx.kind(org) == "state" and any(doc[k].lower_.startswith("director") for k in range(i, name_start)):
                leads = False  # a state's 'Director General X' runs a department: a member, not the state's leader
            yield Found(m.actor, "LEADS" if leads else "MEMBER_OF", org, m.start, f"title:{role.key}", 0.8)


# Capitalised words that qualify a leading title without naming whose it is: 'Acting President X'.
TITLE_QUALIFIERS = {"acting", "interim", "transitional", "caretaker", "junta", "military", "outgoing", "incoming", "new",
                    "first", "senior", "supreme", "deputy", "vice", "assistant", "grand", "crown", "elected", "the"}


def _unknown_place_before(ctx: RuleContext, i: int, name_start: int) -> bool:
    """A capitalised word opening the title that is no actor, no title word and no qualifier: 'Ontario Premier X'
    heads a province, not the country the story names."""
    doc = ctx.sent.doc
    if i - 1 >= ctx.sent.start and ctx.m.at(doc[i - 1] if doc[i - 1].text not in ("'s", "’s") else doc[i - 2]):
        return False  # 'ECOWAS Commission President X': the actor before the title is whose it is
    for k in range(i, name_start):
        tok = doc[k]
        if tok.lower_ in ctx.lex.lower_role_words or ctx.lex.role_of(tok.text) or HONORIFIC_WORDS.match(tok.text):
            return False  # the title itself starts here
        # ('In November President X': a date is no place)
        if tok.is_title and tok.pos_ == "PROPN" and not ctx.m.at(tok) and tok.lower_ not in TITLE_QUALIFIERS \
                and tok.ent_type_ not in ("DATE", "TIME") and tok.dep_ in ("compound", "nmod", "amod") \
                and tok.head.i in range(k + 1, name_start + 8):
            return True
    return False


def _office_before_name(ctx: RuleContext, person: str, start: int, name_start: int, home: str | None) -> Iterator[Found]:
    """No title word before a person's name: a named office ('U.S. Trade Representative X'), an organisation's
    staff noun ('Crisis Group expert X') or a generic title ('Economy Secretary X') says whom they serve."""
    doc = ctx.sent.doc
    before_name = ctx.m.at(doc[name_start - 1]) if name_start - 1 >= ctx.sent.start else None
    if before_name is not None and len(before_name.actors) == 1 and before_name.via in ("name", "body") \
            and ctx.kind(before_name.actor) == "government_body" and before_name.end == name_start:
        # 'U.S. Trade Representative Jamieson Greer': a named office before the name.
        state = ctx.state_of(before_name.actor)
        if state and state != before_name.actor:
            yield Found(person, "MEMBER_OF", state, start, "title:office", 0.7)
        return
    if name_start - 2 >= ctx.sent.start and doc[name_start - 1].text in ("'s", "’s"):
        # "China's Wang Yi", "Russia's Lavrov": a known office holder of the state named as its own
        owner = ctx.m.at(doc[name_start - 2])
        if owner is not None and len(owner.actors) == 1 and owner.end == name_start - 1 \
                and ctx.kind(owner.actor) == "state":
            if person in ctx.gz:
                offices = [o for o in ctx.gz.get(person).offices if o.of == owner.actor]
                # the office held on the document's date; an undated document leads only if every office it
                # could mean leads ("Germany's Steinmeier" in an old story is not today's president)
                dated = [o for o in offices if ctx.m.when is not None and o.held_on(ctx.m.when)]
                offices = dated or offices
                if offices:
                    leads = all((r := ctx.lex.roles.get(o.role)) is not None and r.leads for o in offices)
                    yield Found(person, "LEADS" if leads else "MEMBER_OF", owner.actor, start, "title:possessive", 0.65)
                    return
            elif (name_start - 2 == owner.start or doc[owner.start - 1].lower_ not in NOT_HOLDING) \
                    and _closed(ctx) and not _titled_elsewhere(ctx, person):
                # (not in a headline, whose clipped words make poor names: "China's Prez Xi praises ...")
                # "Greece's Giorgos Gerapetritis and Turkey's Hakan Fidan": a person the gazetteer does not know,
                # named as a state's own, speaks for it
                yield Found(person, "MEMBER_OF", owner.actor, start, "title:possessive", 0.6)
                return
    # 'Crisis Group expert X', 'Supreme Court judge X', 'AU peace commissioner X', 'UN under secretary for
    # peacekeeping operations X': the organisation before a lower-case staff title
    j = name_start - 1
    while j > ctx.sent.start and name_start - j <= 6 and (doc[j].is_lower or doc[j].text in ("-", "–")):
        j -= 1
    staff = [t for t in doc[j + 1 : name_start] if t.is_lower and t.lemma_.lower() in ORG_STAFF_NOUNS]
    org_end = j + 1
    if org_end - 3 >= ctx.sent.start and doc[org_end - 1].text == ")" and doc[org_end - 3].text == "(":
        org_end -= 3  # 'Department of Foreign Affairs (DFA) spokesperson X': the name before its acronym
    org_m = ctx.m.at(doc[org_end - 1]) if org_end - 1 >= ctx.sent.start and j + 1 < name_start else None
    if staff and org_m is not None and org_m.end == org_end and len(org_m.actors) == 1 and not org_m.place_only \
            and ctx.kind(org_m.actor) in ORG_KINDS:
        yield Found(person, "MEMBER_OF", org_m.actor, start, "title:org-staff", 0.7)
        return
    rank_org = _ranked_by(ctx, name_start)
    if rank_org is not None:
        yield Found(person, "MEMBER_OF", rank_org, start, "title:rank", 0.7)
        return
    if name_start - 1 >= ctx.sent.start and doc[name_start - 1].text in GENERIC_TITLES \
            and name_start - 2 >= ctx.sent.start and doc[name_start - 2].is_title:
        # 'Economy Secretary Marcelo Ebrard': a minister of the state the story is about.
        state = _serving_org(ctx, person) or home or _sentence_state(ctx) or _principal_state(ctx)
        if state:
            yield Found(person, "MEMBER_OF", state, start, "title:minister", 0.55)


# Military and police ranks, in full and abbreviated: 'Polish Maj. X', "Ukraine's Lt. Gen. Y" serve their state.
RANKS = {"General", "Gen.", "Gen", "Lieutenant", "Lt.", "Lt", "Colonel", "Col.", "Col", "Major", "Maj.", "Maj",
         "Captain", "Capt.", "Capt", "Brigadier", "Brig.", "Sergeant", "Sgt.", "Corporal", "Cpl.", "Admiral", "Adm.",
         "Commodore", "Marshal", "Commander", "Cmdr.", "Lt.-Col.", "Lt.-Gen.", "Maj.-Gen.", "Brig.-Gen.", "-"}


def _ranked_by(ctx: RuleContext, name_start: int) -> str | None:
    """'Polish Maj. X', "Nigeria's army Brig. Gen. Y", 'a Ukrainian Col. Z': the state (or its body's state) named
    right before a military rank before the name; the rank says the person serves in its forces."""
    doc = ctx.sent.doc
    k = name_start - 1
    while k >= ctx.sent.start and name_start - k <= 5:
        if doc[k].text in RANKS:
            k -= 1
        elif doc[k].text == "." and k - 1 >= ctx.sent.start and doc[k - 1].text + "." in RANKS:
            k -= 2  # the tokenizer splits 'Maj.' into 'Maj' and '.'
        else:
            break
    if k == name_start - 1 or k < ctx.sent.start or doc[k + 1].text == "-":
        return None
    if doc[k].is_lower and doc[k].pos_ == "NOUN" and ctx.m.at(doc[k]) is None and k - 1 >= ctx.sent.start:
        k -= 1  # 'Polish army Maj. X' (a body noun the finder did not read as one)
    if doc[k].text in ("'s", "’s") and k - 1 >= ctx.sent.start:
        k -= 1
    om = ctx.m.at(doc[k])
    if om is None or len(om.actors) != 1 or om.end != k + 1 or om.place_only:
        return None
    if ctx.kind(om.actor) == "government_body":
        return ctx.state_of(om.actor)
    return om.actor if ctx.kind(om.actor) == "state" else None


def _title_before(ctx: RuleContext, start: int) -> tuple[Role | None, int, int]:
    """The role title in the capitalised words right before a name, where it starts, and where the name
    (after honorifics) starts: 'NATO Secretary General Mark Rutte', "Qatar's Minister of State X",
    'Deputy Secretary of State X', 'Prime Minister Sheikh Mohammed X'."""
    doc = ctx.sent.doc
    name_starts = [start]
    k = start
    while k - 1 >= ctx.sent.start and HONORIFIC_WORDS.match(doc[k - 1].text):
        k -= 1
        name_starts.append(k)
    for name_start in name_starts:  # 'General' may be a rank or part of 'Secretary General'
        end = name_start
        if end - 1 > ctx.sent.start and doc[end - 1].text == ")":
            # 'Director General (South Asia and SAARC) X': the title stands before the bracketed portfolio
            end = next((p for p in range(end - 2, max(ctx.sent.start, end - 9) - 1, -1) if doc[p].text == "("), end)
        lo = end
        # ('Assistant Secretary of State for East Asian Affairs X': a portfolio lengthens the title)
        while lo - 1 >= ctx.sent.start and end - (lo - 1) <= (10 if any(t.lower_ == "for" for t in doc[lo:end]) else 6) \
                and not ctx.m.at(doc[lo - 1]) and (
                doc[lo - 1].is_title or doc[lo - 1].lower_ in ("of", "for", "-") or ctx.lex.role_of(doc[lo - 1].lower_)
                or doc[lo - 1].text in ctx.lex.lower_role_words or ctx.lex.role_of(doc[lo - 1].text)
                or _portfolio_and(ctx, lo - 1)):
            # (a role form written in capitals is no title-case word: "Japan's PM X")
            lo -= 1
        for length in range(end - lo, 0, -1):  # longest title first, nearest the name first
            for k in range(end - length, lo - 1, -1):
                role = ctx.lex.role_of(doc[k : k + length].text)
                if role:
                    # the org may stand before qualifiers: "Qatar's Minister of State", 'Deputy Secretary of State'
                    return role, lo, name_start
    return None, start, start


def _speaker(tok: Token) -> bool:
    """Whether the name is the subject of a verb of saying: the speaker's tag '..., said its minister X'."""
    while tok.dep_ in ("compound", "flat", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH_VERBS


def _closed(ctx: RuleContext) -> bool:
    """Whether the sentence ends with a full stop (or a question or quote mark): running text, not a headline."""
    last = next((t for t in reversed(ctx.sent) if not t.is_space), None)
    return last is not None and last.text in (".", "?", "!", '"', "”", "'")


def _titled_elsewhere(ctx: RuleContext, person: str) -> bool:
    """Whether the document gives the person a title before a mention ('Prime Minister X' after "Macedonia's X")."""
    doc = ctx.sent.doc
    for om in ctx.m.mentions:
        if om.actors == (person,) and om.via in ("name", "ner", "surname", "titled-name") and any(
                om.start - n >= 0 and ctx.lex.role_of(doc[om.start - n : om.start].text) for n in (1, 2, 3)):
            return True
    return False


def _clause_subject(ctx: RuleContext, pron: Mention, name: int) -> Mention | None:
    """Whose 'its' a title is in a speaker's tag: the state or organisation that is the subject of the sentence's
    main clause or of the clause it reports ('Indonesia has not sent a note to Malaysia over a claim that Malaysian
    troops ..., said its Foreign Minister X' is Indonesia's, not the troops'), when just one is."""
    root = ctx.sent.root
    clauses = [root, *(c for c in root.children if c.dep_ in ("ccomp", "parataxis", "conj") and c.pos_ in ("VERB", "AUX"))]
    found: list[Mention] = []
    for verb in clauses:
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not c.left_edge.i <= name <= c.right_edge.i):
            sm = ctx.m.at(subj)
            if sm is not None and sm.end == subj.i + 1 and len(sm.actors) == 1 and not sm.place_only \
                    and ctx.kind(sm.actor) in ("state", "igo", "ngo", "other_org", "government_body", "armed_group"):
                found.append(sm)
    owners = {f.actor for f in found}
    if len(owners) != 1 or set(pron.actors) <= owners:
        return None
    return found[0]


def _portfolio_and(ctx: RuleContext, k: int) -> bool:
    """'and' joining two capitalised words of a portfolio after 'of' / 'for': 'Minister of Construction and
    Infrastructure X', 'Minister for Trade and Industry Y' (not 'President A and Foreign Minister B')."""
    doc = ctx.sent.doc
    return doc[k].lower_ == "and" and k - 2 >= ctx.sent.start and doc[k + 1].is_title and doc[k - 1].is_title \
        and not ctx.m.at(doc[k - 1]) and doc[k - 2].lower_ in ("of", "for")


def role_rule(ctx: RuleContext) -> Iterator[Found]:
    """"Hungary's foreign minister" (resolved to the office holder) → MEMBER_OF Hungary; 'the U.S. president' → LEADS."""
    for m in ctx.m.mentions:
        if m.via != "role" or not (ctx.sent.start <= m.start < ctx.sent.end) or not m.org or not m.role:
            continue
        role = ctx.lex.roles.get(m.role)
        if role is not None:
            yield Found(m.actor, "LEADS" if role.leads else "MEMBER_OF", m.org, m.start, f"role:{m.role}", 0.7)


def listed_title_rule(ctx: RuleContext) -> Iterator[Found]:
    """'foreign ministers A of Brazil, B of Venezuela and C of Ecuador', 'Presidents A of X and B of Y': a title
    (often plural) before a list of 'person of state' items gives each person that office of their own state."""
    for m in ctx.m.mentions:
        if not (ctx.sent.start <= m.start < ctx.sent.end) or len(m.actors) != 1 or ctx.kind(m.actor) != "person":
            continue
        state = _of_state(ctx, m.end)
        if state is None:
            continue
        role = _list_title(ctx, m.start)
        if role is not None:
            yield Found(m.actor, "LEADS" if role.leads else "MEMBER_OF", state.actor, m.start, f"title-list:{role.key}",
                        0.7)


def _of_state(ctx: RuleContext, end: int) -> Mention | None:
    """The state named in 'of (the) <state>' right after token ``end`` - 1, when it ends the list item."""
    doc = ctx.sent.doc
    j = end
    if j + 1 >= ctx.sent.end or doc[j].lower_ != "of":
        return None
    j += 2 if doc[j + 1].lower_ == "the" else 1
    om = ctx.m.at(doc[j]) if j < ctx.sent.end else None
    if om is None or om.start != j or len(om.actors) != 1 or om.place_only or ctx.kind(om.actor) != "state":
        return None
    after = doc[om.end] if om.end < ctx.sent.end else None
    if after is not None and ((after.is_lower and after.pos_ in ("NOUN", "ADJ")) or after.text in ("'s", "’s")):
        return None  # 'A of Brazil's ministry', 'of Brazil affairs': the state qualifies something else
    return om


def _list_title(ctx: RuleContext, start: int) -> Role | None:
    """The title before the list of 'person of state' items whose item starts at ``start``: 'foreign ministers',
    'Presidents', 'Prime Minister' (none after 'former', 'opposition'...)."""
    doc = ctx.sent.doc
    k = start
    for _ in range(8):
        role = _title_ending(ctx, k)
        if role is not None:
            return role
        p = k - 1  # the item before: 'B of Venezuela' in ', B of Venezuela and C of Ecuador'
        if p < ctx.sent.start or doc[p].lower_ not in ("and", ","):
            return None
        if doc[p].lower_ == "and" and p - 1 >= ctx.sent.start and doc[p - 1].text == ",":
            p -= 1
        sm = ctx.m.at(doc[p - 1]) if p - 1 >= ctx.sent.start else None
        if sm is None or sm.end != p or len(sm.actors) != 1 or ctx.kind(sm.actor) != "state":
            return None
        q = of_before(ctx.sent, sm.start)
        if q is None:
            return None
        pm = ctx.m.at(doc[q - 1])
        if pm is None or pm.end != q or len(pm.actors) != 1 or ctx.kind(pm.actor) != "person":
            return None
        k = pm.start
    return None


def _title_ending(ctx: RuleContext, end: int) -> Role | None:
    """A role title (singular or plural, any case) in the one to three words before token ``end``."""
    doc = ctx.sent.doc
    for length in (3, 2, 1):
        lo = end - length
        if lo < ctx.sent.start or any(ctx.m.at(t) for t in doc[lo:end]):
            continue
        last = doc[end - 1]
        for head in {last.text, last.lemma_, last.lemma_.capitalize() if last.is_title else last.lemma_}:
            role = ctx.lex.role_of(" ".join([*(t.text for t in doc[lo : end - 1]), head]))
            if role is not None and role.key != "counterpart":
                if lo - 1 >= ctx.sent.start and doc[lo - 1].lower_ in NOT_HOLDING:
                    return None  # 'former presidents A of X and B of Y'
                return role
    return None


def role_group_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Presidents of Kazakhstan and Uzbekistan held talks', 'the Indian and Chinese leaders': an office of two or more
    states; each state's holder is the person the document names who holds that office of it (by the gazetteer;
    'leaders' any leading office), when just one does."""
    doc = ctx.sent.doc
    people = None
    for tok in ctx.sent:
        if tok.tag_ not in ("NNS", "NNPS"):
            continue
        prev = doc[tok.i - 1] if tok.i > ctx.sent.start else None
        role = (ctx.lex.role_of(f"{prev.text} {tok.lemma_}") if prev is not None else None) \
            or ctx.lex.role_of(tok.lemma_) or ctx.lex.role_of(tok.lemma_.lower())
        if role is None or role.key == "counterpart":
            continue
        if any(c.lower_ in NOT_HOLDING | {"deputy", "vice", "assistant"} for c in tok.lefts):
            continue  # 'the former presidents of X and Y'
        owners = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss") and ctx.m.at(c)]
        owners += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj"]
        owners += [x for o in owners for x in o.conjuncts]
        states = list(dict.fromkeys(a for o in owners for a in ctx.np_actors(o) if ctx.kind(a) == "state"))
        if len(states) < 2:
            continue  # one state's 'presidents' are its successive ones
        if people is None:
            people = list(dict.fromkeys(a for m in ctx.m.mentions for a in m.actors
                                        if ctx.kind(a) == "person" and a in ctx.gz))
        for state in states:
            holders = [p for p in people if any(o.of == state and (o.role == role.key or (
                role.key == "leader" and (ctx.lex.roles.get(o.role) or role).leads)) for o in ctx.gz.get(p).offices)]
            if len(holders) == 1:
                yield Found(holders[0], "LEADS" if role.leads else "MEMBER_OF", state, tok.i, f"role-group:{role.key}",
                            0.6)


def predicate_title_rule(ctx: RuleContext) -> Iterator[Found]:
    """'X was elected president of Chile', 'Peru named X foreign minister', 'Kenya appointed X as foreign minister',
    'X became prime minister': the title said of a person gives them the office of the state it names, else of the
    state that appointed them, else of their own state."""
    for tok in ctx.sent:
        if not (tok.dep_ in ("attr", "oprd") or (tok.dep_ == "pobj" and tok.head.lower_ == "as")) or ctx.m.at(tok):
            continue
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.i == tok.i - 1]
        role = (ctx.lex.role_of(f"{mods[0].text} {tok.text}") if mods else None) or ctx.lex.role_of(tok.lower_) \
            or ctx.lex.role_of(tok.text)
        if role is None or role.key == "counterpart" or any(c.lower_ in NOT_HOLDING for c in tok.lefts):
            continue
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if verb.pos_ not in ("VERB", "AUX") or ctx.negated(verb):
            continue
        objects = [a for c in verb.children if c.dep_ == "dobj" for a in ctx.np_actors(c) if ctx.kind(a) == "person"]
        subjects = [a for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for a in ctx.np_actors(c)]
        people = objects or [a for a in subjects if ctx.kind(a) == "person"]
        owners = [a for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod") for a in ctx.np_actors(c)]
        owners += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        # (states and intergovernmental bodies only: 'named head of the Ministry of ... of the Mission' is too loose
        # a read for a body's name)
        owners = [a for a in owners if ctx.kind(a) in ("state", "igo")]
        if not owners and objects:  # 'Peru named X foreign minister': the appointer
            owners = [a for a in subjects if ctx.kind(a) == "state"]
        deputy = any(c.lower_ in ("deputy", "vice", "assistant") for c in tok.subtree if c.i < tok.i)
        for person in people:
            for org in owners or [s for s in (ctx.state_of(person),) if s]:
                leads = role.leads and not deputy
                yield Found(person, "LEADS" if leads else "MEMBER_OF", org, tok.i, f"title-predicate:{role.key}", 0.6)
