"""The packaged gazetteer: coverage, consistency of ids and references, offices, surface forms."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from itertools import combinations

import pytest
import yaml

from extraction.gazetteer import GAZETTEER_DIR, _variants, load_gazetteer
from extraction.lexicon import load_lexicon

UN_MEMBERS = """
afghanistan albania algeria andorra angola antigua-and-barbuda argentina armenia australia austria
azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia
bosnia-and-herzegovina botswana brazil brunei bulgaria burkina-faso burundi cape-verde cambodia
cameroon canada central-african-republic chad chile china colombia comoros republic-of-the-congo
costa-rica ivory-coast croatia cuba cyprus czech-republic north-korea democratic-republic-of-the-congo
denmark djibouti dominica dominican-republic ecuador egypt el-salvador equatorial-guinea eritrea
estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada
guatemala guinea guinea-bissau guyana haiti honduras hungary iceland india indonesia iran iraq
ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kuwait kyrgyzstan laos latvia
lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia
maldives mali malta marshall-islands mauritania mauritius mexico micronesia monaco mongolia
montenegro morocco mozambique myanmar namibia nauru nepal netherlands new-zealand nicaragua niger
nigeria north-macedonia norway oman pakistan palau panama papua-new-guinea paraguay peru philippines
poland portugal qatar south-korea moldova romania russia rwanda saint-kitts-and-nevis saint-lucia
saint-vincent-and-the-grenadines samoa san-marino sao-tome-and-principe saudi-arabia senegal serbia
seychelles sierra-leone singapore slovakia slovenia solomon-islands somalia south-africa
south-sudan spain sri-lanka sudan suriname sweden switzerland syria tajikistan thailand timor-leste
togo tonga trinidad-and-tobago tunisia turkey turkmenistan tuvalu uganda ukraine
united-arab-emirates united-kingdom tanzania united-states uruguay uzbekistan vanuatu venezuela
vietnam yemen zambia zimbabwe
""".split()

OTHER_STATES = ["holy-see", "palestine", "taiwan", "kosovo"]
HISTORICAL_STATES = ["soviet-union", "nazi-germany", "yugoslavia", "east-germany"]

# Surface forms deliberately shared by two actors (the first listed in the files wins).
ACCEPTED_AMBIGUITIES = {
    "Congolese": {"democratic-republic-of-the-congo", "republic-of-the-congo"},
    "Dominican": {"dominican-republic", "dominica"},
    # Belgium's capital, but as an actor 'Brussels' is the EU: the extractor reads seats before capitals.
    "Brussels": {"belgium", "european-union"},
}

# Offices legitimately held by two people at once: (role, of, from).
ACCEPTED_OVERLAPS = {("president", "nicaragua", date(2025, 2, 18))}  # co-presidency

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def gz():
    return load_gazetteer(sorted(GAZETTEER_DIR.glob("*.yaml")))


@pytest.fixture(scope="module")
def raw_entries():
    out = []
    for path in sorted(GAZETTEER_DIR.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")).get("actors") or []:
            out.append((path.name, raw))
    return out


def _forms(e) -> dict[str, str]:
    """Every surface form the extractor matches for an entry, with the table it comes from."""
    out = {}
    for form in e.surface_forms():
        for v in _variants(form):
            out[v] = "name"
    for d in e.demonyms:
        out.setdefault(d, "demonym")
    for c in ([e.capital] if e.capital else []) + e.capital_aliases:
        out.setdefault(c, "capital")
    for s in e.seats:
        out.setdefault(s, "seat")
    return out


def test_un_members_are_all_states_with_demonym_and_capital(gz):
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193
    for sid in UN_MEMBERS + OTHER_STATES:
        e = gz.get(sid)
        assert e.kind == "state", sid
        assert e.demonyms, f"{sid} has no demonym"
        assert e.capital, f"{sid} has no capital"
        assert e.iso2 and re.fullmatch(r"[A-Z]{2}", e.iso2), sid
        assert not e.historical, sid
    for sid in HISTORICAL_STATES:
        assert gz.get(sid).kind == "state" and gz.get(sid).historical


def test_iso_codes_are_unique(gz):
    codes = [e.iso2 for e in gz.entries.values() if e.iso2]
    assert len(codes) == len(set(codes))


def test_ids_are_unique_across_files_and_slug_shaped(raw_entries):
    seen: dict[str, str] = {}
    for fname, raw in raw_entries:
        aid = raw["id"]
        assert SLUG.match(aid), f"{fname}: id {aid!r} is not a slug"
        assert aid not in seen, f"id {aid!r} in both {seen.get(aid)} and {fname}"
        seen[aid] = fname


def test_no_surface_form_names_two_actors(gz):
    owners: dict[str, set[str]] = defaultdict(set)
    for e in gz.entries.values():
        for form in _forms(e):
            owners[form].add(e.id)
    clashes = {f: ids for f, ids in owners.items() if len(ids) > 1 and ACCEPTED_AMBIGUITIES.get(f) != ids}
    assert not clashes, clashes
    # The accepted ambiguities resolve to the dominant sense.
    assert gz.demonyms["Congolese"] == "democratic-republic-of-the-congo"
    assert gz.demonyms["Dominican"] == "dominican-republic"


def test_no_blank_or_padded_forms(gz):
    for e in gz.entries.values():
        for form in _forms(e):
            assert form and form == form.strip() and "  " not in form, (e.id, form)


def test_references_exist(gz):
    for e in gz.entries.values():
        for ref in (e.country, e.parent):
            assert ref is None or ref in gz, f"{e.id}: unknown reference {ref!r}"
        if e.country:
            assert gz.get(e.country).kind == "state", e.id
        for o in e.offices:
            assert o.of in gz, f"{e.id}: office of unknown {o.of!r}"


def test_offices_use_lexicon_roles_and_valid_dates(gz):
    roles = set(load_lexicon().roles)
    today = date(2026, 11, 22)
    for e in gz.entries.values():
        if e.offices:
            assert e.kind == "person", e.id
        for o in e.offices:
            assert o.role in roles, (e.id, o.role)
            if o.start and o.end:
                assert o.start < o.end, (e.id, o)
            assert o.start is None or o.start <= today, (e.id, o)


def test_people_have_gender_and_country(gz):
    for e in gz.entries.values():
        if e.kind == "person":
            assert e.gender in ("male", "female"), e.id
            assert e.country, e.id


def _overlap(a, b) -> bool:
    lo, hi = date.min, date.max
    return (a.start or lo) < (b.end or hi) and (b.start or lo) < (a.end or hi)


def test_one_head_per_state_at_a_time(gz):
    held = defaultdict(list)
    for e in gz.entries.values():
        for o in e.offices:
            if o.role in ("president", "monarch", "prime_minister", "chancellor", "supreme_leader") \
                    and gz.get(o.of).kind == "state":
                held[(o.role, o.of)].append((e.id, o))
    for (role, of), offices in held.items():
        for (p1, o1), (p2, o2) in combinations(offices, 2):
            if p1 == p2 or not _overlap(o1, o2):
                continue
            later = max(o1.start or date.min, o2.start or date.min)
            assert (role, of, later) in ACCEPTED_OVERLAPS, f"{p1} and {p2} both {role} of {of}"


@pytest.mark.parametrize("role, of, when, expected", [
    ("president", "united-states", date(2019, 6, 1), "donald-trump"),
    ("president", "united-states", date(2023, 6, 1), "joe-biden"),
    ("president", "united-states", date(2026, 2, 2), "donald-trump"),
    ("president", "venezuela", date(2025, 12, 1), "nicolas-maduro"),
    ("president", "venezuela", date(2026, 1, 3), "delcy-rodriguez"),
    ("president", "colombia", date(2026, 2, 3), "gustavo-petro"),
    ("chancellor", "germany", date(2025, 5, 5), "olaf-scholz"),
    ("chancellor", "germany", date(2025, 5, 6), "friedrich-merz"),
    ("prime_minister", "united-kingdom", date(2024, 7, 4), "rishi-sunak"),
    ("prime_minister", "united-kingdom", date(2024, 7, 5), "keir-starmer"),
    ("foreign_minister", "united-states", date(2025, 6, 1), "marco-rubio"),
    ("secretary_general", "nato", date(2024, 9, 30), "jens-stoltenberg"),
    ("secretary_general", "nato", date(2025, 1, 1), "mark-rutte"),
    ("monarch", "holy-see", date(2025, 5, 8), "pope-leo-xiv"),
    ("monarch", "canada", date(2023, 1, 1), "charles-iii"),
])
def test_office_holder_on_a_date(gz, role, of, when, expected):
    assert gz.holders(role, of, when) == [expected]


def test_no_surname_alias_shared_by_two_people(gz):
    owners: dict[str, set[str]] = defaultdict(set)
    for e in gz.entries.values():
        if e.kind == "person":
            for a in e.aliases:
                if " " not in a:
                    owners[a].add(e.id)
    assert {a: ids for a, ids in owners.items() if len(ids) > 1} == {}


def test_common_surnames_are_not_aliases(gz):
    common = {"Kim", "Lee", "Li", "Wang", "Khan", "Singh", "Ali", "Lopez", "López", "Garcia", "García",
              "Sharif", "Castro", "Sánchez", "Sanchez", "Rodríguez", "Rodriguez", "Aoun", "Abbas", "Harris",
              "Martin", "Cohen", "Katz", "Duterte", "Marcos", "Shinawatra", "America", "Korea", "Macedonia"}
    forms = {f for e in gz.entries.values() for f in _forms(e)}
    assert not common & forms


def test_lookups_through_variants_demonyms_capitals_and_seats(gz):
    assert gz.lookup("U.N. Office on Drugs and Crime") == "unodc"
    assert gz.lookup("UN Refugee Agency") == "unhcr"
    assert gz.lookup("UN Security Council") == "unsc"
    assert gz.lookup("U.S. State Department") == "united-states-foreign-ministry"
    assert gz.lookup("Zelenskyy") == "volodymyr-zelensky"
    assert gz.lookup("Erdoğan") == gz.lookup("Erdogan") == "recep-tayyip-erdogan"
    assert gz.lookup("RSF") == "rsf"
    assert gz.lookup("Côte d'Ivoire") == "ivory-coast"
    assert gz.state_of("Dutch") == "netherlands"
    assert gz.state_of("British") == "united-kingdom"
    assert gz.state_of("Bogota") == "colombia"
    assert gz.state_of("Kremlin") == "russia"
    assert gz.state_of("Élysée") == gz.state_of("Elysee") == "france"
    assert gz.state_of("Casa Rosada") == "argentina"
    assert gz.state_of("Kyiv") == gz.state_of("Kiev") == "ukraine"


def test_un_and_us_forms_come_in_all_three_spellings(gz):
    # The loader derives 'UN X' and 'U.N. X' from 'United Nations X' (but not 'U.N. X' from
    # 'UN X'), so the data must carry the long form wherever it uses a short one.
    for long, shorts in (("United Nations ", ("UN ", "U.N. ")), ("United States ", ("US ", "U.S. "))):
        for form in list(gz.forms):
            for prefix in (long, *shorts):
                if form.startswith(prefix):
                    rest = form[len(prefix):]
                    spellings = {p + rest for p in (long, *shorts)}
                    assert spellings <= set(gz.forms), (form, spellings - set(gz.forms))
    assert gz.lookup("U.N. refugee agency") == "unhcr"
    assert gz.lookup("US State Department") == "united-states-foreign-ministry"


# --- names that are not actors (issue 15): treaties and agreements, NER pieces of a longer name ---------------

@pytest.fixture(scope="module")
def extractor():
    from extraction.extractor import Extractor

    return Extractor(gazetteer=load_gazetteer(sorted(GAZETTEER_DIR.glob("*.yaml"))))


def _actors(extractor, text: str) -> dict[str, str]:
    from graph.model import Document

    ext = extractor.extract(Document(id="t", text=text, date="2026-03-10"))
    return {a.name: a.kind for a in ext.actors}


def test_treaties_are_not_actors_of_any_kind(gz):
    assert "usmca" not in gz and gz.lookup("USMCA") is None and gz.lookup("CUSMA") is None
    assert gz.not_actors["USMCA"] == gz.not_actors["United States-Mexico-Canada Agreement"] == "usmca"
    assert gz.not_actors["UN Convention on the Law of the Sea"] == "unclos"  # the loader's UN variants apply
    assert not set(gz.not_actors) & set(gz.forms)


@pytest.mark.parametrize("text,actors", [
    ("Canada asked Mexico and the United States to bring forward the review of the "
     "United States-Mexico-Canada Agreement on Friday.", {"Canada", "Mexico", "United States"}),
    ("Washington threatened to end the USMCA's exemption for cars, the minister said.", {"United States"}),
    ("Iran said it would leave the NPT if the sanctions returned.", {"Iran"}),
    ("India said the Indus Waters Treaty would remain in abeyance.", {"India"}),
    ("Prime Minister Mark Carney told reporters on Parliament Hill that Canada would respond.",
     {"Mark Carney", "Canada"}),
])
def test_a_treaty_and_the_names_inside_it_make_no_actor(extractor, text, actors):
    assert set(_actors(extractor, text)) == actors


def test_a_user_file_declares_a_packaged_actor_not_an_actor(tmp_path):
    from extraction.gazetteer import gazetteer_files

    user = tmp_path / "mine.yaml"
    user.write_text("not_actors:\n  - {id: aspides, name: Operation Aspides, what: operation}\n", encoding="utf-8")
    gz = load_gazetteer([*gazetteer_files(), user])
    assert "aspides" not in gz and gz.lookup("Operation Aspides") is None
    # the entry's other names are gone with it: one id is one thing
    assert gz.lookup("EUNAVFOR Aspides") is None


def test_a_bad_not_actor_entry_is_a_clear_error(tmp_path):
    from extraction.gazetteer import GazetteerError

    bad = tmp_path / "bad.yaml"
    bad.write_text("not_actors:\n  - {id: club, name: Paris Club, what: club}\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="what must be one of"):
        load_gazetteer([bad])


@pytest.mark.parametrize("text,whole,pieces", [
    # the small NER model cuts these names at 'and'; the pieces are not actors, the whole name is
    ("Myanmar's junta-backed Union Solidarity and Development Party accused the opposition of fraud.",
     "Union Solidarity and Development Party", {"Union Solidarity", "Development Party"}),
    ("Kenji Sato, director general of the Asian and Oceanian Affairs Bureau, met the envoy in Beijing.",
     "Asian and Oceanian Affairs Bureau", {"Oceanian Affairs Bureau"}),
    ("The Institute for Peace and Conflict Studies said the talks had stalled, its director said.",
     "Institute for Peace and Conflict Studies", {"Conflict Studies"}),
])
def test_ner_pieces_of_a_longer_name_are_not_actors(extractor, text, whole, pieces):
    got = _actors(extractor, text)
    assert whole in got and not pieces & set(got), got


def test_the_head_word_decides_an_unknown_organisation_kind(extractor):
    got = _actors(extractor, "The Union Solidarity and Development Party won most seats, the commission said.")
    assert got["Union Solidarity and Development Party"] == "other_org"  # a party, though 'Union' sounds like an igo


def test_surnames_with_an_inner_capital_are_people(extractor):
    got = _actors(extractor, "Marie LeBlanc met Sean McAllister and Paul DeVries in Ottawa on Monday.")
    assert {got.get(n) for n in ("Marie LeBlanc", "Sean McAllister", "Paul DeVries")} == {"person"}, got
