"""Relations carried by nouns and noun phrases on real wire copy (issue 13, round 5, 'events'). Every text is our
own prose, written after a construction seen in real reporting; the single-word data of the same family (truces,
joint press conferences, strikes in a capital, sanctions weighed, support enjoyed, accords sought) is tested by
the examples of extraction/data/triggers/nouns.yaml."""

from __future__ import annotations

import pytest

from extraction.extractor import Extractor
from graph.model import Document
from graph.taxonomy import load_taxonomy


def _relations(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    ext = extractor.extract(Document(id="t", text=text, date="2026-03-10"))
    got = {(r.source, r.type, r.target) for r in ext.relations}
    return got | {(t, r, s) for s, r, t in got if r in load_taxonomy().symmetric}


# -- 'a meeting (in PLACE) of A, B and C': those listed meet each other ----------------------------------------

@pytest.mark.parametrize("text, found", [
    # the parser hangs the list on the place and splits it into appositions and objects of the main verb
    ("The plan emerged from a meeting in Lima of Mercosur Secretary-General Carlos Ruiz and foreign ministers "
     "Ana Lopes of Brazil, Pedro Diaz of Chile and Juan Perez of Peru.",
     {("carlos-ruiz", "MEETS", "ana-lopes"), ("carlos-ruiz", "MEETS", "pedro-diaz"),
      ("carlos-ruiz", "MEETS", "juan-perez")}),
    ("A summit in Nairobi of Kenyan President William Ruto, Ugandan President Yoweri Museveni and Tanzanian "
     "President Samia Suluhu Hassan ended without a deal.",
     {("william-ruto", "MEETS", "yoweri-museveni"), ("william-ruto", "MEETS", "samia-suluhu-hassan"),
      ("yoweri-museveni", "MEETS", "samia-suluhu-hassan")}),
    # no people named: the states meet
    ("The accord was drafted at a meeting of the foreign ministers of Iran, Iraq and Syria on the water crisis.",
     {("iran", "MEETS", "iraq"), ("iran", "MEETS", "syria"), ("iraq", "MEETS", "syria")}),
])
def test_listed_participants_of_a_meeting_meet(extractor, text, found):
    assert found <= _relations(extractor, text)


def test_the_list_of_a_meeting_ends_where_the_next_clause_begins(extractor):
    # 'China' is the subject of the main clause, not a participant; 'on Syria' is the meeting's topic
    got = _relations(extractor, "After a meeting of Iran and Iraq, China said it would help.")
    assert ("iran", "MEETS", "iraq") in got
    assert not {("china", "MEETS", "iran"), ("china", "MEETS", "iraq")} & got
    got = _relations(extractor, "The statement followed a meeting of the Arab League on Syria.")
    assert not any(t == "MEETS" for _, t, _ in got)


# -- joint appearances, strikes in a capital, measures weighed: arguments beyond the noun's own ---------------

def test_joint_press_conference_is_a_meeting_of_those_who_appear(extractor):
    # ('told a conference': the conference is the verb's object, not where it happened)
    assert ("mark-carney", "MEETS", "keir-starmer") in _relations(
        extractor, "Canadian Prime Minister Mark Carney and his British counterpart Keir Starmer told a joint news "
                   "conference in Ottawa that trade would grow.")
    assert ("mark-carney", "MEETS", "keir-starmer") in _relations(
        extractor, "Canadian Prime Minister Mark Carney spoke at a joint news conference with British Prime Minister "
                   "Keir Starmer in Ottawa.")
    # a joint act that is not an appearance stays cooperation
    got = _relations(extractor, "Chinese and Russian warships held joint drills in the Sea of Japan.")
    assert ("china", "COOPERATES_WITH", "russia") in got and ("china", "MEETS", "russia") not in got


def test_strikes_in_a_capital_hit_its_state_but_not_a_country_named_as_a_place(extractor):
    assert ("russia", "COERCES", "ukraine") in _relations(
        extractor, "Moscow said its overnight drone attacks in Kyiv had hit military sites.")
    got = _relations(extractor, "Israeli airstrikes in Lebanon continued on Monday.")
    assert ("israel", "COERCES", "lebanon") not in got


def test_sanctions_weighed_are_a_threat_and_a_sanctions_bill_names_its_target(extractor):
    got = _relations(extractor, "Canada and Australia are mulling fresh sanctions on Myanmar's generals.")
    assert ("canada", "THREATENS", "myanmar") in got and ("canada", "SANCTIONS", "myanmar") not in got
    got = _relations(extractor, "The European Parliament approved a sanctions resolution against Belarus on Tuesday.")
    assert ("european-parliament", "SANCTIONS", "belarus") in got


def test_an_accord_sought_is_negotiation_and_not_yet_cooperation(extractor):
    got = _relations(extractor, "Kenya renewed its push for a defence pact with the United States.")
    assert ("kenya", "NEGOTIATES", "united-states") in got
    assert ("kenya", "COOPERATES_WITH", "united-states") not in got
    # an accord made stays cooperation
    got = _relations(extractor, "Kenya signed a defence pact with the United States on Monday.")
    assert ("kenya", "COOPERATES_WITH", "united-states") in got


# -- an act of force named before: who did it, and what a later clause says it hit ---------------------------

def test_an_attack_claimed_by_a_group_and_what_it_targeted(extractor):
    got = _relations(extractor, "The bombing in Islamabad, which was claimed by the Pakistani Taliban, killed six "
                                "people. The bombing targeted Pakistan's Interior Ministry.")
    assert ("ttp", "COERCES", "pakistan-interior-ministry") in got
    got = _relations(extractor, "The Islamic State claimed the attack on Sunday. The attack hit a Russian military "
                                "convoy.")
    assert ("islamic-state", "COERCES", "russia-military") in got


def test_the_strike_told_of_before_and_its_target(extractor):
    text = ("Israeli jets carried out strikes on Beirut overnight. A military spokesman said the strike targeted the "
            "headquarters of Hezbollah. Hezbollah leader Naim Qassem was the target of the strikes, Israeli media "
            "reported.")
    got = _relations(extractor, text)
    assert {("israel", "COERCES", "hezbollah"), ("israel", "COERCES", "naim-qassem")} <= got
    # an attack nobody has been said to carry out has no doer
    got = _relations(extractor, "The attack targeted Turkey's Interior Ministry on Sunday.")
    assert not any(t == "COERCES" for _, t, _ in got)


# -- standing alliances named by a noun ------------------------------------------------------------------------

@pytest.mark.parametrize("text, found", [
    ("Kyrgyzstan and Tajikistan, both of which are Russian allies, agreed to pull back troops.",
     {("kyrgyzstan", "ALLIED_WITH", "russia"), ("tajikistan", "ALLIED_WITH", "russia")}),
    ("Serbia, which is a close Russian ally, abstained in the vote.", {("serbia", "ALLIED_WITH", "russia")}),
    # a name right after the noun, without a comma (the parser makes it a second subject)
    ("Washington's key ally Japan joined the talks on Monday.", {("japan", "ALLIED_WITH", "united-states")}),
    ("Moscow's closest ally Belarus hosted the drills.", {("belarus", "ALLIED_WITH", "russia")}),
])
def test_allies_in_a_relative_clause_or_named_right_after_the_noun(extractor, text, found):
    assert found <= _relations(extractor, text)


# -- acting jointly: 'together with Y', 'in concert with Y' ---------------------------------------------------

@pytest.mark.parametrize("text, found", [
    ("Japan's Prime Minister Shinzo Abe vowed concrete action together with the US and South Korea.",
     {("shinzo-abe", "COOPERATES_WITH", "united-states"), ("shinzo-abe", "COOPERATES_WITH", "south-korea")}),
    ("Kenya acted in concert with Uganda to close the border.", {("kenya", "COOPERATES_WITH", "uganda")}),
    ("Britain, together with France, imposed new sanctions on Iran.", {("united-kingdom", "COOPERATES_WITH", "france")}),
])
def test_acting_together_with_another_is_cooperation(extractor, text, found):
    assert found <= _relations(extractor, text)


def test_acting_together_states_nothing_when_negated(extractor):
    got = _relations(extractor, "Kenya refused to act together with Uganda on the border.")
    assert ("kenya", "COOPERATES_WITH", "uganda") not in got
