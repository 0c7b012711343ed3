#!/usr/bin/env bash
# The benchmark in one command, from a clean checkout: bash bench/run.sh [--runs N] [--only KEYS]
# Installs the peers into bench/.work/ (npm, PyPI), measures, writes bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in chromium node npm; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium nodejs npm; break; }
done
if [ ! -x .venv/bin/resumeconv ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q -e '.[test]'
fi
exec .venv/bin/python bench/bench.py "$@"
