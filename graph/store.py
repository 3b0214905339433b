"""The embedded store: a networkx MultiDiGraph persisted in a data folder.

Nodes are actors (keyed by actor id); edges are relations keyed by relation type,
so one (source, type, target) triple is one edge whose ``evidence`` lists every
sentence that states it. Documents are kept beside the graph. Saving is atomic
(temp file + rename) and read-modify-write is serialised by a lock file, so a
crash or a second ingest never leaves a half-written graph.

>>> import tempfile
>>> store = GraphStore(tempfile.mkdtemp())
>>> store.graph.number_of_nodes()
0
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from graph.model import Actor, Document, Evidence, Extraction, Relation
from graph.taxonomy import load_taxonomy

try:  # orjson is much faster on large stores; the stdlib is the fallback
    import orjson

    def _dumps(obj: Any) -> bytes:
        return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)

    _loads = orjson.loads
except ImportError:  # pragma: no cover
    import json

    def _dumps(obj: Any) -> bytes:
        return json.dumps(obj, sort_keys=True, ensure_ascii=False).encode()

    _loads = json.loads

STORE_ENV = "ACTORGRAPH_STORE"
DEFAULT_STORE = "actorgraph-data"
GRAPH_FILE = "graph.json"
FORMAT = "actorgraph-store"
FORMAT_VERSION = 1


class StoreError(RuntimeError):
    """The store cannot be read or written."""


def default_store_path() -> Path:
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


class GraphStore:
    """An actor graph held in memory and persisted under ``path``."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self.documents: dict[str, Document] = {}
        self._symmetric = load_taxonomy().symmetric

    # -- persistence -------------------------------------------------------

    @property
    def file(self) -> Path:
        return self.path / GRAPH_FILE

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> GraphStore:
        """Load the store at ``path`` (an empty graph if nothing is stored yet)."""
        store = cls(path)
        store.reload()
        return store

    def reload(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.documents = {}
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"store path {self.path} is not a folder")
        if not self.file.exists():
            return
        try:
            data = _loads(self.file.read_bytes())
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not an actorgraph store file")
            self._from_dict(data)
            self._check()
        except OSError as exc:
            raise StoreError(f"store file {self.file} cannot be read: {exc.strerror or exc}") from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            if isinstance(exc, KeyError):
                first = f"missing field {first}"
            raise StoreError(f"store file {self.file} is unreadable ({first}); "
                             "it was left untouched, restore it from a backup or move it away") from None

    def _check(self) -> None:
        """Every node and edge has what readers rely on, in the current taxonomy."""
        tax = load_taxonomy()
        for n, a in self.graph.nodes(data=True):
            if not isinstance(a.get("name"), str) or not isinstance(a.get("kind"), str):
                raise ValueError(f"actor {n!r} has no name or kind")
            tax.kind(a["kind"])
        for u, v, k, a in self.graph.edges(keys=True, data=True):
            if not isinstance(a.get("evidence"), list):
                raise ValueError(f"relation {u} -{k}-> {v} has no evidence list")
            tax.relation(k)

    def save(self) -> None:
        """Write the store atomically: readers see the old file or the new one, never a mix."""
        self.path.mkdir(parents=True, exist_ok=True)
        payload = _dumps(self.to_dict())
        fd, tmp = tempfile.mkstemp(dir=self.path, prefix=".graph-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(payload)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.file)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise

    def check_writable(self) -> None:
        """Raise :class:`StoreError` now if the store folder cannot be created or written."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            with open(self.path / ".lock", "a+"):
                pass
            fd, tmp = tempfile.mkstemp(dir=self.path, prefix=".graph-", suffix=".tmp")
            os.close(fd)
            os.unlink(tmp)
        except OSError as exc:
            raise StoreError(f"cannot write to the store folder {self.path}: {exc.strerror or exc}") from None

    @contextlib.contextmanager
    def locked(self) -> Iterator[GraphStore]:
        """Hold the store's write lock, reload, yield, then save.

        Two processes ingesting into one store are serialised here, so neither
        overwrites the other's work.
        """
        self.check_writable()
        with open(self.path / ".lock", "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                # Temp files left by a writer that was killed mid-save; only the lock holder writes them.
                for stale in self.path.glob(".graph-*.tmp"):
                    with contextlib.suppress(OSError):
                        stale.unlink()
                self.reload()
                yield self
                self.save()
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def to_dict(self) -> dict[str, Any]:
        nodes = [self._node_dict(n) for n in sorted(self.graph.nodes)]
        edges = sorted(
            (self._edge_dict(u, v, k) for u, v, k in self.graph.edges(keys=True)),
            key=lambda e: (e["source"], e["type"], e["target"]),
        )
        docs = [self.documents[d].model_dump(mode="json") for d in sorted(self.documents)]
        return {"format": FORMAT, "version": FORMAT_VERSION, "documents": docs, "nodes": nodes, "edges": edges}

    def _from_dict(self, data: dict[str, Any]) -> None:
        for d in data.get("documents", []):
            doc = Document(**d)
            self.documents[doc.id] = doc
        for n in data.get("nodes", []):
            attrs = dict(n)
            node_id = attrs.pop("id")
            self.graph.add_node(node_id, **attrs)
        for e in data.get("edges", []):
            attrs = dict(e)
            u, v = attrs.pop("source"), attrs.pop("target")
            if u not in self.graph or v not in self.graph:
                raise ValueError(f"relation {u} -> {v} names an actor that is not stored")
            self.graph.add_edge(u, v, key=attrs["type"], **attrs)

    def _node_dict(self, node: str) -> dict[str, Any]:
        a = self.graph.nodes[node]
        return {
            "id": node,
            "name": a["name"],
            "kind": a["kind"],
            "aliases": sorted(a.get("aliases", [])),
            "documents": sorted(a.get("documents", [])),
        }

    def _edge_dict(self, u: str, v: str, k: str) -> dict[str, Any]:
        a = self.graph.edges[u, v, k]
        evidence = sorted(a["evidence"], key=lambda e: (e["doc"], e["start"], e["end"]))
        dates = [e["date"] for e in evidence if e.get("date")]
        return {
            "source": u,
            "target": v,
            "type": a["type"],
            "evidence": evidence,
            "date": min(dates) if dates else None,
            "confidence": max((e.get("confidence", 0.0) for e in evidence), default=0.0),
        }

    # -- reading -----------------------------------------------------------

    def actor(self, actor_id: str) -> Actor:
        return Actor(id=actor_id, **self._node_dict(actor_id) | {"id": actor_id})

    def actors(self, kind: str | None = None) -> list[Actor]:
        out = [Actor(**self._node_dict(n)) for n in sorted(self.graph.nodes)]
        return [a for a in out if kind is None or a.kind == kind]

    def relations(self, types: list[str] | None = None, actor: str | None = None) -> list[Relation]:
        wanted = set(types) if types else None
        out = []
        for u, v, k in self.graph.edges(keys=True):
            if wanted is not None and k not in wanted:
                continue
            if actor is not None and actor not in (u, v):
                continue
            out.append(Relation(**self._edge_dict(u, v, k)))
        out.sort(key=lambda r: (r.source, r.type, r.target))
        return out

    # -- writing -----------------------------------------------------------

    def has_document(self, doc: Document) -> bool:
        """True when this document, with this exact content, is already stored."""
        old = self.documents.get(doc.id)
        return old is not None and old.sha256 == doc.sha256

    def add_extraction(self, ext: Extraction) -> bool:
        """Merge one document's actors and relations; returns False if it was already stored.

        A document whose content changed replaces its earlier version.
        """
        doc = ext.document
        if self.has_document(doc):
            return False
        if doc.id in self.documents:
            self.remove_document(doc.id)
        self.documents[doc.id] = doc
        for actor in ext.actors:
            self.add_actor(actor)
        for rel in ext.relations:
            self.add_relation(rel)
        return True

    def add_actor(self, actor: Actor) -> None:
        g = self.graph
        if actor.id in g:
            a = g.nodes[actor.id]
            # Name and kind are chosen by a fixed rule, not by which document came first, so
            # ingesting the same documents in any order (or from two processes) gives one graph.
            names = {a["name"], actor.name}
            name = min(names, key=lambda x: (-len(x), x))
            a["aliases"] = sorted((set(a.get("aliases", [])) | set(actor.aliases) | names) - {name})
            a["name"] = name
            a["kind"] = min(a["kind"], actor.kind)
            a["documents"] = sorted(set(a.get("documents", [])) | set(actor.documents))
        else:
            g.add_node(
                actor.id,
                name=actor.name,
                kind=actor.kind,
                aliases=sorted(set(actor.aliases) - {actor.name}),
                documents=sorted(set(actor.documents)),
            )

    def add_relation(self, rel: Relation) -> None:
        g = self.graph
        for end in (rel.source, rel.target):
            if end not in g:
                raise StoreError(f"relation {rel.source} -{rel.type}-> {rel.target}: unknown actor {end!r}")
        u, v = rel.source, rel.target
        if rel.type in self._symmetric and not g.has_edge(u, v, rel.type) and (g.has_edge(v, u, rel.type) or v < u):
            u, v = v, u  # one edge per symmetric pair: the stored one, else the smaller id first
        if not g.has_edge(u, v, rel.type):
            g.add_edge(u, v, key=rel.type, type=rel.type, evidence=[])
        evidence: list[dict[str, Any]] = g.edges[u, v, rel.type]["evidence"]
        seen = {(e["doc"], e["start"], e["end"]) for e in evidence}
        for ev in rel.evidence:
            if ev.key not in seen:
                evidence.append(_evidence_dict(ev))
                seen.add(ev.key)

    def remove_document(self, doc_id: str) -> None:
        """Forget a document: its evidence, and actors and relations left with none."""
        g = self.graph
        self.documents.pop(doc_id, None)
        for u, v, k in list(g.edges(keys=True)):
            ev = g.edges[u, v, k]["evidence"]
            kept = [e for e in ev if e["doc"] != doc_id]
            if kept:
                g.edges[u, v, k]["evidence"] = kept
            else:
                g.remove_edge(u, v, k)
        for n in list(g.nodes):
            docs = [d for d in g.nodes[n].get("documents", []) if d != doc_id]
            g.nodes[n]["documents"] = docs
            if not docs and g.degree(n) == 0:
                g.remove_node(n)


def _evidence_dict(ev: Evidence) -> dict[str, Any]:
    return ev.model_dump(mode="json")
