"""Verb frames read before the plain subject → object reading of the verb rule: views ('regards X as a threat'),
expulsions ('declared X persona non grata'), mediation ('a truce brokered by X'), transfers ('received support from
X', 'froze its membership of Y'), taking part in an event ('took part in talks with Y') and joint acts named by a
noun ('the exercise conducted by X and Y'). Each returns None when the verb is not read its way."""

from __future__ import annotations

from spacy.tokens import Token

from extraction.rules.context import AID_NOUNS, Found, RuleContext, _choose, _group_pairs, _pairs
from extraction.rules.labels import _label


def _posture_verb(ctx: RuleContext, tok: Token, lemma: str, dobjs: list[Token]) -> list[Found] | None:
    """'regards X as a threat', 'stands firmly with Guyana'; None when the verb is not one of these."""
    if lemma in ctx.lex.word_class("view_verbs") and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children) \
            and not ctx.negated(tok) and not ctx.blocked(tok):
        # 'regards X as a threat', 'views Y as a partner': the label's polarity decides
        viewed = [a for c in dobjs for a in ctx.np_actors(c)]
        found = _label(ctx, tok, [], viewed, "")
        if found is None:
            return []
        return [Found(s, found[0], o, tok.i, f"view:{lemma}", 0.6) for s, o in _pairs(ctx.subject_actors(tok), viewed)]
    if lemma in ctx.lex.word_class("view_verbs") and lemma != "see" and not dobjs and not ctx.negated(tok) \
            and not ctx.blocked(tok) and any(c.dep_ in ("ccomp", "xcomp", "oprd") and any(
                s.dep_ == "nsubj" and ctx.m.at(s) is not None for s in c.children) for c in tok.children):
        # 'considers Bangladesh an important neighbour' (the parser's small clause): the label's polarity decides
        found = _label(ctx, tok, [], [], "")
        if found is None:
            return []
        return [Found(s, found[0], o, tok.i, f"view:{lemma}", 0.6) for s, o in _pairs(ctx.subject_actors(tok), found[1])]
    if lemma == "stand" and not ctx.negated(tok):
        # 'has stood firmly behind Sandu's government', 'stands firmly with Guyana': backing, not posture
        firm = any(c.dep_ == "advmod" and c.lower_ in ("firmly", "squarely", "fully", "resolutely", "firm")
                   for c in tok.children)
        backed = [a for c in tok.children if c.dep_ == "prep" and (c.lower_ == "behind" or (c.lower_ == "with" and firm))
                  for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        return [Found(s, "SUPPORTS", o, tok.i, "verb:stand", 0.6) for s, o in _pairs(ctx.subject_actors(tok), backed)]
    return None


def _persona_non_grata(ctx: RuleContext, tok: Token, lemma: str) -> list[Found] | None:
    """'declared the Nigerian ambassador persona non grata': an expulsion (CAMEO 166). The parser reads 'persona'
    as a verb or noun with the diplomat as its subject, so the words decide, not the parse."""
    if lemma != "declare" or ctx.negated(tok) or ctx.blocked(tok):
        return None
    doc, end = tok.doc, ctx.sent.end
    k = next((i for i in range(tok.i + 1, end - 2) if doc[i].lower_ == "persona" and doc[i + 1].lower_ == "non"
              and doc[i + 2].lower_ == "grata"), None)
    if k is None:
        return None
    span = range(tok.i + 1, k)
    declared = [a for i in span if doc[i].head.i not in span for a in ctx.np_actors(doc[i])]
    return [Found(s, "SANCTIONS", o, tok.i, "verb:declare-persona-non-grata", 0.7)
            for s, o in _pairs(ctx.subject_actors(tok), declared)]


def _brokered_by(ctx: RuleContext, tok: Token, lemma: str) -> list[Found] | None:
    """'Sudan accepted a ceasefire brokered by Saudi Arabia', 'the truce between X and Y, brokered by Qatar': the
    mediator talks with the parties, named by 'between' on the deal or as the subject of the verb that takes it."""
    if lemma not in ctx.lex.word_class("mediating_verbs") or tok.dep_ != "acl" or ctx.negated(tok):
        return None
    deal = tok.head
    mediators = [a for c in tok.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)]
    dealt = {o for p in ctx.lex.phrases if lemma in p.verbs and "between" in p.target for o in p.objects or ()}
    if not mediators or deal.lemma_.lower() not in dealt:
        return None  # the deal nouns of the mediator's phrase ('brokered a truce between X and Y')
    parties = [a for c in deal.children if c.dep_ == "prep" and c.lower_ == "between"
               for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
    taker = deal.head if deal.dep_ == "dobj" else deal.head.head if deal.dep_ == "pobj" else None
    if not parties and taker is not None and taker.pos_ in ("VERB", "AUX"):
        parties = ctx.subject_actors(taker)  # 'accepted a truce brokered by X', 'agreed to a truce brokered by X'
    return [Found(s, "NEGOTIATES", o, tok.i, f"verb:{lemma}", 0.65) for s, o in _pairs(mediators, parties) if s != o]


def _transfer_verb(ctx: RuleContext, tok: Token, lemma: str, dobjs: list[Token]) -> list[Found] | None:
    """Aid received, a membership frozen, credit extended; None when the verb is not read this way."""
    if ctx.negated(tok) or ctx.blocked(tok):
        return None
    if lemma in ctx.lex.word_class("receiving_verbs"):
        # 'the army has received military support from Egypt': the giver supports the receiver
        aid = [c for c in dobjs if c.lemma_.lower() in AID_NOUNS
               or (ctx.lex.noun_types(c.lemma_.lower()) or [""])[0] == "SUPPORTS"]
        givers = [a for c in [tok, *aid] for p in c.children if p.dep_ == "prep" and p.lower_ == "from"
                  for q in p.children if q.dep_ == "pobj" for a in ctx.np_actors(q)]
        if aid and givers:
            return [Found(s, "SUPPORTS", o, tok.i, f"received:{lemma}", 0.65)
                    for s, o in _pairs(givers, ctx.subject_actors(tok))]
    if lemma in ctx.lex.word_class("cancel_verbs"):
        # 'froze its participation in the CSTO', 'suspended its membership of the bloc': a turn away from it
        left = [a for c in dobjs if c.lemma_.lower() in ctx.lex.word_class("membership_nouns") for p in c.children
                if p.dep_ == "prep" and p.lower_ in ("in", "of") for q in p.children for a in ctx.np_actors(q)]
        if left:
            return [Found(s, "REJECTS", o, tok.i, f"leave:{lemma}", 0.65) for s, o in _pairs(ctx.subject_actors(tok), left)]
    if lemma in ("extend", "offer") and any(
            c.lemma_.lower() in ctx.lex.word_class("credit_nouns")
            or any(g.dep_ == "compound" and g.lemma_.lower() in ctx.lex.word_class("credit_nouns") for g in c.children)
            for c in dobjs):
        # 'agreed to extend a credit line to Havana', 'offered a loan to Kyiv'
        lent = [a for c in [tok, *dobjs] for p in c.children if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "for")
                for q in p.children for a in ctx.place_actors(q)] + \
               [a for c in tok.children if c.dep_ == "dative" for a in ctx.place_actors(c)]
        if lent:
            return [Found(s, "SUPPORTS", o, tok.i, f"credit:{lemma}", 0.65) for s, o in _pairs(ctx.subject_actors(tok), lent)]
    return None


def _taking_part(ctx: RuleContext, tok: Token, lemma: str, dobjs: list[Token]) -> list[Found] | None:
    """'took part in a dialogue with Teodoro', 'participated in talks with Y': the subject does what the event noun
    names, with whom its 'with' names; None when the verb is not one of these."""
    if not (lemma in ctx.lex.word_class("taking_part") or (lemma == "take" and any(d.lower_ == "part" for d in dobjs))):
        return None
    if ctx.negated(tok) or ctx.blocked(tok):
        return []
    events = [p for h in (tok, *dobjs) for x in h.children if x.dep_ == "prep" and x.lower_ == "in"
              for p in x.children if p.dep_ == "pobj" and _event_types(ctx, p)]
    found: list[Found] = []
    for ev in events:
        rtype = _choose(_event_types(ctx, ev), ctx.sent)
        partners = [a for x in ev.children if x.dep_ == "prep" and x.lower_ in ("with", "between", "against")
                    for p in x.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        found += [Found(s, rtype, o, tok.i, f"take-part:{ev.lemma_.lower()}", 0.65)
                  for s, o in _pairs(ctx.subject_actors(tok), partners)]
    return found


def _event_types(ctx: RuleContext, tok: Token) -> list[str]:
    return ctx.lex.noun_types(tok.lemma_.lower()) or ctx.lex.noun_types(tok.lower_)


def _joint_event_by(ctx: RuleContext, tok: Token) -> list[Found] | None:
    """'the exercise conducted annually by the Philippines and the United States': the doers of a joint act named as
    a noun cooperate; None when the verb is not read this way."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.head.lemma_.lower() not in ctx.lex.word_class("joint_events") \
            or ctx.negated(tok):
        return None
    doers = [a for c in tok.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)]
    return [Found(a, "COOPERATES_WITH", b, tok.i, f"joint:{tok.head.lemma_.lower()}", 0.6) for a, b in _group_pairs(doers)]


