#!/usr/bin/env bash
# Run the whole test suite (installs what it needs first). Extra arguments go to pytest.
source "$(dirname "$0")/_venv.sh"
pip_install -e '.[test]'
# The print test drives Debian's chromium through Playwright (`playwright install` cannot be used).
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi
exec .venv/bin/python -m pytest "$@"
