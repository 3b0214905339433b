"""Arguments of event nouns found around them: the aim of a strike, those a reaction is drawn from, the document a
noun qualifies, a sought accord, hosts, struck states, 'of' lists, the verb that governs the noun (moved from
nouns.py, which reads the frame)."""

from __future__ import annotations

from spacy.tokens import Token

from extraction.rules.context import (
    LIGHT_VERBS,
    PRESSURE_VERBS,
    SYMMETRIC,
    TARGET_PREPS,
    RuleContext,
    event_stem,
)


def _aimed(ctx: RuleContext, tok: Token, verb: Token | None, agents: list[str],
           targets: list[str]) -> tuple[list[str], list[str]]:
    """Who an act of force hit when a clause says it ('the attack targeted X's Interior Ministry', 'X was the target
    of the strikes') and who did it ('an attack claimed by the PKK'; 'the attack' told of before)."""
    aiming = ctx.lex.word_class("aiming_verbs")
    claiming = ctx.lex.word_class("claiming_verbs")
    head = tok.head
    if not targets and tok.dep_ == "nsubj" and head.lemma_.lower() in aiming and not ctx.negated(head):
        targets = [a for c in head.children if c.dep_ == "dobj" for a in ctx.np_actors(c)]  # 'the strike targeted X'
    if not targets:  # 'a bombing raid that killed a FARC commander', 'an airstrike which hit Hamas's headquarters'
        targets = [a for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in aiming and not ctx.negated(c)
                   and any(s.dep_ == "nsubj" and s.lower_ in ("that", "which") for s in c.children)
                   for d in c.children if d.dep_ == "dobj" for a in ctx.np_actors(d)]
    if not targets and tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ("target", "victim") \
            and head.head.dep_ == "attr" and not ctx.negated(head.head.head):
        targets = ctx.subject_actors(head.head.head)  # 'X was the target of the strikes'
    if not agents:  # 'the bomb attack, which was claimed by the PKK'; 'the PKK claimed the attack'
        # (the clause may hang on the place: 'the attack in Ankara, which was claimed by')
        agents = [a for c in tok.subtree if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in claiming
                  and not ctx.negated(c) for g in c.children if g.dep_ == "agent"
                  for p in g.children for a in ctx.np_actors(p)]
        if not agents and verb is not None and tok.dep_ == "dobj" and verb.lemma_.lower() in claiming \
                and not ctx.negated(verb):
            agents = ctx.subject_actors(verb)
    if targets and not agents and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these")
                                      for c in tok.children):
        agents = [a for a in ctx.discourse.doers(event_stem(tok.lemma_)) or () if a not in targets]  # told before
    return agents, targets


def _drawn(ctx: RuleContext, verb: Token, agents: list[str]) -> tuple[list[str], list[str]]:
    """'Israel's raid drew condemnation from Jordan', 'the move sparked criticism from Beijing': those the reaction
    comes from judge whoever did the act that drew it (named, or told of before)."""
    agents = agents + [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                       for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
    targets: list[str] = []
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        targets = ctx.np_actors(subj) or ctx.intenders(subj) or list(ctx.discourse.doers(event_stem(subj.lemma_)) or ())
        if not targets and subj.lemma_.lower() in ("move", "decision", "step") and ctx.discourse.last_act is not None:
            targets = list(ctx.discourse.last_act[1])  # 'Peru expelled the envoy. The move drew criticism from X'
    return agents, [a for a in targets if a not in agents]


def _measure(ctx: RuleContext, tok: Token) -> Token | None:
    """The document an event noun qualifies: 'a sanctions [resolution]', 'the sanctions [bill]', 'a sanctions
    [package] targeting Iran'; its arguments are the event's."""
    head = tok.head
    if tok.dep_ == "compound" and head.lemma_.lower() in ctx.lex.word_class("measure_nouns") and head.pos_ == "NOUN" \
            and "SANCTIONS" in ctx.lex.noun_types(tok.lemma_.lower()):
        return head  # (only sanctions: 'retaliated for an arms package for Taiwan' is no arms of the retaliator's)
    return None


def _sought(ctx: RuleContext, tok: Token, verb: Token | None) -> bool:
    """An accord sought, not made: 'its bid for a pact with X', 'is seeking a deal with Y', 'called for a truce'."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "towards", "toward") \
            and tok.head.head.lemma_.lower() in ctx.lex.word_class("seeking_nouns") | ctx.lex.word_class("seeking_verbs"):
        return True  # 'its bid for a pact', 'pushing for a deal'
    if verb is not None and tok.dep_ == "dobj" and verb.lemma_.lower() in ctx.lex.word_class("achieving_verbs") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # 'efforts to secure an agreement between X and Y', 'met to finalise a deal': a goal, not done
    return verb is not None and tok.dep_ == "dobj" and verb.lemma_.lower() in ctx.lex.word_class("seeking_verbs")


def _hosts(ctx: RuleContext, pobjs: list[Token]) -> list[str]:
    """Whom a visit 'to' a place or an actor meets: the actor, or the state of a capital named as the destination."""
    out: list[str] = []
    for p in pobjs:
        for q in [p] + [c for c in p.children if c.dep_ == "conj"]:
            m = ctx.m.at(q)
            if m is not None and m.via != "anaphor" \
                    and (not m.place_only or (len(m.actors) == 1 and ctx.kind(m.actor) == "state")):
                out.extend(m.actors)  # (not 'a visit to the kingdom': a description is bound to the story's
    return out                        # states too loosely to name a host; realD bound it to Yemen)


def _struck_state(ctx: RuleContext, pobjs: list[Token]) -> list[str]:
    """The state whose capital is the place of strikes: 'strikes in Kabul' hit the seat of its government (but
    'airstrikes in Iraq' may hit anyone in Iraq: a country named as a place is no target)."""
    out: list[str] = []
    for p in pobjs:
        for q in [p] + [c for c in p.children if c.dep_ == "conj"]:
            m = ctx.m.at(q)
            if m is not None and len(m.actors) == 1 and ctx.kind(m.actor) == "state" and m.via == "capital":
                out.append(m.actor)
    return out


def _place_of(ctx: RuleContext, pobjs: list[Token]) -> Token | None:
    """The 'of' the parser hung on the place of a meeting: 'a meeting in Uruguay [of X and Y]'."""
    for p in pobjs:
        m = ctx.m.at(p)
        if m is not None and not (m.place_only or m.incidental or ctx.kind(m.actor) == "state"):
            continue  # a place is a state or city named as where it was held
        of = next((c for c in p.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            return of
    return None


def _listed(ctx: RuleContext, of: Token, tok: Token) -> list[str]:
    """The participants listed after 'of' in 'a meeting of X, foreign ministers A of Y, B of Z and C': read along
    the words (the parser splits such lists into appositions and conjuncts of the wrong words) until another
    preposition, a verb or a clause; people when any are named (their states only qualify them), else all."""
    found: list[tuple[str, str]] = []
    for t in tok.doc[of.i + 1:ctx.sent.end]:
        if (t.pos_ in ("VERB", "AUX") or t.dep_ == "relcl" or t.tag_ in ("WDT", "WP") or t.text in (";", ":", "(")
                or (t.dep_ == "prep" and t.lower_ != "of") or t.dep_ in ("mark", "aux")):
            break
        m = ctx.m.at(t)
        if m is None or t.i != m.start or m.place_only:
            continue
        root = next((r for r in tok.doc[m.start:m.end] if not m.start <= r.head.i < m.end or r.head.i == r.i), t)
        if root.dep_ in ("nsubj", "nsubjpass"):
            break  # 'after a meeting of X and Y, China said': the subject of the next clause
        found.extend((a, ctx.kind(a)) for a in m.actors)
    people = [a for a, k in found if k == "person"]
    return list(dict.fromkeys(people or [a for a, _ in found]))


def _hung_targets(ctx: RuleContext, pobjs: list[Token]) -> list[str]:
    """'on Israel' in 'attacks from Hezbollah on Israel', which the parser hangs on Hezbollah."""
    return [a for p in pobjs if ctx.np_actors(p) for c in p.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
            for q in c.children if q.dep_ == "pobj" for a in ctx.np_actors(q)]


def _holders(ctx: RuleContext, pobjs: list[Token]) -> list[str]:
    """Who holds the place a strike hits: 'airstrikes on Iraqi positions held by the PKK', 'shelling of towns
    controlled by the rebels' (the holder is struck, not the state the positions are in); [] when none is named."""
    return [a for p in pobjs for c in p.children if c.dep_ == "acl" and c.tag_ == "VBN"
            and c.lemma_.lower() in ctx.lex.word_class("holding_participles") and not ctx.negated(c)
            for g in c.children if g.dep_ == "agent" for q in g.children if q.dep_ == "pobj" for a in ctx.np_actors(q)]


def _of_arguments(ctx: RuleContext, pobjs: list[Token], agents: list[str], targets: list[str]) -> None:
    """'the revocation of Petro's U.S. visa': the possessor is the target, a state modifier the agent."""
    for p in pobjs:
        poss = [a for c in p.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        mods = [a for c in p.children if c.dep_ in ("compound", "nmod", "amod") for a in ctx.np_actors(c)]
        if poss:
            targets.extend(poss)
            agents.extend(a for a in mods if ctx.kind(a) == "state" and a not in poss)
        else:
            targets.extend(ctx.np_actors(p))


def _asked(ctx: RuleContext, tok: Token, agents: list[str]) -> list[str]:
    """The one a request noun asks to act: 'Chisinau's demand that Russia withdraw', 'calls to withdraw his forces'."""
    # (a 'that' parsed as the object of a clause that has an object of its own is the complementiser)
    targets = [a for c in tok.children if c.dep_ in ("acl", "ccomp", "advcl", "relcl")
               and (any(m.dep_ == "mark" and m.lower_ in ("that", "for") for m in c.children)
                    or (c.dep_ in ("relcl", "acl") and any(m.dep_ == "dobj" and m.lower_ == "that" for m in c.children)
                        and sum(m.dep_ == "dobj" for m in c.children) > 1))
               for s_ in c.children if s_.dep_ == "nsubj" or (s_.dep_ == "compound" and c.pos_ == "NOUN")
               for a in ctx.np_actors(s_)]  # 'demand that Armenia remove', its verb misread as a noun
    if not targets:
        # 'Saudi calls to withdraw his forces': the one whose forces are to go is the one asked
        owners = [a for c in _to_clauses(ctx, tok) for o in c.children if o.dep_ == "dobj" for p in o.children
                  if p.dep_ == "poss" for a in ctx.np_actors(p)]
        own_agents = set(agents) | {a for c in tok.children if c.dep_ in ("poss", "amod", "compound")
                                    for a in ctx.np_actors(c)}
        targets = [a for a in owners if a not in own_agents]
    if agents and not targets and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ctx.lex.word_class("weighing"):
        # 'Brussels was studying a new request from Maputo': the one weighing a request is the one asked
        targets = [a for a in ctx.subject_actors(tok.head) if a not in agents]
    return targets


def _verb_arguments(ctx: RuleContext, tok: Token, verb: Token, rtype: str, base: str, agents: list[str],
                    targets: list[str], with_: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Arguments the noun's governing verb supplies: its subject, agent phrase, 'on X' or 'with' partner."""
    vlemma = verb.lemma_.lower()
    if rtype not in SYMMETRIC:
        if not targets and vlemma in LIGHT_VERBS | {"hit", "slap", "target"}:
            # 'Sanctions were imposed on Venezuela by Washington': the target hangs on the verb
            targets = [a for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon")
                       for p in c.children for a in ctx.np_actors(p)]
        if not targets and base == "SUPPORTS" and tok.dep_ == "dobj" and vlemma in LIGHT_VERBS:
            # 'Poland increased its military support to Ukraine': the receiver hangs on the verb
            targets = [a for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "for")
                       for p in c.children for a in ctx.np_actors(p)]
        if not agents and any(c.dep_ == "agent" for c in verb.children):
            agents = [a for c in verb.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)]
        if not targets and tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.i == verb.i:
            # 'Iran has been hit with fresh sanctions by the United States'
            targets = [a for c in verb.children if c.dep_ == "nsubjpass" for a in ctx.np_actors(c)]
    if not agents and (vlemma in LIGHT_VERBS or tok.dep_ in ("dobj", "pobj", "conj", "nsubjpass")):
        agents, with_ = _verb_subject(ctx, tok, verb, with_)
    if rtype in SYMMETRIC and not with_:
        # 'raised the arrest with Kallas in a phone call': the partner hangs on the verb
        # (not the preposition the noun itself hangs on: 'involved with the talks, X, Y and Z' lists others)
        with_ = [a for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                 and tok.head.i != c.i for p in c.children for a in ctx.np_actors(p)]
    if not targets and rtype in ("THREATENS", "SANCTIONS", "COERCES", "DEMANDS"):
        # 'X responded with threats ..., forcing Bogota to reverse course': the one pressed is the target.
        targets = [a for c in verb.children if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in PRESSURE_VERBS
                   for d in c.children if d.dep_ == "dobj" for a in ctx.np_actors(d)]
    return agents, targets, with_


def _verb_subject(ctx: RuleContext, tok: Token, verb: Token, with_: list[str]) -> tuple[list[str], list[str]]:
    """The governing verb's subject as the noun's agent: 'X imposed sanctions', 'X remained in talks with Y'."""
    agents: list[str] = []
    vlemma = verb.lemma_.lower()
    if (tok.dep_ == "pobj" or tok.lemma_.lower() in ctx.lex.word_class("phase_nouns")) \
            and vlemma in ctx.lex.word_class("welcoming_verbs") | ctx.lex.word_class("reaction_verbs"):
        return [], with_  # 'X welcomed the start of talks', 'Y condemned the collapse of the talks': a reaction
    subj = ctx.subject_actors(verb)
    in_state = tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.i == verb.i \
        and vlemma in ("be", "remain", "stay", "engage", "participate")  # "was in contact with", "engaged in talks with"
    # 'After talks with X, Y said …', 'Ahead of his meeting with X, Y told reporters …': Y was (or will be) there
    # ('expressed dissatisfaction before the meeting with Y's tactics': a definite meeting is one told of before,
    # and its 'with' more likely the verb's)
    # ('discussed the cases during a bilateral meeting with X': 'during' places the meeting around the verb's act
    # wherever the parser hangs it)
    around = tok.dep_ == "pobj" and bool(with_) and (prep := _time_prep(tok)) is not None \
        and (prep.head.i == verb.i or prep.lower_ == "during") \
        and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) \
        and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)  # 'after a meeting of X and Y':
    # those listed met; the speaker who reports on it afterwards was not one of them
    if subj and (vlemma in LIGHT_VERBS or verb.dep_ in ("xcomp",) or in_state or around) \
            and not (len(with_) >= 2 and _is_between(tok)):
        agents = subj  # but 'Qatar hosted talks between X and Y': X and Y talk (Qatar meets them); a 'meeting
        # between their two leaders, X and Y' that ministers prepare is X's and Y's
    if vlemma in ("accept", "welcome", "receive", "reject") and with_ == [] and agents and tok.dep_ == "dobj":
        # 'Trump accepted an overture from Petro': the accepting side is the counterpart.
        from_agents = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"
                       for p in c.children for a in ctx.np_actors(p)]
        if from_agents:
            return from_agents, agents
    return agents, with_


def _time_prep(tok: Token) -> Token | None:
    """The preposition that places an event in time around another act: 'after [talks]', 'ahead of [his meeting]'."""
    prep = tok.head
    if prep.lower_ == "of" and prep.head.lower_ in ("ahead", "wake"):
        prep = prep.head if prep.head.lower_ == "ahead" else prep.head.head  # 'in the wake of'
    return prep if prep.lower_ in ("after", "during", "following", "before", "ahead", "since") else None


def _speaker_side(ctx: RuleContext, tok: Token, with_: list[str]) -> list[str]:
    """'Goyal said trade talks with the United States were moving': the speaker's side talks."""
    cur = tok
    for _ in range(8):
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in ("say", "add", "tell", "insist", "stress"):
            return [a for a in ctx.subject_actors(cur.head)
                    if ctx.kind(a) in ("person", "state", "government_body", "igo", "armed_group") and a not in with_]
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return []


def _to_clauses(ctx: RuleContext, tok: Token) -> list[Token]:
    """The 'to V' clause of a request noun, also where the parser hung it on the governing verb: 'Saudi calls
    [to withdraw his forces]'."""
    gov = ctx.governing_verb(tok)
    clauses = [c for c in tok.children if c.dep_ in ("acl", "xcomp", "advcl")] + \
              [c for c in (gov.children if gov is not None else []) if c.dep_ in ("advcl", "xcomp")
               and c.left_edge.i == tok.right_edge.i + 1]
    return [c for c in clauses if c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def _is_between(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in tok.children)
