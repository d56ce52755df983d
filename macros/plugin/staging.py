"""Build into a sibling folder and swap it in at the end, so a failed build never leaves a
half-written site behind (`mkdocs build` only; `mkdocs serve` builds into its own temporary folder)."""

from __future__ import annotations

import logging
import os
import shutil

from mkdocs.utils import CountHandler

log = logging.getLogger("mkdocs.plugins.kodeetik")

SUFFIX = ".building"


def stage(site_dir: str) -> str:
    """The staging folder for `site_dir`, emptied."""
    staging = site_dir.rstrip("/\\") + SUFFIX
    if os.path.isdir(staging):
        shutil.rmtree(staging)
    return staging


def swap_in(staging: str, final: str, strict: bool) -> bool:
    """Move `staging` to `final` (the old site removed); False when nothing was moved."""
    if strict and warnings_counted():
        # MkDocs aborts right after on_post_build when --strict saw a warning (an unresolved
        # reference, a broken link): that build must not replace the site either.
        return False
    old = final.rstrip("/\\") + ".old"
    if os.path.isdir(old):
        shutil.rmtree(old)
    if os.path.isdir(final):
        os.rename(final, old)
    os.rename(staging, final)
    if os.path.isdir(old):
        shutil.rmtree(old)
    log.info("Site written to %s", final)
    return True


def warnings_counted() -> int:
    """Warnings MkDocs' strict-mode counter has seen in this build (it aborts on any)."""
    return sum(sum(h.counts.values()) for h in logging.getLogger("mkdocs").handlers
               if isinstance(h, CountHandler))
