"""Score a graph export against gold annotations (the GUIDE.md format).

The rules are those of the shared ``score.py``: a node matches a gold actor when
one of its names equals one of the actor's names (case, accents, punctuation
and a leading "the" ignored); relations match on (source, type, target) with any
listed alternative accepted and symmetric types matched both ways; optional
gold items neither earn nor cost; evidence is valid when its sentence (20+
characters) occurs verbatim in the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InputError
from graph.model import name_key
from graph.store import GraphStore
from graph.taxonomy import load_taxonomy
from loaders.readers import iter_files, read_file


def norm_text(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text))
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def doc_key(doc: str) -> str:
    """'corpus/seeds/x.txt', 'x' or 'doc:x' -> 'x'."""
    doc = str(doc).replace("\\", "/").rsplit("/", 1)[-1].split(":", 1)[-1]
    return re.sub(r"\.(txt|md|html?|json|jsonl)$", "", doc)


def _as_list(v: Any) -> list[Any]:
    return list(v) if isinstance(v, (list, tuple)) else [v]


def load_gold(paths: Iterable[str]) -> dict[str, dict[str, Any]]:
    docs: dict[str, dict[str, Any]] = {}
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        try:
            data = yaml.safe_load(text) or {}
            for doc in data.get("documents") or []:
                docs[str(doc["doc"])] = doc
        except yaml.YAMLError as exc:
            raise InputError(f"{path}: not valid YAML: {str(exc).splitlines()[0]}") from None
        except (AttributeError, KeyError, TypeError):
            raise InputError(f"{path}: not a gold file (a mapping with documents: [{{doc: ..., relations: ...}}])") from None
    return docs


def _prf(correct: int, wrong: int, found: int, total: int) -> tuple[float, float, float]:
    p = correct / (correct + wrong) if correct + wrong else 0.0
    r = found / total if total else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def document_texts(store: GraphStore | None, docs_dir: str | Path | None) -> dict[str, str]:
    """Normalised text of each document, from a folder or from the stored documents' paths."""
    texts: dict[str, str] = {}
    sources: list[Path] = []
    if docs_dir:
        sources = [p for p in iter_files([docs_dir]) if isinstance(p, Path)]
    elif store is not None:
        sources = sorted({Path(d.path.split(":")[0]) for d in store.documents.values() if d.path})
    for path in sources:
        if not path.is_file():
            continue
        for item in read_file(path):
            if hasattr(item, "text"):
                texts[doc_key(item.id)] = norm_text(item.text)
    return texts


def evaluate(export: dict[str, Any], gold_paths: list[str], store: GraphStore | None = None,
             docs_dir: str | Path | None = None) -> dict[str, Any]:
    """Compare a node-link export with gold files; returns per-document and overall scores."""
    symmetric = load_taxonomy().symmetric
    gold = load_gold(gold_paths)
    nodes = export.get("nodes", [])
    edges = export.get("links", export.get("edges", []))
    by_id = {str(n["id"]): n for n in nodes}
    names = {nid: {k for k in [name_key(n.get("name", nid)), *(name_key(a) for a in n.get("aliases") or [])] if k}
             for nid, n in by_id.items()}
    texts = document_texts(store, docs_dir)

    report: dict[str, Any] = {"documents": {}, "missed": {}, "wrong": {}}
    totals: dict[str, int] = defaultdict(int)
    ev_ok = ev_all = 0
    for key, g in gold.items():
        gold_names = {a["id"]: {name_key(n) for n in a["names"]} for a in g.get("actors", [])}
        optional_actors = {a["id"] for a in g.get("actors", []) if a.get("optional")}

        def gold_ids(nid: str, gold_names: dict[str, set[str]] = gold_names) -> set[str]:
            own = names.get(str(nid), set())
            return {gid for gid, gn in gold_names.items() if own & gn}

        doc_edges = []
        for e in edges:
            evs = [(doc_key(x.get("doc", "")), x.get("sentence", "")) for x in e.get("evidence") or []]
            if any(d == key for d, _ in evs):
                doc_edges.append(e)
                for d, sentence in evs:
                    if d == key and key in texts:
                        ev_all += 1
                        s = norm_text(sentence)
                        ev_ok += int(len(s) >= 20 and s in texts[key])

        doc_nodes = {str(n["id"]) for n in nodes if any(doc_key(d) == key for d in n.get("documents") or [])}
        for e in doc_edges:
            doc_nodes.update({str(e["source"]), str(e["target"])})
        found_actors: set[str] = set()
        actor_wrong: list[str] = []
        actor_correct = 0
        for nid in doc_nodes:
            ids = gold_ids(nid)
            if ids - optional_actors:
                actor_correct += 1
                found_actors |= ids - optional_actors
            elif not ids:
                actor_wrong.append(by_id.get(nid, {}).get("name", nid))
        required_actors = set(gold_names) - optional_actors

        gold_rel = [{
            "src": set(_as_list(r["source"])), "tgt": set(_as_list(r["target"])),
            "types": {str(t).upper() for t in _as_list(r["type"])}, "optional": bool(r.get("optional")),
            "label": f'{"/".join(_as_list(r["source"]))} -{"/".join(_as_list(r["type"]))}-> {"/".join(_as_list(r["target"]))}',
        } for r in g.get("relations", [])]
        triples = {(str(e["source"]), str(e["type"]).upper(), str(e["target"])) for e in doc_edges}
        matched: set[int] = set()
        rel_correct, rel_wrong = 0, []
        for s, t, o in sorted(triples):
            src_ids, tgt_ids = gold_ids(s), gold_ids(o)
            hits = [i for i, gr in enumerate(gold_rel) if t in gr["types"] and (
                (src_ids & gr["src"] and tgt_ids & gr["tgt"]) or (t in symmetric and tgt_ids & gr["src"] and src_ids & gr["tgt"]))]
            required = [i for i in hits if not gold_rel[i]["optional"]]
            if required:
                rel_correct += 1
                matched.update(required)
            elif not hits:
                rel_wrong.append(f"{by_id.get(s, {}).get('name', s)} -{t}-> {by_id.get(o, {}).get('name', o)}")
        required_rel = [i for i, gr in enumerate(gold_rel) if not gr["optional"]]
        found_rel = sum(1 for i in required_rel if i in matched)

        ap, ar, af = _prf(actor_correct, len(actor_wrong), len(found_actors & required_actors), len(required_actors))
        rp, rr, rf = _prf(rel_correct, len(rel_wrong), found_rel, len(required_rel))
        report["documents"][key] = {
            "actor_p": ap, "actor_r": ar, "actor_f1": af, "relation_p": rp, "relation_r": rr, "relation_f1": rf,
            "relations_found": found_rel, "relations_gold": len(required_rel), "relations_wrong": len(rel_wrong),
        }
        report["missed"][key] = sorted([gold_rel[i]["label"] for i in required_rel if i not in matched]
                                       + [f"actor {a}" for a in sorted(required_actors - found_actors)])
        report["wrong"][key] = sorted(rel_wrong + [f"actor {a}" for a in actor_wrong])
        for k, v in (("ac", actor_correct), ("aw", len(actor_wrong)), ("af", len(found_actors & required_actors)),
                     ("at", len(required_actors)), ("rc", rel_correct), ("rw", len(rel_wrong)),
                     ("rf", found_rel), ("rt", len(required_rel))):
            totals[k] += v

    ap, ar, af = _prf(totals["ac"], totals["aw"], totals["af"], totals["at"])
    rp, rr, rf = _prf(totals["rc"], totals["rw"], totals["rf"], totals["rt"])
    report["overall"] = {"actor_p": ap, "actor_r": ar, "actor_f1": af, "relation_p": rp, "relation_r": rr,
                         "relation_f1": rf, "evidence_valid": (ev_ok / ev_all) if ev_all else None}
    return report


def format_report(report: dict[str, Any]) -> str:
    lines = [f"{'document':45} {'actP':>5} {'actR':>5} {'actF1':>5} {'relP':>5} {'relR':>5} {'relF1':>5}"]
    for key, d in report["documents"].items():
        lines.append(f"{key[:45]:45} {d['actor_p']:5.2f} {d['actor_r']:5.2f} {d['actor_f1']:5.2f} "
                     f"{d['relation_p']:5.2f} {d['relation_r']:5.2f} {d['relation_f1']:5.2f}")
    for key in report["documents"]:
        lines += [f"  missed  [{key}] {line}" for line in report["missed"][key]]
        lines += [f"  wrong   [{key}] {line}" for line in report["wrong"][key]]
    o = report["overall"]
    ev = "n/a" if o["evidence_valid"] is None else f"{o['evidence_valid']:.2f}"
    lines.append(f"overall actor P/R/F1 {o['actor_p']:.2f}/{o['actor_r']:.2f}/{o['actor_f1']:.2f}  "
                 f"relation P/R/F1 {o['relation_p']:.2f}/{o['relation_r']:.2f}/{o['relation_f1']:.2f}  "
                 f"evidence valid {ev}")
    return "\n".join(lines)
