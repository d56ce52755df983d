#!/usr/bin/env bash
# Run the whole test suite (installs what it needs first). Extra arguments go to pytest.
source "$(dirname "$0")/_venv.sh"
pip_install -e '.[test]'
exec .venv/bin/python -m pytest "$@"
