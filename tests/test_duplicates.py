"""`actorgraph duplicates`: planted spelling variants are found; namesakes and neighbours are not."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx

from graph.duplicates import all_pairs, find_duplicates, match_key

# Pairs that are one actor each, written the way different newsrooms write them.
PLANTED = [
    (("Abbas Araghchi", "person"), ("Abbas Araqchi", "person")),
    (("Muammar Gaddafi", "person"), ("Colonel Moammar Kadhafi", "person")),
    (("Bashar al-Assad", "person"), ("Bashar El Assad", "person")),
    (("Mohammed bin Salman", "person"), ("Muhammad bin Salman", "person")),
    (("Office of the United Nations High Commissioner for Refugees", "igo"), ("OUNHCR", "igo")),
    (("Nicolás Maduro", "person"), ("Nicolas Maduro Moros", "person")),
    (("Ilham Aliyev", "person"), ("Ilham Aliev", "person")),
    (("Union Solidarity and Development Party", "other_org"), ("Union Solidarity & Development Party", "other_org")),
]
# Distinct actors whose names look alike: none of these pairs may be proposed.
DISTINCT = [
    ("Ali Khamenei", "person"), ("Mojtaba Khamenei", "person"),
    ("Raúl Castro", "person"), ("Fidel Castro", "person"),
    ("Joe Biden", "person"), ("Hunter Biden", "person"),
    ("Niger", "state"), ("Nigeria", "state"), ("Iran", "state"), ("Iraq", "state"),
    ("Austria", "state"), ("Australia", "state"), ("Sudan", "state"), ("South Sudan", "state"),
    ("Gustavo Petro", "person"), ("Petro Poroshenko", "person"),
    ("Mohammed bin Zayed", "person"), ("Abdullah II", "person"),
]


def _graph() -> tuple[nx.MultiDiGraph, set[tuple[str, str]]]:
    from graph.model import slugify

    g = nx.MultiDiGraph()
    truth = set()
    for i, ((n1, k1), (n2, k2)) in enumerate(PLANTED):
        a, b = slugify(n1), slugify(n2)
        g.add_node(a, name=n1, kind=k1, aliases=[], documents=[f"p{i}a"])
        g.add_node(b, name=n2, kind=k2, aliases=[], documents=[f"p{i}b"])
        truth.add(tuple(sorted((a, b))))
    for n, k in DISTINCT:
        g.add_node(slugify(n), name=n, kind=k, aliases=[], documents=["x"])
    # Shared neighbours for one planted pair; the two Khamenei relate to each other.
    g.add_edge("abbas-araghchi", "oman-state", key="MEETS")
    g.add_edge("abbas-araqchi", "oman-state", key="MEETS")
    g.nodes["oman-state"].update(name="Oman", kind="state", aliases=[], documents=[])
    g.add_edge("ali-khamenei", "mojtaba-khamenei", key="SUPPORTS")
    return g, truth


def test_planted_pairs_found_with_high_precision_and_no_namesakes():
    g, truth = _graph()
    found = {(c.a, c.b) for c in find_duplicates(g)}
    hits = found & truth
    assert len(hits) / len(found) >= 0.9, found - truth
    assert len(hits) >= len(truth) - 1, truth - found
    distinct = {n for n in g.nodes if not any(n in p for p in truth)}
    assert not any(a in distinct and b in distinct for a, b in found), found


def test_blocking_finds_what_all_pairs_finds():
    g, _ = _graph()
    # At the default threshold blocking loses nothing that comparing every pair finds.
    assert [(c.a, c.b, c.score) for c in find_duplicates(g)] == [(c.a, c.b, c.score) for c in all_pairs(g)]


def test_reasons_explain_the_score():
    g, _ = _graph()
    pair = next(c for c in find_duplicates(g) if c.a == "abbas-araghchi")
    text = "; ".join(pair.reasons)
    assert "spelling variants" in text and "1 shared neighbours" in text and "never two parties" in text


def test_transliteration_variants_share_a_key():
    assert len({match_key(n) for n in ("Qaddafi", "Gaddafi", "Kadhafi", "Gadhafi")}) == 1
    assert len({match_key(n) for n in ("Mohammed", "Mohamed", "Muhammad")}) == 1
    assert match_key("Dr. Jane Q. Doe") == match_key("Jane Doe")
    assert match_key("Iran") != match_key("Iraq")


def test_duplicates_command_formats(cli, store_dir):
    from graph.store import GraphStore

    g, _ = _graph()
    store = GraphStore(store_dir)
    store.graph = nx.MultiDiGraph()
    for n, a in g.nodes(data=True):
        store.graph.add_node(n, **a)
    store.save()
    table = cli("duplicates")
    assert table.exit_code == 0 and "abbas-araghchi" in table.output
    rows = json.loads(cli("duplicates", "--format", "json").output)
    assert rows and {"score", "a", "b", "reasons"} <= set(rows[0]) and rows[0]["score"] >= 0.75
    strict = list(csv.DictReader(io.StringIO(cli("duplicates", "--format", "csv", "--min-score", "0.99").output)))
    assert 0 < len(strict) < len(rows) and all(float(r["score"]) >= 0.99 for r in strict)
    assert cli("duplicates", "--min-score", "2").exit_code == 2
