"""Round 6 (reactions): reactions to an act told before ('hailed the decision', 'denied the allegations',
'condemned the coup', 'welcomed it', 'a step rejected by X'). Our own sentences, written the way wire copy is."""

from __future__ import annotations

import pytest

from extraction.extractor import Extractor
from graph.model import Document


def _triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    ext = extractor.extract(Document(id="t", text=text, date="2026-03-10"))
    return {(r.source, r.type, r.target) for r in ext.relations}


# -- 'the decision', 'the vote', 'it': the deciders of the last decision told -----------------------------------

@pytest.mark.parametrize("text, reactor, rtype, decider", [
    ("GENEVA - The UN Human Rights Council on Tuesday opened an investigation into alleged abuses in Myanmar. "
     "Australia and Canada have long pressed for such a probe. Foreign Minister Penny Wong hailed the decision.",
     "penny-wong", "PRAISES", "unhrc"),
    ("The European Union adopted a resolution on Thursday that sets up a monitoring mission. "
     "Serbia condemned the vote as one-sided.", "serbia", "CRITICISES", "european-union"),
    ("ADDIS ABABA, June 3 - The African Union voted on Monday to send observers to the disputed region. "
     "Several member states were absent. Egypt has welcomed the move, its foreign ministry said.",
     "egypt", "PRAISES", "african-union"),
])
def test_a_definite_decision_noun_targets_whoever_decided(extractor, text, reactor, rtype, decider):
    assert (reactor, rtype, decider) in _triples(extractor, text)


def test_it_after_a_decision_takes_up_the_same_decision(extractor):
    got = _triples(extractor, "The UN Human Rights Council on Friday launched an inquiry into abuses in Eritrea. "
                              "Britain hailed the decision. Human Rights Watch also welcomed it.")
    assert ("human-rights-watch", "PRAISES", "unhrc") in got
    assert ("united-kingdom", "PRAISES", "unhrc") in got


def test_a_stance_noun_is_no_decision(extractor):
    # "Sri Lanka's supporters Russia and Cuba" states a stance: 'the decision' does not take it up
    got = _triples(extractor, "The council backed a resolution on Thursday after Sri Lanka's supporters Russia and "
                              "Cuba failed to block it. US Secretary of State Antony Blinken hailed the decision.")
    assert not {t for t in got if t[1] == "PRAISES" and t[2] in ("russia", "cuba", "sri-lanka")}


def test_a_decision_too_far_back_is_not_taken_up(extractor):
    got = _triples(extractor, "The European Union adopted a resolution on Ukraine on Monday. "
                              "Markets were calm that day. Trade volumes rose sharply. Prices fell in Asia. "
                              "Shipping resumed in the Gulf. Analysts were cautious. Bond yields were flat. "
                              "Oil prices slipped a little. The dollar gained ground. Gold was steady. "
                              "Serbia condemned the decision.")
    assert ("serbia", "CRITICISES", "european-union") not in got


def test_it_naming_an_actor_is_no_act(extractor):
    # 'it' bound to an actor is that actor (the verb rule's), not the last decision
    got = _triples(extractor, "The European Union adopted a resolution on Monday. "
                              "Serbia said it would study the text.")
    assert not {t for t in got if t[0] == "serbia" and t[1] in ("PRAISES", "CRITICISES", "REJECTS")}


# -- 'a step rejected by X': the participle on a noun that sums up the clause -------------------------------------

@pytest.mark.parametrize("text, reactor, rtype, doer", [
    ("GENEVA - The UN Human Rights Council on Tuesday opened an investigation into alleged abuses in Myanmar, "
     "a step sharply rejected by Naypyidaw as interference.", "myanmar", "REJECTS", "unhrc"),
    ("Washington on Monday announced new tariffs on steel, a decision condemned by Ottawa within hours.",
     "canada", "CRITICISES", "united-states"),
    ("The African Union suspended Mali from all its activities, a move welcomed by ECOWAS on Saturday.",
     "ecowas", "PRAISES", "african-union"),
])
def test_a_participle_on_a_summing_noun_reacts_to_the_clause(extractor, text, reactor, rtype, doer):
    assert (reactor, rtype, doer) in _triples(extractor, text)


# -- 'denied the allegations': each denier rejects the accuser ----------------------------------------------------

@pytest.mark.parametrize("text, deniers, accuser", [
    ("Kenyan President William Ruto accused Uganda of arming rebels along the border on Monday. "
     "Both Uganda and Rwanda denied the accusations in separate statements.", ("uganda", "rwanda"), "william-ruto"),
    ("NAIROBI - Somalia has accused Ethiopia of training militias in Gedo, officials said on Tuesday. "
     "Addis Ababa rejected the allegations as baseless.", ("ethiopia",), "somalia"),
    ("Israel alleged on Sunday that Hezbollah was storing rockets under homes in the south. "
     "Lebanese Prime Minister Nawaf Salam dismissed the claims.", ("nawaf-salam",), "israel"),
])
def test_denying_the_allegations_rejects_the_accuser(extractor, text, deniers, accuser):
    got = _triples(extractor, text)
    for d in deniers:
        assert (d, "REJECTS", accuser) in got


def test_an_accusation_too_far_back_is_not_taken_up(extractor):
    got = _triples(extractor, "Somalia accused Ethiopia of arming militias. Talks stalled. Rains came. Crops failed. "
                              "Prices rose. Aid slowed. Markets shut. Schools closed. Fuel ran short. Roads flooded. "
                              "Kenya denied the accusations.")
    assert ("kenya", "REJECTS", "somalia") not in got


# -- 'condemned the coup': those the coup was told of ------------------------------------------------------------

@pytest.mark.parametrize("text, judges, made", [
    ("Soldiers in Guinea seized power in a coup on Sunday and dissolved the government. "
     "The African Union condemned the coup on Monday.", ("african-union",), "guinea"),
    ("Army officers in Gabon took power in a putsch on Wednesday. France and the United States condemned the putsch.",
     ("france", "united-states"), "gabon"),
    ("The African Union suspended Burkina Faso a week after the country suffered its latest coup. "
     "The United Nations Security Council had strongly condemned the military coup.", ("unsc",), "burkina-faso"),
])
def test_condemning_the_coup_targets_those_it_was_told_of(extractor, text, judges, made):
    got = _triples(extractor, text)
    for j in judges:
        assert (j, "CRITICISES", made) in got


def test_welcoming_a_coup_is_not_read_as_praise_of_a_state(extractor):
    got = _triples(extractor, "Soldiers in Niger seized power in a coup on Wednesday. Crowds in Niamey welcomed the "
                              "coup, and Mali welcomed the coup too.")
    assert ("mali", "PRAISES", "niger") not in got


# -- 'welcomed the resumption of the talks': the talks' parties, and the welcomer is no party --------------------

@pytest.mark.parametrize("text, judges, parties", [
    ("France and Germany on Monday hailed the resumption of negotiations between Serbia and Kosovo.",
     ("france", "germany"), ("serbia", "kosovo")),
    ("Colombia and the ELN resumed peace talks in Havana on Monday after a six-month pause. "
     "Norway and Cuba, which guarantee the process, have welcomed the resumption of the talks.",
     ("norway", "cuba"), ("colombia", "eln")),
    ("Armenia and Azerbaijan signed a peace deal in Washington. Turkey welcomed the signing of the deal on Friday.",
     ("turkey",), ("armenia", "azerbaijan")),
])
def test_welcoming_a_phase_of_talks_praises_their_parties(extractor, text, judges, parties):
    got = _triples(extractor, text)
    for j in judges:
        for p in parties:
            assert (j, "PRAISES", p) in got
    # the welcomers take no part in the talks they welcome
    assert not {t for t in got if t[1] in ("NEGOTIATES", "COOPERATES_WITH") and {t[0], t[2]} <= set(judges)}


def test_welcoming_the_start_of_talks_makes_no_talks_between_the_welcomers(extractor):
    got = _triples(extractor, "A joint US-Saudi statement welcomed the start of pre-negotiation talks between "
                              "Sudan and the RSF.")
    assert not {t for t in got if t[1] == "NEGOTIATES" and {t[0], t[2]} == {"united-states", "saudi-arabia"}}
    assert ("sudan", "NEGOTIATES", "rsf") in got or ("rsf", "NEGOTIATES", "sudan") in got


def test_rejecting_the_resumption_of_talks_is_no_stance_on_the_parties(extractor):
    got = _triples(extractor, "Hungary rejected the resumption of negotiations between Serbia and Kosovo.")
    assert not {t for t in got if t[0] == "hungary" and t[2] in ("serbia", "kosovo")}


# -- 'strikes on Iraqi positions held by the PKK': the holder is struck ------------------------------------------

@pytest.mark.parametrize("text, striker, held_by, place", [
    ("Turkish forces conducted retaliatory airstrikes on Iraqi positions held by the PKK.", "turkey-military", "pkk",
     "iraq"),
    ("Israeli jets carried out strikes on Syrian villages controlled by Hezbollah on Sunday.", "israel", "hezbollah",
     "syria"),
    ("The Malian army launched an offensive against Malian towns occupied by JNIM fighters.", None, "jnim", None),
])
def test_a_strike_on_places_held_by_a_group_hits_the_group(extractor, text, striker, held_by, place):
    got = _triples(extractor, text)
    assert {t for t in got if t[1] == "COERCES" and t[2] == held_by}
    if striker:
        assert (striker, "COERCES", place) not in got


def test_a_strike_on_a_states_cities_still_hits_the_state(extractor):
    got = _triples(extractor, "Russian forces launched attacks on Ukrainian cities on Friday.")
    assert ("russia-military", "COERCES", "ukraine") in got or ("russia", "COERCES", "ukraine") in got



# -- 'a charge denied by X': the accusation the clause before made ------------------------------------------------

@pytest.mark.parametrize("text, denier, accuser", [
    ("Colombia fuelled the tensions by accusing Venezuela of funding the ELN -- a charge denied by the government "
     "in Caracas.", "venezuela", "colombia"),
    ("Kenya angered Kampala by accusing Uganda of sheltering rebels, an allegation rejected by Ugandan officials.",
     "uganda", "kenya"),
    ("Israel accused Hezbollah of hiding rockets in schools, a claim dismissed by Hezbollah as propaganda.",
     "hezbollah", "israel"),
])
def test_a_charge_set_off_after_an_accusation_is_the_accusers(extractor, text, denier, accuser):
    assert (denier, "REJECTS", accuser) in _triples(extractor, text)


# -- co-mediators are no parties of the talks they mediate -------------------------------------------------------

def test_a_co_mediator_that_talked_to_one_side_is_no_party(extractor):
    got = _triples(extractor, "Sudan's army sent envoys to Saudi Arabia on Friday to discuss the truce. The RSF said "
                              "it would extend a previous truce agreed under US-Saudi mediation.")
    assert not {t for t in got if t[1] == "NEGOTIATES" and {t[0], t[2]} == {"united-states", "saudi-arabia"}}
    assert ("united-states", "NEGOTIATES", "sudan-military") in got


def test_both_sides_as_mediators_make_no_new_pairs(extractor):
    got = _triples(extractor, "Egypt held talks with Qatar in Cairo on Monday. The Gaza truce was renewed on Tuesday "
                              "under Egyptian-Qatari mediation.")
    assert {t for t in got if t[1] == "NEGOTIATES"} <= {("egypt", "NEGOTIATES", "qatar"), ("qatar", "NEGOTIATES", "egypt")}


def test_mediators_of_talks_named_before_still_talk_with_each_side(extractor):
    got = _triples(extractor, "Armenia and Azerbaijan met in Geneva on Monday. The talks were held under French-Swiss "
                              "mediation.")
    assert {("france", "NEGOTIATES", "armenia"), ("switzerland", "NEGOTIATES", "azerbaijan")} <= got
    assert not {t for t in got if {t[0], t[2]} == {"france", "switzerland"}}


# -- 'condemned what it called X's interference': the act the label names, and its doer ---------------------------

@pytest.mark.parametrize("text, judge, rtype, doer", [
    ("UN Secretary-General Antonio Guterres has condemned what he described as Israel's relentless expansion of "
     "settlements.", "antonio-guterres", "CRITICISES", "israel"),
    ("The African Union welcomed what it termed Sudan's commitment to the talks.", "african-union", "PRAISES",
     "sudan"),
    ("Moscow on Friday rejected what it called a hostile demand from Estonia.", "russia", "REJECTS", "estonia"),
])
def test_a_reaction_to_what_the_speaker_labels_targets_the_labelled_acts_doer(extractor, text, judge, rtype, doer):
    assert (judge, rtype, doer) in _triples(extractor, text)


def test_a_label_naming_no_doer_targets_no_one(extractor):
    got = _triples(extractor, "Kenya condemned what it called a cowardly attack on civilians in Mandera.")
    assert not {t for t in got if t[0] == "kenya" and t[1] == "CRITICISES"}


@pytest.mark.parametrize("text, denier, accuser", [
    ("Ties have soured since Justin Trudeau in 2023 accused the Indian government of the killing - accusations that "
     "India rejected as absurd.", "india", "justin-trudeau"),
    ("Ethiopia accused Sudan of arming rebels in Tigray, a charge which Khartoum denied on Monday.", "sudan",
     "ethiopia"),
    ("Manila blamed Beijing for the collision, allegations that China dismissed as groundless.", "china",
     "philippines"),
])
def test_a_relative_clause_on_a_charge_after_an_accusation_rejects_the_accuser(extractor, text, denier, accuser):
    assert (denier, "REJECTS", accuser) in _triples(extractor, text)


# -- 'condemned the attack' whose claimant is named before or just after ----------------------------------------

@pytest.mark.parametrize("text, judges, attacker", [
    ("The African Union on Tuesday condemned a deadly attack on Kenyan troops near Lamu. "
     "The attack, claimed by al-Shabab, killed four soldiers.", ("african-union",), "al-shabaab"),
    ("Nigeria condemned the bombing of a market in Maiduguri on Tuesday. Boko Haram claimed the bombing a day later.",
     ("nigeria",), "boko-haram"),
    ("Gunmen from Islamic State carried out a raid on a police post in Niger on Sunday. Mali and Burkina Faso "
     "condemned the raid.", ("mali", "burkina-faso"), "islamic-state"),
])
def test_condemning_an_attack_targets_its_claimant_named_nearby(extractor, text, judges, attacker):
    got = _triples(extractor, text)
    for j in judges:
        assert (j, "CRITICISES", attacker) in got


def test_an_attack_with_no_claimant_targets_no_one(extractor):
    got = _triples(extractor, "Kenya condemned a deadly attack on a bus near Mandera. No group has said it was "
                              "behind the attack, police said.")
    assert not {t for t in got if t[0] == "kenya" and t[1] == "CRITICISES"}


# -- 'a raid that killed X': the act of force hits whom its relative clause says ---------------------------------

@pytest.mark.parametrize("text, striker, struck", [
    ("Israel carried out an airstrike that killed a senior Hamas commander in Gaza City.", "israel", "hamas"),
    ("Colombia flew troops into Ecuador in a bombing raid that killed a commander of the FARC.", "colombia",
     "farc"),
    ("Turkey launched a drone strike which hit a PKK depot near Sinjar on Friday.", "turkey", "pkk"),
])
def test_a_strike_hits_whom_its_relative_clause_names(extractor, text, striker, struck):
    got = _triples(extractor, text)
    assert {t for t in got if t[1] == "COERCES" and t[2] == struck and t[0].startswith(striker)}


@pytest.mark.parametrize("text, deniers, accuser", [
    ("Colombia fuelled the tensions on Sunday by accusing Venezuela of funding the ELN. Oil prices rose. "
     "Both Venezuela and Ecuador denied the allegations.", ("venezuela", "ecuador"), "colombia"),
    ("Rwanda angered Kinshasa after accusing Congolese troops of shelling Gisenyi. Congo rejected the accusations "
     "on Tuesday.", ("democratic-republic-of-the-congo",), "rwanda"),
    ("Pakistan summoned the envoy, accusing India of backing militants in Balochistan. New Delhi dismissed the "
     "charges as baseless.", ("india",), "pakistan"),
])
def test_an_accuser_without_a_subject_of_its_own_is_the_clauses(extractor, text, deniers, accuser):
    got = _triples(extractor, text)
    for d in deniers:
        assert (d, "REJECTS", accuser) in got


# -- 'a meeting between X and Y on the sidelines of a NATO summit': the gathering is where, not a party ------------

@pytest.mark.parametrize("text, pair, forum", [
    ("It follows a rare meeting between President Recep Tayyip Erdogan and Greek Prime Minister Kyriakos Mitsotakis "
     "on the sidelines of a NATO summit in Vilnius in July.", ("recep-tayyip-erdogan", "kyriakos-mitsotakis"), "nato"),
    ("Talks between Indian Prime Minister Narendra Modi and Chinese President Xi Jinping on the margins of the BRICS "
     "summit in Kazan were cordial.", ("narendra-modi", "xi-jinping"), "brics"),
    ("A meeting of the Armenian and Azerbaijani foreign ministers on the fringes of an OSCE gathering ended without "
     "a deal.", ("armenia", "azerbaijan"), "osce"),
])
def test_the_margins_of_a_gathering_are_where_two_sides_meet(extractor, text, pair, forum):
    got = _triples(extractor, text)
    assert {t for t in got if {t[0], t[2]} == set(pair) and t[1] in ("MEETS", "NEGOTIATES")}
    assert not {t for t in got if forum in (t[0], t[2])}
