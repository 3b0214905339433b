"""Exports of the stored graph. Node-link JSON is the interchange format that
``../shared/eval/score.py`` and ``actorgraph eval`` read.

>>> from graph.store import GraphStore
>>> import tempfile
>>> node_link(GraphStore(tempfile.mkdtemp()))["links"]
[]
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from graph.store import GraphStore


def node_link(store: GraphStore) -> dict[str, Any]:
    """The graph as node-link JSON: sorted, with no timestamps, so equal graphs give equal bytes."""
    data = store.to_dict()
    return {
        "directed": True,
        "multigraph": True,
        "graph": {"name": "actorgraph", "documents": data["documents"]},
        "nodes": data["nodes"],
        "links": data["edges"],
    }


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write a file so that readers never see it half-written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_json(store: GraphStore, path: str | os.PathLike[str]) -> dict[str, int]:
    data = node_link(store)
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return {"nodes": len(data["nodes"]), "links": len(data["links"])}
