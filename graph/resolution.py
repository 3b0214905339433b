"""Analyst decisions about actors: merge, unmerge, alias, rename, kind.

Each decision is one entry of ``resolution.yaml`` in the store folder (who, when, why),
applied to the graph at once and replayed whenever documents are added later, so a split
the analyst fixed never comes back. A merge keeps, beside the YAML, the part of the graph
it changed (``resolution-undo/<n>.json``), so ``unmerge`` restores it exactly.

>>> import tempfile
>>> from graph.store import GraphStore
>>> from graph.model import Actor
>>> store = GraphStore(tempfile.mkdtemp())
>>> store.add_actor(Actor(id="abbas-araghchi", name="Abbas Araghchi", kind="person"))
>>> store.add_actor(Actor(id="abbas-araqchi", name="Abbas Araqchi", kind="person"))
>>> decide_merge(store, "abbas-araghchi", ["abbas-araqchi"], reason="one minister").dropped
[]
>>> sorted(store.graph.nodes)
['abbas-araghchi']
"""

from __future__ import annotations

import copy
import datetime as dt
import getpass
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from graph.errors import ActorgraphError
from graph.model import Extraction, name_key
from graph.taxonomy import load_taxonomy

if TYPE_CHECKING:
    from graph.store import GraphStore

RESOLUTION_FILE = "resolution.yaml"
UNDO_DIR = "resolution-undo"
USER_ENV = "ACTORGRAPH_USER"
ACTIONS = ("merge", "unmerge", "alias", "rename", "kind")


class ResolutionError(ActorgraphError, ValueError):
    """A decision cannot be made or the resolution file cannot be read."""


def current_user() -> str:
    """Who makes a decision: $ACTORGRAPH_USER, else the login name."""
    try:
        return os.environ.get(USER_ENV) or getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return "unknown"


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class Resolution:
    """The decisions of one store, in the order they were made."""

    decisions: list[dict[str, Any]] = field(default_factory=list)

    # -- file ----------------------------------------------------------------

    @classmethod
    def load(cls, store_path: str | os.PathLike[str]) -> Resolution:
        file = Path(store_path) / RESOLUTION_FILE
        if not file.exists():
            return cls()
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ResolutionError(f"{file}: cannot be read ({str(exc).splitlines()[0]})") from None
        decisions = data.get("decisions", []) if isinstance(data, dict) else None
        if not isinstance(decisions, list) or not all(
                isinstance(d, dict) and d.get("action") in ACTIONS for d in decisions):
            raise ResolutionError(f"{file}: expected 'decisions:' with a list of merge/unmerge/alias/rename/kind entries")
        return cls(decisions)

    @classmethod
    def from_text(cls, text: str) -> Resolution:
        data = yaml.safe_load(text) or {}
        return cls(list(data.get("decisions", [])))

    def to_text(self) -> str:
        header = ("# Decisions about actors, made with `actorgraph merge/unmerge/alias/rename/kind`.\n"
                  "# Replayed on every ingest. Edit with care: `unmerge` relies on resolution-undo/.\n")
        return header + yaml.safe_dump({"decisions": self.decisions}, sort_keys=False, allow_unicode=True, width=100)

    def save(self, store_path: str | os.PathLike[str]) -> None:
        path = Path(store_path)
        path.mkdir(parents=True, exist_ok=True)
        tmp = path / (RESOLUTION_FILE + ".tmp")
        tmp.write_text(self.to_text(), encoding="utf-8")
        os.replace(tmp, path / RESOLUTION_FILE)

    def record(self, action: str, reason: str | None, **fields: Any) -> dict[str, Any]:
        entry = {"id": max((d.get("id", 0) for d in self.decisions), default=0) + 1, "action": action, **fields,
                 "by": current_user(), "at": _now(), "reason": reason or ""}
        self.decisions.append(entry)
        return entry

    # -- what the decisions say ------------------------------------------------

    def active_merges(self) -> list[dict[str, Any]]:
        undone = {d["merge"] for d in self.decisions if d["action"] == "unmerge"}
        return [d for d in self.decisions if d["action"] == "merge" and d["id"] not in undone]

    def redirects(self) -> dict[str, str]:
        """Merged-away id (or a user alias's name key) -> the id it now belongs to."""
        out: dict[str, str] = {}
        for d in self.active_merges():
            for o in d["others"]:
                out[o] = d["keep"]
        for d in self.decisions:
            if d["action"] == "alias":
                out.setdefault("key:" + name_key(d["name"]), d["actor"])
        # Chains (a merged into b, b later into c) end at the last keeper.
        for k in out:
            seen = {k}
            while out[k] in out and out[k] not in seen:
                seen.add(out[k])
                out[k] = out[out[k]]
        return out

    # -- replay on ingest --------------------------------------------------------

    def merged_nodes(self, g: Any) -> list[tuple[str, dict[str, Any]]]:
        """(id, attributes) of merged-away actors as they were, so extraction still recognises their
        names (a surname alone, say); :meth:`rewrite` then sends them to the kept actor."""
        out = []
        for d in self.active_merges():
            kind = g.nodes[d["keep"]]["kind"] if d["keep"] in g else None
            for o in d["others"]:
                if kind and o not in g:
                    out.append((o, {"kind": kind, "name": d.get("names", {}).get(o, o)}))
        return out

    def rewrite(self, ext: Extraction) -> Extraction:
        """The extraction with merged-away ids (and user aliases) pointing at the kept actor;
        relations that become self-loops are dropped."""
        redirect = self.redirects()
        if not redirect:
            return ext

        def to(actor_id: str, name: str = "") -> str:
            return redirect.get(actor_id) or redirect.get("key:" + name_key(name)) or actor_id

        ids = {a.id: to(a.id, a.name) for a in ext.actors}
        if all(k == v for k, v in ids.items()):
            return ext
        actors = [a.model_copy(update={"id": ids[a.id]}) for a in ext.actors]
        rels = []
        for r in ext.relations:
            s, t = ids.get(r.source, to(r.source)), ids.get(r.target, to(r.target))
            if s != t:
                rels.append(r.model_copy(update={"source": s, "target": t}))
        return ext.model_copy(update={"actors": actors, "relations": rels})

    def reapply(self, store: GraphStore, actor_ids: set[str] | None = None) -> None:
        """Apply alias/rename/kind decisions (in order) to these actors (all when None)."""
        g = store.graph
        redirect = self.redirects()
        for d in self.decisions:
            if d["action"] not in ("alias", "rename", "kind"):
                continue
            n = redirect.get(d["actor"], d["actor"])
            if n not in g or (actor_ids is not None and n not in actor_ids):
                continue
            a = g.nodes[n]
            if d["action"] == "alias":
                if d["name"] != a["name"]:
                    a["aliases"] = sorted(set(a.get("aliases", [])) | {d["name"]})
            elif d["action"] == "rename":
                if a["name"] != d["name"]:
                    a["aliases"] = sorted((set(a.get("aliases", [])) | {a["name"]}) - {d["name"]})
                    a["name"] = d["name"]
            else:
                a["kind"] = d["kind"]


# -- decisions ---------------------------------------------------------------------


@dataclass
class MergeReport:
    decision: int
    moved: int = 0  # relations moved to the kept actor
    joined: int = 0  # of those, relations the kept actor already had (evidence merged)
    dropped: list[tuple[str, str, str, int]] = field(default_factory=list)  # self-loops: (source, type, target, evidence)


def _ev_key(e: dict[str, Any]) -> tuple[Any, Any, Any]:
    return (e["doc"], e["start"], e["end"])


def _snapshot(store: GraphStore, ids: list[str]) -> dict[str, Any]:
    g = store.graph
    edges = {(u, v, k) for n in ids for u, v, k in list(g.in_edges(n, keys=True)) + list(g.out_edges(n, keys=True))}
    return {"nodes": {n: copy.deepcopy(dict(g.nodes[n])) for n in ids},
            "edges": [[u, v, k, copy.deepcopy(dict(g.edges[u, v, k]))] for u, v, k in sorted(edges)]}


def merge_into(store: GraphStore, keep: str, others: list[str]) -> tuple[int, int, list[tuple[str, str, str, int]]]:
    """Move every relation, alias and document of ``others`` to ``keep`` and remove them."""
    g = store.graph
    symmetric = store._symmetric
    gone = set(others)
    moved = joined = 0
    dropped: list[tuple[str, str, str, int]] = []
    for o in others:
        a, k = g.nodes[o], g.nodes[keep]
        k["aliases"] = sorted((set(k.get("aliases", [])) | set(a.get("aliases", [])) | {a["name"]}) - {k["name"]})
        k["documents"] = sorted(set(k.get("documents", [])) | set(a.get("documents", [])))
        for u, v, t, attrs in list(g.in_edges(o, keys=True, data=True)) + list(g.out_edges(o, keys=True, data=True)):
            if not g.has_edge(u, v, t):
                continue  # a self-loop on o, already handled
            nu, nv = (keep if u in gone else u), (keep if v in gone else v)
            g.remove_edge(u, v, t)
            if nu == nv:
                dropped.append((u, t, v, len(attrs["evidence"])))
                continue
            moved += 1
            if t in symmetric and not g.has_edge(nu, nv, t) and g.has_edge(nv, nu, t):
                nu, nv = nv, nu
            if g.has_edge(nu, nv, t):
                joined += 1
                target = g.edges[nu, nv, t]["evidence"]
                seen = {_ev_key(e) for e in target}
                target.extend(e for e in attrs["evidence"] if _ev_key(e) not in seen)
            else:
                g.add_edge(nu, nv, key=t, **attrs)
        g.remove_node(o)
    return moved, joined, dropped


def _check_ids(store: GraphStore, ids: list[str]) -> None:
    for n in ids:
        if n not in store.graph:
            raise ResolutionError(f"no actor with id {n!r}")


def decide_merge(store: GraphStore, keep: str, others: list[str], reason: str | None = None) -> MergeReport:
    """Merge ``others`` into ``keep`` (ids); record it; return what moved and which self-loops were dropped."""
    others = list(dict.fromkeys(o for o in others))
    if not others:
        raise ResolutionError("name at least one actor to merge into the kept one")
    if keep in others:
        raise ResolutionError(f"cannot merge {keep!r} into itself")
    _check_ids(store, [keep, *others])
    res = Resolution.load(store.path)
    snapshot = _snapshot(store, [keep, *others])
    moved, joined, dropped = merge_into(store, keep, others)
    entry = res.record("merge", reason, keep=keep, others=others,
                       names={o: snapshot["nodes"][o]["name"] for o in others})
    undo = store.path / UNDO_DIR
    undo.mkdir(parents=True, exist_ok=True)
    (undo / f"{entry['id']}.json").write_text(json.dumps(snapshot, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    res.save(store.path)
    store._resolution = None  # the store re-reads the decisions
    return MergeReport(entry["id"], moved, joined, dropped)


def find_merge(res: Resolution, ref: str) -> dict[str, Any]:
    """The active merge named by a decision number or by an actor id it kept or removed (the latest)."""
    merges = res.active_merges()
    if ref.isdigit():
        hit = [d for d in merges if d["id"] == int(ref)]
    else:
        hit = [d for d in merges if ref == d["keep"] or ref in d["others"]][-1:]
    if not hit:
        raise ResolutionError(f"no merge to undo for {ref!r} (see resolution.yaml in the store)")
    return hit[0]


def decide_unmerge(store: GraphStore, ref: str, reason: str | None = None) -> dict[str, Any]:
    """Undo a merge: the actors and relations it changed return to their state before it.

    Evidence that later documents added to the kept actor's relations stays with the kept actor.
    """
    res = Resolution.load(store.path)
    merge = find_merge(res, ref)
    undo_file = store.path / UNDO_DIR / f"{merge['id']}.json"
    try:
        snapshot = json.loads(undo_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ResolutionError(f"cannot undo merge {merge['id']}: {undo_file} is missing or damaged ({exc})") from None
    g = store.graph
    keep = merge["keep"]
    for o in merge["others"]:
        if o in g:
            raise ResolutionError(f"cannot undo merge {merge['id']}: actor {o!r} exists again")
    later_edges = [(u, v, t, a) for u, v, t, a in list(g.in_edges(keep, keys=True, data=True))
                   + list(g.out_edges(keep, keys=True, data=True))]
    later_docs = set(g.nodes[keep].get("documents", [])) if keep in g else set()
    old_edges = {(u, v, t): a for u, v, t, a in snapshot["edges"]}
    old_keys = {_ev_key(e) for a in old_edges.values() for e in a["evidence"]}
    for u, v, t, _a in later_edges:
        if g.has_edge(u, v, t):
            g.remove_edge(u, v, t)
    for n, attrs in snapshot["nodes"].items():
        if n in g:
            g.nodes[n].clear()
            g.nodes[n].update(attrs)
        else:
            g.add_node(n, **attrs)
    for (u, v, t), a in old_edges.items():
        if u in g and v in g:
            g.add_edge(u, v, key=t, **a)
    # What arrived after the merge stays with the kept actor.
    for u, v, t, a in later_edges:
        new = [e for e in a["evidence"] if _ev_key(e) not in old_keys]
        if not new:
            continue
        if not g.has_edge(u, v, t):
            g.add_edge(u, v, key=t, **{**a, "evidence": []})
        g.edges[u, v, t]["evidence"].extend(new)
    docs = set(g.nodes[keep].get("documents", []))
    extra = later_docs - docs - {d for n in merge["others"] for d in g.nodes[n].get("documents", [])}
    if extra:
        g.nodes[keep]["documents"] = sorted(docs | extra)
    entry = res.record("unmerge", reason, merge=merge["id"], keep=keep, others=merge["others"])
    res.save(store.path)
    store._resolution = None  # the store re-reads the decisions
    res.reapply(store, {keep, *merge["others"]})
    return entry


def decide_alias(store: GraphStore, actor: str, name: str, reason: str | None = None) -> dict[str, Any]:
    return _attribute(store, "alias", actor, reason, name=_clean_name(name))


def decide_rename(store: GraphStore, actor: str, name: str, reason: str | None = None) -> dict[str, Any]:
    return _attribute(store, "rename", actor, reason, name=_clean_name(name))


def decide_kind(store: GraphStore, actor: str, kind: str, reason: str | None = None) -> dict[str, Any]:
    return _attribute(store, "kind", actor, reason, kind=load_taxonomy().check_kinds([kind])[0])


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name_key(name):
        raise ResolutionError("a name needs at least one letter or digit")
    return name


def _attribute(store: GraphStore, action: str, actor: str, reason: str | None, **fields: Any) -> dict[str, Any]:
    _check_ids(store, [actor])
    res = Resolution.load(store.path)
    entry = res.record(action, reason, actor=actor, **fields)
    res.save(store.path)
    store._resolution = None  # the store re-reads the decisions
    Resolution([entry]).reapply(store, {actor})
    return entry


# -- carried to Neo4j and back (push/pull) ------------------------------------------


def read_state(store_path: str | os.PathLike[str]) -> dict[str, str] | None:
    """The store's decisions as two strings (the YAML, the undo data as JSON); None when there are none."""
    path = Path(store_path)
    if not (path / RESOLUTION_FILE).exists():
        return None
    undo = {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in sorted((path / UNDO_DIR).glob("*.json"))}
    return {"yaml": (path / RESOLUTION_FILE).read_text(encoding="utf-8"),
            "undo": json.dumps(undo, ensure_ascii=False, sort_keys=True)}


def write_state(store_path: str | os.PathLike[str], state: dict[str, str] | None) -> None:
    """Replace the store's decisions by ``state`` (from :func:`read_state`); None removes them."""
    path = Path(store_path)
    undo_dir = path / UNDO_DIR
    for f in undo_dir.glob("*.json"):
        f.unlink()
    if state is None:
        (path / RESOLUTION_FILE).unlink(missing_ok=True)
        return
    Resolution.from_text(state["yaml"])  # refuse what cannot be read back
    path.mkdir(parents=True, exist_ok=True)
    undo = json.loads(state.get("undo") or "{}")
    if undo:
        undo_dir.mkdir(exist_ok=True)
    for name, snapshot in undo.items():
        (undo_dir / f"{int(name)}.json").write_text(json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
                                                    encoding="utf-8")
    tmp = path / (RESOLUTION_FILE + ".tmp")
    tmp.write_text(state["yaml"], encoding="utf-8")
    os.replace(tmp, path / RESOLUTION_FILE)


def merged_away(store_path: str | os.PathLike[str]) -> list[str]:
    """Ids that active merges removed (push deletes them from Neo4j)."""
    return sorted({o for d in Resolution.load(store_path).active_merges() for o in d["others"]})
