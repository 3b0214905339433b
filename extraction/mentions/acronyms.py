"""Passes 'acronym-definitions' and 'acronyms': 'the Alliance of Sahel States (AES)' defines AES (and makes an unknown
name whose initials spell it an actor); a later 'AES' is that actor."""

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
    return out


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
