"""Large network views at first sight, in a real headless Chromium: labels that never overlap,
everything inside the first viewport, isolated actors hidden until asked for, a search box that
focuses an actor, legend names wrapped between words, colouring by community."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_random_store
from test_html_browser import console_errors, load

from graph.html import render_html, view_graph
from graph.store import GraphStore

pytestmark = pytest.mark.browser

FIRST_SIGHT = """
const a = window.actorgraph, net = a.network, canvas = document.querySelector('#ag-network canvas');
const W = canvas.clientWidth, H = canvas.clientHeight, scale = net.getScale();
const ids = a.nodesView.getIds(), pos = net.getPositions(ids);
let inside = 0;
for (const id of ids) { const p = net.canvasToDOM(pos[id]); if (p.x >= 0 && p.x <= W && p.y >= 0 && p.y <= H) inside++; }
// Widths measured here, on a canvas of our own, in the font the page says it draws labels in.
const ctx = document.createElement('canvas').getContext('2d');
ctx.font = a.labelFont;
const boxes = a.labels.map(l => {
  const p = net.canvasToDOM(pos[l.id]);
  return {id: l.id, x: l.x, y: l.y, w: l.w, h: l.h, cx: p.x, cy: p.y, r: a.nodes.get(l.id).size * scale + 2,
          tw: ctx.measureText(a.data.nodes.find(n => n.id === l.id).name).width};
});
return {W, H, shown: ids.length, drawn: net.body.nodeIndices.length, inside, boxes, physics: net.physics.physicsEnabled};
"""


def first_sight(driver) -> dict:
    return driver.execute_script(FIRST_SIGHT)


def overlap(a: dict, b: dict) -> bool:
    return a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]


def check_first_sight(driver, store: GraphStore) -> dict:
    """The checks of a view just opened; returns the measurements."""
    g = view_graph(store)
    connected = [n for n in g if g.degree(n) > 0]
    m = first_sight(driver)
    assert m["physics"] is False  # static: nothing moves, nothing burns CPU
    assert m["shown"] == m["drawn"] == len(connected)  # isolated actors hidden by default
    assert m["inside"] >= 0.95 * m["shown"], m["inside"]
    boxes = m["boxes"]
    assert len(boxes) >= 15, len(boxes)
    # The most connected actor is always labelled; every label is one of a shown actor.
    top = max(connected, key=lambda n: (g.degree(n), -ord(n[-1])))
    labelled = {b["id"] for b in boxes}
    assert max(g.degree(n) for n in labelled) == g.degree(top)
    assert labelled <= set(connected)
    for b in boxes:
        assert abs(b["w"] - (b["tw"] + 2)) < 1.0, b  # as wide as its text
        assert 0 <= b["x"] and b["x"] + b["w"] <= m["W"] and 0 <= b["y"] and b["y"] + b["h"] <= m["H"], b
        # next to its actor: below, above, right or left of the node's disc
        spots = [(b["cx"] - b["tw"] / 2, b["cy"] + b["r"]), (b["cx"] - b["tw"] / 2, b["cy"] - b["r"] - b["h"]),
                 (b["cx"] + b["r"], b["cy"] - b["h"] / 2), (b["cx"] - b["r"] - b["tw"] - 2, b["cy"] - b["h"] / 2)]
        assert any(abs(b["x"] + 1 - x) < 1.5 and abs(b["y"] - y) < 1.5 for x, y in spots), b
    clashes = [(a["id"], b["id"]) for i, a in enumerate(boxes) for b in boxes[i + 1:] if overlap(a, b)]
    assert clashes == []
    return m


def check_isolated_checkbox(driver, store: GraphStore) -> None:
    g = view_graph(store)
    lone = [n for n in g if g.degree(n) == 0]
    assert lone
    shown = driver.execute_script("return window.actorgraph.nodesView.getIds()")
    assert not set(lone) & set(shown)
    box = driver.find_element("css selector", "#ag-isolated")
    assert not box.is_selected() and f"({len(lone)})" in driver.find_element("css selector", "label:has(#ag-isolated)").text
    box.click()
    assert driver.execute_script("return window.actorgraph.network.body.nodeIndices.length") == g.number_of_nodes()
    box.click()
    assert driver.execute_script("return window.actorgraph.network.body.nodeIndices.length") == g.number_of_nodes() - len(lone)


def search(driver, text: str) -> str:
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element("css selector", "#ag-search")
    box.clear()
    box.send_keys(text, Keys.ENTER)
    return driver.find_element("css selector", ".ag-found").text


def check_search(driver, store: GraphStore) -> None:
    g = view_graph(store)
    connected = sorted((n for n in g if g.degree(n) > 0), key=lambda n: (g.degree(n), n))
    target = connected[len(connected) // 3]  # an ordinary actor, unlikely to be labelled at first sight
    name = g.nodes[target]["name"]
    assert search(driver, name.upper()) == f"found {name}"
    where = driver.execute_script("""const a = window.actorgraph, net = a.network, id = arguments[0];
        const c = document.querySelector('#ag-network canvas'), p = net.canvasToDOM(net.getPositions([id])[id]);
        return {sel: net.getSelectedNodes(), dx: p.x - c.clientWidth / 2, dy: p.y - c.clientHeight / 2, scale: net.getScale(),
                labelled: a.labels.some(l => l.id === id)};""", target)
    assert where["sel"] == [target] and abs(where["dx"]) < 5 and abs(where["dy"]) < 5, where
    assert where["scale"] >= 1.2 and where["labelled"], where
    # by alias, and an isolated actor: shown (the checkbox turns on) and focused
    lone = next(n for n in sorted(g) if g.degree(n) == 0)
    alias = g.nodes[lone]["aliases"][0] if g.nodes[lone].get("aliases") else lone
    assert search(driver, alias) == f"found {g.nodes[lone]['name']}"
    assert driver.find_element("css selector", "#ag-isolated").is_selected()
    assert driver.execute_script("return window.actorgraph.network.getSelectedNodes()") == [lone]
    assert search(driver, "no such actor zzz") == "no actor matches \u201cno such actor zzz\u201d"


@pytest.fixture(scope="module")
def view600(tmp_path_factory) -> tuple[GraphStore, Path]:
    path = tmp_path_factory.mktemp("v600")
    store = make_random_store(path / "store", actors=600, relations=1200, seed=5)
    out = path / "v600.html"
    assert render_html(store, out)["nodes"] == 600
    return store, out


def test_600_actors_first_sight(browser, view600):
    store, out = view600
    load(browser, out)
    check_first_sight(browser, store)
    check_isolated_checkbox(browser, store)
    assert console_errors(browser) == []


def test_600_actors_search_focuses_an_actor(browser, view600):
    store, out = view600
    load(browser, out)
    check_search(browser, store)
    # zoomed in on the found actor, labels are still apart
    boxes = first_sight(browser)["boxes"]
    assert not [(a["id"], b["id"]) for i, a in enumerate(boxes) for b in boxes[i + 1:] if overlap(a, b)]
    assert console_errors(browser) == []


def test_hovered_actor_gets_its_label(browser, view600):
    from test_html_browser import hover

    _, out = view600
    load(browser, out)
    # an actor whose name is not drawn at first sight (labels full around it)
    who = browser.execute_script("""const a = window.actorgraph, net = a.network, shown = new Set(a.labels.map(l => l.id));
        const c = document.querySelector('#ag-network canvas');
        for (const n of a.data.nodes.slice().sort((x, y) => x.rank - y.rank)) {
          if (shown.has(n.id) || !a.nodesView.get(n.id)) continue;
          const p = net.canvasToDOM(net.getPositions([n.id])[n.id]);
          if (p.x > 40 && p.y > 40 && p.x < c.clientWidth - 40 && p.y < c.clientHeight - 40 && net.getNodeAt(p) === n.id)
            return {id: n.id, x: p.x, y: p.y};
        }
        return null;""")
    assert who is not None
    hover(browser, who["x"], who["y"])
    labelled = browser.execute_script("return window.actorgraph.labels.map(l => l.id)")
    assert who["id"] in labelled and labelled.index(who["id"]) == 0


def test_a_view_of_isolated_actors_only_shows_them(browser, tmp_path):
    from graph.model import Actor

    store = GraphStore(tmp_path / "s")
    for i in range(3):
        store.add_actor(Actor(id=f"a{i}", name=f"Lonely <b>{i}</b>", kind="person"))
    render_html(store, tmp_path / "lone.html")
    load(browser, tmp_path / "lone.html")
    assert browser.execute_script("return window.actorgraph.network.body.nodeIndices.length") == 3
    assert browser.find_element("css selector", "#ag-isolated").is_selected()
    assert sorted(browser.execute_script("return window.actorgraph.labels.map(l => l.text)")) == [f"Lonely <b>{i}</b>" for i in range(3)]


def test_legend_names_wrap_between_words(browser, view600):
    _, out = view600
    load(browser, out)
    lines = browser.execute_script("""
        document.getElementById('ag-panel').style.flex = '0 0 170px';
        return [...document.querySelectorAll('#ag-types .ag-name, #ag-kinds .ag-name')].map(span => {
          const text = span.firstChild, words = [], box = span.getBoundingClientRect(), all = document.createRange();
          let i = 0;
          for (const w of text.data.split(' ')) {
            const r = document.createRange();
            r.setStart(text, i); r.setEnd(text, i + w.length);
            const rects = r.getClientRects();
            // one piece, and inside the name's box (not overflowing into the count)
            words.push(rects.length === 1 && rects[0].right <= box.right + 1 ? 1 : 0);
            i += w.length + 1;
          }
          all.selectNodeContents(text);
          return {name: text.data, words: words, lines: new Set([...all.getClientRects()].map(r => Math.round(r.top))).size};
        });""")
    by = {x["name"]: x for x in lines}
    assert "COOPERATES WITH" in by and by["COOPERATES WITH"]["lines"] == 2  # narrow: it did wrap...
    assert all(n == 1 for x in lines for n in x["words"]), lines  # ...but never inside a word, nor past the box


def test_colour_by_community(browser, view600):
    from selenium.webdriver.support.ui import Select

    _, out = view600
    load(browser, out)
    Select(browser.find_element("css selector", "#ag-colour")).select_by_value("community")
    got = browser.execute_script("""const a = window.actorgraph;
        return a.data.nodes.map(n => [n.community, n.community_color, a.nodes.get(n.id).color.background]);""")
    assert all(want == have for _, want, have in got)
    by = {}
    for c, colour, _ in got:
        by.setdefault(c, set()).add(colour)
    assert all(len(v) == 1 for v in by.values()) and len({next(iter(v)) for v in by.values()}) >= 5
    assert browser.find_element("css selector", "#ag-communities").is_displayed()
    Select(browser.find_element("css selector", "#ag-colour")).select_by_value("kind")
    assert browser.execute_script("""const a = window.actorgraph;
        return a.data.nodes.every(n => a.nodes.get(n.id).color.background === n.kind_color);""")


@pytest.mark.slow
def test_5000_actors_first_sight(browser, tmp_path):
    store = make_random_store(tmp_path / "store", actors=5000, relations=10000, seed=5)
    out = tmp_path / "v5000.html"
    info = render_html(store, out)
    assert info["nodes"] == 5000 and info["large"]
    load(browser, out, timeout=120)
    check_first_sight(browser, store)
    check_isolated_checkbox(browser, store)
    check_search(browser, store)
    assert console_errors(browser) == []
