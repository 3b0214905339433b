"""Round 6 (asks): clause-level demands, threats and blame. Ultimatums, penalties, force not ruled out, where a
threatened act lands, warned consequences, troops sent to a border, protest notes, complaints about a third party,
labels of an actor's act, and the recommendations of an NGO's or IGO's statement. Our own sentences, written the way
wire copy and NGO statements are (datelines, titles, lists); each construction in at least three wordings with
different actors, tenses and word order, and the near misses that must state nothing."""

from __future__ import annotations

import pytest

from extraction.extractor import Extractor
from extraction.lexicon import TRIGGERS_ENV, load_lexicon
from graph.model import Document


def _triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    ext = extractor.extract(Document(id="t", text=text, date="2026-03-10"))
    return {(r.source, r.type, r.target) for r in ext.relations}


# -- ultimatums: 'gave Y until DATE / N days to VP' demands; ', or face Z' threatens too ----------------------------

@pytest.mark.parametrize("text, expected", [
    ("The Pacific Islands Forum has given Fiji until May 1 to nominate an election date, or face suspension.",
     {("pacific-islands-forum", "DEMANDS", "fiji"), ("pacific-islands-forum", "THREATENS", "fiji")}),
    ("ABUJA, Aug 1 - ECOWAS gave the military rulers of Niger one week to release President Bazoum or face the use "
     "of force.", {("ecowas", "DEMANDS", "niger"), ("ecowas", "THREATENS", "niger")}),
    ("The African Union gave Sudan's army 15 days to hand power to civilians.",
     {("african-union", "DEMANDS", "sudan-military")}),
    ("Brussels will give Serbia until the end of the year to align its visa policy.",
     {("european-union", "DEMANDS", "serbia")}),
])
def test_an_ultimatum_demands_and_its_penalty_threatens(extractor, text, expected):
    assert expected <= _triples(extractor, text)


@pytest.mark.parametrize("text, expected", [
    ("The European Union urged Serbia to recognise Kosovo or risk losing its accession talks.",
     ("european-union", "THREATENS", "serbia")),
    ("Washington has pressed Caracas to free the detained Americans or face new sanctions.",
     ("united-states", "THREATENS", "venezuela")),
    ("Turkey called on Sweden to extradite the suspects or face a veto on its NATO bid.",
     ("turkey", "THREATENS", "sweden")),
])
def test_the_penalty_of_a_demand_threatens_whom_it_urges(extractor, text, expected):
    assert expected in _triples(extractor, text)


def test_granting_things_is_no_ultimatum(extractor):
    got = _triples(extractor, "Germany gave Ukraine more air defence systems to protect its cities.")
    assert not {t for t in got if t[1] in ("DEMANDS", "THREATENS")}
    got = _triples(extractor, "The European Union urged Serbia to recognise Kosovo.")
    assert ("european-union", "THREATENS", "serbia") not in got


# -- threats: where the threatened act lands, a warned consequence, force not ruled out ------------------------------

@pytest.mark.parametrize("text, expected", [
    ("U.S. President Donald Trump threatened military intervention in Cuba on Monday.",
     ("donald-trump", "THREATENS", "cuba")),
    ("France threatened to pull its troops out of Chad.", ("france", "THREATENS", "chad")),
    ("Erdogan threatened to send a missile to Athens.", ("recep-tayyip-erdogan", "THREATENS", "greece")),
    ("Iran has threatened retaliation against Israel for the strike.", ("iran", "THREATENS", "israel")),
])
def test_a_threat_lands_where_the_threatened_act_would(extractor, text, expected):
    assert expected in _triples(extractor, text)


def test_a_threat_on_the_own_state_threatens_no_one(extractor):
    got = _triples(extractor, "Kenya's president threatened to deploy the army in Nairobi.")
    assert ("william-ruto", "THREATENS", "kenya") not in got


@pytest.mark.parametrize("text, expected", [
    ("China has warned it will use force if Taiwan declares independence.", ("china", "THREATENS", "taiwan")),
    ("Germany warned that if Russia escalates the conflict, the EU can react more quickly.",
     ("germany", "THREATENS", "russia")),
    ("Pyongyang warned on Friday that it would respond with force unless Seoul halts the drills.",
     ("north-korea", "THREATENS", "south-korea")),
])
def test_a_warned_consequence_threatens_whoever_sets_it_off(extractor, text, expected):
    assert expected in _triples(extractor, text)


def test_a_consequence_no_actor_brings_threatens_no_one(extractor):
    got = _triples(extractor, "The UN warned that if Israel attacks Rafah, civilians would suffer.")
    assert not {t for t in got if t[1] == "THREATENS"}


@pytest.mark.parametrize("text, expected", [
    ("Israel has not ruled out military action against Iran.", ("israel", "THREATENS", "iran")),
    ("Washington did not rule out fresh sanctions on Moscow, a spokesman said.", ("united-states", "THREATENS", "russia")),
    ("Ankara has never ruled out new military strikes on the PKK.", ("turkey", "THREATENS", "pkk")),
])
def test_force_not_ruled_out_threatens(extractor, text, expected):
    assert expected in _triples(extractor, text)


def test_talks_not_ruled_out_threaten_no_one(extractor):
    got = _triples(extractor, "The minister did not rule out talks with Hamas.")
    assert not {t for t in got if t[1] == "THREATENS"}
    got = _triples(extractor, "Israel has ruled out military action against Iran.")
    assert ("israel", "THREATENS", "iran") not in got


# -- troops sent to a border (force.yaml: troops-to-border) -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Venezuela ordered troops and tanks to the border with Colombia on Sunday.",
     ("venezuela", "THREATENS", "colombia")),
    ("Russia has moved more troops to its frontier with Ukraine, NATO said.", ("russia", "THREATENS", "ukraine")),
    ("Eritrea rushed reinforcements to Ethiopia's border overnight.", ("eritrea", "THREATENS", "ethiopia")),
])
def test_troops_sent_to_a_border_threaten_the_neighbour(extractor, text, expected):
    assert expected in _triples(extractor, text)


def test_troops_sent_into_a_country_are_no_border_threat(extractor):
    assert ("france", "THREATENS", "mali") not in _triples(extractor, "France sent troops to Mali in 2013.")


# -- protests: notes, and complaints to a third party about another --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Indonesia sent two protest notes to Malaysia in January and April.", ("indonesia", "CRITICISES", "malaysia")),
    ("Seoul handed a protest letter to Japan's ambassador on Friday.", ("south-korea", "CRITICISES", "japan")),
    ("The Philippines has filed a protest note with China over the incident.", ("philippines", "CRITICISES", "china")),
])
def test_a_protest_note_criticises_its_addressee(extractor, text, expected):
    assert expected in _triples(extractor, text)


def test_a_note_that_is_no_protest_criticises_no_one(extractor):
    got = _triples(extractor, "Germany sent a note to France about the summit schedule.")
    assert not {t for t in got if t[1] == "CRITICISES"}


@pytest.mark.parametrize("text, expected, unexpected", [
    ("Cambodia complained to the United Nations that Thailand had violated its sovereignty.",
     ("cambodia", "CRITICISES", "thailand"), ("cambodia", "CRITICISES", "united-nations")),
    ("Armenia complained to Moscow that Azerbaijani troops had shelled its villages.",
     ("armenia", "CRITICISES", "azerbaijan-military"), ("armenia", "CRITICISES", "russia")),
    ("Venezuela has complained to the Security Council that Guyana is drilling in disputed waters.",
     ("venezuela", "CRITICISES", "guyana"), ("venezuela", "CRITICISES", "unsc")),
])
def test_a_complaint_to_a_third_party_criticises_whom_it_is_about(extractor, text, expected, unexpected):
    got = _triples(extractor, text)
    assert expected in got and unexpected not in got


# -- a label of an actor's act: 'called the council's move a "breach of ..."' ---------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('Sri Lanka\'s ambassador called the UN Human Rights Council\'s move a "serious breach of international law".',
     ("sri-lanka", "CRITICISES", "unhrc")),
    ('Venezuela called Washington\'s decision "an act of craziness".', ("venezuela", "CRITICISES", "united-states")),
    ('Hungary called the European Commission\'s decision a "blatant attack on our sovereignty".',
     ("hungary", "CRITICISES", "european-commission")),
])
def test_a_label_of_an_act_criticises_its_doer(extractor, text, expected):
    assert expected in _triples(extractor, text)


# -- an NGO's or IGO's statement: its unattributed 'Y should ...' sentences recommend --------------------------------

AMNESTY = """Chad: free detained protesters

Amnesty International said on Tuesday that authorities in Chad had detained dozens of protesters in N'Djamena.

The European Union and the United States should press Chad to release them without conditions."""

CRISIS_GROUP = """Horn of Africa: border crossings must reopen

This report was first published on crisisgroup.org on 3 May 2025.

The International Crisis Group said in a report released on Monday that talks between Addis Ababa and Asmara had
stalled.

Ethiopia and Eritrea should reopen their border crossings without delay."""

UN_STATEMENT = """GENEVA, March 4 - The United Nations said on Wednesday that fighting in North Kivu had displaced
200,000 people since January.

Rwanda must withdraw its troops from Congolese territory and stop supporting the M23."""

WIRE = """NAIROBI, March 4 (Reuters) - Kenya's interior ministry said on Monday that police had detained 40 people.

Uganda should reopen its border crossing at Busia, traders there argued.

Tanzania must pay the fees by June."""


@pytest.mark.parametrize("text, expected", [
    (AMNESTY, {("amnesty-international", "DEMANDS", "european-union"), ("amnesty-international", "DEMANDS", "united-states")}),
    (CRISIS_GROUP, {("international-crisis-group", "DEMANDS", "ethiopia"),
                    ("international-crisis-group", "DEMANDS", "eritrea")}),
    (UN_STATEMENT, {("united-nations", "DEMANDS", "rwanda")}),
])
def test_a_statements_recommendations_are_its_authors_demands(extractor, text, expected):
    assert expected <= _triples(extractor, text)


def test_a_wire_storys_own_should_demands_nothing(extractor):
    got = _triples(extractor, WIRE)
    assert not {t for t in got if t[1] == "DEMANDS" and t[2] in ("uganda", "tanzania")}


# -- blame carried by what a speaker says another did --------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('"Eritrea continues to sponsor armed groups," Ethiopia said.', ("ethiopia", "CRITICISES", "eritrea")),
    ('"The interim government of Fiji has shown complete contempt for its previous commitments," Australia\'s Prime '
     'Minister Kevin Rudd said.', ("kevin-rudd", "CRITICISES", "fiji")),
    ("Chinese Defence Minister Dong Jun said the United States was meddling in the affairs of the region.",
     ("dong-jun", "CRITICISES", "united-states")),
    ("Rwanda said on Sunday that Burundi harbours the rebels who attacked its border posts.",
     ("rwanda", "CRITICISES", "burundi")),
])
def test_a_wrong_said_of_another_criticises_it(extractor, text, expected):
    assert expected in _triples(extractor, text)


@pytest.mark.parametrize("text", [
    "Ukraine said Russia was fighting terrorists in Syria.",
    '"We will never harbour terrorists," Pakistan\'s foreign minister said.',
    "Egypt said Sudan had not violated the agreement.",
    "The United States said France would sponsor the resolution.",
    "China said Taiwan lies within its territory.",
    "Egypt said Qatar would host the talks.",
])
def test_a_said_clause_with_no_wrong_of_another_criticises_no_one(extractor, text):
    assert not {t for t in _triples(extractor, text) if t[1] == "CRITICISES"}


@pytest.mark.parametrize("text, expected", [
    ("Japan's defence minister Minoru Kihara said Beijing's comment was regrettable.",
     ("minoru-kihara", "CRITICISES", "china")),
    ("Seoul said Tokyo's decision was unjustified.", ("south-korea", "CRITICISES", "japan")),
    ("Canada said India's conduct was unacceptable.", ("canada", "CRITICISES", "india")),
])
def test_a_said_label_of_an_act_criticises_its_doer(extractor, text, expected):
    assert expected in _triples(extractor, text)


# -- asks that are no demands; blame in what is not tolerated; blocking a bloc's positions ------------------------

@pytest.mark.parametrize("text, unexpected", [
    ("Kassym-Jomart Tokayev asked Wang Yi to convey his greetings to President Xi Jinping.",
     ("kassym-jomart-tokayev", "DEMANDS", "wang-yi")),
    ("Indonesia asked Malaysia's ambassador to comment on the claim.", ("indonesia", "DEMANDS", "malaysia")),
    ("France asked Germany to relay its thanks to the Chancellor.", ("france", "DEMANDS", "germany")),
])
def test_asking_for_a_courtesy_or_a_comment_demands_nothing(extractor, text, unexpected):
    assert unexpected not in _triples(extractor, text)


def test_asking_for_an_act_still_demands(extractor):
    assert ("indonesia", "DEMANDS", "malaysia") in _triples(extractor, "Indonesia asked Malaysia to withdraw its vessels.")


@pytest.mark.parametrize("text, expected", [
    ("Seoul will not accept Pyongyang's reckless provocations, the ministry said.",
     ("south-korea", "CRITICISES", "north-korea")),
    ("Beijing does not tolerate Manila's illegal incursions.", ("china", "CRITICISES", "philippines")),
    ('"We will never tolerate North Korea\'s continued provocations," Japan\'s foreign ministry said.',
     ("japan-foreign-ministry", "CRITICISES", "north-korea")),
])
def test_not_tolerating_anothers_wrongs_criticises(extractor, text, expected):
    got = _triples(extractor, text)
    assert expected in got and (expected[0], "REJECTS", expected[2]) not in got


def test_not_accepting_a_proposal_still_rejects(extractor):
    assert ("israel", "REJECTS", "hamas") in _triples(extractor, "Israel will not accept the ceasefire proposal from Hamas.")


@pytest.mark.parametrize("text, expected", [
    ("Hungary was accused of systematically blocking EU foreign policy positions.",
     ("hungary", "OPPOSES", "european-union")),
    ("Poland has blocked the European Union's common position on migration, diplomats said.", ("poland", "OPPOSES", "european-union")),
    ("Slovakia threatened to block NATO's policy on Ukraine.", ("slovakia", "THREATENS", "nato")),
])
def test_blocking_a_blocs_position_opposes_it_and_coerces_no_one(extractor, text, expected):
    got = _triples(extractor, text)
    assert expected in got and (expected[0], "COERCES", expected[2]) not in got


# -- blame on a free relative's label: 'condemned what it described as Y's violation' --------------------------------

@pytest.mark.parametrize("text, expected", [
    ('Mexico condemned what it described as Ecuador\'s "flagrant" violation of international law.',
     ("mexico", "CRITICISES", "ecuador")),
    ("UN Secretary-General Antonio Guterres condemned what he described as Israel's relentless expansion of "
     "settlements.", ("antonio-guterres", "CRITICISES", "israel")),
    ("Mali protested over what it called outrageous comments made by French Foreign Minister Jean-Yves Le Drian.",
     ("mali", "CRITICISES", "jean-yves-le-drian")),
])
def test_blame_of_a_labelled_act_lands_on_its_doer(extractor, text, expected):
    assert expected in _triples(extractor, text)


# -- views and labels in a small clause or on a relative pronoun --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("India considers Bangladesh an important neighbour, the minister said.", ("india", "PRAISES", "bangladesh")),
    ("Washington considers Moscow a threat to European security.", ("united-states", "CRITICISES", "russia")),
    ('Venezuela rejected Trump\'s threat, which Caracas called "an act of craziness".',
     ("venezuela", "CRITICISES", "donald-trump")),
    ('Beijing protested against the European Parliament\'s resolution, which it called "a gross interference".',
     ("china", "CRITICISES", "european-parliament")),
])
def test_a_view_or_label_in_a_small_clause_or_relative_judges_its_actor(extractor, text, expected):
    assert expected in _triples(extractor, text)


def test_considering_a_measure_is_no_view(extractor):
    got = _triples(extractor, "Brazil is considering sanctions against Venezuela.")
    assert not {t for t in got if t[1] in ("PRAISES", "CRITICISES")}


# -- displeasure at another's act -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The United States said it was disappointed that Nauru had switched diplomatic recognition from Taiwan to China.",
     ("united-states", "CRITICISES", "nauru")),
    ("ASEAN foreign ministers say they are disappointed by the Myanmar military's reluctance to accept the envoy.",
     ("asean", "CRITICISES", "myanmar-military")),
    ("Ottawa is deeply dismayed that India expelled its diplomats.", ("canada", "CRITICISES", "india")),
    ("Kenya was angered by Somalia's decision to auction oil blocks.", ("kenya", "CRITICISES", "somalia")),
])
def test_displeasure_at_an_act_criticises_its_doer(extractor, text, expected):
    assert expected in _triples(extractor, text)


@pytest.mark.parametrize("text", [
    "Ottawa is not disappointed that India expelled its diplomats.",
    "Japan said it was disappointed that the talks had failed.",
])
def test_displeasure_at_no_ones_act_or_denied_criticises_no_one(extractor, text):
    assert not {t for t in _triples(extractor, text) if t[1] == "CRITICISES"}


def test_the_penalty_words_are_data_and_extend_by_override(extractor, tmp_path, monkeypatch):
    """docs/taxonomy.md ('Word classes'): a file in $ACTORGRAPH_TRIGGERS adds 'endure' to the penalty verbs."""
    text = "Brussels urged Belgrade to recognise Kosovo or endure a freeze of its accession talks."
    assert ("european-union", "THREATENS", "serbia") not in _triples(extractor, text)
    f = tmp_path / "more.yaml"
    f.write_text("word_classes:\n  penalty_verbs: [endure]\n", encoding="utf-8")
    monkeypatch.setenv(TRIGGERS_ENV, str(f))
    lex = load_lexicon()
    assert {"endure", "face"} <= lex.word_class("penalty_verbs")
    custom = Extractor(gazetteer=extractor.gz, lexicon=lex)
    got = {(r.source, r.type, r.target) for r in custom.extract(Document(id="t", text=text)).relations}
    assert ("european-union", "THREATENS", "serbia") in got


def test_asking_another_to_extend_a_licence_still_demands(extractor):
    text = "Chevron said it had asked the Angolan government to extend the project's licence by ten years."
    assert ("chevron", "DEMANDS", "angola") in _triples(extractor, text)


# -- the ultimatum in an obligation's form: 'Y must ..., or X will ...' ---------------------------------------------

@pytest.mark.parametrize("text, source, target", [
    ("Military leaders in Mali must hand over power within a week or ECOWAS will take all necessary measures, "
     "including the use of force.", "ecowas", "mali"),
    ("Hamas must release the hostages, or Israel will resume its offensive, the minister warned.", "israel", "hamas"),
    ("Japan must apologise or China will respond, the spokesman said.", "china", "japan"),
])
def test_or_else_demands_and_threatens(extractor, text, source, target):
    assert {(source, "DEMANDS", target), (source, "THREATENS", target)} <= _triples(extractor, text)


def test_and_is_no_or_else(extractor):
    got = _triples(extractor, "Iran must stop enriching uranium, and the United States will help.")
    assert ("united-states", "THREATENS", "iran") not in got


# -- removing a government by force; sought, a campaign against it --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The Houthis ousted Yemen's internationally recognised government in 2014.", ("houthis", "COERCES", "yemen")),
    ("Burkina Faso's army deposed President Roch Kabore in January, the African Union said.",
     ("burkina-faso-military", "COERCES", "roch-kabore")),
    ("Niger's military toppled President Mohamed Bazoum in July.", ("niger-military", "COERCES", "mohamed-bazoum")),
])
def test_an_ouster_coerces(extractor, text, expected):
    assert expected in _triples(extractor, text)


@pytest.mark.parametrize("text, expected", [
    ("Colombia has supported the US-backed effort to oust Venezuela's leader Nicolas Maduro.",
     ("united-states", "OPPOSES", "nicolas-maduro")),
    ("Washington sought to overthrow the Cuban government for decades.", ("united-states", "OPPOSES", "cuba")),
])
def test_an_ouster_sought_opposes(extractor, text, expected):
    got = _triples(extractor, text)
    assert expected in got and (expected[0], "COERCES", expected[2]) not in got


@pytest.mark.parametrize("text, expected", [
    ("Azerbaijan said Armenia had deployed troops in violation of the ceasefire agreement.",
     ("azerbaijan", "CRITICISES", "armenia")),
    ("Kenya said Somalia had acted in defiance of the court's ruling.", ("kenya", "CRITICISES", "somalia")),
    ('"But the government of Nepal is trying to delay the elections under different pretexts," India said.',
     ("india", "CRITICISES", "nepal")),
])
def test_a_wrong_manner_said_of_another_criticises_it(extractor, text, expected):
    assert expected in _triples(extractor, text)


def test_acting_in_accordance_blames_no_one(extractor):
    got = _triples(extractor, "Egypt said Sudan had acted in accordance with the agreement.")
    assert not {t for t in got if t[1] == "CRITICISES"}


# -- a quote over several sentences: its later sentences are said by the speaker named in the first ----------------

@pytest.mark.parametrize("text, expected", [
    ('"Iran must stop enriching uranium," Britain\'s foreign secretary David Lammy said. "Tehran must also free the '
     'detained sailors."', ("david-lammy", "DEMANDS", "iran")),
    ('"We want peace," Ethiopia\'s foreign ministry said on Monday. "But Eritrea continues to sponsor armed groups in '
     'Tigray."', ("ethiopia-foreign-ministry", "CRITICISES", "eritrea")),
    ('"The talks were useful," Egypt\'s foreign minister Badr Abdelatty said. "Ethiopia should now stop filling the '
     'dam. It must share the data."', ("badr-abdelatty", "DEMANDS", "ethiopia")),
])
def test_a_quotes_later_sentences_are_its_speakers(extractor, text, expected):
    assert expected in _triples(extractor, text)


def test_an_unattributed_quote_after_plain_text_has_no_speaker(extractor):
    got = _triples(extractor, 'The talks resumed on Monday in Cairo. "Israel must withdraw from the corridor."')
    assert not {t for t in got if t[1] == "DEMANDS"}


@pytest.mark.parametrize("text, expected", [
    ('"We have tried everything," India\'s foreign ministry spokesman Randhir Jaiswal said. "Pakistan is a terrorist '
     'state."', ("randhir-jaiswal", "CRITICISES", "pakistan")),
    ('"We met in Doha," Qatar\'s foreign ministry said. "Turkey is an important partner."',
     ("qatar-foreign-ministry", "PRAISES", "turkey")),
    ('"Hun Sen\'s actions to remove the main opposition party is a naked power grab," said Brad Adams of Human Rights '
     'Watch.', ("brad-adams", "CRITICISES", "hun-sen")),
])
def test_a_label_in_a_quote_is_its_speakers(extractor, text, expected):
    assert expected in _triples(extractor, text)


def test_a_label_in_an_unattributed_quote_is_no_ones(extractor):
    got = _triples(extractor, 'The summit ended on Monday in Vilnius. "Russia is a threat to Europe."')
    assert not {t for t in got if t[1] == "CRITICISES"}


@pytest.mark.parametrize("text, expected", [
    ("Japan stressed that China's claim is unacceptable.", ("japan", "CRITICISES", "china")),
    ("Manila contends that Beijing's coast guard is illegitimate in those waters.", ("philippines", "CRITICISES", "china-coast-guard")),
    ("Kenya maintains that Somalia's maritime claim is illegal.", ("kenya", "CRITICISES", "somalia")),
])
def test_a_label_after_other_verbs_of_saying(extractor, text, expected):
    assert expected in _triples(extractor, text)


def test_a_label_of_an_act_does_not_reach_the_acts_own_object(extractor):
    text = ('Human Rights Watch said on Friday that the vote had been rigged.\n\n"Hun Sen\'s actions to remove the main '
            'opposition party and its members is a naked power grab," said Brad Adams, Asia director.')
    got = _triples(extractor, text)
    assert ("brad-adams", "CRITICISES", "hun-sen") in got
    assert ("brad-adams", "CRITICISES", "human-rights-watch") not in got
