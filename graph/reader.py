"""One read interface for the actor graph: what analysis and listings read, whatever holds the graph.

Two backends implement :class:`GraphReader`: :class:`graph.store.StoreReader` (the in-memory store's
networkx graph, with or without evidence) and :class:`graph.topology.Topology` (the columns of the
topology file). :mod:`graph.analysis` is written once against this protocol.

A backend implements the core reads (actors, relations by type, a relation's summary and evidence,
the hops that leave an actor). The whole-graph reads below them have default implementations in
terms of the core, written here once; a backend overrides one when it has a faster way to the same
answer (Topology: numpy over its columns), and the parity tests hold the two to the same answers.

>>> class Tiny(GraphReader):
...     def __init__(self): self.rels = [("a", "b", "MEETS")]
...     def __contains__(self, x): return x in ("a", "b")
...     def actor_ids(self): return ["a", "b"]
...     def actors(self, kinds=None): return [ActorSummary(n, n.upper(), "state", [], 1) for n in "ab"]
...     def row(self, n): return {"id": n, "name": n.upper(), "kind": "state"}
...     def relations(self, types=None, actor=None): return list(self.rels)
...     def summary(self, u, v, k): return edge_summary([])
...     def evidence(self, u, v, k): return []
...     def document_dates(self): return {}
>>> t = Tiny()
>>> t.pairs(directed=True), t.degree(), t.hops("b")
((['a', 'b'], [(0, 1), (1, 0)]), {'a': 1, 'b': 1}, [('a', 'MEETS', 'a', 'b')])
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Collection, Mapping
from typing import Any, NamedTuple, Protocol

from graph.model import EdgeSummary, edge_summary
from graph.taxonomy import load_taxonomy

Rel = tuple[str, str, str]  # (source, target, type): one stored relation
Hop = tuple[str, str, str, str]  # (next actor, type, source, target): one step along a relation
DIRECTIONS = ("out", "in", "both")


class ActorSummary(NamedTuple):
    """One actor as listings show it."""

    id: str
    name: str
    kind: str
    aliases: list[str]
    documents: int  # documents that mention it


def check_direction(direction: str) -> str:
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}; choose out, in or both")
    return direction


def _wanted(types: Collection[str] | None) -> frozenset[str] | None:
    return frozenset(types) if types else None


class GraphReader(Protocol):
    """Read access to an actor graph. Actor ids sort as strings; relations come in the store's order
    (by source, type, target); ``types`` is a collection of relation type names (None or empty: all),
    already checked against the taxonomy by the caller."""

    # -- the core: every backend implements these -------------------------------------------

    def __contains__(self, actor: object) -> bool: ...

    def actor_ids(self) -> list[str]:
        """Every actor id, sorted."""
        ...

    def actors(self, kinds: Collection[str] | None = None) -> list[ActorSummary]:
        """Actors of ``kinds`` (all when None), sorted by id."""
        ...

    def row(self, actor: str) -> dict[str, str]:
        """``{"id", "name", "kind"}`` of one actor."""
        ...

    def relations(self, types: Collection[str] | None = None, actor: str | None = None) -> list[Rel]:
        """The relations of ``types`` that ``actor`` takes part in (any when None), by source, type, target."""
        ...

    def summary(self, u: str, v: str, k: str) -> EdgeSummary:
        """What the evidence of relation ``u -k-> v`` adds up to (see :func:`graph.model.edge_summary`)."""
        ...

    def evidence(self, u: str, v: str, k: str) -> list[dict[str, Any]]:
        """The evidence of relation ``u -k-> v``, in :func:`graph.model.evidence_key` order."""
        ...

    def document_dates(self) -> Mapping[str, str | None]:
        """Document id -> its date, of the documents behind the graph."""
        ...

    # -- whole-graph reads: defaults in terms of the core ---------------------------------------

    def number_of_nodes(self) -> int:
        return len(self.actor_ids())

    def number_of_edges(self) -> int:
        return len(self.relations())

    def hops(self, actor: str, types: Collection[str] | None = None, direction: str = "out") -> list[Hop]:
        """The hops that leave ``actor`` (its neighbours): along relations (``out``), against them
        (``in``) or both; symmetric types are always followed both ways."""
        check_direction(direction)
        symmetric = load_taxonomy().symmetric
        out: list[Hop] = []
        for u, v, k in self.relations(types, actor):
            both = direction == "both" or k in symmetric
            if u == actor and (both or direction == "out"):
                out.append((v, k, u, v))
            if v == actor and (both or direction == "in"):
                out.append((u, k, u, v))
        return out

    def relation_summaries(self, types: Collection[str] | None = None,
                           actor: str | None = None) -> list[tuple[Rel, EdgeSummary]]:
        """:meth:`relations` with the :meth:`summary` of each."""
        return [(rel, self.summary(*rel)) for rel in self.relations(types, actor)]

    def edges_between(self, a: str, b: str) -> list[Rel]:
        """The relations between ``a`` and ``b``, either way."""
        return [(u, v, k) for u, v, k in self.relations(None, a) if {u, v} == {a, b}]

    def degree(self, types: Collection[str] | None = None) -> dict[str, int]:
        """Relations (of ``types``) each actor takes part in, as source or target."""
        out = dict.fromkeys(self.actor_ids(), 0)
        for u, v, _k in self.relations(types):
            out[u] += 1
            out[v] += 1
        return out

    def pairs(self, types: Collection[str] | None = None, directed: bool = True) -> tuple[list[str], list[tuple[int, int]]]:
        """The simple actor graph as sorted ids and sorted ``(i, j)`` index pairs: directed, ``i -> j``
        when a relation goes i -> j (symmetric types both ways); undirected, ``i < j``. No self-pairs."""
        names = self.actor_ids()
        index = {n: i for i, n in enumerate(names)}
        symmetric = load_taxonomy().symmetric
        seen: set[tuple[int, int]] = set()
        for u, v, k in self.relations(types):
            if u == v:
                continue
            iu, iv = index[u], index[v]
            if not directed:
                seen.add((iu, iv) if iu < iv else (iv, iu))
                continue
            seen.add((iu, iv))
            if k in symmetric:
                seen.add((iv, iu))
        return names, sorted(seen)

    def weighted_pairs(self, types: Collection[str] | None = None) -> tuple[list[str], list[tuple[int, int]], list[int]]:
        """The undirected actor graph as sorted ids, sorted ``(i, j)`` pairs (``i <= j``, self-pairs
        included) and the number of relations between the two."""
        names = self.actor_ids()
        index = {n: i for i, n in enumerate(names)}
        weight: Counter[tuple[int, int]] = Counter()
        for u, v, _k in self.relations(types):
            iu, iv = index[u], index[v]
            weight[(iu, iv) if iu <= iv else (iv, iu)] += 1
        pairs = sorted(weight)
        return names, pairs, [weight[p] for p in pairs]

    def distances_to(self, target: str, types: Collection[str] | None = None, direction: str = "out") -> dict[str, int]:
        """Hops from each actor that can reach ``target`` along :meth:`hops` (breadth-first, backwards)."""
        back = {"out": "in", "in": "out", "both": "both"}[check_direction(direction)]
        dist = {target: 0}
        queue = deque([target])
        while queue:
            x = queue.popleft()
            for y, *_ in self.hops(x, types, back):
                if y not in dist:
                    dist[y] = dist[x] + 1
                    queue.append(y)
        return dist

    def weak_components(self) -> list[int]:
        """Sizes of the weakly connected components, largest first."""
        names, pairs = self.pairs(directed=False)
        parent = list(range(len(names)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for a, b in pairs:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
        return sorted(Counter(find(i) for i in range(len(names))).values(), reverse=True)

    def linked_pairs(self) -> int:
        """Distinct (source, target) pairs with a relation, self-relations included (for the density)."""
        return len({(u, v) for u, v, _k in self.relations()})

    def evidence_total(self) -> int:
        """Evidence sentences over every relation."""
        return sum(self.summary(u, v, k).count for u, v, k in self.relations())

    def date_range(self) -> tuple[str | None, str | None]:
        """The first and last evidence dates of the graph."""
        summaries = [self.summary(u, v, k) for u, v, k in self.relations()]
        firsts = [s.date for s in summaries if s.date]
        lasts = [s.last for s in summaries if s.last]
        return (min(firsts) if firsts else None, max(lasts) if lasts else None)

    def kind_counts(self) -> dict[str, int]:
        return dict(Counter(a.kind for a in self.actors()))

    def type_counts(self) -> dict[str, int]:
        return dict(Counter(k for _u, _v, k in self.relations()))


__all__ = ["DIRECTIONS", "ActorSummary", "EdgeSummary", "GraphReader", "Hop", "Rel", "check_direction", "edge_summary"]
