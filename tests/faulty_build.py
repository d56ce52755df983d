"""Test harness only: run `mkdocs build` in this process with the disk failing under it.

    python tests/faulty_build.py ERRNO WHEN MKDOCS-ARGS...

WHEN is a number N: after N files were opened for writing inside a staging folder (`*.building-*`),
the next one fails with OSError(ERRNO), as a full disk (ENOSPC), a read-only file system (EROFS)
or a permission change (EACCES) would; N = -1 fails the creation of the staging folder itself.
Otherwise WHEN is a piece of a path: the first such file whose path contains it fails. The production code
knows nothing of this: the fault is injected by patching `open` and `os.mkdir` here.
"""

from __future__ import annotations

import builtins
import errno
import os
import sys

MARK = ".building-"


def main() -> None:
    code, when, args = getattr(errno, sys.argv[1]), sys.argv[2], sys.argv[3:]
    after = int(when) if when.lstrip("-").isdigit() else None
    real_open, real_mkdir = builtins.open, os.mkdir
    writes = 0

    def fail(path) -> OSError:
        return OSError(code, os.strerror(code), os.fspath(path))

    def faulty_open(file, mode="r", *rest, **kwargs):
        nonlocal writes
        if isinstance(file, (str, bytes, os.PathLike)) and MARK in str(os.fspath(file)) and \
                any(c in mode for c in "wax+"):
            writes += 1
            if (writes > after) if after is not None else (when in str(os.fspath(file))):
                raise fail(file)
        return real_open(file, mode, *rest, **kwargs)

    def faulty_mkdir(path, *rest, **kwargs):
        if after is not None and after < 0 and MARK in str(os.fspath(path)):
            raise fail(path)
        return real_mkdir(path, *rest, **kwargs)

    builtins.open, os.mkdir = faulty_open, faulty_mkdir
    from mkdocs.__main__ import cli

    cli(args, prog_name="mkdocs")


if __name__ == "__main__":
    main()
