"""Actor mentions: where each actor is named or referred to in a parsed document.

Sources, in order of trust: the gazetteer (names, aliases, demonyms, capitals,
seats of government), state bodies ("Colombia's Foreign Ministry"), role nominals
resolved through offices ("the U.S. president"), spaCy NER for actors the
gazetteer lacks (kind inferred from the name and its context), surnames of
people already named, and pronouns to the nearest compatible person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from extraction.gazetteer import Gazetteer
from extraction.lexicon import Lexicon
from graph.model import slugify

LOCATIVE = {"in", "at", "to", "from", "into", "near", "across", "along", "inside", "outside", "throughout", "toward", "towards"}
MALE = {"he", "him", "his", "himself"}
MOTION_VERBS = {"visit", "tour", "reach", "arrive", "travel", "fly", "land", "leave", "return", "enter", "in", "at", "to",
                "go", "come", "move", "head", "drive", "sail", "flee", "send", "deploy", "ship", "transfer", "relocate",
                "cross", "walk", "march", "bring", "take", "evacuate"}
AGENTIVE_NOUNS = {"officials", "official", "government", "authorities", "forces", "troops", "military", "army",
                  "navy", "soldiers", "mediators", "negotiators", "diplomats", "delegation", "envoy", "ministers",
                  "leaders", "leadership", "administration", "regime", "police", "counterparts", "side", "state",
                  "warplanes", "jets", "drones", "bulldozers", "ships", "vessels", "cutters", "aircraft", "missiles",
                  "strikes", "airstrikes", "officers", "lawmakers", "parliament", "junta", "cabinet", "spokesman",
                  "spokeswoman", "spokesperson", "agents", "intelligence", "prosecutors", "courts", "judges"}
BARE_PROXIES = {"junta", "government", "regime", "administration", "authorities", "leadership", "Government"}
PLACE_PREPS = {"in", "at", "near", "across", "inside", "outside", "throughout", "around", "outskirts"}
STATE_PROXIES = {"administration", "government", "regime", "cabinet", "leadership", "authorities"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs"}


@dataclass
class ActorInfo:
    id: str
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    gender: str | None = None
    state: str | None = None  # the state a body or person belongs to


@dataclass
class Mention:
    start: int                # token index
    end: int                  # token index, exclusive
    actors: tuple[str, ...]   # one actor, or a group ("both leaders")
    via: str                  # which rule found it
    text: str = ""
    place_only: bool = False  # a capital or seat used as a place, not as an actor
    incidental: bool = False  # a state named as a location or a bare adjective ('in Turkey', 'Palestinian
                              # refugees'): usable by rules, but not a sign that the actor acts in the document
    role: str | None = None   # for role nominals ('Hungary's foreign minister'): the office and whose it is
    org: str | None = None

    @property
    def actor(self) -> str:
        return self.actors[0]


@dataclass
class DocMentions:
    mentions: list[Mention]
    actors: dict[str, ActorInfo]
    by_token: dict[int, Mention]
    counts: dict[str, int]
    # who last did what: verb lemma -> actors, filled sentence by sentence by the relation rules
    events: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the last act (sanction, strike, support ...) found, as (sentence start token, doers): 'the move' refers to it
    last_act: tuple[int, tuple[str, ...]] | None = None

    def at(self, tok: Token) -> Mention | None:
        return self.by_token.get(tok.i)


# Lower-case particles inside place names: 'Mocímboa da Praia', 'Mar del Plata', 'Bandar-e Abbas'.
NAME_PARTICLES = {"da", "de", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le"}


class MentionFinder:
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
        by_label: dict[str, list[str]] = {}
        for form, (_aid, via) in forms.items():
            by_label.setdefault(via, []).append(form)
        for via, items in by_label.items():
            self.matcher.add(via, [nlp.make_doc(f) for f in items])
        # Treaties, laws and operations (the gazetteer's not_actors): their words are claimed, no actor made.
        self.not_actor_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.not_actor_matcher.add("not_actor", [nlp.make_doc(f) for f in gazetteer.not_actors])

    # -- public -------------------------------------------------------------

    def find(self, doc: Doc, when: date | None, known: dict[str, ActorInfo] | None = None) -> DocMentions:
        """All mentions in ``doc``; ``known`` maps surnames to people named in earlier documents."""
        actors: dict[str, ActorInfo] = {}
        spans: list[Mention] = []
        taken: set[int] = set()

        def add(m: Mention) -> None:
            if any(i in taken for i in range(m.start, m.end)):
                return
            spans.append(m)
            taken.update(range(m.start, m.end))

        # Named actors, state bodies, role nominals and proxies compete for the same words: the longest
        # span wins ('Colombia's Foreign Ministry' over 'Colombia'), a gazetteer name on a tie.
        priority = {"name": 0, "demonym": 0, "capital": 0, "seat": 0, "body": 1, "role": 2, "proxy": 3}
        for _label, start, end in self.not_actor_matcher(doc):
            taken.update(range(start, end))  # 'the USMCA', 'the United States-Mexico-Canada Agreement'
        candidates = [*self._gazetteer(doc, actors), *self._bodies(doc, actors), *self._roles(doc, actors, when),
                      *self._proxies(doc, actors)]
        for m in sorted(candidates, key=lambda m: (-(m.end - m.start), priority.get(m.via, 9), m.start)):
            add(m)
        acronyms: dict[str, tuple[str, ...]] = {}
        for m in self._acronym_definitions(doc, spans, actors, taken, acronyms):
            add(m)
        for m in self._ner(doc, actors, taken, set(acronyms)):
            add(m)
        for m in self._titled_names(doc, actors, taken):
            add(m)
        spans.sort(key=lambda m: m.start)
        spans += self._acronyms(doc, acronyms, taken)
        spans.sort(key=lambda m: m.start)
        spans = self._surnames(doc, spans, actors, taken, known or {})
        spans += self._bare_proxies(doc, spans, actors, taken)
        spans.sort(key=lambda m: m.start)
        spans = self._pronouns(doc, spans, actors)
        spans.sort(key=lambda m: m.start)
        spans = self._groups(doc, spans, actors)
        spans.sort(key=lambda m: m.start)
        spans += self._group_pronouns(doc, spans)
        spans.sort(key=lambda m: m.start)
        spans += self._quoted_speakers(doc, spans, actors)
        spans.sort(key=lambda m: m.start)
        spans = self._definite_anaphora(doc, spans, actors)
        spans += self._short_names(doc, spans, actors)
        spans.sort(key=lambda m: m.start)
        spans += self._its(doc, spans, actors)
        spans.sort(key=lambda m: m.start)
        spans += self._it(doc, spans, actors)
        spans.sort(key=lambda m: m.start)
        spans = [m for m in spans if not doc[m.start]._.skip]  # datelines and credit lines name no actors
        by_token = {i: m for m in spans for i in range(m.start, m.end)}
        counts: dict[str, int] = {}
        for m in spans:
            if not m.place_only:
                for a in m.actors:
                    counts[a] = counts.get(a, 0) + 1
        return DocMentions(spans, actors, by_token, counts)

    # -- sources -------------------------------------------------------------

    def info(self, actors: dict[str, ActorInfo], aid: str) -> ActorInfo:
        """The actor's info, from the document's mentions or else the gazetteer."""
        return self._info(actors, aid)

    def _info(self, actors: dict[str, ActorInfo], aid: str) -> ActorInfo:
        if aid not in actors:
            e = self.gz.get(aid)
            # The gazetteer's aliases travel with the node, so users find 'USA' even if an article said 'U.S.'.
            actors[aid] = ActorInfo(aid, e.name, e.kind, set(e.aliases), gender=e.gender, state=e.country)
        return actors[aid]

    def _gazetteer(self, doc: Doc, actors: dict[str, ActorInfo]) -> list[Mention]:
        out = []
        matches = sorted(self.matcher(doc), key=lambda m: (-(m[2] - m[1]), m[1]))
        used: set[int] = set()
        for _label, start, end in matches:
            if any(i in used for i in range(start, end)):
                continue
            span = doc[start:end]
            aid, via = self.forms[span.text]
            if self._inside_larger_name(span, aid):
                continue
            # A capital or seat after "in/at/to" is a place, not a government acting.
            place = via in ("capital", "seat") and start > 0 and _is_locative(span)
            if via in ("capital", "seat") and span.root.dep_ in ("dobj", "pobj") \
                    and span.root.head.lemma_.lower() in MOTION_VERBS:
                place = True  # 'visiting Vilnius': a city visited, not a government met
            kind = self.gz.get(aid).kind
            incidental = (kind == "state" and via == "name" and _after_place_prep(span)) or (
                kind in ("state", "igo") and via == "demonym" and not self._agentive(span))  # 'European traders'
            if aid == WORLD_BODY and _un_of_a_state(doc, start, end):
                place = incidental = True  # "Iran's UN mission", 'UN ambassadors': a state's envoys, not the UN
            info = self._info(actors, aid)
            info.aliases.add(span.text) if via == "name" else None
            out.append(Mention(start, end, (aid,), via, span.text, place_only=place, incidental=incidental))
            used.update(range(start, end))
        return out

    def _inside_larger_name(self, span: Span, aid: str) -> bool:
        """'America' in 'Latin America', 'Washington' in 'Washington Post', 'Tirana' in 'Tirana Hassan'."""
        doc = span.doc
        if span.start >= 2 and doc[span.start - 1].text in NAME_PARTICLES and doc[span.start - 2].is_title:
            return True  # 'Praia' in 'Mocímboa da Praia', 'Lima' in 'Ponte de Lima': part of another place's name
        ent = self._entity_at(doc, span.start)
        if ent is None or (ent.start >= span.start and ent.end <= span.end) or span[0]._.headline:
            return False  # in a headline every word is capitalised: the NER's spans mean little
        if ent.label_ == "PERSON" and self.gz.get(aid).kind == "person":
            before = [t for t in ent if t.i < span.start]
            # 'Saddam Haftar' is not Khalifa Haftar: a first name before a bare surname makes another person.
            return len(span) == 1 and any(t.is_title and not self.lex.role_of(t.text) and t.text not in
                                          self.lex.title_words and not _HONORIFIC.match(t.text) for t in before)
        if ent.label_ == "PERSON" and span.start > ent.start and not span.doc[span.start - 1].is_title:
            return False
        if span.start > ent.start and span.doc[span.start - 1].text in ("'s", "’s"):
            return False  # "the Treasury Department's Office of Foreign Assets Control": two names
        if span.end < ent.end and span.doc[span.end].text in ("'s", "’s"):
            return False
        extra = [t for t in ent if t.i < span.start or t.i >= span.end]
        # Titles, demonyms, articles and possessives around a name do not make it a different name.
        return any(t.is_title and t.text not in self.forms and t.text not in self.lex.title_words
                   and t.lower_ not in ("the", "a", "an") for t in extra)

    def _entity_at(self, doc: Doc, i: int) -> Span | None:
        """The named entity holding token ``i``, from an index built once per document: scanning
        ``doc.ents`` for every gazetteer match was quadratic on dense text (minutes for 200 KB)."""
        cached = getattr(self, "_ents", None)
        if cached is None or cached[0] is not doc:
            ents = doc.ents
            at: list[int] = [-1] * len(doc)
            for k, e in enumerate(ents):
                at[e.start:e.end] = [k] * (e.end - e.start)
            cached = self._ents = (doc, ents, at)
        k = cached[2][i]
        return cached[1][k] if k >= 0 else None

    def _proxies(self, doc: Doc, actors: dict[str, ActorInfo]) -> list[Mention]:
        """'the Petro administration', 'the Maduro government': a leader's name before a government noun."""
        out = []
        for tok in doc:
            if tok.lower_ not in STATE_PROXIES or tok.i == 0:
                continue
            j = tok.i - 1
            if doc[j].text in ("'s", "’s") and j > 0:
                j -= 1
            prev = doc[j]
            state = None
            aid = self.forms.get(prev.text, (None, ""))[0]
            if aid is not None and self.gz.get(aid).kind == "person":
                state = self.gz.get(aid).country      # 'the Petro administration'
            elif aid is not None or prev.text in self.gz.demonyms:
                state = self.gz.state_of(prev.text)  # 'the U.S. administration', "Colombia's government"
            if state and aid is not None and self.gz.get(aid).kind == "person":
                # Only the noun: the leader's name stays a mention of the leader ("Orbán's government").
                self._info(actors, state)
                out.append(Mention(tok.i, tok.i + 1, (state,), "proxy", tok.text))
            elif state:
                self._info(actors, state)
                out.append(Mention(prev.i, tok.i + 1, (state,), "proxy", doc[prev.i : tok.i + 1].text))
        return out

    def _bare_proxies(self, doc: Doc, spans: list[Mention], actors: dict[str, ActorInfo],
                      taken: set[int]) -> list[Mention]:
        """'the junta', 'the government', 'Government spokesman': the state the document is mostly about so far."""
        out = []
        for tok in doc:
            if tok.i in taken or tok.lower_ not in BARE_PROXIES:
                continue
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if not ((prev is not None and prev.lower_ == "the") or (tok.is_title and tok.dep_ == "compound")):
                continue
            in_capital = [self.gz.capitals.get(g.text) for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                          for g in c.children if g.dep_ == "pobj" and g.text in self.gz.capitals]
            if in_capital and in_capital[0]:
                out.append(Mention(tok.i, tok.i + 1, (in_capital[0],), "proxy", tok.text))  # 'the government in Tripoli'
                self._info(actors, in_capital[0])
                taken.add(tok.i)
                continue
            if any(c.dep_ in ("poss", "compound", "amod", "prep") and c.lower_ not in ("military",) for c in tok.children):
                continue  # 'the Kenyan government', 'the government of X' are handled elsewhere
            state = self._main_state(doc, spans, actors, tok.i)
            if state:
                out.append(Mention(tok.i, tok.i + 1, (state,), "proxy", tok.text))
                taken.add(tok.i)
        # 'the army', 'the armed forces': the main state's forces.
        for start, end, key in self.lex.find_bodies(doc):
            if key not in ("military", "police", "coast-guard") or any(i in taken for i in range(start, end)):
                continue
            if start == 0 or doc[start - 1].lower_ != "the" or doc[start].pos_ not in ("NOUN", "PROPN"):
                continue
            if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") and doc[end].dep_ != "poss":
                continue  # 'the military camp', 'the army chief' keep their own head
            state = self._last_body_state(doc, spans, actors, key, start) or self._main_state(doc, spans, actors, start)
            if state:
                aid = self._body_actor(state, key, actors)
                out.append(Mention(start, end, (aid,), "body", doc[start:end].text))
                taken.update(range(start, end))
        # 'the Treasury', 'the Foreign Ministry' with no state named: the main state's (a capitalised organ name).
        for start, end, key in self.lex.find_bodies(doc):
            if key in ("military", "police", "coast-guard", "parliament", "embassy") or any(i in taken for i in range(start, end)):
                continue
            if start == 0 or doc[start - 1].lower_ != "the" or not doc[start].is_title or doc[start].pos_ != "PROPN":
                continue
            if end < len(doc) and (doc[end].is_title or doc[end].lower_ == "of"):
                continue  # 'the Treasury Department' (a name), 'the Foreign Ministry of X' (handled elsewhere)
            state = self._main_state(doc, spans, actors, start)
            if state:
                aid = self._body_actor(state, key, actors)
                out.append(Mention(start, end, (aid,), "body", doc[start:end].text))
                taken.update(range(start, end))
        return out

    def _last_body_state(self, doc: Doc, spans: list[Mention], actors: dict[str, ActorInfo], key: str,
                         before: int) -> str | None:
        """The state of the nearest earlier explicit '<State>'s <body>' of this kind, up to four sentences back."""
        far = doc[before].sent.start
        for _ in range(4):
            far = doc[max(far - 1, 0)].sent.start
        for m in sorted(spans, key=lambda m: -m.start):
            if m.start >= before or m.start < far or m.via != "body" or len(m.actors) != 1:
                continue
            info = actors.get(m.actor)
            if info is not None and info.state and m.actor == f"{info.state}-{key}":
                return info.state
        return None

    def _main_state(self, doc: Doc, spans: list[Mention], actors: dict[str, ActorInfo], before: int) -> str | None:
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

    def _groups(self, doc: Doc, spans: list[Mention], actors: dict[str, ActorInfo]) -> list[Mention]:
        """'the two leaders', 'both countries' -> the two most-mentioned people (or states) so far."""
        persons = set(self.lex.group_nouns.get("persons", []))
        states = set(self.lex.group_nouns.get("states", []))
        taken = {i for m in spans for i in range(m.start, m.end)}
        out = list(spans)
        for tok in doc:
            if tok.i in taken or tok.lower_ not in persons | states | {"parties", "camps", "belligerents", "delegations"}:
                continue
            dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod", "predet")}
            if not ({"two", "both"} & dets):
                continue
            if tok.lower_ in persons:
                kinds: tuple[str, ...] = ("person",)
            elif tok.lower_ in ("sides", "parties", "camps", "belligerents", "delegations"):
                kinds = ("state", "armed_group", "other_org")  # the sides of a conflict, not the UN urging them
            else:
                kinds = ("state",)
            # 'Mexico called for restraint from both sides': the one speaking to both sides is neither of them
            verb = tok.head
            for _ in range(4):
                if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                    break
                verb = verb.head
            speakers = {i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for i in
                        range(c.left_edge.i, c.right_edge.i + 1)} if verb.i < tok.i else set()
            excluded = {x for m in spans if m.start in speakers for a in m.actors
                        for x in (a, (actors.get(a).state if actors.get(a) else None)) if x}
            counts: dict[str, int] = {}
            first: dict[str, int] = {}
            recent: list[str] = []  # distinct actors of the right kind, nearest first, within ~2 sentences
            window_start = doc[max(tok.sent.start - 1, 0)].sent.start
            for m in sorted(spans, key=lambda m: -m.start):
                if m.start >= tok.i or len(m.actors) != 1 or m.place_only:
                    continue
                info = actors.get(m.actor)
                aid = m.actor
                if info and info.kind == "government_body" and info.state and "state" in kinds:
                    aid, info = info.state, actors.get(info.state) or self._info(actors, info.state)
                elif info and info.kind == "person" and info.state and "state" in kinds and m.start >= tok.sent.start:
                    # 'Sánchez met Mohammed VI ... and the two sides signed': the states of the people just named
                    aid, info = info.state, actors.get(info.state) or self._info(actors, info.state)
                if info and info.kind in kinds and aid not in excluded:
                    counts[aid] = counts.get(aid, 0) + 1
                    first[aid] = m.start
                    if m.start >= window_start and aid not in recent:
                        recent.append(aid)
            if kinds == ("person",) and tok.lower_ in ("leaders", "presidents", "heads"):
                # 'both leaders' are people who lead something, not the analyst quoted in between
                leaders = [a for a in recent if a in self.gz and self.gz.get(a).offices]
                if len(leaders) >= 2:
                    recent = leaders
                leaders = [a for a in counts if a in self.gz and self.gz.get(a).offices]
                if len(leaders) >= 2:
                    counts = {a: counts[a] for a in leaders}
            # 'Japanese and Philippine troops ... the two countries': the two just named, else the two most named.
            top = recent[:2] if len(recent) >= 2 else sorted(counts, key=lambda a: (-counts[a], first[a]))[:2]
            if len(top) == 2:
                start = min([c.i for c in tok.children if c.dep_ in ("det", "nummod", "predet")] + [tok.i])
                out.append(Mention(start, tok.i + 1, tuple(top), "group", doc[start : tok.i + 1].text))
        return out

    def _quoted_speakers(self, doc: Doc, spans: list[Mention], actors: dict[str, ActorInfo]) -> list[Mention]:
        """A quote that runs over several sentences has one speaker, named once ('"... We will answer it. ...,"
        Ruginienė told reporters'): inside it 'I/me/my' is the speaker, 'we/us/our' the speaker's state (or the
        organisation that speaks)."""
        taken = {i for m in spans for i in range(m.start, m.end)}
        by_token = {i: m for m in spans for i in range(m.start, m.end)}
        out = []
        for q in _QUOTE.finditer(doc.text):
            inner = doc.char_span(q.start(1), q.end(1), alignment_mode="expand")
            if inner is None or len(inner) < 3:
                continue
            speaker = self._speaker(doc, inner.start, inner.end, by_token, actors)
            if speaker is None:
                continue
            info = actors[speaker]
            group = speaker if info.kind != "person" else info.state or self._titled_state(doc, speaker, spans)
            for tok in inner:
                if tok.i in taken or tok.tag_ not in ("PRP", "PRP$"):
                    continue
                low = tok.lower_
                aid = speaker if low in ("i", "me", "my") and info.kind == "person" else \
                    group if low in ("we", "us", "our") else None
                if aid:
                    if aid not in actors and aid in self.gz:
                        self._info(actors, aid)
                    if aid in actors:
                        out.append(Mention(tok.i, tok.i + 1, (aid,), "quote", tok.text))
        return out

    def _titled_state(self, doc: Doc, person: str, spans: list[Mention]) -> str | None:
        """The state named in a title before the person's name ('Lithuanian Foreign Minister X')."""
        by_start = {m.end: m for m in spans}
        for m in spans:
            if m.actors != (person,):
                continue
            for j in range(m.start - 1, max(m.start - 5, 0) - 1, -1):
                prev = by_start.get(j + 1)
                if prev is not None and len(prev.actors) == 1 and prev.actor in self.gz \
                        and self.gz.get(prev.actor).kind == "state" \
                        and all(self.lex.role_of(doc[k].text) or doc[k].is_title for k in range(j + 1, m.start)) \
                        and any(self.lex.role_of(doc[a:b].text) for a in range(j + 1, m.start)
                                for b in range(a + 1, m.start + 1)):
                    return prev.actor
        return None

    @staticmethod
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

    @staticmethod
    def _group_pronouns(doc: Doc, spans: list[Mention]) -> list[Mention]:
        """'called both leaders and appealed to them': 'they'/'them' after a group anaphor in the same sentence."""
        taken = {i for m in spans for i in range(m.start, m.end)}
        out = []
        for m in spans:
            if m.via != "group":
                continue
            sent = doc[m.start].sent
            for tok in doc[m.end : sent.end]:
                if tok.i in taken:
                    continue
                if tok.lower_ in ("they", "them") and tok.tag_ == "PRP":
                    out.append(Mention(tok.i, tok.i + 1, m.actors, "pronoun", tok.text))
                    break
        return out

    def _agentive(self, span: Span) -> bool:
        """'Israeli officials', 'Egyptian mediators', 'the Colombian president': a demonym on an acting noun."""
        head = span.root.head
        word = head.lemma_.lower()
        return (head.i == span.root.i or word in AGENTIVE_NOUNS or self.lex.role_of(head.text) is not None
                or bool(self.lex.noun_types(word)) or bool(self.lex.agent_noun_types(word))
                or head.pos_ == "PROPN")

    def _definite_anaphora(self, doc: Doc, spans: list[Mention], actors: dict[str, ActorInfo]) -> list[Mention]:
        """'the group', 'the bloc', 'the agency': the nearest earlier actor of a fitting kind (two sentences back)."""
        taken = {i for m in spans for i in range(m.start, m.end)}
        out = list(spans)
        for tok in doc:
            kinds = ANAPHORS.get(tok.lower_)
            if kinds is None or tok.i in taken or tok.pos_ != "NOUN":
                continue
            det = [c for c in tok.children if c.dep_ == "det"]
            if not det or det[0].lower_ not in ("the", "this", "that"):
                continue
            world = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.lower_ == "world"]
            if tok.lower_ == "body" and world and WORLD_BODY in self.gz:
                self._info(actors, WORLD_BODY)  # 'the world body'
                out.append(Mention(det[0].i, tok.i + 1, (WORLD_BODY,), "anaphor", doc[det[0].i : tok.i + 1].text))
                taken.update(range(det[0].i, tok.i + 1))
                continue
            if any(c.dep_ in ("compound", "poss", "nmod", "appos", "relcl") or (
                    c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children))
                   for c in tok.children) or tok.dep_ == "appos":
                continue  # 'the Wagner group', 'the group of experts', 'X, the group that ...' name something else
            if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and doc[tok.i + 1].pos_ == "PROPN":
                continue  # 'the group Hayat Tahrir al-Sham' names it
            window = doc[max(tok.sent.start - 1, 0)].sent.start
            if window > 0:
                window = doc[window - 1].sent.start
            pick = None
            if kinds == ("state",) and tok.lower_ in ("country", "nation"):
                pick = self._main_state(doc, spans, actors, tok.i)  # 'the country' is the one the story is about
            if pick is None:
                # 'the mission' after 'the African Union Support and Stabilization Mission': an actor whose own
                # name has the noun as a word, named in the last few sentences, before any nearer actor of the kind
                far = tok.sent.start
                for _ in range(4):
                    far = doc[max(far - 1, 0)].sent.start
                word = tok.lemma_.lower()
                for m in sorted(spans, key=lambda m: -m.start):
                    if m.start >= tok.i or m.start < far or len(m.actors) != 1 or m.place_only:
                        continue
                    info = actors.get(m.actor)
                    if info is not None and info.kind in kinds and info.kind != "state" and any(
                            w.lower().rstrip("s") == word.rstrip("s") for n in (info.name, *info.aliases)
                            for w in n.split()[1:]):
                        pick = m.actor
                        break
            picks: list[str] = []
            plural = tok.tag_ == "NNS" and tok.lower_ in PLURAL_ANAPHORS
            for m in sorted(spans, key=lambda m: -m.start):
                if pick:
                    break
                if m.start >= tok.i or m.start < window or len(m.actors) != 1 or m.place_only:
                    continue
                info = actors.get(m.actor)
                if info is not None and info.kind in kinds and m.actor not in picks:
                    picks.append(m.actor)
                    if not plural or len(picks) == 3:
                        break
            refs = (pick,) if pick else tuple(picks)
            if refs:
                start = det[0].i
                out.append(Mention(start, tok.i + 1, refs, "anaphor", doc[start : tok.i + 1].text))
                taken.update(range(start, tok.i + 1))
        return out

    def _short_names(self, doc: Doc, spans: list[Mention], actors: dict[str, ActorInfo]) -> list[Mention]:
        """'the Rada Deterrence Force' ... 'Rada': an organisation named again by its first word."""
        taken = {i for m in spans for i in range(m.start, m.end)}
        short: dict[str, str] = {}
        for m in spans:
            info = actors.get(m.actor)
            if m.via != "ner" or len(m.actors) != 1 or info is None or info.kind in ("person", "state"):
                continue
            first = doc[m.start]
            if len(m.text.split()) >= 2 and first.is_title and len(first.text) >= 4 and not first.is_stop \
                    and first.text not in self.forms and first.text not in self.lex.title_words:
                short.setdefault(first.text, m.actor)
        out = []
        for tok in doc:
            if tok.text in short and tok.i not in taken and not (tok.i + 1 < len(doc) and doc[tok.i + 1].is_title):
                out.append(Mention(tok.i, tok.i + 1, (short[tok.text],), "short-name", tok.text))
                actors[short[tok.text]].aliases.add(tok.text)
        return out

    def _its(self, doc: Doc, spans: list[Mention], actors: dict[str, ActorInfo]) -> list[Mention]:
        """'its deputy commander': the nearest organisation or state named as a subject just before."""
        taken = {i for m in spans for i in range(m.start, m.end)}
        out = []
        for tok in doc:
            if tok.lower_ != "its" or tok.i in taken:
                continue
            window = doc[max(tok.sent.start - 1, 0)].sent.start
            pick = None
            # 'sanctioned several PMF figures, including its chairman X': a leader's 'its' is the organisation
            # named nearest before it in the sentence, not the subject that acts on it
            leader = self.lex.role_of(tok.head.lower_)
            leads_org = leader is not None and leader.key == "leader"
            pick = self._its_object(doc, tok, spans, actors)  # 'thanked Poland for its support': Poland
            for m in sorted(spans, key=lambda m: -m.start) if pick is None else ():
                if m.start >= tok.i or m.start < window or len(m.actors) != 1 or m.place_only:
                    continue
                info = actors.get(m.actor)
                if info is None or info.kind == "person":
                    continue
                if leads_org and m.start >= tok.sent.start and info.kind in ("armed_group", "igo", "ngo", "other_org",
                                                                             "company"):
                    pick = m.actor
                    break
                root = doc[m.start:m.end].root  # 'The African Union Support ... Mission in Somalia (AUSSOM) has'
                if any(t.dep_ in ("nsubj", "nsubjpass") for t in (doc[m.end - 1], doc[m.end - 1].head, root)):
                    pick = m.actor
                    break
            if pick:
                out.append(Mention(tok.i, tok.i + 1, (pick,), "pronoun", tok.text))
        return out

    @staticmethod
    def _its_object(doc: Doc, tok: Token, spans: list[Mention], actors: dict[str, ActorInfo]) -> str | None:
        """In 'V X for its N' (praised, thanked, criticised, sanctioned X for its N) 'its' is X, when X is
        one organisation or state."""
        noun = tok.head
        if noun.dep_ != "pobj" or noun.head.lower_ != "for":
            return None
        anchor = noun.head.head
        objects = [anchor] if anchor.pos_ in ("NOUN", "PROPN") else [c for c in anchor.children if c.dep_ == "dobj"]
        for obj in objects:
            for m in spans:
                if m.start <= obj.i < m.end and len(m.actors) == 1 and not m.place_only:
                    info = actors.get(m.actor)
                    if info is not None and info.kind != "person":
                        return m.actor
        return None

    def _it(self, doc: Doc, spans: list[Mention], actors: dict[str, ActorInfo]) -> list[Mention]:
        """A subject 'it' stands for an organisation or state only when one candidate fits: the subject of the clause
        it hangs from ('Oman said it remained in contact', 'Russia condemned the seizure and said it was ready'),
        else the only one named as a subject earlier in the sentence, else the previous sentence's only one."""
        by_token = {i: m for m in spans for i in range(m.start, m.end)}
        out = []

        def org(tok: Token) -> str | None:
            m = by_token.get(tok.i)
            if m is None or len(m.actors) != 1 or m.place_only or m.via == "pronoun":
                return None
            info = actors.get(m.actor)
            return m.actor if info is not None and info.kind != "person" else None

        def subjects(lo: int, hi: int) -> set[str]:
            return {a for t in doc[lo:hi] if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ != "it"
                    and (a := org(t)) is not None}

        for tok in doc:
            if tok.lower_ != "it" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.i in by_token:
                continue
            head = tok.head
            if any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children) and any(
                    c.dep_ in ("acomp", "attr") for c in head.children):
                continue  # 'it is unclear whether ...', 'it was time to ...'
            if head.lemma_.lower() in ("seem", "appear", "take", "matter", "rain"):
                continue
            pick = None
            verb = head
            for _ in range(4):  # the subject of the clause 'it' is reported in or coordinated with
                if verb.dep_ not in ("ccomp", "advcl", "conj") or verb.head.i == verb.i:
                    break
                verb = verb.head
                subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    pick = org(subj)
                    break
            if pick is None and not (verb.dep_ in ("ccomp", "advcl", "conj") and verb.head.i != verb.i):
                here = subjects(tok.sent.start, tok.i)
                if len(here) == 1:
                    pick = next(iter(here))
                elif not here and tok.sent.start > 0:
                    prev = doc[tok.sent.start - 1].sent
                    there = subjects(prev.start, prev.end)
                    if len(there) == 1 and not any(t.lower_ == "it" for t in doc[tok.sent.start:tok.i]):
                        pick = next(iter(there))
            if pick:
                out.append(Mention(tok.i, tok.i + 1, (pick,), "pronoun", tok.text))
        return out

    def _bodies(self, doc: Doc, actors: dict[str, ActorInfo]) -> list[Mention]:
        """State bodies: 'Colombia's Foreign Ministry', 'the U.S. military', 'Foreign Ministry of Colombia'."""
        out = []
        for start, end, key in self.lex.find_bodies(doc):
            if end < len(doc) and doc[end].lower_ in STATE_PROXIES | {"junta"}:
                continue  # "Mali's military government" is the government, i.e. the state
            span = doc[start:end]
            state = None
            # "<State>['s] <body>" or "<Demonym> <body>"
            j = start - 1
            if j >= 0 and doc[j].text in ("'s", "’s"):
                j -= 1
            prefix = self._state_ending_at(doc, j)
            if prefix:
                state, pstart = prefix
                span = doc[pstart:end]
                start = pstart
            elif end + 1 < len(doc) and doc[end].lower_ == "of":
                suffix = self._state_starting_at(doc, end + 1)
                if suffix:
                    state, send = suffix
                    span = doc[start:send]
                    end = send
            if state is None:
                continue
            aid = self._body_actor(state, key, actors)
            actors[aid].aliases.add(span.text)
            out.append(Mention(start, end, (aid,), "body", span.text))
        return out

    def _body_actor(self, state: str, key: str, actors: dict[str, ActorInfo]) -> str:
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
                info = self._info(actors, aid)
                info.aliases |= names
                info.state = info.state or state
            else:
                actors[aid] = ActorInfo(aid, f"{demonym} {body.name}", "government_body", names, state=state)
        return aid

    def _state_ending_at(self, doc: Doc, j: int) -> tuple[str, int] | None:
        for length in (4, 3, 2, 1):
            s = j - length + 1
            if s < 0 or j < 0:
                continue
            text = doc[s : j + 1].text
            st = self.gz.state_of(text, exact=True)
            if st:
                return st, s
        return None

    def _state_starting_at(self, doc: Doc, i: int) -> tuple[str, int] | None:
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

    def _roles(self, doc: Doc, actors: dict[str, ActorInfo], when: date | None) -> list[Mention]:
        """'the U.S. president', "Colombia's president", 'the president of Venezuela' -> the office holder: the one
        the document itself names for that office ('Mexican President X', 'X, the Mexican president'), else the
        gazetteer's holder on the document's date; with no date and no name in the document, no one."""
        found = []
        named: dict[tuple[str, str], str] = {}  # (role, state) -> the holder this document names
        for start, end, role in self.lex.find_roles(doc):
            state = None
            j = start - 1
            if j >= 0 and doc[j].text in ("'s", "’s"):
                j -= 1
            pre = self._state_ending_at(doc, j)
            if pre:
                state, start = pre
            elif end + 1 < len(doc) and doc[end].lower_ == "of":
                post = self._state_starting_at(doc, end + 1)
                if post:
                    state, end = post
            holder = self._named_holder(doc, start, end, actors)
            if state is not None and holder is not None:
                named.setdefault((role, state), holder)
            # Followed by a name ("President Donald Trump"): the name is the mention; titles are read later.
            if end < len(doc) and doc[end].is_title and (doc[end].ent_type_ == "PERSON" or doc[end].pos_ == "PROPN"
                                                         or doc[end].text in self.forms):
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
                holders = self.gz.holders(role, state, when)
                if len(holders) != 1:
                    continue
                holder = holders[0]
            if holder in self.gz:
                self._info(actors, holder)
            elif holder not in actors:
                continue  # named in the document, but not (yet) an actor we know: leave the role unresolved
            out.append(Mention(start, end, (holder,), "role", doc[start:end].text, role=role, org=state))
        return out

    def _named_holder(self, doc: Doc, start: int, end: int, actors: dict[str, ActorInfo]) -> str | None:
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
            aid = self.gz.lookup(name.text)
            if aid is not None:
                return aid if self.gz.get(aid).kind == "person" else None
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

    def _ner(self, doc: Doc, actors: dict[str, ActorInfo], taken: set[int], skip: set[str]) -> list[Mention]:
        out = []
        for ent in doc.ents:
            if ent.text in skip or doc[ent.start]._.headline:
                continue
            if any(i in taken for i in range(ent.start, ent.end)):
                # "Machar's SPLM-IO": the owner is already a mention; the rest after the possessive is a name
                cut = next((t.i for t in ent if t.text in ("'s", "’s")), None)
                if cut is None or any(i in taken for i in range(cut + 1, ent.end)) or cut + 1 >= ent.end:
                    continue
                label, ent = ent.label_, doc[cut + 1 : ent.end]
                ent = Span(doc, ent.start, ent.end, label=label)
            span = _trim(ent)
            if span is None:
                continue
            if ent.label_ == "ORG":
                span = self.lex.whole_name(span, taken)  # 'Union Solidarity' of 'Union Solidarity and Development Party'
            if ent.label_ == "PERSON":
                span = _extend_name(span, taken)
            text = span.text
            known = self.gz.lookup(text)
            noun_kind = _org_noun_before(span) if ent.label_ in ("PERSON", "ORG", "GPE") and not known else None
            if noun_kind is not None:
                kind = noun_kind  # "the carriers' association Linava", 'the broadcaster X': the noun says what it is
                known = slugify(text)
            elif ent.label_ == "PERSON" and _plausible_person(span):
                kind = "person"
                # A lone unknown word tagged PERSON is as often a place ('Kati', 'Sikasso'); surnames of people
                # named in full are linked later, so only titled single names are kept here.
                if len(span) == 1 and not known and not _titled(span):
                    continue
                prev = doc[span.start - 1] if span.start > 0 else None
                if not known and ((prev is not None and prev.lower_ in PLACE_PREPS) or _after_place_prep(span)
                                  or _place_of(span)):
                    continue  # 'killed 11 people in Khan Younis', 'the people of Souq al-Juma': places
                if not known and prev is not None and prev.lower_ == "the" and span.root.dep_ == "compound" \
                        and span.root.head.pos_ == "NOUN":
                    continue  # 'the Khan Younis strike': a name used as a modifier after 'the' is not a person
            elif ent.label_ in ("ORG", "NORP", "GPE"):
                context = _context_kind(span)
                kind = context or (self.lex.org_kind(span) if ent.label_ == "ORG" else None)
                if ent.label_ != "ORG" and (kind is None or not self.lex.org_kind(span)):
                    continue  # 'armed Serbs' are people of a nation, not an organisation
                if context and len(span) == 1:
                    known = known or slugify(span.text)  # a cue vouches for one word: 'the oil majors Rosneft
                if kind is None and _person_shaped(span):
                    kind = "person"  # the small model often tags 'Jane Doe of the X Institute' as ORG
                acronym = re.sub(r"[-.&]", "", span.text)
                if kind is None and ent.label_ == "ORG" and acronym.isupper() and acronym.isalpha() \
                        and 3 <= len(acronym) <= 10 and acronym not in NOT_ACTOR_ACRONYMS:
                    kind = "other_org"  # an unknown acronym the NER calls an organisation: 'SPLM-IO'
                if kind is None or (len(span) == 1 and not known and not span.text.isupper()):
                    continue
            else:
                continue
            aid = self.gz.lookup(text) or slugify(text)
            if aid in self.gz:
                self._info(actors, aid)
            elif aid not in actors:
                actors[aid] = ActorInfo(aid, text, kind, {text})
            out.append(Mention(span.start, span.end, (aid,), "ner", text))
        return out

    def _acronym_definitions(self, doc: Doc, spans: list[Mention], actors: dict[str, ActorInfo], taken: set[int],
                             acronyms: dict[str, tuple[str, ...]]) -> list[Mention]:
        """'the Alliance of Sahel States (AES)': define AES; an unknown name whose initials match becomes an actor."""
        by_end = {m.end: m for m in spans if not m.place_only}
        out = []
        for tok in doc[1:-2]:
            acr, close = doc[tok.i + 1], doc[tok.i + 2]
            if tok.text != "(" or close.text != ")" or not (acr.text.isupper() and acr.text.isalpha()
                                                              and 2 <= len(acr.text) <= 8):
                continue
            if acr.text in self.forms:
                continue  # a known acronym names its own actor
            m = by_end.get(tok.i)
            if m is None:
                m = self._expansion(doc, tok.i, acr.text, actors, taken)
                if m is None:
                    continue
                out.append(m)
            acronyms.setdefault(acr.text, m.actors)
            for a in m.actors:
                if a in actors:
                    actors[a].aliases.add(acr.text)
        return out

    def _expansion(self, doc: Doc, paren: int, acr: str, actors: dict[str, ActorInfo],
                   taken: set[int]) -> Mention | None:
        """The capitalised words before '(ACR)' whose initials spell ACR (Schwartz–Hearst style)."""
        start = paren
        initials = ""
        while start > 0 and paren - start < 10:
            tok = doc[start - 1]
            if tok.i in taken or not (tok.is_title or tok.lower_ in _PARTICLES or tok.lower_ in ("of", "for", "and")):
                break
            start -= 1
            if tok.is_title:
                initials = tok.text[0] + initials
                if initials == acr:
                    span = doc[start:paren]
                    kind = _context_kind(span) or self.lex.org_kind(span) or "other_org"
                    aid = slugify(span.text)
                    actors.setdefault(aid, ActorInfo(aid, span.text, kind, {span.text}))
                    return Mention(start, paren, (aid,), "acronym", span.text)
        return None

    def _acronyms(self, doc: Doc, acronyms: dict[str, tuple[str, ...]], taken: set[int]) -> list[Mention]:
        out = []
        for tok in doc:
            if tok.text in acronyms and tok.i not in taken:
                out.append(Mention(tok.i, tok.i + 1, acronyms[tok.text], "acronym", tok.text))
                taken.add(tok.i)
        return out

    def _titled_names(self, doc: Doc, actors: dict[str, ActorInfo], taken: set[int]) -> list[Mention]:
        """Names the NER missed: 'presidential aide Hikmet Hajiyev', 'Choi Eun-ji, a research fellow at ...'."""
        out = []

        def name_run(i: int, step: int) -> tuple[int, int] | None:
            j, words = i, 0
            while 0 <= j < len(doc) and j not in taken and ((doc[j].is_title and doc[j].pos_ == "PROPN")
                                                           or (doc[j].text == "-" and words)):
                words += doc[j].text != "-"
                j += step
            lo, hi = (i, j) if step > 0 else (j + 1, i + 1)
            if 2 <= words <= 4 and not any(doc[k].text in self.forms or self.lex.role_of(doc[k].text)
                                           or doc[k].lower_ in self.lex.title_words for k in range(lo, hi)):
                return lo, hi
            return None

        for tok in doc[:-2]:
            if tok._.headline:
                continue
            if self.lex.role_of(tok.text) or self.lex.role_of(tok.lower_):
                run = name_run(tok.i + 1, 1)
                if run and (run[1] >= len(doc) or not doc[run[1]].is_title):
                    out.append(run)
            if tok.text == "," and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in ("a", "an", "the") \
                    and doc[tok.i + 2].lemma_.lower() in AFFILIATION_NOUNS | {"senior", "research", "former", "visiting"}:
                run = name_run(tok.i - 1, -1)
                if run and (run[0] == tok.sent.start or not doc[run[0] - 1].is_title):
                    out.append(run)
        mentions = []
        for lo, hi in out:
            text = doc[lo:hi].text
            aid = self.gz.lookup(text) or slugify(text)
            if aid in self.gz:
                self._info(actors, aid)
            else:
                actors.setdefault(aid, ActorInfo(aid, text, "person", {text}))
            mentions.append(Mention(lo, hi, (aid,), "titled-name", text))
        return mentions

    def _surnames(self, doc: Doc, spans: list[Mention], actors: dict[str, ActorInfo], taken: set[int],
                  known: dict[str, ActorInfo]) -> list[Mention]:
        """Re-point single names to the full-named person ('Dickinson' -> 'Elizabeth Dickinson').

        People named in full in this document come first, then people named in earlier documents.
        """
        last: dict[str, str] = {}
        for p in [a for a in actors.values() if a.kind == "person"]:
            for key in surname_keys(p.name):
                last.setdefault(key, p.id)
        for key, p in known.items():
            if key not in last and p.id not in self.gz:
                last[key] = p.id
                actors.setdefault(p.id, ActorInfo(p.id, p.name, "person", {p.name}))
        # 'Hassan Sheikh' after 'Hassan Sheikh Mohamud': the first words of a longer name in this document.
        fulls = {p.id: p.name.split() for p in actors.values() if p.kind == "person" and len(p.name.split()) >= 3}
        out = []
        for m in spans:
            info = actors.get(m.actor)
            words = m.text.split()
            longer = [pid for pid, full in fulls.items() if pid != m.actor and len(words) >= 2
                      and len(full) > len(words) and full[: len(words)] == words]
            if m.via == "ner" and info and info.kind == "person" and len(longer) == 1 and m.actor not in self.gz:
                actors[longer[0]].aliases.add(m.text)
                if all(x.actor != m.actor for x in spans if x is not m):
                    actors.pop(m.actor, None)
                out.append(Mention(m.start, m.end, (longer[0],), "surname", m.text))
                continue
            if m.via == "ner" and info and len(m.text.split()) == 1 and m.text in last and last[m.text] != m.actor:
                target = last[m.text]
                actors[target].aliases.add(m.text)
                if m.actor not in self.gz and all(x.actor != m.actor for x in spans if x is not m):
                    actors.pop(m.actor, None)
                m = Mention(m.start, m.end, (target,), "surname", m.text)
            out.append(m)
        # Bare surnames the NER missed or mislabelled (e.g. as GPE).
        for tok in doc:
            if tok.i in taken or tok.text not in last or not tok.is_title:
                continue
            out.append(Mention(tok.i, tok.i + 1, (last[tok.text],), "surname", tok.text))
            taken.add(tok.i)
        return out

    def _pronouns(self, doc: Doc, spans: list[Mention], actors: dict[str, ActorInfo]) -> list[Mention]:
        """he/she/his/her -> the nearest earlier person of compatible gender."""
        spans = sorted(spans, key=lambda m: m.start)
        people_before: list[Mention] = []
        out = list(spans)
        k = 0
        for tok in doc:
            while k < len(spans) and spans[k].start <= tok.i:
                m = spans[k]
                if len(m.actors) == 1 and actors.get(m.actor) and actors[m.actor].kind == "person":
                    people_before.append(m)
                k += 1
            low = tok.lower_
            if low not in MALE and low not in FEMALE:
                continue
            if tok.tag_ not in ("PRP", "PRP$"):
                continue
            want = "male" if low in MALE else "female"
            fits = [m for m in people_before[-8:] if actors[m.actor].gender in (None, want)]
            if not fits:
                continue
            unnamed = [t for t in doc[max(tok.sent.start, fits[-1].end):tok.i]
                       if (t.lemma_.lower() in HUMAN_NOUNS and t.dep_ in ("nsubj", "nsubjpass", "appos")
                       and not self.lex.role_of(t.text)) or (t.lower_ in ("man", "woman") and t.dep_ == "nsubj")]
            if unnamed:
                continue  # 'Police said the man ... his initials': 'his' is the unnamed man
            sent_start = tok.sent.start
            if tok.dep_ in ("dobj", "pobj", "dative"):
                # 'Trump hosted a summit for him': 'him' is not the subject of its own clause
                verb = tok.head.head if tok.dep_ == "pobj" else tok.head
                own = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
                for _ in range(3):  # 'Zelensky hit back at Putin, calling him a liar': the inherited subject too
                    if verb.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or verb.head.i == verb.i:
                        break
                    if verb.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "dobj" and c.i != tok.i for c in verb.head.children):
                        break  # 'prompting the Treasury to add him': the Treasury adds, so 'him' may be the main subject
                    verb = verb.head.head if verb.head.dep_ == "prep" else verb.head
                    own |= {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
                fits = [m for m in fits if not any(i in own for i in range(m.start, m.end))] or fits
            same = [m for m in fits if m.start >= sent_start]
            conj_owner = [m for m in same if tok.head.dep_ == "conj" and tok.head.head.i in range(m.start, m.end)]
            subjects = [m for m in same if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
            if conj_owner:
                pick = conj_owner[-1]  # 'Maduro and his wife'
            elif subjects:
                pick = subjects[-1]  # 'Orbán, who met Putin, ... and he called'
            elif same:
                pick = same[-1]
            else:
                # otherwise prefer the main subject of the previous sentence, then the nearest
                prev = [m for m in fits if doc[m.start].sent.start == doc[fits[-1].start].sent.start]
                subj = [m for m in prev if doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
                        and doc[m.end - 1].head.dep_ == "ROOT"]
                pick = subj[0] if subj else fits[-1]
            out.append(Mention(tok.i, tok.i + 1, (pick.actor,), "pronoun", tok.text))
        return out


def surname_keys(name: str) -> list[str]:
    """'Gimena Sánchez-Garzoli' -> ['Sánchez-Garzoli', 'Sánchez']; single names have none."""
    parts = name.split()
    if len(parts) < 2:
        return []
    last = parts[-1]
    keys = [last]
    if (len(parts) == 3 and len(last) <= 3) or ("-" in last and last.split("-", 1)[1][:1].islower()):
        keys.append(parts[0])  # family name first: 'Kim Jong Un' -> 'Kim', 'Lee Jae-myung' -> 'Lee'
    head, _, rest = last.partition("-")
    if rest and head.lower() in ("al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "ibn", "bin", "abu"):
        keys.append(rest)  # 'al-Burhan' -> 'Burhan'
    elif rest:
        keys.append(head)  # 'Sánchez-Garzoli' -> 'Sánchez'
    return keys


def known_people(nodes: Iterable[tuple[str, dict]]) -> dict[str, ActorInfo]:
    """Surname -> person, for people already in the store, when the surname is not shared."""
    seen: dict[str, list[ActorInfo]] = {}
    for node_id, attrs in nodes:
        if attrs.get("kind") == "person":
            for key in surname_keys(attrs.get("name", "")):
                seen.setdefault(key, []).append(ActorInfo(node_id, attrs["name"], "person"))
    return {k: v[0] for k, v in seen.items() if len(v) == 1}


# Definite descriptions that refer back to a named actor, and the kinds they can refer to.
ANAPHORS = {
    "group": ("armed_group", "ngo", "other_org"), "militia": ("armed_group",), "rebels": ("armed_group",),
    "insurgents": ("armed_group",), "movement": ("armed_group", "other_org"), "faction": ("armed_group", "other_org"),
    "bloc": ("igo",), "alliance": ("igo", "other_org", "armed_group"), "organisation": ("igo", "ngo", "other_org"),
    "organization": ("igo", "ngo", "other_org"), "agency": ("igo", "government_body"), "mission": ("igo",),
    "party": ("other_org",), "coalition": ("other_org", "armed_group"), "country": ("state",),
    "kingdom": ("state",), "republic": ("state",), "company": ("company",), "firm": ("company",),
    "broadcaster": ("media",), "newspaper": ("media",), "council": ("igo", "government_body"),
    "court": ("igo", "government_body", "other_org"), "tribunal": ("igo",), "cartel": ("armed_group",),
    "gang": ("armed_group",), "junta": ("state",), "think-tank": ("ngo",), "institute": ("ngo", "other_org"),
    "report": ("ngo", "igo", "media", "other_org"), "study": ("ngo", "igo", "other_org"),
    "militants": ("armed_group",), "jihadists": ("armed_group",), "militias": ("armed_group",),
    "factions": ("armed_group",), "guerrillas": ("armed_group",), "insurgency": ("armed_group",),
    "body": ("igo", "government_body"), "command": ("government_body",),
    "front": ("armed_group", "other_org"), "office": ("government_body",), "ministry": ("government_body",),
    "framework": ("other_org",), "union": ("igo",), "groups": ("armed_group",),
}
# 'the factions', 'the militias': every such actor named just before (up to three), not only the last.
PLURAL_ANAPHORS = {"factions", "militias", "groups"}
# 'the world body' is the United Nations, whatever was named last.
WORLD_BODY = "united-nations"
AFFILIATION_NOUNS = {"researcher", "fellow", "analyst", "professor", "director", "expert", "economist", "scholar",
                     "lecturer", "spokesman", "spokeswoman", "spokesperson", "official", "adviser", "advisor",
                     "member", "head", "chief", "founder", "editor", "correspondent", "lawyer", "historian"}
NOT_ACTOR_ACRONYMS = {"GDP", "CEO", "COVID", "LNG", "UTC", "GMT", "NGO", "NGOS", "VAT", "HIV", "AIDS", "USD", "EUR",
                      "ICBM", "IED", "UAV", "EEZ", "GPS", "CCTV", "FDI", "IPO", "ETF", "LGBT", "LGBTQ", "MOU", "PDF",
                      "TV", "FTA", "WMD", "SUV", "DNA", "ISP", "ESG", "KYC", "AML", "PPE"}
HUMAN_NOUNS = {"man", "woman", "suspect", "detainee", "prisoner", "soldier", "journalist", "activist", "son",
               "daughter", "wife", "husband", "boy", "girl", "victim", "driver", "pilot", "student", "doctor"}
PLACE_NOUNS = {"people", "residents", "city", "town", "village", "region", "province", "district", "streets",
               "outskirts", "port", "camp", "base", "bases", "airport", "suburb", "neighbourhood", "neighborhood"}


# A quotation: straight or curly quotes around at least a few words (the inner text is group 1).
_QUOTE = re.compile(r"[\"“]([^\"“”\n]{8,3000})[\"”]")
SPEECH_VERBS = {"say", "tell", "add", "write", "state", "declare", "warn", "insist", "argue", "note", "stress"}
# Nouns for a state's representation at the United Nations: 'UN ambassador', "Iran's UN mission".
UN_POSTS = {"ambassador", "ambassadors", "mission", "missions", "envoy", "envoys", "delegation", "delegations",
            "representative", "representatives", "seat", "delegate", "delegates"}


def _un_of_a_state(doc: Doc, start: int, end: int) -> bool:
    """'UN' inside a state's compound: "Iran's UN mission", 'the U.S. UN envoy', 'UN ambassadors' (always a state's);
    but 'the UN envoy for Yemen' is the UN's own."""
    if end >= len(doc) or doc[end].lower_ not in UN_POSTS:
        return False
    if doc[end].lower_ in ("ambassador", "ambassadors", "delegates", "seat"):
        return True
    prev = doc[start - 1] if start > 0 else None
    return prev is not None and (prev.text in ("'s", "’s") or (prev.pos_ == "PROPN" and prev.dep_ == "compound")
                                 or prev.ent_type_ in ("GPE", "NORP"))


def _named_after(doc: Doc, end: int) -> bool:
    """A role phrase followed, before any verb, by a comma and a person's name: 'the envoy to Iraq, Mark Savaya'."""
    for i in range(end, min(len(doc), end + 6)):
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX") or tok.text in (";", "."):
            return False
        if tok.text == "," and i + 1 < len(doc) and doc[i + 1].ent_type_ == "PERSON":
            return True
    return False


def _place_of(span: Span) -> bool:
    """'the people of Souq al-Juma', 'the outskirts of Kharkiv'."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in PLACE_NOUNS


def _after_place_prep(span: Span) -> bool:
    """'in Turkey and Lebanon', 'from Senegal': the name (or the first of a list) follows a place preposition."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    prev_i = tok.left_edge.i - 1
    doc = span.doc
    if prev_i >= 0 and doc[prev_i].lower_ == "the":
        prev_i -= 1
    return prev_i >= 0 and doc[prev_i].lower_ in PLACE_PREPS | {"from", "via", "through", "into", "toward", "towards",
                                                                  "along", "to"}


def _is_locative(span: Span) -> bool:
    """'in Caracas', 'flew to Moscow': a city as a place. 'requests from Pristina' is the government asking."""
    head = span.root
    prev = span.doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ == "the" and span.start > 1:
        prev = span.doc[span.start - 2]
    prep = prev if prev is not None and prev.lower_ in LOCATIVE else (
        head.head if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE else None)
    if prep is None:
        return False
    if prep.lower_ in ("to", "from", "into", "toward", "towards"):
        # direction words make a place only after a verb of motion ('returned from Beijing')
        return prep.head.lemma_.lower() in MOTION_VERBS
    return True


_HONORIFIC = re.compile(
    r"^(mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady|sheikh|sheik|shaikh|emir|prince|princess|king|queen|president|"
    r"minister|senator|sen|rep|representative|governor|gov|general|gen|lt|col|maj|capt|adm|admiral|commander|"
    r"rev|pope|imam|ayatollah|mullah|cardinal|judge|justice|ambassador|envoy|chancellor|premier|prime|mayor)\.?$",
    re.I)
_PARTICLES = {"bin", "bint", "ibn", "al", "al-", "el", "de", "da", "do", "dos", "das", "del", "della", "di", "van",
              "von", "der", "le", "la", "abu", "ould", "ag", "ben", "y"}


def _trim(ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or _HONORIFIC.match(doc[start].text)):
        start += 1
    while end > start and doc[end - 1].text in ("'s", "’s", "'", "’", ".", ",", "-"):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def _extend_name(span: Span, taken: set[int]) -> Span:
    """'Sheikh Mohammed bin Abdulrahman' + 'Al Thani': the NER often stops a name at a particle."""
    doc, end = span.doc, span.end
    while end < len(doc) and end not in taken:
        tok = doc[end]
        nxt = doc[end + 1] if end + 1 < len(doc) else None
        if tok.is_title and tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "") and not tok.is_sent_start:
            end += 1
        elif tok.lower_ in _PARTICLES and nxt is not None and nxt.is_title and nxt.pos_ == "PROPN":
            end += 1
        elif tok.text == "-" and nxt is not None and nxt.is_alpha and nxt.is_lower and end + 1 not in taken \
                and not doc[end - 1].whitespace_ and not tok.whitespace_ and doc[end - 1].is_title:
            end += 2  # 'Cheng Li-wun', 'Lee Jae-myung': the NER stops at the hyphen of a given name
        else:
            break
    return doc[span.start:end]


_CONTEXT_KINDS = {
    "armed_group": {"guerrilla", "guerrillas", "rebel", "rebels", "militia", "militias", "militant", "militants",
                    "insurgent", "insurgents", "jihadist", "jihadists", "cartel", "gang", "paramilitary",
                    "paramilitaries", "armed"},
    "ngo": {"think", "ngo", "nonprofit", "non-profit", "charity", "watchdog", "advocacy", "rights", "humanitarian"},
    "company": {"company", "firm", "giant", "maker", "producer", "corporation", "conglomerate", "lender", "miner",
                "majors", "companies", "firms", "exporter", "exporters", "insurer", "bank", "banks"},
    "media": {"newspaper", "broadcaster", "outlet", "daily", "channel"},
    "other_org": {"party", "movement", "union", "coalition"},
}


# A common noun for an organisation right before its name: 'the carriers' association Linava'.
ORG_NOUN_KINDS = {"association": "other_org", "federation": "other_org", "confederation": "other_org",
                  "syndicate": "other_org", "union": "other_org", "party": "other_org", "company": "company",
                  "firm": "company", "conglomerate": "company", "lender": "company", "broadcaster": "media",
                  "newspaper": "media", "daily": "media", "militia": "armed_group", "watchdog": "ngo", "charity": "ngo"}


def _org_noun_before(span: Span) -> str | None:
    """The kind an organisation noun just before a name gives it ('association Linava'), if it modifies the name."""
    if span.start == 0:
        return None
    prev = span.doc[span.start - 1]
    kind = ORG_NOUN_KINDS.get(prev.lower_)
    if kind is None or not prev.is_lower or not (prev.head.i in range(span.start, span.end)
                                                 or (span.root.head.i == prev.i and span.root.dep_ == "appos")):
        return None
    return kind


def _context_kind(span: Span) -> str | None:
    """Kind of an unknown organisation from the words around it: 'the ELN guerrilla group', 'rights group X'."""
    doc = span.doc
    # Skip a parenthesised acronym: 'the Frente Popular (FP) guerrilla group'.
    after = [t.lower_ for t in doc[span.end : min(len(doc), span.end + 5)] if not t.is_punct and not t.is_upper]
    before = [t.lower_ for t in doc[max(0, span.start - 3) : span.start] if not t.is_punct]
    near = after[:3] + before[-2:]
    if not ({"group", "groups", "organisation", "organization", "tank", "faction", "network"} & set(near)
            or any(w in _CONTEXT_KINDS["armed_group"] | _CONTEXT_KINDS["company"] | _CONTEXT_KINDS["media"]
                   for w in near)):
        return None
    for kind, cues in _CONTEXT_KINDS.items():
        if cues & set(near):
            return kind
    return None


def _titled(span: Span) -> bool:
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and bool(_HONORIFIC.match(prev.text))


def _person_shaped(span: Span) -> bool:
    """Two or three capitalised words followed by ', of/at X' or a speech verb: a person the NER called an org."""
    words = [t for t in span if t.text != "-"]
    if not (2 <= len(words) <= 4) or not all(t.is_title for t in words) or any(t.is_stop for t in words):
        return False
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in ("of", "at", "from") and span.end + 1 < len(doc):
        return True
    head = span.root.head
    return span.root.dep_ == "nsubj" and head.lemma_ in ("say", "tell", "note", "add", "argue", "write", "warn")


# Surnames with an inner capital: 'LeBlanc', 'McCarthy', 'MacArthur', 'DeSantis' ('str.istitle' says no).
_INNER_CAPITAL = re.compile(r"(?:Mc|Mac|Le|La|De|Di|Da|Du|Van|Fitz)[A-Z][a-z]+")


def _plausible_person(span: Span) -> bool:
    return all(t.is_title or _INNER_CAPITAL.fullmatch(t.text) or t.text in ("-", "de", "da", "del", "bin", "al", "van", "von")
               or (t.is_lower and t.i > span.start and span.doc[t.i - 1].text == "-") for t in span) \
        and not any(t.like_num for t in span)
