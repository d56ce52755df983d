"""The counter posters in the build: planned with the other pages (their index page is one of them)
and printed in `on_config` too, before MkDocs cleans the site directory, so a poster that cannot be
printed stops the build with the previous site untouched. The plugin publishes their HTML, PDF and
PNG files in `on_files`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from mkdocs.exceptions import Abort

from macros.kodeetik import DataErrors
from macros.render.pages import GeneratedPage
from macros.render.posters import Poster, build_poster_files, plan_posters, poster_index_page
from macros.render.poster_buat import maker_files
from macros.render.printing import Printer, PrintError
from macros.render.qr import is_placeholder

from .errors import abort, data_abort

log = logging.getLogger("mkdocs.plugins.kodeetik.posters")


def plan(corpus) -> tuple[list[Poster], GeneratedPage]:
    """The posters and the Poster page that lists them."""
    posters = plan_posters(corpus)
    return posters, poster_index_page(corpus, posters)


def print_files(corpus, posters: list[Poster], renderer, printer: Printer, site_url: str | None,
                map_fn: Callable) -> dict[str, bytes | str]:
    """Every poster's HTML, PDFs and preview, and the poster maker's files, by site path; or stop
    the build."""
    if not posters:
        return {}
    if not site_url:
        raise Abort("\nsite_url is not set in mkdocs.yml: the posters' QR codes need the site's public "
                    "address. Set site_url (e.g. https://kode-etik.example.go.id/).")
    if is_placeholder(site_url):
        log.info("site_url %s is not a public address: posters, handbooks and sheets are printed as "
                 "drafts, without a QR code. Set site_url in mkdocs.yml to the site's address before "
                 "offices print them.", site_url)
    try:
        files = build_poster_files(corpus, posters, renderer, printer, site_url, map_fn=map_fn)
        files.update(maker_files(corpus, renderer, site_url))
        return files
    except DataErrors as exc:
        raise data_abort(exc) from None
    except PrintError as exc:
        raise abort(f"A poster could not be printed: {exc}") from None
