"""Triggers as data: every example sentence of the trigger files is a rule test; users extend the triggers and
the taxonomy with files of their own (the worked example of docs/taxonomy.md runs here)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from actorgraph.cli import cli
from extraction.extractor import Extractor
from extraction.lexicon import TRIGGERS_ENV, Example, TriggerError, load_lexicon
from graph.model import Document
from graph.taxonomy import DEFAULT_TAXONOMY, load_taxonomy, parse_taxonomy

ROOT = Path(__file__).resolve().parents[1]


# ``extractor``: the session's one extractor (tests/conftest.py).


def _check(extractor: Extractor, example: Example) -> None:
    ext = extractor.extract(Document(id="t", text=example.text, date="2026-03-10"))
    got = {(r.source, r.type, r.target) for r in ext.relations}
    symmetric = load_taxonomy().symmetric
    got |= {(t, r, s) for s, r, t in got if r in symmetric}
    assert set(example.found) <= got, f"{example.source}: {example.text!r}: missing {set(example.found) - got}; got {got}"
    assert not set(example.not_found) & got, f"{example.source}: {example.text!r}: wrong {set(example.not_found) & got}"


EXAMPLES = load_lexicon().examples


def test_every_family_has_examples():
    assert len(EXAMPLES) >= 15
    assert {e.source for e in EXAMPLES} >= {"sanction.yaml", "force.yaml", "consult.yaml", "cooperate.yaml",
                                            "disapprove.yaml"}


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.source}:{e.text[:40]}" for e in EXAMPLES])
def test_trigger_file_example(extractor, example):
    _check(extractor, example)


def _doc_blocks() -> dict[str, str]:
    """The YAML blocks of docs/taxonomy.md's worked example, by the file named on their first line."""
    text = (ROOT / "docs" / "taxonomy.md").read_text(encoding="utf-8")
    text = text[text.index("### Worked example"):]
    blocks = {}
    for body in re.findall(r"```yaml\n(.*?)```", text, re.S):
        first = body.splitlines()[0]
        name = re.search(r"(my-[\w-]+\.yaml)", first).group(1)
        blocks[name] = body
    return blocks


def test_worked_example_of_the_docs_adds_a_phrase_and_a_relation_type(extractor, tmp_path, monkeypatch):
    blocks = _doc_blocks()
    taxonomy = tmp_path / "my-taxonomy.yaml"
    shutil.copy(DEFAULT_TAXONOMY, taxonomy)
    with taxonomy.open("a", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in blocks["my-taxonomy.yaml"].splitlines()[1:]))
    triggers = tmp_path / "my-triggers.yaml"
    triggers.write_text(blocks["my-triggers.yaml"], encoding="utf-8")
    monkeypatch.setenv("ACTORGRAPH_TAXONOMY", str(taxonomy))
    monkeypatch.setenv(TRIGGERS_ENV, str(triggers))

    assert load_taxonomy().relation("INVESTIGATES").score == -1.0
    lex = load_lexicon()
    added = [e for e in lex.examples if e.source == "my-triggers.yaml"]
    assert {t for e in added for _, t, _ in e.found} == {"MEETS", "INVESTIGATES"}
    custom = Extractor(gazetteer=extractor.gz, lexicon=lex)
    for example in added:
        _check(custom, example)
    # without the files, neither sentence yields the relation
    monkeypatch.delenv(TRIGGERS_ENV)
    plain = Extractor(gazetteer=extractor.gz, lexicon=load_lexicon())
    ext = plain.extract(Document(id="t", text=added[0].text, date="2026-03-10"))
    assert added[0].found[0] not in {(r.source, r.type, r.target) for r in ext.relations}


def test_override_phrase_replaces_the_packaged_one_by_id(tmp_path, monkeypatch):
    f = tmp_path / "mine.yaml"
    f.write_text("phrases:\n  - {id: recall-envoy, type: CRITICISES, verbs: [recall], objects: [ambassador],"
                 " target: [from]}\n", encoding="utf-8")
    monkeypatch.setenv(TRIGGERS_ENV, str(tmp_path))  # a folder of *.yaml works too
    phrases = [p for p in load_lexicon().phrases if p.id == "recall-envoy"]
    assert [p.types for p in phrases] == [("CRITICISES",)]


@pytest.mark.parametrize("text,message", [
    ("relations:\n  BOMBS:\n    verbs: [bomb]\n", "unknown relation type 'BOMBS'"),
    ("relations:\n  COERCES:\n    verbz: [bomb]\n", "unknown key"),
    ("phrases:\n  - {id: x, type: COERCES}\n", "needs id, type and verbs"),
    ("phrases:\n  - {id: x, type: COERCES, verbs: [hit], target: [at, on]}\n", "quote on"),
    ("phrases:\n  - {id: x, type: COERCES, verbs: [hit], agent: object}\n", "agent must be"),
    ("phrases:\n  - {id: x, type: COERCES, verbs: [hit], via: none, objects: [ship]}\n", "via: none has no object"),
    ("examples:\n  - {text: 'X hit Y.', found: [[x, COERCES]]}\n", "expected [source, TYPE, target]"),
    ("verbs: [hit]\n", "unknown section"),
])
def test_malformed_trigger_file_is_a_clear_error(tmp_path, monkeypatch, text, message):
    f = tmp_path / "bad.yaml"
    f.write_text(text, encoding="utf-8")
    monkeypatch.setenv(TRIGGERS_ENV, str(f))
    with pytest.raises((TriggerError, ValueError), match=re.escape(message)):
        load_lexicon()


def test_cli_reports_a_bad_trigger_file_in_one_line(tmp_path, monkeypatch):
    doc = tmp_path / "a.txt"
    doc.write_text("Japan lodged a protest with China.\n", encoding="utf-8")  # any text: the triggers fail first
    monkeypatch.setenv(TRIGGERS_ENV, str(tmp_path / "missing.yaml"))
    result = CliRunner().invoke(cli, ["explain", str(doc)])
    assert result.exit_code != 0
    assert result.output.strip().startswith("Error:") and "missing.yaml" in result.output
    assert "Traceback" not in result.output


def test_edge_kinds_must_be_actor_kinds():
    data = {"actor_kinds": {"person": {"label": "Person"}},
            "relation_types": {"LEADS": {"score": 0, "edge": {"source": ["wizard"]}}}}
    with pytest.raises(ValueError, match="edge source kind 'wizard'"):
        parse_taxonomy(data)


def test_domain_and_range_come_from_the_taxonomy(extractor, tmp_path, monkeypatch):
    """The extractor drops what the taxonomy's edge: forbids; widening or narrowing it is a data change."""
    text = "Russia recalled its ambassador from Moldova on Friday."
    assert ("russia", "SANCTIONS", "moldova") in {(r.source, r.type, r.target)
                                                   for r in extractor.extract(Document(id="t", text=text)).relations}
    tax = (DEFAULT_TAXONOMY.read_text(encoding="utf-8")
           .replace("  SANCTIONS:\n", "  SANCTIONS:\n    edge: {source: [igo]}\n"))
    f = tmp_path / "tax.yaml"
    f.write_text(tax, encoding="utf-8")
    monkeypatch.setenv("ACTORGRAPH_TAXONOMY", str(f))
    assert not load_taxonomy().allows("SANCTIONS", "state", "state")
    assert ("russia", "SANCTIONS", "moldova") not in {(r.source, r.type, r.target)
                                                       for r in extractor.extract(Document(id="t", text=text)).relations}


# Constructions the verb and noun rules read (code, not data): reciprocal objects, shared acts, traded events.
CONSTRUCTIONS = [
    ("reciprocal", "Thailand and Cambodia blamed each other for the shelling along the border on Thursday.",
     {("thailand", "CRITICISES", "cambodia"), ("cambodia", "CRITICISES", "thailand")}, set()),
    ("reciprocal-one-another", "Armenia and Azerbaijan accused one another of violating the truce.",
     {("armenia", "CRITICISES", "azerbaijan"), ("azerbaijan", "CRITICISES", "armenia")}, set()),
    ("joined-in-calling", "Spain joined Ireland in calling for an arms embargo, diplomats said.",
     set(), {("spain", "MEMBER_OF", "ireland")}),
    ("traded-not-temporal", "India and Pakistan exchanged threats after the bombing in Kashmir.",
     {("india", "THREATENS", "pakistan"), ("pakistan", "THREATENS", "india")},
     {("india", "COERCES", "pakistan"), ("pakistan", "COERCES", "india")}),
    ("hyphenated-pair", "Officials said the Serbia-Kosovo talks would resume in Brussels next month.",
     {("serbia", "NEGOTIATES", "kosovo")}, set()),
    ("hyphenated-pair-mediated", "The U.S.-brokered talks between Armenia and Azerbaijan resumed in Abu Dhabi.",
     {("armenia", "NEGOTIATES", "azerbaijan")}, set()),  # (the mediator talks to each side too)
    ("at-war", "Sudan's army has been locked in a war with the Rapid Support Forces since April 2023.",
     {("sudan-military", "COERCES", "rsf")}, set()),
    ("dragged-into-war", "Kobakhidze accused Brussels of trying to drag Georgia into a war with Russia.",
     set(), {("georgia", "COERCES", "russia")}),
    ("protest-verb", "Vietnam protested China's deployment of a survey ship in its waters.",
     {("vietnam", "CRITICISES", "china")}, set()),
]


@pytest.mark.parametrize("name,text,must,must_not", CONSTRUCTIONS, ids=[c[0] for c in CONSTRUCTIONS])
def test_construction(extractor, name, text, must, must_not):
    _check(extractor, Example(text, tuple(must), tuple(must_not), name))


def test_word_classes_are_data_and_extend_by_override(extractor, tmp_path, monkeypatch):
    """'X repudiated its agreement with Y' is a sanction once 'repudiate' joins the class of cancelling verbs."""
    text = "Niger repudiated its military agreement with Benin on Monday."
    got = {(r.source, r.type, r.target) for r in extractor.extract(Document(id="t", text=text)).relations}
    assert ("niger", "SANCTIONS", "benin") not in got
    f = tmp_path / "more.yaml"
    f.write_text("word_classes:\n  cancel_verbs: [repudiate]\n", encoding="utf-8")
    monkeypatch.setenv(TRIGGERS_ENV, str(f))
    lex = load_lexicon()
    assert "repudiate" in lex.word_class("cancel_verbs") and "scrap" in lex.word_class("cancel_verbs")
    custom = Extractor(gazetteer=extractor.gz, lexicon=lex)
    got = {(r.source, r.type, r.target) for r in custom.extract(Document(id="t", text=text)).relations}
    assert ("niger", "SANCTIONS", "benin") in got


def test_an_edited_override_file_is_read_again(tmp_path, monkeypatch):
    f = tmp_path / "mine.yaml"
    f.write_text("relations:\n  COERCES:\n    verbs: [besmirch]\n", encoding="utf-8")
    monkeypatch.setenv(TRIGGERS_ENV, str(f))
    assert load_lexicon().verb_types("besmirch") == ["COERCES"]
    f.write_text("relations:\n  CRITICISES:\n    verbs: [besmirch, bemoan]\n", encoding="utf-8")
    assert load_lexicon().verb_types("besmirch") == ["CRITICISES"]


@pytest.mark.parametrize("text,must,must_not", [
    # 'Chief' alone is a leader's word; the longer office is a cabinet member's
    ("Japan's Chief Cabinet Secretary Kenji Sato told reporters the talks would continue.",
     ("kenji-sato", "MEMBER_OF", "japan"), ("kenji-sato", "LEADS", "japan")),
    ("Mexico's Economy Secretary Laura Vega said her government would not join the retaliation.",
     ("laura-vega", "MEMBER_OF", "mexico"), ("laura-vega", "LEADS", "mexico")),
    ("U.S. Commerce Secretary Daniel Roe said the tariffs would stay in place.",
     ("daniel-roe", "MEMBER_OF", "united-states"), None),
    ("UN Secretary-General Antonio Guterres urged Israel to halt the strikes.",
     ("antonio-guterres", "LEADS", "united-nations"), ("antonio-guterres", "MEMBER_OF", "united-nations")),
])
def test_offices_named_secretary(extractor, text, must, must_not):
    ext = extractor.extract(Document(id="t", text=text, date="2026-03-10"))
    got = {(r.source, r.type, r.target) for r in ext.relations}
    assert must in got, got
    assert must_not is None or must_not not in got, got
