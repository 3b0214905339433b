#!/usr/bin/env bash
# Install everything the test suite needs and run it: `bash scripts/test.sh [pytest args]`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e '.[dev]'
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
.venv/bin/python -m pytest "$@"
