"""How the plugin stops a build: one message, no traceback, the previous site left as it was."""

from __future__ import annotations

from mkdocs.exceptions import Abort

from macros.kodeetik import DataErrors

UNCHANGED = "Nothing was built; the previous site is unchanged."


def abort(message: str) -> Abort:
    """An Abort (MkDocs prints it without a traceback and exits non-zero) saying nothing was built."""
    return Abort(f"\n{message}\n{UNCHANGED}")


def data_abort(exc: DataErrors) -> Abort:
    """Every data error found, each naming its file and place."""
    return abort(exc.report())
