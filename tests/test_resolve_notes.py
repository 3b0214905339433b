"""Name lookup says when it guessed: one closeness rule, a note on stderr, the report on stdout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graph.resolve import CLOSE_ENOUGH, ActorNotFound, resolve_actor
from graph.store import GraphStore


def test_close_spellings_resolve_with_a_note(sample_store, capsys):
    g = GraphStore.open(sample_store).graph
    for query in ("Petor", "Petro Gustavoo", "Gustavo Pedro"):
        assert resolve_actor(g, query) == "gustavo-petro", query
        assert capsys.readouterr().err == f"note: {query!r} taken as Gustavo Petro (closest name)\n"
    # Exact names, aliases and words of a name are not guesses: no note.
    for query in ("Gustavo Petro", "petro", "gustavo-petro"):
        resolve_actor(g, query)
        assert capsys.readouterr().err == "", query
    assert resolve_actor(g, "Petor", notes=False) == "gustavo-petro" and capsys.readouterr().err == ""


def test_one_threshold_for_every_lookup(sample_store):
    g = GraphStore.open(sample_store).graph
    assert 0 < CLOSE_ENOUGH <= 100
    with pytest.raises(ActorNotFound):
        resolve_actor(g, "Pxtxr Gxstxvx")  # far from every name


def test_path_prints_the_note_on_stderr_only_in_process(cli, sample_store):
    res = cli("path", "Petor", "maduro", "--store", str(sample_store))
    assert res.exit_code == 0, res.stderr
    assert "note: 'Petor' taken as Gustavo Petro (closest name)" in res.stderr
    assert "note:" not in res.stdout and "Gustavo Petro" in res.stdout


@pytest.mark.slow
def test_path_prints_the_note_on_stderr_only(sample_store):
    # The same through the installed command: the note reaches the process's real stderr.
    exe = Path(sys.executable).with_name("actorgraph")
    proc = subprocess.run([str(exe), "path", "Petor", "maduro", "--store", str(sample_store)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "note: 'Petor' taken as Gustavo Petro (closest name)" in proc.stderr
    assert "note:" not in proc.stdout and "Gustavo Petro" in proc.stdout
