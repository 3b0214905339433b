"""The HTML network view in headless Chromium: time to first render, and news-like test graphs.

``python -m benchmarks.run --only views`` runs :func:`child_views`: it renders the example
articles (the baseline), a 600-actor and a 5,000-actor :func:`story_graph` to HTML and opens
each in headless Chromium (/usr/bin/chromium), measuring the Python build and the time from
navigation to the first drawn frame.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.generate import KINDS, _name
from graph.model import Actor, Document, Evidence, Relation
from graph.store import GraphStore
from graph.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent


def story_graph(path: str | Path, actors: int = 600, seed: int = 0) -> GraphStore:
    """A store shaped like a news graph: stories (groups of 8-120 actors with their own hubs, mostly
    conflict or mostly cooperation), a few actors that bridge stories, ~8% actors without relations.

    >>> s = story_graph(tempfile.mkdtemp(), 60)
    >>> s.graph.number_of_nodes(), s.graph.number_of_edges() > 60
    (60, True)
    """
    rng = random.Random(seed)
    tax = load_taxonomy()
    conflict = sorted(t for t in tax.relation_types if tax.relation(t).score < 0)
    other = sorted(t for t in tax.relation_types if tax.relation(t).score >= 0)
    kinds, weights = zip(*KINDS, strict=True)
    store = GraphStore(path)
    docs = [Document(id=f"doc-{i:05d}", title=f"Story {i}", date=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
                     sha256=f"{i:064x}") for i in range(max(1, actors // 10))]
    for d in docs:
        store.documents[d.id] = d
    ids = [f"actor-{i:05d}" for i in range(actors)]
    names: set[str] = set()
    for i, a in enumerate(ids):
        kind = rng.choices(kinds, weights)[0]
        name = _name(rng, kind)
        while name in names:
            name = _name(rng, kind)
        names.add(name)
        store.add_actor(Actor(id=a, name=name, kind=kind, documents=[docs[i % len(docs)].id]))
    active = ids[: int(actors * 0.92)]
    groups: list[list[str]] = []
    i = 0
    while i < len(active):
        size = min(len(active) - i, int(min(120, max(8, rng.lognormvariate(3.0, 0.8)))))
        groups.append(active[i:i + size])
        i += size
    seen: set[tuple[str, str]] = set()

    def relate(u: str, v: str, types: list[str]) -> None:
        if u == v or (u, v) in seen:
            return
        seen.add((u, v))
        d = rng.choice(docs)
        t = rng.choice(types)
        store.add_relation(Relation(source=u, type=t, target=v, evidence=[Evidence(
            doc=d.id, sentence=f"{u} and {v}: {t.lower().replace('_', ' ')}.", start=0, end=20, date=d.date)]))

    for members in groups:
        types = conflict if rng.random() < 0.5 else other
        w = [1.0 / (r + 1) ** 0.9 for r in range(len(members))]  # each story has its own protagonists
        for _ in range(int(len(members) * 1.6)):
            u, v = rng.choices(members, w, k=2)
            relate(u, v, types)
        for m in members[1:]:  # nobody in a story is left alone
            if rng.random() < 0.5:
                relate(m, rng.choices(members[:5], w[:5])[0], types)
    tops = [m[0] for m in groups]
    for k, top in enumerate(tops):  # the protagonists of a story also appear in one or two others
        for _ in range(rng.randint(1, 2)):
            relate(top, rng.choice(tops[max(0, k - 6): k + 6]), conflict + other)
    return store


def _driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900"):
        opts.add_argument(flag)
    return webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=opts)


def first_render(driver: Any, html: Path, timeout: float = 180.0) -> float:
    """Seconds from navigation start to the page's first drawn frame (measured in the page)."""
    driver.get("about:blank")
    driver.get(html.resolve().as_uri())
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if driver.execute_script("return document.documentElement.getAttribute('data-ag-state')") == "ready":
            return driver.execute_script("return window.actorgraph.timing.firstDraw") / 1000
        time.sleep(0.05)
    raise RuntimeError(f"{html.name} not drawn after {timeout:.0f} s")


def child_views(rounds: int = 3) -> dict[str, Any]:
    """Build and open the sample view and story graphs of 600 and 5,000 actors; best of ``rounds``."""
    from actorgraph.ingest import ingest_paths
    from graph.html import render_html

    work = Path(tempfile.mkdtemp(prefix="actorgraph-views-"))
    news = GraphStore.open(work / "news", create=True)
    ingest_paths([ROOT / "examples" / "news"], news, progress=False)
    stores = {"sample": news, "600": story_graph(work / "s600", 600), "5000": story_graph(work / "s5000", 5000)}
    out: dict[str, Any] = {}
    driver = _driver()
    try:
        for name, store in stores.items():
            html = work / f"{name}.html"
            t = time.perf_counter()
            info = render_html(store, html)
            build = time.perf_counter() - t
            render = min(first_render(driver, html) for _ in range(rounds))
            out[name] = {"actors": info["nodes"], "relations": info["edges"], "build_s": build, "first_render_s": render}
    finally:
        driver.quit()
    return out


def rows(v: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """Benchmark table rows: each view's first render against the sample view's, same run."""
    base = v["sample"]["first_render_s"]
    out = []
    for name in ("600", "5000"):
        r = v[name]
        out.append((f"HTML view, {r['actors']:,} actors / {r['relations']:,} relations: first render in Chromium",
                    f"{r['first_render_s']:.2f} s (+ {r['build_s']:.1f} s to build)",
                    f"sample view ({v['sample']['actors']} actors) {base:.2f} s", f"{r['first_render_s'] / base:.1f}×"))
    return out
