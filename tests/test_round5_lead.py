"""Round 5 (lead): precision on real-style copy, from errors seen on blind real reporting. Our own sentences,
written the way wire copy is; each construction in more than one wording."""

from __future__ import annotations

from extraction.extractor import Extractor
from graph.model import Document


def _triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    ext = extractor.extract(Document(id="t", text=text, date="2026-03-10"))
    return {(r.source, r.type, r.target) for r in ext.relations}


def _between(got: set[tuple[str, str, str]], a: str, b: str) -> set[tuple[str, str, str]]:
    return {t for t in got if {t[0], t[2]} == {a, b}}


def test_both_parties_urged_by_a_pair_are_never_that_pair(extractor):
    # the pair speaking to 'both parties' was named together twice before: still not the parties it urges
    text = ("Rivals agree to talks\n\n"
            "Egypt and Qatar said talks between Israel and Hamas would start in Cairo on Sunday.\n\n"
            "A joint Egypt-Qatar statement welcomed the start of the talks.\n\n"
            "\"Egypt and Qatar urge both parties to show restraint,\" the statement said.")
    got = _triples(extractor, text)
    assert not {t for t in _between(got, "egypt", "qatar") if t[1] == "DEMANDS"}
    assert ("egypt", "DEMANDS", "israel") in got and ("qatar", "DEMANDS", "hamas") in got


def test_a_demonym_beside_an_owner_says_where_the_allies_are(extractor):
    got = _triples(extractor, "Serbia, which hopes to join the EU, remains one of Russia's closest European allies.")
    assert ("serbia", "ALLIED_WITH", "russia") in got
    assert not {t for t in got if t[1] == "ALLIED_WITH" and "european-union" in (t[0], t[2])}
    got = _triples(extractor, "Hungary is one of China's most loyal European partners.")
    assert not {t for t in got if "european-union" in (t[0], t[2])}


def test_those_involved_with_the_talks_do_not_talk_to_each_other(extractor):
    got = _triples(extractor, "Other nations involved with the talks, Brazil, Norway and Chile, were also present.")
    assert not {t for t in got if t[1] == "NEGOTIATES"}
    got = _triples(extractor, "Brazil and Norway are holding talks in Oslo.")
    assert _between(got, "brazil", "norway")


def test_a_stance_prefix_names_no_actor(extractor):
    got = _triples(extractor, "The pro-China leader Mohamed Muizzu was sworn in as president of the Maldives.")
    assert not {t for t in got if "china" in (t[0], t[2])}
    got = _triples(extractor, "Anti-American protesters marched as Iran's president met Russia's foreign minister.")
    assert not {t for t in got if "united-states" in (t[0], t[2])}


def test_a_junta_in_a_named_state_is_that_states(extractor):
    text = ("Chadian President Mahamat Idriss Deby offered to report back to Nigerian President Bola Tinubu.\n\n"
            "\"He volunteered to go and talk to the junta in Niger,\" a source said.")
    got = _triples(extractor, text)
    assert not {t for t in got if t[1] == "NEGOTIATES" and "nigeria" in (t[0], t[2])}
    got = _triples(extractor, "Algeria recalled its envoy to Madrid. The military junta in Mali expelled "
                              "the French ambassador on Monday.")
    assert ("mali", "SANCTIONS", "france") in got
    assert not {t for t in got if t[0] == "algeria" and t[2] == "france"}


def test_mediators_do_not_negotiate_with_each_other(extractor):
    got = _triples(extractor, "The negotiations took place in Doha, with mediation by Qatar and Turkey.")
    assert not _between(got, "qatar", "turkey")
    got = _triples(extractor, "The rebels said a truce brokered under US-Saudi mediation had been extended.")
    assert not _between(got, "united-states", "saudi-arabia")


def test_an_organisations_meeting_is_its_forum_not_a_party(extractor):
    got = _triples(extractor, "The ASEAN meeting, chaired by Malaysian Foreign Minister Mohamad Hasan, will "
                              "consider new steps.")
    assert not {t for t in got if t[1] == "MEETS"}
    got = _triples(extractor, "The AU summit, hosted by Ethiopian Prime Minister Abiy Ahmed, opened on Sunday.")
    assert not {t for t in got if t[1] == "MEETS" and "african-union" in (t[0], t[2])}
    got = _triples(extractor, "The EU-China summit was held in Beijing on Thursday.")
    assert _between(got, "european-union", "china")


def test_an_embassy_is_its_state(extractor):
    got = _triples(extractor, "Quito's security forces stormed the Mexican embassy to arrest a former vice president.")
    assert ("ecuador", "COERCES", "mexico") in got
    got = _triples(extractor, "Moscow said it was declaring a member of the Moldovan embassy persona non grata.")
    assert ("russia", "SANCTIONS", "moldova") in got
    got = _triples(extractor, "The U.S. Embassy in Kyiv urged Russia to halt the strikes.")
    assert ("united-states", "DEMANDS", "russia") in got


def test_at_the_request_of_names_who_asked(extractor):
    got = _triples(extractor, "Putin and Erdogan had a phone call today at the request of the Turkish leader.")
    assert not {t for t in got if t[1] == "DEMANDS" and t[2] in ("turkey", "recep-tayyip-erdogan")}
    got = _triples(extractor, "The session was convened at the request of Japan, diplomats said.")
    assert not {t for t in got if t[1] == "DEMANDS" and t[2] == "japan"}


def test_an_act_the_speaker_would_not_commit_to_is_not_done(extractor):
    got = _triples(extractor, "Britain said it had raised the matter with Georgia, but the minister did not commit to "
                              "summoning the Georgian ambassador.")
    assert not {t for t in got if t[1] == "MEETS"}
    got = _triples(extractor, "Britain summoned the Georgian ambassador on Monday.")
    assert ("united-kingdom", "MEETS", "georgia") in got
    got = _triples(extractor, "Japan refrained from criticising China at the summit.")
    assert ("japan", "CRITICISES", "china") not in got


def test_a_label_is_the_speakers_stance_not_a_fact(extractor):
    got = _triples(extractor, "Venezuela called Peruvian President Pedro Pablo Kuczynski \"an enemy of the country\".")
    assert ("pedro-pablo-kuczynski", "OPPOSES", "venezuela") not in got
    assert ("venezuela", "CRITICISES", "pedro-pablo-kuczynski") in got
    got = _triples(extractor, "Trump called Gustavo Petro a \"leader of drug traffickers\" on Sunday.")
    assert ("donald-trump", "CRITICISES", "gustavo-petro") in got
    assert ("donald-trump", "PRAISES", "gustavo-petro") not in got


def test_a_states_people_are_not_its_government(extractor):
    got = _triples(extractor, "The Venezuelan government will deepen relations with the Peruvian people, the "
                              "ministry said.")
    assert not {t for t in got if "peru" in (t[0], t[2])}
    got = _triples(extractor, "Venezuela will deepen relations with Peru, the ministry said.")
    assert ("venezuela", "COOPERATES_WITH", "peru") in got


def test_an_unknown_he_is_nobody_not_the_speaker(extractor):
    got = _triples(extractor, "Taiwan's foreign ministry said that on the visit he would also meet Vice President "
                              "William Lai.")
    assert not {t for t in got if t[1] == "MEETS"}
    got = _triples(extractor, "Paraguayan President Santiago Pena arrived on Tuesday. Taiwan's foreign ministry said "
                              "he would also meet Vice President William Lai.")
    assert not {t for t in got if t[1] == "MEETS" and t[0] == "taiwan-foreign-ministry"}


def test_no_longer_negates(extractor):
    got = _triples(extractor, "The Nauru government said it would no longer recognise Taiwan as a separate country.")
    assert ("nauru", "COOPERATES_WITH", "taiwan") not in got


def test_engaging_with_is_talking_engaging_in_a_rivalry_is_not(extractor):
    got = _triples(extractor, "Taiwan and China have engaged in a diplomatic tug-of-war to lure allies.")
    assert not _between(got, "taiwan", "china")
    got = _triples(extractor, "India engaged with the Taliban in Doha on Monday.")
    assert ("india", "NEGOTIATES", "taliban") in got
    got = _triples(extractor, "Iran engaged in talks with the United States in Oman.")
    assert _between(got, "iran", "united-states")


def test_the_nation_of_x_is_x(extractor):
    got = _triples(extractor, "The United States said it was disappointed that the tiny Pacific nation of Nauru "
                              "had switched diplomatic recognition from Taiwan to China.")
    assert ("nauru", "COOPERATES_WITH", "china") in got
    assert not {t for t in got if t[0] == "united-states" and t[2] in ("china", "taiwan")}


def test_mediators_talk_with_each_side_of_the_talks_they_serve(extractor):
    text = ("The Taliban administration and the government of Pakistan have agreed to an immediate ceasefire.\n\n"
            "The negotiations took place on Saturday in Doha, with mediation by Qatar and Turkey.")
    got = _triples(extractor, text)
    assert {("qatar", "NEGOTIATES", "pakistan"), ("turkey", "NEGOTIATES", "taliban")} <= got
    assert not _between(got, "qatar", "turkey")
    got = _triples(extractor, "Ethiopia and Eritrea signed a peace deal in Jeddah. The talks were held under Saudi "
                              "mediation.")
    assert ("saudi-arabia", "NEGOTIATES", "ethiopia") in got or ("ethiopia", "NEGOTIATES", "saudi-arabia") in got


def test_each_accuses_the_other(extractor):
    got = _triples(extractor, "Bangkok and Phnom Penh each accuse the other of breaking the ceasefire.")
    assert {("thailand", "CRITICISES", "cambodia"), ("cambodia", "CRITICISES", "thailand")} <= got
    got = _triples(extractor, "Armenia and Azerbaijan each blamed the other for the clashes on Monday.")
    assert {("armenia", "CRITICISES", "azerbaijan"), ("azerbaijan", "CRITICISES", "armenia")} <= got


def test_they_in_a_clause_of_a_sentence_whose_subject_named_them(extractor):
    got = _triples(extractor, "South Sudan President Salva Kiir and rebel leader Riek Machar voiced hope for a "
                              "breakthrough as they kicked off peace talks in Khartoum.")
    assert _between(got, "salva-kiir", "riek-machar")
    got = _triples(extractor, "Armenia and Azerbaijan said on Monday that progress was possible as they resumed "
                              "talks in Washington.")
    assert _between(got, "armenia", "azerbaijan")


def test_a_third_party_at_talks_named_before_meets_or_mediates_their_sides(extractor):
    text = ("Salva Kiir and Riek Machar held talks in Khartoum on Monday.\n\n"
            "The talks, which were mediated by Sudanese President Omar al-Bashir, were also attended by Ugandan "
            "President Yoweri Museveni.")
    got = _triples(extractor, text)
    assert {("omar-al-bashir", "NEGOTIATES", "salva-kiir"), ("yoweri-museveni", "MEETS", "riek-machar")} <= got
    text = ("Salva Kiir and Riek Machar held talks in Khartoum on Monday. Kiir spoke at the start of the talks, "
            "which were mediated by Sudanese President Omar al-Bashir and also attended by Ugandan President "
            "Yoweri Museveni.")
    got = _triples(extractor, text)
    assert {("omar-al-bashir", "NEGOTIATES", "riek-machar"), ("yoweri-museveni", "MEETS", "salva-kiir")} <= got


def test_an_abbreviation_opening_a_paragraph_ends_no_sentence(extractor):
    from extraction.nlp import load_nlp
    nlp = load_nlp()
    doc = nlp("Talks\n\nU.S. President Donald Trump threatened military intervention in Venezuela.\n\n"
              "Polish Maj. Katarzyna Zdanowicz said the border was calm.")
    sents = [s.text.strip() for s in doc.sents]
    assert "U.S. President Donald Trump threatened military intervention in Venezuela." in sents
    assert "Polish Maj. Katarzyna Zdanowicz said the border was calm." in sents
    doc = nlp("Talks\n\nRussia struck Kyiv overnight. Ukraine said it shot down ten drones.")
    assert len(list(doc.sents)) == 3  # a line of two sentences is still two


def test_an_accord_an_infinitive_aims_at_is_not_made(extractor):
    got = _triples(extractor, "The French foreign minister met his Egyptian counterpart in Cairo as part of efforts "
                              "to secure an agreement between Israel and Hamas.")
    assert ("israel", "COOPERATES_WITH", "hamas") not in got and ("hamas", "COOPERATES_WITH", "israel") not in got
    got = _triples(extractor, "Israel and Hamas reached an agreement on Sunday.")
    assert _between(got, "israel", "hamas")


def test_named_policy_programmes_are_no_actors(extractor):
    got = _triples(extractor, "Kazakhstan supports the Global Development Initiative and the Global Security "
                              "Initiative, Tokayev said.")
    assert not {t for t in got if "initiative" in t[2]}


def test_its_in_a_relative_clause_is_what_the_clause_is_said_of(extractor):
    text = ("The US Treasury said the men supported the group.\n\n"
            "The move is a signal to the Mali junta, which has severed ties with its former ally France.")
    got = _triples(extractor, text)
    assert ("mali", "SANCTIONS", "france") in got
    assert not {t for t in got if t[1] == "ALLIED_WITH" and "treasury" in t[0] + t[2]}


def test_an_organisations_members_named_with_it(extractor):
    got = _triples(extractor, "Fighting between ASEAN members Thailand and Cambodia has killed 40 people.")
    assert {("thailand", "MEMBER_OF", "asean"), ("cambodia", "MEMBER_OF", "asean")} <= got
    got = _triples(extractor, "NATO member Turkey has blocked the bid for a second week.")
    assert ("turkey", "MEMBER_OF", "nato") in got
    got = _triples(extractor, "Budget row\n\nFellow EU members Hungary and Slovakia objected to the plan.")
    assert ("slovakia", "MEMBER_OF", "european-union") in got
    got = _triples(extractor, "Members of the opposition met EU envoys in Caracas.")
    assert not {t for t in got if t[1] == "MEMBER_OF" and t[2] == "european-union"}
