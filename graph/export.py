"""Exports of the stored graph. Node-link JSON is the interchange format that
``../shared/eval/score.py`` and ``actorgraph eval`` read.

>>> from graph.store import GraphStore
>>> import tempfile
>>> node_link(GraphStore(tempfile.mkdtemp()))["links"]
[]
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx

from extraction.gazetteer import wikidata_ids
from graph.model import edge_summary
from graph.store import GraphStore
from graph.taxonomy import load_taxonomy


def node_link(store: GraphStore) -> dict[str, Any]:
    """The graph as node-link JSON: sorted, with no timestamps, so equal graphs give equal bytes."""
    data = store.to_dict()
    qids = _wikidata_ids()
    for n in data["nodes"]:
        if n["id"] in qids:  # a stable identifier to join other datasets on
            n["wikidata"] = qids[n["id"]]
    return {
        "directed": True,
        "multigraph": True,
        "graph": {"name": "actorgraph", "documents": data["documents"]},
        "nodes": data["nodes"],
        "links": data["edges"],
    }


STDOUT = "-"


def write_output(path: str | os.PathLike[str], text: str, parents: bool = True) -> None:
    """The one writer for every output path: readers never see a half-written file, and nothing but
    the file's content is ever replaced.

    - ``-`` writes to stdout;
    - a regular file (or a new one) is written to a temp file beside it and renamed over it;
    - a symlink is written through: its target is written (atomically if that is a regular file)
      and the link stays a link;
    - a device, fifo or socket (``/dev/null``, ``/dev/stdout``) is opened and written, never replaced.

    Missing folders are created (as ``mkdir -p`` would) unless ``parents=False``: then the folder
    must exist. The export functions below pass their own ``parents`` (default False), and the CLI
    checks the folder before any export (``--parents``).

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "x.txt"; write_output(out, "hi\\n"); out.read_text()
    'hi\\n'
    """
    if str(path) == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(path)
    if path.is_symlink():
        path = Path(os.path.realpath(path))  # write the target; the link itself is the user's
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        with open(path, "w", encoding="utf-8", newline="\n") as fh:  # a device or fifo: write through
            fh.write(text)
        return
    if parents:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.parent.is_dir():
        raise FileNotFoundError(f"no folder {path.parent} (create it first, or use --parents)")
    _replace_atomically(path, text)


def _replace_atomically(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); exports are meant to be shared, so honour the umask.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_json(store: GraphStore, path: str | os.PathLike[str], parents: bool = False) -> dict[str, int]:
    data = node_link(store)
    write_output(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", parents)
    return {"nodes": len(data["nodes"]), "links": len(data["links"])}


# -- GraphML, GEXF and neo4j-admin CSV ---------------------------------------------


def flat_graph(store: GraphStore) -> nx.MultiDiGraph:
    """The graph with scalar attributes only, as GraphML and GEXF need: lists and evidence
    become JSON strings, with counts beside them.

    >>> import tempfile
    >>> flat_graph(GraphStore(tempfile.mkdtemp())).number_of_nodes()
    0
    """
    tax = load_taxonomy()
    data = store.to_dict()
    qids = _wikidata_ids()
    g = nx.MultiDiGraph(name="actorgraph")
    for n in data["nodes"]:
        g.add_node(
            n["id"], label=n["name"], name=n["name"], kind=n["kind"], neo4j_label=tax.kind(n["kind"]).label,
            aliases=_json(n["aliases"]), documents=_json(n["documents"]), document_count=len(n["documents"]),
            codes=_json(n.get("codes", [])),
            **({"wikidata": qids[n["id"]]} if n["id"] in qids else {}),
        )
    for e in data["edges"]:
        rel = tax.relation(e["type"])
        summary = edge_summary(e["evidence"])
        attrs: dict[str, Any] = {
            "id": f"{e['source']}|{e['type']}|{e['target']}", "label": e["type"], "type": e["type"],
            "confidence": float(e["confidence"]), "evidence_count": len(e["evidence"]),
            "weight": float(len(e["evidence"])),  # Gephi and yEd draw edge thickness from weight
            "documents": _json(sorted({ev["doc"] for ev in e["evidence"]})), "evidence": _json(e["evidence"]),
            "score": float(rel.score), "symmetric": bool(rel.symmetric),
            # "text" and/or event datasets ("gdelt", ...), ';'-joined so Gephi/yEd can filter on it
            "provenance": ";".join(e["provenance"]),
        }
        if summary.date:  # the writers reject None, so an undated relation simply has no date attribute
            attrs["date"], attrs["last_date"] = summary.date, summary.last
        g.add_edge(e["source"], e["target"], key=e["type"], **attrs)
    return g


def _wikidata_ids() -> dict[str, str]:
    """Actor id -> Wikidata QID from the gazetteer (no network)."""
    return wikidata_ids()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def write_graphml(store: GraphStore, path: str | os.PathLike[str], parents: bool = False) -> dict[str, int]:
    """GraphML (yEd, Gephi, Cytoscape, ``networkx.read_graphml``); edge keys are relation types."""
    g = flat_graph(store)
    write_output(path, "\n".join(nx.generate_graphml(g, encoding="utf-8", prettyprint=True)) + "\n", parents)
    return {"nodes": g.number_of_nodes(), "links": g.number_of_edges()}


def write_gexf(store: GraphStore, path: str | os.PathLike[str], parents: bool = False) -> dict[str, int]:
    """GEXF 1.2 for Gephi: node label is the actor name, edge label (and ``relation``) the relation type."""
    g = flat_graph(store)
    for _, _, attrs in g.edges(data=True):
        # GEXF reserves an edge's "type" for directed/undirected/mutual.
        attrs["relation"] = attrs.pop("type")
    write_output(path, "\n".join(nx.generate_gexf(g, encoding="utf-8", prettyprint=True)) + "\n", parents)
    return {"nodes": g.number_of_nodes(), "links": g.number_of_edges()}


# Headers in the format ``neo4j-admin database import full`` reads (array delimiter ';').
ACTOR_HEADER = ["id:ID", "name", "kind", "aliases:string[]", "documents:string[]", ":LABEL", "codes:string[]"]
RELATION_HEADER = [":START_ID", ":END_ID", ":TYPE", "date", "last_date", "confidence:float", "evidence_count:int",
                   "documents:string[]", "score:float", "symmetric:boolean", "evidence", "provenance:string[]"]
ARRAY_DELIMITER = ";"


def _cell(value: str) -> str:
    # One record per line (no --multiline-fields needed); quotes are doubled by the csv module.
    return " ".join(str(value).split()) if value else ""


def _array(values: list[str]) -> str:
    # neo4j-admin cannot escape its array delimiter, so one inside a value becomes a comma.
    return ARRAY_DELIMITER.join(_cell(v).replace(ARRAY_DELIMITER, ",") for v in values if _cell(v))


def write_csv(store: GraphStore, outdir: str | os.PathLike[str], parents: bool = False) -> dict[str, int]:
    """``actors.csv`` and ``relations.csv`` in ``outdir``, ready for::

        neo4j-admin database import full neo4j --nodes=actors.csv --relationships=relations.csv

    Labels are ``Actor;<KindLabel>``, relationship types the taxonomy's; evidence is a JSON string.
    ``outdir`` itself is created when its parent folder exists (any missing parents only with ``parents``).
    """
    tax = load_taxonomy()
    data = store.to_dict()
    outdir = Path(outdir)
    if outdir.exists() and not outdir.is_dir():
        raise NotADirectoryError(f"{outdir} exists and is not a folder")
    if not outdir.exists():
        if not parents and not outdir.parent.is_dir():
            raise FileNotFoundError(f"no folder {outdir.parent} (create it first, or use --parents)")
        outdir.mkdir(parents=parents, exist_ok=True)

    def table(header: list[str], rows: list[list[Any]]) -> str:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)
        return buf.getvalue()

    actors = [[n["id"], _cell(n["name"]), n["kind"], _array(n["aliases"]), _array(n["documents"]),
               f"Actor;{tax.kind(n['kind']).label}", _array(n.get("codes", []))] for n in data["nodes"]]
    relations = []
    for e in data["edges"]:
        rel = tax.relation(e["type"])
        dates = sorted(ev["date"] for ev in e["evidence"] if ev.get("date"))
        relations.append([
            e["source"], e["target"], rel.name, dates[0] if dates else "", dates[-1] if dates else "",
            f"{float(e['confidence']):g}", len(e["evidence"]), _array(sorted({ev["doc"] for ev in e["evidence"]})),
            f"{rel.score:g}", "true" if rel.symmetric else "false", _json(e["evidence"]), _array(e["provenance"]),
        ])
    write_output(outdir / "actors.csv", table(ACTOR_HEADER, actors), parents=False)
    write_output(outdir / "relations.csv", table(RELATION_HEADER, relations), parents=False)
    return {"nodes": len(actors), "links": len(relations)}
