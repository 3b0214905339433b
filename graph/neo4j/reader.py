"""Rebuild the local networkx store from Neo4j (the inverse of :mod:`graph.neo4j.writer`).

local → Neo4j → local gives the same ``export json``, byte for byte.

>>> store = read_store(driver, "neo4j", "actorgraph-data")  # doctest: +SKIP
>>> store.save()  # doctest: +SKIP
"""

from __future__ import annotations

import os

import neo4j

from graph.model import EVIDENCE_DEFAULTS, EVIDENCE_FIELDS, LATER_EVIDENCE_FIELDS, TEXT, Document
from graph.store import GraphStore
from graph.taxonomy import load_taxonomy

_DOCUMENTS = "MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.path AS path, d.url AS url, d.date AS date, d.sha256 AS sha256"
_ACTORS = ("MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases, "
           "a.documents AS documents, a.codes AS codes")
_RELATIONS = (
    "MATCH (s:Actor)-[r]->(t:Actor) WHERE type(r) IN $types "
    "RETURN s.id AS source, type(r) AS type, t.id AS target, "
    + ", ".join(f"r.ev_{f} AS ev_{f}" for f in EVIDENCE_FIELDS)
)


def read_store(driver: neo4j.Driver, database: str = "neo4j", path: str | os.PathLike[str] | None = None) -> GraphStore:
    """A :class:`GraphStore` (at ``path``, not saved) holding the graph stored in ``database``.

    Only relationship types of the taxonomy are read; MENTIONS is implied by the actors' documents.
    """
    store = GraphStore(path)
    g = store.graph
    types = sorted(load_taxonomy().relation_types)
    # Missing optional properties (url, date) are expected, not worth a server warning.
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS, notifications_min_severity="OFF") as s:
        for r in s.run(_DOCUMENTS):
            store.documents[r["id"]] = Document(**{k: v for k, v in r.data().items() if v is not None})
        for r in s.run(_ACTORS):
            g.add_node(r["id"], name=r["name"], kind=r["kind"], aliases=sorted(r["aliases"] or []),
                       documents=sorted(r["documents"] or []), codes=sorted(r["codes"] or []))
        for r in s.run(_RELATIONS, types=types):
            columns = [r[f"ev_{f}"] or [] for f in EVIDENCE_FIELDS]
            n = len(columns[0])
            # Fields added later (background, since, provenance, url) are missing on relations written
            # before them: a relation from before provenance was kept holds text evidence.
            columns = [c if c or f not in LATER_EVIDENCE_FIELDS else [EVIDENCE_DEFAULTS[f]] * n
                       for f, c in zip(EVIDENCE_FIELDS, columns, strict=True)]
            evidence = [dict(zip(EVIDENCE_FIELDS, values, strict=True)) for values in zip(*columns, strict=True)]
            for e in evidence:
                e["date"] = e["date"] or None  # stored as "" because lists cannot hold nulls
                e["since"] = e["since"] or None
                e["url"] = e["url"] or None
                e["provenance"] = e["provenance"] or TEXT
            g.add_edge(r["source"], r["target"], key=r["type"], type=r["type"], evidence=evidence)
        found = s.run("MATCH (r:Resolution {id: 'store'}) RETURN r.yaml AS yaml, r.undo AS undo").single()
    # The actor decisions (graph.resolution), for the caller to write beside the store it saves.
    store.resolution_state = {"yaml": found["yaml"], "undo": found["undo"]} if found and found["yaml"] else None
    return store
