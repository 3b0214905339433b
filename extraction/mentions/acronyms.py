"""Passes 'acronym-definitions' and 'acronyms': 'the Alliance of Sahel States (AES)' or 'the Union of South American
Nations, UNASUR, said' defines AES / UNASUR (and makes the unknown name before it an actor); a later 'AES' is that
actor."""

from __future__ import annotations

from spacy.tokens import Doc

from extraction.mentions.lookup import Lookup
from extraction.mentions.model import ActorInfo, FindState, Mention
from extraction.mentions.words import PARTICLES, context_kind
from graph.model import slugify


def find_acronym_definitions(lk: Lookup, st: FindState) -> list[Mention]:
    """'the Alliance of Sahel States (AES)': define AES; an unknown name whose initials match becomes an actor."""
    doc, spans, actors, taken, acronyms = st.doc, st.spans, st.actors, st.taken, st.acronyms
    by_end = {m.end: m for m in spans if not m.place_only}
    out = []
    for tok in doc[1:-2]:
        acr, close = doc[tok.i + 1], doc[tok.i + 2]
        if tok.text != "(" or close.text != ")" or not (acr.text.isupper() and acr.text.isalpha()
                                                          and 2 <= len(acr.text) <= 8):
            continue
        if acr.text in lk.forms:
            continue  # a known acronym names its own actor
        m = by_end.get(tok.i)
        if m is not None and _state_ends_longer_name(lk, doc, m, acr.text):
            continue  # 'the Communist Party of Cuba (PCC)': the acronym is the party's, not Cuba's
        if m is None:
            m = _expansion(lk, doc, tok.i, acr.text, actors, taken)
            if m is None:
                continue
            out.append(m)
        acronyms.setdefault(acr.text, m.actors)
        for a in m.actors:
            if a in actors:
                actors[a].aliases.add(acr.text)
    for tok in doc[1:-2]:
        m = _comma_definition(lk, st, tok.i)
        if m is not None:
            out.append(m)
    return out


def _comma_definition(lk: Lookup, st: FindState, comma: int) -> Mention | None:
    """'the Union of South American Nations, UNASUR, said': an organisation's name, then its acronym between
    commas. The acronym need not spell the name (it may come from another language), so the name must be two or
    more capitalised words starting with the acronym's letter, the acronym must be unknown or name an organisation
    of the same first letter, and the comma after it must not go on with a list ('X, NATO, and Y', 'A, UN, B').
    An unknown acronym is defined for later bare uses; the long name of a known one ('the Community of Latin
    American and Caribbean Countries, CELAC') is that actor, not one of its own."""
    doc, actors, taken = st.doc, st.actors, st.taken
    acr = doc[comma + 1]
    text = acr.text
    if doc[comma].text != "," or comma + 2 >= len(doc) or doc[comma + 2].text not in (",", ".") \
            or not (text.isupper() and text.isalpha() and 3 <= len(text) <= 8) or text in st.acronyms \
            or comma in taken or comma - 1 in taken or (acr.i in taken and text not in lk.forms):
        return None
    if doc[comma + 2].text == "," and comma + 3 < len(doc) and (doc[comma + 3].lower_ in ("and", "or")
                                                               or not doc[comma + 3].is_lower):
        return None  # a list goes on after it
    start, words = comma, 0
    while start > 0 and comma - start < 12:
        t = doc[start - 1]
        if t.i in taken or not ((t.is_title and t.pos_ in ("PROPN", "NOUN", "ADJ")) or (
                words and t.lower_ in ("of", "for", "and", "the") and doc[start].is_title and t.i > 0
                and doc[t.i - 1].is_title)):
            break
        start -= 1
        words += t.is_title
    if words < 2 or doc[start].text[:1] != text[:1] or doc[start].is_sent_start:
        return None
    span = doc[start:comma]
    known = lk.forms.get(text)
    if known is not None:
        aid, via = known
        if via != "name" or aid not in lk.gz or lk.gz.get(aid).kind in ("person", "state"):
            return None
        info = lk.info(actors, aid)
    else:
        kind = context_kind(span) or lk.lex.org_kind(span) or "other_org"
        if kind in ("person", "state"):
            return None
        aid = slugify(span.text)
        info = actors.setdefault(aid, ActorInfo(aid, span.text, kind, {span.text}))
        st.acronyms[text] = (aid,)
    info.aliases.update((span.text, text))
    return Mention(start, comma, (aid,), "acronym", span.text)


def _state_ends_longer_name(lk: Lookup, doc: Doc, m: Mention, acr: str) -> bool:
    """A state named after 'of' just before '(ACR)', whose initials do not spell ACR: the end of a longer name."""
    if len(m.actors) != 1 or m.actors[0] not in lk.gz or m.start < 1 or doc[m.start - 1].lower_ != "of":
        return False
    entry = lk.gz.get(m.actors[0])
    initials = "".join(w[0] for w in m.text.split() if w[:1].isupper())
    return entry.kind == "state" and acr != initials and acr not in entry.aliases and acr != entry.iso2


def _expansion(lk: Lookup, doc: Doc, paren: int, acr: str, actors: dict[str, ActorInfo],
               taken: set[int]) -> Mention | None:
    """The capitalised words before '(ACR)' whose initials spell ACR (Schwartz–Hearst style)."""
    start = paren
    initials = ""
    while start > 0 and paren - start < 10:
        tok = doc[start - 1]
        if tok.i in taken or not (tok.is_title or tok.lower_ in PARTICLES or tok.lower_ in ("of", "for", "and")):
            break
        start -= 1
        if tok.is_title:
            initials = tok.text[0] + initials
            if initials == acr:
                span = doc[start:paren]
                kind = context_kind(span) or lk.lex.org_kind(span) or "other_org"
                aid = slugify(span.text)
                actors.setdefault(aid, ActorInfo(aid, span.text, kind, {span.text}))
                return Mention(start, paren, (aid,), "acronym", span.text)
    return None


def find_acronyms(lk: Lookup, st: FindState) -> list[Mention]:
    """Later uses of the acronyms the document defined."""
    doc, acronyms, taken = st.doc, st.acronyms, st.taken
    out = []
    for tok in doc:
        if tok.text in acronyms and tok.i not in taken:
            out.append(Mention(tok.i, tok.i + 1, acronyms[tok.text], "acronym", tok.text))
    return out
