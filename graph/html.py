"""Self-contained, offline, XSS-safe HTML network views of the graph (vis-network via pyvis).

The page is one file: the vis-network script and stylesheet that pyvis ships are inlined,
there is no Bootstrap and no CDN, and a Content-Security-Policy forbids any request. The node
and edge data are built here (pyvis' ``add_edge`` scans every edge per call, minutes at 20,000
actors) and its Jinja template is *not* used (it links a CDN and does not escape): the data
goes into the page as JSON in a ``<script type="application/json">``
block and ``graph/static/view.js`` builds the legend, filters and tooltips with
``textContent`` only.

>>> import tempfile, pathlib
>>> from graph.store import GraphStore
>>> out = pathlib.Path(tempfile.mkdtemp()) / "view.html"
>>> render_html(GraphStore(tempfile.mkdtemp()), out)["nodes"]
0
"""

from __future__ import annotations

import base64
import colorsys
import datetime as dt
import hashlib
import html
import json
import math
import os
import random
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from graph.analysis.views import weighted_pairs
from graph.errors import ActorgraphError
from graph.export import write_output
from graph.model import edge_summary
from graph.resolve import resolve_actor
from graph.store import GraphStore
from graph.taxonomy import Taxonomy, load_taxonomy

STATIC = Path(__file__).parent / "static"
VIS_VERSION = "vis-9.1.2"
# Above this many actors nodes are smaller, parallel edges straight, and edges hide while
# dragging or zooming, so thousands of actors stay responsive.
LARGE = 500
MAX_EVIDENCE = 12  # evidence sentences per relation kept in the page (the count is always exact)


class ViewError(ActorgraphError, ValueError):
    """Bad view parameters (dates, an actor outside the filters)."""


# -- filtering --------------------------------------------------------------


def _iso(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ViewError(f"--{what} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def view_graph(
    store: GraphStore,
    around: str | None = None,
    depth: int = 1,
    types: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    kinds: Iterable[str] | None = None,
) -> nx.MultiDiGraph:
    """The part of the stored graph a view shows, as a new MultiDiGraph.

    ``types``/``kinds`` keep only those relation types and actor kinds; ``since``/``until``
    keep only evidence dated in that range (relations left with none disappear, and so do
    actors with no relation and no document in range); ``around`` keeps the actors within
    ``depth`` hops (either direction) of one actor, found by name, alias or id.

    >>> g = view_graph(GraphStore(), types=["sanctions"])
    >>> g.number_of_edges()
    0
    """
    tax = load_taxonomy()
    wanted_types = set(tax.check_relation_types(list(types))) if types else None
    wanted_kinds = set(tax.check_kinds(list(kinds))) if kinds else None
    lo, hi = _iso(since, "since"), _iso(until, "until")
    if lo and hi and lo > hi:
        raise ViewError(f"--since {lo} is after --until {hi}")
    if depth < 0:
        raise ViewError("--depth must be 0 or more")
    src = store.graph
    dated = lo is not None or hi is not None

    def in_range(date: str | None) -> bool:
        if not dated:
            return True
        if not date:
            return False  # undated evidence cannot be shown to fall in the range
        # '2026' and '2026-01' are periods: in range when they overlap it (string order is date order)
        first = (date + "-01-01"[len(date) - 4 :])[:10] if len(date) < 10 else date[:10]
        last = (date + "-12-31"[len(date) - 4 :])[:10] if len(date) < 10 else date[:10]
        return (lo is None or last >= lo) and (hi is None or first <= hi)

    def when(e: dict) -> str | None:
        # evidence states its date only when the sentence does; otherwise the document's date stands
        doc = store.documents.get(e.get("doc", ""))
        return e.get("date") or (doc.date if doc is not None else None)

    g = nx.MultiDiGraph()
    for n, a in src.nodes(data=True):
        if wanted_kinds is None or a["kind"] in wanted_kinds:
            g.add_node(n, **a)
    for u, v, k, a in src.edges(keys=True, data=True):
        if u not in g or v not in g or (wanted_types is not None and k not in wanted_types):
            continue
        evidence = [e for e in a["evidence"] if in_range(when(e))]
        if evidence:
            g.add_edge(u, v, key=k, **{**a, "evidence": evidence})
    if dated:
        docs_in_range = {d for d, doc in store.documents.items() if in_range(doc.date)}
        g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0 and not docs_in_range & set(g.nodes[n].get("documents", []))])

    if around is not None:
        centre = resolve_actor(src, around)
        if centre not in g:
            raise ViewError(f"actor {src.nodes[centre]['name']!r} ({centre}) is excluded by the other filters")
        g = nx.MultiDiGraph(nx.ego_graph(g, centre, radius=depth, undirected=True))
        g.graph["around"] = centre
    return g


# -- layout ---------------------------------------------------------------------------


def pivot_layout(g: nx.Graph, pivots: int = 40, scale: float = 120.0, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Fast positions for huge graphs: pivot MDS (Brandes & Pich 2006) per connected component,
    components packed on shelves. O(pivots * edges) breadth-first searches plus a small SVD.
    Views use :func:`cluster_layout`; this stays for callers that need a layout in well under a
    second at any size.

    >>> pos = pivot_layout(nx.path_graph(5))
    >>> abs(pos[0][0] - pos[4][0]) + abs(pos[0][1] - pos[4][1]) > abs(pos[0][0] - pos[1][0]) + abs(pos[0][1] - pos[1][1])
    True
    """
    import numpy as np  # lazy: heavy library (~100 ms), only for layouts

    u = nx.Graph(g)  # undirected, simple: direction and parallel relations do not matter for distance
    rng = np.random.default_rng(seed)
    blocks: list[tuple[list, np.ndarray]] = []
    for comp in sorted(nx.connected_components(u), key=lambda c: (-len(c), min(map(str, c)))):
        nodes = sorted(comp, key=str)
        n = len(nodes)
        if n <= 2:
            xy = np.array([[0.0, 0.0], [1.0, 0.0]][:n])
        else:
            k = min(pivots, n)
            dist = np.empty((n, k))
            mind = np.full(n, np.inf)
            p = max(nodes, key=lambda v: (u.degree(v), str(v)))
            for j in range(k):  # max-min pivots: each new pivot is the node farthest from the others
                lengths = nx.single_source_shortest_path_length(u, p)
                col = np.array([lengths[v] for v in nodes], dtype=float)
                dist[:, j] = col
                mind = np.minimum(mind, col)
                p = nodes[int(np.argmax(mind))]
            d2 = dist**2
            c = -0.5 * (d2 - d2.mean(axis=0, keepdims=True) - d2.mean(axis=1, keepdims=True) + d2.mean())
            # The two main axes of C come from the small k x k matrix C^T C (cheap, unlike an SVD of C).
            _, vecs = np.linalg.eigh(c.T @ c)
            xy = c @ vecs[:, [-1, -2]]
        # a little jitter separates nodes that share every pivot distance (leaves of one hub)
        xy = xy + rng.uniform(-0.3, 0.3, size=xy.shape)
        blocks.append((nodes, xy * scale))
    return {v: xy for v, xy in zip(*_pack(blocks, scale, aspect=1.0), strict=True)}


def _pack(blocks: list[tuple[list, Any]], gap: float, aspect: float) -> tuple[list, list[tuple[float, float]]]:
    """Shelf packing of laid-out blocks (biggest first): rows about ``aspect`` times as wide as
    the whole is tall, so the result fills a screen of that shape. Returns nodes and positions."""
    import numpy as np  # lazy: heavy library (~100 ms), only for layouts

    boxes = [xy.max(axis=0) - xy.min(axis=0) + gap if len(xy) else np.zeros(2) for _, xy in blocks]
    area = sum(float(w * h) for w, h in boxes)
    row_width = max(float(np.sqrt(area * aspect)), max((float(b[0]) for b in boxes), default=0.0))
    names: list = []
    pos: list[tuple[float, float]] = []
    x = y = row_h = 0.0
    for (nodes, xy), (w, h) in zip(blocks, boxes, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h, 0.0
        origin = xy.min(axis=0)
        for v, (px, py) in zip(nodes, xy - origin, strict=True):
            names.append(v)
            pos.append((round(float(x + px), 1), round(float(y + py), 1)))
        x, row_h = x + float(w), max(row_h, float(h))
    return names, pos


EDGE = 80.0  # typical edge length in the page's canvas units (a node is 10-40 across)
ASPECT = 1.45  # width / height of the network pane on a usual screen


def _spread(xy: Any, radius: Any, rounds: int = 30) -> Any:
    """Push apart nodes whose discs (plus a small gap) overlap. Close pairs are found three times
    (an O(n^2) pass in blocks); in between, only those pairs are moved, so it is cheap per round.

    >>> import numpy as np
    >>> out = _spread(np.array([[0.0, 0.0], [1.0, 0.0]]), np.array([10.0, 10.0]))
    >>> bool(abs(out[1, 0] - out[0, 0]) >= 33.9)
    True
    """
    import numpy as np  # lazy: heavy library (~100 ms), only for layouts

    xy = np.array(xy, dtype=float)
    r = np.asarray(radius, dtype=float)
    n = len(xy)
    for _ in range(3):
        pairs_i, pairs_j = [], []
        for start in range(0, n, 512):
            block = xy[start:start + 512]
            d = np.sqrt(((block[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2))
            ii, jj = np.nonzero(d < 1.3 * (r[start:start + 512, None] + r[None, :]) + 8.0 + EDGE)
            ii = ii + start
            pairs_i.append(ii[ii < jj])
            pairs_j.append(jj[ii < jj])
        i, j = np.concatenate(pairs_i), np.concatenate(pairs_j)
        if not len(i):
            break
        # squares, diamonds and stars reach past their size at the corners: keep 30% more, and a gap
        need = 1.3 * (r[i] + r[j]) + 8.0
        for _ in range(rounds // 3):
            d = xy[i] - xy[j]
            dist = np.hypot(d[:, 0], d[:, 1])
            short = np.clip(need - dist, 0.0, None)
            if not short.any():
                return xy
            unit = d / np.maximum(dist, 1e-6)[:, None]
            unit[dist < 1e-6] = (1.0, 0.0)  # two nodes on one spot: apart along x
            push = unit * (short / 2)[:, None]
            np.add.at(xy, i, push)
            np.add.at(xy, j, -push)
    return xy


SPREAD_MAX = 6000  # components up to this size get their overlapping nodes pushed apart


def cluster_layout(g: nx.MultiDiGraph, seed: int = 7, radius: dict[str, float] | None = None
                   ) -> tuple[dict[str, tuple[float, float]], dict[str, int]]:
    """Positions that keep communities apart, and each actor's community (-1: no relation).

    Communities are igraph's Louvain (multilevel) on the undirected view; each connected
    component is laid out by Fruchterman-Reingold (igraph's grid variant above 1,000 actors) with the
    edges inside a community pulling ten times harder than those between communities, so
    groups form visible clusters. Components are scaled to one edge length, turned to lie
    wide, packed biggest first into a screen-shaped block; isolated actors sit in a grid below
    (the page hides them by default). With ``radius`` (canvas units per actor) overlapping
    nodes are pushed apart. A private seeded RNG makes it repeatable.

    >>> g = nx.MultiDiGraph()
    >>> for u, v in ["ab", "bc", "ca", "de", "ef", "fd", "cd"]:
    ...     _ = g.add_edge(u, v, key="MEETS")
    >>> g.add_node("z")
    >>> pos, community = cluster_layout(g)
    >>> community["a"] == community["b"] != community["e"], community["z"]
    (True, -1)
    >>> cluster_layout(g) == (pos, community)
    True
    """
    import igraph as ig  # lazy: heavy library, only for large layouts
    import numpy as np  # lazy: heavy library (~100 ms), only for layouts


    names, pairs, weights = weighted_pairs(g)
    kept = [(p, w) for p, w in zip(pairs, weights, strict=True) if p[0] != p[1]]
    n = len(names)
    graph = ig.Graph(n=n, edges=[p for p, _ in kept], directed=False)
    graph.es["weight"] = [float(w) for _, w in kept]
    graph.vs["i"] = list(range(n))
    ig.set_random_number_generator(random.Random(seed))
    try:
        membership = graph.community_multilevel(weights="weight").membership if kept else list(range(n))
        degree = graph.degree()
        # communities numbered by size, biggest 0; actors without relations get -1
        sizes = Counter(m for m, d in zip(membership, degree, strict=True) if d)
        order = {c: i for i, (c, _) in enumerate(sorted(sizes.items(), key=lambda cs: (-cs[1], cs[0])))}
        community = {names[i]: (order[m] if degree[i] else -1) for i, m in enumerate(membership)}
        blocks: list[tuple[list, np.ndarray]] = []
        for comp in sorted(graph.connected_components(), key=lambda c: (-len(c), c[0])):
            if len(comp) == 1:
                continue
            sub = graph.induced_subgraph(comp)
            ids = sub.vs["i"]
            if len(ids) == 2:
                xy = np.array([[0.0, 0.0], [1.0, 0.0]])
            else:
                pull = [1.0 + math.log(w) if membership[ids[e.source]] == membership[ids[e.target]] else 0.5
                        for e, w in zip(sub.es, sub.es["weight"], strict=True)]
                # igraph switches to its grid variant above 1,000 actors: O(n) per iteration, about
                # a second for 7,000 actors where DrL takes half a minute
                xy = np.array(sub.layout_fruchterman_reingold(weights=pull, niter=300 if len(ids) > 1000 else 600).coords)
                xy = xy - xy.mean(axis=0)
                # turn the main axis horizontal: screens are wide
                _, _, vt = np.linalg.svd(xy, full_matrices=False)
                xy = xy @ vt.T
                ends = np.array([(e.source, e.target) for e in sub.es])
                inner = [m for m, (a, b) in zip(range(len(ends)), ends, strict=True) if pull[m] >= 1.0] or list(range(len(ends)))
                lengths = np.linalg.norm(xy[ends[inner, 0]] - xy[ends[inner, 1]], axis=1)
                xy = xy / max(float(np.median(lengths)), 1e-9)
            xy = xy * EDGE
            if radius is not None and len(ids) <= SPREAD_MAX:
                xy = _spread(xy, np.array([radius.get(names[i], 10.0) for i in ids]))
            blocks.append(([names[i] for i in ids], xy))
    finally:
        ig.set_random_number_generator(random)
    placed, coords = _pack(blocks, EDGE, ASPECT)
    pos = dict(zip(placed, coords, strict=True))
    lone = [v for v in names if v not in pos]
    if lone:  # a grid of isolated actors under the rest
        width = max((x for x, _ in coords), default=EDGE * 8)
        top = max((y for _, y in coords), default=-EDGE) + 1.5 * EDGE
        per_row = max(1, int(width // (EDGE * 0.75)) + 1)
        for i, v in enumerate(lone):
            pos[v] = (round(EDGE * 0.75 * (i % per_row), 1), round(top + EDGE * 0.75 * (i // per_row), 1))
    return pos, community


# -- styling ------------------------------------------------------------------


def score_colour(score: float) -> str:
    """Edge colour for a cooperation (+) / conflict (-) score in -10..10: warm for conflict,
    cool for cooperation, grey for neutral.

    >>> score_colour(0.0)
    '#8c8c8c'
    >>> score_colour(-7.0) != score_colour(7.0)
    True
    """
    if score == 0:
        return "#8c8c8c"
    s = min(abs(score), 10.0) / 10.0
    if score < 0:  # amber (40°) at mild conflict to red (0°) at the strongest
        hue, light = 40 - 40 * s, 0.52 - 0.12 * s
    else:  # teal (180°) at mild cooperation to deep blue (225°) at the strongest
        hue, light = 180 + 45 * s, 0.42 - 0.08 * s
    r, g, b = colorsys.hls_to_rgb(hue / 360, light, 0.55 + 0.35 * s)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


# One colour per relation type, from its family's palette: warm for conflict, cool for
# cooperation, greys and khaki for neutral types. Types are taken strongest first, so the
# deepest red is the most hostile type; a family with more types than its palette gets
# further shades spread over the family's hue range.
FAMILY_PALETTES = {
    "conflict": ["#67000d", "#d62728", "#c2185b", "#8c564b", "#ff7f0e", "#e6ab02", "#f781bf", "#a50f15", "#fdae6b"],
    "cooperation": ["#08306b", "#1f78b4", "#17becf", "#1b9e77", "#7570b3", "#41ab5d", "#6baed6", "#3f007d", "#80cdc1"],
    "neutral": ["#525252", "#a0a0a0", "#b39b6b", "#7a8b99", "#d0d0d0"],
}
FAMILY_HUES = {"conflict": (350.0, 45.0), "cooperation": (150.0, 270.0), "neutral": (30.0, 60.0)}


def family(score: float) -> str:
    """``conflict`` (score < 0), ``cooperation`` (> 0) or ``neutral``."""
    return "conflict" if score < 0 else "cooperation" if score > 0 else "neutral"


def relation_colours(tax: Taxonomy | None = None) -> dict[str, str]:
    """A distinct colour for every relation type of the taxonomy, within its family's range.

    >>> c = relation_colours()
    >>> len({c[t] for t in ("CRITICISES", "DEMANDS", "OPPOSES", "REJECTS", "LEADS", "MEMBER_OF", "REPORTS_ON")})
    7
    """
    tax = tax or load_taxonomy()
    out: dict[str, str] = {}
    groups: dict[str, list[str]] = defaultdict(list)
    for t in sorted(tax.relation_types, key=lambda t: (-abs(tax.relation(t).score), t)):
        groups[family(tax.relation(t).score)].append(t)
    for fam, types in groups.items():
        palette = FAMILY_PALETTES[fam]
        lo, hi = FAMILY_HUES[fam]
        extra = len(types) - len(palette)
        for i, t in enumerate(types):
            if i < len(palette):
                out[t] = palette[i]
                continue
            j = i - len(palette)
            hue = (lo + (hi - lo + (360 if hi < lo else 0)) * (j + 0.5) / extra) % 360
            r, g, b = colorsys.hls_to_rgb(hue / 360, 0.35 + 0.2 * (j % 2), 0.75 if fam != "neutral" else 0.2)
            out[t] = f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
    return out


# Community colours (the page can colour actors by community instead of kind); the
# communities past the palette, and the smallest, share a light grey.
COMMUNITY_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
                     "#bcbd22", "#393b79", "#637939", "#ad494a", "#7b4173", "#3182bd", "#e6550d", "#31a354"]
OTHER_COMMUNITY = "#c7c7c7"
# vis-network draws these shapes around their label; the page draws labels itself, so they
# become the closest label-free shape.
LABEL_FREE = {"ellipse": "dot", "circle": "dot", "box": "square", "database": "square", "text": "dot"}


def _darker(hex_colour: str, factor: float = 0.7) -> str:
    try:
        r, g, b = (int(hex_colour.lstrip("#")[i: i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return hex_colour
    return "#" + "".join(f"{round(c * factor):02x}" for c in (r, g, b))


def _network(g: nx.MultiDiGraph, store: GraphStore, tax: Taxonomy, large: bool
             ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any], dict[str, Any]]:
    """The vis-network nodes, edges and options, and the legend data."""
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    degree = dict(g.degree())
    top = max(degree.values(), default=0) or 1
    kinds_used: Counter[str] = Counter()
    # Size by degree centrality on the filtered graph; sqrt so hubs do not swamp the view.
    size = {n: round((6 + 30 * math.sqrt(degree[n] / top)) if large else (10 + 30 * math.sqrt(degree[n] / top)), 1) for n in g}
    pos, community = cluster_layout(g, radius=size)
    # Label priority: most relations first (the page labels actors in this order, skipping
    # any label that would overlap one already drawn).
    rank = {n: i for i, n in enumerate(sorted(g, key=lambda n: (-degree[n], g.nodes[n]["name"].casefold(), n)))}
    sizes = Counter(c for c in community.values() if c >= 0)
    for n in sorted(g):
        a = g.nodes[n]
        kind = tax.kind(a["kind"])
        kinds_used[kind.name] += 1
        c = community[n]
        ccol = COMMUNITY_PALETTE[c] if 0 <= c < len(COMMUNITY_PALETTE) and sizes[c] >= 3 else OTHER_COMMUNITY
        nodes.append(dict(
            id=n,
            name=a["name"],  # the page draws names itself (vis-network would draw every one, overlapping)
            shape=LABEL_FREE.get(kind.shape, kind.shape),
            color=_node_colour(kind.color),
            size=size[n],
            kind=kind.name,
            aliases=list(a.get("aliases", [])),
            documents=list(a.get("documents", [])),
            degree=degree[n],
            rank=rank[n],
            community=c,
            kind_color=kind.color,
            community_color=ccol,
            x=pos[n][0],
            y=pos[n][1],
        ))

    colours = relation_colours(tax)
    types_used: Counter[str] = Counter()
    pairs: dict[frozenset[str], list[tuple[str, str, str]]] = defaultdict(list)
    for u, v, k in sorted(g.edges(keys=True)):
        pairs[frozenset((u, v))].append((u, v, k))
    for u, v, k in sorted(g.edges(keys=True)):
        a = g.edges[u, v, k]
        rel = tax.relation(k)
        types_used[rel.name] += 1
        colour = colours[rel.name]
        evidence = sorted(a["evidence"], key=lambda e: (e.get("date") or "", e["doc"], e["start"]))
        summary = edge_summary(evidence)
        siblings = pairs[frozenset((u, v))]
        # Parallel relations between one pair are drawn as separate curves, not on top of each other.
        smooth: dict[str, Any] = {"enabled": False}
        if len(siblings) > 1 and not large:
            smooth = {"enabled": True, "type": "curvedCW", "roundness": 0.12 + 0.14 * siblings.index((u, v, k))}
        edges.append(dict(
            id=f"{u}|{k}|{v}",
            **{"from": u},
            to=v,
            type=rel.name,
            color={"color": colour, "highlight": _darker(colour, 0.8), "hover": _darker(colour, 0.8), "opacity": 0.85},
            arrows={"to": {"enabled": not rel.symmetric, "scaleFactor": 0.6}},
            width=round(1 + 1.5 * math.log1p(len(evidence)), 2),
            smooth=smooth,
            symmetric=rel.symmetric,
            date=summary.date,
            last=summary.last,
            confidence=summary.confidence,
            evidence_count=summary.count,
            evidence=[{"doc": e["doc"], "date": e.get("date"), "sentence": e["sentence"]} for e in evidence[:MAX_EVIDENCE]],
        ))

    options = {
        "autoResize": True,
        "nodes": {"borderWidth": 1.5 if not large else 1},
        "edges": {"selectionWidth": 1.5, "hoverWidth": 1},
        "interaction": {"hover": True, "tooltipDelay": 100, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        # The layout comes from Python (cluster_layout): the page opens static at every size, so
        # 20,000 actors draw at once and nothing keeps moving or burning CPU.
        "physics": {"enabled": False},
    }
    by_community: dict[int, list[str]] = defaultdict(list)
    for n in sorted(g, key=rank.__getitem__):
        if community[n] >= 0:
            by_community[community[n]].append(n)
    legend = {
        "kinds": [
            {"name": k, "label": k.replace("_", " "), "description": tax.kind(k).description, "color": tax.kind(k).color,
             "shape": LABEL_FREE.get(tax.kind(k).shape, tax.kind(k).shape), "count": kinds_used[k]}
            for k in tax.actor_kinds if kinds_used[k]
        ],
        "types": [
            {"name": t, "label": t.replace("_", " "), "description": tax.relation(t).description, "color": colours[t],
             "family": family(tax.relation(t).score), "score": tax.relation(t).score,
             "symmetric": tax.relation(t).symmetric, "count": types_used[t]}
            for t in sorted(tax.relation_types, key=lambda t: (tax.relation(t).score, t)) if types_used[t]
        ],
        # the biggest communities, each named after its most connected actors
        "communities": [
            {"community": c, "size": len(members), "color": COMMUNITY_PALETTE[c], "top": members[:3]}
            for c, members in sorted(by_community.items()) if c < len(COMMUNITY_PALETTE) and len(members) >= 3
        ],
    }
    return nodes, edges, options, legend


def _node_colour(colour: str) -> dict[str, Any]:
    return {"background": colour, "border": _darker(colour),
            "highlight": {"background": colour, "border": "#222222"}, "hover": {"background": colour, "border": "#222222"}}


# -- page ---------------------------------------------------------------------


def safe_json(obj: Any) -> str:
    """JSON that is inert inside ``<script>``: no ``</script>``, ``<!--`` or line separators.

    >>> safe_json({"s": "</script><b>&"})
    '{"s": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _asset(name: str) -> str:
    """A vis-network file from the copy pyvis ships (no network, no lib/ folder)."""
    import pyvis  # lazy: heavy library (jinja2, ...), only to find its vis-network copy

    root = Path(pyvis.__file__).parent
    for base in (root / "templates" / "lib" / VIS_VERSION, root / "lib" / VIS_VERSION):
        if (base / name).exists():
            text = (base / name).read_text(encoding="utf-8")
            break
    else:  # pragma: no cover - a pyvis without its bundled vis-network
        raise FileNotFoundError(f"pyvis does not ship {VIS_VERSION}/{name}; reinstall pyvis>=0.3.2")
    # The source-map comment would make developer tools fetch a file that is not there.
    text = "\n".join(line for line in text.split("\n") if "sourceMappingURL=" not in line)
    if "</script" in text.lower() or "<!--" in text or "</style" in text.lower():
        raise ValueError(f"{name} cannot be inlined safely")
    return text


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _page(title: str, data: dict[str, Any]) -> str:
    vis_js, vis_css = _asset("vis-network.min.js"), _asset("vis-network.css")
    view_js = (STATIC / "view.js").read_text(encoding="utf-8")
    view_css = (STATIC / "view.css").read_text(encoding="utf-8")
    # Only these two scripts may run (by hash): an injected <script> or on* handler cannot,
    # and default-src 'none' forbids every request (images may only be data: URIs).
    csp = (f"default-src 'none'; script-src {_sha256(vis_js)} {_sha256(view_js)}; "
           "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{html.escape(csp)}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta name=\"generator\" content=\"actorgraph (vis-network {VIS_VERSION[4:]} via pyvis)\">\n"
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{vis_css}</style>\n<style>{view_css}</style>\n</head>\n<body>\n"
        "<aside id=\"ag-panel\"><noscript>This network view needs JavaScript.</noscript></aside>\n"
        "<main id=\"ag-network\" aria-label=\"network\"></main>\n"
        f"<script type=\"application/json\" id=\"ag-data\">{safe_json(data)}</script>\n"
        f"<script>{vis_js}</script>\n<script>{view_js}</script>\n</body>\n</html>\n"
    )


def render_html(
    store: GraphStore,
    out_path: str | os.PathLike[str],
    around: str | None = None,
    depth: int = 1,
    types: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    kinds: Iterable[str] | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    """Write a self-contained HTML network view of (part of) the graph to ``out_path``.

    Filters are those of :func:`view_graph`. Returns the counts of what the page holds:
    ``{"path", "nodes", "edges", "large"}``. Nothing but ``out_path`` is written.
    """
    tax = load_taxonomy()
    g = view_graph(store, around=around, depth=depth, types=types, since=since, until=until, kinds=kinds)
    large = g.number_of_nodes() > LARGE
    nodes, edges, options, legend = _network(g, store, tax, large)
    if title is None:
        title = "actorgraph"
        if around is not None:
            title += f": around {g.nodes[g.graph['around']]['name']}"
    doc_ids = {e["doc"] for edge in edges for e in edge["evidence"]} | {d for n in nodes for d in n["documents"]}
    filters = {"around": g.graph.get("around"), "depth": depth if around is not None else None,
               "types": sorted(tax.check_relation_types(list(types))) if types else None,
               "kinds": sorted(tax.check_kinds(list(kinds))) if kinds else None,
               "since": _iso(since, "since"), "until": _iso(until, "until")}
    data = {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "legend": legend,
        "large": large,
        "filters": filters,
        "documents": {d: {"title": store.documents[d].title, "date": store.documents[d].date}
                      for d in sorted(doc_ids) if d in store.documents},
    }
    write_output(out_path, _page(title, data))
    return {"path": str(out_path), "nodes": len(nodes), "edges": len(edges), "large": large}
