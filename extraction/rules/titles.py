"""Membership and leadership: titles, role nominals, appositions, 'X of the Y', 'the X-led Y'."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.lexicon import Role
from extraction.mentions.model import Mention
from extraction.rules.context import (
    HONORIFIC_WORDS,
    ORG_KINDS,
    Found,
    RuleContext,
    _pairs,
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
            yield from _office_before_name(ctx, m.actor, m.start, name_start, info.state)
            continue
        if any(doc[k].lower_ in NOT_HOLDING for k in range(max(ctx.sent.start, i - 3), name_start)):
            continue  # 'Opposition leader X', 'former Prime Minister Y' do not lead (or serve) the state
        sub_unit = junta = False
        deputy = any(doc[k].lower_ in ("deputy", "vice", "assistant") for k in range(i, name_start))
        # ('acting' and 'outgoing' are tagged as participles: "Kosovo's acting Prime Minister X" still leads it)
        while i - 1 >= ctx.sent.start and not ctx.m.at(doc[i - 1]) and (
                doc[i - 1].pos_ in ("ADJ", "NOUN") or doc[i - 1].tag_ == "VBG") \
                and doc[i - 1].is_lower and doc[i - 1].dep_ in ("amod", "compound", "nmod") \
                and doc[i - 1].head.i in range(i, name_start + 1):
            # 'U.S. special envoy X', "Egypt's intelligence chief": skip the qualifiers; a noun qualifier
            # means the person heads a part of the state, not the state.
            # ('junta leader X' heads the junta, which is the state's government: he leads the state)
            junta = junta or (doc[i - 1].lower_ in ("junta", "regime") and role.leads)
            sub_unit = sub_unit or (doc[i - 1].pos_ == "NOUN" and doc[i - 1].lower_ not in ("deputy", "vice", "junta",
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
        if before is None and doc[i].lower_ == "ministry" and i == name_start - 2:
            before = _last_ministry(ctx, i)  # "China's foreign ministry said ... ministry spokesman X told"
        if role.key == "counterpart":
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
        else:
            org = _office_org(ctx, m.actor, role.key) or info.state
            if org is None and junta and m.actor not in ctx.gz:
                org = _sentence_state(ctx, doc[m.end - 1]) or _principal_state(ctx)  # the story's junta
            subject = _is_subject(doc[m.end - 1])
            if org is None and m.actor not in ctx.gz and role.key in STATE_OFFICES:
                org = _sentence_state(ctx, doc[m.end - 1]) or _place_state(ctx, m.start)  # 'in Ankara, he met Minister X'
            if org is None and m.actor not in ctx.gz and (role.key in STATE_OFFICES or (role.key == "president" and subject)
                                                      or (role.key == "leader" and doc[i].lower_.startswith("director"))) \
                    and doc[i].is_title and _unqualified(ctx, i):
                # 'Foreign Minister X said' with no country named: the state whose body the sentence names, or
                # the state that was the subject just before ('Peru broke off relations ... Foreign Minister X'),
                # or a title the document gave before ("China's vice foreign minister ... Vice foreign minister X")
                org = _earlier_role_state(ctx, i, name_start) or _body_state(ctx) or _delegation_state(ctx, m.start) \
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
    if name_start - 2 >= ctx.sent.start and doc[name_start - 1].text in ("'s", "’s") and person in ctx.gz:
        # "China's Wang Yi", "Russia's Lavrov": a known office holder of the state named as its own
        owner = ctx.m.at(doc[name_start - 2])
        offices = [o for o in ctx.gz.get(person).offices if owner is not None and len(owner.actors) == 1
                   and o.of == owner.actor and ctx.kind(owner.actor) == "state"]
        if offices:
            role = ctx.lex.roles.get(offices[0].role)
            yield Found(person, "LEADS" if role is not None and role.leads else "MEMBER_OF", offices[0].of, start,
                        "title:possessive", 0.65)
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
    if name_start - 1 >= ctx.sent.start and doc[name_start - 1].text in GENERIC_TITLES \
            and name_start - 2 >= ctx.sent.start and doc[name_start - 2].is_title:
        # 'Economy Secretary Marcelo Ebrard': a minister of the state the story is about.
        state = _serving_org(ctx, person) or home or _sentence_state(ctx) or _principal_state(ctx)
        if state:
            yield Found(person, "MEMBER_OF", state, start, "title:minister", 0.55)


# Lower-case nouns for the staff of the organisation named before them: 'Crisis Group expert X'.
ORG_STAFF_NOUNS = {"expert", "analyst", "researcher", "fellow", "economist", "judge", "justice", "lawyer",
                   "prosecutor", "official", "spokesman", "spokeswoman", "spokesperson", "negotiator", "director",
                   "adviser", "advisor", "scholar", "professor", "investigator", "monitor", "envoy", "commissioner",
                   "secretary", "representative", "coordinator", "rapporteur", "officer", "mediator", "delegate"}


def _last_ministry(ctx: RuleContext, i: int) -> Mention | None:
    """The ministry the document named last before token ``i``, for a bare 'ministry spokesman X'."""
    found = [m for m in ctx.m.mentions if m.end <= i and len(m.actors) == 1 and m.text.lower().endswith("ministry")
             and ctx.kind(m.actor) == "government_body"]
    return found[-1] if found else None


def _unqualified(ctx: RuleContext, i: int) -> bool:
    """No word before the title that could say whose office it is ('Foreign Minister X', not 'his Thai ...')."""
    doc = ctx.sent.doc
    if i == ctx.sent.start:
        return True
    prev = doc[i - 1]
    if prev.dep_ in ("amod", "compound", "poss", "nmod"):
        return False  # 'acting Prime Minister', 'his Foreign Minister'
    return prev.pos_ in ("PUNCT", "CCONJ", "ADP", "VERB", "AUX", "SCONJ") or prev.lower_ in ("the",)


def _body_state(ctx: RuleContext) -> str | None:
    """The one state whose body is a subject in the sentence ('..., the Armenian Foreign Ministry said')."""
    doc = ctx.sent.doc
    states = {ctx.state_of(a) for m in ctx.m.mentions if ctx.sent.start <= m.start < ctx.sent.end
              and doc[m.end - 1].dep_ == "nsubj" for a in m.actors if ctx.kind(a) == "government_body"} - {None}
    return next(iter(states)) if len(states) == 1 else None


def _government_before(ctx: RuleContext) -> str | None:
    """The state whose government or ministry was the subject of the sentence just before ("Afghanistan's Taliban
    government denounced the raids. Chief spokesman X said ..."): its spokesman speaks next. A bare state as that
    subject is not enough ('Pakistan shelled Afghan posts. Chief spokesman X' may speak for the other side)."""
    doc = ctx.sent.doc
    if ctx.sent.start == 0:
        return None
    prev = doc[ctx.sent.start - 1].sent
    states = set()
    for subj in (t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"):
        m = ctx.m.at(subj)
        if m is not None and len(m.actors) == 1 and (m.via == "proxy" or ctx.kind(m.actor) == "government_body"):
            states.add(ctx.state_of(m.actor))
        elif m is None and subj.lemma_.lower() in GOVERNMENT_NOUNS:  # "Afghanistan's Taliban government"
            states.update(a for a in ctx.np_actors(subj) if ctx.kind(a) == "state")
    states.discard(None)
    return next(iter(states)) if len(states) == 1 else None


GOVERNMENT_NOUNS = {"government", "ministry", "administration", "cabinet", "presidency", "junta", "authorities"}


# Nouns for the people a state sends: 'The Ukrainian delegation included Defence Minister X and ...'.
DELEGATION_NOUNS = {"delegation", "team", "entourage"}


def _delegation_state(ctx: RuleContext, name: int) -> str | None:
    """The state of a delegation the sentence names before the person ('The Ukrainian delegation included
    Defence Minister X', "Russia's team was led by Y", 'the delegation from Peru, led by Z'), if just one."""
    doc = ctx.sent.doc
    states = set()
    for tok in doc[ctx.sent.start : ctx.sent.end]:
        if tok.lemma_.lower() not in DELEGATION_NOUNS | {"side"} or tok.pos_ != "NOUN":
            continue
        if (tok.i >= name or tok.lemma_.lower() == "side") and not _heads(doc[name], tok):
            continue  # after the name, or 'the Indian side': only one the person heads ('X is leading the delegation')
        owners = [c for c in tok.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
        owners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                   for g in c.children if g.dep_ == "pobj"]
        owners += [c for o in owners for c in o.conjuncts]  # 'the Peruvian and Chilean delegations': two states
        for o in owners:
            om = ctx.m.at(o)
            if om is not None and len(om.actors) == 1 and ctx.kind(om.actor) == "state":
                states.add(om.actor)
    return next(iter(states)) if len(states) == 1 else None


def _heads(person: Token, group: Token) -> bool:
    """'X is heading the Indian delegation', 'the Bangladeshi side is led by X': the person leads the group noun."""
    verb = group.head
    if verb.lemma_ not in ("head", "lead") or group.dep_ not in ("dobj", "nsubjpass"):
        return False
    tok = person
    while tok.dep_ in ("compound", "flat", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "nsubj" and tok.head.i == verb.i:
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.i == verb.i


def _dateline_state(ctx: RuleContext) -> str | None:
    """The state of the wire dateline's city ('LIMA, Nov 4 (Agency) -'): where a story's unqualified officials serve."""
    doc = ctx.sent.doc
    first = next((t.i for t in doc[:80] if t._.skip), None)
    if first is None:
        return None
    words = []
    for tok in doc[first : first + 6]:
        if tok.text == "/" or "/" in tok.text:
            return None  # 'ISLAMABAD/KABUL': two capitals, no one state
        if not tok._.skip or tok.text in (",", "("):
            break
        words.append(tok.text_with_ws)
    city = "".join(words).strip().title()
    state = ctx.gz.capitals.get(city)
    return state if state and state in ctx.m.counts else None


def _counterpart_role(ctx: RuleContext, i: int) -> Role | None:
    """The office of the person whose counterpart this is ('his counterpart' after 'Prime Minister A')."""
    doc = ctx.sent.doc
    owner = None
    for k in range(i - 1, max(ctx.sent.start, i - 5) - 1, -1):
        om = ctx.m.at(doc[k])
        if om is not None and doc[k].dep_ == "poss" and len(om.actors) == 1 and ctx.kind(om.actor) == "person":
            owner = om.actor
            break
    if owner is None:
        # no possessor ('Prime Minister A and counterpart B', 'President A held talks with Chinese counterpart B'):
        # the person the sentence named last before the counterpart
        people = [om for om in ctx.m.mentions if ctx.sent.start <= om.start and om.end <= i and len(om.actors) == 1
                  and ctx.kind(om.actor) == "person" and om.via in ("name", "ner", "surname", "titled-name")]
        if not people:
            return None
        owner = people[-1].actor
    for om in ctx.m.mentions:  # the title before a mention of the owner, anywhere in the document so far
        if om.actor != owner or om.start >= i or om.via not in ("name", "ner", "surname", "titled-name"):
            continue
        for length in (3, 2, 1):
            if om.start - length >= 0:
                role = ctx.lex.role_of(doc[om.start - length : om.start].text)
                if role is not None and role.key != "counterpart":
                    return role
    return None


NOT_HOLDING = {"opposition", "former", "ex", "exiled", "ousted", "deposed", "late", "rebel", "shadow"}
GENERIC_TITLES = {"Secretary", "Minister", "Commissioner", "Undersecretary", "Attorney", "Governor", "Spokesman",
                  "Spokeswoman", "Spokesperson", "Adviser", "Advisor"}


def _sentence_state(ctx: RuleContext, person: Token | None = None) -> str | None:
    """The only state the sentence names as an actor (not as a place), if there is exactly one."""
    named = [(m, a) for m in ctx.m.mentions if ctx.sent.start <= m.start < ctx.sent.end and not m.place_only
             and not m.incidental for a in m.actors if ctx.kind(a) == "state"]
    # 'Kihara said Japan had lodged a protest': the state acting as a subject, not the one acted upon
    subjects = [(ctx.sent.doc[m.end - 1], a) for m, a in named if ctx.sent.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
    # 'Kenya recognised Prime Minister X', 'Pakistan summoned Ambassador Y': a state's own verb taking the person
    # as its object says the person is someone else's
    states = {a for s, a in subjects if person is None or not _acts_on(s, person)}
    return next(iter(states)) if len(states) == 1 else None


def _acts_on(subj: Token, person: Token) -> bool:
    """Whether ``person`` is in the clause whose subject is ``subj`` but outside that subject."""
    verb = subj.head
    if subj.left_edge.i <= person.i <= subj.right_edge.i:
        return False
    tok = person
    for _ in range(8):  # up through noun phrases only: a clause in between ('a pact that X said ...') is not acted upon
        if tok.head.i == tok.i or tok.dep_ in CLAUSE_DEPS or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")):
            return False
        tok = tok.head
        if tok.i == verb.i:
            return True
    return False


CLAUSE_DEPS = {"relcl", "ccomp", "advcl", "acl", "xcomp", "csubj", "parataxis"}


def _is_subject(tok: Token) -> bool:
    """Whether the name is (a conjunct of) a clause's subject: the speaker or agent of its sentence."""
    for _ in range(4):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if tok.dep_ not in ("conj", "appos") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _owner_state(ctx: RuleContext) -> str | None:
    """The one state owning a clause subject ("Solomon Islands' decision ... will not hurt"), if it is the state the
    document names most: the story's own state, whose unqualified officials speak in it."""
    doc = ctx.sent.doc
    states = {a for m in ctx.m.mentions if ctx.sent.start <= m.start < ctx.sent.end and not m.place_only
              and doc[m.end - 1].dep_ == "poss" and doc[m.end - 1].head.dep_ in ("nsubj", "nsubjpass")
              for a in m.actors if ctx.kind(a) == "state"}
    return next(iter(states)) if len(states) == 1 and states == {_principal_state(ctx)} else None


def _earlier_role_state(ctx: RuleContext, i: int, name_start: int) -> str | None:
    """The state an earlier sentence gave the same title ("talks with China's Vice foreign minister. ... Vice foreign
    minister X said"; 'summoned the Turkish ambassador. ... Ambassador Y'), if just one."""
    doc = ctx.sent.doc
    words = [t.lower_ for t in doc[i:name_start] if not HONORIFIC_WORDS.match(t.text) or ctx.lex.role_of(t.text)]
    if not words:
        return None
    n = len(words)
    states = set()
    for k in range(0, ctx.sent.start - n + 1):
        if [t.lower_ for t in doc[k : k + n]] != words or (k + n < len(doc) and doc[k + n].is_title):
            continue  # (an earlier 'Vice foreign minister Z' is someone else's title)
        j = k - 1
        while j > k - 3 and j >= 1 and doc[j].is_lower and doc[j].pos_ == "ADJ" and doc[j].lower_ not in NOT_HOLDING:
            j -= 1  # "Colombia's new foreign minister"
        if j >= 1 and doc[j].text in ("'s", "’s"):
            j -= 1
        om = ctx.m.at(doc[j]) if j >= 0 else None
        if om is not None and len(om.actors) == 1 and ctx.kind(om.actor) == "state":
            states.add(om.actor)
    return next(iter(states)) if len(states) == 1 else None


STATE_OFFICES = {"prime_minister", "foreign_minister", "defence_minister", "minister", "vice_president", "official",
                 "spokesperson"}


def _place_state(ctx: RuleContext, before: int) -> str | None:
    """The state of the one capital the sentence names as a place before the name ('In Ankara, Minister X said')."""
    places = {a for m in ctx.m.mentions if ctx.sent.start <= m.start < ctx.sent.end and m.place_only
              and m.start < before for a in m.actors}  # not 'urged X to stop lobbying in Washington'
    return next(iter(places)) if len(places) == 1 else None


def _principal_state(ctx: RuleContext) -> str | None:
    counts = ctx.m.counts
    states = sorted((a for a in counts if ctx.kind(a) == "state"), key=lambda a: (-counts[a], a))
    return states[0] if states else None


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
        while lo - 1 >= ctx.sent.start and end - (lo - 1) <= 6 and not ctx.m.at(doc[lo - 1]) and (
                doc[lo - 1].is_title or doc[lo - 1].lower_ in ("of", "for", "-") or ctx.lex.role_of(doc[lo - 1].lower_)
                or doc[lo - 1].text in ctx.lex.lower_role_words):
            lo -= 1
        for length in range(end - lo, 0, -1):  # longest title first, nearest the name first
            for k in range(end - length, lo - 1, -1):
                role = ctx.lex.role_of(doc[k : k + length].text)
                if role:
                    # the org may stand before qualifiers: "Qatar's Minister of State", 'Deputy Secretary of State'
                    return role, lo, name_start
    return None, start, start


def _office_org(ctx: RuleContext, person: str, role: str) -> str | None:
    gz = ctx.gz
    if person not in gz:
        return None
    offices = [o for o in gz.get(person).offices if o.role == role]
    return offices[-1].of if offices else None


def _serving_org(ctx: RuleContext, person: str) -> str | None:
    """Where a known person holds a current non-leading office: 'Enlargement Commissioner Marta Kos' serves the EU,
    not the state she comes from."""
    if person not in ctx.gz:
        return None
    offices = [o for o in ctx.gz.get(person).offices if o.end is None and o.role in STATE_OFFICES]
    return offices[-1].of if offices else None


def role_rule(ctx: RuleContext) -> Iterator[Found]:
    """"Hungary's foreign minister" (resolved to the office holder) → MEMBER_OF Hungary; 'the U.S. president' → LEADS."""
    for m in ctx.m.mentions:
        if m.via != "role" or not (ctx.sent.start <= m.start < ctx.sent.end) or not m.org or not m.role:
            continue
        role = ctx.lex.roles.get(m.role)
        if role is not None:
            yield Found(m.actor, "LEADS" if role.leads else "MEMBER_OF", m.org, m.start, f"role:{m.role}", 0.7)


def appos_title_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Gustavo Petro, the Colombian president,' / "Colombia's president, Gustavo Petro" → LEADS."""
    for tok in ctx.sent:
        if tok.dep_ != "appos":
            continue
        a, b = tok.head, tok
        am = ctx.m.at(a)
        if am is not None and len(am.actors) == 1 and ctx.kind(am.actor) in ORG_KINDS \
                and b.lemma_.lower() in AFFILIATE_NOUNS and ctx.m.at(b) is None:
            # 'al Shabaab, an al Qaeda affiliate': the group belongs to the network it is an affiliate of
            for c in b.children:
                if c.dep_ in ("compound", "poss", "nmod"):
                    for org in ctx.np_actors(c):
                        if ctx.kind(org) in ORG_KINDS and org != am.actor:
                            yield Found(am.actor, "MEMBER_OF", org, tok.i, "appos-affiliate", 0.65)
            continue
        hop = a
        for _ in range(4):  # "Russia's ambassador to the organisations in Vienna, Mikhail Ulyanov"
            if ctx.lex.role_of(hop.text) or ctx.lex.role_of(hop.lower_) or hop.head.i == hop.i:
                break
            hop = hop.head
        if hop.i != a.i and (ctx.lex.role_of(hop.text) or ctx.lex.role_of(hop.lower_)) and hop.pos_ in ("NOUN", "PROPN"):
            a = hop
        for person_tok, role_tok in ((a, b), (b, a)):
            pm = ctx.m.at(person_tok)
            if pm is None or len(pm.actors) != 1 or ctx.kind(pm.actor) != "person" or pm.via == "role":
                continue
            mods = [c for c in role_tok.lefts if c.dep_ in ("compound", "amod") and c.i == role_tok.i - 1]
            role = (ctx.lex.role_of(f"{mods[0].text} {role_tok.text}") if mods else None) \
                or ctx.lex.role_of(role_tok.text) or ctx.lex.role_of(role_tok.lower_)  # 'prime minister'
            if role is None and role_tok.lemma_.lower() in ORG_STAFF_NOUNS | {"diplomat"} and person_tok.i == a.i:
                # 'Wang Yi, China's top diplomat', 'X, the ministry's spokesperson': the possessor employs them
                employers = [org for c in role_tok.children if c.dep_ == "poss" for org in ctx.np_actors(c)
                             if ctx.kind(org) in ORG_KINDS | {"state"}]
                for org in employers:
                    yield Found(pm.actor, "MEMBER_OF", org, tok.i, "appos-staff", 0.7)
                if employers:
                    continue
            if role is None:
                # 'Lina Haddad, a senior fellow at the Carnegie Middle East Center': membership by affiliation.
                if role_tok.pos_ == "NOUN" and person_tok.i == a.i and not ctx.lex.agent_noun_types(role_tok.lemma_.lower()):
                    # ('Nabih Berri, an ally of Hezbollah' is not a member: the agent-noun rule reads it)
                    for c in role_tok.subtree:
                        if c.dep_ == "prep" and c.lower_ in ("at", "of", "with", "from") and c.head.pos_ == "NOUN":
                            for p in c.children:
                                for org in ctx.np_actors(p):
                                    if ctx.kind(org) in ORG_KINDS:
                                        yield Found(pm.actor, "MEMBER_OF", org, tok.i, "appos-affiliation", 0.7)
                continue
            if any(t.lower_ in NOT_HOLDING for t in role_tok.subtree if t.i < role_tok.i) or (
                    role_tok.i >= 2 and ctx.sent.doc[role_tok.i - 1].text == "-"
                    and ctx.sent.doc[role_tok.i - 2].lower_ in ("vice", "deputy")):
                continue  # 'a former vice-president of Serb List' does not lead it
            counterpart = role.key == "counterpart"
            if counterpart and any(c.dep_ == "poss" and pm.actor in ctx.np_actors(c) for c in role_tok.children):
                continue  # 'A, his Iranian counterpart B, and C': the counterpart is B, never A himself
            if counterpart:
                role = _counterpart_role(ctx, role_tok.i) or role  # the counterpart of a prime minister leads
            own = ("compound", "amod", "nmod") if counterpart else ("poss", "compound", "amod", "nmod")
            # 'his Turkish counterpart Hakan Fidan': the possessor is the other side, the adjective the own
            orgs = [x for c in role_tok.children if c.dep_ in own for x in ctx.np_actors(c)]
            # 'adviser to President Lula'; but an 'envoy to Iraq' is sent to Iraq, not from it
            preps = ("of", "at") if role.key == "ambassador" else ("of", "at", "to")
            headed = [x for c in role_tok.children if c.dep_ == "prep" and c.lower_ in preps
                      for p in c.children for x in ctx.np_actors(p)]
            # 'head of the Mexican consular section': the state qualifies a unit the person heads; they serve it
            # (but "the leader of Hamas' political wing" is one of Hamas's leaders, as the GUIDE's examples read)
            unit_of = any(c.dep_ == "prep" and c.lower_ == "of" and p.pos_ == "NOUN" and ctx.m.at(p) is None
                          and p.is_lower and not any(g.dep_ == "poss" for g in p.children)
                          for c in role_tok.children for p in c.children if p.dep_ == "pobj")
            # 'a spokesperson for Amnesty'; but a 'country director for Sudan' is not one of Sudan's
            # (only an actor the object names, not one modifying a portfolio: 'undersecretary for ASEAN affairs')
            orgs += [x for c in role_tok.children if c.dep_ == "prep" and c.lower_ == "for" and role.key != "ambassador"
                     for p in c.children for x in ctx.np_actors(p) if ctx.kind(x) in ORG_KINDS
                     and x not in _portfolio_actors(ctx, p)]
            orgs += headed
            sub_unit = any(c.dep_ in ("compound", "amod") and c.pos_ == "NOUN" and not ctx.m.at(c)
                           and not (mods and c.i == mods[0].i and ctx.lex.role_of(f"{mods[0].text} {role_tok.text}"))
                           for c in role_tok.children)  # 'secretary' of 'secretary general' is the title itself
            # 'director of the Asia Program at the Lowy Institute' heads a programme, not the institute (blind10)
            sub_unit = sub_unit or any(c.dep_ == "prep" and c.lower_ == "of" and any(
                p.dep_ == "pobj" and p.text in ("Program", "Programme", "Project", "Initiative") and ctx.m.at(p) is None
                for p in c.children) for c in role_tok.children)
            relpron_owner = _whose_owner(ctx, role_tok)
            if relpron_owner:
                orgs = relpron_owner  # 'the Karen Border Guard Force, whose commander, Saw Chit Thu, ...'
            # 'His interior minister': the state of the person (known, or named in a title of theirs before)
            orgs = [ctx.state_of(o) or _earlier_title_state(ctx, o) or o if ctx.kind(o) == "person" else o
                    for o in orgs]
            if not orgs:
                info = ctx.m.actors.get(pm.actor)
                fallback = _office_org(ctx, pm.actor, role.key) or (info.state if info else None)
                orgs = [fallback] if fallback else []
            for org in orgs:
                if org != pm.actor and ctx.kind(org) != "person":
                    # 'the commander of U.S. Africa Command' heads that body; "Egypt's intelligence chief" serves Egypt
                    owned = org in headed or any(c.dep_ == "poss" and org in ctx.np_actors(c) for c in role_tok.children) \
                        or (role.key == "leader" and any(c.dep_ == "compound" and c.i == role_tok.i - 1 and ctx.m.at(c)
                                                         and org in ctx.np_actors(c) for c in role_tok.children))
                    # ('X, the National Assembly head' heads that body, as 'the army commander, Y' heads the army)
                    # "Jubaland's president, X" and 'the commander of U.S. Africa Command' head those bodies
                    leads = role.leads and not sub_unit and not unit_of and (ctx.kind(org) != "government_body" or owned)
                    yield Found(pm.actor, "LEADS" if leads else "MEMBER_OF", org, tok.i, f"appos-title:{role.key}", 0.75)


# Nouns that make an apposed organisation a part of the one named with them: 'X, an al Qaeda affiliate'.
AFFILIATE_NOUNS = {"affiliate", "offshoot", "branch", "wing", "franchise"}
# Nouns naming an office's subject matter: an actor modifying them is the portfolio, not the employer
# ('undersecretary for bilateral relations and ASEAN affairs', 'envoy for EU issues').
PORTFOLIO_NOUNS = {"affairs", "relations", "issues", "matters", "policy", "cooperation", "integration", "affair"}


def _portfolio_actors(ctx: RuleContext, tok: Token) -> set[str]:
    """Actors that only qualify a portfolio noun in the NP ``tok`` heads or coordinates ('ASEAN affairs')."""
    out: set[str] = set()
    todo = [tok]
    while todo:
        t = todo.pop()
        todo.extend(c for c in t.children if c.dep_ == "conj")
        if t.lower_ in PORTFOLIO_NOUNS:
            out.update(a for c in t.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                       for a in ctx.np_actors(c))
    return out


def _earlier_title_state(ctx: RuleContext, person: str) -> str | None:
    """The state in a title an earlier sentence gave the person ("Kosovo's acting Prime Minister X", 'Kosovar
    Prime Minister X'), for 'his interior minister, Y' later."""
    doc = ctx.sent.doc
    for om in ctx.m.mentions:
        if om.actors != (person,) or om.start >= ctx.sent.start or om.via not in ("name", "ner", "titled-name"):
            continue
        k, titled = om.start - 1, False
        while k >= doc[om.start].sent.start and om.start - k <= 6 and not ctx.m.at(doc[k]) and (
                doc[k].is_title or doc[k].tag_ == "VBG" or ctx.lex.role_of(doc[k].lower_)):
            titled = titled or bool(ctx.lex.role_of(doc[k].text) or ctx.lex.role_of(doc[k].lower_))
            k -= 1
        if titled and k - 1 >= 0 and doc[k].text in ("'s", "’s"):
            k -= 1
        owner = ctx.m.at(doc[k]) if titled and k >= 0 else None
        if owner is not None and len(owner.actors) == 1 and ctx.kind(owner.actor) == "state":
            return owner.actor
    return None


def _whose_owner(ctx: RuleContext, role_tok: Token) -> list[str]:
    """'X, whose commander ...': the relative clause's antecedent owns the role."""
    if not any(c.dep_ == "poss" and c.lower_ == "whose" for c in role_tok.children):
        return []
    cur = role_tok
    for _ in range(3):
        if cur.dep_ == "relcl":
            return ctx.np_actors(cur.head)
        cur = cur.head
    return []


def comma_title_rule(ctx: RuleContext) -> Iterator[Found]:
    """Linear fallback for "Myanmar's foreign minister, Than Swe," when the parse misses the apposition."""
    doc = ctx.sent.doc
    for m in ctx.m.mentions:
        if not (ctx.sent.start + 2 <= m.start < ctx.sent.end) or len(m.actors) != 1 or ctx.kind(m.actor) != "person":
            continue
        fronted = _fronted_role_org(ctx, m.start)
        if fronted is not None:
            yield Found(m.actor, "MEMBER_OF", fronted, m.start, "comma-title:role-of-org", 0.6)
            continue
        apposed = _apposed_role_org(ctx, m.end)
        if apposed is not None:
            org, role = apposed
            leads = role is not None and role.leads and ctx.kind(org) in ("state", "igo", "armed_group", "other_org",
                                                                        "government_body", "ngo")
            yield Found(m.actor, "LEADS" if leads else "MEMBER_OF", org, m.start, "comma-title:role-of-org", 0.6)
            continue
        if doc[m.start - 1].text != "," or (m.end < ctx.sent.end and doc[m.end].text not in (",", ".")):
            continue
        role_i = m.start - 2
        designate = role_i - 2 >= ctx.sent.start and doc[role_i].lower_ == "designate" \
            and doc[role_i - 1].text == "-"
        if designate:
            role_i -= 2  # "Sudan's Foreign Minister-designate, X,": named to the office, not yet leading
        role = ctx.lex.role_of(doc[role_i].text) or ctx.lex.role_of(doc[role_i].lower_)
        if role is None and role_i - 1 >= ctx.sent.start:  # 'secretary general'
            role = ctx.lex.role_of(doc[role_i - 1 : role_i + 1].text)
            role_i -= 1
        if role is None:
            role_i, role = _role_before_portfolio(ctx, m.start - 2)
        if role is None:
            continue
        org = None
        owned = False
        for j in range(role_i - 1, max(ctx.sent.start, role_i - 6) - 1, -1):
            if doc[j].lower_ == "whose":  # 'the OAS, whose secretary general, Albert Ramdin, ...'
                k = j - 1 if j - 1 >= ctx.sent.start and doc[j - 1].text != "," else j - 2
                om = ctx.m.at(doc[k]) if k >= ctx.sent.start else None
                if om is not None and len(om.actors) == 1 and ctx.kind(om.actor) != "person":
                    org = om.actor
                break
            om = ctx.m.at(doc[j])
            if om is not None and len(om.actors) == 1 and ctx.kind(om.actor) in ORG_KINDS | {"state"}:
                org = om.actor
                owned = om.end == role_i or (om.end == role_i - 1 and doc[role_i - 1].text in ("'s", "’s"))
                break
            if doc[j].text in (",", ";", "—"):
                break
        if org:
            # "Jubaland's president, X," heads Jubaland; 'the army said ... its spokesman, X,' serves it
            leads = role.leads and not designate and (ctx.kind(org) != "government_body" or owned)
            yield Found(m.actor, "LEADS" if leads else "MEMBER_OF", org, m.start, f"comma-title:{role.key}", 0.6)


def _role_before_portfolio(ctx: RuleContext, k: int) -> tuple[int, Role | None]:
    """"the UN's special representative for West Africa and the Sahel (UNOWAS), X": the role word before a 'for'
    portfolio of capitalised words (perhaps with a bracketed acronym) that ends at token ``k``; its index and role."""
    doc = ctx.sent.doc
    lo = max(ctx.sent.start + 1, k - 12)
    while k > lo and (doc[k].text in ("(", ")", "&") or doc[k].text[:1].isupper() or doc[k].lower_ in ("and", "the", "of")):
        k -= 1
    if k <= lo or doc[k].lower_ != "for" or k == ctx.sent.start:
        return k, None
    role = ctx.lex.role_of(doc[k - 1].text) or ctx.lex.role_of(doc[k - 1].lower_)
    return k - 1, role


def _apposed_role_org(ctx: RuleContext, end: int) -> tuple[str, Role | None] | None:
    """'X, the spokesperson of Seoul's foreign ministry issued ...', 'X, a spokesperson for Amnesty, said', 'Y,
    interim president of Mali, and Z': a role of an organisation or state apposed after the name, read linearly
    where the parse missed the apposition; the organisation and the role (None for a staff noun)."""
    doc = ctx.sent.doc
    k = end
    if k + 3 >= ctx.sent.end or doc[k].text != ",":
        return None
    k += 1
    if doc[k].lower_ in ("a", "an", "the"):
        k += 1
    if doc[k].is_lower and doc[k].pos_ == "ADJ" and doc[k].lower_ not in NOT_HOLDING | {"deputy", "vice"} \
            and k + 1 < ctx.sent.end:
        k += 1  # 'interim president of Mali'
    role = ctx.lex.role_of(doc[k].lower_)
    if (doc[k].lower_ not in ORG_STAFF_NOUNS and role is None) or k + 1 >= ctx.sent.end \
            or doc[k + 1].lower_ not in ("of", "for", "at") or (doc[k - 1].text == "," and doc[k].is_title):
        return None
    k += 2
    if k < ctx.sent.end and doc[k].lower_ == "the":
        k += 1
    om = ctx.m.at(doc[k]) if k < ctx.sent.end else None
    kinds = ORG_KINDS | {"state"} if role is not None else ORG_KINDS
    if om is None or om.start != k or len(om.actors) != 1 or om.place_only or ctx.kind(om.actor) not in kinds:
        return None
    after = om.end
    if after < ctx.sent.end and doc[after].pos_ in ("NOUN", "ADJ") and doc[after].is_lower:
        return None  # 'head of the Mexican consular section': the state only qualifies what is headed
    if after < ctx.sent.end and doc[after].lower_ in ("of", "'s") and not doc[after].is_title:
        return None  # 'president of the Transition of Burkina Faso' is read by the apposition rule
    return om.actor, role


def _fronted_role_org(ctx: RuleContext, start: int) -> str | None:
    """'Spokesperson of the Ministry of Foreign Affairs, Ambassador X said': a staff role of an organisation put
    before the name, with a comma (and perhaps a courtesy title) between; the organisation, or None."""
    doc = ctx.sent.doc
    k = start - 1
    while k > ctx.sent.start and k >= start - 2 and doc[k].is_title and (
            HONORIFIC_WORDS.match(doc[k].text) or doc[k].text == "Ambassador"):
        k -= 1  # 'Ambassador X': a courtesy title, not the role
    if doc[k].text != ",":
        return None
    om = ctx.m.at(doc[k - 1]) if k - 1 >= ctx.sent.start else None
    if om is None or om.end != k or len(om.actors) != 1 or ctx.kind(om.actor) not in ORG_KINDS:
        return None
    j = om.start - 1
    if j >= ctx.sent.start and doc[j].lower_ == "the":
        j -= 1
    if j - 1 < ctx.sent.start or doc[j].lower_ not in ("of", "for", "at"):
        return None
    role = doc[j - 1]
    k = j - 2
    if k >= ctx.sent.start and doc[k].lower_ in ("a", "an", "the"):
        k -= 1  # 'A spokesperson for the Foreign Ministry, X, said'
    if role.lower_ not in ORG_STAFF_NOUNS or (k >= ctx.sent.start and doc[k].text not in (",", ";")):
        return None  # the role opens the clause: 'Spokesperson of the Ministry, ...'; not '... to the spokesperson of'
    return om.actor


PART_NOUNS = {"part", "member", "members", "wing", "branch", "affiliate", "affiliates", "arm", "component", "components",
              "faction", "factions", "unit", "units"}


def part_of_rule(ctx: RuleContext) -> Iterator[Found]:
    """'The factions are part of the Popular Mobilisation Forces', 'X is a member of NATO' → MEMBER_OF."""
    for tok in ctx.sent:
        if tok.lemma_ != "be" or ctx.negated(tok):
            continue
        # the subject must name the actor itself: "Chad's security is part of Sudan's" makes no member
        subj = [a for c in tok.children if c.dep_ in ("nsubj",) and ctx.m.at(c) is not None for a in ctx.np_actors(c)]
        for attr in (c for c in tok.children if c.dep_ == "attr" and c.lower_ in PART_NOUNS):
            orgs = [a for p in attr.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj" for a in ctx.np_actors(o)]
            for s_, o in _pairs(subj, orgs):
                if ctx.kind(o) != "person":
                    yield Found(s_, "MEMBER_OF", o, attr.i, "part-of", 0.65)


def led_rule(ctx: RuleContext) -> Iterator[Found]:
    """'the Kenya-led mission', 'a U.S.-led coalition' → the leader LEADS the organisation."""
    for tok in ctx.sent:
        if tok.lower_ != "led" or tok.dep_ not in ("amod", "acl", "compound"):
            continue
        leaders = [a for c in tok.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod") for a in ctx.np_actors(c)]
        org = [a for a in ctx.np_actors(tok.head) if a not in leaders]
        if not org and tok.head.dep_ == "appos":
            org = ctx.np_actors(tok.head.head)  # 'the CSTO, the Moscow-led military alliance'
        for s_, o in _pairs(leaders, org):
            if ctx.kind(o) in ("person", "state"):
                continue
            if ctx.kind(s_) == "igo" and ctx.kind(o) == "igo":
                yield Found(o, "MEMBER_OF", s_, tok.i, "x-led", 0.6)  # 'the NATO-led force': a part of NATO
            else:
                yield Found(s_, "LEADS", o, tok.i, "x-led", 0.6)


def org_of_person_rule(ctx: RuleContext) -> Iterator[Found]:
    """'the Libyan National Army of Khalifa Haftar' → the person LEADS the organisation."""
    doc = ctx.sent.doc
    for m in ctx.m.mentions:
        if not (ctx.sent.start <= m.start < ctx.sent.end) or len(m.actors) != 1:
            continue
        if ctx.kind(m.actor) not in ("armed_group", "other_org", "government_body", "ngo"):
            continue
        j = m.end
        if j + 1 < ctx.sent.end and doc[j].lower_ == "of":
            pm = ctx.m.at(doc[j + 1])
            if pm is not None and len(pm.actors) == 1 and ctx.kind(pm.actor) == "person" and pm.start == j + 1:
                yield Found(pm.actor, "LEADS", m.actor, m.start, "org-of-person", 0.6)


def of_org_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Elizabeth Dickinson of the International Crisis Group' → MEMBER_OF."""
    doc = ctx.sent.doc
    for m in ctx.m.mentions:
        if not (ctx.sent.start <= m.start < ctx.sent.end) or len(m.actors) != 1 or ctx.kind(m.actor) != "person":
            continue
        j = m.end
        if j < ctx.sent.end and doc[j].text == ",":
            j += 1  # 'X, a researcher at Y' is handled by the appos rule; 'X, of Y' here
        if j >= ctx.sent.end or doc[j].lower_ not in ("of", "at", "from", "with"):
            continue
        j += 1
        if j < ctx.sent.end and doc[j].lower_ == "the":
            j += 1
        if j >= ctx.sent.end:
            continue
        org = ctx.m.at(doc[j])
        if org and len(org.actors) == 1 and ctx.kind(org.actor) in ORG_KINDS:
            yield Found(m.actor, "MEMBER_OF", org.actor, m.start, "of-org", 0.8)


# -- reporting --------------------------------------------------------------
