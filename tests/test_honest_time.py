"""Honest time: background statements are marked prior to their document, with the bound the text gives."""

from __future__ import annotations

import json
from datetime import date

import orjson
import pytest

from extraction.dates import background
from graph.analysis import stats, timeline
from graph.store import GraphStore
from graph.topology import Topology

REF = date(2026, 2, 3)


@pytest.fixture(scope="module")
def nlp():
    from extraction.nlp import load_nlp

    return load_nlp()


@pytest.mark.parametrize("sentence,trigger,expected", [
    ("Venezuela has opposed the sanctions since 2022.", "opposed", (True, "2022")),
    ("Chile has criticised Peru for the past two years.", "criticised", (True, "2024")),
    ("Ecuador has long opposed the mining law.", "opposed", (True, None)),
    ("Bolivia repeatedly condemned the raids.", "condemned", (True, None)),
    ("The deal ended months of quarrels in which Quito denounced Lima.", "denounced", (True, None)),
    ("The long-standing rivalry between Quito and Lima eased.", "rivalry", (True, None)),
    ("Brazil criticised Argentina on Monday.", "criticised", (False, None)),
    ("Brazil has agreed that it will meet Argentina next week.", "meet", (False, None)),
    ("Peru met Chile in Lima.", "met", (False, None)),
])
def test_background_cues_on_the_trigger_clause(nlp, sentence, trigger, expected):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    assert background(token, REF) == expected


@pytest.mark.parametrize("sentence,trigger,expected", [
    # an undated past-tense clause about the relationship itself: its history, told in summary
    ("Relations between Quito and Lima soured when Ecuador expelled the Peruvian ambassador.", "expelled", True),
    ("Tensions deepened after Chile accused Bolivia of spying.", "accused", True),
    ("The rivalry between the two neighbours ended when Peru met Chile.", "met", True),
    ("The alliance was forged when Peru signed a pact with Chile.", "signed", True),
    ("The relationship reached a low point when Peru denounced Chile, while Chile retaliated by calling Peru a "
     "pariah.", "calling", True),
    # not such a summary: a date of its own, a subject that is not the relationship, present or future tense
    ("Relations soured in March 2024 when Ecuador expelled the Peruvian ambassador.", "expelled", False),
    ("The minister reached Lima when Peru denounced Chile.", "denounced", False),
    ("The opposition Andean Alliance denounced the Peruvian concessions.", "denounced", False),  # a name
    ("Tensions rise as Peru condemns the Chilean raids.", "condemns", False),
    ("Relations will improve when Peru meets Chile.", "meets", False),
])
def test_summary_of_the_relationship_is_background(nlp, sentence, trigger, expected):
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == trigger)
    assert background(token, REF) == (expected, None)


def test_a_cue_in_another_clause_does_not_make_the_event_background(nlp):
    doc = nlp("Trump is preparing to welcome Petro, marking a dramatic shift after months of tensions.")
    assert background(next(t for t in doc if t.text == "welcome"), REF) == (False, None)


def test_example_timeline_reads_hostility_then_call_then_meeting(sample_store):
    topo = Topology.open(sample_store)
    rows = timeline(topo, "trump", "petro", topo.documents)
    first = rows[0]
    assert first["dated_by"] == "background" and first["type"] == "CRITICISES" and first["since"] is None
    bg = [i for i, r in enumerate(rows) if r["background"]]
    dated = [i for i, r in enumerate(rows) if not r["background"]]
    assert max(bg) < min(dated)  # the text gives no bound: before every dated event
    # the summary "The relationship ... reached a breaking point when Petro characterized Trump ..." (simple
    # past, no date) is background too, not an event on its document's date after January's call
    summary = [r for r in rows if "reached a breaking point" in r["sentence"]]
    assert len(summary) == 2 and all(r["background"] and r["until"] == "2026-02-02" for r in summary)
    assert any("years of public sparring" in r["sentence"] and r["until"] == "2026-02-03" for r in rows[:len(bg)])
    hostility = [i for i, r in enumerate(rows) if r["type"] == "CRITICISES"]
    call = next(i for i, r in enumerate(rows) if r["type"] == "NEGOTIATES")
    meeting = next(i for i, r in enumerate(rows) if r["type"] == "MEETS")
    assert max(hostility) < call < meeting
    assert "phone call" in rows[call]["sentence"] or "January" in rows[call]["sentence"]
    assert rows[-1]["type"] == "MEETS" and "hosted" in rows[-1]["sentence"]  # the news of the later article


def test_timeline_table_shows_the_range(cli, sample_store):
    out = cli("timeline", "trump", "petro", store=sample_store)
    assert out.exit_code == 0
    first = out.output.splitlines()[2]
    assert "before 2026-02-02" in first and "background" in first


def test_background_evidence_has_no_event_date(sample_store):
    store = GraphStore.open(sample_store)
    ev = [e for *_, a in store.graph.edges(data=True) for e in a["evidence"]]
    prior = [e for e in ev if e["background"]]
    assert prior and all(e["date"] is None for e in prior)
    assert any("has repeatedly condemned" in e["sentence"] for e in prior)
    assert not any(e["background"] for e in ev if "hosted Colombian President" in e["sentence"])


def test_stats_range_includes_document_dates(sample_store):
    topo = Topology.open(sample_store)
    s = stats(topo, topo.documents)
    assert s["last_date"] >= "2026-02-03" and s["first_date"] <= "2026-01"
    store = GraphStore.open(sample_store)
    assert stats(store.graph, {d: doc.date for d, doc in store.documents.items()})["last_date"] == s["last_date"]


def test_old_stores_without_the_new_fields_stay_readable(sample_store, tmp_path):
    data = orjson.loads((sample_store / "graph.json").read_bytes())
    for f in ("background", "since"):
        del data["evidence"][f]
    old = tmp_path / "old"
    old.mkdir()
    (old / "graph.json").write_bytes(orjson.dumps(data))
    store = GraphStore.open(old)
    ev = [e for *_, a in store.graph.edges(data=True) for e in a["evidence"]]
    assert ev and all(e["background"] is False and e["since"] is None for e in ev)
    topo = Topology.open(old)
    assert all(e["background"] is False for e in topo.evidence_at(0))


def test_exports_keep_the_fields(cli, sample_store, tmp_path):
    assert cli("export", "json", str(tmp_path / "g.json"), store=sample_store).exit_code == 0
    links = json.loads((tmp_path / "g.json").read_text())["links"]
    assert any(e["background"] for link in links for e in link["evidence"])
    assert all({"background", "since"} <= set(e) for link in links for e in link["evidence"])
