#!/usr/bin/env bash
# Sets up everything tidings needs on a fresh machine, and nothing twice:
#   scripts/setup.sh          the venv with tidings, its pinned packages and the spaCy model,
#                             plus the dashboard's front-end files from npm
#   scripts/setup.sh --test   also the test tools and the services the tests use
#                             (Debian's postgresql and chromium, playwright-core from npm)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$PY" -m venv .venv
  .venv/bin/pip install -q --upgrade "pip==26.3" >/dev/null
fi

extras="ray"
[ $want_test = 1 ] && extras="dev,ray"
stamp=".venv/.tidings-$(echo "$extras" | tr , -)-$(sha1sum pyproject.toml | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  echo "setup: installing tidings[$extras] (pinned) into .venv" >&2
  .venv/bin/pip install -q -e ".[$extras]"
  touch "$stamp"
fi

if [ -f package.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "setup: installing front-end packages from npm" >&2
    npm ci --no-audit --no-fund --loglevel=error
  fi
  [ -x scripts/build_web.sh ] && scripts/build_web.sh
fi

if [ $want_test = 1 ]; then
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "setup: installing ${missing[*]} from Debian" >&2
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "setup: ${missing[*]} missing and cannot be installed here; those tests will skip" >&2
    fi
  fi
fi
