"""The actor graph's shape as arrays: what reports on structure need, without networkx or evidence.

A :class:`Topology` holds every actor (id, name, kind, aliases) and every stored relation
(source, target, type, evidence count, first and last evidence date) as columns. It is read
from the topology file that :meth:`graph.store.GraphStore.save` writes beside the store, so a
report on a 1M-relation store starts in about a second instead of building a networkx graph
(several seconds) that it only walks once. Centrality, stats and paths accept it in place of
the store's graph (see :mod:`graph.analysis`) and give the same answers.

Evidence is not held, but :meth:`Topology.evidence` reads the sentences of a few relations
from the store file when a report needs them (a path's hops).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", name="A", kind="state"); g.add_node("b", name="B", kind="person")
>>> _ = g.add_edge("b", "a", key="LEADS", type="LEADS", evidence=[{"doc": "d", "date": "2026-01-02"}])
>>> t = Topology.from_graph(g)
>>> t.ids, t.number_of_edges(), t.degree()
(['a', 'b'], 1, {'a': 1, 'b': 1})
>>> t.pairs(directed=True)
(['a', 'b'], [(1, 0)])
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np

from graph.errors import InputError
from graph.model import LATER_EVIDENCE_FIELDS, TEXT, EdgeSummary, edge_summary, evidence_key
from graph.reader import ActorSummary, GraphReader, Hop, Rel
from graph.store import (
    FORMAT,
    FORMAT_VERSION,
    GraphStore,
    StoreError,
    StoreNotFound,
    add_later_fields,
    default_store_path,
    file_stamp,
    loads_json,
    pause_gc,
)
from graph.taxonomy import load_taxonomy


class Topology(GraphReader):
    """Actors and relations as parallel columns; actors sorted by id (the store's order). A
    :class:`~graph.reader.GraphReader`: the analysis reads it as it reads the store's graph."""

    def __init__(self, ids: list[str], names: list[str], kinds: list[str], aliases: list[list[str]],
                 source: np.ndarray, target: np.ndarray, type_codes: np.ndarray, type_names: list[str],
                 evidence_count: np.ndarray, first_dates: list[str | None], last_dates: list[str | None] | None,
                 documents: dict[str, str | None], store_file: Path | None = None, stamp: list[int] | None = None,
                 confidence: list[float] | None = None, ndocs: list[int] | None = None,
                 provenance: list[str] | None = None) -> None:
        self.ids, self.names, self.kinds, self.aliases = ids, names, kinds, aliases
        self.source, self.target = source, target
        self.type_codes, self.type_names = type_codes, type_names
        self.evidence_count = evidence_count
        self.first_dates, self.last_dates = first_dates, last_dates
        self.documents = documents  # document id -> date
        self.confidence = confidence if confidence is not None else [0.0] * len(source)  # per relation: its best evidence's
        self.ndocs = ndocs if ndocs is not None else [0] * len(ids)  # per actor: documents that mention it
        # per relation: its evidence's provenances, ';'-joined ("text", "gdelt", "gdelt;text"); stores from
        # before provenance was kept hold text only
        self.provenance = provenance if provenance is not None else [TEXT] * len(source)
        self.index = {n: i for i, n in enumerate(ids)}
        self._store_file, self._stamp = store_file, stamp
        self._evidence: tuple[list[Any], dict[str, list[Any]], np.ndarray] | None = None
        self._graph: nx.MultiDiGraph | None = None  # when built from a loaded graph with evidence
        self._csr: dict[tuple[Any, ...], tuple[np.ndarray, np.ndarray]] = {}

    # -- building ------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Topology:
        """The topology of the store at ``path``: from its topology file when that file matches the
        store file, else from the store itself (older stores; slower). An empty store gives an empty one;
        a path that does not exist raises :class:`~graph.store.StoreNotFound`."""
        path = Path(path) if path is not None else default_store_path()
        store = GraphStore(path)
        if not path.exists():
            raise StoreNotFound(path)
        if path.exists() and not path.is_dir():
            raise StoreError(f"store path {path} is not a folder")
        topo = cls._from_topology_file(store)
        if topo is None:
            full = GraphStore.open(path)
            topo = cls.from_graph(full.graph, {d: doc.date for d, doc in full.documents.items()})
        return topo

    @classmethod
    def _from_topology_file(cls, store: GraphStore) -> Topology | None:
        try:
            with pause_gc():
                found = store.read_topology_file()
                if found is None or "last" not in found[0].get("edges", {}):
                    return None  # stale, or from before the last dates were kept: the store file decides
                data, stamp = found
                topo = cls._from_columns(data, store.file, stamp)
            topo._check()
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None  # a damaged cache: the store file decides
        return topo

    @classmethod
    def _from_columns(cls, data: dict[str, Any], store_file: Path, stamp: list[int]) -> Topology:
        strings: list[Any] = data["strings"]
        nodes, edges = data["nodes"], data["edges"]
        codes = np.asarray(edges["type"], dtype=np.int64)
        used = sorted(set(np.unique(codes).tolist()), key=lambda c: strings[c])  # type codes in name order
        remap = np.zeros(len(strings), dtype=np.int16)
        for i, c in enumerate(used):
            remap[c] = i
        return cls(
            ids=nodes["id"], names=nodes["name"], kinds=[strings[c] for c in nodes["kind"]], aliases=nodes["aliases"],
            source=np.asarray(edges["source"], dtype=np.int32), target=np.asarray(edges["target"], dtype=np.int32),
            type_codes=remap[codes] if len(codes) else np.zeros(0, dtype=np.int16),
            type_names=[strings[c] for c in used],
            evidence_count=np.asarray(edges["nevidence"], dtype=np.int32),
            first_dates=[strings[c] for c in edges["date"]], last_dates=[strings[c] for c in edges["last"]],
            documents={d["id"]: d.get("date") for d in data["documents"]}, store_file=store_file, stamp=stamp,
            confidence=edges["confidence"], ndocs=nodes["ndocs"],
            provenance=[strings[c] for c in edges["provenance"]] if "provenance" in edges else None,
        )

    @classmethod
    def from_graph(cls, g: nx.MultiDiGraph, documents: dict[str, str | None] | None = None) -> Topology:
        """The topology of a store's graph (with or without evidence loaded); the same as the file would give."""
        ids = sorted(g.nodes)
        index = {n: i for i, n in enumerate(ids)}
        attrs = [g.nodes[n] for n in ids]
        edges = sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[2], e[1]))  # the store file's order
        type_names = sorted({k for _u, _v, k, _a in edges})
        tindex = {k: i for i, k in enumerate(type_names)}
        first: list[str | None] = []
        last: list[str | None] | None = []
        counts = []
        conf: list[float] = []
        prov: list[str] = []
        for _u, _v, _k, a in edges:
            ev = a.get("evidence")
            if ev is None:  # opened without evidence: only the first date is known
                prov.append(a.get("provenance", TEXT))
                counts.append(a.get("evidence_count", 0))
                first.append(a.get("date"))
                conf.append(a.get("confidence", 0.0))
                last = None
                continue
            summary = edge_summary(ev)
            prov.append(summary.provenance_key)
            counts.append(summary.count)
            conf.append(summary.confidence)
            first.append(summary.date)
            if last is not None:
                last.append(summary.last)
        if documents is None:
            documents = {}
        topo = cls(
            ids=ids, names=[a.get("name", n) for n, a in zip(ids, attrs, strict=True)],
            kinds=[a.get("kind", "") for a in attrs], aliases=[sorted(a.get("aliases", [])) for a in attrs],
            source=np.asarray([index[e[0]] for e in edges], dtype=np.int32),
            target=np.asarray([index[e[1]] for e in edges], dtype=np.int32),
            type_codes=np.asarray([tindex[e[2]] for e in edges], dtype=np.int16), type_names=type_names,
            evidence_count=np.asarray(counts, dtype=np.int32), first_dates=first, last_dates=last,
            documents=dict(documents), confidence=conf, ndocs=[len(a.get("documents", ())) for a in attrs],
            provenance=prov,
        )
        if last is not None:
            topo._graph = g  # evidence is at hand: Topology.evidence reads it there
        return topo

    def _check(self) -> None:
        n, m = len(self.ids), len(self.source)
        tax = load_taxonomy()
        if not (len(self.names) == len(self.kinds) == len(self.aliases) == n):
            raise ValueError("actor columns differ in length")
        if not (len(self.target) == len(self.type_codes) == len(self.evidence_count) == len(self.first_dates) == m):
            raise ValueError("relation columns differ in length")
        if m and (min(self.source.min(), self.target.min()) < 0 or max(self.source.max(), self.target.max()) >= n):
            raise ValueError("a relation names an actor that is not stored")
        if m and bool((np.diff(self.source) < 0).any()):
            raise ValueError("relations are not in the store's order (by source)")  # edge_index relies on it
        if not set(self.kinds) <= set(tax.actor_kinds) or not set(self.type_names) <= set(tax.relation_types):
            raise ValueError("a kind or relation type is not in the taxonomy")

    # -- reading -------------------------------------------------------------------------------

    def number_of_nodes(self) -> int:
        return len(self.ids)

    def number_of_edges(self) -> int:
        return len(self.source)

    def __contains__(self, actor: object) -> bool:
        return actor in self.index

    def __len__(self) -> int:
        return len(self.ids)

    def actor_ids(self) -> list[str]:
        return list(self.ids)

    def actors(self, kinds: Iterable[str] | None = None) -> list[ActorSummary]:
        wanted = set(kinds) if kinds else None
        return [ActorSummary(n, name, kind, aliases, nd) for n, name, kind, aliases, nd
                in zip(self.ids, self.names, self.kinds, self.aliases, self.ndocs, strict=True)
                if wanted is None or kind in wanted]

    def relations(self, types: Iterable[str] | None = None, actor: str | None = None) -> list[Rel]:
        return [self.edge(e) for e in self.select(types, actor)]

    def relation_summaries(self, types: Iterable[str] | None = None,
                           actor: str | None = None) -> list[tuple[Rel, EdgeSummary]]:
        return [(self.edge(e), self.summary_at(e)) for e in self.select(types, actor)]

    def summary(self, u: str, v: str, k: str) -> EdgeSummary:
        return self.summary_at(self.edge_index(u, v, k))

    def summary_at(self, e: int) -> EdgeSummary:
        """The summary of relation number ``e``, from the columns."""
        last = self.last_dates[e] if self.last_dates is not None else None
        return EdgeSummary(self.first_dates[e], last, self.confidence[e], tuple(self.provenance[e].split(";")),
                           int(self.evidence_count[e]))

    def document_dates(self) -> dict[str, str | None]:
        return self.documents

    def evidence_total(self) -> int:
        return int(self.evidence_count.sum())

    def date_range(self) -> tuple[str | None, str | None]:
        if self.last_dates is None:
            raise ValueError("this topology has no last evidence dates; build it from a graph with evidence")
        firsts = [d for d in self.first_dates if d]
        lasts = [d for d in self.last_dates if d]
        return (min(firsts) if firsts else None, max(lasts) if lasts else None)

    def to_networkx(self) -> nx.MultiDiGraph:
        """The store's graph as ``GraphStore.open(path, evidence=False)`` gives it (``evidence_count``
        instead of evidence; no per-actor documents), for measures that only networkx has."""
        if self._graph is not None:
            return self._graph
        g = nx.MultiDiGraph()
        ids, tn = self.ids, self.type_names
        with pause_gc():
            for n, name, kind, aliases in zip(self.ids, self.names, self.kinds, self.aliases, strict=True):
                g.add_node(n, name=name, kind=kind, aliases=aliases)
            for s, t, c, n, d in zip(self.source.tolist(), self.target.tolist(), self.type_codes.tolist(),
                                     self.evidence_count.tolist(), self.first_dates, strict=True):
                k = tn[c]
                g.add_edge(ids[s], ids[t], key=k, type=k, date=d, evidence_count=n)
        return g

    def row(self, actor: str) -> dict[str, str]:
        i = self.index[actor]
        return {"id": actor, "name": self.names[i], "kind": self.kinds[i]}

    def mask(self, types: Iterable[str] | None) -> np.ndarray | None:
        """Which relations are of ``types`` (validated against the taxonomy); None when all are wanted."""
        if not types:
            return None
        wanted = set(load_taxonomy().check_relation_types(list(types)))
        codes = [i for i, k in enumerate(self.type_names) if k in wanted]
        return np.isin(self.type_codes, np.asarray(codes, dtype=self.type_codes.dtype))

    def _symmetric(self) -> np.ndarray:
        sym = load_taxonomy().symmetric
        codes = [i for i, k in enumerate(self.type_names) if k in sym]
        return np.isin(self.type_codes, np.asarray(codes, dtype=self.type_codes.dtype))

    def degree(self, types: Iterable[str] | None = None) -> dict[str, int]:
        """Relations each actor takes part in, as :func:`graph.analysis.centrality.degree`."""
        m = self.mask(types)
        s, t = (self.source, self.target) if m is None else (self.source[m], self.target[m])
        n = len(self.ids)
        counts = np.bincount(s, minlength=n) + np.bincount(t, minlength=n)
        return dict(zip(self.ids, counts.tolist(), strict=True))

    def pairs(self, types: Iterable[str] | None = None, directed: bool = True) -> tuple[list[str], list[tuple[int, int]]]:
        """The edges of the simple directed (or undirected) actor graph as index pairs, as
        :func:`graph.analysis.views.view_pairs` gives them for the store's graph (same sets; sorted here)."""
        m = self.mask(types)
        s, t = (self.source, self.target) if m is None else (self.source[m], self.target[m])
        s, t = s.astype(np.int64), t.astype(np.int64)
        keep = s != t
        n = len(self.ids)
        if directed:
            sym = self._symmetric() if m is None else self._symmetric()[m]
            back = keep & sym
            a = np.concatenate((s[keep], t[back]))
            b = np.concatenate((t[keep], s[back]))
        else:
            a, b = np.minimum(s[keep], t[keep]), np.maximum(s[keep], t[keep])
        codes = np.unique(a * n + b) if n else np.zeros(0, dtype=np.int64)
        return list(self.ids), list(zip((codes // n).tolist(), (codes % n).tolist(), strict=True)) if n else []

    def weighted_pairs(self, types: Iterable[str] | None = None) -> tuple[list[str], list[tuple[int, int]], list[int]]:
        """The undirected actor graph as index pairs (``i <= j``) with the number of relations between
        the two, as :func:`graph.analysis.views.weighted_pairs` gives them for the store's graph."""
        m = self.mask(types)
        s, t = (self.source, self.target) if m is None else (self.source[m], self.target[m])
        n = len(self.ids)
        if not n:
            return [], [], []
        a, b = np.minimum(s, t).astype(np.int64), np.maximum(s, t).astype(np.int64)
        codes, counts = np.unique(a * n + b, return_counts=True)
        return list(self.ids), list(zip((codes // n).tolist(), (codes % n).tolist(), strict=True)), counts.tolist()

    def linked_pairs(self) -> int:
        """Distinct (source, target) pairs with a relation, self-relations included (for the density)."""
        n = len(self.ids)
        return int(np.unique(self.source.astype(np.int64) * n + self.target).size) if n else 0

    def weak_components(self) -> list[int]:
        """Sizes of the weakly connected components, largest first."""
        import igraph as ig  # lazy: heavy library, only for this measure

        names, pairs = self.pairs(directed=False)
        sizes = ig.Graph(n=len(names), edges=pairs).connected_components().sizes()
        return sorted(sizes, reverse=True)

    # -- hops, for paths -----------------------------------------------------------------------

    def hops(self, actor: str, types: Iterable[str] | None = None, direction: str = "out") -> list[Hop]:
        """The hops that leave ``actor``: ``(next, type, source, target)``, as :func:`graph.analysis.views.steps`."""
        i = self.index[actor]
        order, starts = self._hop_index(types, direction)
        rows = order[starts[i]:starts[i + 1]]
        ids, tn = self.ids, self.type_names
        out = []
        for r in rows.tolist():
            e, forward = divmod(r, 2)
            u, v = ids[self.source[e]], ids[self.target[e]]
            out.append((v if forward else u, tn[self.type_codes[e]], u, v))
        return out

    def _hop_index(self, types: Iterable[str] | None, direction: str) -> tuple[np.ndarray, np.ndarray]:
        # Hop rows are 2*e+1 (edge e followed forwards, from its source) and 2*e (backwards, from its
        # target), grouped by the actor they leave: one sort, then a slice per actor. Built once per
        # (types, direction): a walk asks for the hops of many actors.
        if direction not in ("out", "in", "both"):
            raise InputError(f"unknown direction {direction!r}; choose out, in or both")
        key = (tuple(sorted(types)) if types else None, direction)
        if key not in self._csr:
            self._csr[key] = self._build_hop_index(types, direction)
        return self._csr[key]

    def _build_hop_index(self, types: Iterable[str] | None, direction: str) -> tuple[np.ndarray, np.ndarray]:
        m = self.mask(types)
        sel = np.ones(len(self.source), dtype=bool) if m is None else m
        sym = self._symmetric()
        fwd = sel & (sym | (direction in ("out", "both")))
        bwd = sel & (sym | (direction in ("in", "both")))
        e_f, e_b = np.nonzero(fwd)[0].astype(np.int64), np.nonzero(bwd)[0].astype(np.int64)
        rows = np.concatenate((2 * e_f + 1, 2 * e_b))
        frm = np.concatenate((self.source[e_f], self.target[e_b]))
        order = rows[np.argsort(frm, kind="stable")]
        starts = np.zeros(len(self.ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(frm, minlength=len(self.ids)), out=starts[1:])
        return order, starts

    def distances_to(self, target: str, types: Iterable[str] | None = None, direction: str = "out") -> dict[str, int]:
        """Hops from each actor that can reach ``target`` along :meth:`hops` (breadth-first, backwards)."""
        import igraph as ig  # lazy: heavy library, only for this measure

        i = self.index[target]
        order, starts = self._hop_index(types, direction)
        e, forward = order // 2, (order % 2).astype(bool)
        frm = np.repeat(np.arange(len(self.ids)), np.diff(starts))
        to = np.where(forward, self.target[e], self.source[e])
        g = ig.Graph(n=len(self.ids), edges=list(zip(frm.tolist(), to.tolist(), strict=True)), directed=True)
        vids, layers, _parents = g.bfs(i, mode="in")
        out: dict[str, int] = {}
        for d in range(len(layers) - 1):
            for v in vids[layers[d]:layers[d + 1]]:
                out[self.ids[v]] = d
        return out

    # -- evidence ------------------------------------------------------------------------------

    def select(self, types: Iterable[str] | None = None, actor: str | None = None) -> list[int]:
        """Numbers of the relations of ``types`` (all when empty) that ``actor`` takes part in (any
        when None), in the store's order: by source, type, target."""
        keep = self.mask(types)
        if actor is not None:
            i = self.index[actor]
            mine = (self.source == i) | (self.target == i)
            keep = mine if keep is None else keep & mine
        return list(range(len(self.source))) if keep is None else np.nonzero(keep)[0].tolist()

    def edges_between(self, a: str, b: str) -> list[tuple[str, str, str]]:
        """``(source, target, type)`` of the relations between ``a`` and ``b``, either way."""
        ia, ib = self.index[a], self.index[b]
        hits = np.nonzero(((self.source == ia) & (self.target == ib)) | ((self.source == ib) & (self.target == ia)))[0]
        ids, tn = self.ids, self.type_names
        return [(ids[self.source[e]], ids[self.target[e]], tn[self.type_codes[e]]) for e in hits.tolist()]

    def edge_index(self, u: str, v: str, k: str) -> int:
        """The number of relation ``u -k-> v``: relations are sorted by source, so a binary search
        finds ``u``'s, then a scan of those."""
        iu, iv = self.index[u], self.index[v]
        lo, hi = np.searchsorted(self.source, [iu, iu + 1]).tolist()
        for e in (lo + np.nonzero(self.target[lo:hi] == iv)[0]).tolist():
            if self.type_names[self.type_codes[e]] == k:
                return e
        raise KeyError(f"no relation {u} -{k}-> {v}")

    def evidence(self, u: str, v: str, k: str) -> list[dict[str, Any]]:
        """The evidence of one relation, read from the store file on first use (sorted as stored)."""
        return self.evidence_at(self.edge_index(u, v, k))

    def edge(self, e: int) -> tuple[str, str, str]:
        """``(source, target, type)`` of relation number ``e``."""
        return self.ids[self.source[e]], self.ids[self.target[e]], self.type_names[self.type_codes[e]]

    def evidence_at(self, e: int) -> list[dict[str, Any]]:
        """The evidence of relation number ``e`` (see :meth:`evidence`)."""
        if self._graph is not None:
            u, v, k = self.edge(e)
            ev = self._graph.edges[u, v, k].get("evidence", [])
            return sorted(ev, key=evidence_key)
        if self._store_file is None:
            return []
        if self._evidence is None:
            self._evidence = self._read_evidence()
        strings, ev, offsets = self._evidence
        a, b = int(offsets[e]), int(offsets[e + 1])
        out = [{"doc": strings[ev["doc"][j]], "sentence": ev["sentence"][j], "start": ev["start"][j], "end": ev["end"][j],
                "date": strings[ev["date"][j]], "confidence": ev["confidence"][j], "pattern": strings[ev["pattern"][j]]}
               for j in range(a, b)]
        add_later_fields(out, {f: ev[f][a:b] for f in LATER_EVIDENCE_FIELDS if f in ev}, strings)
        return out

    def _read_evidence(self) -> tuple[list[Any], dict[str, list[Any]], np.ndarray]:
        assert self._store_file is not None
        try:
            if file_stamp(self._store_file) != self._stamp:
                raise StoreError(f"store file {self._store_file} changed while it was being read; run the command again")
            with pause_gc():
                data = loads_json(self._store_file.read_bytes())
        except OSError as exc:
            raise StoreError(f"store file {self._store_file} cannot be read: {exc.strerror or exc}") from None
        except ValueError:
            raise StoreError(f"store file {self._store_file} is unreadable") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != FORMAT_VERSION:
            raise StoreError(f"store file {self._store_file} is not a current actorgraph store")
        offsets = np.zeros(len(self.source) + 1, dtype=np.int64)
        np.cumsum(np.asarray(data["edges"]["nevidence"], dtype=np.int64), out=offsets[1:])
        return data["strings"], data["evidence"], offsets

    # -- summaries -----------------------------------------------------------------------------

    def type_counts(self) -> dict[str, int]:
        counts = np.bincount(self.type_codes, minlength=len(self.type_names)).tolist() if len(self.type_codes) else []
        return {k: c for k, c in zip(self.type_names, counts, strict=False) if c}

    def kind_counts(self) -> dict[str, int]:
        return dict(Counter(self.kinds))
