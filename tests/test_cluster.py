"""Extraction on a real local Dask cluster (actorgraph/cluster.py): the same store as a one-process ingest."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, IN_CI, ROOT

from actorgraph.ingest import ingest_paths
from graph.export import write_json
from graph.store import GraphStore
from loaders.remote import load_paths

if IN_CI:  # scripts/test.sh installs the cluster extra: under CI these tests must run
    import distributed
distributed = pytest.importorskip("distributed", reason="Dask is the cluster extra: pip install -e '.[cluster]'")

pytestmark = pytest.mark.slow

SOURCES = [str(EXAMPLES), *sorted(str(p) for p in ROOT.glob("tests/articles*") if p.is_dir())]


def _export(store_path: Path, out: Path) -> bytes:
    write_json(GraphStore.open(store_path), out)
    return out.read_bytes()


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """`export json` after a one-process ingest (-j 1) of the examples and every tests/articles* corpus."""
    path = tmp_path_factory.mktemp("j1") / "store"
    ingest_paths(SOURCES, GraphStore.open(path, create=True), processes=1, progress=False)
    return _export(path, path.parent / "graph.json")


@pytest.fixture(scope="module")
def client():
    """A LocalCluster of two worker processes (loopback only) that the tests can also kill workers of."""
    import logging

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, silence_logs=logging.ERROR)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _cli(*args: str, store: Path):
    from actorgraph.cli import cli

    return CliRunner().invoke(cli, list(args), env={"ACTORGRAPH_STORE": str(store)}, catch_exceptions=False)


def test_cluster_local2_gives_the_same_export_as_one_process(tmp_path: Path, one_process: bytes):
    store = tmp_path / "store"
    result = _cli("ingest", *SOURCES, "--cluster", "local:2", store=store)
    assert result.exit_code == 0, result.output
    assert "extracting on the cluster: " in result.output and "documents," in result.output  # progress
    assert _export(store, tmp_path / "graph.json") == one_process
    again = _cli("ingest", *SOURCES, "--cluster", "local:2", store=store)  # nothing new: nothing parsed
    assert again.exit_code == 0 and "0 added" in again.output


def test_a_worker_killed_mid_run_loses_no_document(tmp_path: Path, one_process: bytes, client):
    from actorgraph.cluster import ingest_cluster

    pids = client.run(os.getpid)
    assert len(pids) == 2
    killed: list[int] = []
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int, words: int, seconds: float) -> None:
        calls.append((done, total))
        if not killed:  # the first partition is in: kill a worker that is busy with others
            victim = next(iter(pids.values()))
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    store = GraphStore.open(tmp_path / "store", create=True)
    # Small partitions: dozens of tasks, so the kill lands in the middle of the run.
    report = ingest_cluster(SOURCES, store, client=client, progress=progress, partition_words=300)
    assert killed and len(calls) > 10 and calls[-1][0] == calls[-1][1] == report.documents_added
    assert killed[0] not in client.run(os.getpid).values()  # the worker really died (and was replaced)
    assert _export(tmp_path / "store", tmp_path / "graph.json") == one_process


def test_jsonl_from_memory_filesystem_through_the_cluster(tmp_path: Path, client):
    docs, _ = load_paths([EXAMPLES])
    lines = [json.dumps({"id": d.id, "title": d.title, "date": d.date, "text": d.text}) for d in docs]
    lines.insert(1, "{not json")
    body = ("\n".join(lines) + "\n").encode("utf-8")

    def put(data: bytes = body) -> None:  # object storage is seen by every worker: the same bytes on each
        import fsspec

        fsspec.filesystem("memory").pipe("/corpus/news.jsonl", data)

    client.run(put)
    local = tmp_path / "news.jsonl"
    local.write_bytes(body)
    store = tmp_path / "store"
    result = _cli("ingest", "memory://corpus/news.jsonl", "--cluster", client.scheduler.address, store=store)
    assert result.exit_code == 0, result.output
    assert "warning: memory://corpus/news.jsonl:2: malformed JSON" in result.output
    remote = GraphStore.open(store)
    assert {d.path for d in remote.documents.values()} == {f"memory://corpus/news.jsonl:{i}" for i in (1, 3)}
    # The client never saw the file: the same graph as the local copy of it gives.
    ingest_paths([local], ref := GraphStore.open(tmp_path / "ref", create=True), progress=False)
    assert remote.to_dict()["edges"] == ref.to_dict()["edges"] and remote.to_dict()["nodes"] == ref.to_dict()["nodes"]
    assert len(remote.to_dict()["edges"]) > 5


def test_bad_cluster_values_are_one_line_errors(tmp_path: Path):
    for spec, message in (("local:0", "at least one worker"), ("nowhere", "must be local:N"),
                          ("tcp://127.0.0.1:9", "cannot reach the Dask scheduler")):
        result = _cli("ingest", str(EXAMPLES), "--cluster", spec, store=tmp_path / "s")
        assert result.exit_code == 1
        assert result.output.strip().startswith("Error: ") and message in result.output, result.output
        assert "Traceback" not in result.output
