"""Event datasets (GDELT, POLECAT, ICEWS, ACLED) imported beside text extraction, with provenance.

Every file here is built by the tests in the dataset's own column layout; no dataset's data is
shipped (ACLED's terms forbid redistributing it). Names, ids and notes are made up.
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

import pytest

from graph.store import GraphStore
from loaders.events import ImportOptions, import_events, load_mappings

# -- builders, one per format --------------------------------------------------------------------

GDELT_COLUMNS = [
    "GLOBALEVENTID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    *(f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
]


def gdelt_row(event_id: int, code: str, a1: tuple[str, str, str], a2: tuple[str, str, str], day: str = "20260115",
              url: str = "https://news.example.org/a") -> list[str]:
    """One GDELT 2.0 event row (61 columns); a1/a2 are (actor code, name, country code)."""
    r = dict.fromkeys(GDELT_COLUMNS, "")
    r.update({"GLOBALEVENTID": str(event_id), "Day": day, "MonthYear": day[:6], "Year": day[:4],
              "FractionDate": f"{day[:4]}.0411", "Actor1Code": a1[0], "Actor1Name": a1[1], "Actor1CountryCode": a1[2],
              "Actor2Code": a2[0], "Actor2Name": a2[1], "Actor2CountryCode": a2[2], "IsRootEvent": "1",
              "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": code[:2], "QuadClass": "4",
              "GoldsteinScale": "-8.0", "NumMentions": "4", "NumSources": "2", "NumArticles": "4", "AvgTone": "-3.1",
              "DATEADDED": day + "121500", "SOURCEURL": url})
    return [r[c] for c in GDELT_COLUMNS]


def write_tsv(path: Path, rows: list[list[str]], header: list[str] | None = None) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        if header:
            fh.write("\t".join(header) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    return path


ICEWS_HEADER = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"]

POLECAT_HEADER = ["Event ID", "Story Date", "Event Date", "Event Type", "Event Mode", "Contexts", "Actor Name",
                  "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
                  "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
                  "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
                  "Wikipedia Recipient ID", "Placename", "City", "State", "Country", "Latitude", "Longitude",
                  "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
                  "Story Organizations", "Story Locations", "Language", "Version"]

ACLED_HEADER = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                "fatalities", "tags", "timestamp"]


def row_of(header: list[str], **values: str) -> list[str]:
    wanted = {k.replace("_", " ").lower(): v for k, v in values.items()}
    return [wanted.get(h.replace("_", " ").lower(), "") for h in header]


def icews_file(path: Path) -> Path:
    return write_tsv(path, [row_of(
        ICEWS_HEADER, event_id="9100001", event_date="2026-01-20", source_name="United States",
        source_sectors="Government", source_country="United States", event_text="Impose embargo, boycott, or sanctions",
        cameo_code="163", intensity="-8.0", target_name="Colombia", target_country="Colombia", story_id="4400",
        sentence_number="2", publisher="Example Wire")], ICEWS_HEADER)


def polecat_file(path: Path) -> Path:
    return write_tsv(path, [row_of(
        POLECAT_HEADER, event_id="P-20260122-7", story_date="2026-01-22", event_date="2026-01-22",
        event_type="SANCTION", event_mode="", actor_name="United States", actor_country="USA",
        wikipedia_actor_id="Q30", recipient_name="Colombia", recipient_country="COL", wikipedia_recipient_id="Q739",
        source="Example Wire")], POLECAT_HEADER)


def acled_file(path: Path, notes: str = "Colombian troops clashed with ELN fighters near a rural road; three dead.") -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(ACLED_HEADER)
        w.writerow(row_of(ACLED_HEADER, event_id_cnty="COL99001", event_date="2026-01-25", year="2026",
                          event_type="Battles", sub_event_type="Armed clash",
                          actor1="Military Forces of Colombia (2022-)", actor2="ELN: National Liberation Army",
                          country="Colombia", source="Example Daily", notes=notes, fatalities="3"))
    return path


def relations(store: GraphStore) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {(r.source, r.type, r.target, tuple(r.provenance)) for r in store.relations()}


# -- done-when: one event per dataset gives the relation, with its provenance ------------------------


def test_gdelt_sanctions_row_gives_united_states_sanctions_colombia(tmp_path: Path) -> None:
    f = write_tsv(tmp_path / "20260115.export.CSV",
                  [gdelt_row(1200000001, "163", ("USAGOV", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL"))])
    store = GraphStore.open(tmp_path / "store", create=True)
    report = import_events("gdelt", [f], store, ImportOptions(progress=False))
    assert report.rows == 1 and report.events == 1 and report.added == 1
    store = GraphStore.open(tmp_path / "store")  # as saved
    assert relations(store) == {("united-states", "SANCTIONS", "colombia", ("gdelt",))}
    ev = store.graph.edges["united-states", "colombia", "SANCTIONS"]["evidence"][0]
    assert ev["doc"] == "gdelt:1200000001" and ev["date"] == "2026-01-15" and ev["provenance"] == "gdelt"
    assert ev["url"] == "https://news.example.org/a" and ev["pattern"] == "cameo:163"
    # the dataset's actor codes are kept on the actors, and names come from the gazetteer
    assert store.graph.nodes["united-states"]["name"] == "United States"
    assert "gdelt:USAGOV" in store.graph.nodes["united-states"]["codes"]


@pytest.mark.parametrize("dataset,build,expected", [
    ("polecat", polecat_file, ("united-states", "SANCTIONS", "colombia")),
    ("icews", icews_file, ("united-states", "SANCTIONS", "colombia")),
    ("acled", acled_file, ("colombia", "COERCES", "eln")),
])
def test_one_row_of_each_dataset(tmp_path: Path, dataset: str, build, expected: tuple[str, str, str]) -> None:
    f = build(tmp_path / f"{dataset}.txt")
    store = GraphStore.open(tmp_path / "store", create=True)
    report = import_events(dataset, [f], store, ImportOptions(progress=False))
    assert report.events == 1, report.summary()
    assert relations(GraphStore.open(tmp_path / "store")) == {(*expected, (dataset,))}


def test_acled_notes_are_the_evidence_text(tmp_path: Path) -> None:
    store = GraphStore.open(tmp_path / "store", create=True)
    import_events("acled", [acled_file(tmp_path / "a.csv")], store, ImportOptions(progress=False))
    ev = GraphStore.open(tmp_path / "store").graph.edges["colombia", "eln", "COERCES"]["evidence"][0]
    assert ev["sentence"].startswith("Colombian troops clashed with ELN fighters")
    assert ev["doc"] == "acled:COL99001" and "fatalities=3" in ev["pattern"]
    assert "wikipedia:Q30" not in GraphStore.open(tmp_path / "store").graph.nodes["colombia"].get("codes", [])


def test_polecat_keeps_wikipedia_ids_and_mode_refines_the_type(tmp_path: Path) -> None:
    rows = [row_of(POLECAT_HEADER, event_id="P1", event_date="2026-02-01", event_type="CONSULT", event_mode="visit",
                   actor_name="Gustavo Petro", wikipedia_actor_id="Q57421", recipient_name="Donald Trump",
                   wikipedia_recipient_id="Q22686"),
            row_of(POLECAT_HEADER, event_id="P2", event_date="2026-02-02", event_type="CONSULT", event_mode="phone",
                   actor_name="Gustavo Petro", recipient_name="Nicolás Maduro")]
    f = write_tsv(tmp_path / "polecat.tsv", rows, POLECAT_HEADER)
    store = GraphStore.open(tmp_path / "store", create=True)
    import_events("polecat", [f], store, ImportOptions(progress=False))
    types = {(r.source, r.type, r.target) for r in GraphStore.open(tmp_path / "store").relations()}
    assert ("gustavo-petro", "MEETS", "donald-trump") in types or ("donald-trump", "MEETS", "gustavo-petro") in types
    assert any(t == "NEGOTIATES" for _, t, _ in types)
    assert "wikipedia:Q57421" in GraphStore.open(tmp_path / "store").graph.nodes["gustavo-petro"]["codes"]


# -- mapping, actors, bad rows ---------------------------------------------------------------------


def test_mapping_is_data_longest_cameo_prefix_wins() -> None:
    m = load_mappings()
    assert m.cameo("163") == "SANCTIONS" and m.cameo("0431") == "MEETS" and m.cameo("040") == "NEGOTIATES"
    assert m.cameo("051") == "PRAISES" and m.cameo("0511") == "PRAISES" and m.cameo("057") == "COOPERATES_WITH"
    assert m.cameo("010") is None and m.cameo("15") is None
    assert m.plover("sanction") == "SANCTIONS" and m.plover("MOBILIZE") is None
    assert m.acled("Strategic developments", "Agreement") == "COOPERATES_WITH"
    assert m.acled("Strategic developments", "Headquarters or base established") is None


def test_unmapped_events_and_unknown_actors_are_counted_not_dropped_silently(tmp_path: Path) -> None:
    rows = [gdelt_row(1, "010", ("USA", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL")),      # statement: no mapping
            gdelt_row(2, "0874", ("USA", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL")),     # yield: CONCEDES
            gdelt_row(3, "112", ("COP", "POLICE", ""), ("COL", "COLOMBIA", "COL")),                  # a role, not an actor
            gdelt_row(4, "090", ("USA", "UNITED STATES", "USA"), ("RUS", "RUSSIA", "RUS"))]          # investigate: no mapping
    f = write_tsv(tmp_path / "e.CSV", rows)
    report = import_events("gdelt", [f], GraphStore.open(tmp_path / "s", create=True), ImportOptions(progress=False))
    assert report.rows == 4 and report.events == 1
    assert report.unmapped == {"cameo:010": 1, "cameo:090": 1}
    assert sum(report.no_actor.values()) == 1
    summary = report.summary()
    assert "2 with no mapping" in summary and "cameo:010 1" in summary and "1 without two actors" in summary


def test_bad_rows_are_warnings_with_line_numbers(tmp_path: Path) -> None:
    good = gdelt_row(7, "163", ("USA", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL"))
    short = good[:20]
    bad_date = gdelt_row(8, "163", ("USA", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL"), day="2026XX15")
    f = write_tsv(tmp_path / "e.CSV", [good, short, bad_date, good])
    warnings: list[str] = []
    report = import_events("gdelt", [f], GraphStore.open(tmp_path / "s", create=True), ImportOptions(progress=False),
                           warn=warnings.append)
    assert report.bad_rows == 2 and report.events == 2 and report.added == 1  # the repeated row adds nothing
    assert warnings == [f"{f}:2: 20 columns, GDELT 2.0 events have 61",
                        f"{f}:3: no event id or no valid date ('2026XX15')"]


def test_a_blank_event_code_takes_its_root_code_row_by_row(tmp_path: Path) -> None:
    """The importer caches each EventCode's mapping; a blank one is no key: each row's own root decides."""
    rows = []
    for event_id, root in ((51, "16"), (52, "04"), (53, "16")):
        row = gdelt_row(event_id, "163", ("USA", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL"))
        row[GDELT_COLUMNS.index("EventCode")], row[GDELT_COLUMNS.index("EventRootCode")] = " ", root
        rows.append(row)
    f = write_tsv(tmp_path / "e.CSV", rows)
    store = GraphStore.open(tmp_path / "s", create=True)
    report = import_events("gdelt", [f], store, ImportOptions(progress=False))
    assert report.events == 3 and dict(report.by_type) == {"SANCTIONS": 2, "NEGOTIATES": 1}
    ev = GraphStore.open(tmp_path / "s").graph.edges["united-states", "colombia", "SANCTIONS"]["evidence"]
    assert [(e["doc"], e["pattern"]) for e in ev] == [("gdelt:51", "cameo:16"), ("gdelt:53", "cameo:16")]
    assert ev[0]["sentence"] == "GDELT event CAMEO 16: UNITED STATES -> COLOMBIA (4 mentions)"


def test_reimport_adds_nothing_and_gzip_is_read(tmp_path: Path) -> None:
    row = gdelt_row(11, "163", ("USA", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL"))
    f = tmp_path / "e.CSV.gz"
    with gzip.open(f, "wt", encoding="utf-8") as fh:
        fh.write("\t".join(row) + "\n")
    import_events("gdelt", [f], GraphStore.open(tmp_path / "s", create=True), ImportOptions(progress=False))
    again = import_events("gdelt", [f], GraphStore.open(tmp_path / "s", create=True), ImportOptions(progress=False))
    assert again.events == 1 and again.added == 0
    assert len(GraphStore.open(tmp_path / "s").graph.edges["united-states", "colombia", "SANCTIONS"]["evidence"]) == 1


def test_gdelt_mentions_give_url_and_sentence(tmp_path: Path) -> None:
    f = write_tsv(tmp_path / "e.CSV", [gdelt_row(21, "163", ("USA", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL"),
                                                 url="")])
    mention = ["21", "20260115120000", "20260115121500", "1", "wire.example.net", "https://wire.example.net/story",
               "3", "-1", "40", "52", "1", "80", "2400", "-2.5", "", ""]
    m = write_tsv(tmp_path / "m.CSV", [mention])
    import_events("gdelt", [f], GraphStore.open(tmp_path / "s", create=True), ImportOptions(mentions=[m], progress=False))
    ev = GraphStore.open(tmp_path / "s").graph.edges["united-states", "colombia", "SANCTIONS"]["evidence"][0]
    assert ev["url"] == "https://wire.example.net/story" and "sentence 3" in ev["sentence"]


def test_wrong_format_is_one_error_and_store_untouched(tmp_path: Path, cli) -> None:
    acled = acled_file(tmp_path / "a.csv")
    f = write_tsv(tmp_path / "e.CSV", [gdelt_row(31, "163", ("USA", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL"))])
    store = tmp_path / "store"
    assert cli("import", "gdelt", str(f), "-q", store=store).exit_code == 0
    before = (store / "graph.json").read_bytes()
    r = cli("import", "icews", str(acled), store=store)
    assert r.exit_code == 1 and "Error:" in r.output and "Event ID" in r.output
    r = cli("import", "gdelt", str(acled), store=store)
    assert r.exit_code == 1 and "none of the" in r.output
    r = cli("import", "gdelt", str(tmp_path / "missing.CSV"), store=store)
    assert r.exit_code == 1 and "no such file" in r.output
    assert (store / "graph.json").read_bytes() == before


# -- provenance beside text extraction -------------------------------------------------------------


TEXT = ("Washington imposed sanctions on Colombia on Thursday, the Treasury said. "
        "Gustavo Petro criticised Donald Trump over the decision.\n")


@pytest.fixture
def mixed_store(tmp_path: Path, cli) -> Path:
    """A store holding one article (text) and one event of each dataset."""
    store = tmp_path / "store"
    doc = tmp_path / "news"
    doc.mkdir()
    (doc / "sanctions.txt").write_text(TEXT, encoding="utf-8")
    assert cli("ingest", str(doc), "-q", store=store).exit_code == 0
    g = write_tsv(tmp_path / "e.CSV", [
        gdelt_row(41, "163", ("USAGOV", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL")),
        gdelt_row(42, "111", ("USAELI", "DONALD TRUMP", "USA"), ("COLGOV", "GUSTAVO PETRO", "COL"), day="20260118")])
    assert cli("import", "gdelt", str(g), "-q", store=store).exit_code == 0
    for dataset, build in (("polecat", polecat_file), ("icews", icews_file), ("acled", acled_file)):
        r = cli("import", dataset, str(build(tmp_path / f"{dataset}.txt")), "-q", store=store)
        assert r.exit_code == 0, r.output
    return store


def test_text_and_gdelt_are_one_node_and_relations_filter_by_source(mixed_store: Path, cli) -> None:
    store = GraphStore.open(mixed_store)
    assert "washington" not in store.graph and "united-states" in store.graph
    ev = store.graph.edges["united-states", "colombia", "SANCTIONS"]["evidence"]
    assert {e["provenance"] for e in ev} == {"text", "gdelt", "polecat", "icews"}
    r = cli("relations", "--source", "gdelt", "--format", "json", store=mixed_store)
    rows = json.loads(r.output)
    assert {(x["source_id"], x["type"], x["target_id"]) for x in rows} == {
        ("united-states", "SANCTIONS", "colombia"), ("donald-trump", "CRITICISES", "gustavo-petro")}
    assert all(x["provenance"] == "gdelt" and x["evidence"] == 1 for x in rows)
    text = json.loads(cli("relations", "--source", "text", "--format", "json", store=mixed_store).output)
    assert text and all(x["provenance"] == "text" for x in text)
    assert not any(x["target_id"] == "eln" for x in text)
    everything = json.loads(cli("relations", "--format", "json", store=mixed_store).output)
    sanctions = next(x for x in everything if x["type"] == "SANCTIONS")
    assert sanctions["provenance"] == "gdelt;icews;polecat;text" and sanctions["evidence"] == 4


def test_timeline_source_all_marks_both(mixed_store: Path, cli) -> None:
    rows = json.loads(cli("timeline", "trump", "petro", "--source", "all", "--format", "json", store=mixed_store).output)
    assert {r["provenance"] for r in rows} == {"text", "gdelt"}
    gdelt = next(r for r in rows if r["provenance"] == "gdelt")
    assert gdelt["when"] == "2026-01-18" and gdelt["doc"] == "gdelt:42"
    only = json.loads(cli("timeline", "trump", "petro", "--source", "gdelt", "--format", "json", store=mixed_store).output)
    assert [r["provenance"] for r in only] == ["gdelt"]
    table = cli("timeline", "trump", "petro", store=mixed_store).output
    assert "gdelt" in table and "text" in table


def test_exports_keep_provenance(mixed_store: Path, cli, tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    assert cli("export", "json", str(out), store=mixed_store).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert all(link["provenance"] for link in data["links"])
    assert all(e["provenance"] for link in data["links"] for e in link["evidence"])
    only = tmp_path / "gdelt.json"
    assert cli("export", "json", str(only), "--source", "gdelt", store=mixed_store).exit_code == 0
    links = json.loads(only.read_text(encoding="utf-8"))["links"]
    assert len(links) == 2 and all(link["provenance"] == ["gdelt"] for link in links)
    # the filtered export left the store as it was
    assert len(GraphStore.open(mixed_store).graph.edges["united-states", "colombia", "SANCTIONS"]["evidence"]) == 4
    gml = tmp_path / "g.graphml"
    assert cli("export", "graphml", str(gml), store=mixed_store).exit_code == 0
    assert "gdelt;icews;polecat;text" in gml.read_text(encoding="utf-8")
    csv_dir = tmp_path / "csv"
    assert cli("export", "csv", str(csv_dir), "--source", "acled", store=mixed_store).exit_code == 0
    rel = list(csv.DictReader(open(csv_dir / "relations.csv", encoding="utf-8")))
    assert [(r[":START_ID"], r[":TYPE"], r[":END_ID"], r["provenance:string[]"]) for r in rel] == [
        ("colombia", "COERCES", "eln", "acled")]


def test_stores_from_before_provenance_read_as_text(sample_store: Path, tmp_path: Path) -> None:
    """A store file without the provenance columns (as written before them) loads as all text."""
    from graph.store import _dumps, _loads

    data = _loads((sample_store / "graph.json").read_bytes())
    for col in ("provenance", "url"):
        data["evidence"].pop(col)
    data["edges"].pop("provenance")
    data["nodes"].pop("codes")
    old = tmp_path / "old"
    old.mkdir()
    (old / "graph.json").write_bytes(_dumps(data))
    store = GraphStore.open(old)
    assert store.relations() and all(r.provenance == ["text"] for r in store.relations())
    from graph.topology import Topology

    topo = Topology.open(old)
    assert set(topo.provenance) == {"text"}
    assert all(e["provenance"] == "text" for e in topo.evidence_at(0))


def test_symmetric_events_make_one_edge_either_way(tmp_path: Path) -> None:
    rows = [gdelt_row(61, "043", ("VEN", "VENEZUELA", "VEN"), ("COL", "COLOMBIA", "COL")),
            gdelt_row(62, "042", ("COL", "COLOMBIA", "COL"), ("VEN", "VENEZUELA", "VEN"))]
    f = write_tsv(tmp_path / "e.CSV", rows)
    import_events("gdelt", [f], GraphStore.open(tmp_path / "s", create=True), ImportOptions(progress=False))
    meets = [(r.source, r.target, len(r.evidence)) for r in GraphStore.open(tmp_path / "s").relations(["MEETS"])]
    assert meets == [("venezuela", "colombia", 2)]  # pointing the way its first evidence (gdelt:61) states it


def test_reports_take_source(mixed_store: Path, cli) -> None:
    acled = json.loads(cli("path", "colombia", "eln", "--source", "acled", "--format", "json", store=mixed_store).output)
    assert [(h["from_id"], h["type"], h["to_id"]) for h in acled] == [("colombia", "COERCES", "eln")]
    r = cli("path", "colombia", "eln", "--source", "text", "--format", "json", store=mixed_store)
    assert r.exit_code == 0 and "no path" in r.output
    near = json.loads(cli("neighbours", "eln", "--source", "gdelt", "--format", "json", store=mixed_store).output)
    assert near == []
    stats = json.loads(cli("stats", "--source", "gdelt", "--format", "json", store=mixed_store).output)
    assert stats["relations"] == 2, stats
    assert cli("relations", "--source", "nope", store=mixed_store).exit_code == 2


def test_filtered_exports_hold_only_the_actors_of_that_source(mixed_store: Path, cli, tmp_path: Path) -> None:
    out = tmp_path / "acled.json"
    assert cli("export", "json", str(out), "--source", "acled", store=mixed_store).exit_code == 0
    assert [n["id"] for n in json.loads(out.read_text(encoding="utf-8"))["nodes"]] == ["colombia", "eln"]


def test_import_keeps_the_analysts_merges(tmp_path: Path, cli) -> None:
    """An actor merged away (graph.resolution) is not brought back by a later import: its events go to the keeper."""
    store = tmp_path / "store"
    first = write_tsv(tmp_path / "1.CSV", [
        gdelt_row(51, "111", ("COLGOV", "GUSTAVO PETRO", "COL"), ("USAGOV", "UNITED STATES", "USA")),
        gdelt_row(52, "163", ("USAGOV", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL"))])
    assert cli("import", "gdelt", str(first), "-q", store=store).exit_code == 0
    assert "gustavo-petro" in GraphStore.open(store).graph
    r = cli("merge", "colombia", "gustavo-petro", "--reason", "test: one side of the dyad", store=store)
    assert r.exit_code == 0, r.output
    later = write_tsv(tmp_path / "2.CSV", [
        gdelt_row(53, "111", ("COLGOV", "GUSTAVO PETRO", "COL"), ("USAGOV", "UNITED STATES", "USA"), day="20260120")])
    assert cli("import", "gdelt", str(later), "-q", store=store).exit_code == 0
    g = GraphStore.open(store).graph
    assert "gustavo-petro" not in g
    docs = {e["doc"] for _, _, a in g.edges("colombia", data=True) for e in a["evidence"]}
    assert {"gdelt:51", "gdelt:53"} <= docs


def test_import_in_two_files_gives_the_graph_of_one(tmp_path: Path) -> None:
    """The second file meets stored evidence (merged, duplicates dropped, a symmetric edge turned
    round by an earlier event the other way), unsorted ids and a repeated row: the graph of one file."""
    usa, col, ven = ("USAGOV", "UNITED STATES", "USA"), ("COL", "COLOMBIA", "COL"), ("VEN", "VENEZUELA", "VEN")
    first = [gdelt_row(72, "043", usa, col), gdelt_row(9, "163", usa, col, day="20260110"), gdelt_row(80, "043", col, ven)]
    second = [gdelt_row(71, "043", col, usa, day="20260101"), gdelt_row(72, "043", usa, col), gdelt_row(8, "163", usa, col),
              gdelt_row(81, "043", ven, col), gdelt_row(81, "043", ven, col)]
    for name, files in {"two": [first, second], "one": [first + second]}.items():
        for i, rows in enumerate(files):
            f = write_tsv(tmp_path / f"{name}{i}.CSV", rows)
            import_events("gdelt", [f], GraphStore.open(tmp_path / name, create=True), ImportOptions(progress=False))
    one, two = GraphStore.open(tmp_path / "one"), GraphStore.open(tmp_path / "two")
    assert one.to_dict() == two.to_dict()
    meets = {(r.source, r.target): [e.doc for e in r.evidence] for r in two.relations(["MEETS"])}
    assert meets == {("colombia", "united-states"): ["gdelt:71", "gdelt:72"],
                     ("colombia", "venezuela"): ["gdelt:80", "gdelt:81"]}
    sanctions = two.graph.edges["united-states", "colombia", "SANCTIONS"]
    assert [e["doc"] for e in sanctions["evidence"]] == ["gdelt:8", "gdelt:9"]


def test_store_file_is_written_in_pieces_with_the_same_bytes() -> None:
    from graph.store import _CHUNK, _dumps, _pieces

    data = {"b": list(range(2 * _CHUNK + 3)), "a": {"y": [{"q": 1, "p": None}] * (_CHUNK + 1), "x": []}, "c": "s"}
    assert b"".join(_pieces(data)) == _dumps(data)
