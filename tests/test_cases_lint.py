"""A lint over the extraction tests' expectation tables: every case must be able to fail.

The rule tests are tables of (text, must, must_not): ``must <= found`` and ``not must_not & found``.
An expectation that is not a set of triples (``{...} and set()`` evaluates to ``set()``), a case that
expects nothing either way, a must_not triple whose relation type is not in the taxonomy, or one whose
actor could never be produced from the text (neither a gazetteer id nor the id of a name in the text),
all pass whatever the extractor does. ruff's SIM222/SIM223 (selected in pyproject.toml) catch the
``and``/``or`` form in source; this test catches the rest, on the tables as pytest sees them.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from _pytest.mark.structures import ParameterSet

from extraction.gazetteer import gazetteer_files, load_gazetteer
from extraction.lexicon import load_lexicon
from graph.model import slugify
from graph.taxonomy import load_taxonomy
from tests.conftest import TEST_GAZETTEER

TESTS = Path(__file__).resolve().parent

EXPECTATIONS = ("must", "must_not")
WORD = re.compile(r"[\w'’.-]+")


def _table_modules() -> list[str]:
    return sorted(f"tests.{p.stem}" for p in TESTS.glob("test_extraction*.py"))


def _cases() -> Iterator[tuple[str, str, dict[str, object]]]:
    """(case id, text, {argname: value}) of every parametrized case with a must/must_not argument."""
    for modname in _table_modules():
        module = importlib.import_module(modname)
        for fname, func in sorted(vars(module).items()):
            if not fname.startswith("test_") or not callable(func):
                continue
            for mark in getattr(func, "pytestmark", []):
                if mark.name != "parametrize":
                    continue
                argnames, argvalues = mark.args[0], mark.args[1]
                names = [n.strip() for n in (argnames.split(",") if isinstance(argnames, str) else argnames)]
                if not set(EXPECTATIONS) & set(names):
                    continue
                for i, row in enumerate(argvalues):
                    values = row.values if isinstance(row, ParameterSet) else row
                    case = dict(zip(names, values, strict=True))
                    yield f"{modname}::{fname}[{case.get('name', i)}]", str(case.get("text", "")), case


CASES = list(_cases())


@pytest.fixture(scope="module")
def known_ids() -> set[str]:
    """Ids the extractor can give without the name in the text: gazetteer entries and their state
    bodies ('Russian forces' -> russia-military)."""
    ids = set(load_gazetteer([*gazetteer_files(), TEST_GAZETTEER]).entries)
    return ids | {f"{i}-{body}" for i in ids for body in load_lexicon().bodies}


def _text_ids(text: str, longest: int = 6) -> set[str]:
    """Ids the extractor could make for a name in ``text``: the slug of any run of up to ``longest`` words."""
    words = WORD.findall(text)
    return {slugify(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, min(len(words), i + longest) + 1)}


def test_the_tables_are_found():
    # The lint must see the tables it is about, or it checks nothing itself.
    assert len(CASES) >= 150, len(CASES)
    assert {c[0].split("::")[0] for c in CASES} >= {"tests.test_extraction_rules", "tests.test_extraction_discourse"}


def _is_triple(t: object) -> bool:
    return isinstance(t, tuple) and len(t) == 3 and all(isinstance(x, str) and x for x in t)


def problems(text: str, expect: dict[str, object], known_ids: set[str]) -> list[str]:
    """Why this case's expectations could never fail (empty when they can)."""
    types = set(load_taxonomy().relation_types)
    given = {k: expect[k] for k in EXPECTATIONS if k in expect}
    out: list[str] = []
    for key, triples in list(given.items()):
        if triples is None:  # "no expectation of this side" in the tables that allow it
            triples = given[key] = set()
        elif _is_triple(triples):  # some tables give one triple, tested with `in`
            triples = given[key] = {triples}
        if not isinstance(triples, set | frozenset):
            out.append(f"{key} is {triples!r}, not a set of triples")
            continue
        for t in triples:
            if not _is_triple(t):
                out.append(f"{key}: {t!r} is not a (source, type, target) triple")
            elif t[1] not in types:
                out.append(f"{key}: {t!r}: {t[1]} is not a relation type")
    if out:
        return out
    must, must_not = given.get("must", set()), given.get("must_not", set())
    if not must and not must_not:
        out.append("the case expects nothing: neither must nor must_not can fail")
    if must & must_not:
        out.append(f"both required and forbidden: {must & must_not}")
    possible = known_ids | _text_ids(text)
    for s, r, t in must_not:
        missing = [x for x in (s, t) if x not in possible]
        if missing:
            out.append(f"must_not {(s, r, t)} names {missing}: no gazetteer id and no name in the text, so it is never found")
    return out


@pytest.mark.parametrize(("case", "text", "expect"), CASES, ids=[c[0] for c in CASES])
def test_every_expectation_can_fail(case, text, expect, known_ids):
    assert not problems(text, expect, known_ids)


@pytest.mark.parametrize("expect", [
    {"must": {("kenya", "MEETS", "haiti")} and set(), "must_not": set()},  # noqa: SIM223 - the shape under test
    {"must": [("kenya", "MEETS", "haiti")], "must_not": set()},
    {"must": {("kenya", "MEETS")}, "must_not": set()},
    {"must": set(), "must_not": {("kenya", "BOMBS", "haiti")}},
    {"must": set(), "must_not": {("kenya", "MEETS", "atlantis-republic")}},
    {"must": {("kenya", "MEETS", "haiti")}, "must_not": {("kenya", "MEETS", "haiti")}},
])
def test_the_lint_catches_what_it_is_for(expect, known_ids):
    assert problems("Kenya hosted Haiti.", expect, known_ids)


def test_the_lint_passes_a_case_that_can_fail(known_ids):
    expect = {"must": {("kenya", "MEETS", "haiti")}, "must_not": {("haiti", "SANCTIONS", "kenya")}}
    assert problems("Kenya hosted Haiti.", expect, known_ids) == []
