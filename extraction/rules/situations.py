"""Relations stated by a situation rather than an event noun: joint acts ('joint drills with X'), 'under U.S.
sanctions', 'at war with Y', 'Iran-backed Houthis' and the go-between of talks named before ('Qatar mediated the
talks')."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.rules.context import LIGHT_VERBS, Found, RuleContext, _group_pairs, _pairs, _sentences_back


def joint_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Chinese and Tajik troops held joint exercises', 'joint patrols with the Malian army': the parties to a joint
    act cooperate, whatever the act (trigger nouns are read by the noun rule)."""
    for tok in ctx.sent:
        if tok.pos_ != "NOUN":
            continue
        # 'joint patrols'; 'Russian-Sudanese efforts', 'a Franco-German initiative': a pair's own act (trigger nouns
        # with 'joint' are read by the noun rule)
        paired = tok.lemma_.lower() in ctx.lex.word_class("pair_joint_nouns") and _hyphen_pair(ctx, tok)
        if not paired and (ctx.lex.noun_types(tok.lemma_.lower())
                           or not any(c.dep_ == "amod" and c.lower_ in ("joint", "combined") for c in tok.children)):
            continue
        parties = [a for c in tok.children if c.dep_ in ("poss", "compound", "nmod", "amod") for a in ctx.np_actors(c)]
        partners = [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "alongside")
                    for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        verb = ctx.governing_verb(tok)
        if verb is not None and (ctx.negated(verb) or ctx.blocked(verb)):
            continue
        if not parties and verb is not None and tok.dep_ in ("dobj", "nsubjpass") \
                and verb.lemma_.lower() in LIGHT_VERBS:  # 'held joint drills', not 'expect X and Y to block a joint ...
            parties = ctx.subject_actors(verb) if tok.dep_ == "dobj" else \
                [a for c in verb.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)]
        # 'X and his counterpart Y agreed at a joint press conference', 'X said at a joint news conference with Y':
        # those who appear together before the press meet (GUIDE: MEETS)
        appearance = tok.lemma_.lower() in ctx.lex.word_class("appearance_nouns")
        if appearance and not parties and verb is not None and (
                (tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during", "in") and tok.head.head.i == verb.i)
                or (tok.dep_ == "dobj" and verb.lemma_.lower() in ctx.lex.word_class("addressing_verbs"))):
            parties = ctx.subject_actors(verb)  # ('X and Y told a joint news conference')
        if not appearance:  # unnamed forces stand for their state: joint drills are between states
            parties = [a if a in ctx.gz else ctx.state_of(a) or a for a in parties]
            partners = [a if a in ctx.gz else ctx.state_of(a) or a for a in partners]
        if partners:
            pairs = list(_pairs(parties, partners))
        else:
            pairs = list(_group_pairs(list(dict.fromkeys(parties))))
        for a, b in pairs:
            if a != b:
                yield Found(a, "MEETS" if appearance else "COOPERATES_WITH", b, tok.i, f"joint:{tok.lemma_.lower()}", 0.6)


def _hyphen_pair(ctx: RuleContext, tok: Token) -> bool:
    """'Russian-Sudanese efforts': two states joined by a hyphen modify the noun."""
    doc = tok.doc
    return any(c.dep_ in ("amod", "compound", "nmod") and c.i - 2 >= ctx.sent.start and doc[c.i - 1].text in ("-", "–")
               and (a := ctx.m.at(c)) is not None and (b := ctx.m.at(doc[c.i - 2])) is not None
               and a.actors != b.actors and ctx.kind(a.actor) == ctx.kind(b.actor) == "state" for c in tok.children)


def together_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Japan vowed concrete action together with the US and South Korea', 'X acted in concert with Y': the clause's
    subject acts jointly with Y (COOPERATES_WITH)."""
    for tok in ctx.sent:
        if tok.lower_ != "with" or tok.dep_ != "prep":
            continue
        doc = tok.doc
        word = next((c.lower_ for c in tok.children if c.dep_ == "advmod" and c.lower_ in ("together", "jointly")), None)
        if word is None and tok.i - 2 >= ctx.sent.start and doc[tok.i - 2].lower_ == "in" \
                and doc[tok.i - 1].lower_ in ("concert", "tandem", "conjunction"):
            word = doc[tok.i - 1].lower_
        if word is None:
            continue
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or ctx.negated(verb) or ctx.blocked(verb):
            continue
        partners = [a for p in tok.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        for s_, o in _pairs(ctx.subject_actors(verb), partners):
            if s_ != o:
                yield Found(s_, "COOPERATES_WITH", o, tok.i, f"together:{word}", 0.6)


def under_rule(ctx: RuleContext) -> Iterator[Found]:
    """'X is under U.S. sanctions', 'X came under Russian attack' → the modifier acts on the subject."""
    for tok in ctx.sent:
        if tok.lower_ != "under" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = tok.head
        if ctx.negated(verb):
            continue
        for noun in (c for c in tok.children if c.dep_ == "pobj"):
            types = ctx.lex.noun_types(noun.lemma_.lower())
            if not types or types[0] not in ("SANCTIONS", "COERCES", "THREATENS", "CRITICISES"):
                continue
            agents = [a for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") for a in ctx.np_actors(c)]
            targets = ctx.subject_actors(verb)
            placed = [a for c in verb.children if c.dep_ == "dobj" for a in ctx.np_actors(c)]
            if placed:  # 'the Security Council placed X under an arms embargo'
                agents, targets = targets, placed
            for s_, o in _pairs(agents, targets):
                yield Found(s_, types[0], o, noun.i, f"under:{noun.lemma_.lower()}", 0.6)


def at_war_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Israel is at war with Hamas', 'the army is locked in a war with the RSF': the subject uses force against the
    other side (not 'dragged Georgia into a war with Russia', which names no act of the subject's)."""
    for tok in ctx.sent:
        if tok.lemma_.lower() not in ctx.lex.word_class("war_nouns") or tok.dep_ != "pobj" \
                or tok.head.lower_ not in ("at", "in"):
            continue
        gov = tok.head.head
        if gov.pos_ not in ("VERB", "AUX", "ADJ") or ctx.negated(gov):
            continue
        foes = [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "against")
                for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        if gov.pos_ == "ADJ" and gov.head.pos_ in ("VERB", "AUX"):
            gov = gov.head  # 'is locked in a war with'
        sides = ctx.subject_actors(gov) or [a for c in gov.children if c.dep_ == "nsubjpass" for a in ctx.np_actors(c)]
        for s_, o in _pairs(sides, foes):  # ('has been locked in a war': the passive subject)
            yield Found(s_, "COERCES", o, tok.i, f"at-war:{tok.lemma_.lower()}", 0.6)


def backed_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Iran-backed Houthis', 'Rwandan-backed M23 rebels': the state before the hyphen supports the group.

    Only states and their bodies: a 'UN-backed government' is endorsed, not armed or paid, by the UN.
    """
    doc = ctx.sent.doc
    for tok in ctx.sent:
        if tok.lower_ not in ctx.lex.word_class("backing_words") or tok.i - 2 < ctx.sent.start or doc[tok.i - 1].text not in ("-", "–"):
            continue
        backer = ctx.m.at(doc[tok.i - 2])
        backed = ctx.m.at(tok.head) if tok.dep_ == "amod" else None
        if backer is None or backed is None or len(backer.actors) != 1 or len(backed.actors) != 1:
            continue
        if ctx.kind(backer.actor) in ("state", "government_body") and backer.actor != backed.actor:
            yield Found(backer.actor, "SUPPORTS", backed.actor, tok.i, f"backed:{tok.lower_}", 0.7)


def go_between_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Israel and Hamas resumed talks ... Qatar and Egypt mediated the talks', 'The deal was brokered by Saudi
    Arabia': a go-between of talks or a deal named before talks with each of its parties (NEGOTIATES)."""
    for tok in ctx.sent:
        lemma = tok.lemma_.lower()
        attending = lemma in ctx.lex.word_class("attending_verbs")
        if tok.pos_ not in ("VERB", "AUX") or not (lemma in MEDIATING_VERBS or attending) or ctx.negated(tok):
            continue
        rtype = "MEETS" if attending else "NEGOTIATES"
        agents = [a for c in tok.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)]
        # 'mediated by X and also attended by Y': the second verb shares the first one's subject
        clause = tok.head if tok.dep_ == "conj" and agents and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) else tok
        if any(c.dep_ == "nsubjpass" for c in clause.children):
            nouns, mediators = [c for c in clause.children if c.dep_ == "nsubjpass"], agents
            if clause.dep_ == "relcl" and all(n.lower_ in ("which", "that") for n in nouns):
                nouns = [clause.head]  # 'the talks, which were mediated by X'
        elif tok.dep_ == "acl" and tok.tag_ == "VBN" and agents:
            nouns, mediators = [tok.head], agents  # 'talks in Doha, mediated by Qatar and Turkey'
        else:
            nouns = [c for c in tok.children if c.dep_ == "dobj"]
            mediators = ctx.subject_actors(tok)
        acl = tok.dep_ == "acl"
        parties = [a for n in nouns for a in ctx.event_parties(n, bare=acl)]
        for s, o in _pairs(mediators, parties):
            if s != o and s not in parties:
                yield Found(s, rtype, o, tok.i, f"go-between:{lemma}", 0.6)
    yield from _mediation_nouns(ctx)


def _mediation_nouns(ctx: RuleContext) -> Iterator[Found]:
    """'The negotiations took place in Doha, with mediation by Qatar and Turkey', 'a truce agreed under US-Saudi
    mediation': the go-betweens talk with each party of the talks or deal the sentence takes up (named before)."""
    for tok in ctx.sent:
        mediation = ctx.lex.word_class("mediation_nouns")
        if tok.lemma_.lower() not in mediation or tok.pos_ != "NOUN" or ctx.negated(tok):
            continue
        mediators = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children
                     for a in ctx.np_actors(p)]
        mediators += [a for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod") for a in ctx.np_actors(c)]
        if not mediators:
            continue
        events = [n for n in ctx.sent if n.i != tok.i and n.pos_ == "NOUN" and n.lemma_.lower() not in mediation
                  and (ctx.lex.noun_types(n.lemma_.lower()) or ctx.lex.noun_types(n.lower_))[:1]
                  in (["NEGOTIATES"], ["COOPERATES_WITH"], ["MEETS"])]
        parties = next((p for n in events if (p := ctx.event_parties(n, bare=True))), [])
        last = ctx.discourse.last_pair
        if not parties and any(not ctx.np_actors(n) for n in events) and last is not None \
                and last[0] >= _sentences_back(ctx.sent, 2):
            # 'the negotiations' after 'X and Y agreed to a ceasefire': the two sides last found dealing
            parties = list(last[1])
        # (a co-mediator is no party: 'under US-Saudi mediation' after talks of Saudi Arabia with one side)
        parties = [p for p in parties if p not in mediators]
        for s, o in _pairs(list(dict.fromkeys(mediators)), parties):
            if s not in parties:
                yield Found(s, "NEGOTIATES", o, tok.i, f"go-between:{tok.lemma_.lower()}", 0.6)


# Verbs of a go-between's act on talks or a deal named before ('mediated the talks', 'the deal was brokered by').
MEDIATING_VERBS = {"mediate", "broker", "facilitate", "arrange"}
