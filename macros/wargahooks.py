"""MkDocs glue for the citizens' and trainees' pages; called from hooks.py (kept apart so that file
stays small): "Hak Anda" per region, and per regulation an orientation handbook, a quiz and a
trainer's sheet.

Like the posters, everything is planned and printed in `on_config`, before MkDocs cleans the site
directory: a data error or a failed print stops the build with the previous site untouched. The
handbooks and sheets are standalone pages (their own print stylesheet, no theme) added as static
files with their PDFs in `on_files`; the region and quiz pages are ordinary generated pages, kept
out of the navigation (the `Hak Anda` and `Pelatihan` index pages lead to them).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

from macros import state
from macros.kodeetik import DataErrors
from macros.render.cetak import DocumentPrinter
from macros.render.hak_anda import BASE as HAK_BASE, INDEX_URI as HAK_INDEX, hak_url, plan_hak_pages
from macros.render.pdf import PrintError
from macros.render.pelatihan import (BASE as TRAINING_BASE, INDEX_URI as TRAINING_INDEX, build_training_files,
                                     plan_materi, plan_training_pages, training_urls)

CACHE_ENV = "KODEETIK_POSTER_CACHE"
"""The posters' cache setting (a folder, or `off`) is used for the handbooks and sheets too."""

_materi: list = []
"""This build's training material (reset by `plan`: the module lives across `mkdocs serve` rebuilds)."""
_files: dict = {}
"""This build's handbook and sheet files by site path."""


def _abort(exc: DataErrors) -> Abort:
    return Abort("\n" + exc.report() + "\nNothing was built; the previous site is unchanged.")


def page_context(corpus) -> dict:
    """What every data page may link to: each region's Hak Anda page, each regulation's material."""
    return {"hak_url": {w.kode: hak_url(corpus, w) for w in corpus.wilayah},
            "latihan_url": training_urls(corpus)}


def plan(config, site) -> None:
    """Make the quizzes from the loaded data (SiteData), add the pages to `state.pages`."""
    global _materi, _files
    _materi, _files = [], {}
    hak, kuis = site.hak, site.kuis
    context = page_context(state.corpus)
    _materi = plan_materi(state.corpus, state.topics, kuis)
    for page in plan_hak_pages(state.corpus, state.topics, hak, context) + \
            plan_training_pages(state.corpus, state.topics, _materi, context):
        state.pages[page.uri] = page


def build(config) -> None:
    """Render and print the handbooks and trainer's sheets (HTML + PDF)."""
    global _files
    project = Path(config.config_file_path).resolve().parent
    cache = os.environ.get(CACHE_ENV, str(project / ".cache" / "posters"))
    try:
        printer = DocumentPrinter(Path(config.docs_dir), None if cache == "off" else Path(cache))
        _files = build_training_files(state.corpus, state.topics, _materi, state.renderer, printer,
                                      config.site_url or "", page_context(state.corpus))
    except DataErrors as exc:
        raise _abort(exc) from None
    except PrintError as exc:
        raise Abort(f"\nA handbook or trainer's sheet could not be printed: {exc}\nNothing was built; the "
                    "previous site is unchanged.") from None


def add_files(files: Files, config) -> None:
    """Add the handbooks and sheets; keep the region and quiz pages out of the navigation."""
    for uri, content in _files.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
    for file in files:
        uri = file.src_uri
        if (uri.startswith(HAK_BASE + "/") and uri != HAK_INDEX) or \
                (uri.startswith(TRAINING_BASE + "/") and uri.endswith("/kuis.md") and uri != TRAINING_INDEX):
            file.inclusion = InclusionLevel.NOT_IN_NAV
