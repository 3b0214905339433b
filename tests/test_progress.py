"""Progress that helps: an ETA right within 25% after the first 10% of the work, plain lines without a
terminal, and no click in the library.

The ETA is measured on a slowed fake pipeline that runs on a fake clock (start-up time, then results in
bursts, with the cost of each burst varying), so the test is exact and takes no real time.
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
from itertools import groupby

import pytest

import actorgraph.progress
from actorgraph.ingest import ingest_paths
from actorgraph.progress import Progress, plain_lines
from graph.model import Extraction
from graph.store import GraphStore
from tests.conftest import EXAMPLES, ROOT

STARTUP = 40.0  # fake seconds of model loading before the first result
SECONDS_PER_WORD = 0.004


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def fake_extractor(clock: FakeClock, seed: int = 7):
    rng = random.Random(seed)

    class FakeExtractor:
        """Returns empty extractions a burst at a time, spending fake time on each burst."""

        def __init__(self, model: str | None = None) -> None:
            self.known: dict = {}

        def extract_many(self, documents, batch_size: int = 16, n_process: int = 1, parses=None, pool=None):
            clock.now += STARTUP  # worker processes loading the model (-j 2)
            burst = []
            for d in documents:
                burst.append(d)
                if len(burst) == batch_size:
                    yield from self._burst(burst)
                    burst = []
            yield from self._burst(burst)

        def _burst(self, docs):
            words = sum(len(d.text.split()) for d in docs)
            clock.now += words * SECONDS_PER_WORD * rng.uniform(0.85, 1.15)
            for d in docs:
                yield Extraction(document=d)

    return FakeExtractor


@pytest.fixture
def corpus(tmp_path):
    rng = random.Random(3)
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(200):
        words = " ".join(f"w{j}" for j in range(rng.randint(100, 1000)))
        (folder / f"d{i:03d}.txt").write_text(f"Document {i}.\n\n{words}.\n", encoding="utf-8")
    return folder


def run_fake_ingest(monkeypatch, corpus, tmp_path):
    clock = FakeClock()
    monkeypatch.setattr(actorgraph.progress, "monotonic", clock)
    monkeypatch.setattr("actorgraph.ingest.Extractor", fake_extractor(clock))
    monkeypatch.setattr("actorgraph.ingest._mentions_unlinked", lambda ext, known: False)
    seen: list[Progress] = []
    report = ingest_paths([corpus], GraphStore.open(tmp_path / "store", create=True), progress=seen.append)
    assert report.documents_added == 200
    return seen


def eta_errors(seen: list[Progress], naive: bool = False) -> list[float]:
    """Relative error of the ETA shown (the last report at each moment) from 10% of the work on."""
    end = seen[-1]
    assert end.finished and end.done == end.total == 200
    shown = [list(g)[-1] for _, g in groupby(seen[1:-1], key=lambda p: p.elapsed)]
    errors = []
    for p in shown:
        if p.fraction < 0.1:
            continue
        actual = end.elapsed - p.elapsed
        eta = p.elapsed * (p.words_total - p.words_done) / p.words_done if naive else p.eta
        assert eta is not None
        errors.append(abs(eta - actual) / actual if actual else abs(eta))
    return errors


def test_eta_is_right_within_25_percent_after_the_first_10_percent(monkeypatch, corpus, tmp_path):
    seen = run_fake_ingest(monkeypatch, corpus, tmp_path)
    errors = eta_errors(seen)
    assert len(errors) >= 10
    assert max(errors) <= 0.25, max(errors)
    # The estimate of the whole elapsed time (start-up averaged in, as before) misses by far more.
    assert max(eta_errors(seen, naive=True)) > 0.25
    assert seen[0].done == 0 and seen[-1].rate and seen[-1].rate == pytest.approx(1 / SECONDS_PER_WORD, rel=0.15)


def test_plain_lines_every_interval_and_the_last_one(monkeypatch, corpus, tmp_path):
    clock = FakeClock()
    monkeypatch.setattr(actorgraph.progress, "monotonic", clock)
    monkeypatch.setattr("actorgraph.ingest.Extractor", fake_extractor(clock))
    monkeypatch.setattr("actorgraph.ingest._mentions_unlinked", lambda ext, known: False)
    out = io.StringIO()
    ingest_paths([corpus], GraphStore.open(tmp_path / "store", create=True), progress=plain_lines(out, interval=60))
    lines = out.getvalue().splitlines()
    total = float(STARTUP + 200 * 550 * SECONDS_PER_WORD)  # about 480 fake seconds
    assert total / 60 * 0.5 < len(lines) < total / 60 * 1.5 + 2  # about one line a minute, and the last
    assert lines[0].startswith("extracting: 1/200 documents") and "0:01:13 elapsed" in lines[0]  # not before 60 s
    assert lines[-1].startswith("extracting: 200/200 documents (100%)") and "done in" in lines[-1]
    assert all("documents" in line and "words" in line for line in lines)
    assert any("words/s" in line and "ETA" in line for line in lines)


def test_cli_without_a_terminal_writes_progress_lines_to_stderr(runner, tmp_path):
    from actorgraph.cli import cli as group

    env = {"ACTORGRAPH_STORE": str(tmp_path / "s"), "ACTORGRAPH_PROGRESS_SECONDS": "0"}
    res = runner.invoke(group, ["ingest", str(EXAMPLES)], env=env, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert "extracting: 2/2 documents (100%)" in res.stderr and "done in" in res.stderr
    assert "extracting" not in res.stdout
    quiet = runner.invoke(group, ["ingest", str(EXAMPLES), "--quiet", "--store", str(tmp_path / "q")], env=env)
    assert quiet.exit_code == 0 and quiet.stderr == "" and quiet.stdout == ""


def test_the_library_does_not_import_click():
    # Progress reaches the CLI through a callback. spaCy and httpx import click themselves, so the modules that
    # load them (extraction.extractor, loaders.web, actorgraph.ingest) are left out: the import-linter contract
    # "the library never imports the CLI's libraries" covers our own code there.
    code = ("import sys, actorgraph.progress, graph.store, graph.analysis, graph.html, graph.export, graph.neo4j, "
            "loaders.readers, loaders.events, queries.runner; print('click' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "False"


def test_a_timer_repeats_the_last_line_with_the_eta_counted_down():
    clock = FakeClock()
    out = io.StringIO()
    lines = plain_lines(out, interval=10, clock=clock)
    lines(Progress(4, 10, 400, 1000, 20.0, rate=10.0, eta=60.0))  # the first report: no line yet
    clock.now += 10
    lines(Progress(5, 10, 500, 1000, 30.0, rate=10.0, eta=50.0))
    clock.now += 4
    lines.tick()  # not yet due
    clock.now += 21
    lines.tick()
    written = out.getvalue().splitlines()
    assert written == ["extracting: 5/10 documents (50%), 500/1,000 words, 10 words/s, 0:00:30 elapsed, ETA 0:00:50",
                       "extracting: 5/10 documents (50%), 500/1,000 words, 10 words/s, 0:00:55 elapsed, ETA 0:00:25"]
