#!/usr/bin/env bash
# Install everything the test suite needs and run it: `bash scripts/test.sh [pytest args]`.
# A throwaway Neo4j (scripts/neo4j.sh, jars cached in ~/.cache/actorgraph) runs for the Neo4j tests
# on free loopback ports and is stopped on exit; the tests empty its database.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e '.[dev,cluster]'  # cluster: Dask and fsspec for tests/test_cluster.py
# Headless Chromium for the browser tests (tests/test_html*.py, marker `browser`), from Debian.
# Installed only as root (CI); otherwise those tests skip with the reason (and fail under CI=true).
if ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } \
      || echo "warning: could not install chromium and chromium-driver; browser tests will not run" >&2
  else
    echo "note: chromium/chromedriver missing and not root: browser tests will be skipped" >&2
  fi
fi
.venv/bin/ruff check .
.venv/bin/lint-imports  # the layers contract in pyproject.toml: imports only go down

if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
  NEO4J_TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/actorgraph-neo4j-test.XXXXXX")
  export ACTORGRAPH_NEO4J_DATA=$NEO4J_TEST_DIR
  free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
  export NEO4J_BOLT_PORT=${NEO4J_TEST_BOLT_PORT:-$(free_port)} NEO4J_HTTP_PORT=${NEO4J_TEST_HTTP_PORT:-$(free_port)}
  trap 'bash scripts/neo4j.sh stop >/dev/null || true; rm -rf "$NEO4J_TEST_DIR"' EXIT
  bash scripts/neo4j.sh start
  eval "$(bash scripts/neo4j.sh env)"
  export NEO4J_DATABASE=neo4j
elif [ "${CI:-}" = "true" ]; then
  echo "test.sh: Java 17 and Maven are required for the Neo4j tests under CI (java or mvn not on PATH)" >&2
  exit 1
else
  echo "test.sh: Java 17 and Maven not found: the Neo4j tests will be skipped" >&2
  unset NEO4J_URI
fi
.venv/bin/python -m pytest "$@"
