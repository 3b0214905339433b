#!/usr/bin/env bash
# Install actorgraph into ./.venv and run the main job on the example corpus (no Neo4j needed).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e .
export ACTORGRAPH_STORE=${ACTORGRAPH_STORE:-actorgraph-data}
ag=.venv/bin/actorgraph
$ag ingest examples/news
echo; echo "== who does what to whom =="; $ag relations
for cmd in "stats" "centrality --measure pagerank --top 10" "timeline trump petro"; do
  # Reports that exist in this version of the CLI are shown; the others are skipped.
  if $ag ${cmd%% *} --help >/dev/null 2>&1; then echo; echo "== actorgraph $cmd =="; $ag $cmd; fi
done
$ag export json actorgraph-data/graph-export.json
if $ag export html --help >/dev/null 2>&1; then $ag export html actorgraph-data/graph.html; echo "open actorgraph-data/graph.html in a browser"; fi
