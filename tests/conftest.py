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
