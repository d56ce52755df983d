#!/usr/bin/env bash
# Lint, type-check, then run the tests (installs what it needs first). Extra arguments go to pytest:
#   scripts/test.sh              every tier: unit, then site, then browser (one pytest run)
#   scripts/test.sh -m unit      the fast tier only (no build, no browser; well under a minute)
#   scripts/test.sh -m site      (or -m browser) one slow tier
# The tiers are given in tests/conftest.py; once a tier has a failure the later tiers are skipped.
source "$(dirname "$0")/_venv.sh"
pip_install -e '.[test]'
# Browser tests drive Debian's chromium (Playwright's own browser download does not work here).
if [ ! -x /usr/bin/chromium ] && [ -z "${KODEETIK_CHROMIUM:-}" ]; then
  apt_install chromium
  [ -x /usr/bin/chromium ] || echo "warning: no /usr/bin/chromium; browser tests will be skipped" >&2
fi
# Configured in pyproject.toml; either one failing stops here, before the slow part.
.venv/bin/ruff check --quiet .
.venv/bin/mypy
exec .venv/bin/python -m pytest --tiers-fail-fast "$@"
