"""Cross-references in the build: load the catalogue, resolve references, report what is unresolved.

The work itself is in `kodeetik/` (no MkDocs) and `render/xref_pages.py`. Unresolved references are
logged as warnings, so a plain `mkdocs build` still writes the site while `mkdocs build --strict`
fails on them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.structure.files import InclusionLevel

from macros.kodeetik import DataErrors
from macros.kodeetik.dasar import DASAR_FILE, load_katalog
from macros.kodeetik.xref import build_links
from macros.render.xref_pages import (
    JUMP_INDEX,
    jump_index,
    plan_xref_pages,
    xref_context,
)

from .errors import data_abort

log = logging.getLogger("mkdocs.plugins.kodeetik.xref")


def prepare(corpus, data_dir: Path, project: Path):
    """Return (links, extra context for every data page, extra pages); abort on catalogue errors."""
    try:
        shown = str((data_dir / DASAR_FILE).relative_to(project))
    except ValueError:
        shown = str(data_dir / DASAR_FILE)
    katalog, errors = load_katalog(data_dir, corpus, display=shown)
    if errors:
        raise data_abort(DataErrors(errors))
    links = build_links(corpus, katalog)
    for problem in links.problems:
        log.warning("Unresolved reference: %s", problem)
    log.info("Cross-references: %d links, %d unresolved.", links.jumlah, len(links.problems))
    return links, xref_context(corpus, links), plan_xref_pages(corpus, links)


def inclusion(uri: str) -> InclusionLevel:
    """Instrument pages are reached from the overview and the texts, not from the navigation."""
    if uri.startswith("dasar-hukum/") and uri != "dasar-hukum/index.md":
        return InclusionLevel.NOT_IN_NAV
    return InclusionLevel.UNDEFINED


def extra_files(corpus) -> dict[str, str]:
    """Static files to publish: the citation jump index."""
    return {JUMP_INDEX: jump_index(corpus)}
