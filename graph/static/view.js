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
  var state = {hiddenTypes: new Set(), hiddenKinds: new Set(), hideIsolated: false};
  var timing = {script: started};
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
    add(box, el("div", "ag-tip-title", n.label),
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

  data.nodes.forEach(function (n) { kindOf[n.id] = n.kind; nameOf[n.id] = n.label; });
  data.nodes.forEach(function (n) { n.title = nodeTip(n); });
  data.edges.forEach(function (e) { e.title = edgeTip(e); });

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

  // -- panel: title, counts, legend with filters --
  var panel = document.getElementById("ag-panel");
  var summary = el("p", "ag-summary");
  var status = el("p", "ag-status", data.nodes.length ? "laying out\u2026" : "nothing to show: no actors match");
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
  add(panel, typesBox, kindsBox);
  var iso = el("input");
  iso.type = "checkbox";
  iso.id = "ag-isolated";
  iso.addEventListener("change", function () { state.hideIsolated = iso.checked; apply(); });
  add(panel, add(el("label", "ag-item"), iso, el("span", null, "hide actors with no shown relation")));
  add(panel, el("p", "ag-help", "Node size: number of relations in this view. Edge colour: red for conflict, " +
    "blue for cooperation, grey for neutral; arrows point from the actor who acts (none for mutual types). " +
    "Hover an actor or a relation for its evidence; drag to move, scroll to zoom."));

  function updateSummary() {
    summary.textContent = plural(nodesView.length, "actor") + " and " + plural(edgesView.length, "relation") + " shown" +
      (nodesView.length !== data.nodes.length || edgesView.length !== data.edges.length
        ? " (of " + data.nodes.length + " and " + data.edges.length + ")" : "");
  }
  function apply() {
    connected = new Set();
    edges.forEach(function (e) { if (edgeShown(e)) { connected.add(e.from); connected.add(e.to); } });
    nodesView.refresh();
    edgesView.refresh();
    updateSummary();
  }
  apply();

  // -- the network: stabilise once, then freeze --
  var network = new vis.Network(document.getElementById("ag-network"), {nodes: nodesView, edges: edgesView}, data.options);
  timing.created = performance.now();
  network.on("stabilizationProgress", function (p) {
    status.textContent = "laying out\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
  });
  function freeze() {
    if (timing.stabilized) return;
    network.setOptions({physics: {enabled: false}});
    timing.stabilized = performance.now();
    if (data.nodes.length) status.textContent = "";
    document.documentElement.setAttribute("data-ag-state", "ready");
  }
  network.once("stabilizationIterationsDone", freeze);
  network.once("stabilized", freeze);
  network.once("afterDrawing", function () { timing.firstDraw = performance.now(); });
  if (!data.nodes.length) freeze();

  window.actorgraph = {data: data, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
    network: network, state: state, apply: apply, timing: timing};
})();
