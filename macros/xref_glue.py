"""MkDocs glue of the cross-references: report what is unresolved, plan the instrument pages.

Called from `hooks.on_config` and `hooks.on_files`; the work itself is in `kodeetik/` (no MkDocs) and
`render/xref_pages.py`. Unresolved references are logged as warnings, so a plain `mkdocs build` still
writes the site while `mkdocs build --strict` fails on them.
"""

from __future__ import annotations

import logging

from mkdocs.structure.files import InclusionLevel

from macros.render.xref_pages import JUMP_INDEX, jump_index, plan_xref_pages, xref_context

log = logging.getLogger("mkdocs.hooks.kodeetik.xref")


def prepare(site):
    """Return (links, extra context for every data page, extra pages) of the loaded data (SiteData)."""
    corpus, links = site.corpus, site.links
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
