"""The mention finder: runs the declared passes over a parsed document and hands back its mentions."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from extraction.gazetteer import Gazetteer
from extraction.lexicon import Lexicon
from extraction.mentions.lookup import Lookup
from extraction.mentions.model import ActorInfo, DocMentions, FindState
from extraction.mentions.pipeline import PASSES, Pass, run


class MentionFinder:
    """Built once per extractor (the phrase matcher over every gazetteer form is the costly part); holds no state
    of any document, so one finder serves every document in turn."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer, lexicon: Lexicon,
                 passes: tuple[Pass, ...] = PASSES) -> None:
        self.lookup = Lookup(nlp, gazetteer, lexicon)
        self.passes = passes

    def find(self, doc: Doc, when: date | None, known: dict[str, ActorInfo] | None = None) -> DocMentions:
        """All mentions in ``doc``; ``known`` maps surnames to people named in earlier documents."""
        st = FindState(doc, when, known or {})
        run(self.passes, self.lookup, st)
        spans = [m for m in st.spans if not doc[m.start]._.skip]  # datelines and credit lines name no actors
        by_token = {i: m for m in spans for i in range(m.start, m.end)}
        counts: dict[str, int] = {}
        for m in spans:
            if not m.place_only:
                for a in m.actors:
                    counts[a] = counts.get(a, 0) + 1
        return DocMentions(spans, st.actors, by_token, counts, when)

    def info(self, actors: dict[str, ActorInfo], aid: str) -> ActorInfo:
        """The actor's info, from the document's mentions or else the gazetteer."""
        return self.lookup.info(actors, aid)
