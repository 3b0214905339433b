"""Discourse and titles in wire copy: datelines, group anaphors, event nouns, definite descriptions, titles that
name no country, organisation + role noun, and the precision traps of titles and compounds.

Table-driven like tests/test_extraction_rules.py: each case is a short text written for these tests, the triples
that must be found and those that must not be.
"""

from __future__ import annotations

import pytest

from extraction.extractor import Extractor
from graph.model import Document

# ``extractor``: the session's one extractor (tests/conftest.py).


def extract(extractor: Extractor, text: str, date: str | None = "2025-12-01"):
    return extractor.extract(Document(id="t", text=text, date=date))


def triples(extractor: Extractor, text: str, date: str | None = "2025-12-01") -> set[tuple[str, str, str]]:
    return {(r.source, r.type, r.target) for r in extract(extractor, text, date).relations}


CASES = [
    # -- datelines never act ----------------------------------------------------------------------------------------
    ("dateline-region-agency", "Talks resume\nKYIV, Ukraine (Agency) — Russia criticised Moldova on Monday.",
     {("russia", "CRITICISES", "moldova")}, {("ukraine", "CRITICISES", "moldova")}),
    ("dateline-title-case-city", "Beijing, Dec 3 (Agency) -- China criticised Japan on Tuesday.",
     {("china", "CRITICISES", "japan")}, set()),
    ("dateline-colon", "NEW DELHI, Dec. 3, 2025: India condemned Pakistan over the raid.",
     {("india", "CRITICISES", "pakistan")}, set()),
    ("dateline-capital-city-and-country", "ISTANBUL, Turkey — Sudan and Chad agreed on Monday to reopen their border.",
     {("sudan", "COOPERATES_WITH", "chad")}, {("turkey", "COOPERATES_WITH", "sudan"), ("turkey", "COOPERATES_WITH", "chad")}),
    ("threatened-measure-is-no-measure", "President Trump threatened tariffs on Brazil after the ruling.",
     {("donald-trump", "THREATENS", "brazil")}, {("donald-trump", "SANCTIONS", "brazil")}),
    ("its-after-pressed-over-is-the-object", "Washington pressed Ankara over its support for Hamas.",
     {("united-states", "DEMANDS", "turkey")}, {("united-states", "SUPPORTS", "hamas")}),
    ("leading-a-delegation-leads-no-state", "Deputy Foreign Minister Rosa Vidal led the Peruvian delegation to the talks.",
     set(), {("rosa-vidal", "LEADS", "peru")}),
    ("dateline-dash-without-space", "WASHINGTON (Agency)–The United States sanctioned Iran on Monday.",
     {("united-states", "SANCTIONS", "iran")}, set()),
    # -- titles -----------------------------------------------------------------------------------------------------
    ("secretary-general-apposition-leads", "The OAS secretary general, Albert Ramdin, urged calm in Haiti.",
     {("albert-ramdin", "LEADS", "oas")}, {("albert-ramdin", "MEMBER_OF", "oas")}),
    ("its-secretary-general-leads",
     "The Pacific Islands Forum met on Monday. Its secretary general, Baron Waqa, said the forum would decide.",
     {("baron-waqa", "LEADS", "pacific-islands-forum")}, {("baron-waqa", "MEMBER_OF", "pacific-islands-forum")}),
    ("counterpart-of-a-prime-minister-leads",
     "Prime Minister Anthony Albanese and his Papua New Guinea counterpart James Marape signed the accord.",
     {("james-marape", "LEADS", "papua-new-guinea")}, {("james-marape", "MEMBER_OF", "papua-new-guinea")}),
    ("counterpart-of-a-minister-serves",
     "Polish Foreign Minister Radosław Sikorski met his Lithuanian counterpart Kęstutis Budrys in Warsaw.",
     {("kestutis-budrys", "MEMBER_OF", "lithuania")}, {("kestutis-budrys", "LEADS", "lithuania")}),
    ("whose-prime-minister",
     "Australia has a stalled deal with Vanuatu, whose Prime Minister Jotham Napat said his cabinet needed time.",
     {("jotham-napat", "LEADS", "vanuatu")}, set()),
    ("unqualified-title-takes-the-dateline-state",
     "Quito recalls envoy\nQUITO, Nov 2 (Agency) - Ecuador criticised Colombia on Sunday. Foreign Minister "
     "Gabriela Sommerfeld said the decision was final.",
     {("gabriela-sommerfeld", "MEMBER_OF", "ecuador")}, {("gabriela-sommerfeld", "MEMBER_OF", "colombia")}),
    ("unqualified-title-takes-the-subject-body-state",
     "Foreign Minister Ararat Mirzoyan met Jeyhun Bayramov in Abu Dhabi, the Armenian Foreign Ministry said.",
     {("ararat-mirzoyan", "MEMBER_OF", "armenia")}, set()),
    ("acting-title-is-not-unqualified",
     "Serbia denounced the raid. Kosovo's acting Prime Minister Albin Kurti defended the police.",
     set(), {("albin-kurti", "LEADS", "serbia"), ("albin-kurti", "MEMBER_OF", "serbia")}),
    ("two-capital-dateline-names-no-state",
     "Border closed\nISLAMABAD/KABUL, Jan 2 (Agency) - Pakistan shelled Afghan posts. Chief spokesman "
     "Zabihullah Mujahid said the Taliban would respond.",
     set(), {("zabihullah-mujahid", "MEMBER_OF", "pakistan")}),
    ("a-delegation-list-takes-the-delegation-state",
     "Talks open in Geneva\nGENEVA, Feb 3 (Agency) - Ukraine and Russia opened a new round of talks on Monday. The "
     "Ukrainian delegation included Defence Minister Rustem Umerov and Deputy Foreign Minister Sergiy Kyslytsya.",
     {("rustem-umerov", "MEMBER_OF", "ukraine"), ("sergiy-kyslytsya", "MEMBER_OF", "ukraine")},
     {("rustem-umerov", "MEMBER_OF", "russia"), ("sergiy-kyslytsya", "MEMBER_OF", "russia")}),
    ("a-delegation-from-a-state",
     "Peru and Chile resumed border talks. The delegation from Chile included Deputy Foreign Minister Alberto Soto.",
     {("alberto-soto", "MEMBER_OF", "chile")}, {("alberto-soto", "MEMBER_OF", "peru")}),
    ("two-delegations-name-no-one-state",
     "Peru and Chile resumed border talks. The Peruvian and Chilean delegations included Deputy Foreign Minister "
     "Alberto Soto.",
     set(), {("alberto-soto", "MEMBER_OF", "peru"), ("alberto-soto", "MEMBER_OF", "chile")}),
    ("an-acting-leader-leads",
     "Peru's acting President Mateo Quispe met Bolivian officials on Monday.",
     {("mateo-quispe", "LEADS", "peru")}, {("mateo-quispe", "MEMBER_OF", "peru")}),
    ("his-minister-serves-the-state-his-title-named",
     "Chilean President Gabriel Soto criticised Peru on Monday. His foreign minister, Alberto Ruiz, urged calm.",
     {("alberto-ruiz", "MEMBER_OF", "chile")}, {("alberto-ruiz", "MEMBER_OF", "peru")}),
    ("a-spokesman-after-his-government-speaks-for-it",
     "Talks stall\nLIMA, May 2 (Agency) - Chile closed two crossings. Bolivia's interim government condemned the "
     "closures. Chief spokesman Mateo Quispe said the crossings had to reopen.",
     {("mateo-quispe", "MEMBER_OF", "bolivia")}, {("mateo-quispe", "MEMBER_OF", "chile"),
                                                   ("mateo-quispe", "MEMBER_OF", "peru")}),
    ("organisation-staff-noun",
     "Crisis Group expert Dawit Haile said Ethiopia would not yield. Supreme Court judge Maria Lopez spoke too.",
     {("dawit-haile", "MEMBER_OF", "international-crisis-group")}, {("dawit-haile", "MEMBER_OF", "ethiopia")}),
    ("spokesperson-for-an-organisation", "Ana Ruiz, a spokesperson for Amnesty International, criticised Peru.",
     {("ana-ruiz", "MEMBER_OF", "amnesty-international"), ("ana-ruiz", "CRITICISES", "peru")}, set()),
    ("director-for-a-country-is-not-its-official",
     "The World Food Programme lost trucks. \"We call on all parties to protect convoys,\" said Omar Saleh, the "
     "agency's country director for Sudan.",
     set(), {("omar-saleh", "MEMBER_OF", "sudan")}),
    # -- event nouns name the act reported last -----------------------------------------------------------------
    ("the-move-is-the-last-act",
     "Ecuador expelled Colombia's ambassador on Monday. Venezuela criticised the move on Tuesday.",
     {("venezuela", "CRITICISES", "ecuador")}, {("venezuela", "CRITICISES", "colombia")}),
    ("the-decision-of-a-body-is-its-state",
     "The Treasury Department said it had sanctioned two Cuban firms. Cuba condemned the decision.",
     {("cuba", "CRITICISES", "united-states")}, set()),
    ("the-request-is-the-asking-ones",
     "Bolivia asked Chile to return the seized trucks on Monday. Santiago rejected the request on Tuesday.",
     {("chile", "REJECTS", "bolivia")}, {("chile", "REJECTS", "chile")}),
    ("snapped-ties-are-no-cooperation",
     "Bahrain snapped its diplomatic ties with Qatar in June.",
     set(), {("bahrain", "COOPERATES_WITH", "qatar")}),
    ("words-are-not-moves",
     "Chile urged Peru to talk. Bolivia welcomed the move.",
     set(), {("bolivia", "PRAISES", "chile"), ("bolivia", "CRITICISES", "chile")}),
    # -- group anaphors and the pronouns that take them up ------------------------------------------------------
    ("them-after-both-leaders",
     "Ethiopian Prime Minister Abiy Ahmed and Eritrean President Isaias Afwerki traded accusations. Kenyan President "
     "William Ruto called both leaders on Sunday and urged them to show restraint.",
     {("william-ruto", "NEGOTIATES", "abiy-ahmed"), ("william-ruto", "DEMANDS", "isaias-afwerki"),
      ("william-ruto", "DEMANDS", "abiy-ahmed")}, set()),
    ("the-two-sides-are-the-pair-named-together-not-the-broker",
     "Armenia and Azerbaijan signed a peace framework in Washington on Friday, brokered by the United States. "
     "The two sides agreed to open their border.",
     {("armenia", "COOPERATES_WITH", "azerbaijan")},
     {("united-states", "COOPERATES_WITH", "azerbaijan"), ("united-states", "COOPERATES_WITH", "armenia")}),
    ("the-two-countries-skip-the-host-named-since",
     "Russia and Ukraine agreed to a prisoner exchange on Monday. Turkey hosted the talks in Istanbul. The two "
     "countries also agreed to resume grain shipments.",
     {("russia", "COOPERATES_WITH", "ukraine")},
     {("turkey", "COOPERATES_WITH", "ukraine"), ("turkey", "COOPERATES_WITH", "russia")}),
    ("the-three-countries-are-the-three-named",
     "Egypt, Sudan and Ethiopia held talks in Cairo on the dam. Kenya said it was ready to help. The three "
     "countries agreed to cooperate on flood data.",
     {("egypt", "COOPERATES_WITH", "ethiopia"), ("sudan", "COOPERATES_WITH", "ethiopia"),
      ("egypt", "COOPERATES_WITH", "sudan")},
     {("kenya", "COOPERATES_WITH", "egypt"), ("kenya", "COOPERATES_WITH", "ethiopia")}),
    ("both-ministers-are-the-two-who-met",
     "Indian Foreign Minister S. Jaishankar met Chinese Foreign Minister Wang Yi in Beijing on Monday. Pakistan's "
     "Prime Minister Shehbaz Sharif criticised the meeting. Both ministers agreed to resume direct flights.",
     {("subrahmanyam-jaishankar", "COOPERATES_WITH", "wang-yi")},
     {("shehbaz-sharif", "COOPERATES_WITH", "wang-yi"), ("shehbaz-sharif", "COOPERATES_WITH",
                                                         "subrahmanyam-jaishankar")}),
    ("the-two-sides-again-are-the-same-two-not-the-mediator",
     "ISTANBUL, Turkey — Ethiopia and Eritrea agreed to extend a truce on Friday after a dialogue between the two sides "
     "stalled. Turkey said the next round would be held in Ankara on Nov. 6. Observers expect a long process. The "
     "new round, hosted by Turkey and other friendly states, aimed to ease tensions between the two "
     "sides, who traded fire last month.",
     {("ethiopia", "COERCES", "eritrea"), ("eritrea", "COERCES", "ethiopia")},
     {("turkey", "COERCES", "ethiopia"), ("ethiopia", "COERCES", "turkey"), ("eritrea", "COERCES", "turkey"),
      ("turkey", "COERCES", "eritrea")}),
    ("the-two-countries-of-the-two-leaders",
     "Chilean Foreign Minister Alberto van Klaveren held talks with his Peruvian counterpart Elmer Schialer in Lima. "
     "He also briefed his US counterpart on the Bolivian mediation efforts. The two ministers discussed ties between "
     "the two countries and agreed to cooperate on migration.",
     {("chile", "COOPERATES_WITH", "peru")}, {("bolivia", "COOPERATES_WITH", "united-states"),
                                               ("elmer-schialer", "NEGOTIATES", "bolivia")}),
    # -- definite descriptions of a state ---------------------------------------------------------------------------
    ("the-gulf-state-is-the-state-just-named",
     "Saudi Arabia hosted the talks on Monday. The Gulf state urged Iran to halt its attacks.",
     {("saudi-arabia", "DEMANDS", "iran")}, set()),
    ("the-emirate-is-the-one-acting-not-the-one-acted-on",
     "Qatar criticised Israel on Monday. The emirate urged the United States to act.",
     {("qatar", "DEMANDS", "united-states")}, {("israel", "DEMANDS", "united-states")}),
    ("the-island-nation-is-not-the-speaker",
     "The Maldives signed a fisheries pact with India on Monday. China criticised the island nation on Tuesday.",
     {("china", "CRITICISES", "maldives")}, {("china", "CRITICISES", "india")}),
    ("the-island-nation-among-two-subjects-is-unsure",
     "Fiji and Tonga signed a fisheries pact. Australia criticised the island nation.",
     set(), {("australia", "CRITICISES", "fiji"), ("australia", "CRITICISES", "tonga")}),
    ("a-state-named-by-its-demonym-is-no-anaphor",
     "Israel struck Hezbollah. Defence Minister Israel Katz accused the Lebanese state of failing to act.",
     {("israel-katz", "CRITICISES", "lebanon")}, {("israel-katz", "CRITICISES", "israel")}),
    ("they-after-a-listed-subject",
     "Saudi Arabia, the United Arab Emirates and Bahrain cut ties with Qatar on Monday. They accused Doha of backing "
     "extremist groups.",
     {("saudi-arabia", "CRITICISES", "qatar"), ("bahrain", "CRITICISES", "qatar"),
      ("united-arab-emirates", "CRITICISES", "qatar")}, set()),
    ("they-after-a-subject-with-no-actor-part-is-unsure",
     "Egypt and aid groups condemned the raid. They urged Israel to withdraw.",
     set(), {("egypt", "DEMANDS", "israel")}),
    ("a-count-of-states-is-no-anaphor",
     "Canada and Mexico signed a steel memorandum in May. Ottawa later urged three U.S. states to drop their levies.",
     set(), {("canada", "DEMANDS", "mexico")}),
    ("them-after-both-countries",
     "Egypt and Ethiopia traded accusations over the floods. The African Union invited both countries to Addis "
     "Ababa and urged them to resume talks.",
     {("african-union", "DEMANDS", "egypt"), ("african-union", "DEMANDS", "ethiopia")}, set()),
    # -- a quote's speaker, named once, speaks in every sentence of it -------------------------------------------
    ("we-in-a-quote-is-the-speakers-state",
     "\"This is an attack on our country. We condemn Minsk and we will answer it,\" Lithuanian Foreign Minister "
     "Kęstutis Budrys said.",
     {("lithuania", "CRITICISES", "belarus")}, set()),
    ("i-in-a-quote-after-a-colon-is-the-speaker",
     "Lithuanian Foreign Minister Kęstutis Budrys said: \"The balloons keep coming. I will ask Brussels for help.\"",
     {("kestutis-budrys", "DEMANDS", "european-union")}, set()),
    ("a-quote-without-a-named-speaker-stays-unattributed",
     "\"We condemn Minsk,\" a statement said.",
     set(), {("lithuania", "CRITICISES", "belarus")}),
    ("a-quote-right-after-an-attributed-one-is-the-same-voice",
     "\"The boats keep coming,\" Philippine Foreign Secretary Enrique Manalo said. \"We urge Beijing to respect the "
     "ruling.\"",
     {("philippines", "DEMANDS", "china")}, set()),
    ("a-continued-quote-after-an-apposed-title-is-its-state",
     "\"This is a violation,\" said Antonia Ruiz, Chile's foreign minister.\n\n\"We demand that Argentina withdraw "
     "its troops.\"",
     {("chile", "DEMANDS", "argentina")}, set()),
    ("a-quote-after-narration-is-not-continued",
     "\"The boats keep coming,\" Philippine Foreign Secretary Enrique Manalo said. Vietnam sent ships on Monday. "
     "\"We urge Beijing to respect the ruling.\"",
     set(), {("philippines", "DEMANDS", "china")}),
    ("organisation-noun-before-a-name",
     "Poland closed the crossing. The truckers' association Transfrota urged the government to reopen the border.",
     {("transfrota", "DEMANDS", "poland")}, set()),
    ("charge-d-affaires", "Russia's chargé d'affaires Ivan Petrov met Lithuanian officials on Friday.",
     {("ivan-petrov", "MEMBER_OF", "russia")}, set()),
]


@pytest.mark.parametrize("name,text,must,must_not", CASES, ids=[c[0] for c in CASES])
def test_discourse_rule(extractor, name, text, must, must_not):
    found = triples(extractor, text)
    assert must <= found, f"{name}: missing {must - found}; found {found}"
    assert not (must_not & found), f"{name}: wrong {must_not & found}"


@pytest.mark.parametrize("text,absent", [
    ("Iran's UN mission rejected the report on Tuesday.", "united-nations"),
    ("UN ambassadors from Europe criticised Iran on Tuesday.", "united-nations"),
    ("Israel released Palestinian prisoners on Monday, and European traders criticised the tariffs.", "palestine"),
    ("Israel released Palestinian prisoners on Monday, and European traders criticised the tariffs.", "european-union"),
])
def test_compounds_and_demonym_modifiers_name_no_acting_actor(extractor, text, absent):
    ext = extract(extractor, text)
    assert absent not in {a.id for a in ext.actors}
    assert not any(absent in (r.source, r.target) for r in ext.relations)


def test_the_un_envoy_for_a_country_is_the_un(extractor):
    found = triples(extractor, "The UN envoy for Yemen, Hans Grundberg, urged the Houthis to free the staff.")
    assert ("hans-grundberg", "MEMBER_OF", "united-nations") in found


def test_a_role_nominal_resolves_to_the_holder_the_article_names(extractor):
    text = ("Mexico's president said the tariffs were unfair. Andrés Manuel López Obrador, the Mexican president, "
            "criticised the United States.")
    for date in ("2025-12-01", None):  # dated today or undated: the article's own holder, not today's
        found = triples(extractor, text, date)
        assert ("andres-manuel-lopez-obrador", "LEADS", "mexico") in found
        assert not any(s == "claudia-sheinbaum" for s, _, _ in found)


def test_an_undated_role_nominal_resolves_to_no_one(extractor):
    text = "Mexico's president criticised the United States on Monday."
    assert not any(s == "claudia-sheinbaum" for s, _, _ in triples(extractor, text, None))
    assert ("claudia-sheinbaum", "CRITICISES", "united-states") in triples(extractor, text, "2025-12-01")


def test_a_role_nominal_resolves_to_an_apposed_holder_the_gazetteer_lacks(extractor):
    text = ("Chile's foreign minister criticised Peru on Monday. Maria Soto, Chile's foreign minister, said the talks "
            "had failed.")
    found = triples(extractor, text)
    assert ("maria-soto", "CRITICISES", "peru") in found and ("maria-soto", "MEMBER_OF", "chile") in found


def test_a_dateline_alone_on_its_line_is_skipped(extractor):
    text = "Seoul and Tokyo plan talks\nSEOUL, March 2, Kyodo\nSouth Korea criticised Japan on Monday."
    ext = extract(extractor, text)
    assert "kyodo" not in {a.id for a in ext.actors}
    assert ("south-korea", "CRITICISES", "japan") in {(r.source, r.type, r.target) for r in ext.relations}


def test_a_dateline_agency_is_no_actor(extractor):
    ext = extract(extractor, "Drones hit Kyiv\nKYIV, Ukraine (AP) — Russia launched drones at Kyiv overnight.")
    assert "associated-press" not in {a.id for a in ext.actors}
    ext = extract(extractor, "Drones hit Lviv\nLviv, Ukraine | AP | Russia launched drones at Lviv overnight.")
    assert "associated-press" not in {a.id for a in ext.actors}


def test_a_dateline_with_an_empty_agency_bracket_names_no_actor(extractor):
    # pages that drop the agency's link text keep its bracket: 'CITY, Country, Month D YYYY ( –'
    ext = extract(extractor, "Oslo, Norway, May 4 2019 ( – China criticised Japan over the raid.")
    assert "norway" not in {a.id for a in ext.actors}
    assert ("china", "CRITICISES", "japan") in {(r.source, r.type, r.target) for r in ext.relations}


def test_the_country_is_the_one_state_its_own_sentence_named(extractor):
    # the story is about China, but 'the country' here is the one state its sentence named before it
    text = ("China urged Japan to share data on Monday. A spokesperson voiced concern about the U.S. research "
            "and about whether the country had broken the convention.")
    bound = {(surface, actor) for s in extractor.explain(Document(id="t", text=text, date="2025-12-01"))
             for surface, actor, via in s.mentions if via == "anaphor"}
    assert ("the country", "united-states") in bound


def test_a_dateline_agency_is_no_antecedent(extractor):
    text = "Chile rejects report on mine\nSANTIAGO, Dec 3 (Reuters) - Chile rejected the report on Tuesday, calling it biased."
    ext = extract(extractor, text)
    assert "reuters" not in {a.id for a in ext.actors}
    assert not {r for r in ext.relations if r.target == "reuters"}
