"""Shared fixtures: the example corpus, a fresh store, the CLI runner."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from extraction.extractor import Extractor
from extraction.gazetteer import gazetteer_files, load_gazetteer

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "news"
# The gold and scorer of ../shared, copied unchanged so the suite runs from a bare clone
# (provenance and licence: tests/data/shared/README.md). WORKSPACE_SHARED is the original, if present.
SHARED = ROOT / "tests" / "data" / "shared"
WORKSPACE_SHARED = ROOT.parent / "shared"
GOLD = SHARED / "eval" / "gold" / "seeds.yaml"
SCORE = SHARED / "eval" / "score.py"


CONSOLE_SCRIPT = str(Path(sys.executable).parent / "actorgraph")


# -- CPU time per test (--cpu-durations=N): on a shared machine wall-clock durations mostly measure the load.


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--cpu-durations", type=int, default=None, metavar="N",
                     help="report CPU seconds (this process + waited-for children) per test file and the N costliest tests")


_CPU: dict[str, float] = {}


def _cpu_now() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    if item.config.getoption("cpu_durations") is None:
        yield
        return
    start = _cpu_now()
    yield
    _CPU[item.nodeid] = _cpu_now() - start  # setup + call + teardown, fixtures included


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    n = config.getoption("cpu_durations")
    if n is None or not _CPU:
        return
    files: dict[str, float] = {}
    for nodeid, cpu in _CPU.items():
        files[nodeid.split("::")[0]] = files.get(nodeid.split("::")[0], 0.0) + cpu
    tr = terminalreporter
    tr.write_sep("=", f"CPU seconds: {sum(_CPU.values()):.1f} over {len(_CPU)} tests, by file")
    for f, cpu in sorted(files.items(), key=lambda kv: -kv[1]):
        tr.write_line(f"{cpu:8.2f}  {f}")
    if n:
        tr.write_sep("-", f"the {n} costliest tests (CPU seconds)")
        for nodeid, cpu in sorted(_CPU.items(), key=lambda kv: -kv[1])[:n]:
            tr.write_line(f"{cpu:8.2f}  {nodeid}")


class _FastTestSpawnedTheCommand(AssertionError):
    pass


@pytest.fixture(autouse=True)
def _console_script_only_in_slow_tests(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A test not marked ``slow`` may not start the installed ``actorgraph`` command: each start loads
    spaCy again (seconds). Use the ``cli`` fixture (in-process CliRunner) unless the process is the point."""
    if request.node.get_closest_marker("slow"):
        return
    real = subprocess.Popen

    class Guarded(real):  # type: ignore[misc, valid-type]
        def __init__(self, args, *a, **kw) -> None:
            text = args if isinstance(args, str) else " ".join(map(str, args))
            if CONSOLE_SCRIPT in text:
                raise _FastTestSpawnedTheCommand(
                    f"{request.node.nodeid} starts `actorgraph` in a subprocess: mark it slow or use the cli fixture")
            super().__init__(args, *a, **kw)

    monkeypatch.setattr(subprocess, "Popen", Guarded)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


TEST_GAZETTEER = ROOT / "tests" / "data" / "gazetteer.yaml"  # actors of our test sentences, beside the packaged ones


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One extractor for the whole run (spaCy pipeline, packaged gazetteer + tests/data/gazetteer.yaml,
    lexicon): it keeps nothing from one document to the next, so the extraction tests share it."""
    return Extractor(gazetteer=load_gazetteer([*gazetteer_files(), TEST_GAZETTEER]))


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the two example articles (ingested once per test session)."""
    from actorgraph.ingest import ingest_paths
    from graph.store import GraphStore

    path = tmp_path_factory.mktemp("sample") / "store"
    ingest_paths([EXAMPLES], GraphStore.open(path, create=True), progress=False)
    return path


@pytest.fixture
def cli(runner: CliRunner, store_dir: Path):
    """Run an actorgraph command against a temporary store; returns the click Result."""
    from actorgraph.cli import cli as group

    def run(*args: str, store: Path | None = None, stdin: str | None = None):
        env = {"ACTORGRAPH_STORE": str(store or store_dir)}
        return runner.invoke(group, list(args), env=env, input=stdin, catch_exceptions=False)

    return run


def read_json(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


IN_CI = os.environ.get("CI") == "true"


# -- Neo4j (a real server: NEO4J_URI, or one started by scripts/neo4j.sh) ------------------------

NEO4J_SCRIPT = ROOT / "scripts" / "neo4j.sh"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _neo4j_unavailable(reason: str):
    """Under CI a test that needs Neo4j fails; elsewhere it is skipped with the reason."""
    if IN_CI:
        pytest.fail(f"Neo4j is required under CI=true: {reason}", pytrace=False)
    pytest.skip(f"no Neo4j server: {reason}")


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory: pytest.TempPathFactory):
    """Settings of a reachable Neo4j: $NEO4J_URI/$NEO4J_PASSWORD if set, else a server that
    scripts/neo4j.sh starts on free ports for this session (jars cached in ~/.cache/actorgraph).

    The tests empty that database (``neo4j_db``): never point NEO4J_URI at data you want to keep.
    """
    import shutil
    import subprocess

    from graph.neo4j import Neo4jSettings, Neo4jUnavailable, connect

    if os.environ.get("NEO4J_URI"):
        settings = Neo4jSettings.from_env()
        try:
            connect(settings).close()
        except Neo4jUnavailable as exc:
            _neo4j_unavailable(str(exc))
        yield settings
        return

    if not (shutil.which("java") and (shutil.which("mvn") or _neo4j_jars_cached())):
        _neo4j_unavailable("NEO4J_URI is not set and Java 17 + Maven are not installed to start one")
    inst = tmp_path_factory.mktemp("neo4j")
    env = dict(os.environ, ACTORGRAPH_NEO4J_DATA=str(inst), NEO4J_BOLT_PORT=str(_free_port()),
               NEO4J_HTTP_PORT=str(_free_port()))
    started = subprocess.run(["bash", str(NEO4J_SCRIPT), "start"], env=env, capture_output=True, text=True)
    try:
        if started.returncode != 0:
            _neo4j_unavailable("scripts/neo4j.sh start failed: " + (started.stderr.strip().splitlines() or ["?"])[-1])
        settings = Neo4jSettings(uri=f"bolt://127.0.0.1:{env['NEO4J_BOLT_PORT']}",
                                 password=(inst / "password").read_text().strip())
        yield settings
    finally:
        subprocess.run(["bash", str(NEO4J_SCRIPT), "stop"], env=env, capture_output=True)


def _neo4j_jars_cached() -> bool:
    home = Path(os.environ.get("ACTORGRAPH_NEO4J_HOME") or Path.home() / ".cache" / "actorgraph" / "neo4j-5.26")
    return any(home.glob("lib-*/.complete"))


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings):
    from graph.neo4j import connect

    driver = connect(neo4j_settings)
    yield driver
    driver.close()


@pytest.fixture
def neo4j_db(neo4j_settings, neo4j_driver):
    """An empty Neo4j database for one test (everything deleted before and after): yields the driver."""
    def wipe() -> None:
        with neo4j_driver.session(database=neo4j_settings.database) as s:
            s.run("MATCH (n) DETACH DELETE n").consume()

    wipe()
    yield neo4j_driver
    wipe()


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
