"""Round 4 (crit): stances on real-style copy that the trigger files' examples cannot state (headlines, whole
documents, taxonomy edges). Our own sentences, written the way wire copy is."""

from __future__ import annotations

from extraction.extractor import Extractor
from graph.model import Document


def _triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    ext = extractor.extract(Document(id="t", text=text, date="2026-03-10"))
    return {(r.source, r.type, r.target) for r in ext.relations}


def test_a_headline_compound_noun_is_no_verb(extractor):
    # 'ceasefire talks' at the end of a headline is read as a verb conjoined with 'urge': the urgers do not talk
    got = _triples(extractor, "Turkey, Egypt urge Armenia and Azerbaijan to resume peace talks\n\n"
                              "ANKARA, May 2 - Turkey and Egypt on Friday urged Armenia and Azerbaijan to return "
                              "to the table.")
    assert ("turkey", "DEMANDS", "armenia") in got
    assert not {t for t in got if t[1] == "NEGOTIATES" and {t[0], t[2]} == {"turkey", "egypt"}}


def test_a_conjoined_verb_with_its_and_still_counts(extractor):
    got = _triples(extractor, "Kenya met Uganda's delegation and talks with Sudan on Friday.")
    assert ("kenya", "MEETS", "uganda") in got or ("uganda", "MEETS", "kenya") in got


def test_speaking_to_a_news_organisation_is_an_interview_not_talks(extractor):
    got = _triples(extractor, "Speaking to Al Jazeera, Erdogan said the war in Gaza must end.")
    assert not {t for t in got if t[1] == "NEGOTIATES"}
    got = _triples(extractor, "Erdogan spoke to Putin by phone on Tuesday.")
    assert ("recep-tayyip-erdogan", "NEGOTIATES", "vladimir-putin") in got \
        or ("vladimir-putin", "NEGOTIATES", "recep-tayyip-erdogan") in got


def test_concerns_about_a_pact_named_before_target_its_parties(extractor):
    got = _triples(extractor, "Vanuatu signed a security pact with China on Tuesday. "
                              "Fiji voiced concerns about the pact on Wednesday, its foreign ministry said.")
    assert {("fiji", "CRITICISES", "vanuatu"), ("fiji", "CRITICISES", "china")} <= got


def test_concerns_about_nothing_hostile_criticise_no_one(extractor):
    got = _triples(extractor, "Japan raised concerns about the cost of the new embassy in Kenya.")
    assert not {t for t in got if t[1] == "CRITICISES"}


def test_unnamed_critics_after_but_are_not_the_earlier_clause_s_actor(extractor):
    got = _triples(extractor, "The AU has tried to set up talks, but diplomats and observers have criticised the "
                              "process, supported by the UN and Chad, for inefficiency.")
    assert not {t for t in got if t[1] == "CRITICISES"}
    got = _triples(extractor, "The AU has tried to set up talks, but Chad has criticised the AU for inefficiency.")
    assert ("chad", "CRITICISES", "african-union") in got
