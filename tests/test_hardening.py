"""Hostile input, crashes and concurrent writers, as a user meets them through `actorgraph`.

Most cases run the click command in-process (CliRunner, stdout and stderr apart), so the suite loads
spaCy once: each sees stderr, the exit status, no traceback, and the stored graph before and after.
The cases about the process itself (Ctrl-C, kill -9, two processes at once, a closed pipe, peak
memory) run the installed console script in a subprocess and are marked ``slow``; they wait for
readiness (a progress line on stderr, a lock wait in /proc), never for a fixed time.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from actorgraph.cli import cli as actorgraph_cli
from tests.conftest import EXAMPLES

AG = Path(sys.executable).parent / "actorgraph"
CYPHER = "'}) MATCH (n) DETACH DELETE n //"


@dataclass
class Run:
    rc: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def ag(*args: str | Path, store: Path, env: dict[str, str] | None = None) -> Run:
    """Run the CLI in-process against ``store``; check what every run must satisfy."""
    full_env: dict[str, str | None] = {"ACTORGRAPH_STORE": str(store), "ACTORGRAPH_DEBUG": None, **(env or {})}
    r = CliRunner().invoke(actorgraph_cli, [str(a) for a in args], env=full_env, prog_name="actorgraph")
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception  # what a user would see as a traceback: fail with it
    res = Run(r.exit_code, r.stdout, r.stderr)
    assert_clean(res)
    return res


def assert_clean(res: Run) -> None:
    assert "Traceback" not in res.text, res.text
    assert "Warning" not in res.err, res.err  # no Python warnings leak (UserWarning, DeprecationWarning...)


def error_line(res: Run) -> str:
    """The failing command's message: exactly one line, starting with 'Error:'."""
    lines = [ln for ln in res.err.splitlines() if ln.strip()]
    assert len(lines) == 1, res.err
    assert lines[0].startswith("Error: "), lines[0]
    return lines[0]


def export(store: Path, tmp: Path) -> dict:
    out = tmp / f"export-{time.monotonic_ns()}.json"
    res = ag("export", "json", out, store=store)
    assert res.rc == 0, res.err
    return json.loads(out.read_text(encoding="utf-8"))


def triples(data: dict) -> set[tuple[str, str, str]]:
    return {(e["source"], e["type"], e["target"]) for e in data["links"]}


def sentences(data: dict) -> list[str]:
    return [ev["sentence"] for e in data["links"] for ev in e["evidence"]]


@pytest.fixture
def store(sample_store: Path, tmp_path: Path) -> Path:
    """A copy of the session's store of the example articles."""
    path = tmp_path / "store"
    shutil.copytree(sample_store, path)
    return path


def graph_bytes(store: Path) -> bytes:
    return (store / "graph.json").read_bytes()


# -- bad input files ---------------------------------------------------------------------------


def test_missing_empty_and_binary_files_fail_with_one_line_each(store, tmp_path):
    before = graph_bytes(store)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "nul.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 20)
    # Binary without any NUL byte (random bytes): still not text.
    (tmp_path / "noise.txt").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(20000)).replace(b"\x00", b"\x01"))
    res = ag("ingest", tmp_path / "missing.txt", tmp_path / "empty.txt", tmp_path / "nul.txt", tmp_path / "noise.txt",
             store=store)
    assert res.rc == 1
    lines = res.err.strip().splitlines()
    assert lines == [
        f"Error: {tmp_path / 'missing.txt'}: no such file or folder",
        f"Error: {tmp_path / 'empty.txt'}: empty document (no text)",
        f"Error: {tmp_path / 'nul.txt'}: binary file, not text",
        f"Error: {tmp_path / 'noise.txt'}: binary file, not text",
    ]
    assert graph_bytes(store) == before


def test_latin1_and_invalid_utf8_are_decoded_with_accents_intact(store, tmp_path):
    (tmp_path / "latin.txt").write_bytes("Gustavo Petro criticised Donald Trump in Bogotá on Tuesday, said José.\n"
                                         .encode("latin-1"))
    # Valid UTF-8 with one stray byte: the good accents stay, the bad byte becomes U+FFFD.
    (tmp_path / "broken.txt").write_bytes("Gustavo Petro met Donald Trump in Medellín on Friday \xff in café.\n"
                                          .encode().replace(b"\xc3\xbf", b"\xff"))
    res = ag("ingest", tmp_path / "latin.txt", tmp_path / "broken.txt", store=store)
    assert res.rc == 0, res.err
    assert "2 added" in res.out
    said = sentences(export(store, tmp_path))
    assert any("Bogotá" in s and "José" in s for s in said), said
    assert any("Medellín" in s and "café" in s and "\ufffd" in s for s in said), said
    assert not any("Ã" in s for s in said)


def test_50mb_file_is_refused_before_reading_it(store, tmp_path):
    # A sparse 50 MB file of NUL bytes: read, it would be refused as binary; refused by its size, it is never read.
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(50_000_000)
    before = graph_bytes(store)
    start = time.monotonic()
    res = ag("ingest", big, store=store)
    assert res.rc == 1
    assert error_line(res) == f"Error: {big}: document is 50.0 MB, over the 5 MB limit (raise it with --max-doc-mb)"
    assert time.monotonic() - start < 30
    assert graph_bytes(store) == before


@pytest.mark.slow
def test_50mb_file_is_refused_at_once_in_bounded_memory(store, tmp_path):
    # The process's peak memory is the point: the installed command, in a subprocess.
    big = tmp_path / "huge.txt"
    para = b"Gustavo Petro met Donald Trump at the White House to discuss drug policy and tariffs.\n\n"
    with big.open("wb") as fh:
        for _ in range(50_000_000 // len(para)):
            fh.write(para)
        fh.write(b"x" * (50_000_000 - fh.tell()))
    before = graph_bytes(store)

    def peak_rss_kb(*args: str | Path) -> tuple[int, Run]:
        # A fresh parent per run, so RUSAGE_CHILDREN is this one child's peak.
        code = ("import resource, subprocess, sys, json; p = subprocess.run(sys.argv[1:], capture_output=True, text=True);"
                "print(json.dumps([resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode, p.stdout, p.stderr]))")
        env = dict(os.environ, ACTORGRAPH_STORE=str(store))
        p = subprocess.run([sys.executable, "-c", code, str(AG), *map(str, args)], capture_output=True, text=True,
                           env=env, timeout=120, check=True)
        rss, rc, out, err = json.loads(p.stdout)
        res = Run(rc, out, err)
        assert_clean(res)
        return rss, res

    baseline, _ = peak_rss_kb("ingest", tmp_path / "missing.txt")
    start = time.monotonic()
    rss, res = peak_rss_kb("ingest", big)
    elapsed = time.monotonic() - start
    assert res.rc == 1
    assert error_line(res) == f"Error: {big}: document is 50.0 MB, over the 5 MB limit (raise it with --max-doc-mb)"
    assert rss < baseline + 20_000, (rss, baseline)  # KB: the 50 MB were never read into memory
    assert elapsed < 30
    assert graph_bytes(store) == before


def test_long_documents_are_parsed_in_pieces_with_true_offsets(tmp_path):
    """Above ACTORGRAPH_CHUNK_CHARS a document is parsed in paragraph-aligned pieces."""
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))
    doc = tmp_path / "long.txt"
    doc.write_text(text, encoding="utf-8")
    whole = ag("ingest", "-q", doc, store=tmp_path / "whole")
    pieces = ag("ingest", doc, store=tmp_path / "pieces", env={"ACTORGRAPH_CHUNK_CHARS": "1500"})
    assert whole.rc == pieces.rc == 0
    a, b = export(tmp_path / "whole", tmp_path), export(tmp_path / "pieces", tmp_path)
    evidence = [ev for e in b["links"] for ev in e["evidence"]]
    assert evidence and all(text[ev["start"]:ev["end"]] == ev["sentence"] for ev in evidence)
    # Cutting between paragraphs loses little: most relations are still found.
    assert len(triples(a) & triples(b)) >= 0.7 * len(triples(a)), (triples(a), triples(b))


def test_malformed_jsonl_lines_are_reported_by_number_and_good_lines_kept(store, tmp_path):
    lines = [
        json.dumps({"id": "good-1", "text": "Gustavo Petro criticised Donald Trump on Tuesday in Bogota."}),
        '{"id": "broken", "text": ',
        "[1, 2, 3]",
        json.dumps({"title": "no text"}),
        json.dumps({"id": "too-big", "text": "Donald Trump praised Gustavo Petro. " * 100}),
        json.dumps({"id": "good-2", "text": "The United States sanctioned Venezuela, said Donald Trump."}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = ag("ingest", tmp_path / "feed.jsonl", "--max-doc-mb", "0.002", store=store)
    assert res.rc == 0, res.err
    where = tmp_path / "feed.jsonl"
    assert res.err.strip().splitlines() == [
        f"warning: {where}:2: malformed JSON (Expecting value at column 26)",
        f"warning: {where}:3: expected a JSON object per line",
        f"warning: {where}:4: missing or empty \"text\" field",
        f"warning: {where}:5: line is over the 0.002 MB limit (raise it with --max-doc-mb)",
    ]
    docs = {d["id"] for d in export(store, tmp_path)["graph"]["documents"]}
    assert {"good-1", "good-2"} <= docs and "too-big" not in docs


def test_html_scripts_never_reach_the_graph(tmp_path):
    sentence = "Gustavo Petro sanctioned Venezuela over the zqx{} border dispute on Monday."
    page = f"""<html><head><title>Page</title><script>var s = "{sentence.format(1)}";</script></head><body>
    <script type="text/javascript">document.write("{sentence.format(2)}")</script>
    <p>Donald Trump met Gustavo Petro at the White House on Tuesday.</p>
    <noscript>{sentence.format(3)}</noscript><SCRIPT>{sentence.format(4)}</SCRIPT>
    <script>if (a < b) {{ x = "</p><p>{sentence.format(5)}</p>" }}</script><style>p:before{{content:"{sentence.format(6)}"}}</style>
    <p>{sentence.format(0)}</p></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    res = ag("ingest", tmp_path / "page.html", store=tmp_path / "s")
    assert res.rc == 0, res.err
    said = " ".join(sentences(export(tmp_path / "s", tmp_path)))
    assert "zqx0" in said  # the visible copy is extracted, so hidden copies would have been too
    assert not any(f"zqx{i}" in said for i in range(1, 7)), said
    assert "document.write" not in said and "var s" not in said


def test_quotes_backticks_and_cypher_are_stored_verbatim(store, tmp_path):
    text = (f'Gustavo Petro criticised Donald Trump, writing "{CYPHER}" and `rm -rf /` // in a post on Tuesday.\n'
            f"Donald Trump praised O'Brien's \"deal\" with Gustavo Petro; `MATCH (n) RETURN n` // done.")
    (tmp_path / "odd.jsonl").write_text(json.dumps({"id": CYPHER, "title": CYPHER, "text": text}) + "\n",
                                        encoding="utf-8")
    before = export(store, tmp_path)
    res = ag("ingest", tmp_path / "odd.jsonl", store=store)
    assert res.rc == 0, res.err
    after = export(store, tmp_path)
    said = sentences(after)
    assert any(CYPHER in s and "`rm -rf /` //" in s for s in said), said
    titles = [d["title"] for d in after["graph"]["documents"]]
    assert CYPHER in titles
    # Nothing was deleted: every earlier actor and relation is still there.
    assert {n["id"] for n in before["nodes"]} <= {n["id"] for n in after["nodes"]}
    assert triples(before) <= triples(after)
    # The fragment as an actor name is just a name that matches nothing.
    res = ag("relations", "--actor", CYPHER, store=store)
    assert res.rc == 1 and error_line(res).startswith(f"Error: no actor named {CYPHER!r}; closest: ")
    assert export(store, tmp_path) == after


@pytest.mark.parametrize(("args", "expected"), [
    (["relations", "--type", "BOMBS"], "Error: unknown relation type 'BOMBS'; known: ALLIED_WITH, COERCES"),
    (["relations", "--type", "MEETS'})//"], "Error: unknown relation type \"MEETS'})//\"; known: "),
    (["actors", "--kind", "alien"], "Error: unknown actor kind 'alien'; known: armed_group, company"),
    (["relations", "--actor", "Gustavo Pietro"], None),  # close enough: resolves to Petro
    (["relations", "--actor", "Xylophone Quartz"], "Error: no actor named 'Xylophone Quartz'; closest: "),
])
def test_unknown_terms_and_names_get_one_line_with_choices(store, tmp_path, args, expected):
    before = graph_bytes(store)
    res = ag(*args, store=store)
    if expected is None:
        assert res.rc == 0 and "Gustavo Petro" in res.out
    else:
        assert res.rc == 1
        assert error_line(res).startswith(expected)
        assert res.out == ""
    assert graph_bytes(store) == before


# -- the store itself --------------------------------------------------------------------------


@pytest.mark.parametrize("content", [
    b'{"format": "actorgraph-store", "nodes": [',                                   # truncated
    b"[1, 2]",                                                                       # not an object
    b"\x7fELF\x00\x00garbage",                                                       # binary
    b'{"format": "actorgraph-store", "nodes": [{"id": "x"}]}',                      # node without name
    b'{"format": "actorgraph-store", "nodes": [{"id": "x", "name": "X", "kind": "alien"}]}',
    b'{"format": "actorgraph-store", "nodes": [], "edges": [{"source": "a", "target": "b", "type": "MEETS"}]}',
])
def test_corrupt_store_is_reported_and_never_overwritten(tmp_path, content):
    store = tmp_path / "store"
    store.mkdir()
    (store / "graph.json").write_bytes(content)
    for args in (["ingest", EXAMPLES], ["actors"], ["relations"], ["export", "json", tmp_path / "x.json"]):
        res = ag(*args, store=store)
        assert res.rc == 1
        line = error_line(res)
        assert f"store file {store / 'graph.json'} is unreadable" in line and "left untouched" in line
        assert (store / "graph.json").read_bytes() == content
    assert not (tmp_path / "x.json").exists()


def test_unwritable_store_folder_fails_before_parsing(store, tmp_path):
    before = graph_bytes(store)
    (tmp_path / "new.txt").write_text("Donald Trump met Gustavo Petro in Washington on Tuesday.", encoding="utf-8")
    os.chmod(store, 0o555)
    immutable = False
    try:
        if os.geteuid() == 0:  # root ignores permission bits; the immutable flag binds root too
            immutable = subprocess.run(["chattr", "+i", str(store)], capture_output=True).returncode == 0
            if not immutable:
                pytest.skip("running as root and chattr +i is not available")
        res = ag("ingest", tmp_path / "new.txt", store=store)
        assert res.rc == 1
        assert error_line(res) == f"Error: cannot write to the store folder {store}: " + (
            "Operation not permitted" if immutable else "Permission denied")
        assert "extracting" not in res.out  # refused before any parsing
        assert ag("actors", store=store).rc == 0  # reading still works
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(store)], check=True)
        os.chmod(store, 0o755)
    assert graph_bytes(store) == before
    assert not list(store.glob(".graph-*.tmp"))


# -- the command line's own plumbing --------------------------------------------------------------


@pytest.mark.slow
def test_broken_pipe_to_head_is_silent(tmp_path):
    from graph.model import Actor
    from graph.store import GraphStore

    store = GraphStore(tmp_path / "many")
    for i in range(5000):
        store.add_actor(Actor(id=f"actor-{i}", name=f"Actor Number {i}", kind="person", documents=["d"]))
    store.save()
    env = dict(os.environ, ACTORGRAPH_STORE=str(tmp_path / "many"))
    for fmt in ("table", "csv", "json"):
        p = subprocess.run(f"'{AG}' actors --format {fmt} | head -n 2; echo \"rc=${{PIPESTATUS[0]}}\"", shell=True,
                           executable="/bin/bash", capture_output=True, text=True, timeout=60, env=env)
        lines = p.stdout.splitlines()
        assert len(lines) == 3 and lines[0].startswith(("id", "[")), p.stdout
        assert p.stderr == ""
        # The table is written line by line, so the closed pipe is seen: 141 as for any SIGPIPE'd tool.
        # csv/json go out in one write that the kernel cuts short; Python then ends quietly with 0.
        assert lines[2] == "rc=141" if fmt == "table" else lines[2] in ("rc=0", "rc=141")


def _corpus(folder: Path, copies: range) -> Path:
    """Distinct documents (different content hashes) made from the example articles."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in copies:
        for src in sorted(EXAMPLES.glob("*.txt")):
            (folder / f"{src.stem}-{i:03d}.txt").write_text(src.read_text(encoding="utf-8") + f"\nCopy {i}.\n",
                                                             encoding="utf-8")
    return folder


def _wait_for(p: subprocess.Popen, check, timeout: float = 120) -> None:
    """Poll ``check`` (a readiness condition) while the process runs; fail if it ends first or never gets there."""
    end = time.monotonic() + timeout
    while not check():
        assert p.poll() is None, "the ingest ended before the moment to interrupt it"
        assert time.monotonic() < end, "the ingest never got to the moment to interrupt it"
        time.sleep(0.02)


EXTRACTED = re.compile(r"^extracting: [1-9]\d*/\d+ documents")  # a progress line once results come in


class Ingest:
    """``actorgraph ingest`` in its own process group, progress lines every 0.1 s on stderr, read by a thread."""

    def __init__(self, store: Path, *args: str | Path) -> None:
        env = dict(os.environ, ACTORGRAPH_STORE=str(store), ACTORGRAPH_PROGRESS_SECONDS="0.1")
        env.pop("ACTORGRAPH_DEBUG", None)
        self.p = subprocess.Popen([str(AG), "ingest", *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, start_new_session=True, env=env)
        self.out: list[str] = []
        self.err: list[str] = []
        self._readers = [threading.Thread(target=self._read, args=(stream, into), daemon=True)
                         for stream, into in ((self.p.stdout, self.out), (self.p.stderr, self.err))]
        for t in self._readers:
            t.start()

    @staticmethod
    def _read(stream, into: list[str]) -> None:
        for line in stream:
            into.append(line)

    def wait_until_extracting(self) -> None:
        """Until spaCy is loaded and documents are coming out of it (not a guess at how long that takes)."""
        _wait_for(self.p, lambda: any(EXTRACTED.match(line) for line in list(self.err)))

    def finish(self, timeout: float = 60) -> Run:
        """Wait for the end; stderr without the progress lines."""
        self.p.wait(timeout=timeout)
        for t in self._readers:
            t.join(timeout)
        err = "".join(line for line in self.err if not line.startswith("extracting: "))
        return Run(self.p.returncode, "".join(self.out), err)


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_during_ingest_exits_130_with_one_line(store, tmp_path, jobs):
    # 300 articles: far more than the first batch whose results show that extraction is under way.
    corpus = _corpus(tmp_path / "corpus", range(150))
    before = graph_bytes(store)
    run = Ingest(store, corpus, "-j", jobs)
    run.wait_until_extracting()
    os.killpg(run.p.pid, signal.SIGINT)  # what Ctrl-C does: the whole process group
    res = run.finish()
    assert_clean(res)
    assert res.rc == 130
    assert error_line(res) == "Error: interrupted; the stored graph is as it was before this command"
    assert graph_bytes(store) == before


# -- crash safety and concurrent writers ------------------------------------------------------------


@pytest.mark.slow
def test_kill_9_during_ingest_keeps_the_previous_graph_and_a_rerun_completes(store, tmp_path):
    # 80 articles: extraction is still running when the first results show (spaCy works in batches of 16).
    corpus = _corpus(tmp_path / "corpus", range(40))
    before_bytes = graph_bytes(store)
    before = export(store, tmp_path)

    # 1. Killed while extracting.
    run = Ingest(store, corpus)
    run.wait_until_extracting()
    run.p.kill()
    run.finish()
    assert run.p.returncode == -signal.SIGKILL  # killed, not ended on its own
    assert graph_bytes(store) == before_bytes

    # 2. Killed when extraction is done and it is about to write: we hold the store lock, so it waits there.
    # A few articles suffice: the moment, not the amount, is under test.
    small = _corpus(tmp_path / "small", range(2))
    with open(store / ".lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        run = Ingest(store, small)
        _wait_for(run.p, lambda: _waiting_on_lock(run.p.pid))
        run.p.kill()
        run.finish()
    assert graph_bytes(store) == before_bytes
    assert export(store, tmp_path) == before

    # 3. Killed in the middle of writing (a temp file left behind, as a crash mid-write leaves it).
    (store / ".graph-crashed.tmp").write_bytes(graph_bytes(store)[:100])

    rerun = ag("ingest", "-q", small, store=store)
    assert rerun.rc == 0, rerun.err
    assert not list(store.glob(".graph-*.tmp"))
    clean_store = tmp_path / "clean"
    assert ag("ingest", "-q", EXAMPLES, small, store=clean_store).rc == 0
    assert export(store, tmp_path) == export(clean_store, tmp_path)


def _waiting_on_lock(pid: int) -> bool:
    """True when process ``pid`` is blocked in flock (the kernel says so in /proc)."""
    try:
        wchan = Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return False
    return "flock" in wchan or "locks" in wchan


@pytest.mark.slow
def test_two_concurrent_ingests_of_overlapping_documents(tmp_path):
    corpus = tmp_path / "corpus"
    _corpus(corpus / "shared", range(0, 6))  # both processes ingest these
    _corpus(corpus / "a", range(6, 9))
    _corpus(corpus / "b", range(9, 12))
    # A symmetric relation stated in opposite directions, one in each process's share.
    (corpus / "a" / "meets-x.txt").write_text("Donald Trump met Gustavo Petro at the White House on Tuesday.\n",
                                              encoding="utf-8")
    (corpus / "b" / "meets-y.txt").write_text("Gustavo Petro met Donald Trump at the White House on Tuesday.\n",
                                              encoding="utf-8")
    store = tmp_path / "store"
    env = dict(os.environ, ACTORGRAPH_STORE=str(store))
    procs = [subprocess.Popen([str(AG), "ingest", "-q", corpus / "shared", corpus / part], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env) for part in ("a", "b")]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert_clean(Run(p.returncode, out, err))
        assert p.returncode == 0, err
    both = export(store, tmp_path)
    clean = tmp_path / "clean"
    assert ag("ingest", "-q", corpus / "shared", corpus / "a", corpus / "b", store=clean).rc == 0
    union = export(clean, tmp_path)
    assert both == union
    ids = [n["id"] for n in both["nodes"]]
    assert len(ids) == len(set(ids))
    keys = [(e["source"], e["type"], e["target"]) for e in both["links"]]
    assert len(keys) == len(set(keys))
    meets = {(s, t) for s, ty, t in keys if ty == "MEETS" and {s, t} == {"donald-trump", "gustavo-petro"}}
    assert len(meets) == 1  # one edge for the symmetric pair, whichever process came first


def test_ingest_order_does_not_change_the_graph(tmp_path):
    """Concurrent writers merge in either order, so the merge itself must not depend on order."""
    x, y = tmp_path / "x.txt", tmp_path / "y.txt"
    x.write_text("Donald Trump met Gustavo Petro at the White House on Tuesday.\n", encoding="utf-8")
    y.write_text("Gustavo Petro met Donald Trump at the White House on Tuesday.\n", encoding="utf-8")
    for name, order in (("xy", (x, y)), ("yx", (y, x))):
        for doc in order:
            assert ag("ingest", "-q", doc, store=tmp_path / name).rc == 0
    xy, yx = export(tmp_path / "xy", tmp_path), export(tmp_path / "yx", tmp_path)
    assert [e for e in xy["links"] if e["type"] == "MEETS"]  # the case under test did occur
    assert xy == yx
