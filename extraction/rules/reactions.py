"""Reactions to an act told before: 'X hailed the decision', 'Y denied the allegations', 'Z condemned the coup',
'W welcomed it', 'a step rejected by V as interference'.

A reaction verb whose object is a definite act noun (or 'it') names no actor itself: its target is whoever did
the act the noun takes up. Who that is comes from the document: the deciders of the last decision, inquiry or
vote; the accusers behind 'the allegations'; those the last coup is told of; the clause a noun set off by a comma
sums up. The verb rule finds reactions whose object names its actor ('condemned Israel's move'); this rule runs
after it and speaks only where the object names none.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.rules.context import Found, RuleContext, _sentences_back

# How far back (sentences) a reaction looks for the act it answers: a decision stays the story's subject longer than
# any other act ('the move' after three sentences of other news is no longer the last act).
DECISION_WINDOW = 8
ACT_WINDOW = 3
CLAIM_WINDOW = 8
ATTACK_AHEAD = 2  # sentences after a condemned attack that may name who claimed it
COUP_WINDOW = 10
# Pronouns that stand for the act just told when no actor is meant ('Amnesty also welcomed it').
ACT_PRONOUNS = {"it", "this"}
DEFINITE = {"the", "this", "that", "these", "those", "such"}
# Verbs of an accusation whose subject is the accuser: 'X accused Y of ...', 'X alleged that ...'.
# ('claim' is none: 'pressed its claim to the region' is a claim to land, no accusation)
ACCUSING_STEMS = ("accus", "alleg", "charg", "blame")


def reaction_rule(ctx: RuleContext) -> Iterator[Found]:
    """'X hailed the decision', 'Both Y and Z denied the allegations', 'W condemned the coup', 'V welcomed it'."""
    for tok in ctx.sent:
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        _remember_decision(ctx, tok)
        _remember_accusation(ctx, tok)
        rtype = _reaction_type(ctx, tok)
        if rtype is None or ctx.negated(tok) or ctx.blocked(tok):
            continue
        reactors, obj = _reactors_and_object(ctx, tok)
        labelled = _labelled(ctx, tok) if obj is None else None
        if reactors and labelled is not None:
            # 'condemned what it called Washington's interference': the doer of the act the label names
            targets = [a for a in _doers_named(ctx, labelled) if a not in reactors]
            yield from (Found(s, rtype, t, tok.i, f"reaction:{tok.lemma_.lower()}", 0.65) for s in reactors
                        for t in dict.fromkeys(targets) if s != t)
            continue
        if not reactors or obj is None or ctx.m.at(obj) is not None:
            continue
        lemma = obj.lemma_.lower()
        if lemma in ctx.lex.word_class("claim_nouns"):
            # (the verb rule reads no 'denied the accusations': an accusation noun is no actor)
            rtype = "REJECTS" if rtype == "CRITICISES" else rtype  # 'condemned the accusations' rejects them
            targets = _accusing_clause(ctx, obj) or (
                _accusers(ctx, obj, reactors) if _bare_definite(ctx, obj) else
                [a for a in ctx.object_actors(tok) if a not in reactors])  # "Kenya's accusations"
            targets = [a for a in targets if a not in reactors]
        elif [a for a in ctx.object_actors(tok) if a not in reactors]:
            continue  # the verb rule reads it: 'condemned Israel's move', 'hailed the decision by X'
        elif lemma in ctx.lex.word_class("phase_nouns"):
            if rtype == "REJECTS":
                continue  # 'rejected the resumption of talks' refuses the talks, no stance on the parties
            targets = _event_parties(ctx, obj)
        elif rtype == "CRITICISES" and _violent(ctx, obj):
            # 'condemned the attack ... The attack, claimed by al-Shabab, killed ...': its doers, told before or just after
            targets = _attackers(ctx, obj)
        elif lemma in ctx.lex.word_class("coup_nouns"):
            targets = [] if rtype == "PRAISES" else _coup_makers(ctx, obj)
        elif lemma in ctx.lex.word_class("ruling_nouns"):
            # 'the resolution', 'the vote': the one the document named with its maker, else the last decision
            targets = ctx.clause_doers(obj) or _named_before(ctx, obj) or _deciders(ctx, obj, last_act=False)
        elif lemma in ctx.lex.word_class("decision_nouns") or (obj.lower_ in ACT_PRONOUNS and obj.dep_ == "dobj"):
            targets = ctx.clause_doers(obj) or _deciders(ctx, obj)
        else:
            continue
        for s in reactors:
            for t in dict.fromkeys(targets):
                if s != t and t not in reactors:
                    yield Found(s, rtype, t, tok.i, f"reaction:{tok.lemma_.lower()}", 0.65)
        if targets and lemma in ctx.lex.word_class("decision_nouns") | ctx.lex.word_class("ruling_nouns") | ACT_PRONOUNS:
            # 'X hailed the decision. Y also welcomed it': the decision is the act just spoken of
            ctx.discourse.record_decision(ctx.sent.start, tuple(dict.fromkeys(targets)))


def _labelled(ctx: RuleContext, verb: Token) -> Token | None:
    """What a free relative object labels: 'condemned [what he described as Israel's expansion]', 'rejected [what it
    called a hostile demand from Estonia]' -> the labelled noun; None when the object is no such clause."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if clause.lemma_.lower() not in ctx.lex.word_class("describing_verbs") or not any(
                c.dep_ == "dobj" and c.lower_ in ("what", "whatever") for c in clause.children):
            continue
        for c in clause.children:
            if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN"):
                return c
            if c.dep_ == "prep" and c.lower_ == "as":
                return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _doers_named(ctx: RuleContext, noun: Token) -> list[str]:
    """The doers an act noun names itself: its possessor or modifiers ("Israel's expansion", 'U.S. pressure'), or its
    'by' / 'from' phrase ('a demand from Estonia')."""
    found = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") for a in ctx.np_actors(c)]
    found += [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
              for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
    return list(dict.fromkeys(found))


def _reaction_type(ctx: RuleContext, verb: Token) -> str | None:
    """The stance a reaction verb takes towards the act it answers, or None for no reaction verb."""
    lemma = verb.lemma_.lower()
    if lemma in ctx.lex.word_class("welcoming_verbs"):
        return "PRAISES"  # ('welcome' alone is a host's verb: 'welcomed the delegation')
    if lemma not in ctx.lex.word_class("reaction_verbs"):
        return None
    types = ctx.lex.verb_types(lemma)
    return types[0] if types and types[0] in ("CRITICISES", "PRAISES", "REJECTS") else None


def _reactors_and_object(ctx: RuleContext, verb: Token) -> tuple[list[str], Token | None]:
    """Who reacts and to what: the subject and object ('X hailed the decision'), or, for a participle on a noun, the
    'by' phrase and the noun ('a move rejected by Colombo')."""
    mark = next((c for c in verb.children if c.dep_ in ("mark", "dobj") and c.lower_ in ("that", "which")), None)
    if verb.dep_ in ("relcl", "acl") and mark is not None and mark.i > 0 and mark.doc[mark.i - 1].pos_ == "NOUN" \
            and any(c.dep_ == "nsubj" for c in verb.children):
        # 'accusations that India rejected as absurd' (the parser may hang the clause on another noun, or read
        # 'that' as a complementiser): the noun just before 'that' is what is rejected
        return ctx.subject_actors(verb), mark.doc[mark.i - 1]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        agents = [a for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                  for a in ctx.np_actors(p)]
        return agents, verb.head
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        obj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if obj is None:
            return ctx.subject_actors(verb), None  # ('condemned what it called ...': the object is a clause)
        agents = [a for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                  for a in ctx.np_actors(p)]
        return agents, obj
    return ctx.subject_actors(verb), obj


def _bare_definite(ctx: RuleContext, noun: Token) -> bool:
    """'the decision', 'these allegations', 'the coup': a noun that takes up an act and names no actor of its own."""
    if noun.lower_ in ACT_PRONOUNS:
        return True
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return False
    return not any(c.dep_ in ("poss", "compound", "amod", "nmod", "prep", "acl", "relcl") and ctx.np_actors(c)
                   for c in noun.children)


def _event_parties(ctx: RuleContext, noun: Token) -> list[str]:
    """The parties of the talks or deal a phase noun names: 'the resumption of negotiations between X and Y', 'the
    start of the talks' (their parties told before)."""
    for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for event in (p for p in of.children if p.dep_ == "pobj"):
            if event.lemma_.lower() not in ctx.lex.word_class("party_event_nouns"):
                continue
            named = [a for c in event.children if c.dep_ == "prep" and c.lower_ in ("between", "with", "among")
                     for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
            return named or ctx.event_parties(event, bare=True)
    return []


def _deciders(ctx: RuleContext, noun: Token, last_act: bool = True) -> list[str]:
    """Who took the decision a definite 'the decision / the move / it' takes up: the last decision the document
    told of, or (``last_act``) its last act, within a few sentences."""
    if not _bare_definite(ctx, noun):
        return []
    found = [r for r, back in ((ctx.discourse.last_decision, DECISION_WINDOW),
                               (ctx.discourse.last_act if last_act else None, ACT_WINDOW))
             if r is not None and r[0] >= _sentences_back(ctx.sent, back)]
    if not found:
        return []
    doers = max(found, key=lambda r: r[0])[1]  # (the decision first when both are of one sentence)
    return [_state_for_body(ctx, a) for a in doers]


def _named_before(ctx: RuleContext, noun: Token) -> list[str]:
    """Whose resolution, vote or inquiry a definite noun takes up, from the last time the document named one with
    its maker: "the council's resolution", 'a resolution drafted by X', 'the UN probe', 'X adopted a resolution'."""
    if not _bare_definite(ctx, noun):
        return []
    lemma, doc = noun.lemma_.lower(), noun.doc
    for i in range(noun.i - 1, _sentences_back(ctx.sent, DECISION_WINDOW) - 1, -1):
        tok = doc[i]
        if tok.lemma_.lower() != lemma or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        found = [a for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod") for a in ctx.np_actors(c)]
        found += [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                  for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        gov = tok.head
        if not found and tok.dep_ == "dobj" and gov.lemma_.lower() in ctx.lex.word_class("enacting_verbs") \
                and not ctx.negated(gov):
            found = [a for c in gov.children if c.dep_ == "nsubj" for a in ctx.np_actors(c)]
        if found:
            return [_state_for_body(ctx, a) for a in dict.fromkeys(found)]
    return []


def _accusers(ctx: RuleContext, noun: Token, reactors: list[str]) -> list[str]:
    """Who made the accusations a definite 'the allegations' takes up: the subject of the last accusing verb
    ('X accused Y of ...') or of the claim noun's own stem, named in the last few sentences."""
    since = _sentences_back(ctx.sent, CLAIM_WINDOW)
    for stem in ACCUSING_STEMS:
        rec = ctx.discourse.event_at(stem)
        if rec is not None and rec[0] >= since and not set(rec[1]) & set(reactors):
            return list(rec[1])
    return []


def _accusing_clause(ctx: RuleContext, noun: Token) -> list[str]:
    """'X accused Y of funding rebels -- a charge denied by Y': a claim noun set off after the clause that made the
    accusation is that clause's, made by its subject."""
    # (set off by a comma or dash before the noun phrase, or before the noun where the parser joined the two:
    # "of Nijjar's killing - accusations that ...")
    if not any(i > ctx.sent.start and noun.doc[i - 1].text in (",", "-", "--", "—", "–")
               for i in (noun.left_edge.i, noun.i)):
        return []
    for verb in reversed(noun.doc[ctx.sent.start:noun.left_edge.i]):  # (the parser may hang the noun anywhere)
        if verb.pos_ == "VERB" and verb.lemma_.lower()[:5] in ACCUSING_STEMS and not ctx.negated(verb):
            return ctx.subject_actors(verb)
    return []


def _violent(ctx: RuleContext, noun: Token) -> bool:
    """An act of force named by a noun: 'the attack', 'a deadly bombing', 'the raid'."""
    return noun.pos_ == "NOUN" and (noun.lower_ in ctx.lex.word_class("strike_nouns")
                                    or ctx.lex.noun_types(noun.lemma_.lower())[:1] == ["COERCES"])


def _attackers(ctx: RuleContext, noun: Token) -> list[str]:
    """Who did the act of force a reaction's object names but whose doer it does not: the same noun told with its
    doer a few sentences before, or just after ('The attack, claimed by the militant group al-Shabab, ...'; wire
    copy often names the claimant after the condemnations)."""
    if any(c.dep_ in ("poss", "compound", "amod", "nmod") and ctx.np_actors(c) for c in noun.children):
        return []  # "condemned Israel's strikes": the verb rule reads it
    lemma, doc = noun.lemma_.lower(), noun.doc
    end = ctx.sent.end
    for _ in range(ATTACK_AHEAD):
        end = doc[end].sent.end if end < len(doc) else end
    back = range(noun.i - 1, _sentences_back(ctx.sent, CLAIM_WINDOW) - 1, -1)
    for i in (*back, *range(noun.i + 1, end)):
        tok = doc[i]
        if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN" or ctx.negated(tok):
            continue
        doing = ctx.lex.word_class("claiming_verbs") | ctx.lex.word_class("staging_verbs")
        found = [a for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod") for a in ctx.np_actors(c)]
        # 'the attack, claimed by al-Shabab', 'an attack carried out by ISWAP'
        found += [a for c in tok.subtree if c.dep_ == "agent" and c.head.lemma_.lower() in doing
                  for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        if not found and tok.dep_ == "dobj" and tok.head.lemma_.lower() in doing and not ctx.negated(tok.head):
            found = ctx.subject_actors(tok.head)  # 'Boko Haram claimed the bombing', 'X carried out the raid'
        if found:
            return list(dict.fromkeys(found))
    return []


def _coup_makers(ctx: RuleContext, noun: Token) -> list[str]:
    """Those a definite 'the coup' takes up: the actors the last coup named before was told of — its possessor or
    place ('Mali's coup', 'a coup in Niger', 'the country suffered its latest coup'), or those involved in it
    ('military leaders involved in a recent coup', 'soldiers seized power in a coup')."""
    if not _bare_definite(ctx, noun):
        return []
    coups = ctx.lex.word_class("coup_nouns")
    doc = noun.doc
    for i in range(noun.i - 1, _sentences_back(ctx.sent, COUP_WINDOW) - 1, -1):
        tok = doc[i]
        if tok.lemma_.lower() not in coups or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        found = [a for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod") for a in ctx.np_actors(c)]
        found += [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "by")
                  for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        if not found and tok.dep_ == "pobj" and tok.head.lower_ == "in":
            gov = tok.head.head
            if gov.dep_ == "acl" and gov.head.pos_ in ("NOUN", "PROPN"):
                found = ctx.np_actors(gov.head)  # 'military leaders involved in a recent coup'
            elif gov.pos_ in ("VERB", "AUX"):
                # 'officers seized power in a coup', 'soldiers in Guinea ...': the subject or where it serves
                found = ctx.subject_actors(gov) or [
                    a for c in gov.children if c.dep_ == "nsubj" for p in c.children
                    if p.dep_ == "prep" and p.lower_ in ("in", "of", "from") for q in p.children if q.dep_ == "pobj"
                    for a in ctx.np_actors(q)]
        if found:
            # a state's forces that seize power are its rulers now: the state, as 'condemned the coup in Niger'
            return list(dict.fromkeys(_state_for_body(ctx, a) for a in found))
    return []


def _state_for_body(ctx: RuleContext, actor: str) -> str:
    """A state's unnamed body ('Niger's military', 'Guinea's forces') stands for the state; a named one is itself."""
    return ctx.state_of(actor) or actor if ctx.kind(actor) == "government_body" and actor not in ctx.gz else actor


def _remember_accusation(ctx: RuleContext, verb: Token) -> None:
    """'X fuelled the tensions by accusing Y of ...': X accused, though the verb has no subject of its own (the verb
    rule records only a verb's own subject); a later 'the allegations' are X's."""
    stem = verb.lemma_.lower()[:5]
    if stem not in ACCUSING_STEMS or ctx.negated(verb) or any(c.dep_ == "nsubj" for c in verb.children):
        return
    rec = ctx.discourse.event_at(stem)
    if rec is not None and rec[0] == ctx.sent.start:
        return  # (recorded from this sentence already)
    doers = ctx.subject_actors(verb)
    if doers:
        ctx.discourse.record_event(stem, tuple(doers))


def _remember_decision(ctx: RuleContext, verb: Token) -> None:
    """'The council backed a resolution', 'X opened an inquiry into ...', 'X voted to ...': X decided; a later 'the
    decision', 'the vote' or 'it' is X's."""
    lemma = verb.lemma_.lower()
    if ctx.negated(verb) or ctx.blocked(verb):
        return
    taken = ctx.lex.word_class("decision_nouns") | ctx.lex.word_class("ruling_nouns")
    decided = lemma in ctx.lex.word_class("deciding_verbs") or (lemma in ctx.lex.word_class("enacting_verbs") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in taken for c in verb.children))
    if not decided:
        return
    doers = [a for c in verb.children if c.dep_ == "nsubj" for a in ctx.np_actors(c)]
    if doers:
        ctx.discourse.record_decision(ctx.sent.start, tuple(dict.fromkeys(doers)))
