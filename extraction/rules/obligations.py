"""What a speaker says another actor should or must do: 'X said that the United States should play a direct role',
'"Iran must stop enriching uranium," the minister said' (DEMANDS: CAMEO 10, a demand made through the press).

Only a named actor that is the active subject of the clause is asked ('Y must withdraw'); 'the talks must go on',
'X's policy must remain united' and 'Y must be held accountable' (a passive: what others should do to Y) ask no one,
and a speaker saying what it should do itself asks no one either."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.rules.context import SPEECH_VERBS, Found, RuleContext, _pairs

# Modals of obligation; 'will', 'would', 'could' state or guess instead.
OBLIGING = {"should", "must", "ought"}
# How a said clause hangs on its speech verb: 'said that Y must' (ccomp), '"Y must ...," X said' (the parser may
# make the speech verb a parataxis or conjunct of the quoted clause's verb instead).
SAID_DEPS = ("ccomp", "parataxis")


def obligation_rule(ctx: RuleContext) -> Iterator[Found]:
    """Speaker -DEMANDS-> the actor the speaker says should or must act."""
    for tok in ctx.sent:
        if tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ in OBLIGING for c in tok.children):
            continue
        speech = _speech_verb(tok)
        if speech is None or ctx.negated(speech):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or ctx.m.at(subj) is None or subj.pos_ == "PRON":
            continue  # 'the talks must continue'; 'it should' (what the speaker itself will do, as a rule)
        asked = ctx.np_actors(subj)
        speakers = ctx.subject_actors(speech)
        for s, o in _pairs(speakers, [a for a in asked if a not in speakers]):
            yield Found(s, "DEMANDS", o, tok.i, "obligation:" + next(
                c.lower_ for c in tok.children if c.dep_ == "aux" and c.lower_ in OBLIGING), 0.6)


def _speech_verb(tok: Token) -> Token | None:
    """The verb of saying whose clause ``tok`` heads, or that hangs on ``tok`` as the parser's inversion of a quote."""
    if tok.dep_ in SAID_DEPS and tok.head.lemma_.lower() in SPEECH_VERBS:
        return tok.head
    return next((c for c in tok.children if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in SPEECH_VERBS
                 and c.i > tok.i), None)
