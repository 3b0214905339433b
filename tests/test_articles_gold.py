"""Our own annotated article sets (tests/articles, articles2 ... articles5) stay consistent with their gold files."""

import importlib.util
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).parent
SETS = {"articles": 10, "articles2": 6, "articles3": 6, "articles4": 4, "articles5": 4}


def _checker(folder: str):
    spec = importlib.util.spec_from_file_location(f"check_gold_{folder}", HERE / folder / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold(folder: str) -> dict:
    return yaml.safe_load((HERE / folder / "gold.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", SETS)
def test_gold_is_consistent_with_the_articles(folder, capsys):
    assert _checker(folder).main() == 0, capsys.readouterr().out


@pytest.mark.parametrize("folder,count", SETS.items())
def test_every_article_has_a_gold_entry(folder, count):
    docs = {d["doc"] for d in _gold(folder)["documents"]}
    assert {p.stem for p in (HERE / folder).glob("*.txt")} == docs
    assert len(docs) == count


def test_the_second_set_is_new_text_and_checks_its_own_folder():
    assert _checker("articles2").load_checker().HERE == (HERE / "articles2").resolve()
    first = {d["doc"] for d in _gold("articles")["documents"]}
    second = _gold("articles2")
    assert not first & {d["doc"] for d in second["documents"]}
    required = {t for d in second["documents"] for r in d["relations"] if not r.get("optional")
                for t in (r["type"] if isinstance(r["type"], list) else [r["type"]])}
    assert len(required) == 17


def test_the_third_set_is_new_text_and_checks_its_own_folder():
    assert _checker("articles3").load_checker().HERE == (HERE / "articles3").resolve()
    earlier = {d["doc"] for folder in ("articles", "articles2") for d in _gold(folder)["documents"]}
    assert not earlier & {d["doc"] for d in _gold("articles3")["documents"]}


def test_the_fourth_set_is_new_text_and_checks_its_own_folder():
    assert _checker("articles4").load_checker().HERE == (HERE / "articles4").resolve()
    earlier = {d["doc"] for folder in ("articles", "articles2", "articles3") for d in _gold(folder)["documents"]}
    assert not earlier & {d["doc"] for d in _gold("articles4")["documents"]}


def test_the_fifth_set_is_new_text_and_checks_its_own_folder():
    assert _checker("articles5").load_checker().HERE == (HERE / "articles5").resolve()
    earlier = {d["doc"] for folder in ("articles", "articles2", "articles3", "articles4")
               for d in _gold(folder)["documents"]}
    assert not earlier & {d["doc"] for d in _gold("articles5")["documents"]}
