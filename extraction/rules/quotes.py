"""The speaker of a quote that runs over several sentences: '"Iran must stop enriching uranium," the minister said.
"It must also free the detained sailors."' The second sentence names no speaker; the one who said the first said it.

Read only for a sentence that opens with a quotation mark and holds no verb of saying, from the sentence before it
(or the one before that, for a quote of three sentences) when that one quotes and names its speaker."""

from __future__ import annotations

from spacy.tokens import Span

from extraction.rules.context import SPEECH_VERBS, RuleContext

OPENING_QUOTES = {'"', "“", "‘"}
# How many sentences back a quote's attribution may be.
QUOTE_REACH = 2


def opens_quote(sent: Span) -> bool:
    """The sentence begins a quoted passage ('"It must also ...')."""
    return len(sent) > 0 and sent[0].text in OPENING_QUOTES


def said_here(sent: Span) -> bool:
    return any(t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX") for t in sent)


def carried_speakers(ctx: RuleContext) -> list[str]:
    """Who says this quoted sentence when it names no speaker: the speaker of the quote in the sentence before; []
    when this sentence is not such a quote or the one before names no speaker of a quote."""
    sent = ctx.sent
    if not opens_quote(sent) or said_here(sent):
        return []
    doc = sent.doc
    start = sent.start
    for _ in range(QUOTE_REACH):
        if start == 0:
            return []
        prev = doc[start - 1].sent
        if not any(t.text in OPENING_QUOTES | {"”", "’"} for t in prev):
            return []  # the passage before is no quote: this one opens a new, unattributed quote
        for t in prev:
            if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX") and not ctx.negated(t):
                found = ctx.subject_actors(t)
                if found:
                    return found
        if not opens_quote(prev):
            return []
        start = prev.start
    return []
