"""Titles on real-style wire copy (round 5, issue 13): LEADS / MEMBER_OF from constructions real reporting uses and
the rules missed. Every sentence is our own prose; each construction has at least three sentences with different
words, actors and order, and controls that must not produce the relation."""

from __future__ import annotations

import pytest

from extraction.extractor import Extractor
from graph.model import Document

# ``extractor``: the session's one extractor (tests/conftest.py).


def triples(extractor: Extractor, text: str, date: str | None = "2026-03-10") -> set[tuple[str, str, str]]:
    ext = extractor.extract(Document(id="t", text=text, date=date))
    return {(r.source, r.type, r.target) for r in ext.relations}


CASES = [
    # A title (plural or not) before a list of 'person of state' items: each holds that office of their own state.
    ("list-ministers", "LIMA, March 3 (Wire) - The talks brought together foreign ministers Carla Benavides of Peru, "
     "Tomas Aranda of Chile and Maria Fernandez of Bolivia, the host said.",
     {("carla-benavides", "MEMBER_OF", "peru"), ("tomas-aranda", "MEMBER_OF", "chile"),
      ("maria-fernandez", "MEMBER_OF", "bolivia")},
     {("carla-benavides", "MEMBER_OF", "chile"), ("maria-fernandez", "MEMBER_OF", "peru")}),
    ("list-presidents", "Presidents Marco Ferreyra of Paraguay and Daniel Ortiz of Uruguay signed the water accord in "
     "Asuncion on Friday.", {("marco-ferreyra", "LEADS", "paraguay"), ("daniel-ortiz", "LEADS", "uruguay")},
     {("marco-ferreyra", "MEMBER_OF", "paraguay"), ("daniel-ortiz", "LEADS", "paraguay")}),
    ("list-prime-ministers", "The summit opened on Monday with prime ministers Tevita Holani of Tonga and Oren Maddox of "
     "Australia at the table.", {("tevita-holani", "LEADS", "tonga"), ("oren-maddox", "LEADS", "australia")}, set()),
    ("list-former", "Former presidents Evo Morales of Bolivia and Rafael Correa of Ecuador criticised the United States.",
     set(), {("evo-morales", "LEADS", "bolivia"), ("rafael-correa", "LEADS", "ecuador")}),
    # A role form written in capitals is still a title: "Japan's PM X".
    ("pm-japan", "Japan's PM Shinzo Abe vowed concrete action against North Korea on Monday.",
     {("shinzo-abe", "LEADS", "japan")}, set()),
    ("pm-india", "India's PM Narendra Modi criticised Pakistan over the attack.", {("narendra-modi", "LEADS", "india")},
     set()),
    ("pm-demonym", "NEW DELHI (Wire) - Visiting Sri Lankan PM Ranil Wickremesinghe met Indian officials on Friday.",
     {("ranil-wickremesinghe", "LEADS", "sri-lanka")}, set()),
    # A military rank (full or abbreviated) after a state or its forces: the officer serves that state.
    ("rank-maj", "Polish Maj. Anna Kowalska said Belarus had pushed migrants to the border.",
     {("anna-kowalska", "MEMBER_OF", "poland")}, {("anna-kowalska", "MEMBER_OF", "belarus")}),
    ("rank-army-col", "A Kenyan army Col. Daniel Mutua said al-Shabaab fighters had crossed from Somalia overnight.",
     {("daniel-mutua", "MEMBER_OF", "kenya")}, {("daniel-mutua", "MEMBER_OF", "somalia")}),
    ("rank-possessive", "Ukraine's Lt. Gen. Oleh Petrenko said Russia had shelled the city.",
     {("oleh-petrenko", "MEMBER_OF", "ukraine")}, {("oleh-petrenko", "MEMBER_OF", "russia")}),
    ("rank-no-state", "Maj. Anna Kowalska said Belarus had pushed migrants to the border.", set(),
     {("anna-kowalska", "MEMBER_OF", "belarus")}),
    # 'the <title> of <state or organisation>, <name>' when the parse does not join the apposition.
    ("of-state-vice", "In Brasilia the envoy also met the vice-president of Brazil, Hamilton Mourao.",
     {("hamilton-mourao", "MEMBER_OF", "brazil")}, {("hamilton-mourao", "LEADS", "brazil")}),
    ("of-state-pm", "Late on Tuesday she held talks with the prime minister of Fiji, Sitiveni Rabuka, in Suva.",
     {("sitiveni-rabuka", "LEADS", "fiji")}, set()),
    ("of-org-secgen", "The mediators later briefed the secretary-general of the Arab League, Ahmed Aboul Gheit, in Cairo.",
     {("ahmed-aboul-gheit", "LEADS", "arab-league")}, {("ahmed-aboul-gheit", "MEMBER_OF", "arab-league")}),
    ("of-state-former", "Crowds in Sao Paulo cheered the former president of Brazil, Jair Bolsonaro.", set(),
     {("jair-bolsonaro", "LEADS", "brazil")}),
    # 'lead to' causes; it heads nothing.
    ("lead-to", "Australia and New Zealand fear the security pact between China and the Solomon Islands could lead to "
     "a Chinese naval base.", set(), {("australia", "LEADS", "china"), ("new-zealand", "LEADS", "china")}),
    ("lead-to-clash", "Japan said the dispute with China may lead to a clash near the islands.", set(),
     {("japan", "LEADS", "china")}),
    ("lead-into", "Serbia warned that the Kosovo plan would lead to war in the Balkans.", set(),
     {("serbia", "LEADS", "kosovo")}),
    ("led-control", "Nicolas Maduro has led Venezuela since 2013.", {("nicolas-maduro", "LEADS", "venezuela")}, set()),
]


@pytest.mark.parametrize("name,text,must,must_not", CASES, ids=[c[0] for c in CASES])
def test_titles(extractor, name, text, must, must_not):
    found = triples(extractor, text)
    assert must <= found, (name, must - found, found)
    assert not (must_not & found), (name, must_not & found)
