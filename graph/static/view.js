/* actorgraph network view.
 *
 * Reads the graph from the JSON block #ag-data and draws it with vis-network. Every string
 * that comes from the graph (names, aliases, sentences, document ids and titles) reaches the
 * page through textContent or as a DOM element built here, never through innerHTML, so a
 * document cannot inject markup or script. window.actorgraph exposes the data sets, the
 * network and timings to tests and to anyone scripting the page.
 */
(function () {
  "use strict";
  var started = performance.now();
  var data = JSON.parse(document.getElementById("ag-data").textContent);
  var GLYPHS = {dot: "\u25CF", circle: "\u25CF", diamond: "\u25C6", square: "\u25A0", triangle: "\u25B2",
    triangleDown: "\u25BC", star: "\u2605", hexagon: "\u2B22", ellipse: "\u2B2C", box: "\u25AC"};
  var state = {hiddenTypes: new Set(), hiddenKinds: new Set(), hideIsolated: true, colourBy: "kind"};
  var timing = {script: started};
  var api = window.actorgraph = {};
  var kindOf = {}, nameOf = {}, kindLabel = {};

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
    return parent;
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function docLabel(id) {
    var d = data.documents[id];
    return d && d.title ? id + " \u2014 " + d.title : id;
  }

  data.legend.kinds.forEach(function (k) { kindLabel[k.name] = k.label; });

  // -- tooltips: DOM elements (vis-network shows an Element as it is, never as HTML) --
  function nodeTip(n) {
    var box = el("div", "ag-tip");
    add(box, el("div", "ag-tip-title", n.name),
      el("div", "ag-tip-meta", (kindLabel[n.kind] || n.kind) + " \u00B7 id " + n.id));
    if (n.aliases.length) add(box, el("div", "ag-tip-line", "also called: " + n.aliases.slice(0, 12).join("; ")));
    add(box, el("div", "ag-tip-line", plural(n.degree, "relation") + " in this view \u00B7 mentioned in " + plural(n.documents.length, "document")));
    if (n.documents.length) {
      var ul = el("ul", "ag-tip-docs");
      add(box, ul);
      n.documents.slice(0, 6).forEach(function (d) { add(ul, el("li", null, docLabel(d))); });
      if (n.documents.length > 6) add(ul, el("li", "ag-more", "\u2026 and " + (n.documents.length - 6) + " more"));
    }
    return box;
  }
  function edgeTip(e) {
    var box = el("div", "ag-tip");
    var head = add(el("div", "ag-tip-title"), el("span", null, nameOf[e.from]),
      el("span", "ag-tip-type", " \u2014 " + e.type + (e.symmetric ? " \u2014 " : " \u2192 ")),
      el("span", null, nameOf[e.to]));
    head.querySelector(".ag-tip-type").style.color = e.color.color;
    var when = e.date ? (e.last && e.last !== e.date ? e.date + " to " + e.last : e.date) : "undated";
    add(box, head, el("div", "ag-tip-meta", when + " \u00B7 confidence " + Number(e.confidence).toFixed(2) +
      " \u00B7 " + plural(e.evidence_count, "evidence sentence")));
    var ol = el("ol", "ag-tip-evidence");
    add(box, ol);
    e.evidence.forEach(function (ev) {
      add(ol, add(el("li"), el("div", "ag-tip-src", (ev.date ? ev.date + " \u00B7 " : "") + docLabel(ev.doc)),
        el("q", null, ev.sentence)));
    });
    if (e.evidence_count > e.evidence.length) add(box, el("div", "ag-more", "\u2026 and " + (e.evidence_count - e.evidence.length) + " more"));
    return box;
  }

  data.nodes.forEach(function (n) { kindOf[n.id] = n.kind; nameOf[n.id] = n.name; });
  data.nodes.forEach(function (n) { n.title = nodeTip(n); });
  data.edges.forEach(function (e) { e.title = edgeTip(e); });
  timing.tooltips = performance.now();

  // -- data sets and filtered views --
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var connected = new Set();
  function edgeShown(e) {
    return !state.hiddenTypes.has(e.type) && !state.hiddenKinds.has(kindOf[e.from]) && !state.hiddenKinds.has(kindOf[e.to]);
  }
  var nodesView = new vis.DataView(nodes, {filter: function (n) {
    return !state.hiddenKinds.has(n.kind) && (!state.hideIsolated || connected.has(n.id));
  }});
  var edgesView = new vis.DataView(edges, {filter: edgeShown});
  timing.datasets = performance.now();

  // -- panel: title, counts, legend with filters --
  var panel = document.getElementById("ag-panel");
  var summary = el("p", "ag-summary");
  var status = el("p", "ag-status", data.nodes.length ? "drawing\u2026" : "nothing to show: no actors match");
  add(panel, el("h1", null, data.title), summary, status);
  var f = data.filters, parts = [];
  if (f.around) parts.push("within " + plural(f.depth, "hop") + " of " + (nameOf[f.around] || f.around));
  if (f.types) parts.push("types " + f.types.join(", "));
  if (f.kinds) parts.push("kinds " + f.kinds.join(", "));
  if (f.since || f.until) parts.push("evidence dated " + (f.since || "\u2026") + " to " + (f.until || "\u2026"));
  if (parts.length) add(panel, el("p", "ag-filters", "Exported with " + parts.join("; ") + "."));

  function section(title, items, hidden, draw) {
    var fs = add(el("fieldset", "ag-legend"), el("legend", null, title));
    var bulk = el("div", "ag-bulk");
    add(fs, bulk);
    var boxes = [];
    items.forEach(function (item) {
      var label = el("label", "ag-item");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.value = item.name;
      box.addEventListener("change", function () {
        if (box.checked) hidden.delete(item.name); else hidden.add(item.name);
        apply();
      });
      boxes.push(box);
      label.title = item.description || "";
      add(fs, add(label, box, draw(item), el("span", "ag-name", item.label || item.name), el("span", "ag-count", item.count)));
    });
    [["all", true], ["none", false]].forEach(function (pair) {
      var b = el("button", null, pair[0]);
      b.type = "button";
      b.addEventListener("click", function () {
        boxes.forEach(function (box) { box.checked = pair[1]; if (pair[1]) hidden.delete(box.value); else hidden.add(box.value); });
        apply();
      });
      add(bulk, b);
    });
    return fs;
  }
  var typesBox = section("Relation types", data.legend.types, state.hiddenTypes, function (t) {
    var s = el("span", "ag-edge" + (t.symmetric ? " ag-sym" : ""), t.symmetric ? "" : "\u25B6");
    s.style.setProperty("--c", t.color);
    return s;
  });
  typesBox.id = "ag-types";
  var kindsBox = section("Actor kinds", data.legend.kinds, state.hiddenKinds, function (k) {
    var s = el("span", "ag-glyph", GLYPHS[k.shape] || GLYPHS.dot);
    s.style.color = k.color;
    return s;
  });
  kindsBox.id = "ag-kinds";

  // -- search: finds an actor by name, alias or id and focuses it --
  var search = el("input");
  search.type = "search";
  search.id = "ag-search";
  search.placeholder = "find an actor (name, alias or id)";
  search.setAttribute("list", "ag-names");
  search.setAttribute("aria-label", "find an actor");
  var names = el("datalist");
  names.id = "ag-names";
  var byRank = data.nodes.slice().sort(function (a, b) { return a.rank - b.rank; });
  byRank.forEach(function (n) { var o = el("option"); o.value = n.name; names.appendChild(o); });
  var found = el("p", "ag-found");
  add(panel, add(el("div", "ag-search"), search, names), found);

  var iso = el("input");
  iso.type = "checkbox";
  iso.id = "ag-isolated";
  iso.checked = !state.hideIsolated;
  iso.addEventListener("change", function () { state.hideIsolated = !iso.checked; apply(); });
  var isoLabel = el("span", null, "show actors with no shown relation");
  add(panel, add(el("label", "ag-item"), iso, isoLabel));

  var colourBy = el("select");
  colourBy.id = "ag-colour";
  [["kind", "actor kind"], ["community", "community"]].forEach(function (pair) {
    var o = el("option", null, pair[1]); o.value = pair[0]; colourBy.appendChild(o);
  });
  add(panel, add(el("label", "ag-item"), el("span", null, "colour actors by"), colourBy));
  add(panel, typesBox, kindsBox);
  var commBox = add(el("fieldset", "ag-legend"), el("legend", null, "Communities"));
  commBox.id = "ag-communities";
  commBox.hidden = true;
  data.legend.communities.forEach(function (c) {
    var s = el("span", "ag-glyph", GLYPHS.dot);
    s.style.color = c.color;
    add(commBox, add(el("div", "ag-item"), s,
      el("span", "ag-name", c.top.map(function (id) { return nameOf[id]; }).join(", ") + (c.size > c.top.length ? ", \u2026" : "")),
      el("span", "ag-count", c.size)));
  });
  add(commBox, el("div", "ag-more", "other communities: grey"));
  add(panel, commBox);
  add(panel, el("p", "ag-help", "Node size: number of relations in this view. Names: the most connected actors " +
    "whose labels fit; zoom in for more, hover an actor for its own. Edge colour: one per relation type, warm for " +
    "conflict, cool for cooperation, grey for neutral; arrows point from the actor who acts (none for mutual types). " +
    "Hover an actor or a relation for its evidence; drag to move, scroll to zoom."));

  function updateSummary() {
    summary.textContent = plural(nodesView.length, "actor") + " and " + plural(edgesView.length, "relation") + " shown" +
      (nodesView.length !== data.nodes.length || edgesView.length !== data.edges.length
        ? " (of " + data.nodes.length + " and " + data.edges.length + ")" : "");
    var lone = data.nodes.length - connected.size;
    isoLabel.textContent = "show actors with no shown relation (" + lone + ")";
  }
  function apply() {
    connected = new Set();
    edges.forEach(function (e) { if (edgeShown(e)) { connected.add(e.from); connected.add(e.to); } });
    nodesView.refresh();
    edgesView.refresh();
    updateSummary();
  }
  apply();
  if (!connected.size && data.nodes.length) {  // nothing but isolated actors: show them rather than nothing
    iso.checked = true;
    state.hideIsolated = false;
    apply();
  }

  timing.panel = performance.now();
  // -- the network: positions come from Python, physics stays off --
  var network = new vis.Network(document.getElementById("ag-network"), {nodes: nodesView, edges: edgesView}, data.options);
  timing.created = performance.now();

  colourBy.addEventListener("change", function () {
    state.colourBy = colourBy.value;
    commBox.hidden = state.colourBy !== "community";
    nodes.update(data.nodes.map(function (n) {
      var c = state.colourBy === "community" ? n.community_color : n.kind_color;
      return {id: n.id, color: {background: c, border: c, highlight: {background: c, border: "#222222"},
        hover: {background: c, border: "#222222"}}};
    }));
  });

  // -- labels: drawn here rather than by vis-network, most connected first, none over another --
  var LABEL_FONT = "12px system-ui, -apple-system, 'Segoe UI', sans-serif", LABEL_H = 15, CELL = 80, MAX_LABELS = 400;
  // Labels also keep off nodes drawn at least this big (pixels of radius), except the first
  // ALWAYS labels (the most connected actors), which need only keep off other labels.
  var NODE_MIN = 6, ALWAYS = 10;
  var widths = {};
  var pinned = [];  // the hovered and the found actor: labelled before any other
  var hovered = null;
  function drawLabels(ctx) {
    var body = network.body, s = body.view.scale, t = body.view.translation;
    var canvas = network.canvas.frame.canvas, W = canvas.clientWidth, H = canvas.clientHeight;
    var grid = new Map(), nodeGrid = new Map(), drawn = [], done = new Set();
    ctx.save();
    ctx.setTransform(network.canvas.pixelRatio, 0, 0, network.canvas.pixelRatio, 0, 0);
    ctx.font = LABEL_FONT;
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "rgba(255,255,255,0.92)";
    ctx.fillStyle = "#1a1a1a";
    function fits(b, grid) {
      for (var gx = Math.floor(b.x / CELL); gx <= Math.floor((b.x + b.w) / CELL); gx++) {
        for (var gy = Math.floor(b.y / CELL); gy <= Math.floor((b.y + b.h) / CELL); gy++) {
          var cell = grid.get(gx + "," + gy);
          if (!cell) continue;
          for (var i = 0; i < cell.length; i++) {
            var o = cell[i];
            if (o.id !== b.id && b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h) return false;
          }
        }
      }
      return true;
    }
    function keep(b, grid) {
      for (var gx = Math.floor(b.x / CELL); gx <= Math.floor((b.x + b.w) / CELL); gx++) {
        for (var gy = Math.floor(b.y / CELL); gy <= Math.floor((b.y + b.h) / CELL); gy++) {
          var key = gx + "," + gy;
          if (!grid.has(key)) grid.set(key, []);
          grid.get(key).push(b);
        }
      }
    }
    function place(id, force) {
      if (done.has(id)) return;
      done.add(id);
      var node = body.nodes[id];
      if (!node || drawn.length >= MAX_LABELS && !force) return;
      var text = nameOf[id];
      var w = widths[id];
      if (w === undefined) w = widths[id] = ctx.measureText(text).width;
      // below the node, else above, right or left of it: the first place that is free
      var cx = node.x * s + t.x, cy = node.y * s + t.y, r = node.options.size * s + 2;
      var spots = [[cx - w / 2, cy + r], [cx - w / 2, cy - r - LABEL_H], [cx + r, cy - LABEL_H / 2], [cx - r - w - 2, cy - LABEL_H / 2]];
      // first a spot clear of labels and of big nodes; the most connected actors then take one
      // clear of labels only (they are always named)
      var passes = force ? 1 : drawn.length < ALWAYS ? 2 : 1;
      for (var pass = 0; pass < passes; pass++) {
        for (var k = 0; k < (force ? 1 : spots.length); k++) {
          var b = {id: id, text: text, x: spots[k][0] - 1, y: spots[k][1], w: w + 2, h: LABEL_H};
          if (force || (b.x >= 0 && b.y >= 0 && b.x + b.w <= W && b.y + b.h <= H && fits(b, grid) &&
              (pass === 1 || fits(b, nodeGrid)))) {
            keep(b, grid);
            drawn.push(b);
            ctx.strokeText(text, b.x + 1 + w / 2, b.y);
            ctx.fillText(text, b.x + 1 + w / 2, b.y);
            return;
          }
        }
      }
    }
    body.nodeIndices.forEach(function (id) {
      var node = body.nodes[id], r = node.options.size * s;
      if (r < NODE_MIN) return;
      var x = node.x * s + t.x, y = node.y * s + t.y;
      if (x + r >= 0 && y + r >= 0 && x - r <= W && y - r <= H) keep({id: id, x: x - r, y: y - r, w: 2 * r, h: 2 * r}, nodeGrid);
    });
    pinned.forEach(function (id) { place(id, true); });
    if (hovered) place(hovered, true);
    for (var i = 0; i < byRank.length && drawn.length < MAX_LABELS; i++) place(byRank[i].id, false);
    ctx.restore();
    api.labels = drawn;
    api.labelFont = LABEL_FONT;
  }
  network.on("afterDrawing", drawLabels);
  network.on("hoverNode", function (p) { hovered = p.node; network.redraw(); });
  network.on("blurNode", function () { hovered = null; network.redraw(); });

  // -- search --
  function norm(x) { return String(x).toLowerCase().replace(/\s+/g, " ").trim(); }
  function find(query) {
    var q = norm(query);
    if (!q) return null;
    var tests = [
      function (n) { return norm(n.name) === q || norm(n.id) === q || n.aliases.some(function (a) { return norm(a) === q; }); },
      function (n) { return norm(n.name).indexOf(q) === 0; },
      function (n) { return norm(n.name).indexOf(q) >= 0 || n.aliases.some(function (a) { return norm(a).indexOf(q) >= 0; }); },
    ];
    for (var i = 0; i < tests.length; i++) {
      for (var j = 0; j < byRank.length; j++) if (tests[i](byRank[j])) return byRank[j];
    }
    return null;
  }
  function focusActor(query) {
    var n = find(query);
    if (!n) { found.textContent = "no actor matches \u201C" + query + "\u201D"; return null; }
    if (state.hiddenKinds.has(n.kind)) {
      found.textContent = n.name + " is hidden: its kind (" + (kindLabel[n.kind] || n.kind) + ") is filtered out";
      return null;
    }
    if (!nodesView.get(n.id)) { iso.checked = true; state.hideIsolated = false; apply(); }
    pinned = [n.id];
    network.selectNodes([n.id]);
    network.focus(n.id, {scale: Math.max(network.getScale(), 1.2), animation: false});
    found.textContent = "found " + n.name;
    return n.id;
  }
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); focusActor(search.value); } });
  search.addEventListener("change", function () { if (search.value) focusActor(search.value); });

  function ready() {
    if (timing.ready) return;
    timing.ready = performance.now();
    if (data.nodes.length) status.textContent = "";
    document.documentElement.setAttribute("data-ag-state", "ready");
  }
  network.once("afterDrawing", function () {
    timing.firstDraw = performance.now();
    requestAnimationFrame(function () { requestAnimationFrame(ready); });
  });
  network.fit({animation: false});
  if (!data.nodes.length) ready();

  Object.assign(api, {data: data, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
    network: network, state: state, apply: apply, timing: timing, focusActor: focusActor});
})();
