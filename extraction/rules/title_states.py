"""Whose office a title names: the words that qualify titles, and the state or organisation a sentence, an
earlier sentence or the story gives a title that names none ('Foreign Minister X said' after 'Peru broke off ...')."""

from __future__ import annotations

from spacy.tokens import Token

from extraction.lexicon import Role
from extraction.mentions.model import Mention
from extraction.rules.context import (
    HONORIFIC_WORDS,
    RuleContext,
)

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
    states, headed = set(), set()
    for tok in doc[ctx.sent.start : ctx.sent.end]:
        if tok.lemma_.lower() not in DELEGATION_NOUNS | {"side"} or tok.pos_ != "NOUN":
            continue
        heads = _heads(doc[name], tok)
        if (tok.i >= name or tok.lemma_.lower() == "side") and not heads:
            continue  # after the name, or 'the Indian side': only one the person heads ('X is leading the delegation')
        owners = [c for c in tok.children if c.dep_ in ("amod", "poss", "compound", "nmod")]
        owners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                   for g in c.children if g.dep_ == "pobj"]
        owners += [c for o in owners for c in o.conjuncts]  # 'the Peruvian and Chilean delegations': two states
        for o in owners:
            om = ctx.m.at(o)
            if om is not None and len(om.actors) == 1 and ctx.kind(om.actor) == "state":
                states.add(om.actor)
                if heads:
                    headed.add(om.actor)
    # ('A is heading the Indian delegation while the Bangladeshi side is led by B': B's is the side B leads)
    states = headed or states
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


def _earlier_role_state(ctx: RuleContext, i: int, name_start: int, role_key: str | None = None) -> str | None:
    """The state an earlier sentence gave the same title ("talks with China's Vice foreign minister. ... Vice foreign
    minister X said"; 'summoned the Turkish ambassador. ... Ambassador Y'), if just one; failing that, the one state
    an earlier, unnamed role phrase of the same office had ('Solomon Islands PM says ...' then 'Prime Minister X')."""
    return _same_title_state(ctx, i, name_start) or (_same_role_state(ctx, role_key) if role_key else None)


def _same_role_state(ctx: RuleContext, role_key: str) -> str | None:
    doc = ctx.sent.doc
    found = doc.user_data.get("actorgraph_roles")
    if found is None:
        found = ctx.lex.find_roles(doc)
    states = set()
    for start, end, key in found:
        if key != role_key or end > ctx.sent.start or (end < len(doc) and doc[end].is_title and ctx.m.at(doc[end])):
            continue  # (an earlier 'Prime Minister Y' is Y's office)
        j = start - 1
        if j >= 1 and doc[j].text in ("'s", "’s"):
            j -= 1
        om = ctx.m.at(doc[j]) if j >= 0 else None
        if om is not None and om.end == j + 1 and len(om.actors) == 1 and ctx.kind(om.actor) == "state" \
                and not any(doc[x].lower_ in NOT_HOLDING for x in range(max(0, om.start - 1), start)):
            states.add(om.actor)
    return next(iter(states)) if len(states) == 1 else None


def _same_title_state(ctx: RuleContext, i: int, name_start: int) -> str | None:
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


def _sender_state(ctx: RuleContext, title: int, name: Token) -> str | None:
    """The state that fields the named person by a delegating verb ('Fiji will be represented by Deputy Prime
    Minister X', 'Tonga Prime Minister Y will send Fisheries Minister Z', 'The minister will be accompanied by
    Minister of Mining W and Trade Minister V'): the verb's subject, a state or a person whose state the sentence or
    the document gives. ``title`` is where the person's title starts."""
    doc = ctx.sent.doc
    tok = name
    for _ in range(6):  # up through the name's noun phrase and a list it is in
        if tok.dep_ in ("compound", "flat", "appos", "conj") and tok.head.i != tok.i:
            tok = tok.head
        else:
            break
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else tok.head if tok.dep_ == "dobj" else None
    if verb is None or verb.lemma_.lower() not in ctx.lex.word_class("delegating_verbs"):
        # the parse may break a list of titled names: read back over titles, names, 'of', 'and' and commas to 'by'
        # or the verb
        k = title - 1
        while k > ctx.sent.start and (doc[k].is_title or doc[k].lower_ in ("of", "for", "and", ",")) \
                and doc[k].pos_ != "VERB":
            k -= 1
        verb = doc[k].head if doc[k].dep_ == "agent" else doc[k]
    if verb.lemma_.lower() not in ctx.lex.word_class("delegating_verbs") or ctx.negated(verb):
        return None
    states = set()
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        for a in ctx.np_actors(subj):
            if ctx.kind(a) == "person":
                # (a known person's nationality is not an office: the UN chief's appointee is not Portugal's)
                offices = [o.of for o in ctx.gz.get(a).offices if o.end is None and ctx.kind(o.of) == "state"] \
                    if a in ctx.gz else []
                states.add(_titled_state(ctx, a) or (offices[0] if len(set(offices)) == 1 else None)
                           or (ctx.state_of(a) if a not in ctx.gz else None))
            elif ctx.kind(a) == "state":
                states.add(a)
    states.discard(None)
    return next(iter(states)) if len(states) == 1 else None


def _titled_state(ctx: RuleContext, person: str) -> str | None:
    """The state named in a title before a mention of the person in this sentence or before ('Vanuatu Prime
    Minister X', "Chile's Foreign Minister Y", 'Foreign Minister Z of Chile')."""
    doc = ctx.sent.doc
    for om in ctx.m.mentions:
        if om.actors != (person,) or om.start >= ctx.sent.end or om.via not in ("name", "ner", "titled-name"):
            continue
        k = om.start - 1
        while k >= 0 and om.start - k <= 5 and not ctx.m.at(doc[k]) and doc[k].is_title:
            k -= 1
        if k < om.start - 1 and k >= 1 and doc[k].text in ("'s", "’s"):
            k -= 1
        owner = ctx.m.at(doc[k]) if 0 <= k < om.start - 1 else None
        if owner is None and om.end + 1 < len(doc) and doc[om.end].lower_ == "of":
            owner = ctx.m.at(doc[om.end + 1])
        if owner is not None and len(owner.actors) == 1 and not owner.place_only and ctx.kind(owner.actor) == "state":
            return owner.actor
    return None


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
