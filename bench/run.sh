#!/usr/bin/env bash
# The benchmark in one command, from a clean checkout: bash bench/run.sh [--runs N] [--only KEYS]
# Installs the peers into bench/.work/ (npm, PyPI), measures, writes bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in chromium node npm; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium nodejs npm; break; }
done
# One interpreter for every Python tool of the run (ours, RenderCV, the bare Typst
# process): $BENCH_PYTHON, else the distribution's /usr/bin/python3 (an optimised build, as
# `apt install python3` gives), else python3. A default pyenv build (no PGO, shared
# libpython) runs the pure-Python pipeline ~30 % slower: docs/benchmark.md compares them.
PY=${BENCH_PYTHON:-}
if [ -z "$PY" ]; then
  if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import venv, ensurepip" 2>/dev/null; then
    PY=/usr/bin/python3
  else
    PY=python3
  fi
fi
PY=$(command -v "$PY")
mkdir -p bench/.work
if [ "$(cat bench/.work/interpreter 2>/dev/null)" != "$PY" ]; then  # another interpreter
  rm -rf bench/.work/venv bench/.work/rendercv-venv
  echo "$PY" > bench/.work/interpreter
fi
# Our CLI as a user installs it: a regular (not editable) install of this checkout in a
# throw-away venv, byte-code compiled by pip (an editable install adds an import hook that
# costs ~20-30 ms at every start).
[ -x bench/.work/venv/bin/python ] || "$PY" -m venv bench/.work/venv
bench/.work/venv/bin/pip install -q --force-reinstall --no-deps . >/dev/null
bench/.work/venv/bin/pip install -q . >/dev/null
exec bench/.work/venv/bin/python bench/bench.py "$@"
