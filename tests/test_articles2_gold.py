"""The second held-out evaluation set in tests/articles2/ stays consistent with its gold file."""

import importlib.util
from pathlib import Path

import yaml

ARTICLES2 = Path(__file__).parent / "articles2"


def _checker():
    spec = importlib.util.spec_from_file_location("check_gold_articles2", ARTICLES2 / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_is_consistent_with_the_articles(capsys):
    assert _checker().main() == 0, capsys.readouterr().out


def test_checker_reads_this_folder_not_the_first_set():
    assert _checker().load_checker().HERE == ARTICLES2.resolve()


def test_every_article_has_a_gold_entry_and_all_types_are_required_somewhere():
    gold = yaml.safe_load((ARTICLES2 / "gold.yaml").read_text(encoding="utf-8"))
    docs = {d["doc"] for d in gold["documents"]}
    texts = {p.stem for p in ARTICLES2.glob("*.txt")}
    assert texts == docs
    assert len(docs) == 6
    first = {d["doc"] for d in yaml.safe_load((ARTICLES2.parent / "articles" / "gold.yaml").read_text(encoding="utf-8"))["documents"]}
    assert not docs & first
    required_types = {
        t
        for d in gold["documents"]
        for r in d["relations"]
        if not r.get("optional")
        for t in (r["type"] if isinstance(r["type"], list) else [r["type"]])
    }
    assert len(required_types) == 17
