"""The test suite's own rules: fast by default, everything in CI."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import CONSOLE_SCRIPT, ROOT


def test_a_fast_test_cannot_start_the_console_script():
    # Each start of `actorgraph` loads spaCy again; fast tests run the command in-process (cli fixture).
    with pytest.raises(AssertionError, match="mark it slow or use the cli fixture"):
        subprocess.run([CONSOLE_SCRIPT, "--version"], capture_output=True)


def test_other_subprocesses_still_run():
    assert subprocess.run([sys.executable, "-c", "print(2 + 2)"], capture_output=True, text=True).stdout == "4\n"


@pytest.mark.slow
def test_a_slow_test_may_start_it():
    p = subprocess.run([CONSOLE_SCRIPT, "--version"], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0 and p.stdout.startswith("actorgraph")


def test_ci_runs_the_slow_cases_too():
    # .ci/run -> scripts/test.sh -> pytest with no marker filter: nothing is deselected in CI.
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in ci
    command = [ln for ln in script.splitlines() if "-m pytest" in ln and not ln.lstrip().startswith("#")]
    assert command and all(" -m \"" not in ln and "not slow" not in ln for ln in command), command
    assert "not slow" not in ci
