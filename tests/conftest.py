"""Shared fixtures: the example corpus, a fresh store, the CLI runner."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "news"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "eval" / "gold" / "seeds.yaml"
SCORE = SHARED / "eval" / "score.py"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the two example articles (ingested once per test session)."""
    from graph.ingest import ingest_paths
    from graph.store import GraphStore

    path = tmp_path_factory.mktemp("sample") / "store"
    ingest_paths([EXAMPLES], GraphStore.open(path), progress=False)
    return path


@pytest.fixture
def cli(runner: CliRunner, store_dir: Path):
    """Run an actorgraph command against a temporary store; returns the click Result."""
    from graph.cli import cli as group

    def run(*args: str, store: Path | None = None, stdin: str | None = None):
        env = {"ACTORGRAPH_STORE": str(store or store_dir)}
        return runner.invoke(group, list(args), env=env, input=stdin, catch_exceptions=False)

    return run


def read_json(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


IN_CI = os.environ.get("CI") == "true"


def make_random_store(path: Path, actors: int = 300, relations: int = 900, documents: int = 40, seed: int = 7):
    """A seeded synthetic store: actors of every kind, relations of every type with 1-3 evidence
    sentences, some evidence and documents undated (so every timeline ordering rule is exercised),
    a few isolated actors and parallel relations. Same arguments, same store."""
    import random

    from graph.model import Actor, Document, Evidence, Relation
    from graph.store import GraphStore
    from graph.taxonomy import load_taxonomy

    rng = random.Random(seed)
    tax = load_taxonomy()
    kinds, types = sorted(tax.actor_kinds), sorted(tax.relation_types)
    store = GraphStore(path)
    docs = []
    for i in range(documents):
        date = None if i % 7 == 3 else f"2025-{1 + i % 12:02d}-{1 + (i * 5) % 28:02d}"
        doc = Document(id=f"doc-{i:03d}", title=f"Document {i}", date=date, sha256=f"{i:064x}")
        store.documents[doc.id] = doc
        docs.append(doc)
    ids = [f"actor-{i:04d}" for i in range(actors)]
    for i, a in enumerate(ids):
        store.add_actor(Actor(id=a, name=f"Actor {i}", kind=kinds[i % len(kinds)], aliases=[f"A{i}x"],
                              documents=sorted({rng.choice(docs).id for _ in range(2)})))
    # A skewed choice of ends gives hubs, like real news graphs.
    weights = [1.0 / (1 + i) ** 0.7 for i in range(actors - 5)]  # the last 5 actors stay isolated
    active = ids[: actors - 5]
    for _ in range(relations):
        u, v = rng.choices(active, weights, k=2)
        if u == v:
            continue
        k = rng.choice(types)
        ev = []
        for _j in range(rng.randint(1, 3)):
            doc = rng.choice(docs)
            start = rng.randrange(0, 5000)
            date = None if rng.random() < 0.3 else f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            ev.append(Evidence(doc=doc.id, sentence=f"{u} {k} {v} in {doc.id} at {start}.", start=start, end=start + 40,
                               date=date or doc.date if rng.random() < 0.8 else None, confidence=0.7))
        store.add_relation(Relation(source=u, type=k, target=v, evidence=ev))
    store.save()
    return GraphStore.open(path)


@pytest.fixture(scope="session")
def random_store(tmp_path_factory: pytest.TempPathFactory):
    """A generated 300-actor store (see :func:`make_random_store`)."""
    return make_random_store(tmp_path_factory.mktemp("random") / "store")
