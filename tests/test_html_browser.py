"""The HTML network view in a real headless Chromium: offline, complete, filterable, XSS-safe, fast."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import networkx as nx
import pytest

from actorgraph.ingest import ingest_paths
from graph.html import render_html, view_graph
from graph.model import Actor, Evidence, Relation
from graph.store import GraphStore
from graph.taxonomy import load_taxonomy

pytestmark = pytest.mark.browser

PAYLOADS = ['<script>window.__xss=1</script>', '<img src=x onerror="window.__xss=1">', "<a href=javascript:window.__xss=1>x</a>",
            "<svg onload=window.__xss=1>", "\"'><script>alert(1)</script>"]


def load(driver, path: Path, timeout: float = 60.0) -> float:
    """Open a view from file://, wait until it has stabilised and frozen; returns seconds taken."""
    driver.get("about:blank")
    driver.get_log("browser")
    driver.get_log("performance")  # drop what came before this page
    start = time.monotonic()
    driver.get(path.resolve().as_uri())
    while time.monotonic() - start < timeout:
        if driver.execute_script("return document.documentElement.getAttribute('data-ag-state')") == "ready":
            return time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"{path.name} was not ready after {timeout}s; console: {driver.get_log('browser')}")


def frames(driver, n: int = 10) -> None:
    """Let the page draw ``n`` more animation frames (a count of renders, not a guess in seconds)."""
    driver.execute_async_script("""const done = arguments[arguments.length - 1]; let k = arguments[0];
        const step = () => (--k > 0 ? requestAnimationFrame(step) : done()); requestAnimationFrame(step);""", n)


def tooltip_hidden(driver, timeout: float = 5.0) -> None:
    end = time.monotonic() + timeout
    while driver.execute_script("""const t = document.querySelector('div.vis-tooltip');
            return !!t && t.style.visibility !== 'hidden';"""):
        assert time.monotonic() < end, "the tooltip stayed"
        time.sleep(0.02)


def console_errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def requests_made(driver) -> list[str]:
    """Every URL the page asked for (from the DevTools network log and Resource Timing)."""
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
            urls.append(msg["params"].get("request", msg["params"]).get("url"))
    urls += driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    return urls


def counts(driver) -> dict:
    return driver.execute_script("""
        const a = window.actorgraph;
        return {nodes: a.nodes.length, edges: a.edges.length, shownNodes: a.nodesView.length, shownEdges: a.edgesView.length,
                drawnNodes: a.network.body.nodeIndices.length, drawnEdges: a.network.body.edgeIndices.length};""")


def test_sample_view_offline_complete_and_drawn(browser, sample_store, tmp_path):
    store = GraphStore.open(sample_store)
    out = tmp_path / "sample.html"
    render_html(store, out)
    load(browser, out)
    assert console_errors(browser) == []
    urls = requests_made(browser)
    assert all(u.startswith(("file:", "data:")) for u in urls), urls
    n, m = store.graph.number_of_nodes(), store.graph.number_of_edges()
    lone = [x for x in store.graph if store.graph.degree(x) == 0]  # hidden until the checkbox asks for them
    assert counts(browser) == {"nodes": n, "edges": m, "shownNodes": n - len(lone), "shownEdges": m,
                               "drawnNodes": n - len(lone), "drawnEdges": m}
    # The legend lists every relation type and actor kind in the view, each with a filter box.
    types = browser.execute_script("return [...document.querySelectorAll('#ag-types input')].map(i => i.value)")
    assert sorted(types) == sorted({k for _, _, k in store.graph.edges(keys=True)})
    kinds = browser.execute_script("return [...document.querySelectorAll('#ag-kinds input')].map(i => i.value)")
    assert sorted(kinds) == sorted({a["kind"] for _, a in store.graph.nodes(data=True)})
    # Physics is frozen once stabilised: nothing moves afterwards.
    before = browser.execute_script("return window.actorgraph.network.getPositions()")
    frames(browser, 20)
    assert browser.execute_script("return window.actorgraph.network.getPositions()") == before
    shot = tmp_path / "sample.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000


def test_filter_controls_change_what_is_visible(browser, sample_store, tmp_path):
    store = GraphStore.open(sample_store)
    out = tmp_path / "sample.html"
    render_html(store, out)
    load(browser, out)
    n, m = store.graph.number_of_nodes(), store.graph.number_of_edges()
    crit = sum(1 for _, _, k in store.graph.edges(keys=True) if k == "CRITICISES")
    assert crit > 0
    browser.find_element("css selector", "#ag-isolated").click()  # show actors without a shown relation
    browser.find_element("css selector", "#ag-types input[value='CRITICISES']").click()
    c = counts(browser)
    assert (c["shownEdges"], c["drawnEdges"], c["drawnNodes"]) == (m - crit, m - crit, n)
    persons = [x for x, a in store.graph.nodes(data=True) if a["kind"] == "person"]
    browser.find_element("css selector", "#ag-kinds input[value='person']").click()
    c = counts(browser)
    left = [(u, v) for u, v, k in store.graph.edges(keys=True) if k != "CRITICISES" and u not in persons and v not in persons]
    assert (c["drawnNodes"], c["drawnEdges"]) == (n - len(persons), len(left))
    browser.find_element("css selector", "#ag-isolated").click()  # hide them again
    assert counts(browser)["drawnNodes"] == len({x for e in left for x in e})
    for section in ("#ag-types", "#ag-kinds"):
        browser.find_element("css selector", f"{section} .ag-bulk button:first-child").click()  # "all"
    browser.find_element("css selector", "#ag-isolated").click()
    assert counts(browser)["drawnEdges"] == m and counts(browser)["drawnNodes"] == n
    browser.find_element("css selector", "#ag-kinds .ag-bulk button:last-child").click()  # "none"
    assert counts(browser)["drawnNodes"] == 0 and counts(browser)["drawnEdges"] == 0
    assert "0 actors and 0 relations shown" in browser.find_element("css selector", ".ag-summary").text
    assert console_errors(browser) == []


def test_cli_filters_give_the_store_counts(browser, cli, sample_store, tmp_path):
    store = GraphStore.open(sample_store)
    out = tmp_path / "petro.html"
    res = cli("export", "html", str(out), "--around", "petro", "--depth", "1", "--types", "CRITICISES,MEETS,LEADS",
              store=sample_store)
    assert res.exit_code == 0, res.output
    # Expected counts computed here from the store, independently of graph.html.
    kept = [(u, v) for u, v, k in store.graph.edges(keys=True) if k in {"CRITICISES", "MEETS", "LEADS"}]
    hood = {"gustavo-petro"} | {v for u, v in kept if u == "gustavo-petro"} | {u for u, v in kept if v == "gustavo-petro"}
    edges = [(u, v) for u, v in kept if u in hood and v in hood]
    load(browser, out)
    c = counts(browser)
    assert (c["nodes"], c["edges"], c["drawnNodes"], c["drawnEdges"]) == (len(hood), len(edges), len(hood), len(edges))
    assert "within 1 hop of Gustavo Petro" in browser.find_element("css selector", ".ag-filters").text
    assert console_errors(browser) == []


def test_empty_view_says_so(browser, tmp_path):
    out = tmp_path / "empty.html"
    assert render_html(GraphStore(tmp_path / "none"), out)["nodes"] == 0
    load(browser, out)
    assert counts(browser)["nodes"] == 0 and console_errors(browser) == []
    assert "nothing to show" in browser.find_element("css selector", ".ag-status").text


def hover(driver, x: float, y: float) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = driver.find_element("css selector", "#ag-network canvas")
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(canvas, int(x - size["width"] / 2), int(y - size["height"] / 2)).perform()


def tooltip_text(driver, timeout: float = 5.0) -> str:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        text = driver.execute_script("""const t = document.querySelector('div.vis-tooltip');
            return t && t.style.visibility !== 'hidden' ? t.textContent : null;""")
        if text:
            return text
        time.sleep(0.05)
    raise AssertionError("no tooltip appeared")


def test_injected_markup_never_runs(browser, tmp_path):
    # A real document through the real pipeline: hostile sentences, a hostile title.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "evil.txt").write_text(
        f"President Donald Trump criticised Gustavo Petro {PAYLOADS[0]} on Monday in Washington.\n"
        f"Gustavo Petro condemned the United States {PAYLOADS[1]} after the strikes, {PAYLOADS[2]}.\n", encoding="utf-8")
    (docs / "evil.meta.yaml").write_text(f"title: {json.dumps(PAYLOADS[1] + ' ' + PAYLOADS[3])}\ndate: 2026-03-01\n")
    store = GraphStore.open(tmp_path / "store", create=True)
    ingest_paths([docs], store, progress=False)
    assert any(PAYLOADS[0] in e["sentence"] for _, _, a in store.graph.edges(data=True) for e in a["evidence"])
    # Actor names and aliases the extractor would not produce, added through the library.
    with store.locked():
        store.add_actor(Actor(id="evil-actor", name="Evil " + PAYLOADS[1], kind="armed_group", documents=["evil"],
                              aliases=[PAYLOADS[0], PAYLOADS[4], 'href="javascript:window.__xss=1"']))
        store.add_relation(Relation(source="evil-actor", type="THREATENS", target="gustavo-petro", evidence=[Evidence(
            doc="evil", sentence=" ".join(PAYLOADS), start=0, end=10, date="2026-03-01")]))
    out = tmp_path / "evil.html"
    render_html(store, out, title="View " + PAYLOADS[0])
    load(browser, out)

    pos = browser.execute_script("""const n = window.actorgraph.network;
        const p = n.getPositions(['evil-actor', 'gustavo-petro']);
        return [n.canvasToDOM(p['evil-actor']), n.canvasToDOM(p['gustavo-petro'])];""")
    hover(browser, pos[0]["x"], pos[0]["y"])
    node_tip = tooltip_text(browser)
    assert "Evil " + PAYLOADS[1] in node_tip and PAYLOADS[4] in node_tip  # shown as text
    hover(browser, 5, 5)
    tooltip_hidden(browser)
    mid = {"x": (pos[0]["x"] + pos[1]["x"]) / 2, "y": (pos[0]["y"] + pos[1]["y"]) / 2}
    hover(browser, mid["x"], mid["y"])
    edge_tip = tooltip_text(browser)
    assert "THREATENS" in edge_tip and " ".join(PAYLOADS) in edge_tip and "evil" in edge_tip
    # Every other tooltip too: put each one into the page, as a hover would.
    browser.execute_script("""const a = window.actorgraph, box = document.createElement('div');
        document.body.appendChild(box);
        a.data.nodes.concat(a.data.edges).forEach(x => box.appendChild(x.title));""")
    # Give any injected handler its chance: every image in the page settled (loaded or failed), then a few frames.
    end = time.monotonic() + 10
    while not browser.execute_script("return [...document.images].every(i => i.complete)"):
        assert time.monotonic() < end
        time.sleep(0.02)
    frames(browser, 5)
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    # No element the payloads describe made it into the page.
    assert browser.execute_script("return document.querySelectorAll('img, svg, a, iframe').length") == 0
    assert browser.execute_script("return document.scripts.length") == 3
    assert browser.title == "View " + PAYLOADS[0]
    assert all(u.startswith(("file:", "data:")) for u in requests_made(browser))
    assert console_errors(browser) == []
    browser.save_screenshot(str(tmp_path / "evil.png"))


def generated_store(path: Path, n: int, seed: int = 1) -> GraphStore:
    """A scale-free graph of ``n`` actors with random relation types and dated evidence."""
    tax = load_taxonomy()
    kinds, types = list(tax.actor_kinds), list(tax.relation_types)
    rng = random.Random(seed)
    g = nx.barabasi_albert_graph(n, 2, seed=seed)
    store = GraphStore(path)
    for i in g:
        store.add_actor(Actor(id=f"a{i}", name=f"Actor {i}", kind=kinds[i % len(kinds)], documents=[f"d{i % 50}"]))
    for u, v in g.edges():
        store.add_relation(Relation(source=f"a{u}", target=f"a{v}", type=rng.choice(types), evidence=[Evidence(
            doc=f"d{u % 50}", sentence=f"Actor {u} and Actor {v}.", start=u, end=v + 1, date=f"2026-01-{1 + u % 28:02d}")]))
    return store


@pytest.mark.slow
def test_three_thousand_actors_are_usable_within_seconds(browser, sample_store, tmp_path):
    # Time to first render is reported by `python -m benchmarks.run --only views`; this bound only
    # catches a page that animates or lays out thousands of actors in the browser again.
    small = tmp_path / "small.html"
    render_html(GraphStore.open(sample_store), small)
    baseline = load(browser, small)
    store = generated_store(tmp_path / "big", 3000)
    out = tmp_path / "big.html"
    t = time.monotonic()
    info = render_html(store, out)
    build = time.monotonic() - t
    assert info["large"] and info["nodes"] == 3000 and info["edges"] == store.graph.number_of_edges()
    seconds = load(browser, out, timeout=120)
    timing = browser.execute_script("return window.actorgraph.timing")
    c = counts(browser)
    assert c["drawnNodes"] == 3000 and c["drawnEdges"] == store.graph.number_of_edges()
    assert console_errors(browser) == []
    # Frozen: hovering and filtering do not restart a layout.
    before = browser.execute_script("return window.actorgraph.network.getPositions(['a0', 'a1', 'a2999'])")
    browser.find_element("css selector", "#ag-types input[value='MEETS']").click()
    frames(browser, 20)
    assert browser.execute_script("return window.actorgraph.network.getPositions(['a0', 'a1', 'a2999'])") == before
    browser.save_screenshot(str(tmp_path / "big.png"))
    report = {"build_s": round(build, 2), "ready_s": round(seconds, 2), "ready_ms": round(timing["ready"]),
              "first_draw_ms": round(timing["firstDraw"]), "sample_ready_s": round(baseline, 2),
              "ratio_to_sample": round(seconds / baseline, 1)}
    (tmp_path / "timing.json").write_text(json.dumps(report))
    print("3000-actor view:", report)
    # Generous bound for a loaded CI machine; unbounded physics on this graph takes minutes.
    assert seconds < 45, report
    assert view_graph(store).number_of_nodes() == 3000
