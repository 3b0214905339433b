"""The held-out-style evaluation set in tests/articles/ stays consistent with its gold file."""

import importlib.util
from pathlib import Path

import yaml

ARTICLES = Path(__file__).parent / "articles"


def _checker():
    spec = importlib.util.spec_from_file_location("check_gold", ARTICLES / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_is_consistent_with_the_articles(capsys):
    assert _checker().main() == 0, capsys.readouterr().out


def test_every_article_has_a_gold_entry():
    gold = yaml.safe_load((ARTICLES / "gold.yaml").read_text(encoding="utf-8"))
    docs = {d["doc"] for d in gold["documents"]}
    texts = {p.stem for p in ARTICLES.glob("*.txt")}
    assert texts == docs
    assert len(docs) == 10
