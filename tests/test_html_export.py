"""Exports without a browser: the HTML view's data and safety, GraphML, GEXF, neo4j-admin CSV."""

from __future__ import annotations

import csv
import json
import os
import re

import networkx as nx
import pytest

from graph.export import ACTOR_HEADER, RELATION_HEADER, write_csv, write_gexf, write_graphml
from graph.html import ViewError, cluster_layout, family, pivot_layout, relation_colours, render_html, safe_json, score_colour, view_graph
from graph.model import Actor, Evidence, Relation
from graph.store import GraphStore
from graph.taxonomy import UnknownTermError, load_taxonomy

EVIL = '<script>window.__xss=1</script> <img src=x onerror="window.__xss=1"> href=javascript:alert(1) \'q\' & "dq"'


def crafted_store(path) -> GraphStore:
    """Three actors with hostile names, aliases and evidence; one undated relation."""
    s = GraphStore(path)
    s.add_actor(Actor(id="evil", name=f"Evil {EVIL}", kind="person", aliases=["A;B", "line\nbreak", EVIL], documents=["d1"]))
    s.add_actor(Actor(id="state-x", name="State X", kind="state", documents=["d1", "d2"]))
    s.add_actor(Actor(id="ngo-y", name="NGO, \"Y\"", kind="ngo", documents=["d2"]))
    ev = Evidence(doc="d1", sentence=f"Evil criticised State X. {EVIL}\nsecond line", start=0, end=40, date="2026-01-05", confidence=0.7)
    s.add_relation(Relation(source="evil", type="CRITICISES", target="state-x", evidence=[ev]))
    s.add_relation(Relation(source="state-x", type="MEETS", target="ngo-y",
                            evidence=[Evidence(doc="d2", sentence="State X met NGO Y.", start=0, end=18, date="2026-02-01")]))
    s.add_relation(Relation(source="ngo-y", type="CRITICISES", target="state-x",
                            evidence=[Evidence(doc="d2", sentence="NGO Y criticised State X.", start=20, end=45)]))
    return s


# -- view_graph filters ------------------------------------------------------------


def test_view_graph_filters(tmp_path):
    s = crafted_store(tmp_path / "s")
    assert view_graph(s).number_of_edges() == 3
    g = view_graph(s, types=["criticises"])
    assert {k for _, _, k in g.edges(keys=True)} == {"CRITICISES"} and g.number_of_nodes() == 3
    g = view_graph(s, kinds=["state", "ngo"])
    assert set(g) == {"state-x", "ngo-y"} and g.number_of_edges() == 2
    g = view_graph(s, since="2026-01-10")  # the undated and the January evidence fall out; so does 'evil'
    assert list(g.edges(keys=True)) == [("state-x", "ngo-y", "MEETS")] and "evil" not in g
    g = view_graph(s, until="2026-01-31")
    assert list(g.edges(keys=True)) == [("evil", "state-x", "CRITICISES")]
    g = view_graph(s, around="ngo y", depth=0)
    assert list(g) == ["ngo-y"]
    g = view_graph(s, around="ngo-y", depth=1)
    assert set(g) == {"ngo-y", "state-x"} and g.number_of_edges() == 2
    assert set(view_graph(s, around="ngo-y", depth=2)) == {"ngo-y", "state-x", "evil"}


def test_view_graph_rejects_bad_input(tmp_path):
    s = crafted_store(tmp_path / "s")
    with pytest.raises(UnknownTermError, match="unknown relation type 'BOMBS'"):
        view_graph(s, types=["BOMBS"])
    with pytest.raises(UnknownTermError, match="unknown actor kind 'robot'"):
        view_graph(s, kinds=["robot"])
    with pytest.raises(ViewError, match="not an ISO date"):
        view_graph(s, since="last week")
    with pytest.raises(ViewError, match="after --until"):
        view_graph(s, since="2026-02-01", until="2026-01-01")
    with pytest.raises(ViewError, match="excluded by the other filters"):
        view_graph(s, around="evil", kinds=["state"])


def rgb(h: str) -> tuple[int, int, int]:
    return tuple(int(h[i: i + 2], 16) for i in (1, 3, 5))


def test_colours_are_warm_for_conflict_and_cool_for_cooperation():
    tax = load_taxonomy()
    for t in tax.relation_types.values():
        r, _, b = rgb(score_colour(t.score))
        if t.score < 0:
            assert r > b, t.name
        elif t.score > 0:
            assert b > r, t.name


def test_every_relation_type_has_its_own_colour_within_its_family():
    tax = load_taxonomy()
    colours = relation_colours(tax)
    assert set(colours) == set(tax.relation_types)
    assert len(set(colours.values())) == len(colours)  # CRITICISES/DEMANDS/OPPOSES/REJECTS, LEADS/MEMBER_OF/REPORTS_ON apart
    for t, c in colours.items():
        r, g, b = rgb(c)
        fam = family(tax.relation(t).score)
        if fam == "conflict":
            assert r > b, t
        elif fam == "cooperation":
            assert b > r or g > r, t
        else:
            assert max(r, g, b) - min(r, g, b) < 80, t  # greys and khaki: low saturation
    # A family with more types than its palette still gets distinct colours of its family.
    class Big:
        def __init__(self) -> None:
            self.relation_types = {f"T{i}": None for i in range(30)}

        def relation(self, name):
            return type("R", (), {"score": -float(name[1:]) - 1})()
    big = relation_colours(Big())
    assert len(set(big.values())) == 30 and all(rgb(c)[0] > rgb(c)[2] for c in big.values())


def test_cluster_layout_separates_communities_repeatably(tmp_path):
    from benchmarks.views import story_graph

    store = story_graph(tmp_path, 400, seed=1)
    g = view_graph(store)
    pos, community = cluster_layout(g)
    assert (pos, community) == cluster_layout(view_graph(store))
    assert set(pos) == set(g) and all(community[n] == -1 for n in g if g.degree(n) == 0)

    def d(a, b):
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5
    members: dict[int, list[str]] = {}
    for n, c in community.items():
        members.setdefault(c, []).append(n)
    groups = [m for c, m in members.items() if c >= 0 and len(m) >= 5]
    assert len(groups) >= 5
    # Actors of one community sit much closer together than actors of two different ones.
    import random
    rng = random.Random(2)
    same = [d(*rng.sample(m, 2)) for m in groups for _ in range(20)]
    other = [d(rng.choice(a), rng.choice(b)) for a in groups for b in groups if a is not b][:2000]
    assert sum(same) / len(same) < 0.35 * sum(other) / len(other)
    lone = [n for n in g if g.degree(n) == 0]
    xs = [pos[n][1] for n in lone]
    assert min(xs) > max(pos[n][1] for n in g if g.degree(n))  # isolated actors in a grid below the rest


def test_pivot_layout_separates_components_and_keeps_neighbours_close():
    g = nx.barabasi_albert_graph(600, 2, seed=3)
    g.add_nodes_from(range(600, 650))  # isolated actors
    pos = pivot_layout(g)
    assert set(pos) == set(g)
    def d(a, b):
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5
    edge_mean = sum(d(u, v) for u, v in g.edges()) / g.number_of_edges()
    import random
    rng = random.Random(1)
    pairs = [(rng.randrange(600), rng.randrange(600)) for _ in range(2000)]
    assert edge_mean < 0.7 * sum(d(u, v) for u, v in pairs) / len(pairs)


# -- the page as a file ----------------------------------------------------------------


def test_page_is_self_contained_and_escaped(tmp_path, monkeypatch):
    s = crafted_store(tmp_path / "s")
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    out = tmp_path / "out" / "view.html"
    info = render_html(s, out, title=f"Title {EVIL}")
    assert info == {"path": str(out), "nodes": 3, "edges": 3, "large": False}
    assert list(work.iterdir()) == [] and sorted(p.name for p in out.parent.iterdir()) == ["view.html"]  # no lib/ folder
    page = out.read_text(encoding="utf-8")
    assert oct(os.stat(out).st_mode & 0o777) != oct(0o600)  # shareable, not private
    # No external resource of any kind, no Bootstrap, and a CSP that forbids requests.
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", page, re.I)
    assert "bootstrap" not in page.lower() and "default-src 'none'" in page.replace("&#x27;", "'")
    # Hostile strings appear only escaped: in the JSON block and in <title>.
    assert "<script>window.__xss" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page  # the <title>
    data = json.loads(re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', page, re.S).group(1))
    names = {n["id"]: n["name"] for n in data["nodes"]}
    assert not any("label" in n for n in data["nodes"])  # the page draws names itself, without overlaps
    assert names["evil"] == f"Evil {EVIL}"
    assert any(EVIL in e["sentence"] for edge in data["edges"] for e in edge["evidence"])
    assert {e["id"] for e in data["edges"]} == {"evil|CRITICISES|state-x", "state-x|MEETS|ngo-y", "ngo-y|CRITICISES|state-x"}
    meets = next(e for e in data["edges"] if e["type"] == "MEETS")
    assert meets["arrows"]["to"]["enabled"] is False  # symmetric: no arrow
    assert all(e["arrows"]["to"]["enabled"] for e in data["edges"] if e["type"] == "CRITICISES")


def test_safe_json_is_inert_in_script():
    text = safe_json({"a": "</script><!-- \u2028 \u2029 &"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!-- \u2028 \u2029 &"}


def test_cli_html_errors_are_one_line(cli, tmp_path):
    crafted_store(tmp_path / "s").save()
    for args, msg in [(["--types", "BOMBS"], "unknown relation type 'BOMBS'"), (["--kinds", "robot"], "unknown actor kind 'robot'"),
                      (["--since", "2026-99-01"], "not an ISO date"), (["--around", "zzzzzz"], "no actor named")]:
        res = cli("export", "html", str(tmp_path / "v.html"), *args, store=tmp_path / "s")
        assert res.exit_code == 1, res.output
        assert res.output.count("\n") == 1 and msg in res.output
    assert not (tmp_path / "v.html").exists()
    ok = cli("export", "html", str(tmp_path / "v.html"), "--types", "criticises,meets", "--kinds", "state", "--kinds", "ngo",
             store=tmp_path / "s")
    assert ok.exit_code == 0 and "2 actors, 2 relations" in ok.output


# -- GraphML, GEXF, CSV ------------------------------------------------------------------


def test_graphml_round_trip(sample_store, tmp_path):
    s = GraphStore.open(sample_store)
    assert write_graphml(s, tmp_path / "g.graphml") == {"nodes": s.graph.number_of_nodes(), "links": s.graph.number_of_edges()}
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert isinstance(g, nx.MultiDiGraph)
    assert set(g) == set(s.graph) and set(g.edges(keys=True)) == set(s.graph.edges(keys=True))
    for u, v, k, a in g.edges(keys=True, data=True):
        stored = s.graph.edges[u, v, k]
        assert a["type"] == k and a["evidence_count"] == len(stored["evidence"])
        assert json.loads(a["evidence"]) == sorted(stored["evidence"], key=lambda e: (e["doc"], e["start"], e["end"]))
        assert isinstance(a["confidence"], float) and isinstance(a["symmetric"], bool)
    for n, a in g.nodes(data=True):
        assert a["name"] == s.graph.nodes[n]["name"] and json.loads(a["aliases"]) == sorted(s.graph.nodes[n]["aliases"])


def test_gexf_round_trip(sample_store, tmp_path):
    s = GraphStore.open(sample_store)
    write_gexf(s, tmp_path / "g.gexf")
    g = nx.read_gexf(tmp_path / "g.gexf")
    assert g.number_of_nodes() == s.graph.number_of_nodes() and g.number_of_edges() == s.graph.number_of_edges()
    assert {a["label"] for _, a in g.nodes(data=True)} == {a["name"] for _, a in s.graph.nodes(data=True)}
    assert {(u, v, a["relation"]) for u, v, a in g.edges(data=True)} == set(s.graph.edges(keys=True))
    text = (tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert set(re.findall(r'<edge [^>]*\btype="([^"]*)"', text)) <= {"directed", "undirected", "mutual"}


def test_csv_is_what_neo4j_admin_reads(tmp_path):
    s = crafted_store(tmp_path / "s")
    assert write_csv(s, tmp_path / "csv") == {"nodes": 3, "links": 3}
    actors_text = (tmp_path / "csv" / "actors.csv").read_text(encoding="utf-8")
    rel_text = (tmp_path / "csv" / "relations.csv").read_text(encoding="utf-8")
    assert actors_text.splitlines()[0] == "id:ID,name,kind,aliases:string[],documents:string[],:LABEL,codes:string[]"
    assert rel_text.splitlines()[0].startswith(":START_ID,:END_ID,:TYPE,date,")
    assert "confidence:float" in RELATION_HEADER and "evidence_count:int" in RELATION_HEADER
    # One record per line: no field spans lines, so neo4j-admin needs no --multiline-fields.
    assert len(actors_text.splitlines()) == 4 and len(rel_text.splitlines()) == 4
    actors = list(csv.DictReader(actors_text.splitlines()))
    assert [a["id:ID"] for a in actors] == ["evil", "ngo-y", "state-x"]
    evil = actors[0]
    assert evil[":LABEL"] == "Actor;Person" and actors[2][":LABEL"] == "Actor;State"
    assert evil["aliases:string[]"].split(";") == sorted(["A,B", "line break", " ".join(EVIL.split())])
    assert actors[1]["name"] == 'NGO, "Y"' and actors[2]["documents:string[]"] == "d1;d2"
    rels = list(csv.DictReader(rel_text.splitlines()))
    assert list(rels[0]) == RELATION_HEADER and ACTOR_HEADER == list(actors[0])
    by = {(r[":START_ID"], r[":TYPE"], r[":END_ID"]): r for r in rels}
    crit = by["evil", "CRITICISES", "state-x"]
    assert crit["date"] == "2026-01-05" and float(crit["confidence:float"]) == 0.7 and int(crit["evidence_count:int"]) == 1
    assert EVIL in json.loads(crit["evidence"])[0]["sentence"]
    assert by["ngo-y", "CRITICISES", "state-x"]["date"] == ""  # undated: empty, imported as no property
    assert by["state-x", "MEETS", "ngo-y"]["symmetric:boolean"] == "true"


def test_export_cli_formats(cli, sample_store, tmp_path):
    for args in (["graphml", str(tmp_path / "g.graphml")], ["gexf", str(tmp_path / "g.gexf")], ["csv", str(tmp_path / "c")]):
        res = cli("export", *args, store=sample_store)
        assert res.exit_code == 0 and "wrote" in res.output
    (tmp_path / "file").write_text("x")
    bad = cli("export", "csv", str(tmp_path / "file"), store=sample_store)
    assert bad.exit_code != 0 and "Traceback" not in bad.output


def test_date_filter_uses_the_document_date_when_the_sentence_gives_none(sample_store):
    from graph.html import view_graph
    from graph.store import GraphStore

    store = GraphStore.open(sample_store)
    feb = view_graph(store, since="2026-02-01", until="2026-02-28")
    undated = [e for _, _, a in store.graph.edges(data=True) for e in a["evidence"] if not e.get("date")]
    assert undated and feb.number_of_edges() > 0  # relations stated without a date are kept by their document's date
    jan = view_graph(store, since="2026-01-01", until="2026-01-31")
    assert any(e.get("date") == "2026-01" for _, _, a in jan.edges(data=True) for e in a["evidence"])
