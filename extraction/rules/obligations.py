"""What a speaker says another actor should or must do: 'X said that the United States should play a direct role',
'"Iran must stop enriching uranium," the minister said' (DEMANDS: CAMEO 10, a demand made through the press).

Only a named actor that is the active subject of the clause is asked ('Y must withdraw'); 'the talks must go on',
'X's policy must remain united' and 'Y must be held accountable' (a passive: what others should do to Y) ask no one,
and a speaker saying what it should do itself asks no one either. An NGO's or IGO's statement speaks in its
unattributed sentences too: 'Human Rights Watch said today ...' in the lead, then 'The EU should suspend aid.'"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from extraction.rules.context import SPEECH_VERBS, Found, RuleContext, _pairs
from extraction.rules.quotes import carried_speakers

# Modals of obligation; 'will', 'would', 'could' state or guess instead.
OBLIGING = {"should", "must", "ought"}
# How a said clause hangs on its speech verb: 'said that Y must' (ccomp), '"Y must ...," X said' (the parser may
# make the speech verb a parataxis or conjunct of the quoted clause's verb instead).
SAID_DEPS = ("ccomp", "parataxis")
# Authors whose statement speaks in its unattributed sentences: 'Human Rights Watch said today ...' in the lead,
# then 'The EU and Japan should suspend election aid.' (the recommendations of an NGO's or IGO's statement).
AUTHOR_KINDS = {"ngo", "igo"}
# How many sentences from the start the statement's lead may be (after a headline and a publication line).
LEAD_SENTENCES = 5
QUOTES = {'"', "“", "”", "‘", "’", "'"}


def obligation_rule(ctx: RuleContext) -> Iterator[Found]:
    """Speaker -DEMANDS-> the actor the speaker says should or must act."""
    for tok in ctx.sent:
        if tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ in OBLIGING for c in tok.children):
            continue
        speech = _speech_verb(tok)
        if speech is not None and ctx.negated(speech):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or ctx.m.at(subj) is None or subj.pos_ == "PRON":
            continue  # 'the talks must continue'; 'it should' (what the speaker itself will do, as a rule)
        carried = carried_speakers(ctx) if speech is None and tok.dep_ == "ROOT" else []
        if speech is None and not carried and (tok.dep_ != "ROOT" or any(t.text in QUOTES for t in ctx.sent)):
            continue  # a quote's speaker may be named in the next sentence; a clause inside another is not asked
        asked = ctx.np_actors(subj)
        speakers = ctx.subject_actors(speech) if speech is not None else carried or statement_authors(ctx)
        for s, o in _pairs(speakers, [a for a in asked if a not in speakers]):
            yield Found(s, "DEMANDS", o, tok.i, "obligation:" + next(
                c.lower_ for c in tok.children if c.dep_ == "aux" and c.lower_ in OBLIGING), 0.6)


def _speech_verb(tok: Token) -> Token | None:
    """The verb of saying whose clause ``tok`` heads, or that hangs on ``tok`` as the parser's inversion of a quote."""
    if tok.dep_ in SAID_DEPS and tok.head.lemma_.lower() in SPEECH_VERBS:
        return tok.head
    return next((c for c in tok.children if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in SPEECH_VERBS
                 and c.i > tok.i), None)



def statement_authors(ctx: RuleContext) -> list[str]:
    """The NGO or IGO whose statement the document is: the subject of a verb of saying in its lead ('Human Rights
    Watch said today ...'); [] for any other document (a wire story's own sentences recommend nothing)."""
    doc = ctx.sent.doc
    for n, sent in enumerate(doc.sents):
        if n >= LEAD_SENTENCES or sent.start >= ctx.sent.start:
            break
        for tok in sent:
            if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX") and not ctx.negated(tok):
                found = [a for a in ctx.subject_actors(tok) if ctx.kind(a) in AUTHOR_KINDS]
                if found:
                    return found
    return []

