"""Real builds: two at once leave one build's site; links refused; a failing disk leaves the site as it was.

The logic has unit tests of its own (test_staging.py, test_publish.py); these run `mkdocs build`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import POSTER_CACHE, ROOT, make_project, run_mkdocs
from test_reproducible import digests

HARNESS = Path(__file__).resolve().parent / "faulty_build.py"


def _env() -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1",
                KODEETIK_POSTER_CACHE=os.environ.get("KODEETIK_POSTER_CACHE", POSTER_CACHE))


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "site")


def test_two_builds_at_once_leave_exactly_the_site_one_build_makes(real_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(real_site.site, site)
    (site / "stale-page.html").write_text("dari build sebelumnya", encoding="utf-8")
    # What killed builds leave behind: cleaned by the next build (a pid no process has any more).
    killed = tmp_path / f"site.building-{_dead_pid()}-k1ll3d"
    (killed / "peraturan").mkdir(parents=True)
    (killed / "peraturan" / "index.html").write_text("setengah", encoding="utf-8")
    (tmp_path / "site.building").mkdir()  # the fixed name of earlier versions

    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=900)[0] for p in procs]
    for proc, out in zip(procs, outputs):
        assert proc.returncode == 0, out
        assert "Traceback" not in out and f"Site written to {site}" in out, out
    # Each wrote into a folder of its own, at the same time.
    stagings = [re.search(r"Building documentation to directory: (\S+)", out).group(1) for out in outputs]
    assert stagings[0] != stagings[1] and all(".building-" in s for s in stagings)

    assert digests(site) == digests(real_site.site)  # every file, byte for byte; the stale page gone
    assert leftovers(tmp_path) == []


def test_a_link_in_any_published_folder_stops_the_build_and_names_it(real_site, tmp_path):
    project = make_project(tmp_path)
    site = project / "site"
    shutil.copytree(real_site.site, site)
    before = digests(site)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=jangan-terbit", encoding="utf-8")
    (project / "sources" / "x.txt").symlink_to("/proc/self/environ")
    (project / "content" / "assets" / "kunci.txt").symlink_to(secret)
    (project / "overrides" / "kunci.txt").symlink_to(secret)
    build = run_mkdocs(project, site)
    out = build.output
    assert build.returncode != 0 and "Traceback" not in out, out
    tail = ("is a symbolic link; the build reads and publishes only regular files inside {}/, never what a "
            "link points to. Fix: put the file itself there instead of the link (or delete the link).")
    for link, folder in (("content/assets/kunci.txt", "content"), ("overrides/kunci.txt", "overrides"),
                         ("sources/x.txt", "sources")):
        assert f"  - {link}: {tail.format(folder)}" in out, out
    assert "Nothing was built; the previous site is unchanged." in out
    assert "jangan-terbit" not in out
    assert digests(site) == before
    assert not [p for p in project.iterdir() if ".building" in p.name]

    # Negative control: without the links the same project builds, and a source file no regulation
    # names is not published.
    for link in ("sources/x.txt", "content/assets/kunci.txt", "overrides/kunci.txt"):
        (project / link).unlink()
    (project / "sources" / "tidak-disebut.txt").write_text("bukan sumber peraturan", encoding="utf-8")
    build = run_mkdocs(project, site)
    assert build.returncode == 0, build.output
    assert sorted(p.name for p in (site / "sumber").iterdir()) == sorted(
        p.name for p in (ROOT / "sources").glob("*.txt"))
    assert not (site / "kunci.txt").exists() and not (site / "assets" / "kunci.txt").exists()


def test_only_the_source_files_the_data_names_are_published(real_site):
    from macros.kodeetik import load_corpus

    named = {r.sumber.berkas for r in load_corpus(ROOT / "regulations").regulations if r.sumber}
    assert named and {p.name for p in (real_site.site / "sumber").iterdir()} == named


@pytest.mark.parametrize("code, when, what", [
    ("ENOSPC", "40", "Could not write the site: No space left on device (ENOSPC): "),
    ("EACCES", "/perbandingan/", "Could not write the site: Permission denied (EACCES): "),
    ("EROFS", "-1", "Could not write the site: Read-only file system (EROFS): "),
], ids=["disk-full-while-copying-files", "refused-while-writing-pages", "read-only-at-the-staging-folder"])
def test_a_failing_disk_gives_one_message_and_leaves_the_site(real_site, tmp_path, code, when, what):
    site = tmp_path / "site"
    shutil.copytree(real_site.site, site)
    before = digests(site)
    proc = subprocess.run([sys.executable, str(HARNESS), code, when, "build", "--strict",
                           "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
                          check=False, cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=900)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "Traceback" not in out and "[Errno" not in out, out  # one message: not MkDocs' own too
    line = next((ln for ln in out.splitlines() if ln.startswith(what)), None)
    assert line is not None, out
    assert f"{tmp_path}/site.building-" in line and " Fix: " in line and line.endswith("-d DIR."), line
    assert f"Nothing was published; the previous site in {site} is unchanged." in out
    assert digests(site) == before
    assert leftovers(tmp_path) == []  # the staging folder is removed
