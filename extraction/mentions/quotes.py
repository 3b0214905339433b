"""Pass 'quotes': inside a quote of several sentences, 'I/me/my' is its one speaker and 'we/us/our' the speaker's
state (or the organisation that speaks)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from extraction.mentions.lookup import Lookup
from extraction.mentions.model import ActorInfo, FindState, Mention

# A quotation: straight or curly quotes around at least a few words (the inner text is group 1).
_QUOTE = re.compile(r"[\"“]([^\"“”\n]{8,3000})[\"”]")
SPEECH_VERBS = {"say", "tell", "add", "write", "state", "declare", "warn", "insist", "argue", "note", "stress"}


def find_quoted_speakers(lk: Lookup, st: FindState) -> list[Mention]:
    """A quote that runs over several sentences has one speaker, named once ('"... We will answer it. ...,"
    Ruginienė told reporters'): inside it 'I/me/my' is the speaker, 'we/us/our' the speaker's state (or the
    organisation that speaks)."""
    doc, spans, actors, taken = st.doc, st.spans, st.actors, st.taken
    by_token = {i: m for m in spans for i in range(m.start, m.end)}
    out = []
    last: tuple[int, str] | None = None  # where the last attributed quote's sentence ends, and its speaker
    for q in _QUOTE.finditer(doc.text):
        inner = doc.char_span(q.start(1), q.end(1), alignment_mode="expand")
        if inner is None or len(inner) < 3:
            continue
        speaker = _speaker(doc, inner.start, inner.end, by_token, actors)
        if speaker is None and last is not None and _continues(doc, last[0], inner.start):
            # '"...," X said. "We will answer it."': a quote of its own right after an attributed one, with
            # nothing said between, goes on in the same voice (wire copy splits one speech over paragraphs)
            speaker = last[1]
        if speaker is None:
            last = None  # an unattributed quote breaks the chain: the next one is no longer surely the same voice
            continue
        end_tok = doc[min(inner.end, len(doc) - 1)]
        last = (end_tok.sent.end, speaker)
        info = actors[speaker]
        group = speaker if info.kind != "person" else info.state or _titled_state(lk, doc, speaker, spans)
        for tok in inner:
            if tok.i in taken or tok.tag_ not in ("PRP", "PRP$"):
                continue
            low = tok.lower_
            aid = speaker if low in ("i", "me", "my") and info.kind == "person" else \
                group if low in ("we", "us", "our") else None
            framed = _as_frame(tok, by_token) if low == "we" else None
            if framed is not None:
                aid = framed[0]  # 'As the EU, we must ...': the body named; 'We as the world' no actor
            if aid:
                if aid not in actors and aid in lk.gz:
                    lk.info(actors, aid)
                if aid in actors:
                    out.append(Mention(tok.i, tok.i + 1, (aid,), "quote", tok.text))
    return out


def _as_frame(we: Token, by_token: dict[int, Mention]) -> tuple[str | None] | None:
    """'As the EU, we must ...', 'We as the international community must ...', 'we, as members of the AU, ...':
    'we' speaks in the capacity the 'as' phrase names: that actor when it is one mention, no one when it names no
    actor (the world, neighbours); None when there is no such phrase."""
    doc = we.doc
    as_tok = None
    if we.i + 1 < len(doc) and doc[we.i + 1].lower_ == "as":
        as_tok = doc[we.i + 1]  # 'We as the international community'
    elif we.i + 2 < len(doc) and doc[we.i + 1].text == "," and doc[we.i + 2].lower_ == "as":
        as_tok = doc[we.i + 2]  # 'we, as members of the AU,'
    elif we.i >= 3 and doc[we.i - 1].text == ",":
        k = we.i - 2
        while k > max(we.sent.start, we.i - 10) and doc[k].lower_ != "as" and not doc[k].is_punct:
            k -= 1
        first = k == we.sent.start or doc[k - 1].is_punct or doc[k - 1].is_space
        if doc[k].lower_ == "as" and first:
            as_tok = doc[k]  # 'As the EU, we'
    if as_tok is None:
        return None
    objs = [c for c in as_tok.children if c.dep_ == "pobj"]
    if not objs:
        return None
    obj = objs[0]
    words = range(obj.left_edge.i, obj.right_edge.i + 1)
    named = {by_token[i].actors for i in words if i in by_token}
    if obj.lower_ in ("members", "member", "part") and named:
        return None  # 'as members of the AU': the speaker's own state still speaks
    if len(named) == 1:
        actors = next(iter(named))
        return (actors[0],) if len(actors) == 1 else (None,)
    return (None,) if not named else None


def _continues(doc: Doc, after: int, start: int) -> bool:
    """Whether only the opening quote mark lies between the end of the sentence that attributed the last quote
    (``after``) and a new quote's first word (``start``)."""
    gap = doc[after:start]
    return 0 <= len(gap) <= 2 and all(t.is_punct or t.is_space for t in gap)


def person_state(lk: Lookup, doc: Doc, person: str, spans: list[Mention], actors: dict[str, ActorInfo]) -> str | None:
    """The state a person serves: known to the gazetteer, or named in a title around their name."""
    info = actors.get(person)
    return (info.state if info else None) or _titled_state(lk, doc, person, spans)


def _titled_state(lk: Lookup, doc: Doc, person: str, spans: list[Mention]) -> str | None:
    """The state named in a title before the person's name ('Lithuanian Foreign Minister X')."""
    by_start = {m.end: m for m in spans}
    for m in spans:
        if m.actors != (person,):
            continue
        for j in range(m.start - 1, max(m.start - 5, 0) - 1, -1):
            prev = by_start.get(j + 1)
            if prev is not None and len(prev.actors) == 1 and prev.actor in lk.gz \
                    and lk.gz.get(prev.actor).kind == "state" \
                    and all(lk.lex.role_of(doc[k].text) or doc[k].is_title or k in _in_role(lk, doc, j + 1, m.start)
                            or (k == j + 1 and doc[k].text in ("'s", "’s")) for k in range(j + 1, m.start)) \
                    and any(lk.lex.role_of(doc[a:b].text) for a in range(j + 1, m.start)
                            for b in range(a + 1, m.start + 1)):
                return prev.actor
        # 'X, Chile's foreign minister' / 'X, the Chilean foreign minister': the state in an apposed title
        if m.end + 2 < len(doc) and doc[m.end].text == ",":
            k = m.end + 1 + (doc[m.end + 1].lower_ == "the")
            nxt = next((s for s in spans if s.start == k), None)
            if nxt is not None and len(nxt.actors) == 1 and nxt.actor in lk.gz \
                    and lk.gz.get(nxt.actor).kind == "state" and nxt.end + 2 <= len(doc) and any(
                        lk.lex.role_of(doc[a:b].text) for a in (nxt.end, nxt.end + 1) for b in range(a + 1, a + 4)
                        if b <= len(doc)):
                return nxt.actor
    return None


def _in_role(lk: Lookup, doc: Doc, start: int, end: int) -> set[int]:
    """The tokens in ``start:end`` that some role phrase covers ("Nepal's foreign minister": 'foreign minister')."""
    return {k for a in range(start, end) for b in range(a + 1, end + 1) if lk.lex.role_of(doc[a:b].text)
            for k in range(a, b)}


def _speaker(doc: Doc, start: int, end: int, by_token: dict[int, Mention],
             actors: dict[str, ActorInfo]) -> str | None:
    """The subject of the speech verb attached to a quote: after it (', X said') or before it ('X said: "')."""
    def subject_of(verb: Token) -> str | None:
        for c in verb.children:
            if c.dep_ == "nsubj":
                m = by_token.get(c.i)
                if m is not None and len(m.actors) == 1 and not m.place_only and m.actor in actors:
                    return m.actor
        return None
    after = doc[min(end + 1, len(doc) - 1)].sent if end < len(doc) else None
    if after is not None:
        for tok in doc[end : min(after.end, end + 8)]:
            if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX"):
                return subject_of(tok)
    first = doc[start].sent
    for tok in doc[max(first.start, start - 8) : start]:
        if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX") and doc[start - 1].text in (":", ",", '"', "“"):
            return subject_of(tok)
    return None
