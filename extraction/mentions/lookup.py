"""What the mention passes look names up in (the gazetteer, the lexicon, one phrase matcher over every
gazetteer form), built once per extractor, and the lookups several passes share."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from extraction.gazetteer import Gazetteer
from extraction.lexicon import Lexicon
from extraction.mentions.model import ActorInfo, FindState, Mention


class Lookup:
    """Read-only after construction: the passes keep a document's state in its FindState, never here."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gz = gazetteer
        self.lex = lexicon
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms: dict[str, tuple[str, str]] = {}
        for form, aid in gazetteer.forms.items():
            if " " in form and lexicon.role_of(form.split()[0]):
                continue  # 'President Xi': the title is read by the relation rules, the name is 'Xi'
            forms.setdefault(form, (aid, "name"))
        # A seat names its institution before a city names its state: 'Brussels' acts for the EU.
        for table, via in ((gazetteer.demonyms, "demonym"), (gazetteer.seats, "seat"), (gazetteer.capitals, "capital")):
            for form, aid in table.items():
                forms.setdefault(form, (aid, via))
        self.forms = forms
        # First words of names of several words: 'Pacific' of 'Pacific Islands Forum' is no one's short name.
        self.first_words = {f.split()[0] for f in forms if " " in f}
        by_label: dict[str, list[str]] = {}
        for form, (_aid, via) in forms.items():
            by_label.setdefault(via, []).append(form)
        for via, items in by_label.items():
            self.matcher.add(via, [nlp.make_doc(f) for f in items])
        # Treaties, laws and operations (the gazetteer's not_actors): their words are claimed, no actor made.
        self.not_actor_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.not_actor_matcher.add("not_actor", [nlp.make_doc(f) for f in gazetteer.not_actors])

    def info(self, actors: dict[str, ActorInfo], aid: str) -> ActorInfo:
        """The actor's info, from the document's mentions or else the gazetteer (added to ``actors``)."""
        if aid not in actors:
            e = self.gz.get(aid)
            # The gazetteer's aliases travel with the node, so users find 'USA' even if an article said 'U.S.'.
            actors[aid] = ActorInfo(aid, e.name, e.kind, set(e.aliases), gender=e.gender, state=e.country)
        return actors[aid]

    def roles_in(self, doc: Doc) -> list[tuple[int, int, str]]:
        """The lexicon's role phrases in ``doc`` (start, end, role), found once per document and kept with it:
        several passes read them."""
        found = doc.user_data.get("actorgraph_roles")
        if found is None:
            found = doc.user_data["actorgraph_roles"] = self.lex.find_roles(doc)
        return found

    def person_tail(self, doc: Doc, name_start: int, start: int, end: int) -> bool:
        """'the Speaker of the U.S. House of Representatives Nancy Pelosi': after a title 'of' the name starting at
        ``name_start``, the words ``start:end`` are its holder's name (two or three capitalised words, none a known
        name, a title or an organisation's head word like 'Agency')."""
        k = name_start - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k < 1 or doc[k].lower_ not in ("of", "to"):
            return False  # ('Ambassador to China Kenji Kanasugi': the posting's place, then the holder)
        title = doc[k - 1]  # 'Speaker', 'Chairman', 'head': a role word or a capitalised title
        if not (self.lex.role_of(title.lower_) or (title.is_title and not title.is_sent_start and title.text not in self.forms)):
            return False
        words = doc[start:end]
        heads = self.lex.head_words()
        return 2 <= len(words) <= 3 and all(t.is_title and t.pos_ == "PROPN" and t.text not in self.forms
                                            and t.text not in self.lex.title_words and not self.lex.role_of(t.text)
                                            and t.text not in heads and t.lower_ not in heads for t in words)

    def body_actor(self, state: str, key: str, actors: dict[str, ActorInfo]) -> str:
        """The actor for body ``key`` of ``state`` (the gazetteer's entry when it has one with that id)."""
        body = self.lex.bodies[key]
        st = self.gz.get(state)
        aid = f"{state}-{key}"
        if aid not in actors:
            short = [a for a in st.aliases if a.replace(".", "").isupper() and len(a) <= 5 and "." in a]
            demonym = short[0] if short else (st.demonyms[0] if st.demonyms else st.name)
            names = {f"{st.name}'s {body.name}", f"{st.name} {body.name}", f"{body.name} of {st.name}"}
            names |= {f"{d} {body.name}" for d in st.demonyms}
            names |= {f"{a} {body.name}" for a in st.aliases if len(a) <= 5}  # "U.S. military"
            if aid in self.gz:
                info = self.info(actors, aid)
                info.aliases |= names
                info.state = info.state or state
            else:
                actors[aid] = ActorInfo(aid, f"{demonym} {body.name}", "government_body", names, state=state)
        return aid

    def state_ending_at(self, doc: Doc, j: int) -> tuple[str, int] | None:
        """'Colombia's ...', 'the U.S. ...': a state's name (or demonym) of up to four words ending at token ``j``."""
        for length in (4, 3, 2, 1):
            s = j - length + 1
            if s < 0 or j < 0:
                continue
            text = doc[s : j + 1].text
            st = self.gz.state_of(text, exact=True)
            if st:
                return st, s
        return None

    def state_of(self, doc: Doc, start: int, end: int) -> tuple[str | None, int, int]:
        """The state whose office or body the words ``start:end`` name, and the words widened to take it in:
        "Colombia's Foreign Ministry", "the Mexican president" (before), "the Minister of Defence of Peru"
        (after); (None, start, end) when neither side names one."""
        j = start - 1
        if j >= 0 and doc[j].text in ("'s", "’s"):
            j -= 1
        before = self.state_ending_at(doc, j)
        if before:
            return before[0], before[1], end
        if end + 1 < len(doc) and doc[end].lower_ == "of":
            after = self.state_starting_at(doc, end + 1)
            if after:
                return after[0], start, after[1]
        return None, start, end

    def state_starting_at(self, doc: Doc, i: int) -> tuple[str, int] | None:
        """'... of Colombia': a state's name (not an adjective like 'Serb', not the start of 'Serb List')."""
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        for length in (4, 3, 2, 1):
            e = i + length
            if e > len(doc):
                continue
            text = doc[i:e].text
            st = self.gz.state_of(text, exact=True)
            if st and text not in self.gz.demonyms and not (e < len(doc) and doc[e].is_title and doc[e].pos_ == "PROPN"):
                return st, e
        return None


def main_state(spans: list[Mention], actors: dict[str, ActorInfo], before: int) -> str | None:
    """The state a story is about so far: the most named, with a head start for the first one named."""
    counts: dict[str, float] = {}
    first = None
    for m in sorted(spans, key=lambda m: m.start):
        if m.start >= before or len(m.actors) != 1:
            continue  # places count too: 'the mission in South Sudan' says what the story is about
        info = actors.get(m.actor)
        state = m.actor if info is not None and info.kind == "state" else (info.state if info else None)
        if state is None or (info is not None and info.kind in ("person", "company")):
            continue  # a company's home state is not what the story is about
        counts[state] = counts.get(state, 0) + 1
        first = first or state
    if first:
        counts[first] += 3
    return max(sorted(counts), key=lambda a: counts[a]) if counts else None


def previous_subject_state(st: FindState, start: int) -> str | None:
    """The one state that is (or whose body or official is) a subject in the sentence before ``start``'s: 'Russia
    reacted coolly. Foreign Ministry spokeswoman X ...'; None when none or several are."""
    doc, actors = st.doc, st.actors
    sent = doc[start].sent
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    found: list[str] = []
    for m in st.spans:
        if not prev.start <= m.start < prev.end or len(m.actors) != 1 or m.place_only:
            continue
        info = actors.get(m.actor)
        state = m.actor if info is not None and info.kind == "state" else (info.state if info else None)
        head = doc[m.end - 1]
        if state and any(a.dep_ in ("nsubj", "nsubjpass") for a in (head, *head.ancestors)
                         if a.sent.start == prev.start) and state not in found:
            found.append(state)
    return found[0] if len(found) == 1 else None
