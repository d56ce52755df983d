"""Shared fixtures: build real sites (the project's own, or a fixture project) into tmp dirs."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Build:
    """Result of one `mkdocs build` run."""

    returncode: int
    output: str
    site: Path


# One poster cache for every build of the session (it is keyed by content): fixture projects then
# print only the posters their altered data changes. The first build still prints everything.
POSTER_CACHE = tempfile.mkdtemp(prefix="kodeetik-posters-")


def run_mkdocs(project: Path, site: Path, *extra: str, timeout: int = 600) -> Build:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    env.setdefault("KODEETIK_POSTER_CACHE", POSTER_CACHE)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(site), *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=timeout,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


def make_project(tmp: Path, regulations: Path | None = None, sources: Path | None = None) -> Path:
    """A copy of the project whose data can be replaced; code is linked, not copied."""
    project = tmp / "project"
    project.mkdir()
    (project / "macros").symlink_to(ROOT / "macros")
    # Copied, not linked: the build refuses any link in the folders it publishes from (publish.py).
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(regulations or ROOT / "regulations", project / "regulations")
    shutil.copytree(sources or ROOT / "sources", project / "sources")
    return project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The project's own site, built once per test session with --strict."""
    site = tmp_path_factory.mktemp("real") / "site"
    build = run_mkdocs(ROOT, site)
    assert build.returncode == 0, build.output
    return build


# --------------------------------------------------------------------------- browser tests

CHROMIUM = os.environ.get("KODEETIK_CHROMIUM", "/usr/bin/chromium")
"""Debian's chromium: Playwright's own browser download does not work on these machines."""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@contextlib.contextmanager
def serve_directory(directory: Path):
    """Serve a folder over HTTP on a free port of 127.0.0.1; yields the base URL (ends in '/')."""
    import functools
    import http.server
    import threading

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def served(real_site):
    """The project's built site over HTTP (fonts and Pagefind do not load from file: URLs)."""
    with serve_directory(real_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium through Playwright; skipped with the reason when it cannot be had (fails in CI)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    if not Path(CHROMIUM).is_file():
        message = (f"no chromium at {CHROMIUM}: install Debian's package (apt-get install chromium; "
                   "scripts/test.sh does it when run as root) or set KODEETIK_CHROMIUM")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_api.sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
