"""Staging in the build: every `mkdocs build` writes into a folder of its own and swaps it in at the
end (`render/staging.py`, no MkDocs), so a failed build never leaves a half-written site and two
builds at once never mix. `mkdocs serve` builds into its own temporary folder and is not staged.

An I/O error (disk full, permissions) stops the build with one message (`write_error`: what, where,
the fix), not a traceback; MkDocs' own line about it is left out (`WriteErrorOnce`).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.utils import CountHandler

from macros.render import staging as folders

log = logging.getLogger("mkdocs.plugins.kodeetik")


class WriteErrorOnce(logging.Filter):
    """MkDocs logs "Error building page 'x': [Errno 28] ..." before re-raising an I/O error, which
    the plugin's on_build_error then reports once, with where and the fix: its line is left out."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Error building page") and "[Errno " in message)


WRITE_ERROR_ONCE = WriteErrorOnce()
"""Added once to MkDocs' build logger (adding the same filter again does nothing)."""


def write_abort(exc: OSError, final: str) -> Abort:
    return Abort("\n" + folders.write_error(exc, Path(final)))


def stage(final: str) -> str:
    """A new staging folder for the site that goes to `final`."""
    logging.getLogger("mkdocs.commands.build").addFilter(WRITE_ERROR_ONCE)
    try:
        return str(folders.prepare(Path(final)))
    except OSError as exc:
        raise write_abort(exc, final) from None


def swap_in(staging: str, final: str, strict: bool) -> bool:
    """Put the finished build in `staging` at `final`; False when it must not replace the site."""
    if strict and warnings_counted():
        # MkDocs aborts right after on_post_build when --strict saw a warning (an unresolved
        # reference, a broken link): that build must not replace the site either.
        return False
    try:
        folders.publish(Path(staging), Path(final))
    except OSError as exc:
        raise write_abort(exc, final) from None  # on_build_error discards the staging folder
    log.info("Site written to %s", final)
    return True


def discard(staging: str) -> None:
    """Remove a failed build's staging folder."""
    folders.discard(Path(staging))


def warnings_counted() -> int:
    """Warnings MkDocs' strict-mode counter has seen in this build (it aborts on any)."""
    return sum(sum(h.counts.values()) for h in logging.getLogger("mkdocs").handlers
               if isinstance(h, CountHandler))
