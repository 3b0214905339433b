"""Run every benchmark and print one table: ``python -m benchmarks.run [--quick]``.

Each figure is compared with a baseline measured in the same run on the same data:

- ingest: ``ingest_paths(..., processes=2)`` (load, parse, extract, merge, save) against bare
  ``nlp.pipe`` with 2 processes over the same texts, and against a naive loop (one document at
  a time, one process, ``Extractor.extract`` then merge and save);
- store: save/load time, peak RSS and bytes per relation of the columnar store file against
  the node-link JSON file (and code) it replaced;
- analysis: ``graph.fastgraph`` (igraph) against networkx on the same graph, plus "cold"
  reports (a fresh process: start, load the store, compute, print) as a CLI pays them;
- CLI reports: ``actorgraph centrality|stats|neighbours|path --store ...`` in fresh processes, against
  the previous code path (networkx views, normal interpreter exit) in fresh processes;
- HTML views: ``benchmarks/views.py``, time to first render in headless Chromium of a 600- and a
  5,000-actor view against the example articles' view (``--only views``);
- duplicates: ``graph.duplicates.find_duplicates`` (blocking) on the full actor count against
  comparing every pair of a 5,000-actor sample, scaled by the number of pairs;
- events: ``actorgraph import gdelt`` of synthetic GDELT 2.0 rows (read, map, resolve, merge, save)
  against reading the same file with the ``csv`` module alone (goal: within 3× of it), with the
  peak RSS of each (``--only events``; not part of the default run);
- Neo4j writes: ``benchmarks/neo4j_write.py`` (batched writer vs one transaction per relation) against
  the server that NEO4J_URI / NEO4J_PASSWORD name, else a throwaway server it starts (Java 17, Maven);
- cluster: ``ingest --cluster local:2`` (Dask, started once) against ``-j 2`` on the same documents,
  taking turns; the two stores are compared;
- bulk: ``push --bulk`` (neo4j-admin import) against the batched writer on the same store
  (``benchmarks/neo4j_bulk.py``, always on a throwaway server: the import restarts it).

Full size: 1,000 documents; 100,000 actors / 1,000,000 relations. ``--quick``: 100 documents;
10,000 actors / 100,000 relations. Results go to ``benchmarks/results/<when>-<size>.json``.
Heavy steps run in child processes so that each peak RSS is its own.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
PY = sys.executable

SIZES = {
    "full": {"docs": 1000, "naive_docs": 300, "actors": 100_000, "relations": 1_000_000, "nx_k": 16, "k": 256, "pairs": 20,
             "dense": [200_000, 4_900_000], "events": 1_000_000},
    "quick": {"docs": 100, "naive_docs": 60, "actors": 10_000, "relations": 100_000, "nx_k": 16, "k": 256, "pairs": 20,
              "dense": [200_000], "events": 100_000},
}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _timed(fn, *args, **kwargs) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - t, out


# -- children (each runs in its own process) ----------------------------------------------------


def child_ingest(corpus: str, store: str, naive_docs: int, rounds: int = 4) -> dict[str, Any]:
    # The three ways take turns on slices of the corpus, so that all see the same machine load
    # (the benchmark machine is shared; load that changes between runs would skew the ratios).
    import orjson

    from actorgraph.ingest import ingest_paths
    from extraction.extractor import Extractor
    from extraction.nlp import load_nlp
    from graph.model import Document
    from graph.store import GraphStore

    lines = Path(corpus).read_bytes().splitlines()
    rows = [orjson.loads(line) for line in lines]
    nlp = load_nlp()
    ex = Extractor()
    list(nlp.pipe([r["text"] for r in rows[:4]]))  # warm up the model once for everyone
    t = {"bare": 0.0, "ingest": 0.0, "naive": 0.0}
    w = {"all": 0, "naive": 0}
    per = -(-len(rows) // rounds)
    naive_per = -(-naive_docs // rounds)
    relations = actors = 0
    naive_store = GraphStore.open(Path(store + "-naive"), create=True)
    for r in range(rounds):
        part, part_lines = rows[r * per:(r + 1) * per], lines[r * per:(r + 1) * per]
        texts = [d["text"] for d in part]
        w["all"] += sum(len(x.split()) for x in texts)
        path = Path(corpus).with_name(f"round-{r}.jsonl")
        path.write_bytes(b"\n".join(part_lines) + b"\n")
        secs, _ = _timed(lambda texts=texts: sum(1 for _ in nlp.pipe(texts, batch_size=16, n_process=2)))
        t["bare"] += secs
        secs, report = _timed(ingest_paths, [path], GraphStore.open(store, create=True), processes=2, progress=False)
        t["ingest"] += secs
        relations, actors = report.relations, report.actors

        def naive(part=part) -> None:  # the loop the pipeline replaces: one document at a time, one process
            with naive_store.locked():
                for d in part[:naive_per]:
                    naive_store.add_extraction(ex.extract(Document(id=d["id"], text=d["text"], date=d.get("date"),
                                                                   title=d.get("title", ""))))

        w["naive"] += sum(len(d["text"].split()) for d in part[:naive_per])
        secs, _ = _timed(naive)
        t["naive"] += secs
    return {
        "documents": len(rows), "words": w["all"], "relations": relations, "actors": actors, "rounds": rounds,
        "ingest_j2_wps": w["all"] / t["ingest"], "bare_pipe_j2_wps": w["all"] / t["bare"],
        "naive_j1_wps": w["naive"] / t["naive"], "naive_documents": naive_per * rounds,
        "ingest_s": t["ingest"], "bare_pipe_j2_s": t["bare"], "naive_s": t["naive"],
    }


def child_dense(size: int, what: str) -> dict[str, Any]:
    """One dense document of ``size`` characters (benchmarks.generate.dense_document): ``spacy`` parses
    its pieces with bare ``nlp.pipe`` (the baseline), ``ingest`` runs ``ingest_paths`` on it."""
    from actorgraph.ingest import DEFAULT_CHUNK_CHARS, split_text
    from benchmarks.generate import dense_document

    text = dense_document(size)
    work = Path(tempfile.mkdtemp(prefix="actorgraph-dense-"))

    def cpu() -> float:  # this process's CPU seconds: a fair clock on a shared, loaded machine
        r = resource.getrusage(resource.RUSAGE_SELF)
        return r.ru_utime + r.ru_stime

    try:
        if what == "spacy":
            from extraction.nlp import load_nlp

            nlp = load_nlp()
            list(nlp.pipe(["Warm up."]))
            rss0 = _rss_mb()
            t, c = time.perf_counter(), cpu()
            for _ in nlp.pipe([p for _, p in split_text(text, DEFAULT_CHUNK_CHARS)], batch_size=1):
                pass
            return {"s": time.perf_counter() - t, "cpu_s": cpu() - c, "rss_mb": _rss_mb(), "rss_before_mb": rss0}
        from actorgraph.ingest import ingest_paths
        from extraction.extractor import Extractor
        from graph.store import GraphStore

        (work / "dense.txt").write_text(text, encoding="utf-8")
        Extractor()  # load the model before the clock starts, as for spaCy alone
        rss0 = _rss_mb()
        t, c = time.perf_counter(), cpu()
        rep = ingest_paths([work / "dense.txt"], GraphStore(work / "store"), progress=False)
        return {"s": time.perf_counter() - t, "cpu_s": cpu() - c, "rss_mb": _rss_mb(), "rss_before_mb": rss0,
                "relations": rep.relations, "actors": rep.actors}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _dense(sizes: list[int]) -> dict[str, Any]:
    """Dense documents: ingest time against spaCy alone parsing the same pieces, each in its own process."""
    out = {}
    for size in sizes:
        print(f"dense: {size:,} characters …", file=sys.stderr)
        out[str(size)] = {"spacy": _child("dense", size, "spacy"), "ingest": _child("dense", size, "ingest")}
    return out


def _dense_rows(d: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    rows = []
    for size, r in d.items():
        sp, ing = r["spacy"], r["ingest"]
        # CPU seconds, not wall time: on a shared machine the two processes may get very different shares.
        rows.append((f"dense document {int(size) / 1e6:g} MB on one line: ingest CPU time (peak RSS)",
                     f"{ing['cpu_s']:.1f} s ({ing['rss_mb']:.0f} MB)",
                     f"spaCy alone {sp['cpu_s']:.1f} s ({sp['rss_mb']:.0f} MB)", f"{ing['cpu_s'] / sp['cpu_s']:.2f}× spaCy"))
    return rows


def child_cluster(corpus: str, store: str, rounds: int = 4) -> dict[str, Any]:
    # Dask local:2 against -j 2 on the same documents, taking turns on slices (the machine is shared).
    # The cluster is started once (its start-up is reported apart): a cluster outlives one ingest.
    import logging

    from distributed import Client, LocalCluster

    from actorgraph.cluster import ingest_cluster
    from actorgraph.ingest import ingest_paths
    from extraction.extractor import Extractor
    from graph.store import GraphStore

    lines = Path(corpus).read_bytes().splitlines()
    Extractor()  # -j 2 forks workers from a loaded pipeline: load it once before timing, as the cluster does
    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(cluster)
    warm = Path(corpus).with_name("warm.jsonl")
    warm.write_bytes(b"\n".join(lines[:4]) + b"\n")
    ingest_cluster([warm], GraphStore(Path(store + "-warm")), client=client)  # loads the pipeline on each worker
    startup = time.perf_counter() - t0
    t = {"j2": 0.0, "cluster": 0.0}
    words = 0
    per = -(-len(lines) // rounds)
    try:
        for r in range(rounds):
            part = lines[r * per:(r + 1) * per]
            path = Path(corpus).with_name(f"cluster-round-{r}.jsonl")
            path.write_bytes(b"\n".join(part) + b"\n")
            words += sum(len(json.loads(x)["text"].split()) for x in part)
            secs, _ = _timed(ingest_paths, [path], GraphStore.open(store + "-j2", create=True), processes=2, progress=False)
            t["j2"] += secs
            secs, _ = _timed(ingest_cluster, [path], GraphStore.open(store + "-cluster", create=True), client=client)
            t["cluster"] += secs
    finally:
        client.close()
        cluster.close()
    same = GraphStore.open(store + "-j2").to_dict() == GraphStore.open(store + "-cluster").to_dict()
    return {"documents": len(lines), "words": words, "rounds": rounds, "j2_wps": words / t["j2"],
            "cluster_local2_wps": words / t["cluster"], "j2_s": t["j2"], "cluster_s": t["cluster"],
            "cluster_startup_s": startup, "same_store": same}


def _legacy_to_dict(store) -> dict[str, Any]:
    # GraphStore.to_dict and save() as they were before the columnar format (GC running).
    g = store.graph
    nodes = [store._node_dict(n) for n in sorted(g.nodes)]
    edges = sorted((store._edge_dict(u, v, k) for u, v, k in g.edges(keys=True)),
                   key=lambda e: (e["source"], e["type"], e["target"]))
    docs = [store.documents[d].model_dump(mode="json") for d in sorted(store.documents)]
    return {"format": "actorgraph-store", "version": 1, "documents": docs, "nodes": nodes, "edges": edges}


def child_make_store(path: str, legacy_path: str, actors: int, relations: int) -> dict[str, Any]:
    import orjson

    from benchmarks.generate import actor_graph

    gen, store = _timed(actor_graph, path, actors, relations, seed=0)
    save, _ = _timed(store.save)

    def legacy_save() -> None:
        Path(legacy_path).mkdir(parents=True, exist_ok=True)
        (Path(legacy_path) / "graph.json").write_bytes(orjson.dumps(_legacy_to_dict(store), option=orjson.OPT_SORT_KEYS))

    old, _ = _timed(legacy_save)
    evidence = sum(len(a["evidence"]) for *_, a in store.graph.edges(keys=True, data=True))
    return {"generate_s": gen, "save_s": save, "legacy_save_s": old, "evidence": evidence,
            "bytes": store.file.stat().st_size, "legacy_bytes": (Path(legacy_path) / "graph.json").stat().st_size}


def child_load(path: str, legacy: bool) -> dict[str, Any]:
    import networkx as nx
    import orjson

    from graph.store import GraphStore

    if legacy:  # the old reload: node-link JSON, add_node/add_edge, GC running
        def load():
            st = GraphStore(path)
            data = orjson.loads(st.file.read_bytes())
            st.graph = nx.MultiDiGraph()
            st._from_node_link(data)
            return st
    else:
        def load():
            return GraphStore.open(path)
    secs, st = _timed(load)
    return {"load_s": secs, "rss_mb": _rss_mb(), "relations": st.graph.number_of_edges()}


def child_analysis(path: str, k: int, nx_k: int, pairs: int) -> dict[str, Any]:
    import networkx as nx

    from graph import fastgraph as fg
    from graph.analysis.centrality import degree
    from graph.analysis.views import view_pairs
    from graph.store import GraphStore
    from graph.topology import Topology

    out: dict[str, Any] = {}
    out["load_s"], store = _timed(GraphStore.open, path)
    g = store.graph
    gc.freeze()  # the loaded graph is permanent: keep the collector from rescanning it
    # The analysis' path: the simple actor graph as index pairs, then igraph (one copy per view).
    out["convert_s"], directed = _timed(lambda: fg.from_pairs(*view_pairs(g, directed=True)))
    undirected = fg.from_pairs(*view_pairs(g, directed=False), directed=False)
    dview = nx.DiGraph()
    dview.add_nodes_from(directed.names)
    dview.add_edges_from((directed.names[i], directed.names[j]) for i, j in directed.graph.get_edgelist())
    uview = nx.Graph()
    uview.add_nodes_from(undirected.names)
    uview.add_edges_from((undirected.names[i], undirected.names[j]) for i, j in undirected.graph.get_edgelist())
    out["fast_pagerank_s"], pr = _timed(fg.pagerank, directed)
    out["nx_pagerank_s"], pr_nx = _timed(nx.pagerank, dview)
    out["pagerank_max_abs_diff"] = max(abs(pr[n] - pr_nx[n]) for n in g)
    topo = Topology.open(path)
    out["fast_degree_s"], _ = _timed(degree, topo)  # as `actorgraph centrality` computes it
    out["nx_degree_s"], _ = _timed(lambda: dict(g.degree()))
    out[f"fast_betweenness_k{k}_s"], _ = _timed(fg.betweenness, undirected, k=k, seed=0)
    out[f"fast_betweenness_k{nx_k}_s"], b_fast = _timed(fg.betweenness, undirected, k=nx_k, seed=0)
    out[f"nx_betweenness_k{nx_k}_s"], b_nx = _timed(nx.betweenness_centrality, uview, k=nx_k, seed=0)
    out["betweenness_max_abs_diff"] = max(abs(b_fast[n] - b_nx[n]) for n in g)
    # (Shortest paths and 2-hop neighbourhoods are the CLI rows: fastgraph's copies of networkx's
    # searches, measured here until they were removed as unused, compared networkx with itself.)
    out["per_query"] = pairs
    out["rss_mb"] = _rss_mb()
    return out


def child_report(path: str, what: str, k: int) -> dict[str, Any]:
    # A report as a CLI command runs it, in a fresh process: load the store, compute, print the top 10.
    from graph.analysis import centrality
    from graph.topology import Topology

    rows = centrality(Topology.open(path), what, top=10, sample=k, processes=1)
    for r in rows:
        print(r["id"], r["score"], file=sys.stderr)
    return {}


def child_old_report(path: str, what: str, k: int) -> dict[str, Any]:
    # The previous CLI's code path, as a baseline for `actorgraph centrality/stats`: networkx views
    # copied before igraph, one process, and the normal interpreter exit that frees every object.
    import networkx as nx

    from graph import fastgraph as fg
    from graph.analysis import communities as analysis_communities
    from graph.analysis.views import directed_view, undirected_view
    from graph.store import GraphStore

    store = GraphStore.open(path)
    g = store.graph
    if what == "communities":  # networkx's Louvain, as the previous CLI ran it
        print(len(analysis_communities(g, engine="networkx")), file=sys.stderr)
        return {}
    if what in ("neighbours", "path", "timeline"):  # the same library functions, on the networkx graph
        from graph import analysis

        a, b = "actor-000010", "actor-000020"
        if what == "neighbours":
            rows = analysis.neighbours(g, a, depth=2)
        elif what == "path":
            rows = [analysis.shortest_path(g, a, b, undirected=True)]
        else:
            rows = analysis.timeline(g, a, _dyad_partner(g, a), {d: doc.date for d, doc in store.documents.items()})
        print(len(rows), file=sys.stderr)
        return {}
    if what == "stats":
        evidence = [e for _u, _v, ev in g.edges(data="evidence") for e in (ev or [])]
        comps = sorted((len(c) for c in nx.weakly_connected_components(g)), reverse=True)
        print(len(evidence), comps[0], nx.density(nx.DiGraph(g)), file=sys.stderr)
        return {}
    if what == "pagerank":
        d = directed_view(g)
        names = list(d)
        index = {n: i for i, n in enumerate(names)}
        scores = fg.pagerank(fg.from_pairs(names, [(index[u], index[v]) for u, v in d.edges()]))
    elif what == "degree":
        scores = {n: 0 for n in g}
        for u, v in g.edges():
            scores[u] += 1
            scores[v] += 1
    else:  # the previous CLI computed it exactly (hours at this size); here with the same pivots as today's
        u = undirected_view(g)
        names = list(u)
        index = {n: i for i, n in enumerate(names)}
        scores = fg.betweenness(fg.from_pairs(names, [(index[a], index[b]) for a, b in u.edges()], directed=False),
                                k=k, seed=0)
    for n in sorted(scores, key=lambda n: (-round(scores[n], 9), n))[:10]:
        print(n, g.nodes[n]["name"], scores[n], file=sys.stderr)
    return {}


def _dyad_partner(g: Any, a: str) -> str:
    """The actor with the most relations to ``a`` (a timeline with rows), smallest id on ties."""
    counts: dict[str, int] = {}
    for _u, v in g.out_edges(a):
        counts[v] = counts.get(v, 0) + 1
    for u, _v in g.in_edges(a):
        counts[u] = counts.get(u, 0) + 1
    return min(counts, key=lambda n: (-counts[n], n))


def child_views() -> dict[str, Any]:
    from benchmarks.views import child_views as run  # selenium and Chromium only when asked for

    return run()


def _actor_names(n: int, seed: int = 0) -> list[tuple[str, str]]:
    """``n`` (name, kind) pairs built from syllables, a few of them spelling variants of another."""
    rng = random.Random(seed)
    syl = ["ka", "ro", "mi", "ta", "sen", "bul", "dor", "fa", "li", "no", "var", "gu", "ze", "pol", "han", "ri",
           "mas", "te", "lo", "bek", "sa", "din", "qu", "el", "vi", "ran", "to", "mu", "shi", "ad"]
    kinds = ["person", "person", "person", "state", "government_body", "igo", "ngo", "armed_group", "company",
             "media", "other_org"]

    def word() -> str:
        return "".join(rng.choice(syl) for _ in range(rng.randint(2, 3))).capitalize()

    out: list[tuple[str, str]] = []
    while len(out) < n:
        if out and rng.random() < 0.02:  # a planted variant: one letter changed in a known name
            name, kind = rng.choice(out)
            i = rng.randrange(len(name))
            out.append((name[:i] + rng.choice("aeiouqk") + name[i + 1:], kind))
            continue
        kind = rng.choice(kinds)
        words = rng.randint(2, 4) if kind != "state" else 1
        out.append((" ".join(word() for _ in range(words)), kind))
    return out


def child_duplicates(actors: int, sample: int) -> dict[str, Any]:
    """``find_duplicates`` (blocking) on ``actors`` actors against comparing all pairs of a ``sample``."""
    import networkx as nx

    from graph.duplicates import all_pairs, find_duplicates

    def graph(names: list[tuple[str, str]]) -> Any:
        g = nx.MultiDiGraph()
        for i, (name, kind) in enumerate(names):
            g.add_node(f"a{i}", name=name, kind=kind, aliases=[], documents=[f"d{i % 5000}"])
        rng = random.Random(1)
        for _ in range(len(names) * 3):
            g.add_edge(f"a{rng.randrange(len(names))}", f"a{rng.randrange(len(names))}", key="MEETS")
        return g

    names = _actor_names(actors)
    big, small = graph(names), graph(names[:sample])
    # CPU seconds beside wall seconds: on a shared machine the wall clock measures the neighbours too.
    c0 = time.process_time()
    t_blocked, found = _timed(find_duplicates, big)
    c1 = time.process_time()
    t_sample, base = _timed(all_pairs, small)
    c2 = time.process_time()
    scale = (actors * (actors - 1)) / (sample * (sample - 1))
    return {"actors": actors, "pairs_found": len(found), "blocked_s": t_blocked, "all_pairs_sample": sample,
            "all_pairs_sample_s": t_sample, "all_pairs_scaled_s": t_sample * scale, "all_pairs_sample_found": len(base),
            "blocked_cpu_s": c1 - c0, "all_pairs_sample_cpu_s": c2 - c1, "all_pairs_scaled_cpu_s": (c2 - c1) * scale}


CHILDREN = {"ingest": child_ingest, "cluster": child_cluster, "make_store": child_make_store, "load": child_load,
            "analysis": child_analysis, "report": child_report, "old_report": child_old_report,
            "views": child_views, "dense": child_dense, "duplicates": child_duplicates}


LOAD: list[tuple[str, float]] = []  # 1-minute load average after each step: the machine is shared


def _child(name: str, *args: Any) -> dict[str, Any]:
    t = time.perf_counter()
    proc = subprocess.run([PY, "-m", "benchmarks.run", "--child", name, json.dumps(args)], cwd=ROOT,
                          capture_output=True, text=True)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark step {name} failed:\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_wall_s"] = wall
    LOAD.append((name, os.getloadavg()[0]))
    return out


def write_gdelt(path: str, rows: int, seed: int = 0) -> dict[str, Any]:
    """``rows`` synthetic GDELT 2.0 event rows (61 tab-separated columns): states and their
    governments as actors, CAMEO codes of every root (some unmapped), a URL per event."""
    import yaml

    from loaders.events import COUNTRIES_FILE

    rnd = random.Random(seed)
    countries = sorted((yaml.safe_load(COUNTRIES_FILE.read_text(encoding="utf-8")) or {})["countries"])
    codes = ["010", "020", "036", "042", "043", "046", "051", "057", "061", "071", "0874", "090", "111", "112",
             "120", "130", "138", "141", "150", "163", "172", "173", "181", "190", "193", "200"]
    roles = ["", "GOV", "MIL"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for i in range(rows):
            a, b = rnd.sample(countries, 2)
            ra, rb, code = rnd.choice(roles), rnd.choice(roles), rnd.choice(codes)
            day = f"2026{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"
            row = [""] * 61
            row[0], row[1], row[2], row[3], row[4] = str(1_300_000_000 + i), day, day[:6], day[:4], day[:4] + ".5"
            row[5], row[6], row[7], row[12] = a + ra, f"COUNTRY {a}", a, ra
            row[15], row[16], row[17], row[22] = b + rb, f"COUNTRY {b}", b, rb
            row[25], row[26], row[27], row[28], row[29], row[30] = "1", code, code[:3], code[:2], "3", "-4.0"
            row[31], row[32], row[33], row[34] = str(rnd.randint(1, 40)), "1", "2", "-2.5"
            row[59], row[60] = day + "120000", f"https://news.example.org/{day}/story-{i}"
            fh.write("\t".join(row) + "\n")
    return {"rows": rows, "bytes": os.path.getsize(path)}


def child_events_csv(path: str) -> dict[str, Any]:
    import csv

    t, cpu = time.perf_counter(), time.process_time()
    n = 0
    with open(path, encoding="utf-8", newline="") as fh:
        for _row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            n += 1
    return {"rows": n, "s": time.perf_counter() - t, "cpu_s": time.process_time() - cpu, "rss_mb": _rss_mb()}


def child_events_import(path: str, store: str) -> dict[str, Any]:
    from graph.store import GraphStore
    from loaders.events import ImportOptions, import_events

    t, cpu = time.perf_counter(), time.process_time()
    rep = import_events("gdelt", [Path(path)], GraphStore(store), ImportOptions(progress=False))
    return {"rows": rep.rows, "events": rep.events, "unmapped": sum(rep.unmapped.values()), "relations": rep.relations,
            "s": time.perf_counter() - t, "cpu_s": time.process_time() - cpu, "read_s": rep.seconds["read"],
            "save_s": rep.seconds["save"], "rss_mb": _rss_mb()}


CHILDREN.update(events_csv=child_events_csv, events_import=child_events_import)


def _events(work: Path, rows: int) -> dict[str, Any]:
    f = work / "events.CSV"
    print(f"events: writing {rows:,} synthetic GDELT rows …", file=sys.stderr)
    made = write_gdelt(str(f), rows)
    base = _child("events_csv", str(f))
    imp = _child("events_import", str(f), str(work / "events-store"))
    # CPU seconds too: on the shared machine the wall clock mostly measures the other processes' load.
    return {"file_bytes": made["bytes"], "csv": base, "import": imp, "ratio": imp["s"] / base["s"],
            "cpu_ratio": imp["cpu_s"] / base["cpu_s"]}


def _events_rows(ev: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    i, c = ev["import"], ev["csv"]
    return [(f"import gdelt, {i['rows']:,} rows ({i['events']:,} events, {i['relations']:,} relations, saved)",
             f"{i['rows'] / i['s']:,.0f} rows/s, peak RSS {i['rss_mb']:,.0f} MB",
             f"csv module alone {c['rows'] / c['s']:,.0f} rows/s, peak RSS {c['rss_mb']:,.0f} MB",
             f"{ev['ratio']:.2f}× the csv time, CPU {ev['cpu_ratio']:.2f}× (goal ≤ 3×)")]


# -- optional parts ------------------------------------------------------------------------------


CLI_REPORTS = {  # label: (actorgraph arguments, baseline for the previous code path or None)
    "centrality --measure pagerank": (["centrality", "--measure", "pagerank"], "pagerank"),
    "centrality --measure betweenness (256 pivots)": (["centrality", "--measure", "betweenness"], "betweenness"),
    "centrality (degree)": (["centrality"], "degree"),
    "stats": (["stats"], "stats"),
    "neighbours --depth 2": (["neighbours", "actor-000010", "--depth", "2"], "neighbours"),
    "path": (["path", "actor-000010", "actor-000020", "--undirected"], "path"),
    "timeline": (["timeline", "actor-000010", "{partner}"], "timeline"),
    "communities": (["communities"], "communities"),
    "actors (every actor)": (["actors"], None),
    "relations --type SANCTIONS": (["relations", "--type", "SANCTIONS"], None),
}


def _cli_reports(store: str, k: int) -> dict[str, Any]:
    """Each report as a user runs it: `actorgraph ...` in a fresh process (start, load the store,
    compute, print, exit), against the previous code path in a fresh process, taking turns."""
    exe = Path(PY).with_name("actorgraph")
    out: dict[str, Any] = {}
    partner = None
    for label, (args, old) in CLI_REPORTS.items():
        if "{partner}" in args:
            if partner is None:
                from graph.topology import Topology

                partner = _dyad_partner(Topology.open(store).to_networkx(), "actor-000010")
            args = [partner if x == "{partner}" else x for x in args]
        t = time.perf_counter()
        proc = subprocess.run([str(exe), *args, "--store", store], capture_output=True, text=True, cwd=ROOT)
        row: dict[str, Any] = {"s": time.perf_counter() - t, "ok": proc.returncode == 0,
                               "error": proc.stderr.strip().splitlines()[-1:] if proc.returncode else []}
        if old:
            row["previous_s"] = _child("old_report", store, old, k)["process_wall_s"]
        out[label] = row
    return out


def _neo4j(work: Path) -> dict[str, Any]:
    """benchmarks/neo4j_write.py against the server in NEO4J_URI, else a throwaway one that it starts
    (scripts/neo4j.sh: needs Java 17 and Maven)."""
    uri = os.environ.get("NEO4J_URI")
    if uri:
        if not os.environ.get("NEO4J_PASSWORD"):
            return {"skipped": "NEO4J_URI is set but NEO4J_PASSWORD is not"}
        u = urlparse(uri)
        try:
            socket.create_connection((u.hostname or "localhost", u.port or 7687), timeout=3).close()
        except OSError:
            return {"skipped": f"no Neo4j server at {u.hostname}:{u.port or 7687}"}
    elif not (shutil.which("java") and shutil.which("mvn")):
        return {"skipped": "no NEO4J_URI, and Java 17 and Maven are needed to start a throwaway server"}
    print("neo4j: batched writer vs one transaction per relation …", file=sys.stderr)
    out = work / "neo4j_write.json"
    proc = subprocess.run([PY, "-m", "benchmarks.neo4j_write", "--out", str(out)], capture_output=True, text=True,
                          cwd=ROOT, timeout=1800)
    if proc.returncode != 0 or not out.exists():
        return {"failed": (proc.stderr.strip().splitlines() or ["no output"])[-1]}
    return json.loads(out.read_text())


# -- the table -----------------------------------------------------------------------------------


def _table(r: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    i, s, a = r["ingest"], r["store"], r["analysis"]
    rows = [
        ("ingest -j2 (whole pipeline)", f"{i['ingest_j2_wps']:,.0f} words/s", f"bare nlp.pipe -j2 {i['bare_pipe_j2_wps']:,.0f}",
         f"{i['ingest_j2_wps'] / i['bare_pipe_j2_wps']:.2f}×"),
        ("ingest -j2 vs naive loop", f"{i['ingest_j2_wps']:,.0f} words/s", f"naive -j1 {i['naive_j1_wps']:,.0f}",
         f"{i['ingest_j2_wps'] / i['naive_j1_wps']:.2f}×"),
        ("store save", f"{s['save_s']:.1f} s", f"node-link {s['legacy_save_s']:.1f} s", f"{s['legacy_save_s'] / s['save_s']:.1f}× faster"),
        ("store load", f"{s['load_s']:.1f} s", f"node-link {s['legacy_load_s']:.1f} s", f"{s['legacy_load_s'] / s['load_s']:.1f}× faster"),
        ("store load peak RSS", f"{s['rss_mb']:,.0f} MB", f"node-link {s['legacy_rss_mb']:,.0f} MB",
         f"{s['rss_mb'] / s['legacy_rss_mb']:.2f}×"),
        ("store bytes/relation", f"{s['bytes'] / s['relations']:.0f}", f"node-link {s['legacy_bytes'] / s['relations']:.0f}",
         f"{s['bytes'] / s['legacy_bytes']:.2f}×"),
        ("igraph conversion (once per graph)", f"{a['convert_s']:.2f} s", "", ""),
    ]
    k, nk = r["params"]["k"], r["params"]["nx_k"]
    for label, fast, base in (("pagerank", "fast_pagerank_s", "nx_pagerank_s"), ("degree", "fast_degree_s", "nx_degree_s"),
                              (f"betweenness k={nk}", f"fast_betweenness_k{nk}_s", f"nx_betweenness_k{nk}_s")):
        rows.append((label, f"{a[fast]:.3f} s", f"networkx {a[base]:.3f} s", f"{a[base] / a[fast]:.1f}× faster"))
    est = a[f"nx_betweenness_k{nk}_s"] * k / nk
    rows.append((f"betweenness k={k}", f"{a[f'fast_betweenness_k{k}_s']:.2f} s", f"networkx ≈{est:.0f} s (k={nk} × {k // nk})",
                 f"≈{est / a[f'fast_betweenness_k{k}_s']:.0f}× faster"))
    for name, rep in r["reports"].items():
        rows.append((f"library report in a fresh process: {name}", f"{rep['process_wall_s']:.1f} s", "", ""))
    for name, rep in r["cli"].items():
        if not rep["ok"]:
            rows.append((f"actorgraph {name}", f"failed: {rep['error']}", "", ""))
        elif "previous_s" in rep:
            rows.append((f"actorgraph {name}", f"{rep['s']:.1f} s", f"previous code path {rep['previous_s']:.1f} s",
                         f"{rep['previous_s'] / rep['s']:.1f}× faster"))
        else:
            rows.append((f"actorgraph {name}", f"{rep['s']:.1f} s", "", ""))
    return rows


def _neo4j_rows(n4: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    if "batched_rel_per_s" not in n4:
        return [("neo4j writes", "skipped: " + n4.get("skipped", n4.get("failed", "?")), "", "")]
    passes = n4.get("batched_passes_rel_per_s", [])
    label = f"batched, {n4.get('workers', 1)} sessions" + (f", median of {len(passes)}" if len(passes) > 1 else "")
    rows = [(f"neo4j writes, {n4['relations']:,} relations ({label})", f"{n4['batched_rel_per_s']:,} rel/s",
             f"one transaction each {n4['baseline_rel_per_s']:,} rel/s", f"{n4['ratio']:.1f}×")]
    if "write_store_rel_per_s" in n4:
        rows.append(("neo4j write_store (+ actors, mentions)", f"{n4['write_store_rel_per_s']:,} rel/s", "", ""))
    if "cold_rel_per_s" in n4:
        rows.append(("neo4j first write on a fresh server (cold JVM)", f"{n4['cold_rel_per_s']:,} rel/s",
                     f"warm-up passes {', '.join(f'{r:,}' for r in n4['warmup_rel_per_s'])}", ""))
    return rows


def _duplicates_rows(d: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    return [(f"duplicates, {d['actors']:,} actors (blocking)", f"{d['blocked_s']:.1f} s ({d['blocked_cpu_s']:.1f} s CPU)",
             f"all pairs ≈{d['all_pairs_scaled_s']:.0f} s ({d['all_pairs_sample']:,} sample, scaled)",
             f"{d['all_pairs_scaled_s'] / d['blocked_s']:.0f}× faster")]


def _bulk(work: Path, actors: int, relations: int) -> dict[str, Any]:
    """benchmarks/neo4j_bulk.py: push --bulk vs the batched writer on a throwaway server (Java 17, Maven or the cached jars)."""
    if not shutil.which("java"):
        return {"skipped": "Java 17 is needed to start a throwaway Neo4j server"}
    print(f"bulk: push --bulk vs the batched writer, {relations:,} relations …", file=sys.stderr)
    out = work / "neo4j_bulk.json"
    proc = subprocess.run([PY, "-m", "benchmarks.neo4j_bulk", "--actors", str(actors), "--relations", str(relations),
                           "--out", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=5400)
    LOAD.append(("bulk", os.getloadavg()[0]))
    if proc.returncode != 0 or not out.exists():
        return {"failed": (proc.stderr.strip().splitlines() or ["no output"])[-1]}
    return json.loads(out.read_text())


def _scale_rows(r: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    rows = []
    c = r.get("cluster")
    if c and "cluster_local2_wps" in c:
        rows.append((f"ingest on Dask local:2 ({c['documents']:,} documents{'' if c['same_store'] else ', STORES DIFFER'})",
                     f"{c['cluster_local2_wps']:,.0f} words/s", f"-j 2 {c['j2_wps']:,.0f}",
                     f"{c['cluster_local2_wps'] / c['j2_wps']:.2f}×"))
        rows.append(("Dask local:2 start-up (cluster + pipelines, once)", f"{c['cluster_startup_s']:.1f} s", "", ""))
    elif c:
        rows.append(("ingest on Dask local:2", "failed: " + c.get("failed", "?"), "", ""))
    b = r.get("bulk")
    if b and "bulk_rel_per_s" in b:
        rows.append((f"push --bulk, {b['relations']:,} relations (end to end: CSV, stop, import, start, schema)",
                     f"{b['bulk_rel_per_s']:,} rel/s", f"batched writer {b['writer_rel_per_s']:,} rel/s",
                     f"{b['bulk_rel_per_s'] / b['writer_rel_per_s']:.1f}×"))
        rows.append(("push --bulk: the import tool alone", f"{b['import_tool_rel_per_s']:,} rel/s",
                     f"batched writer {b['writer_rel_per_s']:,} rel/s", f"{b['import_tool_rel_per_s'] / b['writer_rel_per_s']:.1f}×"))
        sec = b.get("bulk_seconds", {})
        if "csv_and_stop" in sec:  # the phases: the server stops while the CSV is written
            rows.append(("push --bulk: CSV (server stopping meanwhile) | import | start | lists + schema",
                         " | ".join(f"{sec[k]:.1f} s" for k in ("csv", "import", "start", "lists_and_schema")),
                         f"writer {b['writer_s']:.1f} s", ""))
    elif b:
        rows.append(("push --bulk", "skipped/failed: " + b.get("skipped", b.get("failed", "?")), "", ""))
    return rows


def _print(rows: list[tuple[str, str, str, str]], r: dict[str, Any]) -> None:
    p = r["params"]
    print(f"\nactorgraph benchmarks ({r['size']}: {p['docs']} documents; {p['actors']:,} actors / {p['relations']:,} relations; "
          f"{os.cpu_count()} cores)")
    loads = [x for _, x in r["machine"]["load_avg_1min_after_steps"]] or [0.0]
    print(f"machine load (1-min average, sampled after each step): {min(loads):.1f}–{max(loads):.1f}\n")
    widths = [max(len(row[c]) for row in [("benchmark", "result", "baseline (same run)", "ratio"), *rows]) for c in range(4)]
    for row in [("benchmark", "result", "baseline (same run)", "ratio"), tuple("-" * w for w in widths), *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def _view_rows(v: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    from benchmarks.views import rows  # selenium: only when the views part ran

    return rows(v)


PARTS = ["ingest", "store", "analysis", "views", "neo4j", "dense", "duplicates", "cluster", "bulk", "events"]
# The parts a run without --only leaves out (events writes and imports a million-row file of its own).
ON_REQUEST = {"events"}
# The parts printed as rows of their own after the main table (ingest, store and analysis make that table).
EXTRA_ROWS: dict[str, Any] = {"views": _view_rows, "neo4j": _neo4j_rows, "dense": _dense_rows,
                              "duplicates": _duplicates_rows, "cluster": lambda c: _scale_rows({"cluster": c}),
                              "bulk": lambda b: _scale_rows({"bulk": b}), "events": _events_rows}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, for development (about 2 minutes)")
    ap.add_argument("--only", choices=PARTS, action="append",
                    help="run only these parts (dense: 200 KB and 4.9 MB one-line documents, also in the full run; "
                         "events runs only when asked for)")
    ap.add_argument("--dense-sizes", type=lambda v: [int(x) for x in v.split(",")], default=None,
                    help="characters of the dense documents (default 200000,4900000; --quick: 200000)")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    ns = ap.parse_args(argv)
    if ns.child:
        out = CHILDREN[ns.child[0]](*json.loads(ns.child[1]))
        print(json.dumps(out))
        return
    size = "quick" if ns.quick else "full"
    p = SIZES[size]
    only = set(ns.only or [p for p in PARTS if p not in ON_REQUEST])
    work = Path(tempfile.mkdtemp(prefix="actorgraph-bench-"))
    r: dict[str, Any] = {"size": size, "params": p, "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
                         "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_avg_at_start": os.getloadavg()}}
    t0 = time.perf_counter()
    try:
        if "ingest" in only:
            from benchmarks.generate import write_corpus

            corpus = write_corpus(work / "corpus.jsonl", p["docs"], seed=0)
            print(f"ingest: {p['docs']} documents …", file=sys.stderr)
            r["ingest"] = _child("ingest", str(corpus), str(work / "ingest-store"), p["naive_docs"])
        store, legacy = work / "store", work / "legacy-store"
        if only & {"store", "analysis"}:
            print(f"store: generating {p['actors']:,} actors / {p['relations']:,} relations …", file=sys.stderr)
            made = _child("make_store", str(store), str(legacy), p["actors"], p["relations"])
            new, old = _child("load", str(store), False), _child("load", str(legacy), True)
            r["store"] = made | {"relations": new["relations"], "load_s": new["load_s"], "rss_mb": new["rss_mb"],
                                 "legacy_load_s": old["load_s"], "legacy_rss_mb": old["rss_mb"]}
            shutil.rmtree(legacy, ignore_errors=True)
        if "analysis" in only:
            print("analysis: networkx and igraph …", file=sys.stderr)
            r["analysis"] = _child("analysis", str(store), p["k"], p["nx_k"], p["pairs"])
            r["reports"] = {"pagerank": _child("report", str(store), "pagerank", p["k"]),
                            f"betweenness k={p['k']}": _child("report", str(store), "betweenness", p["k"])}
            r["cli"] = _cli_reports(str(store), p["k"])
        if "views" in only:
            print("views: HTML in headless Chromium …", file=sys.stderr)
            r["views"] = _child("views")
        if "neo4j" in only:
            r["neo4j"] = _neo4j(work)
        if "dense" in only:
            r["dense"] = _dense(ns.dense_sizes or p["dense"])
        if "duplicates" in only:
            print(f"duplicates: {p['actors']:,} actors …", file=sys.stderr)
            r["duplicates"] = _child("duplicates", p["actors"], 5000 if size == "full" else 2000)
        if "cluster" in only:
            corpus = work / "corpus.jsonl"
            if not corpus.exists():
                from benchmarks.generate import write_corpus

                write_corpus(corpus, p["docs"], seed=0)
            print(f"cluster: Dask local:2 vs -j 2, {p['docs']} documents …", file=sys.stderr)
            try:
                r["cluster"] = _child("cluster", str(corpus), str(work / "cluster-store"))
            except RuntimeError as exc:
                r["cluster"] = {"failed": str(exc).splitlines()[-1]}
        if "bulk" in only:
            r["bulk"] = _bulk(work, p["actors"], p["relations"])
        if "events" in only:
            r["events"] = _events(work, p["events"])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    r["total_s"] = time.perf_counter() - t0
    r["machine"]["load_avg_1min_after_steps"] = LOAD
    r["machine"]["load_avg_at_end"] = os.getloadavg()
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{time.strftime('%Y%m%d-%H%M%S')}-{size}.json"
    out.write_text(json.dumps(r, indent=1) + "\n")
    rows = _table(r) if {"ingest", "store", "analysis"} <= only else []
    for part in PARTS:
        if part in EXTRA_ROWS and part in only and part in r:
            rows += EXTRA_ROWS[part](r[part])
    if rows:
        _print(rows, r)
    else:
        print(json.dumps({k: v for k, v in r.items() if k in only}, indent=1))
    print(f"\n{r['total_s']:.0f} s in all; results in {out.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
