"""The CSV of ``push --bulk``, written column by column, against a plain row-by-row writer of the writer's own
rows (``edge_row``, ``_node_dict``): the same bytes, the same header types, the same lists to restore.

No server here: ``tests/test_neo4j_bulk.py`` loads these files into Neo4j and checks ``pull``.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from conftest import make_random_store

import graph.neo4j.bulk as bulk
from graph.model import Actor, Document, Evidence, Relation
from graph.neo4j.bulk import _ARRAY_DELIMITERS, BulkRefused, write_bulk_csv
from graph.neo4j.writer import RELATION_COLUMNS, _document_row, _wikidata_ids, edge_row
from graph.store import GraphStore
from graph.taxonomy import load_taxonomy

FILES = ("documents.csv", "actors.csv", "mentions.csv", "relations.csv")


# -- the reference: one row at a time, one cell at a time ---------------------------------------------


def _ref_type(values: list[Any]) -> str:
    kinds = set()
    for v in values:
        for x in (v if isinstance(v, list) else [v]):
            if x is not None and x != "":
                kinds.add("boolean" if isinstance(x, bool) else "long" if isinstance(x, int) else
                          "double" if isinstance(x, float) else "string")
    return "double" if kinds == {"long", "double"} else (kinds.pop() if len(kinds) == 1 else "string")


def _ref_cell(value: Any, delim: str, trim: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        if trim and value == [""]:
            return '" "'  # read back as [""] with --trim-strings
        value = delim.join("true" if x is True else "false" if x is False else str(x) for x in value)
    return '"' + str(value).replace('"', '""') + '"'


def _strings(rows: list[list[Any]]) -> list[str]:
    return [x for row in rows for v in row for x in (v if isinstance(v, list) else [v]) if isinstance(x, str)]


def reference_csv(store: GraphStore, out: Path) -> dict[str, Any]:
    """The bulk CSV the simple way: the writer's rows, each cell by itself."""
    tax, g, qids = load_taxonomy(), store.graph, _wikidata_ids()
    docs = [_document_row(store, d) for d in sorted(store.documents)]
    fields = [f for f in (docs[0] if docs else {"id": ""}) if f != "id"]
    doc_rows = [[d["id"], *(d[f] for f in fields)] for d in docs]
    actors, mentions = [], []
    for n in sorted(g.nodes):
        a = store._node_dict(n)
        actors.append([a["id"], a["name"], a["kind"], a["aliases"], a["documents"], a["codes"], qids.get(n),
                       ["Actor", tax.kind(a["kind"]).label]])
        mentions += [[d, n] for d in a["documents"] if d in store.documents]
    relations = []
    for u, v, k in g.edges(keys=True):
        row = edge_row(g, u, v, k)
        row.insert(2, tax.relation(k).name)
        relations.append(row)
    texts = _strings(doc_rows) + _strings(actors) + _strings(relations)
    delim = next(c for c in _ARRAY_DELIMITERS if not any(c in t for t in texts))
    trim = not any(t != t.lstrip("".join(map(chr, range(33)))) or t != t.rstrip("".join(map(chr, range(33))))
                   for t in texts)
    rel_header = [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"]
    for i, p in enumerate(RELATION_COLUMNS[2:]):
        column = [r[3 + i] for r in relations]
        rel_header.append(f"{p}:{_ref_type(column)}" + ("[]" if any(isinstance(x, list) for x in column) else ""))
    tables = {
        "documents": (["id:ID(Document)", *(f"{f}:{_ref_type([r[1 + i] for r in doc_rows])}" for i, f in enumerate(fields))],
                      doc_rows),
        "actors": (["id:ID(Actor)", "name:string", "kind:string", "aliases:string[]", "documents:string[]",
                    "codes:string[]", "wikidata:string", ":LABEL"], actors),
        "mentions": ([":START_ID(Document)", ":END_ID(Actor)"], mentions),
        "relations": (rel_header, relations),
    }
    restore = {}
    for name, (header, rows) in tables.items():
        lost = {header[i].split(":")[0] for row in rows for i, h in enumerate(header)
                if h.endswith("[]") and isinstance(row[i], list)
                and (row[i] == [] if trim else not any(x != "" for x in row[i]))}
        if lost:
            restore[name] = sorted(lost)
        text = ",".join(header) + "\n" + "".join(",".join(_ref_cell(v, delim, trim) for v in row) + "\n" for row in rows)
        (out / f"{name}.csv").write_text(text, encoding="utf-8", newline="")
    return {"restore": restore, "delimiter": f"U+{ord(delim):04X}", "trim": trim,
            "multiline": any("\n" in t or "\r" in t for t in texts)}


# -- stores ---------------------------------------------------------------------------------------------


def _tricky(path: Path) -> GraphStore:
    """Undated and empty values, quotes, commas, line breaks, delimiters in the data, parallel and
    multi-sentence relations, a relation without evidence, a number where text is usual."""
    s = make_random_store(path, actors=60, relations=200, documents=9)
    s.documents["doc-x"] = Document(id="doc-x", title='"Quoted", title', path="a,b;\u001fc.txt", sha256="f" * 64)
    s.add_actor(Actor(id="q", name='Le "Quote", Inc', kind="company", aliases=["x\u001fy", ""], documents=["doc-x"],
                      codes=["cameo:USABUS"]))
    s.add_actor(Actor(id="r", name="Đurić\nspaced ", kind="person", aliases=[], documents=["doc-x", "doc-001", "gone"]))
    s.add_relation(Relation(source="q", type="SUPPORTS", target="r", evidence=[
        Evidence(doc="doc-x", sentence='He said "yes"\r\nthen left.', start=0, end=10, confidence=1.0, background=True,
                 since="2022"),
        Evidence(doc="doc-001", sentence="", start=5, end=6, confidence=0.1 + 0.2),
        Evidence(doc="gdelt:7", sentence="GDELT event", start=0, end=0, date="2026-01-15", provenance="gdelt",
                 url="https://news.example/a?b=1,2")]))
    s.add_relation(Relation(source="r", type="MEETS", target="q", evidence=[
        Evidence(doc="doc-x", sentence="", start=0, end=3, confidence=0.0)]))
    s.graph.add_edge("q", "r", key="CRITICISES", type="CRITICISES", evidence=[])
    # evidence as a plain dict without the later fields (older stores): the writer's .get path
    s.graph.add_edge("r", "q", key="OPPOSES", type="OPPOSES", evidence=[
        {"doc": "doc-x", "sentence": "old", "start": 1, "end": 2, "date": None, "confidence": -0.0, "pattern": "p"}])
    return s


def _one_sentence(path: Path, n: int = 400) -> GraphStore:
    """Every relation of one sentence (the fast path alone), more rows than one write chunk."""
    s = GraphStore(path)
    s.documents["d"] = Document(id="d", title="D", date="2025-01-01", sha256="0" * 64)
    for i in range(n // 4):
        s.add_actor(Actor(id=f"a{i}", name=f"A {i}", kind="person", documents=["d"]))
    for i in range(n):
        s.add_relation(Relation(source=f"a{i // 4}", type="THREATENS" if i % 2 else "CRITICISES",
                                target=f"a{(i // 4 + 1 + i % 4) % (n // 4)}", evidence=[
            Evidence(doc="d", sentence=f"s{i}", start=i, end=i + 1, confidence=(i % 10) / 10,
                     date=None if i % 3 else "2025-02-03")]))
    return s


@pytest.mark.parametrize("make", [_tricky, _one_sentence, lambda p: GraphStore(p),
                                  lambda p: make_random_store(p, actors=200, relations=900, documents=20)],
                         ids=["tricky", "one-sentence", "empty", "random"])
def test_columnar_csv_is_the_row_by_row_csv(make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(bulk, "_CHUNK", 64)  # several chunks even in a small store
    store = make(tmp_path / "store")
    (tmp_path / "ref").mkdir()
    ref = reference_csv(store, tmp_path / "ref")
    got = write_bulk_csv(store, tmp_path / "got")
    for f in FILES:
        assert (tmp_path / "got" / f).read_bytes() == (tmp_path / "ref" / f).read_bytes(), f
    assert got["restore"] == ref["restore"]
    assert f"--array-delimiter={ref['delimiter']}" in got["args"]
    assert f"--multiline-fields={'true' if ref['multiline'] else 'false'}" in got["args"]
    assert f"--trim-strings={'true' if ref['trim'] else 'false'}" in got["args"]
    assert got["relations"] == store.graph.number_of_edges()


def test_tricky_store_exercises_what_it_claims(tmp_path: Path):
    """The tricky store really has the cases the comparison is meant to cover."""
    store = _tricky(tmp_path / "s")
    got = write_bulk_csv(store, tmp_path / "out")
    assert "--array-delimiter=U+001E" in got["args"]  # U+001F occurs in the data
    assert "--multiline-fields=true" in got["args"]
    assert got["restore"]["relations"] and "aliases" in got["restore"]["actors"]
    assert "--trim-strings=false" in got["args"]  # "Đurić\nspaced ": the lists are restored after the import
    header = (tmp_path / "out" / "relations.csv").read_text(encoding="utf-8").split("\n", 1)[0]
    assert "ev_background:boolean[]" in header and "confidence:double" in header and "ev_start:long[]" in header


def test_lists_of_one_empty_string_need_no_restore_when_no_value_has_spaces_at_its_ends(tmp_path: Path):
    store = _one_sentence(tmp_path / "s")
    assert all(len(a["evidence"]) == 1 for *_, a in store.graph.edges(data=True))
    got = write_bulk_csv(store, tmp_path / "out")
    assert "--trim-strings=true" in got["args"] and "relations" not in got["restore"]
    rows = (tmp_path / "out" / "relations.csv").read_text(encoding="utf-8").splitlines()
    assert any(',"2025-02-03",' in r for r in rows) and any(r.endswith(',"text"," "') for r in rows)
    store.add_actor(Actor(id="sp", name=" Lead", kind="person"))  # a leading space: --trim-strings would drop it
    assert "--trim-strings=false" in write_bulk_csv(store, tmp_path / "out2")["args"]


def test_every_delimiter_in_the_data_is_refused(tmp_path: Path):
    store = GraphStore(tmp_path / "s")
    store.add_actor(Actor(id="a", name="".join(_ARRAY_DELIMITERS), kind="person"))
    with pytest.raises(BulkRefused, match="array delimiter"):
        write_bulk_csv(store, tmp_path / "out")


def test_trim_check_agrees_with_a_string_by_string_check():
    """One regex over the NUL-joined strings says what a check of each string's ends says (a NUL in a
    value may only make it answer "not safe", the slower path that is always right)."""
    rng = random.Random(7)
    for _ in range(20_000):
        strings = ["".join(rng.choice("ab \t\n\x1f\x00é") for _ in range(rng.randint(0, 4))) for _ in range(rng.randint(0, 4))]
        want = not any(s[0] <= " " or s[-1] <= " " for s in strings if s)
        got = bulk._trim_safe(strings)
        assert got == want or (not got and any("\x00" in s for s in strings)), strings
    assert bulk._trim_safe(["a", "", "b c"]) and not bulk._trim_safe(["a", "b\n"]) and not bulk._trim_safe([" a"])
