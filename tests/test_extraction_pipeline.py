"""Mention finding as a declared pipeline, and the discourse the relation rules hand on: the merge step, the
passes as configuration, a finder that keeps no document's state, and rules that may record only when declared."""

from __future__ import annotations

import dataclasses
from typing import get_args

import pytest
import spacy

from extraction import extractor as extractor_module
from extraction.discourse import Discourse, UndeclaredRecording
from extraction.extractor import Extractor
from extraction.mentions import PASSES, FindState, Mention, MentionFinder
from extraction.mentions.pipeline import Merge, merge
from extraction.rules import RULES
from graph.model import Document


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _state() -> FindState:
    return FindState(spacy.blank("en")("one two three four five six"), None, {})


def test_longest_span_wins_then_the_kind_of_source_then_the_earlier():
    st = _state()
    merge(st, [Mention(0, 1, ("a",), "name"), Mention(0, 2, ("b",), "body"), Mention(2, 3, ("c",), "proxy"),
               Mention(2, 3, ("d",), "name"), Mention(3, 4, ("e",), "role"), Mention(3, 4, ("f",), "role")], "longest")
    assert [(m.start, m.actor) for m in st.spans] == [(0, "b"), (2, "d"), (3, "e")]
    assert st.taken == {0, 1, 2, 3}


def test_free_mentions_keep_to_free_tokens_in_the_order_found_and_added_ones_all_stay():
    st = _state()
    merge(st, [Mention(2, 4, ("a",), "ner")], "free")
    merge(st, [Mention(3, 5, ("b",), "ner"), Mention(0, 1, ("c",), "ner"), Mention(0, 2, ("d",), "ner")], "free")
    assert [m.actor for m in st.spans] == ["c", "a"]
    merge(st, [Mention(5, 6, ("e",), "pronoun"), Mention(1, 2, ("f",), "pronoun")], "add")
    assert [m.actor for m in st.spans] == ["c", "f", "a", "e"] and st.taken == {0, 1, 2, 3, 5}
    merge(st, [Mention(0, 1, ("g",), "surname")], "rewrite")
    assert [m.actor for m in st.spans] == ["g"]


def test_every_pass_is_declared_once_with_a_known_merge():
    names = [p.name for p in PASSES]
    assert len(names) == len(set(names))
    assert {p.merge for p in PASSES} <= set(get_args(Merge))
    assert names.index("not-actors") < names.index("names")  # a treaty's words are claimed before any name is read
    assert names.index("surnames") < names.index("pronouns") < names.index("groups")  # people first, then references


def test_the_passes_are_configuration(extractor):
    doc = extractor.nlp("Gustavo Petro spoke on Monday. He said Colombia would not yield.")
    full = extractor.finder.find(doc, None)
    assert ("He", "gustavo-petro", "pronoun") in {(m.text, m.actor, m.via) for m in full.mentions}
    without = MentionFinder(extractor.nlp, extractor.gz, extractor.lex,
                            passes=tuple(p for p in PASSES if p.name != "pronouns"))
    assert "He" not in {m.text for m in without.find(doc, None).mentions}


def test_the_finder_keeps_no_state_of_an_earlier_document(extractor):
    first = extractor.nlp("The African Union (AU) met in Addis Ababa. Abiy Ahmed welcomed the AU delegation.")
    second = extractor.nlp("Kenya's President William Ruto met Abiy Ahmed. The AU said he had left.")
    extractor.finder.find(first, None)
    after = extractor.finder.find(second, None)
    fresh = MentionFinder(extractor.nlp, extractor.gz, extractor.lex).find(second, None)
    assert [vars(m) for m in after.mentions] == [vars(m) for m in fresh.mentions]
    assert list(after.actors) == list(fresh.actors)


def test_a_discourse_takes_records_only_inside_a_declared_window():
    d = Discourse()
    with pytest.raises(UndeclaredRecording):
        d.record_event("launch", ("russia",))
    with d.recording("verb"):
        d.record_event("launch", ("russia",))
    assert d.doers("launch") == ("russia",)
    with pytest.raises(UndeclaredRecording):
        d.record_event("strike", ("russia",))


def test_an_act_recorded_in_one_sentence_is_the_target_of_a_later_one(extractor):
    text = "Russia launched a barrage of missiles at Kyiv overnight. Ruto condemned the launch on Tuesday."
    found = {(r.source, r.type, r.target) for r in extractor.extract(Document(id="t", text=text, date="2025-12-01")).relations}
    assert ("william-ruto", "CRITICISES", "russia") in found


def test_a_rule_that_records_must_be_declared_so(extractor, monkeypatch):
    undeclared = tuple(dataclasses.replace(r, records=False) if r.name == "verb" else r for r in RULES)
    monkeypatch.setattr(extractor_module, "RULES", undeclared)
    with pytest.raises(UndeclaredRecording):
        extractor.extract(Document(id="t", text="Russia launched a barrage of missiles at Kyiv overnight.", date="2025-12-01"))
