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
import gc
import os
import re
import tempfile
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import ActorgraphError
from graph.model import (
    EVIDENCE_DEFAULTS,
    EVIDENCE_FIELDS,
    LATER_EVIDENCE_FIELDS,
    TEXT,
    Actor,
    Document,
    EdgeSummary,
    Evidence,
    Extraction,
    Relation,
    edge_summary,
    evidence_key,
)
from graph.reader import ActorSummary, GraphReader, Hop, Rel, check_direction
from graph.resolution import Resolution
from graph.taxonomy import load_taxonomy

try:  # orjson is much faster on large stores; the stdlib is the fallback
    import orjson

    def _dumps(obj: Any) -> bytes:
        return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)

    _loads = orjson.loads

    def _pieces(obj: Any, depth: int = 0) -> Iterator[bytes]:
        """The bytes of ``_dumps(obj)`` in pieces: the outer two levels of dicts key by key, long lists
        in chunks, so a store of a million evidence is never one bytes object in memory."""
        if isinstance(obj, dict) and depth < 2:
            yield b"{"
            for i, key in enumerate(sorted(obj)):
                yield (b"," if i else b"") + _dumps(key) + b":"
                yield from _pieces(obj[key], depth + 1)
            yield b"}"
        elif isinstance(obj, ChunkedColumn):  # an import's text column: its Python strings made a piece at a time
            yield b"["
            for i, part in enumerate(obj.lists(_CHUNK)):
                yield (b"," if i else b"") + _dumps(part)[1:-1]
            yield b"]"
        elif isinstance(obj, list) and len(obj) > _CHUNK:
            for start in range(0, len(obj), _CHUNK):
                part = _dumps(obj[start:start + _CHUNK])
                yield (b"," if start else b"[") + part[1:-1]
            yield b"]"
        else:
            yield _dumps(obj)
except ImportError:  # pragma: no cover
    import json

    def _dumps(obj: Any) -> bytes:
        return json.dumps(obj, sort_keys=True, ensure_ascii=False).encode()

    _loads = json.loads

    def _pieces(obj: Any, depth: int = 0) -> Iterator[bytes]:
        yield _dumps(_plain(obj))


def _plain(obj: Any) -> Any:
    """``obj`` with each :class:`ChunkedColumn` in it as a list (for the stdlib JSON writer)."""
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    return obj.to_list() if isinstance(obj, ChunkedColumn) else obj


loads_json = _loads  # the store's JSON reader (orjson when installed), for the topology's lazy evidence read
_CHUNK = 65536  # list items per piece written (see _pieces)
STRING_FIELDS = ("doc", "date", "pattern", "since", "provenance")  # evidence fields stored as string-table codes

STORE_ENV = "ACTORGRAPH_STORE"
DEFAULT_STORE = "actorgraph-data"
GRAPH_FILE = "graph.json"
TOPOLOGY_FILE = "topology.json"  # derived cache: actors and relations without evidence (see GraphStore.open)
TOPOLOGY_FORMAT = "actorgraph-topology"
FORMAT = "actorgraph-store"
FORMAT_VERSION = 2      # the columnar file layout written by save()
NODE_LINK_VERSION = 1   # the node-link layout of to_dict() (and of store files before version 2)


class StoreError(ActorgraphError, RuntimeError):
    """The store cannot be read or written."""


class StoreNotFound(StoreError):
    """No store at the path a reader was given (most often a mistyped ``--store``)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(f"no store at {path} (run actorgraph ingest … --store {path} first)")
        self.path = Path(path)


def default_store_path() -> Path:
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


class GraphStore:
    """An actor graph held in memory and persisted under ``path``."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self.documents: dict[str, Document] = {}
        self.evidence_loaded = True  # False after open(..., evidence=False): read-only
        self.read_only = False  # True: save() refuses (a view that must never be written back)
        self._symmetric = load_taxonomy().symmetric
        self._resolution: Any = None  # the analyst's decisions (graph.resolution), read when first needed
        self._block: EvidenceBlock | None = None  # imported evidence still in columns (add_evidence_block)

    # -- persistence -------------------------------------------------------

    @property
    def file(self) -> Path:
        return self.path / GRAPH_FILE

    @property
    def topology_file(self) -> Path:
        return self.path / TOPOLOGY_FILE

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, evidence: bool = True, create: bool = False) -> GraphStore:
        """Load the store at ``path``; :class:`StoreNotFound` if there is no such folder, unless ``create``
        (then a store that does not exist yet is an empty graph, saved there by :meth:`save`).

        ``evidence=False`` loads actors and relations without their evidence, for reports that
        only need the graph's shape (centrality, neighbourhoods): each relation has ``type``,
        ``date``, ``confidence`` and ``evidence_count`` but no ``evidence`` list. It reads the
        small topology file that :meth:`save` writes beside the store (3× faster on a
        1M-relation store) when that file matches the store file, else the store file itself.
        Such a store is read-only: :meth:`save` refuses it.
        """
        store = cls(path)
        if not create and not store.path.exists():
            raise StoreNotFound(store.path)
        if evidence or not store._load_topology():
            store.reload()
            if not evidence:
                store._drop_evidence()
        return store

    def reload(self) -> None:
        self.evidence_loaded = True
        self._resolution = None
        self._block = None
        self.graph = nx.MultiDiGraph()
        self.documents = {}
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"store path {self.path} is not a folder")
        if not self.file.exists():
            return
        try:
            with pause_gc():
                data = _loads(self.file.read_bytes())
                if not isinstance(data, dict) or data.get("format") != FORMAT:
                    raise ValueError("not an actorgraph store file")
                self._from_dict(data)
                del data
            self._check()
        except OSError as exc:
            self.graph = nx.MultiDiGraph()
            self.documents = {}
            raise StoreError(f"store file {self.file} cannot be read: {exc.strerror or exc}") from None
        except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
            self.graph = nx.MultiDiGraph()
            self.documents = {}
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            if isinstance(exc, KeyError):
                first = f"missing field {first}"
            raise StoreError(f"store file {self.file} is unreadable ({first}); "
                             "it was left untouched, restore it from a backup or move it away") from None

    def _check(self, evidence: bool = True) -> None:
        """Every node and edge has what readers rely on, in the current taxonomy."""
        problems = self.validate(evidence, limit=1)
        if problems:
            raise ValueError(problems[0])

    def validate(self, evidence: bool = True, limit: int | None = None) -> list[str]:
        """What in this graph a later :meth:`open` would refuse (kinds and types outside the taxonomy,
        missing names or evidence), one line per bad record, at most ``limit`` of them; [] when sound.

        :meth:`save` calls it before replacing the store file, so no path (ingest, pull, a merge)
        can swap a readable store for one that every command then refuses.

        >>> import tempfile
        >>> s = GraphStore(tempfile.mkdtemp()); s.graph.add_node("wola", name="WOLA", kind="think_tank")
        >>> s.validate()
        ["actor 'wola' has no name, or a kind not in the taxonomy: 'think_tank'"]
        """
        tax = load_taxonomy()
        kinds, types = set(tax.actor_kinds), set(tax.relation_types)
        out: list[str] = []
        for n, a in self.graph.nodes(data=True):
            if not isinstance(a.get("name"), str) or a.get("kind") not in kinds:
                out.append(f"actor {n!r} has no name, or a kind not in the taxonomy: {a.get('kind')!r}")
                if limit is not None and len(out) >= limit:
                    return out
        for u, v, k, a in _edge_items(self.graph):
            if k not in types or not isinstance(a.get("evidence") if evidence else a.get("evidence_count"),
                                                list if evidence else int):
                out.append(f"relation {u} -{k}-> {v}: type not in the taxonomy, or no evidence list")
                if limit is not None and len(out) >= limit:
                    return out
        return out

    def save(self) -> None:
        """Write the store atomically: readers see the old file or the new one, never a mix.

        Then the topology file (a derived cache, see :meth:`open`), also atomically, stamped with
        the new store file's identity; if it is not written, readers ignore the stale one.
        """
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only; it is not saved")
        if not self.evidence_loaded:
            raise StoreError("this store was opened without evidence (read-only); open it with evidence to save")
        bad = self.validate(limit=6)
        if bad:
            more = "; ..." if len(bad) > 5 else ""
            raise StoreError(f"refused to save {self.path}: {len(bad) if len(bad) <= 5 else 'over 5'} record(s) do not "
                             f"fit the taxonomy ({'; '.join(bad[:5])}{more}); the stored graph was left as it was")
        self.path.mkdir(parents=True, exist_ok=True)
        with pause_gc():
            columns = self._columns()
            last = columns.pop("_last")
            graph_tmp = self._write_temp(_pieces(columns))
        topology_tmp = None
        try:
            del columns["evidence"]  # the topology file has none
            with pause_gc():
                # The stamp of the temp file is the store file's: a rename keeps inode, size and mtime.
                topology = {"format": TOPOLOGY_FORMAT, "version": FORMAT_VERSION, "store_file": file_stamp(graph_tmp),
                            "strings": columns["strings"], "documents": columns["documents"],
                            "nodes": columns["nodes"], "edges": {**columns["edges"], "last": last}}
                payload = _dumps(topology)
            topology_tmp = self._write_temp(payload)
            # Both files are complete before either is renamed into place: the store file first, so a
            # crash between the two renames leaves an old topology file whose stamp no longer matches.
            os.replace(graph_tmp, self.file)
            os.replace(topology_tmp, self.topology_file)
        except BaseException:
            for tmp in (graph_tmp, topology_tmp):
                if tmp is not None:
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(tmp)
            raise

    def _write_temp(self, payload: bytes | Iterable[bytes]) -> Path:
        """``payload`` (bytes, or pieces of them) in a new temp file in the store folder, flushed to disk."""
        fd, tmp = tempfile.mkstemp(dir=self.path, prefix=".graph-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                if isinstance(payload, bytes):
                    fh.write(payload)
                else:
                    for piece in payload:
                        fh.write(piece)
                fh.flush()
                os.fsync(fh.fileno())
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        return Path(tmp)

    def read_topology_file(self) -> tuple[dict[str, Any], list[int]] | None:
        """The parsed topology file and the store file's stamp, if that file is current (written by
        this format version for the store file now in place); None otherwise. Call with GC paused."""
        try:
            stamp = file_stamp(self.file)
            raw = self.topology_file.read_bytes()
        except OSError:
            return None
        try:
            data = _loads(raw)
        except ValueError:
            return None
        if (not isinstance(data, dict) or data.get("format") != TOPOLOGY_FORMAT
                or data.get("version") != FORMAT_VERSION or data.get("store_file") != stamp):
            return None
        return data, stamp

    def _load_topology(self) -> bool:
        """Fill the empty store from the topology file if it matches the store file; True if it did."""
        try:
            with pause_gc():
                found = self.read_topology_file()
                if found is None:
                    return False
                data = found[0]
                self._from_columns(data, evidence=False)
                del data
            self._check(evidence=False)
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            self.graph = nx.MultiDiGraph()
            self.documents = {}
            return False  # a damaged cache: the store file decides
        self.evidence_loaded = False
        return True

    def _drop_evidence(self) -> None:
        block, self._block = self._block, None
        rows_of = block.edges if block is not None else {}
        adj = self.graph._adj
        if block is not None and block._fixed is not None:
            # The block's relations with no evidence of their own (an import's: most), straight from its rows.
            provenance = block._fixed[1]
            for (u, v, k), rows in rows_of.items():
                a = adj[u][v][k]
                if not a["evidence"]:
                    del a["evidence"]
                    a["evidence_count"] = len(rows)
                    a["provenance"] = provenance
        for u, v, k, a in [(u, v, k, a) for u, nbrs in adj.items() for v, keydict in nbrs.items()
                           for k, a in keydict.items() if "evidence" in a]:
            ev = a.pop("evidence")
            rows = rows_of.get((u, v, k)) if rows_of else None
            if rows and not ev and block._fixed is not None:  # type: ignore[union-attr]
                a["evidence_count"] = len(rows)
                a["provenance"] = block._fixed[1]  # type: ignore[union-attr]
                continue
            provs = set(edge_summary(ev).provenance)
            if rows:
                provs.update(block.provenances(rows))  # type: ignore[union-attr]
            a["evidence_count"] = len(ev) + (len(rows) if rows else 0)
            a["provenance"] = ";".join(sorted(provs))
        self.evidence_loaded = False

    def add_evidence_block(self, block: EvidenceBlock) -> None:
        """Hold ``block``'s evidence in columns until :meth:`save` writes it (an import of millions of
        events: no dict per evidence). Each of its relations must be an edge of the graph already
        (its ``evidence`` list holds the evidence stored before, if any). Until the save, readers
        of ``graph`` do not see the block's evidence: the importer saves, then drops evidence
        (:meth:`drop_evidence`)."""
        adj, none = self.graph._adj, {}
        missing = next((e for e in block.edges if e[2] not in adj.get(e[0], none).get(e[1], none)), None)
        if missing is not None:
            u, v, k = missing
            raise ValueError(f"evidence block: relation {u} -{k}-> {v} is not in the graph")
        if self._block is not None:
            raise ValueError("this store already holds an evidence block; save it first")
        self._block = block

    def drop_evidence(self) -> None:
        """Keep only the graph's shape (as :meth:`open` with ``evidence=False``): read-only from now on."""
        self._drop_evidence()

    def check_writable(self) -> None:
        """Raise :class:`StoreError` now if the store folder cannot be created or written."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            with open(self.path / ".lock", "a+"):
                pass
            # A private name: the lock holder removes stale ".graph-*.tmp" files at any moment, and
            # must not remove this probe under us (a concurrent ingest then failed with ENOENT).
            fd, tmp = tempfile.mkstemp(dir=self.path, prefix=".probe-", suffix=".tmp")
            os.close(fd)
            with contextlib.suppress(FileNotFoundError):
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
        """The store as plain node-link data (sorted), as ``actorgraph export json`` writes it."""
        with pause_gc():
            nodes = [self._node_dict(n) for n in sorted(self.graph.nodes)]
            edges = sorted(
                (self._edge_dict(u, v, k) for u, v, k in self.graph.edges(keys=True)),
                key=lambda e: (e["source"], e["type"], e["target"]),
            )
            docs = [self.documents[d].model_dump(mode="json") for d in sorted(self.documents)]
        return {"format": FORMAT, "version": NODE_LINK_VERSION, "documents": docs, "nodes": nodes, "edges": edges}

    def _from_dict(self, data: dict[str, Any]) -> None:
        """Fill the empty store from a file's data: the columnar layout (v2) or node-link (v1)."""
        version = data.get("version", NODE_LINK_VERSION)
        if not isinstance(version, int) or isinstance(version, bool):
            raise ValueError(f"store format version {version!r} is not a whole number (this actorgraph reads "
                             f"{NODE_LINK_VERSION} and {FORMAT_VERSION})")
        if version == NODE_LINK_VERSION:
            self._from_node_link(data)
        elif version == FORMAT_VERSION:
            self._from_columns(data)
        elif version > FORMAT_VERSION:
            raise ValueError(f"store format version {version!r} is newer than this actorgraph ({FORMAT_VERSION})")
        else:
            raise ValueError(f"unknown store format version {version!r} (this actorgraph reads "
                             f"{NODE_LINK_VERSION} and {FORMAT_VERSION})")

    def _from_node_link(self, data: dict[str, Any]) -> None:
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

    # The columnar layout (format version 2). One list per field instead of one object per
    # node, edge and evidence, with repeated strings (document ids, dates, types, kinds,
    # patterns) stored once in a table and referred to by index: it parses about 4× faster
    # than node-link JSON and the loaded graph shares those strings.

    def _columns(self) -> dict[str, Any]:
        g = self.graph
        nodes = sorted(g.nodes)
        index = {n: i for i, n in enumerate(nodes)}
        strings = _Table()
        na = [g.nodes[n] for n in nodes]
        node_docs = [sorted(a.get("documents", [])) for a in na]
        node_cols = {
            "id": nodes,
            "name": [a["name"] for a in na],
            "kind": strings.codes(a["kind"] for a in na),
            "aliases": [sorted(a.get("aliases", [])) for a in na],
            "ndocs": [len(d) for d in node_docs],
            "documents": strings.codes(d for ds in node_docs for d in ds),
            "codes": [sorted(a.get("codes", [])) for a in na],
        }
        edges: list[Any] = _edge_items(g)  # then ordered by (source, type, target)
        block = self._block
        rows_of = block.edges if block is not None else {}
        # Each evidence in file order: its dict, or its row (an int) in the imported block.
        order: list[Any] = []
        nev, dates, lasts, confs, provs = [], [], [], [], []
        # Block rows that are the only evidence of their relation (an import into a new graph: most)
        # are summed up by the block; a relation's dicts and rows meet only after a second import.
        # Those summed up by the block at once after the loop: their positions and rows.
        pending: list[int] = []
        pending_rows: list[list[int]] = []
        mixed = False
        if block is not None and len(rows_of) == len(edges) and not any(map(itemgetter("evidence"), map(itemgetter(3), edges))):
            # Every relation is the block's with no evidence stored before (an import into an empty
            # store): the loop below in C (each of the block's relations is an edge: add_evidence_block).
            # The graph's edges are then the block's keys: ordered from those, with their rows (no look-up each).
            keys, by = list(rows_of), list(rows_of.values())
            at = _edge_order(keys, index)
            edges = list(map(keys.__getitem__, at))
            pending_rows = list(map(by.__getitem__, at))
            del keys, by, at
            pending = list(range(len(edges)))
            order = list(chain.from_iterable(pending_rows))
            nev = list(map(len, pending_rows))
            edges_left: list[tuple[str, str, str, dict[str, Any]]] = []
            flat = _row_array(order) if block.coded else None  # the rows as numpy, for the coded columns
        else:
            edges = list(map(edges.__getitem__, _edge_order(edges, index)))
            edges_left, flat = edges, None
        for u, v, k, a in edges_left:
            evidence = a["evidence"]
            rows = rows_of.get((u, v, k)) if rows_of else None
            if rows is not None and block is not None:
                if evidence:  # evidence stored before beside imported rows: merge them as dicts
                    items = sorted([*evidence, *map(block.row, rows)], key=evidence_key)
                    order.extend(items)
                    mixed = True
                else:
                    order.extend(rows)
                    pending.append(len(nev))
                    pending_rows.append(rows)
                    nev.append(len(rows))
                    dates.append(None)
                    lasts.append(None)
                    confs.append(0.0)
                    provs.append("")
                    continue
            else:
                items = sorted(evidence, key=evidence_key) if len(evidence) > 1 else evidence
                order.extend(items)
                mixed = mixed or bool(items)
            nev.append(len(items))
            summary_of = edge_summary(items)
            dates.append(summary_of.date)
            lasts.append(summary_of.last)
            confs.append(summary_of.confidence)
            provs.append(summary_of.provenance_key)
        if pending_rows and block is not None:
            summed = block.summaries(pending_rows, flat if len(pending) == len(edges) else None)
            if len(pending) == len(nev):
                dates, lasts, confs, provs = summed
            else:
                for column, values in zip((dates, lasts, confs, provs), summed, strict=True):
                    for i, value in zip(pending, values, strict=True):
                        column[i] = value
        rows_only = block if block is not None and not mixed else None
        # Columns the block holds as codes (rows only): coded from those, not gathered as strings.
        coded = {f: c for f, c in block.coded.items() if f in STRING_FIELDS} if rows_only is not None else {}
        fixed = {f for f in STRING_FIELDS if f in rows_only.constants and f not in coded} if rows_only is not None else set()
        ev_cols = _evidence_columns(order, rows_only, block, skip=coded.keys() | fixed, flat=flat)
        for f in STRING_FIELDS:
            if f in coded:
                ev_cols[f] = _coded_column(order if flat is None else flat, *coded[f], strings)
            elif f in fixed:  # one value (rows only): its code on every row
                ev_cols[f] = strings.codes([rows_only.constants[f]]) * len(order) if order else []  # type: ignore[union-attr]
            elif f == "doc" and rows_only is not None and rows_only.unique_docs:
                # types and lengths read from the block's column in file order (memory read in order)
                ev_cols[f] = strings.distinct(ev_cols[f], rows_only.columns.get(f))
            else:
                ev_cols[f] = strings.codes(ev_cols[f])
        edge_cols = {
            "source": [index[e[0]] for e in edges],
            "target": [index[e[1]] for e in edges],
            "type": strings.codes(e[2] for e in edges),
            "date": strings.codes(dates),
            "confidence": confs,
            "nevidence": nev,
            "provenance": strings.codes(provs),  # per relation: its evidence's provenances, ';'-joined
        }
        last_codes = strings.codes(lasts)  # for the topology file only (graph.topology: stats' last date)
        docs = [self.documents[d].model_dump(mode="json") for d in sorted(self.documents)]
        return {"format": FORMAT, "version": FORMAT_VERSION, "strings": strings.values, "documents": docs,
                "nodes": node_cols, "edges": edge_cols, "evidence": ev_cols, "_last": last_codes}

    def _from_columns(self, data: dict[str, Any], evidence: bool = True) -> None:
        strings: list[Any] = data["strings"]
        for d in data["documents"]:
            doc = Document(**d)
            self.documents[doc.id] = doc
        nodes, edges = data["nodes"], data["edges"]
        ids: list[str] = nodes["id"]
        kinds = [strings[c] for c in nodes["kind"]]
        docs = [strings[c] for c in nodes["documents"]]
        # Build networkx's adjacency dicts directly: add_node/add_edge per item cost 3× more.
        g = self.graph
        node_attr, succ, pred = g._node, g._adj, g._pred
        pos = 0
        codes = nodes.get("codes") or [[]] * len(ids)  # older stores have no codes column
        for n, name, kind, aliases, nd, cs in zip(ids, nodes["name"], kinds, nodes["aliases"], nodes["ndocs"], codes,
                                                 strict=True):
            node_attr[n] = {"name": name, "kind": kind, "aliases": aliases, "documents": docs[pos:pos + nd], "codes": cs}
            succ[n] = {}
            pred[n] = {}
            pos += nd
        if not evidence:  # the topology only (see open(evidence=False))
            provs = [strings[p] for p in edges["provenance"]] if "provenance" in edges else [TEXT] * len(edges["source"])
            for u, v, t, d, c, k, p in zip(edges["source"], edges["target"], edges["type"], edges["date"],
                                           edges["confidence"], edges["nevidence"], provs, strict=True):
                su, sv, key = ids[u], ids[v], strings[t]
                keydict = succ[su].get(sv)
                if keydict is None:
                    keydict = succ[su][sv] = pred[sv][su] = {}
                keydict[key] = {"type": key, "date": strings[d], "confidence": c, "evidence_count": k, "provenance": p}
            g.__networkx_cache__.clear()
            return
        ev = data["evidence"]
        evidence = [
            {"doc": strings[d], "sentence": s, "start": a, "end": b, "date": strings[t], "confidence": c, "pattern": strings[p]}
            for d, s, a, b, t, c, p in zip(ev["doc"], ev["sentence"], ev["start"], ev["end"], ev["date"],
                                           ev["confidence"], ev["pattern"], strict=True)
        ]
        add_later_fields(evidence, ev, strings)
        pos = 0
        for u, v, t, d, c, k in zip(edges["source"], edges["target"], edges["type"], edges["date"], edges["confidence"],
                                    edges["nevidence"], strict=True):
            su, sv, key = ids[u], ids[v], strings[t]
            keydict = succ[su].get(sv)
            if keydict is None:
                keydict = succ[su][sv] = pred[sv][su] = {}
            keydict[key] = {"type": key, "evidence": evidence[pos:pos + k], "date": strings[d], "confidence": c}
            pos += k
        if pos != len(evidence):
            raise ValueError("evidence count does not match the edges")
        g.__networkx_cache__.clear()

    def _node_dict(self, node: str) -> dict[str, Any]:
        a = self.graph.nodes[node]
        return {
            "id": node,
            "name": a["name"],
            "kind": a["kind"],
            "aliases": sorted(a.get("aliases", [])),
            "documents": sorted(a.get("documents", [])),
            "codes": sorted(a.get("codes", [])),
        }

    def _edge_dict(self, u: str, v: str, k: str) -> dict[str, Any]:
        a = self.graph.edges[u, v, k]
        evidence = sorted(a["evidence"], key=evidence_key)
        if any(f not in e for e in evidence for f in LATER_EVIDENCE_FIELDS):
            # read from a file written before these fields, or added as plain dicts: the same graph as one
            # that has them
            evidence = [{**{f: EVIDENCE_DEFAULTS[f] for f in LATER_EVIDENCE_FIELDS}, **e} for e in evidence]
        summary = edge_summary(evidence)
        return {
            "source": u,
            "target": v,
            "type": a["type"],
            "evidence": evidence,
            "date": summary.date,
            "confidence": summary.confidence,
            "provenance": list(summary.provenance),
        }

    # -- reading -----------------------------------------------------------

    def reader(self) -> StoreReader:
        """This store's graph as a :class:`~graph.reader.GraphReader` (what :mod:`graph.analysis` reads)."""
        return StoreReader(self.graph, {d: doc.date for d, doc in self.documents.items()})

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
        """True when a document with this exact content is already stored (under any id or path)."""
        return doc.sha256 in self._identity()[0]

    def _identity(self) -> tuple[dict[str, str], dict[str, str]]:
        """(content hash -> id, source -> id) of the stored documents, rebuilt when the documents change."""
        key = (id(self.documents), len(self.documents))
        if getattr(self, "_identity_key", None) != key:
            self._identity_cache = ({d.sha256: i for i, d in self.documents.items() if d.sha256},
                                    {d.path: i for i, d in self.documents.items() if _updatable(d.path)})
            self._identity_key = key
        return self._identity_cache

    def merge_extraction(self, ext: Extraction) -> tuple[str, str]:
        """Merge one document's actors and relations; returns (what happened, the stored id).

        Identity is content and source, not the file name: the same content (any path) is
        ``"unchanged"``; new content at the path of a stored file is an ``"updated"`` version that
        replaces it (keeping its id); anything else is ``"added"``, under a new id when its id is
        another document's (``day2/report.txt`` beside ``day1/report.txt`` becomes ``day2--report``).
        A JSONL line is identified by its content only (a feed's line numbers shift between days).
        """
        doc = ext.document
        by_sha, by_source = self._identity()
        if doc.sha256 in by_sha:
            return "unchanged", by_sha[doc.sha256]
        old = by_source.get(doc.path) if _updatable(doc.path) else None
        status = "added"
        if old is not None:
            status, new_id = "updated", old
            self.remove_document(old)
        else:
            new_id = self._free_id(doc)
        if new_id != doc.id:
            ext = _renamed(ext, new_id)
        # The analyst's merges, aliases, renames and kinds are replayed here, so they outlive re-ingests.
        if self._resolution is None:
            self._resolution = Resolution.load(self.path)
        ext = self._resolution.rewrite(ext)
        self.documents[new_id] = ext.document
        by_sha, by_source = self._identity()  # (rebuilt if remove_document ran)
        by_sha[doc.sha256] = new_id
        if _updatable(doc.path):
            by_source[doc.path] = new_id
        self._identity_key = (id(self.documents), len(self.documents))
        for actor in ext.actors:
            self.add_actor(actor)
        for rel in ext.relations:
            self.add_relation(rel)
        self._resolution.reapply(self, {a.id for a in ext.actors})
        return status, new_id

    def _free_id(self, doc: Document) -> str:
        if doc.id not in self.documents:
            return doc.id
        parent = Path(doc.path.rsplit(":", 1)[0] if doc.path.count(":") else doc.path).parent.name
        for candidate in (f"{_slug(parent)}--{doc.id}" if parent else None, f"{doc.id}--{doc.sha256[:12]}"):
            if candidate and candidate not in self.documents:
                return candidate
        n = 2
        while f"{doc.id}--{doc.sha256[:12]}-{n}" in self.documents:
            n += 1
        return f"{doc.id}--{doc.sha256[:12]}-{n}"

    def add_extraction(self, ext: Extraction) -> bool:
        """Merge one document (see :meth:`merge_extraction`); False if its content was already stored."""
        return self.merge_extraction(ext)[0] != "unchanged"

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
            if actor.codes:
                a["codes"] = sorted(set(a.get("codes", [])) | set(actor.codes))
        else:
            g.add_node(
                actor.id,
                name=actor.name,
                kind=actor.kind,
                aliases=sorted(set(actor.aliases) - {actor.name}),
                documents=sorted(set(actor.documents)),
                codes=sorted(set(actor.codes)),
            )

    def add_relation(self, rel: Relation) -> None:
        g = self.graph
        for end in (rel.source, rel.target):
            if end not in g:
                raise StoreError(f"relation {rel.source} -{rel.type}-> {rel.target}: unknown actor {end!r}")
        u, v = rel.source, rel.target
        if rel.type in self._symmetric and not g.has_edge(u, v, rel.type) and g.has_edge(v, u, rel.type):
            # One edge per symmetric pair, pointing the way its first evidence (by document and
            # offset) states it: the same whatever order documents are merged in.
            stored = g.edges[v, u, rel.type]
            first_stored = min((evidence_key(e) for e in stored["evidence"]), default=None)
            first_new = min((e.key for e in rel.evidence), default=None)
            if first_new is not None and (first_stored is None or first_new < first_stored):
                g.remove_edge(v, u, rel.type)
                g.add_edge(u, v, key=rel.type, **stored)
            else:
                u, v = v, u
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
        self._identity_key = None
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


def _updatable(path: str) -> bool:
    """Can a new version of the document at ``path`` replace the stored one? Files yes; stdin and JSONL lines no."""
    if not path or path == "-":
        return False
    head, _, tail = path.rpartition(":")
    return not (tail.isdigit() and head.lower().endswith(".jsonl"))


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")


def _renamed(ext: Extraction, new_id: str) -> Extraction:
    """``ext`` with its document stored as ``new_id``: the document, its actors' lists and its evidence."""
    old = ext.document.id
    actors = [a.model_copy(update={"documents": [new_id if d == old else d for d in a.documents]}) for a in ext.actors]
    relations = [r.model_copy(update={"evidence": [e.model_copy(update={"doc": new_id}) if e.doc == old else e
                                                   for e in r.evidence]}) for r in ext.relations]
    return Extraction(document=ext.document.model_copy(update={"id": new_id}), actors=actors, relations=relations)


class _Table:
    """Distinct values stored once; a column refers to them by index.

    >>> t = _Table(); t.codes(["state", "state"])
    [0, 0]
    >>> t.distinct(["gdelt:1", "gdelt:2", "state2"])  # all new: the next codes, not indexed yet
    [1, 2, 3]
    >>> t.codes(["gdelt:2", "x", "state2"]), t.distinct(["y", "state"]), t.values
    ([2, 4, 3], [5, 0], ['state', 'gdelt:1', 'gdelt:2', 'state2', 'x', 'y'])
    """

    def __init__(self) -> None:
        self.values: list[Any] = []
        self._index: dict[Any, int] = {}
        # Strings that distinct() put in the table but not in the index: (first code, the strings, their lengths).
        self._unindexed: list[tuple[int, list[str], set[int]]] = []

    def distinct(self, column: list[Any], like: list[Any] | None = None) -> list[int]:
        """:meth:`codes` of a column whose values are all different (an import's document ids): when
        none is in the table yet they take the next codes in order, with no look-up per value, and
        are not indexed (a million of them) until a later column could hold one (see :meth:`_claim`).
        ``like``: a list holding the column's values and maybe more (in an order cheaper to read),
        from which their types and lengths are taken."""
        if self._unindexed:
            self._index_all()
        sample = column if like is None else like
        strings = bool(column) and set(map(type, sample)) == {str}
        lengths = set(map(len, sample)) if strings else set()
        if strings:
            # Not in the table yet? Only its strings of a length found here can be; few are looked for
            # (no hash of a million document ids), else the column is checked against the whole index.
            maybe = [v for v in self._index if isinstance(v, str) and len(v) in lengths]
            fresh = not any(map(column.__contains__, maybe)) if len(maybe) <= 16 else self._index.keys().isdisjoint(column)
        else:
            fresh = self._index.keys().isdisjoint(column)
        if fresh:
            start = len(self.values)
            self.values.extend(column)
            if strings:
                self._unindexed.append((start, column, lengths))
            else:
                self._index.update(zip(column, range(start, start + len(column)), strict=True))
            return list(range(start, start + len(column)))
        return self.codes(column)

    def _index_all(self) -> None:
        for start, column, _lengths in self._unindexed:
            self._index.update(zip(column, range(start, start + len(column)), strict=True))
        self._unindexed = []

    def _claim(self, fresh: list[Any]) -> None:
        """Index those of ``fresh`` (values not in the index) that distinct() already put in the table:
        only strings of a length found there are looked for, and past a few, everything is indexed."""
        for start, column, lengths in self._unindexed:
            maybe = [v for v in fresh if isinstance(v, str) and len(v) in lengths]
            if len(maybe) > 16:
                self._index_all()
                return
            for v in maybe:
                try:
                    self._index[v] = start + column.index(v)
                except ValueError:
                    continue

    def codes(self, column: Iterable[Any]) -> list[int]:
        index, values = self._index, self.values
        column = column if isinstance(column, list) else list(column)
        # New values in order of first appearance, then one look-up per value: loops in C, not Python.
        fresh = [v for v in dict.fromkeys(column) if v not in index]
        if fresh and self._unindexed:
            self._claim(fresh)
            fresh = [v for v in fresh if v not in index]
        index.update(zip(fresh, range(len(values), len(values) + len(fresh)), strict=True))
        values.extend(fresh)
        return list(map(index.__getitem__, column))


def file_stamp(file: Path) -> list[int]:
    """Identity of a store file as saved: a new save (a new file renamed into place) changes it."""
    st = file.stat()
    return [st.st_ino, st.st_size, st.st_mtime_ns]


@contextlib.contextmanager
def pause_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: building millions of containers otherwise triggers
    full collections that cost more than the work itself (3–4× on a 1M-relation store)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def add_later_fields(evidence: list[dict[str, Any]], columns: dict[str, list[Any]], strings: list[Any]) -> None:
    """Set the fields of :data:`LATER_EVIDENCE_FIELDS` on evidence read from columns: from the file, or
    the defaults for a file written before they existed."""
    n = len(evidence)
    background = columns.get("background") or [False] * n
    since = columns.get("since")
    since_values = [strings[c] for c in since] if since else [None] * n
    prov = columns.get("provenance")
    prov_values = [strings[c] for c in prov] if prov else [TEXT] * n
    urls = columns.get("url") or [None] * n
    if any(len(c) != n for c in (background, since_values, prov_values, urls)):
        raise ValueError("evidence columns differ in length")
    for e, b, s, p, u in zip(evidence, background, since_values, prov_values, urls, strict=True):
        e["background"] = bool(b)
        e["since"] = s
        e["provenance"] = p
        e["url"] = u


def _evidence_dict(ev: Evidence) -> dict[str, Any]:
    return ev.model_dump(mode="json")


class StoreReader(GraphReader):
    """The :class:`~graph.reader.GraphReader` of a store's networkx graph (``GraphStore.graph``), with
    evidence or opened without it (then each relation's summary is the one the topology file kept).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", name="A", kind="state"); g.add_node("b", name="B", kind="person")
    >>> _ = g.add_edge("b", "a", key="LEADS", type="LEADS", evidence=[{"doc": "d", "start": 0, "end": 1}])
    >>> r = StoreReader(g)
    >>> r.relations(), r.hops("a", direction="in"), r.document_dates()
    ([('b', 'a', 'LEADS')], [('b', 'LEADS', 'b', 'a')], {'d': None})
    """

    def __init__(self, g: nx.MultiDiGraph, documents: Mapping[str, str | None] | None = None) -> None:
        self.g = g
        self._documents = documents
        self._symmetric = load_taxonomy().symmetric

    def __contains__(self, actor: object) -> bool:
        return actor in self.g

    def number_of_nodes(self) -> int:
        return self.g.number_of_nodes()

    def number_of_edges(self) -> int:
        return self.g.number_of_edges()

    def actor_ids(self) -> list[str]:
        return sorted(self.g.nodes)

    def actors(self, kinds: Collection[str] | None = None) -> list[ActorSummary]:
        nodes = self.g.nodes
        return [ActorSummary(n, a.get("name", n), a.get("kind", ""), sorted(a.get("aliases", [])),
                             len(a.get("documents", [])))
                for n in sorted(nodes) for a in (nodes[n],) if not kinds or a.get("kind") in kinds]

    def row(self, actor: str) -> dict[str, str]:
        a = self.g.nodes[actor]
        return {"id": actor, "name": a.get("name", actor), "kind": a.get("kind", "")}

    def relations(self, types: Collection[str] | None = None, actor: str | None = None) -> list[Rel]:
        wanted = set(types) if types else None
        if actor is None:
            edges: Iterable[tuple[str, str, str]] = self.g.edges(keys=True)
        else:
            edges = {*self.g.out_edges(actor, keys=True), *self.g.in_edges(actor, keys=True)}
        out = [(u, v, k) for u, v, k in edges if wanted is None or k in wanted]
        out.sort(key=lambda e: (e[0], e[2], e[1]))
        return out

    def summary(self, u: str, v: str, k: str) -> EdgeSummary:
        a = self.g.edges[u, v, k]
        ev = a.get("evidence")
        if ev is None:  # opened without evidence: the summary the topology file kept (no last date)
            provenance = a.get("provenance") or TEXT
            return EdgeSummary(a.get("date"), None, a.get("confidence", 0.0), tuple(provenance.split(";")),
                               a.get("evidence_count", 0))
        return edge_summary(ev)

    def evidence(self, u: str, v: str, k: str) -> list[dict[str, Any]]:
        return sorted(self.g.edges[u, v, k].get("evidence", []), key=evidence_key)

    def document_dates(self) -> Mapping[str, str | None]:
        if self._documents is not None:
            return self._documents
        return {e["doc"]: None for _u, _v, ev in self.g.edges(data="evidence") for e in (ev or [])}

    def hops(self, actor: str, types: Collection[str] | None = None, direction: str = "out") -> list[Hop]:
        check_direction(direction)
        wanted, sym = (set(types) if types else None), self._symmetric
        out: list[Hop] = []
        for v, keys in self.g._adj[actor].items():
            for k in keys:
                if (wanted is None or k in wanted) and (direction != "in" or k in sym):
                    out.append((v, k, actor, v))
        for u, keys in self.g._pred[actor].items():
            for k in keys:
                if (wanted is None or k in wanted) and (direction != "out" or k in sym):
                    out.append((u, k, u, actor))
        return out

    def edges_between(self, a: str, b: str) -> list[Rel]:
        return [(u, v, k) for u, v in dict.fromkeys([(a, b), (b, a)]) for k in (self.g.get_edge_data(u, v) or {})]

    def degree(self, types: Collection[str] | None = None) -> dict[str, int]:
        if not types:
            return dict(self.g.degree())
        return GraphReader.degree(self, types)

    def pairs(self, types: Collection[str] | None = None, directed: bool = True) -> tuple[list[str], list[tuple[int, int]]]:
        # Straight from the adjacency, one entry per linked (u, v): 1.6-2.8x faster than the default (100k relations).
        wanted, sym = (set(types) if types else None), self._symmetric
        names = sorted(self.g.nodes)
        index = {x: i for i, x in enumerate(names)}
        n = len(names)
        seen: set[int] = set()
        for u, nbrs in self.g._adj.items():
            iu = index[u]
            for v, keys in nbrs.items():
                if u == v:
                    continue
                ks = keys if wanted is None else [k for k in keys if k in wanted]
                if not ks:
                    continue
                iv = index[v]
                if not directed:
                    seen.add(iu * n + iv if iu < iv else iv * n + iu)
                    continue
                seen.add(iu * n + iv)
                if any(k in sym for k in ks):
                    seen.add(iv * n + iu)
        return names, [divmod(c, n) for c in sorted(seen)]

    def linked_pairs(self) -> int:
        return sum(map(len, self.g._adj.values()))

    def evidence_total(self) -> int:
        return sum(len(ev) if ev is not None else a.get("evidence_count", 0)
                   for _u, _v, a in self.g.edges(data=True) for ev in (a.get("evidence"),))

    def kind_counts(self) -> dict[str, int]:
        return dict(Counter(k for _n, k in self.g.nodes(data="kind")))

    def type_counts(self) -> dict[str, int]:
        return dict(Counter(k for _u, _v, k in self.g.edges(keys=True)))


def _edge_items(g: nx.MultiDiGraph) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(source, target, type, attributes) of every edge, from networkx's own dicts (its edge views
    cost more than the rest of a save on a million-relation store)."""
    return [(u, v, k, a) for u, nbrs in g._adj.items() for v, keydict in nbrs.items() for k, a in keydict.items()]


def _edge_order(edges: list[Any], index: dict[str, int]) -> list[int]:
    """The positions of ``edges`` ((source, target, type, ...) each) ordered by (source, type, target),
    ``index`` ranking the actor ids in string order: one int key per edge instead of a tuple of three
    strings (half the time on 300,000 relations; the same order, since no two edges share all three).

    >>> _edge_order([("b", "a", "X", {}), ("a", "b", "Y", {}), ("a", "c", "X", {})], {"a": 0, "b": 1, "c": 2})
    [2, 1, 0]
    """
    rank = {t: i for i, t in enumerate(sorted(set(map(itemgetter(2), edges))))}
    m, n = len(rank), len(index)
    keys = [(index[e[0]] * m + rank[e[2]]) * n + index[e[1]] for e in edges]
    return sorted(range(len(edges)), key=keys.__getitem__)


class ChunkedColumn:
    """A string column of an :class:`EvidenceBlock` held as pyarrow string arrays (an import's evidence
    texts and URLs: a million of them), so that no Python string is made per row until the save
    writes them, a piece at a time; gathered into relation order by pyarrow (:meth:`take`).
    Reading a row (``col[i]``) makes the whole column a list once (a block meeting stored evidence).
    """

    def __init__(self, chunks: list[Any]) -> None:
        self.chunks = [c for c in chunks if len(c)]
        self._list: list[Any] | None = None

    def __len__(self) -> int:
        return sum(map(len, self.chunks))

    def __getitem__(self, i: int) -> Any:
        if self._list is None:
            self._list = self.to_list()
        return self._list[i]

    def to_list(self) -> list[Any]:
        return [v for c in self.chunks for v in c.to_pylist()]

    def lists(self, size: int) -> Iterator[list[Any]]:
        """The column's values as lists of at most ``size``, in order (none empty)."""
        for c in self.chunks:
            for start in range(0, len(c), size):
                yield c.slice(start, size).to_pylist()

    def take(self, rows: Any) -> ChunkedColumn:
        """The values of ``rows`` (a numpy array of row numbers), in that order."""
        # lazy: pyarrow only for a block that holds its columns as arrays (a GDELT import: loaded already)
        import pyarrow as pa

        if not self.chunks:
            return ChunkedColumn([])
        if len(self.chunks) > 1:
            # One array in place of the pieces (the same values; the pieces are freed): pyarrow's take
            # would otherwise join them into a temporary copy.
            if sum(c.nbytes for c in self.chunks) > 1 << 30:  # past 2 GiB a string array's offsets overflow
                self.chunks = [c.cast(pa.large_string()) for c in self.chunks]
            self.chunks = [pa.concat_arrays(self.chunks)]
            pa.default_memory_pool().release_unused()  # the pieces' memory back to the system before the take
        return ChunkedColumn([self.chunks[0].take(pa.array(rows))])


class EvidenceBlock:
    """Evidence of many relations as columns, one row per evidence: what an import of millions of
    coded events hands the store, so that no dict per evidence is built before :meth:`GraphStore.save`.

    ``columns`` maps evidence fields to one value per row, ``constants`` the fields equal on every
    row (every field of :data:`EVIDENCE_FIELDS` is in one of them); ``edges`` maps each relation
    ``(source, target, type)`` to its rows in evidence order (by document, start, end).
    """

    def __init__(self, columns: dict[str, list[Any]], constants: dict[str, Any],
                 edges: dict[tuple[str, str, str], list[int]]) -> None:
        missing = [f for f in EVIDENCE_FIELDS if f not in columns and f not in constants]
        if missing:
            raise ValueError(f"evidence block: no column for {', '.join(missing)}")
        self.columns, self.constants, self.edges = columns, constants, edges
        self._date = columns.get("date")
        self.unique_docs = False  # True when the importer knows no two rows share a document
        # Columns also given as codes: field -> (numpy array of a code per row, the value of each code);
        # the save then codes them with no per-row string work, and sums dates up with numpy.
        self.coded: dict[str, tuple[Any, list[Any]]] = {}
        # confidence and provenance of any relation's rows, when both are constants
        self._fixed = ((constants["confidence"], constants["provenance"] or TEXT)
                       if "confidence" in constants and "provenance" in constants else None)

    def row(self, i: int) -> dict[str, Any]:
        """Row ``i`` as an evidence dict."""
        return {f: self.columns[f][i] if f in self.columns else self.constants[f] for f in EVIDENCE_FIELDS}

    def summary(self, rows: list[int]) -> tuple[str | None, str | None, float, str]:
        """(first date, last date, highest confidence, provenances ';'-joined) of a relation's ``rows``."""
        col = self._date
        if col is None:
            first = last = self.constants["date"] or None
        elif len(rows) == 1:
            first = last = col[rows[0]] or None
        else:
            ds = [d for d in map(col.__getitem__, rows) if d]
            first, last = (min(ds), max(ds)) if ds else (None, None)
        if self._fixed is not None:
            return first, last, self._fixed[0], self._fixed[1]
        return first, last, self.confidence(rows), ";".join(sorted(self.provenances(rows)))

    def summaries(self, row_lists: list[list[int]], flat: Any = None) -> tuple[list[Any], list[Any], list[Any], list[Any]]:
        """:meth:`summary` of each of ``row_lists`` as four columns (first dates, last dates,
        confidences, provenances).

        >>> b = EvidenceBlock({f: [None] * 3 for f in EVIDENCE_FIELDS if f not in ("confidence", "provenance")},
        ...                   {"confidence": 0.5, "provenance": "gdelt"}, {})
        >>> b.columns["date"][:] = ["2026-02-01", None, "2026-01-05"]; b._date = b.columns["date"]
        >>> b.summaries([[0, 1, 2], [1], [0]])
        (['2026-01-05', None, '2026-02-01'], ['2026-02-01', None, '2026-02-01'], [0.5, 0.5, 0.5], ['gdelt', 'gdelt', 'gdelt'])
        """
        col, n = self._date, len(row_lists)
        if self._fixed is not None and "date" in self.coded and row_lists and all(row_lists):
            firsts, lasts = _date_spans(row_lists, *self.coded["date"], flat=flat)
            return firsts, lasts, [self._fixed[0]] * n, [self._fixed[1]] * n
        if self._fixed is None or col is None:
            out = list(map(self.summary, row_lists))
            return ([s[0] for s in out], [s[1] for s in out], [s[2] for s in out], [s[3] for s in out])
        # One loop, no call per relation: most have a single row (one event), whose date is both ends.
        firsts: list[Any] = []
        lasts: list[Any] = []
        for rows in row_lists:
            if len(rows) == 1:
                d = col[rows[0]] or None
                firsts.append(d)
                lasts.append(d)
            else:
                ds = [d for d in map(col.__getitem__, rows) if d]
                firsts.append(min(ds) if ds else None)
                lasts.append(max(ds) if ds else None)
        return firsts, lasts, [self._fixed[0]] * n, [self._fixed[1]] * n

    def confidence(self, rows: list[int]) -> float:
        if "confidence" in self.columns:
            return max(map(self.columns["confidence"].__getitem__, rows), default=0.0)
        return self.constants["confidence"] if rows else 0.0

    def provenances(self, rows: list[int]) -> set[str]:
        if "provenance" in self.columns:
            return {p or TEXT for p in map(self.columns["provenance"].__getitem__, rows)}
        return {self.constants["provenance"] or TEXT} if rows else set()


def _row_array(rows: list[int]) -> Any:
    """``rows`` as a numpy array of indices."""
    # lazy: numpy only for a block that holds coded columns (a GDELT import: numpy is loaded already)
    import numpy as np

    return np.fromiter(rows, dtype=np.intp, count=len(rows))


def _date_spans(row_lists: list[list[int]], codes: Any, values: list[Any], flat: Any = None
                ) -> tuple[list[Any], list[Any]]:
    """The first and last date (None: no date) of each of ``row_lists`` (none empty), from a coded date
    column (see :attr:`EvidenceBlock.coded`): ranks of the dates in string order, reduced per list by
    numpy. ``flat``: the lists' rows one after the other as a numpy array, if the caller has it."""
    # lazy: numpy only for a block that holds coded columns (a GDELT import: numpy is loaded already)
    import numpy as np

    dated = sorted((i for i, v in enumerate(values) if v), key=values.__getitem__)
    rank = np.full(len(values), len(dated), dtype=np.int64)  # no date: past the last rank
    rank[dated] = np.arange(len(dated))
    by_rank = np.array([*(values[i] for i in dated), None], dtype=object)
    if flat is None:
        flat = np.fromiter(chain.from_iterable(row_lists), dtype=np.intp, count=sum(map(len, row_lists)))
    starts = np.zeros(len(row_lists), dtype=np.intp)
    np.cumsum(np.fromiter(map(len, row_lists[:-1]), dtype=np.intp, count=len(row_lists) - 1), out=starts[1:])
    ranks = rank[codes[flat]]
    firsts = np.minimum.reduceat(ranks, starts)
    # the last date: the highest rank among dated rows (undated ones count as -1 here)
    lasts = np.maximum.reduceat(np.where(ranks == len(dated), -1, ranks), starts)
    lasts[lasts < 0] = len(dated)
    return by_rank[firsts].tolist(), by_rank[lasts].tolist()


def _coded_column(order: Any, codes: Any, values: list[Any], strings: _Table) -> list[int]:
    """``strings.codes`` of a block column given as ``codes`` (a numpy array, one code per row) into
    ``values``, over the rows ``order``: the values enter the table in order of first appearance,
    as ``strings.codes`` of the gathered strings would put them, with no string per row."""
    # lazy: numpy only for a block that holds coded columns (a GDELT import: numpy is loaded already)
    import numpy as np

    if not len(order):
        return []
    row_codes = codes[order if isinstance(order, np.ndarray) else _row_array(order)]
    first = np.full(len(values), len(order), dtype=np.int64)
    np.minimum.at(first, row_codes, np.arange(len(order)))  # each code's first row (no sort of a million)
    seen = np.flatnonzero(first < len(order))
    appearing = seen[np.argsort(first[seen], kind="stable")]
    # An object array: each row gets the table's own int object (a million new ints would cost 28 MB).
    lut = np.empty(len(values), dtype=object)
    lut[appearing] = strings.codes([values[c] for c in appearing.tolist()])
    return lut[row_codes].tolist()


def _evidence_columns(order: list[Any], rows_only: EvidenceBlock | None, block: EvidenceBlock | None,
                      skip: Collection[str] = (), flat: Any = None) -> dict[str, Any]:
    """One list per evidence field over ``order`` (evidence dicts, or rows of ``block``);
    ``rows_only`` is the block when ``order`` holds no dict (``flat``: its rows as numpy, if made).
    Fields in ``skip`` are left out; a :class:`ChunkedColumn` of the block is gathered as one."""
    cols: dict[str, Any] = {}
    gather = itemgetter(*order) if rows_only is not None and len(order) > 1 else None
    for f in EVIDENCE_FIELDS:
        if f in skip:
            continue
        default = EVIDENCE_DEFAULTS.get(f)
        if block is None:
            cols[f] = [e.get(f, default) for e in order]
        elif f in block.columns:
            col = block.columns[f]
            if rows_only is None:
                cols[f] = [e.get(f, default) if e.__class__ is dict else col[e] for e in order]
            elif isinstance(col, ChunkedColumn):  # gathered by pyarrow; written a piece at a time
                if flat is None:
                    flat = _row_array(order)
                cols[f] = col.take(flat)
            else:
                cols[f] = list(gather(col)) if gather is not None else [col[e] for e in order]
        else:
            value = block.constants[f]
            cols[f] = [value] * len(order) if rows_only is not None else [
                e.get(f, default) if e.__class__ is dict else value for e in order]
    return cols
