#!/usr/bin/env bash
# Run the whole test suite (installs what it needs first). Extra arguments go to pytest.
source "$(dirname "$0")/_venv.sh"
pip_install -e '.[test]'
# Browser tests drive Debian's chromium (Playwright's own browser download does not work here).
if [ ! -x /usr/bin/chromium ] && [ -z "${KODEETIK_CHROMIUM:-}" ]; then
  apt_install chromium
  [ -x /usr/bin/chromium ] || echo "warning: no /usr/bin/chromium; browser tests will be skipped" >&2
fi
exec .venv/bin/python -m pytest "$@"
