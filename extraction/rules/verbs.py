"""Verb rules: subject → object of a trigger verb, with passives, control, labels and polarity."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.rules.context import (
    ACCEPTING,
    AID_NOUNS,
    GROUP_NOUNS,
    JOINING_VERBS,
    LABEL_VERBS,
    STATE_PROXIES,
    SUBJ,
    Found,
    RuleContext,
    _choose,
    _group_pairs,
    _pairs,
    _polarity,
    event_stem,
)
from extraction.rules.phrases import claimed_verbs
from graph.taxonomy import load_taxonomy


def verb_rule(ctx: RuleContext) -> Iterator[Found]:
    """Subject → object of a trigger verb: 'Trump praised Colombia', 'X was sanctioned by Y'."""
    tax = load_taxonomy()  # which types are symmetric or spoken, and who may be their source, is the taxonomy's
    symmetric, communicative = tax.symmetric, tax.communicative
    claimed = claimed_verbs(ctx)  # verbs of the trigger files' phrases: the phrase says what they do
    for tok in ctx.sent:
        if tok.pos_ not in ("VERB", "AUX") and not (tok.dep_ == "ROOT" and tok.tag_.startswith("VB")):
            continue
        lemma = tok.lemma_.lower()
        if not ctx.negated(tok):
            doers = [a for c in tok.children if c.dep_ == "nsubj" for a in ctx.np_actors(c)]
            if not doers and tok.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in tok.children):
                doers = ctx.subject_actors(tok)  # 'U.S. forces boarded and seized a tanker'
            if doers:
                ctx.discourse.record_event(event_stem(lemma), tuple(doers))  # remembered for 'the launch', 'the arrest' later on
            elif (ctx.lex.verb_types(lemma) or [""])[0] == "COERCES" and not ctx.blocked(tok):
                # 'Israeli warplanes struck ...': the unnamed weapons' state is the doer
                doers = [a for c in tok.children if c.dep_ == "nsubj" for g in c.children if g.dep_ in ("amod", "compound")
                         for a in ctx.np_actors(g) if ctx.kind(a) == "state"]
                if doers:
                    ctx.discourse.record_event(event_stem(lemma), tuple(doers))
        if tok.i in claimed:
            continue
        types = ctx.lex.verb_types(lemma)
        dobjs = [c for c in tok.children if c.dep_ == "dobj"]
        coop_obj = next((c for c in dobjs if (ctx.lex.noun_types(c.lemma_.lower()) or ctx.lex.noun_types(c.lower_)
                                              or [""])[0] in ("SUPPORTS", "COOPERATES_WITH", "NEGOTIATES")), None)
        if lemma in ctx.lex.word_class("view_verbs") and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children) \
                and not ctx.negated(tok) and not ctx.blocked(tok):
            # 'regards X as a threat', 'views Y as a partner': the label's polarity decides
            viewed = [a for c in dobjs for a in ctx.np_actors(c)]
            found = _label(ctx, tok, [], viewed, "")
            if found is not None:
                for s, o in _pairs(ctx.subject_actors(tok), viewed):
                    yield Found(s, found[0], o, tok.i, f"view:{lemma}", 0.6)
            continue
        if lemma == "stand" and not ctx.negated(tok):
            # 'has stood firmly behind Sandu's government', 'stands firmly with Guyana': backing, not posture
            firm = any(c.dep_ == "advmod" and c.lower_ in ("firmly", "squarely", "fully", "resolutely", "firm")
                       for c in tok.children)
            backed = [a for c in tok.children if c.dep_ == "prep" and (c.lower_ == "behind" or (c.lower_ == "with" and firm))
                      for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
            for s, o in _pairs(ctx.subject_actors(tok), backed):
                yield Found(s, "SUPPORTS", o, tok.i, "verb:stand", 0.6)
            continue
        if lemma in ctx.lex.word_class("receiving_verbs") and not ctx.negated(tok) and not ctx.blocked(tok):
            # 'the army has received military support from Egypt': the giver supports the receiver
            aid = [c for c in dobjs if c.lemma_.lower() in AID_NOUNS
                   or (ctx.lex.noun_types(c.lemma_.lower()) or [""])[0] == "SUPPORTS"]
            givers = [a for c in [tok, *aid] for p in c.children if p.dep_ == "prep" and p.lower_ == "from"
                      for q in p.children if q.dep_ == "pobj" for a in ctx.np_actors(q)]
            if aid and givers:
                for s, o in _pairs(givers, ctx.subject_actors(tok)):
                    yield Found(s, "SUPPORTS", o, tok.i, f"received:{lemma}", 0.65)
                continue
        if lemma in ctx.lex.word_class("cancel_verbs") and not ctx.negated(tok) and not ctx.blocked(tok):
            # 'froze its participation in the CSTO', 'suspended its membership of the bloc': a turn away from it
            left = [a for c in dobjs if c.lemma_.lower() in ctx.lex.word_class("membership_nouns") for p in c.children
                    if p.dep_ == "prep" and p.lower_ in ("in", "of") for q in p.children for a in ctx.np_actors(q)]
            if left:
                for s, o in _pairs(ctx.subject_actors(tok), left):
                    yield Found(s, "REJECTS", o, tok.i, f"leave:{lemma}", 0.65)
                continue
        if lemma in ("extend", "offer") and not ctx.negated(tok) and not ctx.blocked(tok) and any(
                c.lemma_.lower() in ctx.lex.word_class("credit_nouns")
                or any(g.dep_ == "compound" and g.lemma_.lower() in ctx.lex.word_class("credit_nouns") for g in c.children)
                for c in dobjs):
            # 'agreed to extend a credit line to Havana', 'offered a loan to Kyiv'
            lent = [a for c in [tok, *dobjs] for p in c.children if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "for")
                    for q in p.children for a in _recipient(ctx, q)] + \
                   [a for c in tok.children if c.dep_ == "dative" for a in _recipient(ctx, c)]
            for s, o in _pairs(ctx.subject_actors(tok), lent):
                yield Found(s, "SUPPORTS", o, tok.i, f"credit:{lemma}", 0.65)
            if lent:
                continue
        if lemma in ctx.lex.word_class("cancel_verbs") and coop_obj is not None:
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
                continue
            types = ["NEGOTIATES"]
        if lemma in ACCEPTING and ctx.negated(tok) and not ctx.blocked(tok):
            types = ["REJECTS"]  # 'would never accept', 'does not recognise'
        elif not types or ctx.negated(tok) or ctx.blocked(tok):
            continue
        rtype = _choose(types, ctx.sent)
        if lemma == "trade" and not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            continue  # 'trade with the Taliban' is commerce; 'traded accusations' is read by the noun rule
        if tok.dep_ == "acl" and ctx.lex.noun_types(tok.head.lemma_.lower()):
            continue  # 'sanctions targeting him': the event noun's frame reads this
        with_events = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                       for p in c.children if p.dep_ == "pobj" and ctx.lex.noun_types(p.lemma_.lower())]
        if with_events and rtype == "COERCES":
            continue  # 'hit Russia with sanctions': the noun says what was done
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children):
            passive = True  # 'the council, headed by Mohamed al-Menfi'
            subj = [a for c in tok.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)]
            obj = ctx.np_actors(tok.head)
            if not obj and tok.head.dep_ == "appos":
                obj = ctx.np_actors(tok.head.head)  # 'the STC, a separatist group backed by the UAE'
        elif passive and not any(c.dep_ == "xcomp" for c in tok.children):
            subj = [a for c in tok.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)]
            obj = [a for c in tok.children if c.dep_ == "nsubjpass" for a in ctx.np_actors(c)]
        else:
            subj = ctx.subject_actors(tok)
            obj = ctx.object_actors(tok, symmetric=rtype in symmetric)
        conf = 0.75
        alongside = [a for c in [tok, *dobjs] for g in c.children if g.dep_ == "prep" and g.lower_ == "alongside"
                     for p in g.children for a in ctx.np_actors(p) if a not in subj]  # also 'fought [X alongside Y]
        subj = subj + alongside  # 'backed X alongside the UAE'
        subj_tok = next((c for c in tok.children if c.dep_ in SUBJ), None)
        if rtype in communicative and subj_tok is not None and ctx.m.at(subj_tok) is None \
                and subj_tok.lower_ not in GROUP_NOUNS | STATE_PROXIES and subj_tok.pos_ == "NOUN" \
                and not any(c.dep_ == "appos" for c in subj_tok.children):
            continue  # 'a Chinese attack could threaten Japan': an event, not an actor, does it
        if not subj and not passive:
            if (tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and ctx.m.at(tok.head) is None) or \
                    (tok.dep_ == "pcomp" and tok.head.lower_ == "with" and any(c.dep_ == "nsubj" for c in tok.children)):
                continue  # 'with a handful of countries siding with Washington': the unnamed countries act
            subj = ctx.fallback_subject(tok)
            conf = 0.55

        xcomp = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if rtype in ("REJECTS", "NEGOTIATES", "MEETS", "COOPERATES_WITH") and not obj:
            # 'rejected any talks with Washington'
            obj = [a for o in tok.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "prep"
                   and c.lower_ in ("with", "of", "from", "between") for p in c.children for a in ctx.np_actors(p)]
        if lemma in JOINING_VERBS and any(c.dep_ == "prep" and c.lower_ == "in" and any(
                p.dep_ == "pcomp" and p.pos_ == "VERB" for p in c.children) for c in tok.children):
            continue  # 'Germany joined France in calling for a truce': a shared act, not a membership
        if lemma == "deny" and not any(c.dep_ == "dobj" for c in tok.children):
            continue  # 'denies working with the FDLR' denies a claim; 'denied the allegations' rejects the accuser
        if rtype == "REJECTS" and xcomp is not None and not obj:
            obj = ctx.object_actors(xcomp)          # 'refused to accept U.S. military flights'
            if not obj:                             # 'refused to open any negotiation with JNIM'
                obj = [a for o in xcomp.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "prep"
                       and c.lower_ in ("with", "of", "from", "to") for p in c.children for a in ctx.np_actors(p)]
        if lemma == "visit" and not obj:
            # 'the envoy, who visited Beirut last month': visiting a state's capital or the state meets its government
            obj = [a for c in tok.children if c.dep_ == "dobj" and ctx.m.at(c) is not None and ctx.m.at(c).place_only
                   and c.i == ctx.m.at(c).end - 1 for a in ctx.m.at(c).actors if ctx.kind(a) == "state"]
        if lemma in ("help", "assist") and not obj:
            # 'helped Somalia rebuild its navy', 'ready to help Tajik forces secure the border'
            obj = [a for c in tok.children if c.dep_ in ("ccomp", "xcomp") for s_ in c.children
                   if s_.dep_ == "nsubj" for a in ctx.np_actors(s_)]
        if rtype == "THREATENS" and xcomp is not None and not obj:
            obj = ctx.object_actors(xcomp)          # 'threatened to sanction Colombia'
        particle = next((c.lower_ for c in tok.children
                         if c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "out", "down", "in", "off")), "")
        if particle in ("back", "out") and lemma in ("hit", "strike", "lash", "fire"):
            rtype = "CRITICISES"  # 'hit back at Putin', 'lashed out at the EU'
            obj = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "at"
                   for p in c.children for a in ctx.np_actors(p)]
        elif (lemma, particle) in (("back", "down"), ("climb", "down"), ("cave", "in"), ("give", "in"), ("back", "off")):
            rtype = "CONCEDES"  # 'Israel backed down after pressure from Washington'
            obj = obj or [a for c in tok.subtree if c.dep_ == "prep" and c.lower_ in ("from", "to")
                          for p in c.children for a in ctx.np_actors(p)]
        if lemma in ("welcome", "hail", "applaud", "praise", "endorse", "back", "support", "condemn", "denounce",
                     "criticise", "criticize", "reject") and not obj:
            # 'France welcomed the decision by Morocco': the one who decided
            done = next((c for c in tok.children if c.dep_ == "dobj" and ctx.m.at(c) is None), None)
            by = [a for c in (done.children if done is not None else []) if c.dep_ == "prep" and c.lower_ == "by"
                  for p in c.children for a in ctx.np_actors(p)]
            if by:
                obj = by
                rtype = "PRAISES" if lemma in ("welcome", "hail", "applaud") else rtype
        if lemma == "host" and any(c.lemma_.lower() in ctx.lex.word_class("hosted_groups") for c in dobjs):
            rtype = "SUPPORTS"  # 'Algeria, which hosts the Polisario's leadership': shelter, not a meeting
        if lemma == "welcome" and rtype == "MEETS" and obj and any(
                c.dep_ == "dobj" and ctx.m.at(c) is None and c.lower_ not in GROUP_NOUNS for c in tok.children):
            rtype = "PRAISES"  # 'welcomed the strikes', 'welcomed the envoy's push': the act, not a visitor
        if lemma == "call":
            # 'called on X to', 'called X a thug', 'called X' (by phone)
            on = [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                  for p in c.children for a in ctx.np_actors(p)]
            # 'called for restraint from both sides', 'called for Russia to withdraw'
            on += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                   if p.dep_ == "pobj" for g in p.children if g.dep_ == "prep" and g.lower_ in ("from", "by", "on")
                   for q in g.children for a in ctx.np_actors(q)]
            on += [a for c in tok.children if c.dep_ in ("advcl", "ccomp", "xcomp")
                   and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                   for s_ in c.children if s_.dep_ == "nsubj" for a in ctx.np_actors(s_)]
            label = _label(ctx, tok, subj, obj, rtype)
            if on:
                rtype, obj = "DEMANDS", on
            elif label is not None:
                rtype, obj = label
            elif any(c.dep_ == "dobj" and ctx.m.at(c) is not None for c in tok.children) \
                    and not any(c.dep_ in ("oprd", "xcomp") for c in tok.children):
                rtype = "NEGOTIATES"  # 'Putin called Erdogan' (the object itself is an actor)
            else:
                continue
        elif lemma in LABEL_VERBS:
            found = _label(ctx, tok, subj, obj, rtype)
            if found is not None:
                rtype, obj = found
            elif rtype not in ("CRITICISES", "PRAISES", "REPORTS_ON", "SANCTIONS"):
                continue
        if rtype == "SANCTIONS" and coop_obj is not None:
            # 'froze EU funding', 'suspended its dialogue with Pristina': the partner, not the funder, is hit
            obj = [a for c in coop_obj.children if c.dep_ == "prep" and c.lower_ in ("with", "to", "for")
                   for p in c.children for a in ctx.np_actors(p)]
        if lemma == "send":
            aid = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in AID_NOUNS), None)
            if aid is None:
                continue
            rtype = "SUPPORTS"  # 'Germany would send more air defence systems to Ukraine'
            obj = [a for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for")
                   for p in c.children for a in _recipient(ctx, p)]
        if lemma == "see":
            obj = [a for a in obj if ctx.kind(a) == "person"]
            if any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
                continue  # 'sees Putin as a threat' is a view, not a meeting
        if rtype == "OPPOSES" and lemma in ctx.lex.word_class("armed_verbs") and subj and all(_armed(ctx, a) for a in subj):
            rtype = "COERCES"  # 'Eritrean troops fought the TPLF', 'the army clashed with Fano'
        if rtype in ("LEADS", "MEMBER_OF"):
            subj = [a for a in subj if ctx.kind(a) in ("person", "state", "government_body")]
        if rtype in ("THREATENS", "CRITICISES", "DEMANDS") and not obj:
            # 'warned that Hamas would face consequences': the subject of the reported clause. A warning is a
            # threat only from someone who can act on it, about what will happen ('would', 'will').
            clauses = [c for c in tok.children if c.dep_ == "ccomp"]
            if rtype == "THREATENS":
                clauses = [c for c in clauses if any(a.lower_ in ("would", "will", "'ll", "shall") for a in c.children)
                           and all(ctx.kind(x) in ("person", "state", "government_body", "armed_group") for x in subj)]
            obj = [a for c in clauses for s_ in c.children if s_.dep_ in ("nsubj", "nsubjpass") for a in ctx.np_actors(s_)]
        if rtype == "REPORTS_ON" and not all(ctx.kind(s) in tax.source_kinds(rtype) - {"person"} for s in subj):
            continue  # a person who 'found' or 'described' speaks; a person reports only in a named report
        if rtype in ("COERCES", "OPPOSES") and alongside:
            def state(a: str) -> str:  # unnamed forces fighting side by side stand for their states
                return a if a in ctx.gz else ctx.state_of(a) or a
            for s, o in _pairs([state(a) for a in subj if a not in alongside], [state(a) for a in alongside]):
                yield Found(s, "COOPERATES_WITH", o, tok.i, f"alongside:{lemma}", 0.6)  # 'fought X alongside Y'
        if rtype in symmetric and not obj:
            for a, b in _group_pairs(subj):
                yield Found(a, rtype, b, tok.i, f"verb:{lemma}", conf)
        if not obj and _reciprocal(tok):
            obj = subj  # 'Thailand and Cambodia blamed each other': each does it to the other
        for s, o in _pairs(subj, obj):
            yield Found(s, rtype, o, tok.i, f"verb:{lemma}", conf)


def misread_verb_rule(ctx: RuleContext) -> Iterator[Found]:
    """'The EU sanctions Russia': a trigger verb in -s that the tagger read as a plural noun heading the clause, its
    subject taken for a modifier and its object for an apposition."""
    for tok in ctx.sent:
        if tok.tag_ != "NNS" or tok.dep_ not in ("ROOT", "ccomp") or any(c.pos_ in ("VERB", "AUX") for c in tok.children):
            continue
        types = ctx.lex.verb_types(tok.lemma_)
        subj = [a for c in tok.children if c.dep_ == "compound" and c.i < tok.i for a in ctx.np_actors(c)]
        obj = [a for c in tok.children if c.dep_ in ("appos", "dobj") and c.i > tok.i for a in ctx.np_actors(c)]
        if not types or not subj or not obj or (ctx.lex.noun_types(tok.lemma_) and types[0] not in ctx.lex.noun_types(
                tok.lemma_)):
            continue
        for s, o in _pairs(subj, obj):
            yield Found(s, types[0], o, tok.i, f"verb:{tok.lemma_.lower()}", 0.6)


RECIPROCALS = {("each", "other"), ("one", "another"), ("another", "one")}  # (det, head) as parsed


def _reciprocal(verb: Token) -> bool:
    """'blamed each other', 'accused one another', 'traded threats with each other'."""
    objs = [c for c in verb.children if c.dep_ == "dobj"] + \
           [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any((d.lower_, o.lower_) in RECIPROCALS for o in objs for d in o.children if d.dep_ == "det")


def _recipient(ctx: RuleContext, tok: Token) -> list[str]:
    """Who aid is sent or lent to: a capital named as the destination stands for its government ('weapons to Kyiv')."""
    found = ctx.np_actors(tok)
    m = ctx.m.at(tok)
    if not found and m is not None and m.place_only and m.via == "capital" and tok.i == m.end - 1:
        found = [a for a in m.actors if ctx.kind(a) == "state"]
    return found


def _armed(ctx: RuleContext, actor: str) -> bool:
    """An armed group or a state's armed forces."""
    info = ctx.m.actors.get(actor)
    return ctx.kind(actor) == "armed_group" or (info is not None and info.kind == "government_body"
                                                 and actor.endswith("-military"))


def _label(ctx: RuleContext, verb: Token, subj: list[str], obj: list[str], rtype: str) -> tuple[str, list[str]] | None:
    """'labelled Petro a drug lord', 'described X as a great partner': polarity of the label decides."""
    label_tokens: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("oprd", "attr", "xcomp", "ccomp"):
            label_tokens.extend(child.subtree)
        if child.dep_ == "prep" and child.lower_ == "as":
            label_tokens.extend(child.subtree)
        if child.dep_ == "dobj":
            for g in child.children:
                if g.dep_ in ("appos", "acl", "oprd", "relcl") or (g.dep_ == "prep" and g.lower_ == "as"):
                    label_tokens.extend(g.subtree)
    pol = _polarity(label_tokens)
    if not label_tokens:
        return None
    if pol > 0:
        return "PRAISES", obj
    if pol < 0:
        # 'designated X as a terrorist organisation' is a sanction, not just words
        return ("SANCTIONS" if verb.lemma_.lower() in ("designate", "list", "blacklist") else "CRITICISES"), obj
    return None


# -- nouns -------------------------------------------------------------------
