#!/usr/bin/env bash
# The benchmark in one command, from a clean checkout: bash bench/run.sh [--runs N] [--only KEYS]
# Installs the peers into bench/.work/ (npm, PyPI), measures, writes bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in chromium node npm; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium nodejs npm; break; }
done
# Our CLI as a user installs it: a regular (not editable) install of this checkout in a
# throw-away venv, byte-code compiled by pip (an editable install adds an import hook that
# costs ~20-30 ms at every start).
[ -x bench/.work/venv/bin/python ] || python3 -m venv bench/.work/venv
bench/.work/venv/bin/pip install -q --force-reinstall --no-deps . >/dev/null
bench/.work/venv/bin/pip install -q . >/dev/null
exec bench/.work/venv/bin/python bench/bench.py "$@"
