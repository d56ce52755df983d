#!/usr/bin/env bash
# Run the whole test suite (installs what it needs first). Extra arguments go to pytest.
source "$(dirname "$0")/_venv.sh"
pip_install -e '.[test]'
# Browser tests drive Debian's chromium (Playwright's own browser download does not work here).
if [ ! -x /usr/bin/chromium ] && [ -z "${KODEETIK_CHROMIUM:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests..." >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ||
      echo "warning: could not install chromium; browser tests will be skipped" >&2
  else
    echo "warning: no /usr/bin/chromium; browser tests will be skipped (sudo apt-get install chromium)" >&2
  fi
fi
exec .venv/bin/python -m pytest "$@"
