"""Hostile input found by testing beyond tests/test_hardening.py (issue 19): one test per defect.

Most run in this process (the library, or the CLI through click's runner) so the suite stays fast;
the ones that need a real second process, a fifo writer or a race are marked ``slow``.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from graph.model import Actor, Document, Evidence, Relation
from graph.store import GraphStore, StoreError
from loaders.remote import load_paths

AG = Path(sys.executable).parent / "actorgraph"
PETRO = "Gustavo Petro criticised Donald Trump in Bogota on Tuesday over the tariffs."


def _run(*args: str | Path, store: Path, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    env = dict(os.environ, ACTORGRAPH_STORE=str(store))
    env.pop("ACTORGRAPH_DEBUG", None)
    return subprocess.run([str(AG), *map(str, args)], capture_output=True, env=env, input=stdin, timeout=timeout)


def _stored(path: Path, sentence: str = PETRO, doc: str = "d1") -> GraphStore:
    """A store of two actors and one relation whose evidence sentence is ``sentence`` (no spaCy needed)."""
    store = GraphStore(path)
    store.documents[doc] = Document(id=doc, path=f"/nowhere/{doc}.txt", sha256="0" * 64)
    for aid, name in (("gustavo-petro", "Gustavo Petro"), ("donald-trump", "Donald Trump")):
        store.add_actor(Actor(id=aid, name=name, kind="person", documents=[doc]))
    store.add_relation(Relation(source="gustavo-petro", type="CRITICISES", target="donald-trump",
                                evidence=[Evidence(doc=doc, sentence=sentence, start=0, end=len(sentence))]))
    store.save()
    return store


# -- 2, 3: sidecars -------------------------------------------------------------------------------


def _bomb(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + f"\ntitle: *a{levels}\n"


def test_yaml_alias_bomb_in_a_sidecar_is_refused_and_the_article_kept(tmp_path):
    (tmp_path / "story.txt").write_text(PETRO, encoding="utf-8")
    # Six levels expand to 531,441 items (nine would be 387 million); no alias is ever expanded now.
    (tmp_path / "story.meta.yaml").write_text(_bomb(6), encoding="utf-8")
    docs, problems = load_paths([tmp_path])
    assert [d.id for d in docs] == ["story"]
    assert docs[0].title == PETRO[:160]  # the first line, not the expanded alias
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'story.meta.yaml'}: metadata ignored: aliases (*name) are not allowed in metadata (line 2)"]


def test_a_large_sidecar_is_refused_without_reading_it(tmp_path):
    (tmp_path / "story.txt").write_text(PETRO, encoding="utf-8")
    (tmp_path / "story.meta.yaml").write_text("title: " + "x" * 200_000 + "\n", encoding="utf-8")
    docs, problems = load_paths([tmp_path])
    assert [d.title for d in docs] == [PETRO[:160]]
    assert len(problems) == 1 and str(problems[0]).endswith("metadata ignored: document is 0.2 MB, over the 0.065536 MB limit for metadata")


@pytest.mark.parametrize(("content", "reason"), [
    (b"title: [unclosed\n", "while parsing a flow sequence"),
    (b"title: !!python/object/apply:os.system ['echo hi']\n", "could not determine a constructor"),
    (b"title: caf\xe9\n", "not UTF-8 text"),
    (b"date: 2026-02-31\n", "invalid date '2026-02-31' in field \"date\"; stored without a date"),
    (b"- just\n- a list\n", "expected a mapping"),
    (b"title: {nested: map}\ndate: 2026-02-03\n", "metadata field(s) title ignored: not a single value"),
])
def test_a_bad_sidecar_is_a_warning_naming_it_and_the_rest_is_read(tmp_path, content, reason):
    for name in ("aa-good", "bb-good", "zz-bad"):
        (tmp_path / f"{name}.txt").write_text(f"{PETRO} ({name})", encoding="utf-8")
    (tmp_path / "aa-good.meta.yaml").write_text("title: Good one\n", encoding="utf-8")
    (tmp_path / "zz-bad.meta.yaml").write_bytes(content)
    docs, problems = load_paths([tmp_path])
    assert sorted(d.id for d in docs) == ["aa-good", "bb-good", "zz-bad"]
    assert [d.title for d in docs if d.id == "aa-good"] == ["Good one"]
    assert len(problems) == 1
    assert problems[0].path == str(tmp_path / "zz-bad.meta.yaml")
    assert reason in problems[0].message and "\n" not in str(problems[0])
    if b"date: 2026-02-03" in content:  # the good scalar fields of a partly bad sidecar are kept
        assert [d.date for d in docs if d.id == "zz-bad"] == ["2026-02-03"]


# -- 9: the byte limit holds for every input --------------------------------------------------------


def test_fifos_and_device_links_are_refused_without_reading(tmp_path):
    os.mkfifo(tmp_path / "fifo.txt")  # nobody writes: opening it used to block forever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # endless: used to be read into memory
    (tmp_path / "feed.jsonl").symlink_to("/dev/zero")
    docs, problems = load_paths([tmp_path / "fifo.txt", tmp_path / "zero.txt", tmp_path / "feed.jsonl"])
    assert docs == []
    assert [(Path(p.path).name, p.message) for p in problems] == [
        ("fifo.txt", "not a regular file (a fifo); to read a stream, pipe it to stdin and give '-' as the path"),
        ("zero.txt", "not a regular file (a character device); to read a stream, pipe it to stdin and give '-' "
                     "as the path"),
        ("feed.jsonl", "not a regular file (a character device); to read a stream, pipe it to stdin and give '-' "
                       "as the path"),
    ]
    # In a folder, too: a fifo among the articles is reported, not skipped in silence, and never blocks.
    docs, problems = load_paths([tmp_path])
    assert {Path(p.path).name for p in problems} == {"fifo.txt", "zero.txt", "feed.jsonl"}


@pytest.mark.slow
def test_ingest_of_a_fifo_or_an_endless_stdin_stays_bounded(tmp_path):
    os.mkfifo(tmp_path / "fifo.txt")
    res = _run("ingest", tmp_path / "fifo.txt", store=tmp_path / "s", timeout=60)
    assert res.returncode == 1
    assert res.stderr.decode().splitlines() == [
        f"Error: {tmp_path / 'fifo.txt'}: not a regular file (a fifo); to read a stream, pipe it to stdin and give "
        "'-' as the path"]
    # '-' reads stdin, with the same byte limit: `yes` would never end, 3 MB is refused at the limit.
    res = _run("ingest", "-", "--max-doc-mb", "1", store=tmp_path / "s", stdin=b"y\n" * 1_500_000)
    assert res.returncode == 1
    assert res.stderr.decode().strip() == "Error: <stdin>: input is over the 1 MB limit (raise it with --max-doc-mb)"
    res = _run("ingest", "-q", "-", store=tmp_path / "s", stdin=PETRO.encode())
    assert res.returncode == 0, res.stderr
    data = GraphStore.open(tmp_path / "s")
    assert [d.path for d in data.documents.values()] == ["-"]
    assert data.graph.has_edge("gustavo-petro", "donald-trump")


# -- 4: document identity -----------------------------------------------------------------------------


def test_same_file_name_on_two_days_keeps_both_and_a_changed_file_is_an_update(tmp_path):
    from actorgraph.ingest import ingest_paths

    for day, text in (("day1", PETRO), ("day2", "Nicolas Maduro threatened Ivan Duque in Caracas on Monday.")):
        (tmp_path / day).mkdir()
        (tmp_path / day / "report.txt").write_text(text, encoding="utf-8")
    store = GraphStore(tmp_path / "s")
    first = ingest_paths([tmp_path / "day1" / "report.txt"], store, progress=False)
    second = ingest_paths([tmp_path / "day2" / "report.txt"], store, progress=False)
    assert (first.documents_added, second.documents_added) == (1, 1)
    assert sorted(store.documents) == ["day2--report", "report"]
    assert "stored " in second.summary() and "as 'day2--report' ('report' is another document's id)" in second.summary()
    again = ingest_paths([tmp_path / "day2" / "report.txt", tmp_path / "day1"], store, progress=False)
    assert (again.documents_added, again.documents_unchanged) == (0, 2)
    # The same path with new text: an update of that document (same id), said so, the old text's relations gone.
    (tmp_path / "day1" / "report.txt").write_text("Donald Trump praised Gustavo Petro in Washington on Friday.",
                                                  encoding="utf-8")
    upd = ingest_paths([tmp_path / "day1" / "report.txt"], store, progress=False)
    assert (upd.documents_added, upd.documents_updated) == (0, 1)
    assert "1 updated" in upd.summary() and "changed since it was stored as 'report'" in upd.summary()
    assert sorted(store.documents) == ["day2--report", "report"]
    stored = GraphStore.open(tmp_path / "s")
    assert not stored.graph.has_edge("gustavo-petro", "donald-trump", "CRITICISES")
    assert stored.graph.has_edge("donald-trump", "gustavo-petro", "PRAISES")


def test_jsonl_line_ids_repeat_across_days_without_loss(tmp_path):
    from actorgraph.ingest import ingest_paths

    store = GraphStore(tmp_path / "s")
    for day, text in (("day1", PETRO), ("day2", "Nicolas Maduro threatened Ivan Duque in Caracas on Monday.")):
        (tmp_path / day).mkdir()
        (tmp_path / day / "feed.jsonl").write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
        assert ingest_paths([tmp_path / day / "feed.jsonl"], store, progress=False).documents_added == 1
    stored = GraphStore.open(tmp_path / "s")
    assert len(stored.documents) == 2
    assert {d.path for d in stored.documents.values()} == {str(tmp_path / d / "feed.jsonl") + ":1" for d in ("day1", "day2")}


# -- 5: the union whatever the order ----------------------------------------------------------------

THREE = {
    "a": {"a1.txt": "Kenyan opposition leader Amara Okonkwo criticised President William Ruto on Monday over the "
                    "new finance bill."},
    "b": {"b1.txt": "Okonkwo met Ugandan President Yoweri Museveni in Kampala on Tuesday, and Okonkwo praised the "
                    "Ugandan government.\nSenator Delia Varga of Hungary condemned the European Commission."},
    "c": {"c1.txt": "Varga accused Viktor Orban of undermining the courts. Okonkwo later criticised Varga."},
}


def _three(root: Path) -> Path:
    for folder, files in THREE.items():
        (root / folder).mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (root / folder / name).write_text(text + "\n", encoding="utf-8")
    return root


def _export(path: Path) -> dict:
    from graph.export import node_link

    return node_link(GraphStore.open(path))


def test_surnames_resolve_the_same_in_any_order_of_ingests(tmp_path):
    """b names 'Okonkwo' alone, a names Amara Okonkwo in full: b then a must still link b's surnames."""
    from actorgraph.ingest import ingest_paths

    root = _three(tmp_path / "corpus")
    ingest_paths([root / f for f in "abc"], GraphStore(tmp_path / "union"), progress=False)
    union = _export(tmp_path / "union")
    assert ("amara-okonkwo", "MEETS", "yoweri-museveni") in {(e["source"], e["type"], e["target"]) for e in union["links"]}
    for order in ("bca", "cba"):
        store = GraphStore(tmp_path / order)
        for folder in order:
            ingest_paths([root / folder], store, progress=False)
        assert _export(tmp_path / order) == union, order


@pytest.mark.slow
def test_three_concurrent_ingests_give_the_union_twice(tmp_path):
    root = _three(tmp_path / "corpus")
    assert _run("ingest", "-q", *(root / f for f in "abc"), store=tmp_path / "union").returncode == 0
    union = _export(tmp_path / "union")
    for run in range(2):
        store = tmp_path / f"run{run}"
        env = dict(os.environ, ACTORGRAPH_STORE=str(store))
        procs = [subprocess.Popen([str(AG), "ingest", "-q", root / f], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  env=env) for f in "abc"]
        for p in procs:
            _out, err = p.communicate(timeout=300)
            assert p.returncode == 0, err
        assert _export(store) == union, run


# -- 6: validation before any store replacement ---------------------------------------------------------


def test_a_graph_outside_the_taxonomy_is_never_saved(tmp_path):
    store = _stored(tmp_path / "s")
    before = (tmp_path / "s" / "graph.json").read_bytes()
    store.graph.nodes["gustavo-petro"]["kind"] = "think_tank"
    with pytest.raises(StoreError) as err:
        store.save()
    assert "actor 'gustavo-petro' has no name, or a kind not in the taxonomy: 'think_tank'" in str(err.value)
    assert "left as it was" in str(err.value)
    assert (tmp_path / "s" / "graph.json").read_bytes() == before
    assert GraphStore.open(tmp_path / "s").graph.nodes["gustavo-petro"]["kind"] == "person"


def test_store_format_version_as_a_string_is_named_as_such(tmp_path):
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "graph.json").write_text('{"format": "actorgraph-store", "version": "2"}', encoding="utf-8")
    with pytest.raises(StoreError) as err:
        GraphStore.open(tmp_path / "s")
    assert "store format version '2' is not a whole number (this actorgraph reads 1 and 2)" in str(err.value)
    assert "newer" not in str(err.value)


# -- 7: one writer for every output path -----------------------------------------------------------------


def test_export_writes_through_a_symlink_and_a_fifo_and_to_stdout(tmp_path, cli):
    store = tmp_path / "s"
    _stored(store)
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(real)
    res = cli("export", "json", str(tmp_path / "link.json"), store=store)
    assert res.exit_code == 0, res.output
    assert (tmp_path / "link.json").is_symlink()  # still a link ...
    assert json.loads(real.read_text(encoding="utf-8"))["nodes"]  # ... and its target has the export
    # A fifo (as /dev/stdout often is) is written into, never replaced by a file.
    os.mkfifo(tmp_path / "pipe.json")
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append((tmp_path / "pipe.json").read_bytes()))
    reader.start()
    res = cli("export", "json", str(tmp_path / "pipe.json"), store=store)
    reader.join(30)
    assert res.exit_code == 0, res.output
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe.json").st_mode)
    assert json.loads(got[0])["nodes"]
    res = cli("export", "json", "-", store=store)
    assert res.exit_code == 0 and json.loads(res.stdout)["nodes"]
    assert not (Path.cwd() / "-").exists()


def test_export_into_a_device_writes_it_and_keeps_the_device(tmp_path, cli):
    store = tmp_path / "s"
    _stored(store)
    dev = tmp_path / "null.json"
    try:
        os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    except (PermissionError, OSError):
        pytest.skip("cannot create a device node here")
    res = cli("export", "graphml", str(dev), store=store)
    assert res.exit_code == 0, res.output
    assert stat.S_ISCHR(os.lstat(dev).st_mode)


# -- 10, 11: terminal text --------------------------------------------------------------------------------


def test_control_characters_never_reach_the_terminal(tmp_path, cli):
    store = tmp_path / "s"
    _stored(store, sentence="Gustavo Petro\x1b[2J criticised\x00 Donald Trump\x9b31m today\u202e.")
    res = cli("relations", "--evidence", store=store)
    assert res.exit_code == 0
    assert not any(c in res.stdout for c in "\x1b\x00\x9b\u202e")
    assert "Gustavo Petro\\x1b[2J criticised\\x00 Donald Trump\\x9b31m today\\u202e." in res.stdout


def test_a_jsonl_text_with_an_escaped_nul_is_refused_as_binary(tmp_path):
    lines = [json.dumps({"id": "nul", "text": "Gustavo Petro\u0000 met Donald Trump."}),
             json.dumps({"id": "esc", "text": "Gustavo Petro \u001b[2J met Donald Trump."})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, problems = load_paths([tmp_path / "feed.jsonl"])
    assert [d.id for d in docs] == ["esc"]  # one escape sequence is text (escaped when shown); a NUL is not
    assert [(p.line, p.message) for p in problems] == [(1, "binary text (control characters), not an article")]


def test_a_file_name_with_a_newline_cannot_forge_an_error_line(tmp_path, cli):
    name = "report\nError: store file graph.json is unreadable\x1b[2J.txt"
    (tmp_path / name).write_bytes(b"")
    res = cli("ingest", str(tmp_path / name), store=tmp_path / "s")
    assert res.exit_code == 1
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: '") and "\x1b" not in lines[0]
    assert lines[0] == f"Error: {str(tmp_path / name)!r}: empty document (no text)"


# -- 12: check_writable under a concurrent writer's cleanup -------------------------------------------------


@pytest.mark.slow
def test_check_writable_survives_a_concurrent_temp_cleanup(tmp_path):
    store = GraphStore(tmp_path / "s")
    store.check_writable()
    # Another process doing what a lock holder does before it saves: remove every .graph-*.tmp, non-stop.
    cleaner = subprocess.Popen([sys.executable, "-c", (
        "import sys, pathlib, contextlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "while True:\n"
        "    for f in p.glob('.graph-*.tmp'):\n"
        "        with contextlib.suppress(OSError): f.unlink()\n"), str(tmp_path / "s")])
    try:
        # Ready when it removes a temp file of ours (not after a guessed delay).
        probe = tmp_path / "s" / ".graph-probe.tmp"
        probe.write_bytes(b"")
        deadline = time.monotonic() + 60
        while probe.exists():
            assert cleaner.poll() is None and time.monotonic() < deadline, "the cleaner never started"
            time.sleep(0.01)
        failures = 0
        for _ in range(5000):
            try:
                store.check_writable()
            except StoreError:
                failures += 1
    finally:
        cleaner.kill()
        cleaner.wait()
    assert failures == 0


# -- the Neo4j password ---------------------------------------------------------------------------------


def test_a_password_inside_neo4j_uri_is_never_printed():
    from graph.neo4j import Neo4jSettings, Neo4jUnavailable, connect
    from tests.conftest import _free_port

    port = _free_port()  # nothing listens there
    settings = Neo4jSettings.from_env({"NEO4J_URI": f"bolt://neo4j:hunter2-s3cret@127.0.0.1:{port}"})
    assert "hunter2" not in settings.uri and settings.secret() == "hunter2-s3cret" and settings.user == "neo4j"
    with pytest.raises(Neo4jUnavailable) as err:
        connect(settings, timeout=2)
    assert "hunter2" not in str(err.value) and f"127.0.0.1:{port}" in str(err.value)


# -- 1: read-only cypher (the allow-list; the server half is in tests/test_hardening_neo4j.py) -------------


@pytest.mark.parametrize(("statement", "refused"), [
    ("MATCH (a:Actor)-[r]->(b) RETURN a.name, type(r), b.name", None),
    ("SHOW SETTINGS YIELD name RETURN name LIMIT 1", None),
    ("SHOW TRANSACTIONS", None),
    ("CALL dbms.listConfig() YIELD name RETURN name", None),
    ("CALL db.labels() YIELD label RETURN label", None),
    ("MATCH (a {set: 1}) WHERE a.name = 'DELETE' RETURN a.create", None),
    ("MATCH (a) CALL (a) { MATCH (a)--(b) RETURN b } RETURN b", None),
    ("MATCH ()-[r]->() WITH r.start AS start, r.stop AS stop RETURN start, stop", None),
    ("MATCH (a) CALL { WITH a MATCH (a)--(b) RETURN b } RETURN b", None),
    ("SHOW TRANSACTIONS YIELD transactionId AS t WHERE t <> '' TERMINATE TRANSACTIONS t YIELD transactionId, "
     "message RETURN *", "TERMINATE administers the server"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE administers the server"),
    ("CALL dbms.killTransaction('neo4j-transaction-1')", "procedure dbms.killTransaction is not one of the read"),
    ("STOP DATABASE neo4j", "STOP administers the server"),
    ("CREATE USER eve SET PASSWORD 'x'", "this statement writes"),
    ("ＭＡＴＣＨ (n) ＤＥＴＡＣＨ ＤＥＬＥＴＥ n", "this statement writes"),
    ("CALL { CREATE (x:Evil) } IN TRANSACTIONS", "this statement writes"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row", "this statement writes"),
    ("/* MATCH */ GRANT ROLE admin TO eve", "GRANT administers the server"),
])
def test_read_only_cypher_is_an_allow_list(statement, refused):
    from queries.runner import read_only_problem

    problem = read_only_problem(statement)
    if refused is None:
        assert problem is None, problem
    else:
        assert problem is not None and refused in problem and problem.startswith("refused: ")


# -- 8: dense documents (the time figures are in `python -m benchmarks.run --only dense`) --------------


@pytest.mark.slow
def test_mention_finding_work_grows_linearly_on_dense_text():
    """Four times the text must cost about four times the work: counted in function calls (not seconds,
    so a loaded machine cannot make it pass or fail). Scanning every entity for every gazetteer match
    made it 12.5x; the entity index and the per-sentence date lookup make it 4.3x."""
    import cProfile
    import pstats

    from benchmarks.generate import dense_document
    from extraction.extractor import Extractor

    ex = Extractor()
    calls = []
    for size in (10_000, 40_000):
        text = dense_document(size, seed=3)
        parsed = ex.nlp(text)
        prof = cProfile.Profile()
        prof.enable()
        ex._build(Document(id="dense", text=text), parsed)
        prof.disable()
        calls.append(pstats.Stats(prof).total_calls)
    assert calls[1] / calls[0] < 5.5, calls
