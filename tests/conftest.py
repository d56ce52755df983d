"""Shared fixtures: build real sites (the project's own, or a fixture project) into tmp dirs."""

from __future__ import annotations

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
    for name in ("macros", "overrides"):
        (project / name).symlink_to(ROOT / name)
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
