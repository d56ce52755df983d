"""The staging folder of a build: unique, swapped in atomically under a lock, leftovers cleaned (no build)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from macros.render import staging


def make_site(path: Path, text: str) -> Path:
    path.mkdir(parents=True)
    (path / "index.html").write_text(text, encoding="utf-8")
    return path


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_each_build_gets_its_own_staging_folder_named_with_its_pid(tmp_path):
    site = tmp_path / "site"
    a, b = staging.prepare(site), staging.prepare(site)
    assert a != b and a.is_dir() and b.is_dir() and not any(a.iterdir())
    assert a.parent == b.parent == tmp_path
    assert a.name.startswith(f"site.building-{os.getpid()}-")


def test_leftovers_of_dead_builds_are_removed_and_live_ones_kept(tmp_path):
    site = make_site(tmp_path / "site", "lama")
    dead = make_site(tmp_path / f"site.building-{dead_pid()}-k1ll3d", "setengah")
    alive = make_site(tmp_path / f"site.building-{os.getppid()}-running", "sedang dibangun")
    other = make_site(tmp_path / "site2.building-1-x", "situs lain")  # another site's: not ours to touch
    legacy = make_site(tmp_path / "site.building", "versi lama")
    mine = staging.prepare(site)
    assert not dead.exists() and not legacy.exists()
    assert alive.is_dir() and other.is_dir() and mine.is_dir()
    assert (site / "index.html").read_text(encoding="utf-8") == "lama"  # the site is never touched


def test_a_build_killed_between_the_fallback_renames_gets_its_site_back(tmp_path):
    site = tmp_path / "site"
    aside = make_site(tmp_path / f"site.building-{dead_pid()}-abc-old", "situs terakhir")
    assert staging.clean_stale(site) == [aside]
    assert (site / "index.html").read_text(encoding="utf-8") == "situs terakhir"
    assert not aside.exists()


@pytest.mark.parametrize("can_exchange", [True, False], ids=["renameat2", "two-renames"])
def test_publish_replaces_the_site_and_leaves_nothing_behind(tmp_path, monkeypatch, can_exchange):
    if can_exchange:
        assert staging.exchange(make_site(tmp_path / "x", "x"), make_site(tmp_path / "y", "y")), \
            "renameat2(RENAME_EXCHANGE) is expected on Linux with this file system"
        assert (tmp_path / "x" / "index.html").read_text(encoding="utf-8") == "y"
    else:
        monkeypatch.setattr(staging, "exchange", lambda a, b: False)
    site = make_site(tmp_path / "site", "lama")
    new = staging.prepare(site)
    (new / "index.html").write_text("baru", encoding="utf-8")
    staging.publish(new, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "baru"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("site")) == ["site"]


def test_publish_without_an_earlier_site(tmp_path):
    new = staging.prepare(tmp_path / "out" / "site")
    (new / "a").write_text("a", encoding="utf-8")
    staging.publish(new, tmp_path / "out" / "site")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["site"]


def test_the_swap_lock_is_exclusive_between_processes(tmp_path):
    probe = ("import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDONLY)\n"
             "try:\n    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB); print('free')\n"
             "except BlockingIOError:\n    print('held')")

    def other_process_sees() -> str:
        return subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True,
                              check=True).stdout.strip()

    assert other_process_sees() == "free"  # negative control
    with staging._locked(tmp_path):
        assert other_process_sees() == "held"
    assert other_process_sees() == "free"


def _build_that_stops(tmp_path: Path, how: str) -> Path:
    """A process that makes a staging folder beside tmp_path/site, then exits or is killed."""
    script = ("import os, signal, sys; from pathlib import Path; from macros.render import staging\n"
              f"path = staging.prepare(Path({str(tmp_path / 'site')!r})); print(path, flush=True)\n"
              + ("sys.exit(3)" if how == "exit" else "os.kill(os.getpid(), signal.SIGKILL)"))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=Path(staging.__file__).parents[2], check=False)
    assert proc.returncode == (3 if how == "exit" else -9), proc.stderr
    return Path(proc.stdout.strip())


def test_a_build_that_exits_removes_its_folder_and_a_killed_ones_is_cleaned_next_time(tmp_path):
    assert not _build_that_stops(tmp_path, "exit").exists()  # SystemExit: removed at exit
    killed = _build_that_stops(tmp_path, "kill")
    assert killed.is_dir()  # SIGKILL leaves it: nothing runs in a killed process
    assert staging.clean_stale(tmp_path / "site") == [killed]
    assert list(tmp_path.iterdir()) == []


def test_discard_removes_a_failed_builds_folder(tmp_path):
    new = staging.prepare(tmp_path / "site")
    (new / "sub").mkdir()
    (new / "sub" / "f").write_text("x", encoding="utf-8")
    staging.discard(new)
    staging.discard(new)  # gone already: fine
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("code, text, fix", [
    (errno.ENOSPC, "No space left on device (ENOSPC)", "free space on that disk, or build elsewhere with -d DIR"),
    (errno.EACCES, "Permission denied (EACCES)",
     "let the user running the build write there, or build elsewhere with -d DIR"),
    (errno.EROFS, "Read-only file system (EROFS)", "the file system is read-only: build elsewhere with -d DIR"),
    (errno.EIO, "Input/output error (EIO)", "check that disk and folder, or build elsewhere with -d DIR"),
])
def test_write_errors_say_what_where_and_how_to_fix(code, text, fix):
    site = Path("/srv/web/site")
    exc = OSError(code, os.strerror(code), "/srv/web/site.building-12-ab/peraturan/index.html")
    assert staging.write_error(exc, site) == (
        f"Could not write the site: {text}: /srv/web/site.building-12-ab/peraturan/index.html. Fix: {fix}.\n"
        "Nothing was published; the previous site in /srv/web/site is unchanged.")


def test_an_error_on_a_file_outside_the_site_is_not_called_a_write_of_the_site():
    exc = OSError(errno.EACCES, "Permission denied", "/srv/project/content/index.md")
    assert staging.write_error(exc, Path("/srv/web/site")).startswith(
        "Could not read or write a file: Permission denied (EACCES): /srv/project/content/index.md. Fix:")
    no_name = staging.write_error(OSError(errno.ENOSPC, "No space left on device"), Path("/srv/web/site"))
    assert no_name.startswith("Could not write the site: No space left on device (ENOSPC): /srv/web/site. Fix:")
