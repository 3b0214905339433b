"""Extraction quality on annotated articles, as floors that catch regressions.

The floors sit a little under the figures in the README, so that a change that makes
extraction worse fails here, while a neutral change does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actorgraph.evaluate import evaluate
from actorgraph.ingest import ingest_paths
from graph.export import node_link
from graph.store import GraphStore
from tests.conftest import EXAMPLES, GOLD

ROOT = Path(__file__).parent


def _score(tmp_path: Path, docs: Path, gold: Path) -> dict:
    store = GraphStore.open(tmp_path / "store", create=True)
    ingest_paths([docs], store, progress=False)
    return evaluate(node_link(store), [str(gold)], store=store)["overall"]


def test_sample_articles_meet_the_targets(tmp_path):
    o = _score(tmp_path, EXAMPLES, GOLD)
    assert o["relation_f1"] >= 0.85 and o["actor_f1"] >= 0.90 and o["evidence_valid"] == 1.0


@pytest.mark.parametrize("folder,floor", [("articles", 0.66), ("articles2", 0.69), ("articles3", 0.76),
                                         ("articles4", 0.77), ("articles5", 0.85),
                                         ("articles6", 0.82), ("articles7", 0.78),
                                         ("articles8", 0.74), ("articles9", 0.70)])
def test_own_articles_stay_above_their_floor(tmp_path, folder, floor):
    o = _score(tmp_path, ROOT / folder, ROOT / folder / "gold.yaml")
    assert o["evidence_valid"] == 1.0
    assert o["relation_p"] >= 0.85, o
    assert o["relation_f1"] >= floor, o
    assert o["actor_f1"] >= 0.85, o
