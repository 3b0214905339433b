"""How a trigger verb's clause is read once its subject and object are known: objects found elsewhere in the
clause, particles and 'by' phrases that change the type, 'call'/'label' verbs, last type-specific readings, and
the emitted relations (the :class:`_Clause` the verb rule fills in)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from extraction.rules.context import (
    AID_NOUNS,
    GROUP_NOUNS,
    JOINING_VERBS,
    LABEL_VERBS,
    STATE_PROXIES,
    Found,
    RuleContext,
    _group_pairs,
    _pairs,
    each_other,
    intent_clause,
)
from extraction.rules.labels import _label
from extraction.rules.phrases import addressee, mandated
from graph.taxonomy import Taxonomy


@dataclass
class _Clause:
    """One trigger verb being read: its relation type and arguments, refined step by step."""

    tok: Token
    lemma: str
    rtype: str
    subj: list[str]
    obj: list[str]
    dobjs: list[Token]
    coop_obj: Token | None
    alongside: list[str]
    passive: bool
    conf: float = 0.75


def _complete_object(ctx: RuleContext, c: _Clause) -> bool:
    """Find the object where the verb's own object names none; False when the verb states no relation here."""
    tok, lemma = c.tok, c.lemma
    xcomp = next((x for x in tok.children if x.dep_ == "xcomp"), None)
    if c.rtype in ("REJECTS", "NEGOTIATES", "MEETS", "COOPERATES_WITH") and not c.obj:
        # 'rejected any talks with Washington'
        c.obj = [a for o in tok.children if o.dep_ == "dobj" for x in o.children if x.dep_ == "prep"
                 and x.lower_ in ("with", "of", "from", "between") for p in x.children for a in ctx.np_actors(p)]
    if lemma in JOINING_VERBS and any(x.dep_ == "prep" and x.lower_ == "in" and any(
            p.dep_ == "pcomp" and p.pos_ == "VERB" for p in x.children) for x in tok.children):
        return False  # 'Germany joined France in calling for a truce': a shared act, not a membership
    if lemma == "deny" and not any(x.dep_ == "dobj" and not ctx.lex.noun_types(x.lemma_.lower()) for x in tok.children):
        # 'denies working with the FDLR', 'denied its support for the rebels' deny a claim; 'denied the
        # allegations' rejects the accuser
        return False
    if c.rtype == "REJECTS" and xcomp is not None and not c.obj:
        c.obj = ctx.object_actors(xcomp) or _object_partner(ctx, xcomp)  # 'refused to accept U.S. flights'
        if not c.obj and xcomp.lemma_.lower() in ("allow", "let", "permit"):
            # 'refused to allow Algerian planes to land': the one kept out is the subject of the allowed act
            c.obj = [a for x in xcomp.children if x.dep_ in ("ccomp", "xcomp") for s_ in x.children
                     if s_.dep_ in ("nsubj", "nsubjpass")
                     for a in ctx.np_actors(s_) or [a for m in s_.children if m.dep_ in ("poss", "amod", "compound",
                                                                                           "nmod")
                                                    for a in ctx.np_actors(m)]]
    if lemma == "visit" and not c.obj:
        # 'the envoy, who visited Beirut last month': visiting a state's capital or the state meets its government
        c.obj = [a for x in tok.children if x.dep_ == "dobj" and ctx.m.at(x) is not None and ctx.m.at(x).place_only
                 and x.i == ctx.m.at(x).end - 1 for a in ctx.m.at(x).actors if ctx.kind(a) == "state"]
    if lemma in ("help", "assist") and not c.obj:
        # 'helped Somalia rebuild its navy', 'ready to help Tajik forces secure the border'
        c.obj = [a for x in tok.children if x.dep_ in ("ccomp", "xcomp") for s_ in x.children
                 if s_.dep_ == "nsubj" for a in ctx.np_actors(s_)]
    if lemma == "complain":
        # 'complained to the UN about Ethiopia's dam' criticises Ethiopia, not the one it complains to
        about = [a for x in tok.children if x.dep_ == "prep" and x.lower_ in ("about", "over", "against")
                 for p in x.children if p.dep_ == "pobj"
                 for a in ctx.np_actors(p) or [a for q in p.children if q.dep_ == "poss" for a in ctx.np_actors(q)]]
        # 'complained to the UN that Thailand had violated its sovereignty': the one the complaint is about
        said = [a for x in tok.children if x.dep_ == "ccomp" for s_ in x.children if s_.dep_ in ("nsubj", "nsubjpass")
                for a in ctx.np_actors(s_) if a not in c.subj]
        c.obj = about or said or c.obj
    if c.rtype == "THREATENS" and xcomp is not None and not c.obj:
        # 'threatened to sanction Colombia'; 'threatened to suspend its cooperation with the IAEA'
        # ('its cooperation' names the subject itself: the partner on the object is the one threatened)
        c.obj = [a for a in ctx.object_actors(xcomp) if a not in c.subj] or _object_partner(ctx, xcomp)
    if c.rtype == "THREATENS" and not [a for a in c.obj if a not in c.subj]:
        # 'threatened military intervention in Cuba', 'threatened to pull its troops out of Chad': where the act
        # threatened would land (never the threatener's own state: 'threatened to impose martial law in Kenya')
        own = set(c.subj) | {ctx.state_of(a) for a in c.subj}
        c.obj = [a for a in threatened_place(ctx, tok, xcomp) if a not in own] or c.obj
    if c.rtype == "THREATENS" and not c.obj and not any(x.dep_ == "ccomp" for x in tok.children) \
            and not any(x.dep_ == "nsubj" and x.pos_ == "PRON" for x in tok.children):
        # 'warned to take stern action and urged Y to ...': the one the same subject urges (a named subject: a bare
        # threat adds no evidence of its own for whom 'it' stands for)
        c.obj = [a for a in addressee(ctx, tok) if a not in c.subj]
    if c.rtype == "SUPPORTS" and not c.obj:       # 'pledged five patrol vessels [to the Philippines]' (on the object)
        c.obj = [a for o in c.dobjs for x in o.children if x.dep_ == "prep" and x.lower_ in ("to", "for")
                 for p in x.children if p.dep_ == "pobj" for a in ctx.place_actors(p)]
    return True


def _object_partner(ctx: RuleContext, verb: Token) -> list[str]:
    """The partner named on a verb's object: 'open any negotiation with JNIM', 'suspend its aid to Mali'."""
    return [a for o in verb.children if o.dep_ == "dobj" for x in o.children if x.dep_ == "prep"
            and x.lower_ in ("with", "of", "from", "to") for p in x.children for a in ctx.np_actors(p)]


def _reinterpret(ctx: RuleContext, c: _Clause) -> None:
    """Particles, 'by' phrases and hosted groups that change what the verb states."""
    tok, lemma = c.tok, c.lemma
    particle = next((x.lower_ for x in tok.children
                     if x.dep_ in ("prt", "advmod") and x.lower_ in ("back", "out", "down", "in", "off")), "")
    if particle in ("back", "out") and lemma in ("hit", "strike", "lash", "fire"):
        c.rtype = "CRITICISES"  # 'hit back at Putin', 'lashed out at the EU'
        c.obj = [a for x in tok.children if x.dep_ == "prep" and x.lower_ == "at"
                 for p in x.children for a in ctx.np_actors(p)]
    elif (lemma, particle) in (("back", "down"), ("climb", "down"), ("cave", "in"), ("give", "in"), ("back", "off")):
        c.rtype = "CONCEDES"  # 'Israel backed down after pressure from Washington'
        c.obj = c.obj or [a for x in tok.subtree if x.dep_ == "prep" and x.lower_ in ("from", "to")
                          for p in x.children for a in ctx.np_actors(p)]
    if c.rtype == "COERCES" and lemma in ctx.lex.word_class("ouster_verbs") and (
            intent_clause(tok) or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ctx.lex.word_class("seeking_verbs"))):
        c.rtype = "OPPOSES"  # 'the effort to oust Maduro', 'sought to topple the government': a campaign, not the coup
    if c.rtype == "COERCES" and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ctx.lex.word_class("vowing_verbs"):
        # 'vowed to strike Y': force promised is a threat ('vowed to expel Y's envoy' stays the sanction it announces)
        c.rtype = "THREATENS"
    if c.rtype == "CRITICISES" and not [a for a in c.obj if a not in c.subj]:
        # 'condemned what it described as Ecuador's "flagrant" violation', 'protested over what it called outrageous
        # comments made by France's minister': the doer of the act the free relative labels
        c.obj = [a for a in _labelled_doers(ctx, tok) if a not in c.subj] or c.obj
    if (lemma in ("welcome", "hail", "applaud", "praise", "endorse", "back", "support", "reject")
            or c.rtype == "CRITICISES" or (c.rtype == "REJECTS" and any(  # 'dismissed the accusations by Y'
                x.dep_ == "dobj" and x.lower_ in ctx.lex.word_class("claim_nouns") for x in tok.children))) \
            and not [a for a in c.obj if a not in c.subj]:  # ('its tanker': no one else)
        # 'France welcomed the decision by Morocco': the one who decided
        done = next((x for x in tok.children if x.dep_ == "dobj" and ctx.m.at(x) is None), None)
        by = [a for x in (done.children if done is not None else []) if x.dep_ == "prep" and x.lower_ == "by"
              for p in x.children for a in ctx.np_actors(p)]
        if not by and done is not None:
            # 'condemned the attack launched by Boko Haram': the doer named on the event's participle
            by = [a for x in done.children if x.dep_ == "acl" and x.tag_ == "VBN" for g in x.children
                  if g.dep_ == "agent" for p in g.children for a in ctx.np_actors(p)]
        if not by and done is not None and ctx.lex.noun_types(done.lemma_.lower()) and not c.passive:
            # 'protested the seizure of its tanker by Britain': the parser hangs the event's 'by' on the verb
            by = [a for x in tok.children if x.dep_ == "prep" and x.lower_ == "by" and x.i > done.i
                  for p in x.children for a in ctx.np_actors(p)]
        if not by and done is not None and c.rtype == "CRITICISES" and not c.passive:
            # 'denounced the drills as an invasion rehearsal planned by Y', 'condemned the raid as aggression by Y':
            # the label names the doer of what is condemned
            by = [a for x in tok.children if x.dep_ == "prep" and x.lower_ == "as" for t in x.subtree
                  if t.dep_ in ("agent", "prep") and t.lower_ == "by" for p in t.children if p.dep_ == "pobj"
                  for a in ctx.np_actors(p)]
        if by:
            c.obj = by
            c.rtype = "PRAISES" if lemma in ("welcome", "hail", "applaud") else c.rtype
    if lemma == "host" and any(x.lemma_.lower() in ctx.lex.word_class("hosted_groups") for x in c.dobjs):
        c.rtype = "SUPPORTS"  # 'Algeria, which hosts the Polisario's leadership': shelter, not a meeting
    if lemma == "welcome" and c.rtype == "MEETS" and c.obj and any(
            x.dep_ == "dobj" and ctx.m.at(x) is None and x.lower_ not in GROUP_NOUNS for x in tok.children):
        c.rtype = "PRAISES"  # 'welcomed the strikes', 'welcomed the envoy's push': the act, not a visitor


def _call_or_label(ctx: RuleContext, c: _Clause) -> bool:
    """'called on X to', 'called X a thug', 'labelled X a drug lord'; False when the verb states nothing here."""
    tok = c.tok
    if c.lemma == "call":
        # 'called on X to', 'called X a thug', 'called X' (by phone)
        on = [a for x in tok.children if x.dep_ == "prep" and x.lower_ in ("on", "upon")
              for p in x.children for a in ctx.np_actors(p)]
        # 'called for restraint from both sides', 'called for Russia to withdraw'
        on += [a for x in tok.children if x.dep_ == "prep" and x.lower_ == "for" for p in x.children
               if p.dep_ == "pobj" for g in p.children if g.dep_ == "prep" and g.lower_ in ("from", "by", "on")
               for q in g.children for a in ctx.np_actors(q)]
        on += [a for x in tok.children if x.dep_ in ("advcl", "ccomp", "xcomp")
               and any(m.dep_ == "mark" and m.lower_ == "for" for m in x.children)
               for s_ in x.children if s_.dep_ == "nsubj" for a in ctx.np_actors(s_)]
        # 'called for all sides in Niger [to show restraint]' (the parser's 'for' phrase and a separate clause)
        if any(x.dep_ in ("advcl", "xcomp") and x.i > tok.i and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                     for a in x.children) for x in tok.children):
            on += [a for x in tok.children if x.dep_ == "prep" and x.lower_ == "for" for p in x.children
                   if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        label = _label(ctx, tok, c.subj, c.obj, c.rtype)
        if on:
            c.rtype, c.obj = "DEMANDS", on
        elif label is not None:
            c.rtype, c.obj = label
        elif any(x.dep_ == "dobj" and ctx.m.at(x) is not None for x in tok.children) \
                and not any(x.dep_ in ("oprd", "xcomp") for x in tok.children):
            c.rtype = "NEGOTIATES"  # 'Putin called Erdogan' (the object itself is an actor)
        else:
            return False
    elif c.lemma in LABEL_VERBS:
        found = _label(ctx, tok, c.subj, c.obj, c.rtype)
        if found is not None:
            c.rtype, c.obj = found
        elif c.rtype not in ("CRITICISES", "PRAISES", "REPORTS_ON", "SANCTIONS"):
            return False
    return True


def _finish(ctx: RuleContext, c: _Clause, tax: Taxonomy) -> bool:
    """Last type-specific readings of the arguments; False when the verb states nothing here."""
    tok, lemma = c.tok, c.lemma
    if c.rtype == "SANCTIONS" and c.coop_obj is not None:
        # 'froze EU funding', 'suspended its dialogue with Pristina': the partner, not the funder, is hit
        c.obj = [a for x in c.coop_obj.children if x.dep_ == "prep" and x.lower_ in ("with", "to", "for")
                 for p in x.children for a in ctx.np_actors(p)]
    if lemma == "send":
        aid = next((x for x in tok.children if x.dep_ == "dobj" and x.lemma_.lower() in AID_NOUNS), None)
        if aid is None:
            return False
        c.rtype = "SUPPORTS"  # 'Germany would send more air defence systems to Ukraine'
        c.obj = [a for x in tok.children if x.dep_ in ("prep", "dative") and x.lower_ in ("to", "for")
                 for p in x.children for a in ctx.place_actors(p)]
    if lemma == "see":
        c.obj = [a for a in c.obj if ctx.kind(a) == "person"]
        if any(x.dep_ == "prep" and x.lower_ == "as" for x in tok.children):
            return False  # 'sees Putin as a threat' is a view, not a meeting
    if c.rtype == "OPPOSES" and lemma in ctx.lex.word_class("armed_verbs") and c.subj and all(_armed(ctx, a) for a in c.subj):
        c.rtype = "COERCES"  # 'Eritrean troops fought the TPLF', 'the army clashed with Fano'
    if c.rtype == "DEMANDS" and any(x.dep_ in ("xcomp", "ccomp") and x.lemma_.lower() in ctx.lex.word_class("courtesy_acts")
                                    for x in tok.children):
        return False  # 'asked Wang to convey his greetings to Xi', 'asked the ambassador to comment': no demand
    if c.rtype == "DEMANDS" and lemma in ctx.lex.word_class("control_demand_verbs"):
        # 'the secretary told the Pentagon to prepare options': an order inside one state is no demand on another
        own = {ctx.state_of(a) for a in c.subj} - {None}
        c.obj = [a for a in c.obj if not (ctx.kind(a) == "government_body" and ctx.state_of(a) in own)]
    if c.rtype in ("LEADS", "MEMBER_OF"):
        c.subj = [a for a in c.subj if ctx.kind(a) in ("person", "state", "government_body")]
    if c.rtype == "LEADS":
        led = [x for x in tok.children if x.dep_ == ("nsubjpass" if c.passive else "dobj")]
        if any(x.pos_ == "NOUN" and ctx.m.at(x) is None and x.lower_ not in STATE_PROXIES for x in led):
            return False  # 'led the Chilean delegation', 'the delegation from Chile was led by X': not Chile
        if not led and any(x.dep_ == "prep" and x.lower_ in ("to", "into") for x in tok.children):
            return False  # 'the pact could lead to a Chinese base': 'lead to' causes, it heads nothing
    if c.rtype == "DEMANDS" and not c.obj:
        # 'demanded an apology from Japan', 'sought the extradition of the suspects from Sweden': the one asked
        c.obj = [a for h in (tok, *c.dobjs) for x in h.children if x.dep_ == "prep" and x.lower_ == "from"
                 for p in x.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
    if c.rtype in ("THREATENS", "CRITICISES", "DEMANDS") and not c.obj:
        # 'warned that Hamas would face consequences': the subject of the reported clause. A warning is a
        # threat only from someone who can act on it, about what will happen ('would', 'will').
        clauses = [x for x in tok.children if x.dep_ == "ccomp"]
        if c.rtype == "DEMANDS":
            # 'insisted that Y had failed' asserts; 'insisted that Y withdraw', '... should withdraw' demands
            clauses = [x for x in clauses if mandated(x)]
            # 'appealed for Israel and Hamas to accept the deal' (the parser's clause with 'for' as its mark)
            clauses += [x for x in tok.children if x.dep_ in ("advcl", "ccomp", "xcomp")
                        and any(m.dep_ == "mark" and m.lower_ == "for" for m in x.children)
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)]
        if c.rtype == "THREATENS":
            clauses = [x for x in clauses if any(a.lower_ in ("would", "will", "'ll", "shall") for a in x.children)
                       and all(ctx.kind(s) in ("person", "state", "government_body", "armed_group") for s in c.subj)]
        c.obj = [a for x in clauses for s_ in x.children if s_.dep_ in ("nsubj", "nsubjpass") for a in ctx.np_actors(s_)]
    if c.rtype == "THREATENS" and not [a for a in c.obj if a not in c.subj] \
            and all(ctx.kind(s) in ("person", "state", "government_body", "armed_group") for s in c.subj):
        # 'warned it will use force if Taiwan declares independence': the one whose act sets off the consequence
        c.obj = conditioned(ctx, tok) or c.obj
    if c.rtype == "REPORTS_ON" and not all(ctx.kind(s) in tax.source_kinds(c.rtype) - {"person"} for s in c.subj):
        return False  # a person who 'found' or 'described' speaks; a person reports only in a named report
    return True


def _emit(ctx: RuleContext, c: _Clause, symmetric: set[str] | frozenset[str]) -> Iterator[Found]:
    """The relations of a fully read clause."""
    tok, lemma = c.tok, c.lemma
    if c.rtype in ("COERCES", "OPPOSES") and c.alongside:
        def state(a: str) -> str:  # unnamed forces fighting side by side stand for their states
            return a if a in ctx.gz else ctx.state_of(a) or a
        for s, o in _pairs([state(a) for a in c.subj if a not in c.alongside], [state(a) for a in c.alongside]):
            yield Found(s, "COOPERATES_WITH", o, tok.i, f"alongside:{lemma}", 0.6)  # 'fought X alongside Y'
    if _mutual_fight(ctx, c):  # 'Thailand and Cambodia fought a border war': each against the other
        sides = list(dict.fromkeys(a if a in ctx.gz else ctx.state_of(a) or a for a in c.subj))
        for a, b in _group_pairs(sides):
            yield Found(a, "COERCES", b, tok.i, f"mutual:{lemma}", 0.6)
            yield Found(b, "COERCES", a, tok.i, f"mutual:{lemma}", 0.6)
    if c.rtype in symmetric and not c.obj and lemma not in ctx.lex.word_class("mediating_verbs") \
            and not ctx.unknown_partner(tok):
        # ('talks mediated by Qatar and Turkey': the go-betweens do not negotiate with each other)
        for a, b in _group_pairs(c.subj):
            yield Found(a, c.rtype, b, tok.i, f"verb:{lemma}", c.conf)
    obj = c.obj
    if not obj and (_reciprocal(tok) or (len(c.subj) > 1 and _tit_for_tat(tok))):
        obj = c.subj  # 'Thailand and Cambodia blamed each other': each does it to the other
    for s, o in _pairs(c.subj, obj):
        yield Found(s, c.rtype, o, tok.i, f"verb:{lemma}", c.conf)


def _mutual_fight(ctx: RuleContext, c: _Clause) -> bool:
    """'X and Y fought a war', 'Thai and Cambodian troops clashed': armed acts of named sides with no other target."""
    armed = ctx.lex.word_class("armed_verbs")
    wars = [d for d in c.dobjs if d.lemma_.lower() in ctx.lex.word_class("war_nouns") | armed]
    if c.lemma not in armed or c.obj or len(c.subj) < 2 or c.conf != 0.75 or c.alongside or c.passive:
        return False
    return bool(wars) if c.lemma == "fight" else len(wars) == len(c.dobjs)


RECIPROCALS = {("each", "other"), ("one", "another"), ("another", "one")}  # (det, head) as parsed


def _reciprocal(verb: Token) -> bool:
    """'blamed each other', 'accused one another', 'traded threats with each other', "expelled each other's envoys"."""
    objs = [c for c in verb.children if c.dep_ == "dobj"] + \
           [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    # 'Each side blamed the other'; 'X and Y each accuse the other' ('each' parsed as the subject's apposition)
    each_subject = any(c.dep_ in ("nsubj", "nsubjpass") and any(d.dep_ in ("det", "appos") and d.lower_ == "each"
                                                                for d in c.children) for c in verb.children) \
        or any(c.dep_ in ("advmod", "npadvmod", "dep") and c.lower_ == "each" for c in verb.children)
    return any((d.lower_, o.lower_) in RECIPROCALS for o in objs for d in o.children if d.dep_ == "det") \
        or any(p.dep_ == "poss" and each_other(p) for o in objs for p in o.children) \
        or (each_subject and any(o.lower_ == "other" for o in objs))  # 'Each side blamed the other


def _tit_for_tat(verb: Token) -> bool:
    """'X and Y expelled diplomats in tit-for-tat moves', '... in reciprocal expulsions': each side on the other."""
    words = [t.lower_ for t in verb.subtree]
    return "reciprocal" in words or any(words[i:i + 5] == ["tit", "-", "for", "-", "tat"] for i in range(len(words)))


def _armed(ctx: RuleContext, actor: str) -> bool:
    """An armed group or a state's armed forces."""
    info = ctx.m.actors.get(actor)
    return ctx.kind(actor) == "armed_group" or (info is not None and info.kind == "government_body"
                                                 and actor.endswith("-military"))


# Prepositions that say where a threatened act lands: 'intervention in Cuba', 'troops out of Chad', 'strikes on Y'.
LANDING_PREPS = {"in", "into", "against", "on", "at", "from", "out", "inside", "over"}
# Modals of a warned consequence: 'it will use force if ...', 'the EU can react if ...'.
CONSEQUENCE_AUX = {"will", "would", "'ll", "can", "could", "shall", "may", "might"}


def threatened_place(ctx: RuleContext, verb: Token, xcomp: Token | None) -> list[str]:
    """Where the act a threat names would land: on the threatened act's object when that is a hostile act
    ('threatened military intervention in Cuba', 'new tariffs on Y'), or on the verb it threatens to do ('to pull
    its troops out of Chad'; with 'to' only when what is sent is a force: 'to send a missile to Athens', not 'to
    take the case to the court')."""
    hostile = ("COERCES", "SANCTIONS", "THREATENS", "OPPOSES")
    heads = [o for o in verb.children if o.dep_ == "dobj" and (set(ctx.lex.noun_types(o.lemma_.lower())) & set(hostile)
                                                               or o.lemma_.lower() in ctx.lex.word_class("hostile_acts"))]
    preps = set(LANDING_PREPS)
    if xcomp is not None:
        heads.append(xcomp)
        if any(o.dep_ == "dobj" and o.lemma_.lower() in ctx.lex.word_class("force_nouns") for o in xcomp.children):
            preps.add("to")
    found = []
    for h in heads:
        for p in h.children:
            if p.dep_ not in ("prep", "dative") or p.lower_ not in preps:
                continue
            # 'out of Chad': the parser hangs 'of' on 'out'
            objs = [q for q in p.children if q.dep_ == "pobj"] or [q for r in p.children if r.dep_ == "prep"
                                                                    for q in r.children if q.dep_ == "pobj"]
            found += [a for q in objs for a in ctx.place_actors(q)]
    return list(dict.fromkeys(found))


def conditioned(ctx: RuleContext, verb: Token) -> list[str]:
    """The subject of the 'if' (or 'unless') clause of a warned consequence: 'warned it will use force if Taiwan
    declares independence', 'warned that if Russia escalates, the EU can react'. The consequence must be stated
    with a modal and by an actor or a pronoun ('if Israel attacks, civilians would suffer' threatens no one)."""
    found = []
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
        if not any(a.dep_ == "aux" and a.lower_ in CONSEQUENCE_AUX for a in clause.children) \
                and not any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
            continue
        subj = next((s for s in clause.children if s.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ != "PRON" and ctx.m.at(subj) is None:
            continue
        for cond in clause.children:
            if cond.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in cond.children):
                found += [a for s in cond.children if s.dep_ in ("nsubj", "nsubjpass") for a in ctx.np_actors(s)]
    return found


def _labelled_doers(ctx: RuleContext, verb: Token) -> list[str]:
    """Whose act a free relative on a verb of blame labels: 'condemned [what it described as Y's violation]',
    'protested over [what it called comments made by Y]' (the label's owner, or the agent of its participle)."""
    labellers = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() in LABEL_VERBS]
    labellers += [p for c in verb.children if c.dep_ == "prep" for p in c.children
                  if p.dep_ == "pcomp" and p.lemma_.lower() in LABEL_VERBS]
    found: list[str] = []
    for lab in labellers:
        if not any(c.dep_ == "dobj" and c.lower_ in ("what", "whatever") for c in lab.children):
            continue
        nouns = [c for c in lab.children if c.dep_ in ("oprd", "attr", "dobj") and c.lower_ not in ("what", "whatever")]
        nouns += [p for c in lab.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"]
        for n in nouns:
            found += [a for m in n.children if m.dep_ in ("poss", "compound", "amod", "nmod") for a in ctx.np_actors(m)]
            found += [a for x in n.children if x.dep_ == "acl" for g in x.children if g.dep_ == "agent"
                      for p in g.children for a in ctx.np_actors(p)]
    return list(dict.fromkeys(found))

