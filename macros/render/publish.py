"""What the build may publish from the project's folders: never a file outside the project.

Git stores symbolic links, so one merge request can add `sources/x.txt -> /proc/self/environ` or
`content/x.txt -> ~/.ssh/id_rsa`; MkDocs follows links in `docs_dir` and in the theme folders
(`os.walk(followlinks=True)`, `shutil.copyfile`) and would publish the target. Two rules:

- `refuse_links`: at build start, no symbolic link anywhere in the folders the build reads or
  copies from (the docs folder, the theme overrides, the sources, the data), nor those folders
  themselves. A link inside a folder that points inside it would be harmless, but telling the two
  apart takes resolving every link, and no folder of the project needs one: refusing all is simpler
  to explain and to check.
- `source_files`: of `sources/`, only the files a regulation names in `sumber.berkas` are
  published, each a regular file directly inside the folder, read here through a descriptor opened
  without following links (so what was checked is what is published).

No MkDocs here: the glue publishes the bytes returned and turns `DataErrors` into its abort.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from ..kodeetik.errors import DataError, DataErrors

SOURCES_URL = "sumber"
"""Site folder of the published source texts (`/sumber/<berkas>`)."""

LINK_FIX = "put the file itself there instead of the link (or delete the link)."


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _link_error(path: Path, root: Path, folder: str) -> DataError:
    return DataError(_shown(path, root), None, "",
                     f"is a symbolic link; the build reads and publishes only regular files inside "
                     f"{folder}/, never what a link points to.", LINK_FIX)


def find_links(folder: Path) -> list[Path]:
    """Every symbolic link in `folder` (the folder itself included), without following any."""
    if folder.is_symlink():
        return [folder]
    links: list[Path] = []
    for parent, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in sorted(dirnames + filenames):
            path = Path(parent, name)
            if path.is_symlink():  # os.walk lists a link to a folder among dirnames, unvisited
                links.append(path)
    return sorted(links)


def refuse_links(folders: Iterable[Path], root: Path) -> None:
    """Raise DataErrors naming every symbolic link in `folders` (missing folders are skipped)."""
    errors = []
    for folder in folders:
        if folder.is_symlink() or folder.is_dir():
            errors += [_link_error(link, root, _shown(folder, root)) for link in find_links(folder)]
    if errors:
        raise DataErrors(errors)


def read_regular_file(path: Path) -> bytes:
    """The bytes of `path` if it is a regular file and not a symbolic link; OSError otherwise
    (ELOOP for a link, EISDIR/EINVAL for anything else). One descriptor, opened with O_NOFOLLOW
    (the file checked is the file read) and O_NONBLOCK (a FIFO does not hang the build)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(errno.EISDIR if stat.S_ISDIR(mode) else errno.EINVAL, "not a regular file", str(path))
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    finally:
        os.close(fd)


def source_files(corpus, sources_dir: Path, root: Path) -> dict[str, bytes]:
    """Site path -> bytes of every source text a regulation names, in the order of the regulations.

    Raises DataErrors naming the regulation and the file when a named file is a link, not a
    regular file, or not directly inside `sources_dir` (the loader refuses most of these with its
    own message first; this is the last check before publication)."""
    folder = sources_dir.resolve()
    shown = _shown(sources_dir, root)
    files: dict[str, bytes] = {}
    errors = []
    for reg in corpus.regulations:
        if reg.sumber is None:
            continue
        name = reg.sumber.berkas
        path = sources_dir / name
        outside = DataError(reg.path, None, "sumber > berkas", f"source file '{name}' is not a file "
                            f"directly inside {shown}/.", f"give the name of a file in {shown}/.")
        if name in ("", ".", "..") or "/" in name or "\\" in name or "\0" in name:
            errors.append(outside)
            continue
        if path.is_symlink():
            errors.append(DataError(_shown(path, root), None, "", f"is a symbolic link (named by {reg.path}, "
                                    f"sumber > berkas); the build publishes only regular files inside "
                                    f"{shown}/, never what a link points to.", LINK_FIX))
            continue
        if path.resolve().parent != folder:  # cannot happen after the two checks above: kept as a guard
            errors.append(outside)
            continue
        try:
            data = read_regular_file(path)  # O_NOFOLLOW: a link swapped in since is refused too
        except OSError as exc:
            errors.append(DataError(reg.path, None, "sumber > berkas", f"source file {_shown(path, root)} "
                                    f"cannot be read as a regular file ({exc.strerror}).",
                                    f"put the extracted text itself in {shown}/."))
            continue
        files[f"{SOURCES_URL}/{name}"] = data
    if errors:
        raise DataErrors(errors)
    return files
