"""Headlines in the present tense whose verb the model reads as a noun ('Turkey severs ties with Israel')."""

from __future__ import annotations

import pytest

from extraction.headlines import base_forms
from extraction.nlp import load_nlp
from graph.model import Document


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_base_forms_of_a_third_person_verb():
    assert "sever" in list(base_forms("severs"))
    assert "reach" in list(base_forms("reaches"))
    assert "ally" in list(base_forms("allies"))
    assert next(iter(base_forms("agree"))) == "agree"


def test_a_verbless_headline_is_parsed_as_a_clause(nlp):
    doc = nlp("Chile severs ties with Nicaragua\nSANTIAGO (Agency) - The row grew on Monday.")
    verb = doc[1]
    assert verb.text == "severs" and verb.dep_ == "ROOT" and verb.tag_ == "VBZ" and verb.lemma_ == "sever"
    assert doc[0].dep_ == "nsubj" and doc[0].head.i == 1
    assert doc[2].dep_ == "dobj" and doc[2].head.i == 1
    assert doc[2].sent.start == 0 and doc[5].sent.start == 0  # the line is still one sentence of its own


def test_a_line_with_a_verb_keeps_its_parse(nlp):
    text = "Chile said it severs ties with Nicaragua."
    with nlp.select_pipes(disable=["headline_verbs"]):
        plain = nlp(text)
    assert [(t.dep_, t.head.i, t.tag_) for t in nlp(text)] == [(t.dep_, t.head.i, t.tag_) for t in plain]


def test_the_headline_states_the_cut_not_cooperation(extractor):
    ext = extractor.extract(Document(id="h", text="Chile severs ties with Nicaragua\nSANTIAGO (Agency) - The row grew "
                                                    "on Monday.", date="2025-12-01"))
    found = {(r.source, r.type, r.target) for r in ext.relations}
    assert ("chile", "SANCTIONS", "nicaragua") in found
    assert ("chile", "COOPERATES_WITH", "nicaragua") not in found


@pytest.mark.parametrize("headline, pair", [
    ("Kenya, Somalia agree to restore diplomatic ties", ("kenya", "somalia")),
    ("Ethiopia, Eritrea sign border deal", ("ethiopia", "eritrea")),
])
def test_a_comma_listed_headline_subject_acts_together(extractor, headline, pair):
    """The parser hangs the first name of 'X, Y agree ...' on the verb (`dep`, a second `nsubj`): both still act."""
    ext = extractor.extract(Document(id="h", text=headline + "\nNAIROBI (Agency) - The talks ended on Monday.",
                                     date="2025-12-01"))
    found = {frozenset((r.source, r.target)) for r in ext.relations if r.type == "COOPERATES_WITH"}
    assert frozenset(pair) in found


def test_a_comma_in_a_clause_is_not_a_headline_list(extractor):
    ext = extractor.extract(Document(id="h", text="In Nairobi, Somalia agreed to restore diplomatic ties with Kenya.",
                                     date="2025-12-01"))
    found = {(r.source, r.type, r.target) for r in ext.relations}
    assert ("somalia", "COOPERATES_WITH", "kenya") in found or ("kenya", "COOPERATES_WITH", "somalia") in found
    assert all(r.source != r.target for r in ext.relations)
