"""Phrase rules: verb + object phrases from the trigger files ('recalled its ambassador from X', 'cut diplomatic
relations with Y', "summoned Y's envoy"), matched by one spaCy DependencyMatcher per document.

The data says which words and where the target is (extraction/data/triggers/README.md); this module only knows
how to read those places in a parse. A verb that a phrase matches belongs to the phrase: the plain verb rule skips
it, so 'expelled French troops' is COERCES from the phrase, not SANCTIONS from the verb 'expel'.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.lexicon import Phrase
from extraction.rules.context import DEAL_NOUNS, Found, RuleContext, _group_pairs, _pairs, each_other, event_stem
from graph.taxonomy import load_taxonomy

# Where a clause's speaker is: 'warned that Y would pay a heavy price' (the ccomp's head says it).
SPEAKING_DEPS = {"ccomp", "xcomp", "conj", "advcl", "parataxis"}


# Verbs whose 'that' clause states what is asked, not what happened: 'requested that the council condemn X'.
REQUESTING = {"request", "demand", "ask", "urge", "insist", "propose", "recommend", "call", "press", "appeal"}
# Auxiliaries of an asked-for act ('should withdraw', 'must leave'); any other one reports a fact ('has failed').
MANDATE_AUX = {"should", "must", "shall", "to"}


def mandated(tok: Token) -> bool:
    """True for a verb in the mandative form of a request's 'that' clause ('asked that Y condemn X', 'demanded
    that sanctions be lifted', 'insisted that X should leave'); a clause with a tense reports a fact instead."""
    if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in REQUESTING:
        return False
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in MANDATE_AUX for a in auxes):
        return True
    if any(a.dep_ == "auxpass" and a.lower_ == "be" for a in auxes):
        return True  # 'demanded that sanctions be lifted'
    return not auxes and tok.lower_ == tok.lemma_.lower() and tok.tag_ not in ("VBG", "VBN")


# Nouns of a standing tie: 'the close U.S. ally' is not the United States but a state allied with it.
PARTNER_NOUNS = {"ally", "allies", "partner", "partners", "neighbour", "neighbor", "neighbours", "neighbors"}


def accused_of(ctx: RuleContext, tok: Token) -> list[str] | None:
    """'accused X of financing and arming rebels': the gerund of 'of' (or 'for'), and one joined to it by 'and' (which
    the parser may hang on the main verb), is done by the main verb's object; None when the verb is no such gerund."""
    g, main = tok, None
    if tok.dep_ == "conj" and tok.head.tag_ == "VBG":
        g = tok.head  # 'of financing and arming'
    if g.tag_ == "VBG" and g.dep_ in ("pcomp", "pobj") and g.head.lower_ in ("of", "for") \
            and g.head.head.pos_ in ("VERB", "AUX"):
        main = g.head.head
    elif tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.head.tag_ != "VBG" and tok.i >= 2:
        cc, prev = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
        # ('of' may hang on the object, and the first gerund be tagged a noun: 'accused its neighbour of financing')
        if cc.lower_ in ("and", "or") and prev.lower_.endswith("ing") and prev.dep_ in ("pobj", "pcomp") \
                and prev.head.lower_ in ("of", "for") and (prev.head.head == tok.head or prev.head.head.head == tok.head):
            main = tok.head
    # ('Turkey was accused by Greece of violating ...': the passive's subject is the one accused)
    objs = [c for c in main.children if c.dep_ in ("dobj", "nsubjpass")] if main is not None else []
    if not objs:
        return None
    # ('its western neighbour Sudan': the apposition names the one accused; 'its neighbour' is not 'its' owner)
    return [a for c in objs for a in [a for x in c.children if x.dep_ == "appos" for a in ctx.np_actors(x)]
            or ([] if c.lower_ in PARTNER_NOUNS else ctx.np_actors(c))]


def claimed_verbs(ctx: RuleContext) -> set[int]:
    """Token indexes of the verbs of matched phrases in this sentence (a negated or blocked one stays the verb
    rule's: 'does not recognise Y's government' is REJECTS there)."""
    doc = ctx.sent.doc
    return {toks["verb"] for p, toks in ctx.lex.phrase_matches(doc)
            if ctx.sent.start <= toks["verb"] < ctx.sent.end
            and not ctx.negated(doc[toks["verb"]]) and not ctx.blocked(doc[toks["verb"]])}


def phrase_rule(ctx: RuleContext) -> Iterator[Found]:
    """Relations stated by the phrases of the trigger files."""
    doc = ctx.sent.doc
    symmetric = load_taxonomy().symmetric
    done: set[tuple[int, str]] = set()
    for phrase, toks in ctx.lex.phrase_matches(doc):
        verb = doc[toks["verb"]]
        if not ctx.sent.start <= verb.i < ctx.sent.end or ctx.negated(verb) or ctx.blocked(verb) or mandated(verb):
            continue
        if (verb.i, phrase.id) in done:
            continue  # two modifiers of one object ('cut diplomatic and trade ties') match twice
        done.add((verb.i, phrase.id))
        obj = doc[toks["object"]] if "object" in toks else None
        agents = _agents(ctx, phrase, verb, doc[toks["object"]] if "object" in toks else None)
        targets = agents if _each_others(obj) else _targets(ctx, phrase, verb, obj, agents)
        if phrase.each_other and not targets and len(agents) >= 2:
            for rtype in phrase.types:  # 'Peru and Venezuela cut diplomatic ties': each with the other
                for a, b in _group_pairs(agents):
                    yield Found(a, rtype, b, verb.i, f"phrase:{phrase.id}", 0.7)
                    yield Found(b, rtype, a, verb.i, f"phrase:{phrase.id}", 0.7)
            continue
        for rtype in phrase.types:
            if phrase.mutual:  # 'X and Y traded fire': each side acts on the other
                pairs = list(_pairs(agents, targets)) if targets else list(_group_pairs(agents))
                for a, b in dict.fromkeys([*pairs, *((b, a) for a, b in pairs)]):
                    yield Found(a, rtype, b, verb.i, f"phrase:{phrase.id}", 0.7)
                continue
            # 'X and Y cut diplomatic ties': between themselves; a mediator between others is not one of them, nor
            # are those who 'invited delegations' when the phrase's object or its owner is the other side (target
            # [object, owner]) and names no actor here
            if rtype in symmetric and not targets and "between" not in phrase.target \
                    and not ({"object", "owner"} <= set(phrase.target) and obj is not None):
                for a, b in _group_pairs(agents):
                    yield Found(a, rtype, b, verb.i, f"phrase:{phrase.id}", 0.7)
            for s, o in _pairs(agents, targets):
                yield Found(s, rtype, o, verb.i, f"phrase:{phrase.id}", 0.7)


def _agents(ctx: RuleContext, phrase: Phrase, verb: Token, obj: Token | None = None) -> list[str]:
    if phrase.agent == "speaker":
        return speaker_of(ctx, verb)
    if phrase.agent == "from":  # 'the strike drew sharp criticism from Russia': who criticised
        return [a for h in (verb, obj) if h is not None for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
    accused = accused_of(ctx, verb)
    if accused is not None:  # "Turkey was accused by Greece of violating its airspace": Turkey did it, if anyone
        return accused
    if verb.pos_ == "NOUN":  # a nominal phrase: "X's use of water cannon on Y", 'the recall by X of its envoy'
        return ctx.intenders(verb)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if passive and phrase.via == "by":
        # 'it was alarmed by X's strikes': the phrase reads the passive's 'by' as its object, its subject acts
        return [a for c in verb.children if c.dep_ == "nsubjpass" for a in ctx.np_actors(c)]
    reduced = verb.dep_ == "acl" and verb.tag_ == "VBN"  # 'the PKK, listed as a terrorist group by Turkey'
    if passive or (reduced and phrase.via != "dobj"):
        return [a for c in verb.children if c.dep_ == "agent" for p in c.children for a in ctx.np_actors(p)] or [
            # 'is listed as a terrorist organisation by Turkey': the parser hangs the passive's 'by' on the object
            a for c in (obj.children if obj is not None and obj.dep_ == "pobj" else ()) if c.dep_ == "prep"
            and c.lower_ == "by" for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
    return ctx.subject_actors(verb) or ctx.fallback_subject(verb)


def speaker_of(ctx: RuleContext, verb: Token) -> list[str]:
    """Who says the clause ``verb`` is in: 'warned on Monday that Y would pay a heavy price', '"Y will pay," X
    said'; [] when it is said by no one named."""
    head = verb
    for _ in range(3):
        if head.dep_ not in SPEAKING_DEPS or head.head.i == head.i:
            return []
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return ctx.subject_actors(head)
    return []


def _each_others(obj: Token | None) -> bool:
    """"summoned each other's envoys", "expelled one another's diplomats": each side does it to the other."""
    return obj is not None and any(c.dep_ == "poss" and each_other(c) for c in obj.children)




def _targets(ctx: RuleContext, phrase: Phrase, verb: Token, obj: Token | None, agents: list[str]) -> list[str]:
    for where in phrase.target:
        if where == "owner" and obj is not None:
            found = [a for c in obj.children if c.dep_ in ("poss", "compound", "amod", "nmod") for a in ctx.np_actors(c)]
        elif where == "object" and obj is not None:
            found = ctx.np_actors(obj)
        elif where == "dobj":  # 'added X to its list of terrorist organisations'
            # (or the passive's subject: 'X was added to ...', 'X, listed as ...')
            found = [a for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for a in ctx.np_actors(c)]
            if not found and verb.dep_ == "acl" and verb.tag_ == "VBN":
                found = ctx.np_actors(verb.head)
        elif where == "recipient":  # 'gave Niger a seven-day deadline': the indirect object
            found = [a for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP" for a in ctx.np_actors(c)]
        elif where == "event":
            found = _event_actors(ctx, verb, obj)
        elif where == "complement":  # the small clause's subject: 'holds [Israel responsible]'
            found = [a for c in verb.children if c.lower_ in phrase.complement
                     for x in c.children if x.dep_ == "nsubj" for a in ctx.np_actors(x)]
        elif where == "addressee":
            found = addressee(ctx, verb)
        elif where == "subject":
            found = ctx.subject_actors(verb) if phrase.agent != "subject" else []
            if not found and phrase.agent == "from":
                found = _subject_event_doers(ctx, verb)
            elif not found and phrase.via == "attr":
                found = _owners_of_subject(ctx, verb)
        else:  # a preposition on the verb or on its object
            # the object's conjuncts too: 'fired 500 drones and 30 missiles at Y' hangs 'at Y' on 'missiles'
            heads = (verb, obj, *obj.conjuncts) if obj is not None else (verb,)
            # and on the verb's complement: 'made clear to X its concerns' hangs 'to X' on 'clear'
            # or on the complement the phrase names: 'vowed to retaliate against Y'
            heads = (*heads, *(c for c in verb.children if c.dep_ in ("oprd", "acomp")
                               or (c.dep_ == "xcomp" and c.lower_ in phrase.complement)))
            # and on a noun of another preposition: 'a complaint with the council over Y's presence'
            heads = (*heads, *(p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ != where
                                for p in c.children if p.dep_ == "pobj"))
            found = [a for head in heads for c in head.children
                     if c.dep_ in ("prep", "dative") and c.lower_ == where
                     for p in c.children if p.dep_ == "pobj" for a in ctx.place_actors(p)]
        found = [a for a in found if a not in agents]
        if found:
            return found
    return []


def _owners_of_subject(ctx: RuleContext, verb: Token) -> list[str]:
    """Whose things the subject names: 'facilities belonging to the PKK', 'the bases of the militias', "Iran's
    proxies" (and every conjunct of the subject: 'infrastructure and facilities belonging to Y')."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    nouns = [subj, *subj.conjuncts] if subj is not None else []
    return list(dict.fromkeys(
        a for n in nouns for c in n.children
        for a in (ctx.np_actors(c) if c.dep_ in ("poss", "compound", "amod", "nmod") else
                  [a for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "by")
                   for q in p.children if q.dep_ == "pobj" for a in ctx.np_actors(q)] if c.dep_ == "acl" else
                  [a for q in c.children if q.dep_ == "pobj" for a in ctx.np_actors(q)]
                  if c.dep_ == "prep" and c.lower_ == "of" else [])))


def _subject_event_doers(ctx: RuleContext, verb: Token) -> list[str]:
    """Who did the act the subject names: "Israel's strike drew criticism" (its possessor or modifier, read by
    subject_actors), 'the killing drew condemnation' (whoever the document said did the killing)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or ctx.m.at(subj) is not None or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj.children):
        return []
    doers = ctx.discourse.doers(event_stem(subj.lemma_)) or ()
    return list(dict.fromkeys(ctx.state_of(a) or a if a not in ctx.gz else a for a in doers))


def addressee(ctx: RuleContext, verb: Token) -> list[str]:
    """Whom the same subject addresses in a verb joined to this one by 'and': 'urged Y to form a cabinet and warned
    of tough measures', 'warned of dire consequences and called on Y to ...' (the object of a verb of demand, blame
    or threat; 'met Y and warned of ...' names no addressee)."""
    joined = [verb.head] if verb.dep_ == "conj" else []
    # (the parser may hang the second verb on the first one's complement: 'warned [to take action and urged Y]')
    joined += [c for h in (verb, *(x for x in verb.children if x.dep_ == "xcomp")) for c in h.children
               if c.dep_ == "conj"]
    addressing = {"DEMANDS", "CRITICISES", "THREATENS"}
    return [a for v in joined if v.pos_ in ("VERB", "AUX") and addressing & set(ctx.lex.verb_types(v.lemma_.lower()))
            and not ctx.negated(v)
            for o in v.children if o.dep_ in ("dobj", "prep") and (o.dep_ == "dobj" or o.lower_ in ("on", "upon"))
            for a in (ctx.np_actors(o) if o.dep_ == "dobj" else
                      [a for p in o.children if p.dep_ == "pobj" for a in ctx.np_actors(p)])]


# Prepositions that name what a stance is about: 'concerns about the pact', 'alarm at the strikes'.
ABOUT_PREPS = {"about", "at", "over", "on", "regarding", "concerning", "by"}
MODIFIER_DEPS = ("poss", "compound", "amod", "nmod")


def _event_actors(ctx: RuleContext, verb: Token, obj: Token | None) -> list[str]:
    """The actors of the event a stance is about: a pact's parties ('concerns about the security pact between X and
    Y', "the pact's potential to ...", 'the pact' named before) or the doers of a hostile act or of a step
    ('alarm at Israeli strikes', "concerns about X's actions", 'noted with regret the decision by X'); [] for an
    event that names none."""
    heads = (verb, obj) if obj is not None else (verb,)
    nouns = [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ABOUT_PREPS
             for p in c.children if p.dep_ == "pobj"]
    if obj is not None and obj.dep_ == "pobj" and obj.head.lower_ == "by":
        nouns.append(obj)  # via 'by': the phrase's object is the event itself ('alarmed by Israeli strikes')
    if obj is not None:  # "noted with concern X's buildup" (the parser's apposition)
        nouns += [c for c in obj.children if c.dep_ == "appos"]
    # 'noted with regret the decision by X': what is regretted is the verb's direct object
    nouns += [c for c in verb.children if c.dep_ == "dobj"]
    for noun in nouns:
        # "the pact's potential to destabilise": the pact is the possessor of what is feared
        noun = next((c for c in noun.children if c.dep_ == "poss" and c.lemma_.lower() in DEAL_NOUNS), noun)
        mods = [a for c in noun.children if c.dep_ in MODIFIER_DEPS for a in ctx.np_actors(c)]
        byers = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                 for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        if noun.lemma_.lower() in DEAL_NOUNS:
            parties = [a for c in noun.children if c.dep_ == "prep" and c.lower_ in ("between", "with")
                       for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
            found = mods + parties or ctx.event_parties(noun)
        elif ctx.lex.noun_types(noun.lemma_.lower())[:1] in (["COERCES"], ["SANCTIONS"], ["THREATENS"]) \
                or noun.lemma_.lower() in ctx.lex.word_class("stance_topics"):
            found = mods + byers
        else:
            found = []
        if found:
            return list(dict.fromkeys(found))
    return []
