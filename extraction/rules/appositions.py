"""Titles apposed to a name: 'Gustavo Petro, the Colombian president,', "Colombia's president, Gustavo Petro",
'X, a spokesperson for Amnesty', 'the OAS, whose secretary general, Y, ...' (LEADS / MEMBER_OF)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.lexicon import Role
from extraction.rules.context import (
    HONORIFIC_WORDS,
    ORG_KINDS,
    Found,
    RuleContext,
)
from extraction.rules.syntax import of_before
from extraction.rules.title_states import (
    NOT_HOLDING,
    ORG_STAFF_NOUNS,
    _counterpart_role,
    _office_org,
    _same_role_state,
)


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
            if role_tok.i > person_tok.i and _other_person_before(ctx, role_tok.left_edge.i, pm.actor):
                continue  # 'A, B and C, Bolivia's vice president': the title is C's, whatever the parse joined it to
            mods = [c for c in role_tok.lefts if c.dep_ in ("compound", "amod") and c.i == role_tok.i - 1]
            doc = ctx.sent.doc
            # 'the secretary-general of X': the parse splits the hyphenated title, whose first word is 'secretary'
            hyphened = doc[role_tok.i : role_tok.i + 3].text if role_tok.i + 2 < len(doc) \
                and doc[role_tok.i + 1].text == "-" and not doc[role_tok.i + 1].whitespace_ else ""
            # ('consul-general', 'director-general' parsed with the last word as the head)
            hyphened = hyphened or (doc[role_tok.i - 2 : role_tok.i + 1].text if role_tok.i >= 2
                                    and doc[role_tok.i - 1].text == "-" and not doc[role_tok.i - 2].whitespace_
                                    and not doc[role_tok.i - 1].whitespace_ else "")
            role = (ctx.lex.role_of(hyphened) if hyphened else None) \
                or (ctx.lex.role_of(f"{mods[0].text} {role_tok.text}") if mods else None) \
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
            deputy = any(t.lower_ in ("deputy", "vice", "assistant") for t in role_tok.subtree if t.i < role_tok.i)
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
            if not orgs and not counterpart:
                # "the group's secretary general, X", "the bloc's chairman, Y": the organisation named last before
                orgs = [x for c in role_tok.children if c.dep_ == "poss" and not ctx.np_actors(c)
                        for x in _named_org(ctx, c)]
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
            # 'director for Latin American studies at the Council on Foreign Relations': a portfolio ('for' a subject
            # that names no actor) says the person runs a section, and its 'at' names the employer
            portfolio = [p for c in role_tok.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                         if p.dep_ == "pobj" and ctx.m.at(p) is None and p.pos_ == "NOUN"]
            headed += [x for p in portfolio for c in p.children if c.dep_ == "prep" and c.lower_ == "at"
                       for g in c.children if g.dep_ == "pobj" for x in ctx.np_actors(g) if ctx.kind(x) in ORG_KINDS]
            orgs += headed
            # 'Middle East director at Amnesty', 'Asia director': a region before a head's title names the section run
            # ('the organisation's regional director': data, triggers/offices.yaml section_adjectives)
            regional = role.key == "leader" and any(
                (c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and _place_word(ctx, c))
                or (c.dep_ == "amod" and c.lower_ in ctx.lex.word_class("section_adjectives")) for c in role_tok.children)
            sub_unit = bool(portfolio) or regional or any(c.dep_ in ("compound", "amod") and c.pos_ == "NOUN" and not ctx.m.at(c)
                           and not (mods and c.i == mods[0].i and ctx.lex.role_of(f"{mods[0].text} {role_tok.text}"))
                           and not (hyphened and c.i in (role_tok.i + 2, role_tok.i - 2))
                           for c in role_tok.children)  # 'secretary' of 'secretary general' is the title itself
            # 'director of the Asia Program at the Lowy Institute' heads a programme, not the institute (blind10)
            sub_unit = sub_unit or any(c.dep_ == "prep" and c.lower_ == "of" and any(
                p.dep_ == "pobj" and p.text in ("Program", "Programme", "Project", "Initiative") and ctx.m.at(p) is None
                for p in c.children) for c in role_tok.children)
            if role.key == "ambassador" and any(ctx.kind(o) == "igo" for o in orgs):
                # "Kenya's UN ambassador", 'the Kenyan UN envoy': the state's envoy to the organisation
                senders = [o for o in orgs if ctx.kind(o) == "state"] + [
                    a for c in role_tok.children if c.dep_ in ("amod", "compound") and ctx.m.at(c) is not None
                    and ctx.m.at(c).via == "demonym" for a in ctx.m.at(c).actors if ctx.kind(a) == "state"]
                if senders:
                    orgs = list(dict.fromkeys(senders))
            relpron_owner = _whose_owner(ctx, role_tok)
            if relpron_owner:
                orgs = relpron_owner  # 'the Karen Border Guard Force, whose commander, Saw Chit Thu, ...'
            # 'His interior minister': the state of the person (known, or named in a title of theirs before)
            orgs = [ctx.state_of(o) or _earlier_title_state(ctx, o) or o if ctx.kind(o) == "person" else o
                    for o in orgs]
            if not orgs:
                info = ctx.m.actors.get(pm.actor)
                fallback = _office_org(ctx, pm.actor, role.key) or (info.state if info else None)
                if fallback is None and role.key in ("leader", "official", "spokesperson") and not any(
                        c.dep_ in ("poss", "prep") for c in role_tok.children):
                    fallback = _statement_org(ctx)  # '..., said X, Asia director': the group whose statement it is
                if fallback is None and any(c.lower_ == "the" for c in role_tok.children) and role_tok.i < pm.start:
                    # "China's consul-general in Osaka ... The consul-general, X, said": the state an earlier
                    # sentence gave the same office
                    fallback = _same_role_state(ctx, role.key)
                orgs = [fallback] if fallback else []
            for org in orgs:
                if org != pm.actor and ctx.kind(org) != "person":
                    # 'the commander of U.S. Africa Command' heads that body; "Egypt's intelligence chief" serves Egypt
                    owned = org in headed or any(c.dep_ == "poss" and org in ctx.np_actors(c) for c in role_tok.children) \
                        or (role.key == "leader" and any(c.dep_ == "compound" and c.i == role_tok.i - 1 and ctx.m.at(c)
                                                         and org in ctx.np_actors(c) for c in role_tok.children))
                    # ('X, the National Assembly head' heads that body, as 'the army commander, Y' heads the army)
                    # "Jubaland's president, X" and 'the commander of U.S. Africa Command' head those bodies
                    # ("Pakistan's deputy prime minister, X" serves the state; he does not lead it)
                    leads = role.leads and not sub_unit and not unit_of and not deputy \
                        and (ctx.kind(org) != "government_body" or owned)
                    yield Found(pm.actor, "LEADS" if leads else "MEMBER_OF", org, tok.i, f"appos-title:{role.key}", 0.75)


def _named_org(ctx: RuleContext, noun: Token) -> list[str]:
    """The organisation a definite org noun stands for ('the group', 'the bloc', 'the organisation'; data:
    triggers/offices.yaml org_nouns): the one named last before it in the document, if it is an organisation."""
    if noun.lemma_.lower() not in ctx.lex.word_class("org_nouns") or not any(
            c.lower_ == "the" for c in noun.children):
        return []
    earlier = [m for m in ctx.m.mentions if m.end <= noun.i and len(m.actors) == 1 and not m.place_only
               and ctx.kind(m.actor) in ("igo", "ngo", "other_org", "armed_group")]
    return [earlier[-1].actor] if earlier else []


def _statement_org(ctx: RuleContext) -> str | None:
    """The one organisation (not a state or its body) that is a clause subject in this sentence or the two before
    ('Human Rights Watch said today. "...," said X, Asia director.'): whose staff a bare title names."""
    doc = ctx.sent.doc
    first = ctx.sent.start
    for _ in range(2):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    orgs = {a for m in ctx.m.mentions if first <= m.start < ctx.sent.end and not m.place_only
            and any(doc[k].dep_ in ("nsubj", "nsubjpass") for k in range(m.start, m.end)) for a in m.actors
            if ctx.kind(a) in ("ngo", "igo", "other_org")}
    return next(iter(orgs)) if len(orgs) == 1 else None


def _place_word(ctx: RuleContext, tok: Token) -> bool:
    """Whether a capitalised modifier names no actor (or only a place): 'Asia', 'Middle East', 'Americas'."""
    if ctx.lex.role_of(tok.text) or tok.lower_ in ctx.lex.lower_role_words or HONORIFIC_WORDS.match(tok.text):
        return False  # 'Director General', 'Executive Director': the title itself
    m = ctx.m.at(tok)
    return m is None or m.place_only


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
        owned_role = _apposed_owned_role(ctx, m.end)
        if owned_role is not None:
            org, role, leads = owned_role
            yield Found(m.actor, "LEADS" if leads else "MEMBER_OF", org, m.start, f"comma-title:{role.key}", 0.6)
            continue
        if doc[m.start - 1].text != "," or (m.end < ctx.sent.end and doc[m.end].text not in (",", ".")):
            continue
        titled = _title_of_org_before(ctx, m.start - 1)
        if titled is not None:
            role, org, leads = titled
            yield Found(m.actor, "LEADS" if leads else "MEMBER_OF", org, m.start, f"comma-title:{role.key}", 0.6)
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
        owned = qualified = False
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
            # "Egypt's intelligence chief, X", "Pakistan's deputy prime minister, Y": a unit or a deputy, no leader
            qualified = qualified or doc[j].lower_ in ("deputy", "vice", "assistant") \
                or (role.key == "leader" and doc[j].lower_ in ctx.lex.word_class("section_adjectives")) or (
                doc[j].is_lower and doc[j].pos_ in ("NOUN", "PROPN") and doc[j].lower_ not in ("junta", "regime"))
        if org:
            # "Jubaland's president, X," heads Jubaland; 'the army said ... its spokesman, X,' serves it
            leads = role.leads and not designate and not qualified and (ctx.kind(org) != "government_body" or owned)
            yield Found(m.actor, "LEADS" if leads else "MEMBER_OF", org, m.start, f"comma-title:{role.key}", 0.6)


def _other_person_before(ctx: RuleContext, start: int, person: str) -> bool:
    """Whether another person's name ends right before the comma before token ``start``."""
    doc = ctx.sent.doc
    k = start - 1
    if k < ctx.sent.start or doc[k].text != ",":
        return False
    om = ctx.m.at(doc[k - 1]) if k - 1 >= ctx.sent.start else None
    return om is not None and om.end == k and len(om.actors) == 1 and om.actors[0] != person \
        and ctx.kind(om.actors[0]) == "person"


def _apposed_owned_role(ctx: RuleContext, end: int) -> tuple[str, Role, bool] | None:
    """'A, B and C, Nigeria's foreign minister.': an owner's title apposed right after the name (the last item of a
    list, where the parse may attach it to the first); the owner, the role and whether the person leads it."""
    doc = ctx.sent.doc
    if end + 4 >= ctx.sent.end or doc[end].text != ",":
        return None
    om = ctx.m.at(doc[end + 1])
    if om is None or om.start != end + 1 or len(om.actors) != 1 or om.place_only \
            or ctx.kind(om.actor) not in ORG_KINDS | {"state"} or om.end + 1 >= ctx.sent.end \
            or doc[om.end].text not in ("'s", "’s"):
        return None
    k, qualified = om.end + 1, False
    while k < ctx.sent.end and k - om.end <= 3 and doc[k].is_lower and not ctx.lex.role_of(doc[k].lower_) \
            and doc[k].lower_ not in ctx.lex.lower_role_words:
        if doc[k].lower_ in NOT_HOLDING:
            return None  # "X, Kenya's former president"
        # ("Egypt's intelligence chief", "Pakistan's deputy prime minister": a unit or a deputy does not lead)
        qualified = qualified or doc[k].lower_ in ("deputy", "vice", "assistant") or doc[k].pos_ in ("NOUN", "PROPN")
        k += 1
    for length in (3, 2, 1):
        stop = k + length
        role = ctx.lex.role_of(doc[k:stop].text) if stop <= ctx.sent.end else None
        if role is None or role.key == "counterpart":
            continue
        if stop < ctx.sent.end and doc[stop].text not in (",", ".", ";") and doc[stop].lower_ != "and":
            return None  # "X, Kenya's president's adviser": the title goes on
        deputy = any(doc[x].lower_ in ("deputy", "vice") for x in range(k, stop))
        return om.actor, role, role.leads and not qualified and not deputy
    return None


def _title_of_org_before(ctx: RuleContext, comma: int) -> tuple[Role, str, bool] | None:
    """'the vice-president of Brazil, X', 'the foreign minister of Chile, Y': a title 'of' a state or organisation
    ending at the comma before a name; the role, the organisation and whether the person leads it."""
    doc = ctx.sent.doc
    om = ctx.m.at(doc[comma - 1]) if comma - 1 >= ctx.sent.start else None
    if om is None or om.end != comma or len(om.actors) != 1 or om.place_only \
            or ctx.kind(om.actor) not in ORG_KINDS | {"state"}:
        return None
    k = of_before(ctx.sent, om.start)
    if k is None:
        return None
    for length in (3, 2, 1):  # 'the vice - president', 'the foreign minister', 'the president'
        lo = k - length
        if lo < ctx.sent.start:
            continue
        role = ctx.lex.role_of(doc[lo:k].text) or ctx.lex.role_of(doc[lo:k].text.lower())
        if role is None or role.key == "counterpart":
            continue
        before = [t.lower_ for t in doc[max(ctx.sent.start, lo - 2) : lo]]
        if any(w in NOT_HOLDING for w in before):
            return None  # 'the former president of Brazil, X'
        deputy = any(w in ("deputy", "vice", "assistant") for w in before)
        leads = role.leads and not deputy  # 'the head of the Tigray Interim Administration, X' heads that body
        return role, om.actor, leads
    # 'Senior Director for China Affairs of the National Security Council, X': a portfolio between the title and
    # 'of'; the person runs a section, a member of the body
    f = next((j for j in range(k - 1, max(ctx.sent.start, k - 6), -1) if doc[j].lower_ == "for"), None)
    if f is not None and f - 1 >= ctx.sent.start and all(t.is_title or t.lower_ == "and" for t in doc[f + 1 : k]):
        role = ctx.lex.role_of(doc[f - 1].text) or ctx.lex.role_of(doc[f - 1].lower_)
        if role is not None and role.key != "counterpart" and not any(
                t.lower_ in NOT_HOLDING for t in doc[max(ctx.sent.start, f - 3) : f]):
            return role, om.actor, False
    return None


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
    region = k
    while region < min(ctx.sent.end - 1, k + 5) and (doc[region].lower_ == "and" or (
            doc[region].is_title and doc[region].pos_ == "PROPN" and _place_word(ctx, doc[region]))):
        region += 1  # 'X, Europe and Central Asia director at Y': a region names the section run
    regional = region > k and doc[region - 1].lower_ != "and" and doc[region].is_lower
    if regional:
        k = region
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
    return om.actor, None if regional else role  # (a regional director serves the group: no leading role)


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
