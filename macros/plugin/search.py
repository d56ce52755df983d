"""Site search in the build: mark what Pagefind indexes, then build the index after the build.

The plugin wraps each page once its content is placed (`wrap`), and indexes the staged site before
it is swapped in (`build_index`). `mkdocs build` and `mkdocs serve` both build the index: there is
no separate step. The UI is `overrides/partials/ke-search.html` and `content/assets/search.js`.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import Abort

from macros.render.pagefind_sorted import PagefindError, index_site
from macros.render.pagefind_stable import FormatError, stabilise
from macros.render.search import NAVIGATION_TEMPLATES, page_entry, spec_entry
from macros.render.templating import uri_to_url

log = logging.getLogger("mkdocs.plugins.kodeetik.search")

BUNDLE_DIR = "pagefind"
"""Where the index goes inside the site (the UI finds it relative to each page)."""

EXCLUDE_SELECTORS = (
    ".ke-anchor",         # the "#" permalink next to each provision
    ".ke-copy",           # "Salin tautan" / "Salin kutipan" buttons
    ".ke-marker",         # "c." and the screen-reader label "huruf c:": a result names the
    ".visually-hidden",   # provision in its title ("Pasal 11 huruf c"), so excerpts start with text
    ".ke-meta",           # the information table: Pagefind joins <dt>/<dd> words ("Nomor51");
                          # its facts are filters and result metadata instead
    ".ke-source-warning", # the same notice on every page drawn from dissemination slides
    ".ke-transkripsi",    # repairs of extraction noise and the dropped noise lines
    ".headerlink",        # "¶" permalinks of hand-written pages
    ".ke-banding",        # links to the comparison rows: topic labels are the editors', not the text
    ".ke-backlinks",      # "Dirujuk oleh: BAB 7 SANKSI butir": names of other provisions, not this
                          # one's words; it showed in excerpts and made cited provisions match "dirujuk"
)
"""Chrome inside the indexed content that is not text to find; without these, adjacent words fuse
or every provision matches "salin"."""

UNUSED_BUNDLE_FILES = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js",
                       "pagefind-modular-ui.css", "pagefind-component-ui.js",
                       "pagefind-component-ui.css", "pagefind-highlight.js")
"""Pagefind's ready-made UIs, which assets/search.js does without: not published (about 440 KB),
nor is the WebAssembly of languages the index does not use."""


def wrap(html_out: str, page, spec, corpus, topics, renderer, site_name: str) -> str | None:
    """The page's content wrapped with its search entry (see _search_page.html), or None for a page
    not worth finding (navigation, or `search: {exclude: true}` in its front matter, Material's
    convention). `spec` is the generated page, or None for a hand-written one."""
    if spec is not None:
        if spec.template in NAVIGATION_TEMPLATES:
            return None
        entry = spec_entry(corpus, spec, topics)
    else:
        search_meta = page.meta.get("search") or {}
        if isinstance(search_meta, dict) and search_meta.get("exclude"):
            return None
        entry = page_entry(page.title or site_name)
    return renderer.render("_search_page.html", uri_to_url(page.file.src_uri),
                           content=Markup(html_out), entry=entry)


def build_index(site_dir: Path, language: str, expected_pages: int | None = None) -> dict:
    """Index `site_dir` with Pagefind into `site_dir/pagefind`; returns pagefind-entry.json.

    Fails unless exactly the pages marked with data-pagefind-body (`expected_pages` of them, when
    given) were indexed: when no page is marked, Pagefind silently indexes every whole page, chrome
    and all.
    """
    marked = sum(1 for p in site_dir.rglob("*.html") if b"data-pagefind-body" in p.read_bytes())
    if not marked or (expected_pages is not None and marked != expected_pages):
        raise Abort(f"{marked} pages carry data-pagefind-body, expected {expected_pages or 'some'} "
                    "(see macros/plugin/search.py and _search_page.html).")
    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():
        shutil.rmtree(bundle)  # Pagefind adds to an existing bundle (mkdocs serve rebuilds in place)
    try:  # pages given in sorted order: the same bundle whatever order the disk lists them in
        output = index_site(site_dir, BUNDLE_DIR, language, EXCLUDE_SELECTORS)
    except PagefindError as exc:
        raise Abort(f"Pagefind failed to build the search index: {exc}") from None
    if output:
        log.warning("Pagefind: %s", output)
    entry_file = bundle / "pagefind-entry.json"
    if not entry_file.is_file():
        raise Abort(f"Pagefind wrote no index to {bundle}:\n{output}")
    entry = json.loads(entry_file.read_text(encoding="utf-8"))
    used_wasm = {f"wasm.{lang.get('wasm') or 'unknown'}.pagefind" for lang in entry.get("languages", {}).values()}
    for path in bundle.iterdir():
        if path.name in UNUSED_BUNDLE_FILES or (path.name.startswith("wasm.") and path.name not in used_wasm):
            path.unlink()
    try:
        stabilise(bundle)  # Pagefind writes filters in hash-map order: same site, same bytes
    except (FormatError, KeyError, ValueError) as exc:  # an OSError (disk full) is the plugin's to report
        raise Abort(f"Pagefind's bundle is not as macros/render/pagefind_stable.py expects ({exc}); "
                    "a new Pagefind version? Update that module.") from None
    pages = sum(lang.get("page_count", 0) for lang in entry.get("languages", {}).values())
    if pages != marked:
        raise Abort(f"Pagefind indexed {pages} pages, but {marked} carry data-pagefind-body.")
    log.info("Search index: %d pages (%s)", pages, ", ".join(entry.get("languages", {})))
    return entry
