"""Verb rules: subject → object of a trigger verb, with passives, control, labels and polarity."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.rules.context import (
    ACCEPTING,
    BLOCKING_GOVERNORS,
    GROUP_NOUNS,
    INSTRUMENT_NOUNS,
    ISSUED_NOUNS,
    ISSUING_VERBS,
    JOINING_VERBS,
    LABEL_VERBS,
    STATE_PROXIES,
    SUBJ,
    Found,
    RuleContext,
    _choose,
    _polarity,
    event_stem,
    intent_clause,
)
from extraction.rules.phrases import PARTNER_NOUNS, accused_of, claimed_verbs, mandated, speaker_of
from extraction.rules.verb_frames import (
    _brokered_by,
    _joint_event_by,
    _persona_non_grata,
    _posture_verb,
    _taking_part,
    _transfer_verb,
)
from extraction.rules.verb_readings import _call_or_label, _Clause, _complete_object, _emit, _finish, _reinterpret
from graph.taxonomy import Taxonomy, load_taxonomy


def verb_rule(ctx: RuleContext) -> Iterator[Found]:
    """Subject → object of a trigger verb: 'Trump praised Colombia', 'X was sanctioned by Y'."""
    tax = load_taxonomy()  # which types are symmetric or spoken, and who may be their source, is the taxonomy's
    claimed = claimed_verbs(ctx)  # verbs of the trigger files' phrases: the phrase says what they do
    for tok in ctx.sent:
        if tok.pos_ not in ("VERB", "AUX") and not (tok.dep_ == "ROOT" and tok.tag_.startswith("VB")):
            continue
        lemma = tok.lemma_.lower()
        _remember_doers(ctx, tok, lemma)
        brokered = _brokered_by(ctx, tok, lemma)  # (a phrase may claim 'brokered' yet find no 'between')
        if brokered:
            yield from brokered
            continue
        if tok.i in claimed or mandated(tok) or _alleged(ctx, tok) or _noun_read_as_verb(tok) or _warned_against(tok):
            continue  # (a mandated act is the demand's content: 'asked that the council condemn X')
        dobjs = [c for c in tok.children if c.dep_ == "dobj"]
        special = _posture_verb(ctx, tok, lemma, dobjs)
        if special is None:
            special = _persona_non_grata(ctx, tok, lemma)
        if special is None:
            special = _transfer_verb(ctx, tok, lemma, dobjs)
        if special is None:
            special = _taking_part(ctx, tok, lemma, dobjs)
        if special is None:
            special = _joint_event_by(ctx, tok)
        if special is not None:
            yield from special
            continue
        coop_obj = next((c for c in dobjs if (ctx.lex.noun_types(c.lemma_.lower()) or ctx.lex.noun_types(c.lower_)
                                              or [""])[0] in ("SUPPORTS", "COOPERATES_WITH", "NEGOTIATES")), None)
        rtype = _verb_type(ctx, tok, lemma, dobjs, coop_obj)
        if rtype is None:
            continue
        c = _arguments(ctx, tok, lemma, rtype, dobjs, coop_obj, tax)
        if c is None or not _complete_object(ctx, c):
            continue
        _reinterpret(ctx, c)
        if not _call_or_label(ctx, c) or not _finish(ctx, c, tax):
            continue
        yield from _emit(ctx, c, tax.symmetric)


def _noun_read_as_verb(tok: Token) -> bool:
    """'... urge X and Y to resume ceasefire talks': a plural noun after a noun, hung on the main verb as a
    conjunct with no 'and' or comma between them, is the noun of a compound ('ceasefire talks'), not a verb."""
    if tok.dep_ != "conj" or tok.i == 0 or tok.tag_ != "VBZ":
        return False
    prev = tok.doc[tok.i - 1]
    linked = any(c.dep_ in ("cc", "punct") and tok.head.i < c.i < tok.i for c in (*tok.head.children, *tok.children))
    return not linked and prev.tag_ in ("NN", "NNS") and prev.head.i != tok.i and not any(
        c.dep_ in ("nsubj", "dobj") for c in tok.children)


def _remember_doers(ctx: RuleContext, tok: Token, lemma: str) -> None:
    """Remember who did the act, for 'the launch', 'the arrest' later on."""
    if ctx.negated(tok):
        return
    doers = [a for c in tok.children if c.dep_ == "nsubj" for a in ctx.np_actors(c)]
    if not doers and tok.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in tok.children):
        doers = ctx.subject_actors(tok)  # 'U.S. forces boarded and seized a tanker'
    if doers:
        ctx.discourse.record_event(event_stem(lemma), tuple(doers))
    elif (ctx.lex.verb_types(lemma) or [""])[0] == "COERCES" and not ctx.blocked(tok):
        # 'Israeli warplanes struck ...': the unnamed weapons' state is the doer
        doers = [a for c in tok.children if c.dep_ == "nsubj" for g in c.children if g.dep_ in ("amod", "compound")
                 for a in ctx.np_actors(g) if ctx.kind(a) == "state"]
        if doers:
            ctx.discourse.record_event(event_stem(lemma), tuple(doers))


def _verb_type(ctx: RuleContext, tok: Token, lemma: str, dobjs: list[Token], coop_obj: Token | None) -> str | None:
    """The relation type the verb states here, or None when it states none."""
    types = ctx.lex.verb_types(lemma)
    if _told_to(ctx, tok, lemma, dobjs):
        types = ["DEMANDS"]  # 'told China to stop', 'pressed Belgrade to recognise Kosovo'
    elif lemma in ctx.lex.word_class("cancel_verbs") and coop_obj is not None:
        types = ["SANCTIONS"]  # 'cancelled an agreement with X', 'blocked funding for Y'
    elif lemma == "invite":
        # 'invited the Polisario to negotiations': the invitation is to the act the noun names
        to_event = [p for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                    for p in c.children if p.dep_ == "pobj"] + \
                   [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "NOUN"] + \
                   [d for c in tok.children if c.dep_ == "xcomp" and c.lemma_.lower() in JOINING_VERBS
                    for d in c.children if d.dep_ == "dobj"]  # '(to) talks' as a clause; 'to join talks'
        types = [t for p in to_event for t in (ctx.lex.noun_types(p.lemma_.lower())
                                                or ctx.lex.noun_types(p.lower_) or [])[:1]
                 if t in ("NEGOTIATES", "MEETS")][:1]
    if lemma == "receive" and dobjs and all(ctx.m.at(c) is None
                                            and c.lemma_.lower() not in ctx.lex.word_class("envoy_nouns") | {"delegation"}
                                            for c in dobjs):
        # 'received a call from Macron', 'received a letter from Putin': contact, not a meeting
        if not any(c.lemma_.lower() in ctx.lex.word_class("message_nouns")
                   or (ctx.lex.noun_types(c.lemma_.lower()) or [""])[0] == "NEGOTIATES" for c in dobjs):
            return None
        types = ["NEGOTIATES"]
    if lemma in ACCEPTING and ctx.negated(tok) and not ctx.blocked(tok):
        types = ["REJECTS"]  # 'would never accept', 'does not recognise'
        if any(_polarity([c, *(m for m in c.children if m.dep_ == "amod")]) < 0 for c in dobjs):
            types = ["CRITICISES"]  # 'will never tolerate Y's provocations': the act not tolerated is blamed
    elif not types or ctx.negated(tok) or ctx.blocked(tok):
        return None
    rtype = _choose(types, ctx.sent)
    if intent_clause(tok) and rtype in ("LEADS", "MEMBER_OF", "ALLIED_WITH"):
        return None  # "the country's bid to join the bloc": a standing tie is not made by wanting it
    if rtype == "COOPERATES_WITH" and any(
            x.dep_ == "xcomp" and (ctx.lex.verb_types(x.lemma_.lower()) or [""])[0] in ("MEETS", "NEGOTIATES")
            for x in tok.children):
        return None  # 'agreed to meet Y', 'agreed to hold talks': the meeting is the act, read on its own verb
    if lemma == "see" and any(c.dep_ == "auxpass" for c in tok.children):
        return None  # 'delegations were seen arriving': being seen is no meeting
    if lemma == "trade" and not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return None  # 'trade with the Taliban' is commerce; 'traded accusations' is read by the noun rule
    if tok.dep_ == "acl" and ctx.lex.noun_types(tok.head.lemma_.lower()) and not intent_clause(tok) \
            and not _issuer(ctx, tok):  # ('a protest calling on Y to': what the protest's issuer says)
        return None  # 'sanctions targeting him': the event noun's frame reads this
    with_events = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                   for p in c.children if p.dep_ == "pobj" and ctx.lex.noun_types(p.lemma_.lower())]
    if with_events and rtype == "COERCES":
        return None  # 'hit Russia with sanctions': the noun says what was done
    return rtype


def _impersonal(tok: Token) -> bool:
    """'It has been requested that ...': an expletive 'it' as the passive's subject, the content a 'that' clause."""
    return any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in tok.children) and any(
        c.dep_ == "ccomp" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)


def _told_to(ctx: RuleContext, tok: Token, lemma: str, dobjs: list[Token]) -> bool:
    """'V Y to VP' with a verb that asks for an act only in this frame ('told China to stop', 'ordered Israel to
    halt'): an actor as the object, an infinitive after it."""
    return lemma in ctx.lex.word_class("control_demand_verbs") and any(ctx.np_actors(d) for d in dobjs) and any(
        x.dep_ in ("xcomp", "ccomp") and x.i > tok.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
        for x in tok.children)


def _arguments(ctx: RuleContext, tok: Token, lemma: str, rtype: str, dobjs: list[Token], coop_obj: Token | None,
               tax: Taxonomy) -> _Clause | None:
    """Subject and object of the verb (active, passive or a reduced relative), or None when no actor does it."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    labeller = _label_agent(ctx, tok, lemma, passive)
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and (labeller or any(c.dep_ == "agent" for c in tok.children)):
        passive = True  # 'the council, headed by Mohamed al-Menfi'
        subj = labeller or [a for c in tok.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)]
        obj = ctx.np_actors(tok.head)
        if not obj and tok.head.dep_ == "appos":
            obj = ctx.np_actors(tok.head.head)  # 'the STC, a separatist group backed by the UAE'
        if rtype == "MEETS" and ctx.m.at(tok.head) is None and tok.head.dep_ == "pobj" \
                and tok.head.head.head.pos_ in ("VERB", "AUX"):
            # 'signed the accord at a (White House) ceremony hosted by X': X met the signers
            obj = ctx.subject_actors(tok.head.head.head) or obj
    elif passive and _impersonal(tok) and rtype == "DEMANDS":
        # '"It has been formally requested that the U.S. authorities conduct an investigation," the ministry said':
        # the speaker asks; the one asked is the subject of the 'that' clause (read by _finish)
        subj, obj = speaker_of(ctx, tok), []
    elif passive and (not any(c.dep_ == "xcomp" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children)):
        # ('Sudan was urged by the AU to return to talks': the agent urges; 'were expected to meet' has none)
        subj = labeller or [a for c in tok.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)]
        obj = [a for c in tok.children if c.dep_ == "nsubjpass" for a in ctx.np_actors(c)]
    else:
        subj = ctx.subject_actors(tok) or _issuer(ctx, tok)
        obj = ctx.object_actors(tok, symmetric=rtype in tax.symmetric)
        if lemma in ctx.lex.word_class("topic_verbs"):
            # "discussed Canada's concerns with Wang", 'discussed the Mercosur bloc': the object is what is talked about
            obj = [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                   for p in c.children for a in ctx.np_actors(p)]
    alongside = [a for c in [tok, *dobjs] for g in c.children if g.dep_ == "prep" and g.lower_ == "alongside"
                 for p in g.children for a in ctx.np_actors(p) if a not in subj]  # also 'fought [X alongside Y]
    subj = subj + [a for a in _companions(ctx, tok) if a not in subj]  # 'Mali, along with Niger, accused France'
    accused = accused_of(ctx, tok)
    if accused is not None:  # 'accused Sudan of financing and arming rebels', the second gerund parsed as the main verb's
        if not accused:
            return None
        subj = accused
    stolen = _next_clause_subjects(ctx, tok) | _partners_of_unnamed(ctx, dobjs)
    if len(dobjs) > 1 and not passive:
        # 'pledged closer contacts at a time of ..., Russia's invasion of Ukraine': a second object after a comma is
        # the parser's attachment of a list far from the verb, not what the verb acts on
        first = set(ctx.np_actors(dobjs[0]))
        stolen |= {a for d in dobjs[1:] if d.doc[d.left_edge.i - 1].text == "," for a in ctx.np_actors(d)} - first
    obj = [a for a in obj if a not in stolen]  # 'X vowed to expel Y's envoy and Z broke ties': Z is no object
    clause = _Clause(tok, lemma, rtype, subj + alongside, obj, dobjs, coop_obj, alongside, passive)  # 'backed X alongside the UAE'
    subj_tok = next((c for c in tok.children if c.dep_ in SUBJ), None)
    if subj_tok is not None and ctx.m.at(subj_tok) is None \
            and subj_tok.lemma_.lower() in ctx.lex.word_class("envoy_nouns"):
        # "Syria's UN envoy criticised Israel", the envoy unnamed: the state he speaks for acts (not the UN)
        sent_by = [a for c in subj_tok.children if c.dep_ in ("poss", "amod") for a in ctx.np_actors(c)
                   if ctx.kind(a) == "state"]
        if sent_by:
            clause.subj = sent_by
            return clause
    if rtype in tax.communicative and subj_tok is not None and ctx.m.at(subj_tok) is None \
            and subj_tok.lower_ not in GROUP_NOUNS | STATE_PROXIES and subj_tok.pos_ == "NOUN" \
            and not any(c.dep_ == "appos" for c in subj_tok.children) \
            and not (clause.subj and subj_tok.lemma_.lower() in ISSUED_NOUNS):  # 'the protest urged': its issuer
        return None  # 'a Chinese attack could threaten Japan': an event, not an actor, does it
    if not clause.subj and not passive:
        if (tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and ctx.m.at(tok.head) is None) or \
                (tok.dep_ == "pcomp" and tok.head.lower_ == "with" and any(c.dep_ == "nsubj" for c in tok.children)):
            return None  # 'with a handful of countries siding with Washington': the unnamed countries act
        if tok.dep_ in ("relcl", "acl") and tok.head.lemma_.lower() in INSTRUMENT_NOUNS:
            return None  # 'refused to sign a law that imposed ...': only who issued the law acts through it
        if tok.dep_ == "relcl" and tok.head.pos_ == "NOUN" and tok.head.dep_ in ("pobj", "dobj", "nsubj", "conj") \
                and any(c.dep_ in SUBJ and c.lower_ in ("which", "that", "who") for c in tok.children):
            # 'extremist groups which threaten Chad': the unnamed groups act, not an earlier actor (a noun in
            # apposition or predicated of an actor stands for it: 'X, an ally of Y that has fought ...')
            return None
        if subj_tok is not None and subj_tok.pos_ == "NOUN" and ctx.m.at(subj_tok) is None and any(
                c.dep_ == "conj" and c.pos_ == "NOUN" and ctx.m.at(c) is None for c in subj_tok.children):
            return None  # '..., but diplomats and observers have criticised the process': unnamed people act
        if subj_tok is not None and ctx.m.at(subj_tok) is None and (
                (subj_tok.pos_ == "PRON" and subj_tok.lower_ in ("he", "she", "they", "it"))
                or (subj_tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "any")
                                                    for c in subj_tok.children))):
            return None  # 'the ministry said he would meet X' with 'he' unknown, 'a country moved to expel': not them
        clause.subj = ctx.fallback_subject(tok)
        clause.conf = 0.55
    return clause


def _label_agent(ctx: RuleContext, tok: Token, lemma: str, passive: bool) -> list[str]:
    """'The PKK is listed as a terrorist organisation by Turkey', 'the PKK, listed as ... by Turkey': the parser hangs
    the passive's 'by' on the label's noun; [] when the verb is no passive label verb or names its agent itself."""
    if lemma not in LABEL_VERBS | {"list", "blacklist"} or tok.tag_ != "VBN" or not (passive or tok.dep_ == "acl") \
            or any(c.dep_ == "agent" for c in tok.children):
        return []
    labels = [c for c in tok.children if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")]
    return [a for c in labels for t in c.subtree if t.dep_ == "prep" and t.lower_ == "by"
            for p in t.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]


def _issuer(ctx: RuleContext, tok: Token) -> list[str]:
    """'issued a statement accusing Y of ...', "Poland's note urging Y to ...": a participle on a statement, letter or
    protest is said by whoever issued it (its possessor, or the subject of the verb that issued it)."""
    noun = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBG" or noun.lemma_.lower() not in ISSUED_NOUNS or ctx.m.at(noun) is not None:
        return []
    owners = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") for a in ctx.np_actors(c)]
    if owners or noun.dep_ != "dobj" or noun.head.lemma_.lower() not in ISSUING_VERBS or ctx.negated(noun.head):
        return owners
    return ctx.subject_actors(noun.head)


def _warned_against(tok: Token) -> bool:
    """'warned Finland against joining NATO', 'urged Y against attacking': the act is what is warned of, not done."""
    return tok.dep_ == "pcomp" and tok.head.lower_ == "against" and tok.head.head.lemma_.lower() in BLOCKING_GOVERNORS


def _alleged(ctx: RuleContext, tok: Token) -> bool:
    """The act of a claim's clause ('rejected accusations it supports Chadian fighters', 'allegations that it was
    arming the RSF') is alleged, not stated: the claim itself is read on its own verb or noun."""
    return tok.dep_ in ("acl", "relcl", "ccomp") and tok.head.lower_ in ctx.lex.word_class("claim_nouns")


def _companions(ctx: RuleContext, tok: Token) -> list[str]:
    """'Mali, along with Niger, accused France', 'X, together with Y, condemned Z': the companion named before the
    verb acts with its subject (after the object it is ambiguous: 'accused France along with Niger')."""
    withs = [w for g in tok.children if g.dep_ in ("prep", "advmod") and g.lower_ in ("along", "together")
             and g.i < tok.i for w in g.children if w.dep_ == "prep" and w.lower_ == "with"]
    # (or hung on the subject: '[Mali, together with Niger,] accused')
    for s_ in (c for c in tok.children if c.dep_ in SUBJ):
        withs += [w for w in s_.children if w.dep_ == "prep" and w.lower_ == "with"
                  and any(g.dep_ == "advmod" and g.lower_ in ("along", "together") for g in w.children)]
        withs += [w for g in s_.children if g.dep_ == "prep" and g.lower_ in ("along", "together")
                  for w in g.children if w.dep_ == "prep" and w.lower_ == "with"]
    return [a for w in withs for p in w.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]


def _partners_of_unnamed(ctx: RuleContext, dobjs: list[Token]) -> set[str]:
    """'accusing the close U.S. ally of ...': the actor on an unnamed ally is its partner, not the one accused."""
    return {a for d in dobjs if d.lower_ in PARTNER_NOUNS and ctx.m.at(d) is None
            and not any(c.dep_ == "appos" for c in d.children)
            for c in d.children if c.dep_ in ("compound", "amod", "poss", "nmod") for a in ctx.np_actors(c)}


def _next_clause_subjects(ctx: RuleContext, tok: Token) -> set[str]:
    """Actors the parser joined to the verb's object that are the subject of the next clause: 'vowed to expel
    Colombia's ambassador and [Ecuador] completely broke ties' (the second verb then has no subject of its own)."""
    stolen: set[str] = set()
    for d in tok.children:
        if d.dep_ != "dobj":
            continue
        for x in d.conjuncts:
            if x.i < d.i:
                continue
            nxt = x.right_edge.i + 1
            while nxt < ctx.sent.end and x.doc[nxt].dep_ == "advmod":
                nxt += 1
            if nxt >= ctx.sent.end:
                continue
            v = x.doc[nxt]
            if v.dep_ in ("conj", "advcl") and v.tag_ in ("VBD", "VBZ", "VBP") and v.i > tok.i \
                    and not any(c.dep_ in SUBJ for c in v.children) and v.head in (tok, *tok.ancestors):
                stolen.update(ctx.np_actors(x))
    return stolen
