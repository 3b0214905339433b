"""Pass 'roles': role nominals ('the U.S. president', "Colombia's foreign minister") resolved to the office holder."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from extraction.mentions.lookup import Lookup
from extraction.mentions.model import ActorInfo, FindState, Mention
from extraction.mentions.words import NAME_PARTICLES
from graph.model import slugify


def find_roles(lk: Lookup, st: FindState) -> list[Mention]:
    """'the U.S. president', "Colombia's president", 'the president of Venezuela' -> the office holder: the one
    the document itself names for that office ('Mexican President X', 'X, the Mexican president'), else the
    gazetteer's holder on the document's date; with no date and no name in the document, no one."""
    doc, actors, when = st.doc, st.actors, st.when
    found = []
    named: dict[tuple[str, str], str] = {}  # (role, state) -> the holder this document names
    for start, end, role in lk.roles_in(doc):
        if _predicate(doc[end - 1]):
            continue  # 'X was elected president of Chile': the phrase says what X became; it names no other holder
        state, start, end = lk.state_of(doc, start, end)
        if state is None and start >= 3 and doc[start - 1].lower_ in HOLDING_QUALIFIERS:
            # "Canada's new foreign minister", "Peru's interim president": the state before the qualifier
            state, wider, end = lk.state_of(doc, start - 1, end)
            start = wider if state is not None else start
        holder = _named_holder(lk, doc, start, end, actors)
        if state is None and holder is not None and holder in lk.gz and not _not_the_holder(doc, start):
            # 'President Andrés Manuel López Obrador' names the holder of the one office of that kind the gazetteer
            # gives him, whenever held: a later "Mexico's president" is he, whatever the document's date
            held = {o.of for o in lk.gz.get(holder).offices if o.role == role}
            if len(held) == 1:
                named.setdefault((role, held.pop()), holder)
            continue
        if state is not None and holder is not None:
            named.setdefault((role, state), holder)
        # Followed by a name ("President Donald Trump"): the name is the mention; titles are read later.
        if end < len(doc) and doc[end].is_title and (doc[end].ent_type_ == "PERSON" or doc[end].pos_ == "PROPN"
                                                     or doc[end].text in lk.forms):
            continue
        if _named_after(doc, end) or holder is not None:
            continue  # "Washington's special envoy to Iraq, Mark Savaya,": the apposed name is the holder
        if state is not None:
            found.append((start, end, role, state))
    out = []
    for start, end, role, state in found:
        holder = named.get((role, state))
        if holder is None:
            if when is None:
                continue  # an undated article's 'Mexico's president' may be any of them: not today's by default
            holders = lk.gz.holders(role, state, when)
            if len(holders) != 1:
                continue
            holder = holders[0]
        if holder in lk.gz:
            lk.info(actors, holder)
        elif holder not in actors:
            continue  # named in the document, but not (yet) an actor we know: leave the role unresolved
        out.append(Mention(start, end, (holder,), "role", doc[start:end].text, role=role, org=state))
    return out


def _named_holder(lk: Lookup, doc: Doc, start: int, end: int, actors: dict[str, ActorInfo]) -> str | None:
    """The person a role phrase is attached to by title or apposition: 'President X', 'X, the president',
    'the president, X': the gazetteer's id for the name (or None when the name is unknown there)."""
    def run(i: int, step: int) -> str | None:
        toks = []
        while 0 <= i < len(doc) and len(toks) < 7 and (
                (doc[i].is_title and doc[i].pos_ == "PROPN") or (toks and doc[i].lower_ in NAME_PARTICLES)
                or (toks and doc[i].text == "-" and not doc[i].whitespace_ and not doc[i - 1].whitespace_)):
            # ('Fils-Aimé': a hyphenated surname is one name)
            toks.append(doc[i])
            i += step
        if not toks:
            return None
        toks.sort(key=lambda t: t.i)
        name = doc[toks[0].i : toks[-1].i + 1]
        aid = lk.gz.lookup(name.text)
        if aid is not None:
            return aid if lk.gz.get(aid).kind == "person" else None
        if toks[-1].text == "-" or toks[0].text == "-":
            return None
        if len(toks) >= 2 and all(t.ent_type_ == "PERSON" for t in toks if t.lower_ not in NAME_PARTICLES | {"-"}):
            # a person the gazetteer lacks: the id the NER mention of the same name will get
            aid = slugify(name.text)
            actors.setdefault(aid, ActorInfo(aid, name.text, "person", {name.text}))
            return aid
        return None
    after = run(end, 1) if end < len(doc) else None
    if after is None and end + 1 < len(doc) and doc[end].text == ",":
        after = run(end + 1, 1)
    before = None
    if start >= 3 and doc[start - 1].lower_ == "the" and doc[start - 2].text == ",":
        before = run(start - 3, -1)  # 'X, the Mexican president'
    elif start >= 2 and doc[start - 1].text == "," and (end >= len(doc) or doc[end].text in (",", ".")):
        before = run(start - 2, -1)  # "X, Norway's foreign minister, said"
    return after or before


# Words between a state and its office that leave the bearer the holder: "Canada's new foreign minister".
HOLDING_QUALIFIERS = {"new", "acting", "interim", "current", "sitting"}

# Words before a title that make its bearer someone other than the office's holder: 'Former President X',
# 'Deputy Prime Minister X', 'Vice President X', 'the then president X'.
NOT_HOLDER = {"former", "ex", "late", "deputy", "vice", "assistant", "under", "then", "outgoing", "-"}


def _not_the_holder(doc: Doc, start: int) -> bool:
    return any(doc[i].lower_ in NOT_HOLDER for i in range(max(0, start - 2), start))


def _predicate(tok: Token) -> bool:
    """A title said of someone: 'became president', 'named X foreign minister', 'sworn in as prime minister'."""
    return tok.dep_ in ("attr", "oprd") or (tok.dep_ == "pobj" and tok.head.lower_ == "as")


def _named_after(doc: Doc, end: int) -> bool:
    """A role phrase followed, before any verb, by a comma and a person's name: 'the envoy to Iraq, Mark Savaya'."""
    for i in range(end, min(len(doc), end + 6)):
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX") or tok.text in (";", "."):
            return False
        if tok.text == "," and i + 1 < len(doc) and doc[i + 1].ent_type_ == "PERSON":
            return True
    return False
