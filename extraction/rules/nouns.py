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
    event_stem,
    party_key,
)
from extraction.rules.noun_arguments import (
    _aimed,
    _asked,
    _drawn,
    _holders,
    _hosts,
    _hung_targets,
    _is_between,
    _listed,
    _measure,
    _of_arguments,
    _place_of,
    _sought,
    _speaker_side,
    _struck_state,
    _to_clauses,
    _verb_arguments,
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
    anchor = _measure(ctx, tok) or tok  # 'unveiled a sanctions package against X': the package is what is unveiled
    verb = ctx.governing_verb(anchor)
    if verb is not None and (ctx.negated(verb) or ctx.blocked(verb) or verb.lemma_.lower() in UNDOING_VERBS):
        return None  # (undone: 'lifted sanctions on X', 'ended its support for Y')
    if verb is not None and rtype in SYMMETRIC and verb.lemma_.lower() in ctx.lex.word_class("cancel_verbs"):
        return None  # 'would block the next meeting of the EU-Ukraine council': the meeting is not held
    if base == "COOPERATES_WITH" and _sought(ctx, tok, verb):
        if not with_ or _is_between(tok):
            return None  # 'Kenya called for a ceasefire between X and Y': no accord yet, and not the caller's
        rtype = "NEGOTIATES"  # 'its bid for a pact with Vanuatu', 'is seeking a deal with X': talks, no accord yet
    if verb is not None and anchor.dep_ == "dobj" and (
            verb.lemma_.lower() in ctx.lex.word_class("threatening_verbs")
            or (base in ("SANCTIONS", "COERCES") and verb.lemma_.lower() in ctx.lex.word_class("contemplating_verbs"))):
        rtype = "THREATENS"  # 'threatened tariffs on Colombia', 'is weighing sanctions on X': held over X, not yet taken
        if not agents:
            agents = ctx.subject_actors(verb)
    if verb is not None:
        own = agents
        agents, targets, with_ = _verb_arguments(ctx, anchor, verb, rtype, base, agents, targets, with_)
        if tok.lemma_.lower() in ctx.lex.word_class("truce_nouns") \
                and verb.lemma_.lower() not in ctx.lex.word_class("truce_verbs"):
            agents = own  # 'talks on the second phase of the Gaza ceasefire': the talkers are not its parties
    if base == "SUPPORTS" and verb is not None and verb.lemma_.lower() in ctx.lex.word_class("holding_verbs") \
            and (anchor.dep_ == "dobj" or (anchor.dep_ == "pobj" and anchor.head.lower_ in ("on", "upon"))):
        # 'X enjoys the support of Y', 'X counts on the backing of Y': Y supports X ('of' is not the receiver here)
        backers = [a for c in tok.children if c.dep_ == "poss" for a in ctx.np_actors(c)]
        backers += [a for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                    for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        if backers:
            agents, targets = backers, [a for a in ctx.subject_actors(verb) if a not in backers]
    if base == "COERCES":
        agents, targets = _aimed(ctx, tok, verb, agents, targets)
    if base in ("CRITICISES", "PRAISES") and verb is not None and tok.dep_ == "dobj" and not targets \
            and verb.lemma_.lower() in ctx.lex.word_class("drawing_verbs"):
        agents, targets = _drawn(ctx, verb, agents)
    if rtype in ("NEGOTIATES", "COOPERATES_WITH") and with_ and not agents and tok.dep_ in ("nsubj", "nsubjpass"):
        agents = _speaker_side(ctx, tok, with_)  # 'Goyal said trade talks with the United States were moving'
    if tok.lemma_.lower() in ctx.lex.word_class("go_between_nouns") and _is_between(tok) and verb is not None \
            and tok.dep_ == "dobj" and not mediators:
        mediators = [a for a in ctx.subject_actors(verb) if a not in with_]  # 'X continued shuttle diplomacy between'
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
    if rtype == "OPPOSES" and lemma in ctx.lex.word_class("fighting_nouns") and _is_between(tok):
        rtype = base = "COERCES"  # 'the war between Israel and Hamas', 'clashes between X and Y': force, each way
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
    if (measure := _measure(ctx, tok)) is not None:  # 'a sanctions resolution by the UNSC against X'
        children += [c for c in measure.children if c.i != tok.i]
    # 'sanctions from the EU on Russia', 'attacks from Hezbollah on Israel': with a target beside it, 'from' names the doer
    aimed = any(c.dep_ == "prep" and c.lower_ in TARGET_PREPS for c in children)
    for child in children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            cm = ctx.m.at(child)
            if child.dep_ == "compound" and cm is not None and cm.via == "capital":
                continue  # 'the Pretoria agreement', 'the Minsk accords': named after a city, not made by it
            if child.dep_ == "compound" and rtype in SYMMETRIC and ((tok.dep_ == "pobj" and tok.head.lower_ == "at")
                                                                   or lemma in ctx.lex.word_class("forum_nouns")) \
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
            if not objs:  # 'sanctions against two other members — Mali and Guinea', 'talks with two neighbours, X and Y'
                objs = [a for p in pobjs if ctx.m.at(p) is None for c in p.children if c.dep_ == "appos"
                        for a in ctx.np_actors(c)]
            if prep == "by":
                agents.extend(objs)
                if rtype == "MEETS":  # 'a visit by X to Serbia', the parser hanging 'to Serbia' on X
                    with_.extend(_hosts(ctx, [q for p in pobjs for c in p.children if c.dep_ == "prep"
                                              and c.lower_ == "to" for q in c.children if q.dep_ == "pobj"]))
            elif prep == "from" and (rtype in SYMMETRIC | {"SUPPORTS", "THREATENS", "DEMANDS", "PRAISES", "CRITICISES"}
                                     or aimed or _hung_targets(ctx, pobjs)):
                agents.extend(objs)
                targets.extend(_hung_targets(ctx, pobjs))  # 'attacks from Hezbollah [on Israel]' parsed on Hezbollah
            elif prep in SYMMETRIC_PREPS:
                with_.extend(objs)
            elif prep == "to" and rtype == "MEETS":
                with_.extend(_hosts(ctx, pobjs))  # "Xi's visit to Serbia", 'a trip to Belgrade': the host state
            elif prep == "in" and rtype == "COERCES" and tok.lower_ in ctx.lex.word_class("strike_nouns") \
                    and not any(c.dep_ == "prep" and c.lower_ in TARGET_PREPS for c in children):
                targets.extend(_struck_state(ctx, pobjs))  # 'targeted strikes in Kabul' ('attacks on X in Y': on X)
            elif lemma in VAGUE_NOUNS and prep not in ("against", "targeting"):
                continue  # 'military action on Mexican soil' names a place, not a target
            elif prep == "at" and rtype in SYMMETRIC:
                continue  # 'a meeting with X at a G20 gathering': where it took place
            elif prep in ("on", "at") and rtype in SYMMETRIC and any(
                    p.lemma_.lower() in ctx.lex.word_class("margin_nouns") for p in pobjs):
                continue  # 'a meeting between X and Y on the sidelines of a NATO summit': where, not with whom
            elif prep in TARGET_PREPS or (prep in ("to", "for") and base in ("SUPPORTS", "DEMANDS", "THREATENS")):
                targets.extend(_holders(ctx, pobjs) or objs)  # 'strikes on Iraqi positions held by the PKK': the PKK
            elif prep == "of" and rtype in SYMMETRIC:
                # 'a meeting of the two leaders', 'the resumption of flights from the United States'
                with_.extend(objs or [a for p in pobjs for c in p.children if c.dep_ == "prep"
                                      and c.lower_ in ("from", "with", "to", "between")
                                      for q in c.children if q.dep_ == "pobj" for a in ctx.np_actors(q)])
                with_.extend(_listed(ctx, child, tok))
            elif prep in ("in", "at") and rtype in SYMMETRIC and (of := _place_of(ctx, pobjs)) is not None:
                # 'a meeting in Uruguay of X and Y': the parser hangs the participants on the place
                with_.extend(_listed(ctx, of, tok))
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
                and not _mediated(f.tok) and not (f.tok.lemma_.lower() in ctx.lex.word_class("mediation_nouns") and not f.with_):
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
                    and not _mediated(f.tok) and f.tok.lemma_.lower() not in ctx.lex.word_class("mediation_nouns"):
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
