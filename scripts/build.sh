#!/usr/bin/env bash
# Build the complete site into site/ (or serve it: `scripts/build.sh serve`).
source "$(dirname "$0")/_venv.sh"
pip_install -e .
if [ "${1:-}" = "serve" ]; then
  shift
  exec .venv/bin/mkdocs serve "$@"
fi
exec .venv/bin/mkdocs build --strict "$@"
