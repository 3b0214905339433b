"""Blame carried by what a speaker says another did: '"Pakistan hosts terrorist organisations," the spokesman
said', 'X said Y had violated the ceasefire', '"The interim government has shown complete contempt for its
commitments," he said' (CRITICISES: CAMEO 11, an accusation made through the press).

Only the reported clause's own verb and object decide, from the word classes of the trigger files (blame_verbs: acts
that are wrongs in themselves, 'violated'; blame_objects: what an act is wrong by, 'contempt', 'disregard';
shelter_verbs with sheltered_groups: 'sponsors armed groups', 'hosts terrorist organisations'); a clause whose verb
is itself a trigger ('said Y had condemned the attack') is the verb rule's, and one the speaker says of itself or
denies blames no one.

Displeasure blames too: 'the United States said it was disappointed that Nauru had switched recognition', 'ministers
are disappointed by the Myanmar military's reluctance' (displeased_words: the feeling, not a fact about the feeler)."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.rules.context import SPEECH_VERBS, Found, RuleContext, _pairs
from extraction.rules.quotes import carried_speakers

# Who may be blamed: acting parties, not bodies of text or places.
BLAMED_KINDS = {"person", "state", "government_body", "igo", "armed_group"}
SAID_DEPS = ("ccomp", "parataxis")


def blame_clause_rule(ctx: RuleContext) -> Iterator[Found]:
    """Speaker -CRITICISES-> the subject of a reported clause whose verb or object names a wrong."""
    for tok in ctx.sent:
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() == "be" or not _blames(ctx, tok):
            continue  # ('Y is a dictator' is the copula-label rule's; the word test first: most verbs fail it)
        clause = _clause_head(tok)
        speech = _speech_of(clause)
        # (a quote's later sentence: '"It also hosts armed groups."', said by the speaker of the one before)
        carried = carried_speakers(ctx) if speech is None and clause.dep_ == "ROOT" else []
        if (speech is None and not carried) or ctx.negated(tok) or ctx.negated(clause) \
                or (speech is not None and ctx.negated(speech)):
            continue
        subj = next((c for c in (tok if tok.dep_ == "conj" else clause).children if c.dep_ == "nsubj"), None) \
            or next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        blamed = [a for a in ctx.np_actors(subj) if ctx.kind(a) in BLAMED_KINDS]
        speakers = [a for a in (ctx.subject_actors(speech) if speech is not None else carried) if a not in blamed]
        own = {ctx.state_of(a) for a in speakers}
        for s, o in _pairs(speakers, [a for a in blamed if a not in own]):
            yield Found(s, "CRITICISES", o, tok.i, f"blame:{tok.lemma_.lower()}", 0.55)


def _clause_head(tok: Token) -> Token:
    """The verb that heads the said clause ``tok`` is in: itself, or the verb it is joined to by 'and' ('hosts
    terrorists and sponsors attacks') or that it completes ('continues to sponsor armed groups')."""
    head = tok
    for _ in range(2):
        if head.dep_ in ("conj", "xcomp") and head.head.pos_ in ("VERB", "AUX"):
            head = head.head
    return head


def _speech_of(head: Token) -> Token | None:
    """The verb of saying whose clause ``head`` heads ('said Y had ...'), or that the parser hung on it ('"Y has
    ...," he said')."""
    if head.dep_ in SAID_DEPS and head.head.lemma_.lower() in SPEECH_VERBS:
        return head.head
    return next((c for c in head.children if c.dep_ in SAID_DEPS and c.lemma_.lower() in SPEECH_VERBS
                 and c.i > head.i), None)


def _blames(ctx: RuleContext, verb: Token) -> bool:
    """The clause's verb is a wrong ('violated', 'sponsors'), or its object is what the act is wrong by ('shown
    contempt', 'hosts terrorist organisations'); a verb the trigger files give a relation of its own reads itself."""
    lemma = verb.lemma_.lower()
    if lemma in ctx.lex.word_class("blame_verbs"):
        return True
    objects = [o for o in verb.children if o.dep_ in ("dobj", "attr")]

    def named(words: frozenset[str]) -> bool:
        return any(o.lemma_.lower() in words or o.lower_ in words or any(
            m.dep_ in ("amod", "compound") and (m.lemma_.lower() in words or m.lower_ in words) for m in o.children)
            for o in objects)
    if lemma in ctx.lex.word_class("shelter_verbs"):
        return named(ctx.lex.word_class("sheltered_groups"))  # 'hosts terrorist organisations', not 'hosts talks'
    if ctx.lex.verb_types(lemma):
        return False
    # ('are trying to back out of it under different pretexts', 'acted in violation of the accord')
    objects += [p for h in (verb, *objects) for c in h.children if c.dep_ == "prep" and c.lower_ in ("under", "in")
                for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in ctx.lex.word_class("wrong_manners")]
    return named(ctx.lex.word_class("blame_objects") | ctx.lex.word_class("wrong_manners"))


def displeasure_rule(ctx: RuleContext) -> Iterator[Found]:
    """Feeler -CRITICISES-> whoever did what displeases it: 'was disappointed that Y ...', 'dismayed by Y's ...'."""
    words = ctx.lex.word_class("displeased_words")
    for tok in ctx.sent:
        if tok.lemma_.lower() not in words and tok.lower_ not in words:
            continue
        head = tok.head if tok.dep_ == "acomp" else tok
        if ctx.negated(tok) or ctx.negated(head) or ctx.blocked(head):
            continue
        feelers = ctx.subject_actors(head) if tok.dep_ == "acomp" else [
            a for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for a in ctx.np_actors(c)]
        if not feelers and tok.dep_ != "acomp" and not any(c.dep_ == "nsubjpass" for c in tok.children):
            feelers = ctx.subject_actors(tok)  # (a passive's subject_actors are its agent: the one who displeased)
        if not feelers and head.dep_ == "ccomp" and head.head.lemma_.lower() in SPEECH_VERBS:
            feelers = ctx.subject_actors(head.head)  # 'ministers say they are disappointed by ...'
        doers = [a for c in tok.children if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that"
                                                                      for m in c.children)
                 for s_ in c.children if s_.dep_ in ("nsubj", "nsubjpass") for a in ctx.np_actors(s_)]
        doers += [a for c in tok.children if (c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("at", "over", "with")))
                  for p in c.children if p.dep_ == "pobj" for a in ctx.np_actors(p)]
        own = {ctx.state_of(a) for a in feelers}
        for s, o in _pairs(feelers, [a for a in doers if a not in own and ctx.kind(a) in BLAMED_KINDS]):
            yield Found(s, "CRITICISES", o, tok.i, f"displeasure:{tok.lemma_.lower()}", 0.55)

