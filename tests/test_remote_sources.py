"""fsspec sources (loaders/remote.py): the same loaders, limits and warnings as for local files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import IN_CI

from loaders.remote import load_paths

if IN_CI:  # scripts/test.sh installs the cluster extra: under CI these tests must run
    import fsspec
fsspec = pytest.importorskip("fsspec", reason="fsspec is in the cluster extra: pip install -e '.[cluster]'")


def _corpus(root: Path) -> dict[str, bytes]:
    return {
        "news/a.txt": b"Ministers of Chile and Peru met in Lima on Tuesday.\n",
        "news/a.meta.yaml": b"title: Lima talks\ndate: 2026-03-04\n",
        "news/README.md": b"notes, not an article\n",
        "news/sub/b.md": b"# Quito\n\nEcuador's president criticised the mining law.\n",
        "news/sub/a.txt": b"Same name as news/a.txt, another folder.\n",
        "news/feed.jsonl": b"\n".join([
            json.dumps({"id": "x1", "text": "Brazil signed a trade deal with Uruguay.", "date": "2026-01-02"}).encode(),
            b"{broken",
            json.dumps({"id": "x2", "text": "word " * 400}).encode(),
            json.dumps({"id": "x3", "text": ""}).encode(),
        ]) + b"\n",
        "news/bin.txt": b"\x00\x01\x02" * 100,
        "news/.hidden.txt": b"hidden\n",
    }


def test_memory_paths_load_like_local_files(tmp_path: Path):
    files = _corpus(tmp_path)
    mem = fsspec.filesystem("memory")
    for rel, data in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
        mem.pipe(f"/t/{rel}", data)
    local_docs, local_problems = load_paths([tmp_path / "news"], max_doc_mb=0.001)
    docs, problems = load_paths(["memory://t/news"], max_doc_mb=0.001)

    def norm(text: str) -> str:
        return text.replace(str(tmp_path), "memory://t")

    assert [d.model_dump() | {"path": norm(d.path)} for d in local_docs] == [d.model_dump() for d in docs]
    assert [norm(str(p)) for p in local_problems] == [str(p) for p in problems]
    ids = [d.id for d in docs]
    assert "a" in ids and "sub--a" in ids and "x1" in ids  # same-name files in two folders keep both
    assert any("memory://t/news/feed.jsonl:2: malformed JSON" in str(p) for p in problems)
    assert any("feed.jsonl:3: line is over the 0.001 MB limit" in str(p) for p in problems)
    assert any("bin.txt: binary file" in str(p) for p in problems)
    assert next(d for d in docs if d.id == "a").title == "Lima talks"  # the sidecar, read remotely too


def test_missing_and_unknown_remote_paths_are_problems_not_crashes():
    docs, problems = load_paths(["memory://nowhere/at-all", "nosuchfs://bucket/x.txt"])
    assert docs == []
    assert [str(p) for p in problems] == [
        "memory://nowhere/at-all: no such file or folder",
        f"nosuchfs://bucket/x.txt: {problems[1].message}",
    ]
    assert problems[1].message.startswith("unknown URL scheme nosuchfs://")
