"""Our own annotated article sets (tests/articles, articles2 ... articles11) stay consistent with their gold files."""

from functools import cache
from pathlib import Path

import pytest
import yaml

from actorgraph.evaluate import evaluate
from actorgraph.ingest import ingest_paths
from graph.export import node_link
from graph.store import GraphStore
from tests.check_gold import main as check_gold
from tests.check_gold import sets

HERE = Path(__file__).parent
SETS = {"articles": 10, "articles2": 6, "articles3": 6, "articles4": 4, "articles5": 4, "articles6": 3, "articles7": 4,
        "articles8": 5, "articles9": 6, "articles10": 6,
        "articles11": 8}


@cache  # parsed once per run: several tests read every earlier set's gold (callers only read it)
def _gold(folder: str) -> dict:
    return yaml.safe_load((HERE / folder / "gold.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", SETS)
def test_gold_is_consistent_with_the_articles(folder, capsys):
    assert check_gold(HERE / folder) == 0, capsys.readouterr().out


@pytest.mark.parametrize("folder,count", SETS.items())
def test_every_article_has_a_gold_entry(folder, count):
    docs = {d["doc"] for d in _gold(folder)["documents"]}
    assert {p.stem for p in (HERE / folder).glob("*.txt")} == docs
    assert len(docs) == count


def test_the_sets_are_all_found_in_order():
    assert [p.name for p in sets()] == list(SETS)


@pytest.mark.parametrize("i", range(1, len(SETS)))
def test_each_set_is_new_text(i):
    names = list(SETS)
    earlier = {d["doc"] for folder in names[:i] for d in _gold(folder)["documents"]}
    assert not earlier & {d["doc"] for d in _gold(names[i])["documents"]}


def test_the_second_set_requires_every_relation_type():
    second = _gold("articles2")
    required = {t for d in second["documents"] for r in d["relations"] if not r.get("optional")
                for t in (r["type"] if isinstance(r["type"], list) else [r["type"]])}
    assert len(required) == 17


def test_a_bad_gold_file_is_reported(tmp_path, capsys):
    (tmp_path / "doc-a.txt").write_text("Headline\nMali criticised France.\n", encoding="utf-8")
    (tmp_path / "doc-a.meta.yaml").write_text("title: Headline\ndate: 2025-01-02\n", encoding="utf-8")
    (tmp_path / "gold.yaml").write_text(
        "documents:\n  - doc: doc-a\n    actors:\n      - {id: mali, kind: state, names: [Mali]}\n"
        "      - {id: france, kind: state, names: [France]}\n    relations:\n"
        "      - {source: mali, type: CRITICIZES, target: france, evidence: \"Mali praised France\"}\n", encoding="utf-8")
    assert check_gold(tmp_path) == 1
    out = capsys.readouterr().out
    assert "unknown type CRITICIZES" in out and "evidence not in text" in out


# The newest set's floor (the earlier sets' floors are in test_extraction_quality.py): a little under its figure
# in tests/articles10/README.md, so that a change that makes extraction worse on it fails here.
FLOORS = {"articles10": 0.84}


@pytest.mark.parametrize("folder,floor", FLOORS.items())
def test_the_newest_set_stays_above_its_floor(tmp_path, folder, floor):
    store = GraphStore.open(tmp_path / "store", create=True)
    ingest_paths([HERE / folder], store, progress=False)
    o = evaluate(node_link(store), [str(HERE / folder / "gold.yaml")], store=store)["overall"]
    assert o["evidence_valid"] == 1.0
    assert o["relation_p"] >= 0.85 and o["relation_f1"] >= floor and o["actor_f1"] >= 0.90, o
