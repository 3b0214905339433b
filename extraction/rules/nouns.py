"""Event-noun rules: 'sanctions against X', "X's refusal of Y", 'a call between A and B', agent nouns
('Y\'s closest ally') and 'under U.S. sanctions'."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from extraction.rules.context import (
    HOSTING_VERBS,
    JOINING_VERBS,
    JUDGING_VERBS,
    LIGHT_VERBS,
    PRESSURE_VERBS,
    REVERSERS,
    SYMMETRIC,
    SYMMETRIC_PREPS,
    TARGET_PREPS,
    UNDOING_VERBS,
    VAGUE_NOUNS,
    Found,
    RuleContext,
    _choose,
    _group_pairs,
    _pairs,
    _sentences_back,
    event_stem,
    party_key,
)


@dataclass
class NounFrame:
    tok: Token
    type: str
    agents: list[str]
    targets: list[str]
    with_: list[str]
    confidence: float


def _noun_frame(ctx: RuleContext, tok: Token) -> NounFrame | None:
    """Who does the event a trigger noun names, to whom and with whom; None when it names no event here."""
    typed = _frame_type(ctx, tok)
    if typed is None:
        return None
    rtype, base, reverser = typed
    agents, targets, with_, mediators = _frame_arguments(ctx, tok, rtype, base, reverser)
    if base == "DEMANDS" and not targets:
        targets = _asked(ctx, tok, agents)
    if not agents and tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in OFFER_NOUNS:
        agents = ctx.intenders(tok.head.head)  # 'his offer of talks with Pyongyang', "Kenya's plan of joint patrols"
    # The subject of the verb that governs the noun: 'X imposed sanctions', 'X responded with threats'.
    verb = ctx.governing_verb(tok)
    if verb is not None and (ctx.negated(verb) or ctx.blocked(verb) or verb.lemma_.lower() in UNDOING_VERBS):
        return None  # (undone: 'lifted sanctions on X', 'ended its support for Y')
    if verb is not None and rtype in SYMMETRIC and verb.lemma_.lower() in ctx.lex.word_class("cancel_verbs"):
        return None  # 'would block the next meeting of the EU-Ukraine council': the meeting is not held
    if verb is not None and tok.dep_ == "dobj" and verb.lemma_.lower() in ctx.lex.word_class("threatening_verbs"):
        rtype = "THREATENS"  # 'threatened tariffs on Colombia': a measure held over Colombia, not yet taken
    if verb is not None:
        agents, targets, with_ = _verb_arguments(ctx, tok, verb, rtype, base, agents, targets, with_)
    if rtype in ("NEGOTIATES", "COOPERATES_WITH") and with_ and not agents and tok.dep_ in ("nsubj", "nsubjpass"):
        agents = _speaker_side(ctx, tok, with_)  # 'Goyal said trade talks with the United States were moving'
    if mediators and not agents and not with_ and verb is not None and tok.dep_ == "pobj":
        agents = ctx.subject_actors(verb)  # 'Kenya and Haiti signed the pact at a summit hosted by X': they attend it
    if mediators:  # 'X and Y held U.S.-mediated talks': the go-between talks with each side, the sides with each other
        agents, with_ = mediators, [a for a in agents + with_ if a not in mediators]
    return NounFrame(tok, rtype, list(dict.fromkeys(agents)), list(dict.fromkeys(targets)), list(dict.fromkeys(with_)), 0.7)


def _frame_type(ctx: RuleContext, tok: Token) -> tuple[str, str, Token | None] | None:
    """The relation type of an event noun, its type before a reverser, and the reversing noun ('withdrawal of')."""
    lemma = tok.lemma_.lower()
    types = ctx.lex.noun_types(lemma) or ctx.lex.noun_types(tok.lower_)
    if not types or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.lower_ in ("no", "without") for c in tok.children) or (tok.head.lower_ == "without"):
        return None
    rtype = base = _choose(types, ctx.sent)
    if rtype == "OPPOSES" and any(c.dep_ == "amod" and c.lower_ in ctx.lex.word_class("armed_words") for c in tok.children):
        rtype = base = "COERCES"  # 'an armed campaign against X', 'a military offensive against Y'
    if lemma in ("tie", "ties") and any(c.dep_ == "amod" and c.lower_ in ctx.lex.word_class("strained") for c in tok.children):
        return None  # 'strained US-China ties': a relationship in trouble is no cooperation (realA)
    if lemma in ("tie", "ties") and ((tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in ctx.lex.word_class("strains"))
                                     or (tok.dep_ in ("nsubj", "nsubjpass") and (
                                         tok.head.lemma_.lower() in ctx.lex.word_class("souring")
                                         or any(c.dep_ == "acomp" and c.lemma_.lower() in
                                                ctx.lex.word_class("souring") | ctx.lex.word_class("strained")
                                                for c in tok.head.children)))):
        return None  # 'strains in India's ties with Washington', 'ties between X and Y collapsed'
    if lemma == "call" and (any((c.dep_ == "prep" and c.lower_ in ("for", "on", "upon"))
                                or (c.dep_ in ("acl", "advcl") and any(m.dep_ == "mark" and m.lower_ == "for"
                                                                       for m in c.children))
                                for c in tok.children) or _to_clauses(ctx, tok)):
        rtype = base = "DEMANDS"  # 'its call for Togo to reopen the border', 'calls on Tehran', not a phone call
    # 'withdrawal of financial assistance': the governing noun reverses a cooperative event.
    reverser = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    if reverser is not None and reverser.lower_ in REVERSERS and rtype in ("SUPPORTS", "COOPERATES_WITH", "NEGOTIATES"):
        return "SANCTIONS", base, reverser
    return rtype, base, None


def _frame_arguments(ctx: RuleContext, tok: Token, rtype: str, base: str,
                     reverser: Token | None) -> tuple[list[str], list[str], list[str], list[str]]:
    """Agents, targets, partners and go-betweens from the noun's own modifiers and prepositions (and a reverser's)."""
    lemma = tok.lemma_.lower()
    agents: list[str] = []
    targets: list[str] = []
    with_: list[str] = []
    mediators: list[str] = []
    children = list(tok.children) + ([c for c in reverser.children if c.dep_ == "prep" and c.lower_ != "of"]
                                     if reverser is not None else [])
    # 'sanctions from the EU on Russia', 'attacks from Hezbollah on Israel': with a target beside it, 'from' names the doer
    aimed = any(c.dep_ == "prep" and c.lower_ in TARGET_PREPS for c in children)
    for child in children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            cm = ctx.m.at(child)
            if child.dep_ == "compound" and cm is not None and cm.via == "capital":
                continue  # 'the Pretoria agreement', 'the Minsk accords': named after a city, not made by it
            if child.dep_ == "compound" and rtype in SYMMETRIC and ((tok.dep_ == "pobj" and tok.head.lower_ == "at")
                                                                   or lemma in FORUM_NOUNS) \
                    and all(ctx.kind(a) == "igo" for a in ctx.np_actors(child)):
                continue  # 'met X at a G20 meeting', 'the ASEAN meeting, chaired by X': the forum, not a party
            if child.dep_ == "amod" and child.lemma_.lower() in MEDIATING and rtype in SYMMETRIC:
                mediators.extend(ctx.np_actors(child))  # 'U.S.-mediated talks'
                continue
            agents.extend(ctx.np_actors(child))
            if child.dep_ == "compound" and rtype in SYMMETRIC | {"COERCES", "OPPOSES"}:
                # 'the Russia-Ukraine talks', 'U.S.-China trade talks': the first of a hyphenated pair hangs on the second
                agents.extend(a for g in child.children if g.dep_ in ("compound", "amod", "nmod")
                              and g.i + 1 < child.i and tok.doc[g.i + 1].text in ("-", "–", "—")
                              for a in ctx.np_actors(g))
        elif child.dep_ == "prep":
            prep = child.lower_
            objs = [a for p in child.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
            pobjs = [p for p in child.children if p.dep_ == "pobj"]
            if prep == "by":
                agents.extend(objs)
            elif prep == "from" and (rtype in SYMMETRIC | {"SUPPORTS", "THREATENS", "DEMANDS", "PRAISES", "CRITICISES"}
                                     or aimed or _hung_targets(ctx, pobjs)):
                agents.extend(objs)
                targets.extend(_hung_targets(ctx, pobjs))  # 'attacks from Hezbollah [on Israel]' parsed on Hezbollah
            elif prep in SYMMETRIC_PREPS:
                with_.extend(objs)
            elif lemma in VAGUE_NOUNS and prep not in ("against", "targeting"):
                continue  # 'military action on Mexican soil' names a place, not a target
            elif prep == "at" and rtype in SYMMETRIC:
                continue  # 'a meeting with X at a G20 gathering': where it took place
            elif prep in TARGET_PREPS or (prep in ("to", "for") and base in ("SUPPORTS", "DEMANDS", "THREATENS")):
                targets.extend(objs)
            elif prep == "of" and rtype in SYMMETRIC:
                # 'a meeting of the two leaders', 'the resumption of flights from the United States'
                with_.extend(objs or [a for p in pobjs for c in p.children if c.dep_ == "prep"
                                      and c.lower_ in ("from", "with", "to", "between")
                                      for q in c.children if q.dep_ == "pobj" for a in ctx.np_actors(q)])
            elif prep == "of" and base == "DEMANDS" and not any(c.dep_ == "poss" for p in pobjs for c in p.children):
                agents.extend(objs)  # 'at the request of the Turkish leader', 'the demands of the opposition'
            elif prep == "of":
                _of_arguments(ctx, pobjs, agents, targets)
        elif child.dep_ == "acl" and rtype in SYMMETRIC and child.lemma_.lower() in HOSTING_VERBS | CONVENING_VERBS:
            # 'signed the pact at a summit hosted by X': the host is a go-between of those who attend
            mediators.extend(a for c in child.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p))
        elif child.dep_ == "acl":
            # 'sanctions targeting him', 'an operation that captured X' is handled as a verb
            if child.lemma_.lower() in ("target", "aim", "direct", "against", "hit", "affect"):
                targets.extend(a for c in child.children if c.dep_ in ("dobj", "prep")
                               for a in (ctx.np_actors(c) if c.dep_ == "dobj" else
                                         [x for p in c.children if p.dep_ == "pobj" for x in ctx.np_actors(p)]))
    return agents, targets, with_, mediators


def _hung_targets(ctx: RuleContext, pobjs: list[Token]) -> list[str]:
    """'on Israel' in 'attacks from Hezbollah on Israel', which the parser hangs on Hezbollah."""
    return [a for p in pobjs if ctx.np_actors(p) for c in p.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
            for q in c.children if q.dep_ == "pobj" for a in ctx.np_actors(q)]


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
    subj = ctx.subject_actors(verb)
    in_state = tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.i == verb.i \
        and vlemma in ("be", "remain", "stay", "engage", "participate")  # "was in contact with", "engaged in talks with"
    # 'After talks with X, Y said …', 'Ahead of his meeting with X, Y told reporters …': Y was (or will be) there
    # ('expressed dissatisfaction before the meeting with Y's tactics': a definite meeting is one told of before,
    # and its 'with' more likely the verb's)
    around = tok.dep_ == "pobj" and bool(with_) and (prep := _time_prep(tok)) is not None and prep.head.i == verb.i \
        and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
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


def _frame_group(tok: Token) -> Token:
    """The coordination a trigger noun belongs to: 'the imposition of [sanctions], withdrawal of ..., threats ...'."""
    cur = tok
    while cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.lower_ == "of":
        cur = cur.head.head
    while cur.dep_ == "conj":
        cur = cur.head
    return cur


def noun_rule(ctx: RuleContext) -> Iterator[Found]:
    """Event nouns: 'U.S. sanctions against Colombia', "Colombia's refusal of U.S. flights", 'a call between X and Y'."""
    frames = [f for tok in ctx.sent if (f := _noun_frame(ctx, tok)) is not None]
    for f in frames:
        if f.agents and f.type not in SYMMETRIC:
            ctx.discourse.record_event(event_stem(f.tok.lemma_), tuple(f.agents))  # 'Israeli strikes ...' for 'the strikes' later
        elif f.type in SYMMETRIC and len(set(f.agents + f.with_)) >= 2 and not ctx.negated(f.tok) \
                and not _mediated(f.tok) and not (f.tok.lemma_.lower() in MEDIATION_NOUNS and not f.with_):
            # 'Israel and Hamas resumed talks' for 'Qatar mediated the talks' later
            ctx.discourse.record_parties(party_key(f.tok.lemma_), tuple(dict.fromkeys(f.agents + f.with_)))
    # 'threats of a trade war': the nested event is the content of the outer one, not an event of its own.
    heads = {f.tok.i for f in frames}
    frames = [f for f in frames if not (f.tok.dep_ == "pobj" and f.tok.head.lower_ == "of"
                                        and f.tok.head.head.i in heads)]
    # Coordinated event nouns share what one of them states: '[U.S. sanctions against Colombia], [threats of tariffs]'.
    groups: dict[int, list[NounFrame]] = {}
    for f in frames:
        groups.setdefault(_frame_group(f.tok).i, []).append(f)
    for members in groups.values():
        agents = next((f.agents for f in members if f.agents and f.targets), None)
        targets = next((f.targets for f in members if f.agents and f.targets), None)
        for f in members:
            if f.tok.lemma_.lower() in VAGUE_NOUNS:
                continue  # 'military action', 'efforts': only with their own 'against X'
            judged = ctx.governing_verb(f.tok)
            if judged is not None and judged.lemma_.lower() in JUDGING_VERBS and not (f.agents or f.targets) \
                    and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in f.tok.children):
                continue  # 'dismissed the warning and repeated X's demand that ...': an earlier act, not this one's
            if agents and not f.agents and f.type not in SYMMETRIC:
                f.agents, f.confidence = agents, 0.6
            if targets and not f.targets and f.type not in SYMMETRIC:
                f.targets, f.confidence = targets, 0.6
    for f in frames:
        verb = ctx.governing_verb(f.tok)
        if verb is not None and verb.lemma_.lower() in ("trade", "exchange") and f.type not in SYMMETRIC \
                and not any(a.dep_ == "prep" and a.lower_ not in ("of", "with") and verb.i != a.i
                            for a in f.tok.ancestors if a.i != verb.i and verb in a.ancestors):
            # (not 'exchanged threats after the attack': the attack was not traded)
            pair = ctx.subject_actors(verb)
            for a, b in _group_pairs(pair):  # 'India and China traded accusations': each at the other
                yield Found(a, f.type, b, f.tok.i, f"traded:{f.tok.lemma_.lower()}", 0.6)
                yield Found(b, f.type, a, f.tok.i, f"traded:{f.tok.lemma_.lower()}", 0.6)
            continue
        if len(f.agents) >= 2 and any(c.lower_ in ("joint", "combined", "coordinated") for c in f.tok.children):
            for a, b in _group_pairs(f.agents):  # 'X and Y launched a joint operation'
                yield Found(a, "COOPERATES_WITH", b, f.tok.i, f"joint:{f.tok.lemma_.lower()}", 0.6)
        rule = f"noun:{f.tok.lemma_.lower()}"
        if f.type in SYMMETRIC:
            parts = list(dict.fromkeys(f.agents + f.with_ + f.targets))
            if f.agents and (f.with_ or f.targets):
                for a in f.agents:
                    for b in f.with_ + f.targets:
                        if a != b:
                            yield Found(a, f.type, b, f.tok.i, rule, f.confidence)
                if any((c.dep_ == "amod" and c.lemma_.lower() in MEDIATING)
                       or (c.dep_ == "acl" and c.lemma_.lower() in HOSTING_VERBS | CONVENING_VERBS) for c in f.tok.children):
                    for a, b in _group_pairs(f.with_):  # 'the U.S.-brokered talks between X and Y': X and Y talk
                        yield Found(a, f.type, b, f.tok.i, rule, f.confidence)
            elif len(parts) >= 2 and (_is_between(f.tok) or (f.with_ and not _with_list(f.tok))):
                for a, b in _group_pairs(parts):
                    yield Found(a, f.type, b, f.tok.i, rule, f.confidence)
                if verb is not None and verb.lemma_.lower() in HOSTING_VERBS:
                    for host in ctx.subject_actors(verb):  # the host meets each side (GUIDE: MEETS includes hosting)
                        for p in parts:
                            if host != p:
                                yield Found(host, "MEETS", p, f.tok.i, f"host:{f.tok.lemma_.lower()}", 0.6)
            elif len(f.agents) >= 2 and not (verb is not None and verb.lemma_.lower() in JOINING_VERBS) \
                    and not _mediated(f.tok) and f.tok.lemma_.lower() not in MEDIATION_NOUNS:
                # ('talks mediated by Qatar and Turkey', 'mediation by X and Y': go-betweens, not sides)
                # 'Japanese and Philippine troops began a joint exercise', 'their conversation'; but those who
                # 'join talks' take part in someone else's talks, not in talks with each other
                for a, b in _group_pairs(f.agents):
                    yield Found(a, f.type, b, f.tok.i, rule, f.confidence)
            continue
        for s, o in _pairs(f.agents, f.targets):
            yield Found(s, f.type, o, f.tok.i, rule, f.confidence)
        if not f.agents and not f.targets and len(f.with_) >= 2 and _is_between(f.tok):
            for a, b in _group_pairs(f.with_):  # 'the war between X and Y': each against the other
                yield Found(a, f.type, b, f.tok.i, rule, 0.6)
                yield Found(b, f.type, a, f.tok.i, rule, 0.6)


# Verbs by which someone convenes a meeting of others: 'a summit hosted by X', 'talks convened by Y'.
CONVENING_VERBS = {"organise", "organize", "convene", "chair", "broker", "mediate", "sponsor", "facilitate"}

# Nouns whose 'of' names the act their possessor proposes: 'his offer of talks with X'.
OFFER_NOUNS = {"offer", "proposal", "plan", "invitation", "promise", "pledge", "prospect"}

# Verbs by which a speaker labels someone: what the label says is the speaker's stance, not a fact.
LABELLING_VERBS = {"call", "brand", "label", "dub", "term"}

# Nouns of a go-between's work: its agents ('mediation by Qatar and Turkey', 'US-Saudi mediation') mediate
# together, they do not negotiate with each other.
MEDIATION_NOUNS = {"mediation", "facilitation", "good offices", "shuttle"}

# Nouns of gatherings an organisation holds: 'the ASEAN meeting', 'an AU summit' name the forum, not a party.
FORUM_NOUNS = {"meeting", "summit", "session", "conference", "ministerial", "gathering", "forum", "assembly"}

# Modifiers that make the named agent of talks a go-between: 'U.S.-brokered talks between X and Y'.
MEDIATING = {"broker", "brokered", "mediate", "mediated", "sponsor", "sponsored", "facilitate", "facilitated"}


def _with_list(tok: Token) -> bool:
    """'agreements with Tuvalu and Nauru': partners named only by 'with' are each the partner of someone unnamed,
    not partners of each other (unlike 'a meeting of the two leaders' or 'talks between X and Y')."""
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) \
        and not any(c.dep_ == "prep" and c.lower_ in ("of", "between", "among") for c in tok.children)


def _mediated(tok: Token) -> bool:
    """'talks mediated by Qatar', 'U.S.-brokered talks': the agents named with the noun are its go-betweens."""
    return any((c.dep_ == "acl" and c.lemma_.lower() in CONVENING_VERBS) or (c.dep_ == "amod" and c.lemma_.lower()
               in MEDIATING) for c in tok.children)


def _is_between(tok: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in tok.children)


def their_rule(ctx: RuleContext) -> Iterator[Found]:
    """'their conversation', 'their meeting': a symmetric event of the two principal people."""
    for tok in ctx.sent:
        types = ctx.lex.noun_types(tok.lemma_.lower())
        if not types or types[0] not in SYMMETRIC:
            continue
        if not any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
            continue
        group = next((m for m in ctx.m.mentions if m.via == "group" and m.start < tok.i and len(m.actors) == 2
                      and ctx.kind(m.actors[0]) == "person"), None)
        people = _principal_people(ctx, tok.i)
        pair = group.actors if group else people
        if pair and len(pair) == 2:
            yield Found(pair[0], types[0], pair[1], tok.i, f"their:{tok.lemma_.lower()}", 0.55)


def _principal_people(ctx: RuleContext, before: int) -> tuple[str, ...]:
    sent_people = [m.actor for m in ctx.m.mentions if ctx.sent.start <= m.start < before and len(m.actors) == 1
                   and ctx.kind(m.actor) == "person" and not m.place_only]
    uniq = list(dict.fromkeys(sent_people))
    return tuple(uniq[:2]) if len(uniq) >= 2 else ()


# -- agent nouns ------------------------------------------------------------


def agent_noun_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Colombia remains Washington's closest ally', 'Petro emerged as one of Trump's critics'."""
    for tok in ctx.sent:
        types = ctx.lex.agent_noun_types(tok.lemma_.lower())
        if not types or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        owners = [a for c in tok.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        owners += [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "to")
                   for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        # "Russia's closest European allies": with an owner named, a demonym modifier says where the allies are
        others = owners or [a for c in tok.children if c.dep_ in ("compound", "amod", "nmod") for a in ctx.np_actors(c)]
        if not others:
            continue
        appositive = _appositive_holder(ctx, tok, others)
        if appositive:
            for s, o in _pairs(appositive, others):
                yield Found(s, types[0], o, tok.i, f"agent-noun:{tok.lemma_.lower()}", 0.7)
            continue
        holder: list[str] = []
        cur = tok
        for _ in range(4):  # climb 'one of [critics]' / 'as one of' / conj to the verb
            if cur.dep_ in ("attr", "oprd", "dobj") and cur.head.pos_ in ("VERB", "AUX"):
                if cur.head.lemma_.lower() in LABELLING_VERBS:
                    break  # 'Caracas called him an enemy of the country': a label the speaker gives (CRITICISES)
                if cur.dep_ != "dobj" or cur.head.lemma_.lower() in ("remain", "become", "consider", "see"):
                    holder = ctx.subject_actors(cur.head) if cur.dep_ != "dobj" else ctx.object_actors(cur.head)
                break
            if cur.dep_ == "appos":
                if not (cur.head.dep_ in ("dobj", "oprd") and cur.head.head.lemma_.lower() in LABELLING_VERBS):
                    holder = ctx.np_actors(cur.head)  # (but 'called X "an enemy"', parsed as an apposition: a label)
                break
            if cur.dep_ == "nsubj" and cur.head.lemma_.lower() == "be":
                # "Russia's main backer is Belarus": the complement holds the role
                holder = [a for c in cur.head.children if c.dep_ == "attr" for a in ctx.np_actors(c) if a not in others]
                break
            if cur.dep_ == "pobj" and cur.head.lower_ == "as" and cur.head.head.pos_ in ("VERB", "AUX"):
                verb = cur.head.head  # 'emerged as one of X's critics'; 'leaving Rwanda as X's main partner'
                objs = [a for c in verb.children if c.dep_ == "dobj" for a in ctx.np_actors(c)]
                holder = objs or ([] if any(c.dep_ == "dobj" for c in verb.children) else ctx.subject_actors(verb))
                break
            cur = cur.head
            if cur.dep_ == "ROOT":
                break
        if ctx.negated(cur.head if cur.head.i != cur.i else cur):
            continue
        for s, o in _pairs(holder, others):
            yield Found(s, types[0], o, tok.i, f"agent-noun:{tok.lemma_.lower()}", 0.7)


def _appositive_holder(ctx: RuleContext, tok: Token, others: list[str]) -> list[str]:
    """"Russia's closest ally, Iran," and, split by a phrase the apposition hangs on, "Washington's main partner
    in the region, Kenya,": the actor in apposition holds the role."""
    found = [a for c in tok.children if c.dep_ == "appos" for a in ctx.np_actors(c)]
    if not found:
        found = [a for p in tok.children if p.dep_ == "prep" for q in p.children
                 if q.dep_ == "pobj" and (ctx.m.at(q) is None or ctx.m.at(q).place_only)
                 for c in q.children if c.dep_ == "appos" for a in ctx.np_actors(c)]
    return [a for a in found if a not in others]


# -- titles and memberships -------------------------------------------------


def joint_rule(ctx: RuleContext) -> Iterator[Found]:
    """'Chinese and Tajik troops held joint exercises', 'joint patrols with the Malian army': the parties to a joint
    act cooperate, whatever the act (trigger nouns are read by the noun rule)."""
    for tok in ctx.sent:
        if tok.pos_ != "NOUN" or ctx.lex.noun_types(tok.lemma_.lower()) \
                or not any(c.dep_ == "amod" and c.lower_ in ("joint", "combined") for c in tok.children):
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
        # unnamed forces stand for their state: joint drills are between states
        parties = [a if a in ctx.gz else ctx.state_of(a) or a for a in parties]
        partners = [a if a in ctx.gz else ctx.state_of(a) or a for a in partners]
        if partners:
            pairs = list(_pairs(parties, partners))
        else:
            pairs = list(_group_pairs(list(dict.fromkeys(parties))))
        for a, b in pairs:
            if a != b:
                yield Found(a, "COOPERATES_WITH", b, tok.i, f"joint:{tok.lemma_.lower()}", 0.6)


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
        if tok.pos_ not in ("VERB", "AUX") or lemma not in MEDIATING_VERBS | ATTENDING_VERBS or ctx.negated(tok):
            continue
        rtype = "MEETS" if lemma in ATTENDING_VERBS else "NEGOTIATES"
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
        if tok.lemma_.lower() not in MEDIATION_NOUNS or tok.pos_ != "NOUN" or ctx.negated(tok):
            continue
        mediators = [a for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children
                     for a in ctx.np_actors(p)]
        mediators += [a for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod") for a in ctx.np_actors(c)]
        if not mediators:
            continue
        events = [n for n in ctx.sent if n.i != tok.i and n.pos_ == "NOUN" and n.lemma_.lower() not in MEDIATION_NOUNS
                  and (ctx.lex.noun_types(n.lemma_.lower()) or ctx.lex.noun_types(n.lower_))[:1]
                  in (["NEGOTIATES"], ["COOPERATES_WITH"], ["MEETS"])]
        parties = next((p for n in events if (p := ctx.event_parties(n, bare=True))), [])
        last = ctx.discourse.last_pair
        if not parties and any(not ctx.np_actors(n) for n in events) and last is not None \
                and last[0] >= _sentences_back(ctx.sent, 2):
            # 'the negotiations' after 'X and Y agreed to a ceasefire': the two sides last found dealing
            parties = list(last[1])
        for s, o in _pairs(list(dict.fromkeys(mediators)), parties):
            if s not in parties:
                yield Found(s, "NEGOTIATES", o, tok.i, f"go-between:{tok.lemma_.lower()}", 0.6)


# Verbs of a go-between's act on talks or a deal named before ('mediated the talks', 'the deal was brokered by').
MEDIATING_VERBS = {"mediate", "broker", "facilitate", "arrange"}
# Verbs by which a third party is present at talks named before: it meets their parties ('the talks were also
# attended by X').
ATTENDING_VERBS = {"attend"}
