"""`mkdocs serve` works: it builds the site (in one process: see render/parallel.py) and serves it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import POSTER_CACHE, ROOT

pytestmark = pytest.mark.site  # builds through `mkdocs serve`, which the tier detection cannot see


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def test_mkdocs_serve_serves_the_generated_pages_and_prints():
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KODEETIK_POSTER_CACHE=POSTER_CACHE)
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        page = None
        deadline = time.monotonic() + 400
        while page is None and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(2)
            page = _get(base + "peraturan/perbup-bengkayang-51-2020/")
        if page is None:
            proc.kill()
            raise AssertionError("mkdocs serve did not serve the page:\n" + proc.communicate()[0][-3000:])
        assert 'id="bab_3__pasal_11__huruf_c"' in page
        poster = _get(base + "poster/peraturan/perbup-bengkayang-51-2020/larangan-a4/")
        assert poster is not None and "Larangan" in poster
        assert _get(base + "halaman-yang-tidak-ada/") is None  # negative control: a 404 is not a page
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
