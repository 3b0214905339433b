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


# -- a real headless browser (Debian chromium + chromium-driver, installed by scripts/test.sh) --

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory):
    """A headless Chromium driven by selenium, with browser and network (performance) logs.

    Uses the system chromedriver, so selenium-manager never downloads anything. Skips when
    Chromium is missing, except under CI=true, where that is a failure.
    """
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        reason = f"headless Chromium not installed ({', '.join(missing)} missing); `bash scripts/test.sh` as root installs it"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,900"):
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=opts)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
