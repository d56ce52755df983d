"""MkDocs glue for the counter posters; called from hooks.py (kept apart so that file stays small).

The posters are planned with the other pages (their index page is one of them) and printed in
`on_config` too, before MkDocs cleans the site directory: a poster that cannot be printed stops the
build with the previous site untouched. Their HTML, PDF and PNG files are added in `on_files`.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from macros import state
from macros.kodeetik import DataErrors
from macros.render.pdf import PosterPrinter, PrintError
from macros.render.posters import build_poster_files, plan_posters, poster_index_page
from macros.render.poster_buat import maker_files
from macros.render.qr import is_placeholder

log = logging.getLogger("mkdocs.plugins.kodeetik.posters")

CACHE_ENV = "KODEETIK_POSTER_CACHE"
"""Environment variable: folder for the poster cache, or `off`; default `.cache/posters/`."""


def plan(config) -> None:
    """Plan the posters and add their index page to the generated pages."""
    state.posters = plan_posters(state.corpus)
    page = poster_index_page(state.corpus, state.posters)
    state.pages[page.uri] = page


def build(config) -> None:
    """Render and print every poster into `state.extra_files`, or stop the build."""
    if not state.posters:
        return
    if not config.site_url:
        raise Abort("\nsite_url is not set in mkdocs.yml: the posters' QR codes need the site's public "
                    "address. Set site_url (e.g. https://kode-etik.example.go.id/).")
    if is_placeholder(config.site_url):
        log.info("site_url %s is not a public address: posters, handbooks and sheets are printed as "
                 "drafts, without a QR code. Set site_url in mkdocs.yml to the site's address before "
                 "offices print them.", config.site_url)
    project = Path(config.config_file_path).resolve().parent
    cache = os.environ.get(CACHE_ENV, str(project / ".cache" / "posters"))
    try:
        printer = PosterPrinter(Path(config.docs_dir), None if cache == "off" else Path(cache))
        state.extra_files = build_poster_files(state.corpus, state.posters, state.renderer, printer,
                                               config.site_url)
        state.extra_files.update(maker_files(state.corpus, state.renderer, config.site_url))
    except DataErrors as exc:
        raise Abort("\n" + exc.report() + "\nNothing was built; the previous site is unchanged.") from None
    except PrintError as exc:
        raise Abort(f"\nA poster could not be printed: {exc}\nNothing was built; the previous site is "
                    "unchanged.") from None


def add_files(files: Files, config) -> None:
    """Add the posters' files to the site (as static files: they are not themed pages)."""
    for uri, content in state.extra_files.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))
