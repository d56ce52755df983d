# Sourced by build.sh and test.sh: make .venv with the project installed, on a fresh Debian too.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -m venv .venv 2>/dev/null; then
    # Debian ships venv separately; install it when we can (root, as in CI).
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
      rm -rf .venv && "$PY" -m venv .venv
    else
      echo "error: '$PY -m venv' failed; install python3-venv (sudo apt-get install python3-venv)" >&2
      exit 1
    fi
  fi
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null

# Debian packages the build or the tests need; installed when we can (root, as in CI).
APT_UPDATED=
apt_install() {
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "warning: missing system packages; install them: sudo apt-get install $*" >&2
    return 0
  fi
  if [ -z "$APT_UPDATED" ]; then apt-get update -qq && APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
# WeasyPrint (poster PDFs) loads Pango and its FreeType backend at run time.
if ! { ldconfig -p || /sbin/ldconfig -p; } 2>/dev/null | grep -q 'libpangoft2-1.0.so.0'; then
  apt_install libpango-1.0-0 libpangoft2-1.0-0
fi
# `kodeetik import FILE.pdf` reads scanned pages with Tesseract (English and Indonesian models).
if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx 'ind'; then
  apt_install tesseract-ocr tesseract-ocr-eng tesseract-ocr-ind
fi
export NO_MKDOCS_2_WARNING=1

# pip's build backend is chatty even with -q: keep its output unless the install fails.
pip_install() {
  local log
  log=$(mktemp)
  if ! .venv/bin/python -m pip install -q --disable-pip-version-check "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}
