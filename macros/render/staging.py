"""Build into a folder of one's own, then swap it into place: a site is never half written or mixed.

- `prepare(site)`: removes the leftovers of killed builds, then makes a new staging folder beside
  the site, `site.building-<pid>-<random>`. Every build has its own, so two builds at once in one
  project never write into each other's files (the old fixed `site.building` was emptied by the
  second build while the first was writing into it).
- `publish(staging, site)`: swaps the staging folder in, holding an exclusive `flock` on the
  site's parent folder so that two builds finishing together swap one after the other (the last
  one's site stays, whole). On Linux the swap is one `renameat2(RENAME_EXCHANGE)`: the old site and
  the new one trade places atomically, so `site/` always exists and is always a complete site; the
  old one is then deleted from the staging name. Where that call is missing (not Linux, or a file
  system without it), two renames are used, and for that instant there is no `site/`.
  The alternative, a `site` symbolic link switched to versioned folders, is atomic everywhere, but
  then `site/` is a link, which copying and upload tools treat in their own ways; we keep a plain
  folder.
- `discard(staging)`: removes a failed build's folder.
- `clean_stale(site)`: a staging folder whose process is gone is a leftover (the build was killed
  or the machine stopped); it is deleted. A folder whose pid is alive is left alone, even when the
  pid was reused by an unrelated process: it is removed by a later build.

No MkDocs here; `macros/hooks.py` calls these. Errors are OSError; `write_error` words them.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import errno
import fcntl
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

MARK = ".building-"
"""Between the site's name and `<pid>-<random>` in a staging folder's name."""

LEGACY = (".building", ".old")
"""Fixed-name folders of earlier versions of the build, removed as leftovers."""


def _staging_pattern(site: Path) -> re.Pattern[str]:
    return re.compile(re.escape(site.name + MARK) + r"(\d+)-")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _remove(path: Path) -> None:
    """Delete a folder (or file) tree; gone already is fine (two builds may clean at once)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, onerror=_ignore_missing)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _ignore_missing(function, path, exc_info) -> None:
    if not isinstance(exc_info[1], FileNotFoundError):
        raise exc_info[1]


def clean_stale(site: Path) -> list[Path]:
    """Delete the staging folders beside `site` whose build process is gone; returns them."""
    parent = site.parent
    if not parent.is_dir():
        return []
    pattern = _staging_pattern(site)
    stale = []
    for entry in sorted(parent.iterdir()):
        match = pattern.match(entry.name)
        if match and not _alive(int(match.group(1))):
            stale.append(entry)
    for entry in stale:
        if entry.name.endswith("-old") and not (site.exists() or site.is_symlink()):
            # Killed between the two renames of publish's fallback: this is the only site left.
            os.rename(entry, site)
        else:
            _remove(entry)
    return stale


def prepare(site: Path) -> Path:
    """A new, empty staging folder for one build of `site` (leftovers of killed builds removed)."""
    parent = site.parent
    parent.mkdir(parents=True, exist_ok=True)
    clean_stale(site)
    with _locked(parent):  # a legacy folder may only be touched by one build at a time
        for suffix in LEGACY:
            legacy = parent / (site.name + suffix)
            if legacy.is_dir():
                _remove(legacy)
    staging = Path(tempfile.mkdtemp(prefix=f"{site.name}{MARK}{os.getpid()}-", dir=parent))
    # A build that stops with SystemExit (mkdocs-macros exits on a macro error) skips MkDocs'
    # build_error event: removed at exit then. Only a killed process leaves it, for clean_stale.
    atexit.register(_discard_at_exit, staging, os.getpid())
    return staging


def _discard_at_exit(staging: Path, pid: int) -> None:
    if os.getpid() == pid:  # not in a forked worker, which inherits the handler
        shutil.rmtree(staging, ignore_errors=True)


def discard(staging: Path) -> None:
    """Remove a failed build's staging folder."""
    _remove(staging)


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive flock on `folder` itself (no lock file to leave behind); waits for the holder.

    Released by the kernel when the process dies, so a killed build never leaves it held."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the only descriptor releases the lock


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two existing paths (Linux renameat2); False when this system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False  # the kernel or the file system does not know the flag
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def publish(staging: Path, site: Path) -> None:
    """Put the finished build in `staging` at `site`, replacing the site that was there."""
    with _locked(site.parent):
        if not (site.exists() or site.is_symlink()):
            os.rename(staging, site)
            return
        if not exchange(staging, site):
            aside = staging.with_name(staging.name + "-old")  # a leftover name clean_stale knows
            os.rename(site, aside)
            os.rename(staging, site)
            staging = aside
    # Now the old site. The new one is live: failing to delete the old one is not the build's
    # failure (a later build removes it as a leftover), and deleting needs no lock.
    shutil.rmtree(staging, ignore_errors=True)


FIXES = {
    errno.ENOSPC: "free space on that disk, or build elsewhere with -d DIR",
    errno.EDQUOT: "free space within your disk quota, or build elsewhere with -d DIR",
    errno.EACCES: "let the user running the build write there, or build elsewhere with -d DIR",
    errno.EPERM: "let the user running the build write there, or build elsewhere with -d DIR",
    errno.EROFS: "the file system is read-only: build elsewhere with -d DIR",
}
"""How to fix the write errors a build meets; others get a generic fix."""


def write_error(exc: OSError, site: Path) -> str:
    """One message for an I/O error met by a build: what, where, the fix, and that the site stays."""
    name = errno.errorcode.get(exc.errno or 0, "")
    what = f"{exc.strerror or exc}" + (f" ({name})" if name else "")
    where = Path(exc.filename) if exc.filename else site
    writing = where == site or where.is_relative_to(site) or \
        any(part.startswith(site.name + MARK) for part in where.parts)
    fix = FIXES.get(exc.errno or 0, "check that disk and folder, or build elsewhere with -d DIR")
    return (f"Could not {'write the site' if writing else 'read or write a file'}: {what}: {where}. "
            f"Fix: {fix}.\nNothing was published; the previous site in {site} is unchanged.")
