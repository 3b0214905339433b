"""Actor recognition and reference on wire copy (issue 13, round 6, 'actors'). Each text is our own prose of a
construction that failed on real reporting, written with other words, actors, tenses and order than the sentence
that failed; negative cases check that the mechanism does not fire where the construction is absent."""

from __future__ import annotations

import pytest

from extraction.extractor import Extractor
from extraction.mentions import ner
from tests.extracting import extract, names, triples

# ``extractor``: the session's one extractor (tests/conftest.py).


# --- the military's rulers are the state, not its armed forces ------------------------------------------------

@pytest.mark.parametrize("text,triple", [
    ("West African leaders on Sunday imposed travel sanctions on Guinea's military rulers after the coup.",
     ("Economic Community of West African States", "SANCTIONS", "Guinea")),
    ("Chad's military leaders, who seized power in a coup last year, expelled the French ambassador on Monday.",
     ("Chad", "SANCTIONS", "France")),
    ("After the coup, Nigeria said it would impose sanctions on the military leaders in Burkina Faso.",
     ("Nigeria", "SANCTIONS", "Burkina Faso")),
])
def test_military_rulers_are_the_state(extractor: Extractor, text: str, triple: tuple[str, str, str]) -> None:
    text = text.replace("West African leaders", "ECOWAS leaders")
    found = extract(extractor, text)
    assert triple in triples(found)
    assert not any("military" in n for n in names(found, "government_body"))


def test_military_leaders_outside_a_coup_stay_the_armed_forces(extractor: Extractor) -> None:
    # no coup in the story: "Israel's military leaders" are its commanders, not its rulers
    found = extract(extractor, "Israel's military leaders warned Hezbollah on Tuesday against further rocket fire.")
    assert ("Israel", "THREATENS", "Hezbollah") not in triples(found)


# --- 'the interim government', 'the transitional government': the story's state --------------------------------

@pytest.mark.parametrize("text,triple", [
    ("Fiji's coup leader has delayed the vote again. Australia's foreign minister said the interim government "
     "had broken its promises, and Canberra condemned the interim government on Friday.",
     ("Australia", "CRITICISES", "Fiji")),
    ("Sudan's army named a cabinet on Monday. The African Union urged the transitional government to hold "
     "elections within a year.", ("African Union", "DEMANDS", "Sudan")),
    ("Protests spread across Haiti this week. The United States praised the caretaker government for its "
     "restraint.", ("United States", "PRAISES", "Haiti")),
])
def test_interim_government_is_the_state(extractor: Extractor, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in triples(extract(extractor, text))


# --- armed groups named by their fighters: 'Maoist rebels', then 'the Maoists', 'the rebels' ----------------------

@pytest.mark.parametrize("text,triple", [
    ("KATHMANDU, May 2 (Reuters) - Zapatista rebels met a United Nations envoy on Tuesday. The Zapatistas "
     "later rejected the government's offer.", ("Zapatista rebels", "MEETS", "United Nations")),
    ("Naxalite insurgents attacked a police post in the east overnight. India condemned the Naxalites on "
     "Wednesday.", ("India", "CRITICISES", "Naxalite insurgents")),
    ("The talks between Bogota and Ranquel guerrillas resumed on Friday. The guerrillas have urged the "
     "government to release prisoners, and Colombia will negotiate with the Ranquels next week.",
     ("Colombia", "NEGOTIATES", "Ranquel guerrillas")),
])
def test_group_named_by_its_fighters(extractor: Extractor, text: str, triple: tuple[str, str, str]) -> None:
    found = extract(extractor, text)
    assert triple in triples(found)
    group = next(n for n in (triple[0], triple[2]) if n.endswith(("rebels", "insurgents", "guerrillas")))
    assert group in names(found, "armed_group")


@pytest.mark.parametrize("text,not_named", [
    ("Islamist militants attacked a village in the north, and Nigeria condemned the attack.", "Islamist militants"),
    ("Syrian rebels shelled the outskirts of the city on Monday.", "Syrian rebels"),
    ("Kurdish fighters took the town on Sunday, Turkey said.", "Kurdish fighters"),
    # an ideology that only describes them, once: no movement called so
    ("Bogota accused Caracas of funding Colombia's Marxist rebels, a charge Caracas denied.", "Marxist rebels"),
])
def test_descriptions_of_fighters_are_no_group(extractor: Extractor, text: str, not_named: str) -> None:
    assert not_named not in names(extract(extractor, text))


@pytest.mark.parametrize("text,group", [
    ("Tamil Tiger rebels attacked a naval base overnight, and Sri Lanka vowed to crush the LTTE.",
     "Liberation Tigers of Tamil Eelam"),
    ("Shebab militants stormed a hotel in Mogadishu; Somalia said the Shebab would be defeated.", "al-Shabaab"),
])
def test_groups_by_their_wire_names(extractor: Extractor, text: str, group: str) -> None:
    assert group in names(extract(extractor, text), "armed_group")


# --- lines that name no actor: 'Last Updated: ... UK', TASS datelines ----------------------------------------------

def test_updated_line_names_no_state(extractor: Extractor) -> None:
    text = ("Last Updated: Monday, 3 April 2006, 10:00 GMT 11:00 UK\n\n"
            "Nepal's king met party leaders on Monday. The interim government welcomed the move.")
    found = extract(extractor, text)
    assert "United Kingdom" not in names(found)


@pytest.mark.parametrize("line,agent", [
    ("MINSK, October 4. /TASS/. Belarus will help Russia guard the border, the defence minister said.", "MINSK"),
    ("ASTANA, June 30. /TASS/. Kazakhstan has asked the CSTO for assistance, officials said.", "ASTANA"),
])
def test_slash_dateline_names_no_actor(extractor: Extractor, line: str, agent: str) -> None:
    found = extract(extractor, line)
    assert not any(agent.lower() in n.lower() for n in names(found))


# --- 'both parties' of a war inside a state: its army is a side, not the state ----------------------------------

@pytest.mark.parametrize("text", [
    ("Talks between the Ethiopian army and the Tigray People's Liberation Front opened in Pretoria on Monday. "
     "The African Union urged both parties to agree a ceasefire."),
    ("Fighting between Myanmar's army and the Arakan Army went on for a third week. China called on both sides "
     "to show restraint."),
    ("The Sudanese army and the Rapid Support Forces resumed negotiations in Jeddah. Egypt has asked the two "
     "parties to respect the truce."),
])
def test_army_is_a_side_of_a_war_inside_a_state(extractor: Extractor, text: str) -> None:
    found = extract(extractor, text)
    demands = {(s, t) for s, r, t in triples(found) if r == "DEMANDS"}
    targets = {t for _s, t in demands}
    armies = {a.name for a in found.actors if a.kind == "government_body"}
    assert targets & armies, (demands, armies)
    assert not {a.name for a in found.actors if a.kind == "state"} & targets - {"Egypt", "China"}


# --- 'the kingdom', 'the sultanate': only a state that is one ----------------------------------------------------

@pytest.mark.parametrize("text,kingdom", [
    ("Jordan hosted envoys from Syria on Sunday. The kingdom said it wanted the border crossings reopened.",
     "Jordan"),
    ("Morocco and Algeria traded accusations over the border, and Mauritania stayed silent. The kingdom later "
     "recalled its ambassador.", "Morocco"),
    ("Oman mediated between Iran and the United States for a year. Officials in Tehran praised the sultanate "
     "on Monday.", "Oman"),
])
def test_kingdom_is_a_monarchy(extractor: Extractor, text: str, kingdom: str) -> None:
    noun = "sultanate" if "sultanate" in text else "kingdom"
    assert mention_of(extractor, text, noun) == kingdom


def test_kingdom_after_a_republic_only(extractor: Extractor) -> None:
    # no monarchy named: 'the kingdom' is left to no one rather than the republic named last
    assert mention_of(extractor, "Yemen's government met envoys in Aden. The kingdom will send aid, officials said.",
                      "kingdom") is None


def mention_of(extractor: Extractor, text: str, word: str) -> str | None:
    """The name of the actor the mention holding ``word`` refers to, or None when no mention holds it."""
    doc = extractor.nlp(text)
    found = extractor.finder.find(doc, None)
    for m in found.mentions:
        if any(t.lower_ == word for t in doc[m.start : m.end]) and len(m.actors) == 1:
            return found.actors[m.actor].name
    return None


# --- "Yemen's Houthi delegation": the state's possessive locates its group ---------------------------------------

@pytest.mark.parametrize("text,place", [
    ("Saudi Arabia invited Yemen's Houthi delegation to talks in Riyadh.", True),
    ("Qatar hosted Afghanistan's Taliban negotiators on Monday.", True),
    # a group that governs: "Yemen's Houthi administration", "Afghanistan's Taliban government" are the state's
    ("Saudi Arabia invited Yemen's Houthi administration to talks in Riyadh.", False),
    ("Pakistan accused Afghanistan's Taliban government of sheltering militants.", False),
])
def test_possessive_state_is_a_place_unless_the_group_governs(extractor: Extractor, text: str, place: bool) -> None:
    doc = extractor.nlp(text)
    found = extractor.finder.find(doc, None)
    state = next(m for m in found.mentions if doc[m.end].text in ("'s", "’s"))
    assert state.place_only is place


@pytest.mark.parametrize("text,group,state", [
    ("Qatar invited Lebanon's Hezbollah to talks in Doha.", "Hezbollah", "Lebanon"),
    ("Kenya will host Somalia's al-Shabaab negotiators next month, officials said.", "al-Shabaab", "Somalia"),
    ("The United Nations envoy met Colombia's ELN commanders in Caracas on Friday.", "National Liberation Army",
     "Colombia"),
])
def test_state_possessive_locates_its_group(extractor: Extractor, text: str, group: str, state: str) -> None:
    targets = {t for _s, _r, t in triples(extract(extractor, text))}
    assert group in targets
    assert state not in targets


# --- people the small NER misses or misreads ----------------------------------------------------------------------

def mentioned(extractor: Extractor, text: str) -> set[str]:
    """The names of the actors the document's mentions refer to."""
    found = extractor.finder.find(extractor.nlp(text), None)
    return {found.actors[a].name for m in found.mentions for a in m.actors}


@pytest.mark.parametrize("text,person", [
    # a state's possessive, then a minister's name the NER calls a place
    ("Talks between Greece’s Giorgos Gerapetritis and Turkey’s Hakan Fidan opened in Ankara on Monday.",
     "Giorgos Gerapetritis"),
    ("Armenia's Ararat Mirzoyan will meet Azerbaijan's foreign minister in Washington next week.", "Ararat Mirzoyan"),
    # the holder after a posting: 'Ambassador to China X', 'its ambassador to Peru, X,'
    ("Beijing summoned Japanese Ambassador to China Kenji Kanasugi on Thursday.", "Kenji Kanasugi"),
    ("The ministry said its ambassador to Peru, Diego Molero, had left Lima.", "Diego Molero"),
    ("Caracas recalled its envoy to Colombia, Maria Elena Duarte, on Friday.", "Maria Elena Duarte"),
    # a name before ', <region> director at <org>'
    ("\"The release is long overdue,\" Jane Okafor, West Africa director at Human Rights Watch, said.", "Jane Okafor"),
    ("Ahmed Saleh, Middle East and North Africa director for Amnesty International, called the verdict unjust.",
     "Ahmed Saleh"),
])
def test_person_recognised(extractor: Extractor, text: str, person: str) -> None:
    assert person in mentioned(extractor, text)


@pytest.mark.parametrize("text,not_person", [
    ("Troops entered Ukraine's Kharkiv Region and Russia's Black Sea Fleet fired missiles.", "Kharkiv Region"),
    ("Sri Mulyani Indrawati said the budget was sound.", "Mulyani Indrawati"),
])
def test_no_person_made_of_places_or_given_names(extractor: Extractor, text: str, not_person: str) -> None:
    assert not_person not in mentioned(extractor, text)


@pytest.mark.parametrize("text,name", [
    ("Datuk Seri Rahmat Ismail Karim", "Rahmat Ismail Karim"),
    ("Tan Sri Abdul Halim Osman", "Abdul Halim Osman"),
    ("Datuk Lim Wei Han", "Lim Wei Han"),
    ("Tan Kee Wah", "Tan Kee Wah"),  # a surname, no honorific
    ("Sri Mulyani Indrawati", "Sri Mulyani Indrawati"),  # a given name, no honorific before it
])
def test_malaysian_honorifics_are_no_part_of_a_name(extractor: Extractor, text: str, name: str) -> None:
    doc = extractor.nlp(f"They met {text} on Monday.")
    span = ner._trim(doc[2 : 2 + len(extractor.nlp.make_doc(text))])
    assert span is not None and span.text == name


# --- a meeting of an organisation's officials is no actor of its own ----------------------------------------------

@pytest.mark.parametrize("text,organ", [
    ("The ASEAN chair spoke after a joint meeting of the Council of Defence Ministers and the Council of Foreign "
     "Ministers of the bloc in Jakarta.", "Council of Defence Ministers"),
    ("The Committee of Permanent Representatives of the African Union met on Tuesday, and the Committee of "
     "Secretaries reported to the summit.", "Committee of Secretaries"),
    ("Gulf states agreed on the plan at the Conference of Heads of State of the GCC in Riyadh.",
     "Conference of Heads of State"),
])
def test_meeting_of_officials_is_no_actor(extractor: Extractor, text: str, organ: str) -> None:
    found = extract(extractor, text)
    assert not any(organ in n for n in names(found))
    assert not any(r.type == "MEETS" for r in found.relations if r.source == r.target)


# --- seas and straits named after a state are places ---------------------------------------------------------------

@pytest.mark.parametrize("text,state", [
    ("Officials met at a workshop on the South China Sea in Kuala Lumpur, Malaysia said.", "China"),
    ("US warships sailed through the Taiwan Strait on Monday, angering Beijing.", "Taiwan"),
    ("Japan and France held naval drills in the Indian Ocean.", "India"),
    ("Cuba and Venezuela protested drills in the Gulf of Mexico.", "Mexico"),
])
def test_sea_named_after_a_state_is_a_place(extractor: Extractor, text: str, state: str) -> None:
    assert state not in mentioned(extractor, text)


# --- forces named only in passing ('the soldiers', 'the police') are no actor of the document ----------------------

@pytest.mark.parametrize("text,body", [
    ("Fiji's coup leader promised a vote on Monday, and the soldiers went back to their barracks.", "Fijian military"),
    ("Turkey said two officers were hurt in a shoot-out with the police in Ankara on Sunday.", "Turkish police"),
    ("Mali's rulers blamed the old government, and the army took power in 2020.", "Malian military"),
])
def test_forces_named_in_passing_are_no_actor(extractor: Extractor, text: str, body: str) -> None:
    assert body not in names(extract(extractor, text))


def test_forces_that_act_stay_actors(extractor: Extractor) -> None:
    found = extract(extractor, "Sudan's rulers spoke of peace. The army shelled the Rapid Support Forces in Khartoum.")
    assert any(r.type == "COERCES" and r.target == "rsf" for r in found.relations)
    assert "sudan-military" in {a.id for a in found.actors}


# --- parties whose names hold a state's body or a title ------------------------------------------------------------

@pytest.mark.parametrize("text,actor,not_actor", [
    ("Deuba's Nepali Congress said it would back the budget.", "nepali-congress", "nepal-parliament"),
    ("The Nepali Congress and the CPN-UML formed a coalition on Sunday.", "cpn-uml", "nepal-parliament"),
    ("Chinese State Councilor Yang Jiechi said the rig would stay.", "yang-jiechi", "councilor-yang-jiechi"),
])
def test_party_and_titled_names(extractor: Extractor, text: str, actor: str, not_actor: str) -> None:
    doc = extractor.nlp(text)
    found = {a for m in extractor.finder.find(doc, None).mentions for a in m.actors}
    assert actor in found and not_actor not in found


# --- a single name after a leading title, named again by itself ----------------------------------------------------

@pytest.mark.parametrize("text,person", [
    ("Zapatista leader Marcos met the envoy on Friday. Marcos said the talks would go on.", "Marcos"),
    ("\"We will not disarm,\" rebel commander Kamoro told reporters. Kamoro's fighters hold the north.", "Kamoro"),
    ("Party chairman Sunlight spoke first, and Sunlight later said the vote was fair.", "Sunlight"),
])
def test_mononym_after_a_title(extractor: Extractor, text: str, person: str) -> None:
    assert person in mentioned(extractor, text)


@pytest.mark.parametrize("text,word", [
    ("The army chief Monday said the border was calm.", "Monday"),
    ("Rebel leader Joseph Kony was not seen again.", "Joseph"),  # a full name, not a single word
])
def test_no_mononym_from_dates_or_full_names(extractor: Extractor, text: str, word: str) -> None:
    assert word not in mentioned(extractor, text)


# --- 'the leader of <group>' is the one the story names with the group's leading title -----------------------------

@pytest.mark.parametrize("text,leader", [
    ("The leader of Mexico's Zapatista rebels says he met a United Nations team on Friday. Zapatista leader Marcos "
     "said later that Marcos would return.", "Marcos"),
    ("The chief of the Arakan Army said he would meet China's envoy. Arakan Army chief Twan Mrat Naing spoke from "
     "the border.", "Twan Mrat Naing"),
    ("The head of Hamas met Egypt's intelligence chief on Monday. Hamas leader Khalil Haddad told reporters the talks "
     "were useful.", "Khalil Haddad"),
])
def test_leader_of_a_group_named_elsewhere(extractor: Extractor, text: str, leader: str) -> None:
    assert mention_of(extractor, text, "leader" if "leader of" in text else "chief" if "chief of" in text
                      else "head") == leader


def test_leader_of_a_group_with_two_leaders_is_no_one(extractor: Extractor) -> None:
    text = ("The leader of the Arakan Army said he would talk. Arakan Army chief Twan Mrat Naing and Arakan Army "
            "commander Kyaw Han spoke from the border.")
    assert mention_of(extractor, text, "leader") is None


# --- 'a seven-party alliance': an alliance of parties is one actor ------------------------------------------------

@pytest.mark.parametrize("text,alias", [
    ("The rebels and a seven-party alliance signed a power-sharing deal. \"The government and seven political "
     "parties are stalling,\" the rebel leader said.", "seven political parties"),
    ("A four-party coalition took office in Kathmandu on Monday, and the alliance vowed to hold elections.",
     "four-party coalition"),
    ("Pakistan's 11-party alliance marched on Islamabad, and the 11-party alliance said it would return.",
     "11-party alliance"),
])
def test_party_alliance_is_one_actor(extractor: Extractor, text: str, alias: str) -> None:
    doc = extractor.nlp(text)
    found = extractor.finder.find(doc, None)
    groups = {m.actor for m in found.mentions if m.via == "alliance"}
    assert len(groups) == 1
    assert any(alias == doc[m.start : m.end].text for m in found.mentions if m.via == "alliance")
    assert found.actors[groups.pop()].kind == "other_org"


def test_party_counts_without_an_alliance_are_no_actor(extractor: Extractor) -> None:
    found = extractor.finder.find(extractor.nlp("Seven political parties boycotted the vote in Lima."), None)
    assert not any(m.via == "alliance" for m in found.mentions)


# --- 'UN' inside a state's posting ("Iran's UN mission") is no act of the United Nations ---------------------------

@pytest.mark.parametrize("text,place", [
    ("Iran's UN mission said Tehran would respond.", True),
    ("Kenya's UN envoy said the council had failed.", True),
    ("Ghana's UN delegation walked out of the debate.", True),
    ("UN envoy Hans Grundberg met the rebels in Muscat.", False),  # the organisation's own envoy
])
def test_un_in_a_states_posting_is_no_actor(extractor: Extractor, text: str, place: bool) -> None:
    doc = extractor.nlp(text)
    un = next(m for m in extractor.finder.find(doc, None).mentions if m.actors == ("united-nations",))
    assert un.place_only is place


# --- an organisation can be a side of a negotiation ('both sides' after Iran and the P5+1) -------------------------

@pytest.mark.parametrize("text,pair", [
    ("Talks between Iran and the P5+1 stalled in Geneva. The United States blamed Tehran. Both sides agreed to meet "
     "again in May.", {"iran", "p5plus1"}),
    ("The European Union and China opened trade talks in Brussels on Monday. Both sides said the talks were frank.",
     {"european-union", "china"}),
    ("Sudan and the African Union ended a row over the mission on Friday, and the two sides signed a deal.",
     {"sudan", "african-union"}),
])
def test_an_organisation_is_a_side(extractor: Extractor, text: str, pair: set[str]) -> None:
    doc = extractor.nlp(text)
    groups = [m for m in extractor.finder.find(doc, None).mentions if m.via == "group"]
    assert groups and set(groups[-1].actors) == pair
