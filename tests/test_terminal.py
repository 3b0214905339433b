"""Terminal output made for reading: tables fit the width, evidence sentences are whole, colour only on a tty."""

from __future__ import annotations

import json
import os
import re

import pytest

from actorgraph.cli.common import evidence_lines, fit_widths, output_width, use_colour
from graph.topology import Topology

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _run(cli, sample_store, *args: str, columns: str | None = "100"):
    from click.testing import CliRunner

    from actorgraph.cli import cli as group

    env = {"ACTORGRAPH_STORE": str(sample_store), "COLUMNS": columns, "NO_COLOR": None}
    res = CliRunner().invoke(group, list(args), env=env, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def _sentences(sample_store, a: str | None = None) -> list[str]:
    topo = Topology.open(sample_store)
    out = []
    for e in topo.select(None, a):
        out += [f"[{x['doc']}] {x['sentence']}" for x in topo.evidence_at(e)]
    return out


@pytest.mark.parametrize("columns", ["100", "72", None])
def test_relations_evidence_whole_and_within_the_width(cli, sample_store, columns):
    out = _run(cli, sample_store, "relations", "--actor", "petro", "--evidence", columns=columns)
    width = int(columns or 100)  # piped (not a terminal) and no $COLUMNS: 100
    assert max(len(line) for line in out.splitlines()) <= width
    assert not ANSI.search(out)
    flat = _flat(out)
    wanted = _sentences(sample_store, "gustavo-petro")
    assert len(wanted) > 10
    for s in wanted:
        assert _flat(s) in flat, s
    assert "…" not in out


def test_max_evidence_limits_and_says_how_many_more(cli, sample_store):
    out = _run(cli, sample_store, "relations", "--actor", "petro", "--evidence", "--max-evidence", "1")
    assert "(+3 more; --max-evidence to see more)" in out  # Trump NEGOTIATES Petro has four sentences
    full = json.loads(_run(cli, sample_store, "relations", "--actor", "petro", "--evidence", "--format", "json"))
    assert max(len(r["sentences"]) for r in full) == 4
    assert all("…" not in s for r in full for s in r["sentences"])


@pytest.mark.parametrize("args", [["path", "petro", "maduro"], ["timeline", "trump", "petro"], ["communities"],
                                  ["neighbours", "petro", "--depth", "2"]])
def test_reports_fit_100_columns_and_keep_every_sentence(cli, sample_store, args):
    out = _run(cli, sample_store, *args)
    assert max(len(line) for line in out.splitlines()) <= 100, out
    assert "…" not in out
    flat = _flat(out)
    fmt = json.loads(_run(cli, sample_store, *args, "--format", "json"))
    if args[0] == "path":
        for hop in fmt:
            for e in hop["evidence"]:
                assert _flat(f"[{e['doc']}] {e['sentence']}") in flat
    elif args[0] == "timeline":
        for r in fmt:
            assert _flat(f"[{r['doc']}] {r['sentence']}") in flat
    else:  # names wrap inside their column: every word of each is there
        words = set(out.split())
        names = [n for r in fmt for n in (r["names"] if args[0] == "communities" else [r["name"]])]
        assert len(names) > 3
        for name in names:
            assert set(name.split()) <= words | {w + ";" for w in words} | {w.rstrip(";") for w in words}, name


def test_csv_and_json_are_unchanged_by_the_width(cli, sample_store):
    narrow = _run(cli, sample_store, "relations", "--evidence", "--format", "csv", columns="40")
    wide = _run(cli, sample_store, "relations", "--evidence", "--format", "csv", columns="300")
    assert narrow == wide
    assert narrow.splitlines()[0] == "source,type,target,date,confidence,evidence,provenance,source_id,target_id,sentences"


def test_widths_shrink_the_widest_first():
    assert fit_widths([4, 50, 30], [4, 8, 8], 60) == [4, 26, 26]  # 4 + 2 + 26 + 2 + 26
    assert fit_widths([4, 10], [4, 8], 60) == [4, 10]
    assert fit_widths([20, 20], [15, 15], 10) == [15, 15]  # never below the minimum


def test_width_and_colour_follow_the_environment(monkeypatch):
    monkeypatch.setenv("COLUMNS", "77")
    assert output_width() == 77
    monkeypatch.delenv("COLUMNS")
    master, slave = os.openpty()
    try:
        with os.fdopen(slave, "w") as tty, open(os.devnull, "w") as piped:
            os.set_blocking(master, False)
            assert output_width(piped) == 100
            monkeypatch.delenv("NO_COLOR", raising=False)
            assert use_colour(tty) and not use_colour(piped)
            monkeypatch.setenv("NO_COLOR", "1")
            assert not use_colour(tty)
    finally:
        os.close(master)


def test_evidence_lines_are_whole():
    ev = [{"doc": "d", "sentence": "word " * 80}]
    assert evidence_lines(ev) == [f"[d] {'word ' * 80}"]


def _drain(fd: int) -> str:
    """Everything written to the pty so far (a read may return only part of it)."""
    import select

    data = b""
    while select.select([fd], [], [], 0.5)[0]:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        data += chunk
    return data.decode()


def test_colour_on_a_terminal_only(monkeypatch):
    from actorgraph.cli.common import emit

    rows = [{"a": "x", "ev": ["[d] A sentence."]}]
    master, slave = os.openpty()
    try:
        with os.fdopen(slave, "w") as tty:
            monkeypatch.delenv("NO_COLOR", raising=False)
            monkeypatch.setenv("COLUMNS", "40")
            emit(rows, ["a"], out=tty, below="ev")
            tty.flush()
            coloured = _drain(master)
            monkeypatch.setenv("NO_COLOR", "")
            emit(rows, ["a"], out=tty, below="ev")
            tty.flush()
            plain = _drain(master)
    finally:
        os.close(master)
    assert "\x1b[1ma\x1b[0m" in coloured and "[d] A sentence." in coloured
    assert not ANSI.search(plain) and "[d] A sentence." in plain


def test_narrow_terminals_fold_rather_than_overflow(cli, sample_store):
    for columns in ("50", "30"):
        out = _run(cli, sample_store, "relations", "--evidence", columns=columns)
        assert max(len(line) for line in out.splitlines()) <= int(columns)


def test_wide_characters_count_double(monkeypatch):
    import io

    from actorgraph.cli.common import emit

    buf = io.StringIO()
    monkeypatch.setenv("COLUMNS", "30")
    emit([{"name": "東京都知事 " * 6}], ["name"], out=buf)
    from rich.cells import cell_len

    assert max(cell_len(line) for line in buf.getvalue().splitlines()) <= 30
