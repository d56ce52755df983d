"""MkDocs glue for site search: mark what Pagefind indexes, then build the index after the build.

Registered in mkdocs.yml under `hooks:` after `macros/hooks.py`, so its `on_page_content` sees the
page HTML that hooks.py placed. `mkdocs build` and `mkdocs serve` both build the index: there is no
separate step. The UI is `overrides/partials/ke-search.html` and `content/assets/search.js`.
"""

from __future__ import annotations

import json
import logging
import shutil
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:  # hooks are imported by path, not as part of the package
    sys.path.insert(0, str(_ROOT))

from markupsafe import Markup  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from macros import state  # noqa: E402
from macros.render.pagefind_sorted import PagefindError, index_site  # noqa: E402
from macros.render.pagefind_stable import FormatError, stabilise  # noqa: E402
from macros.render.search import NAVIGATION_TEMPLATES, page_entry, regulation_entry  # noqa: E402
from macros.render.templating import uri_to_url  # noqa: E402

log = logging.getLogger("mkdocs.hooks.kodeetik.search")

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


_indexed: set[str] = set()
"""Pages wrapped for the index in this build; Pagefind must report the same number."""


def on_pre_build(config) -> None:
    _indexed.clear()  # the module stays loaded across `mkdocs serve` rebuilds


def on_page_content(html_out: str, page, config, files) -> str:
    """Wrap the content of every page worth finding with its search entry (see _search_page.html)."""
    spec = state.pages.get(page.file.src_uri)
    if spec is not None:
        if spec.template in NAVIGATION_TEMPLATES:
            return html_out
        reg = spec.context.get("reg")
        entry = regulation_entry(state.corpus, reg, state.topics) if reg is not None else \
            page_entry(spec.title, state.topics, spec.template)
    else:
        search_meta = page.meta.get("search") or {}
        if isinstance(search_meta, dict) and search_meta.get("exclude"):  # Material's convention
            return html_out
        entry = page_entry(page.title or config.site_name)
    _indexed.add(page.file.src_uri)
    return state.renderer.render("_search_page.html", uri_to_url(page.file.src_uri),
                                 content=Markup(html_out), entry=entry)


# Runs before hooks.py's on_post_build (priority 0), which swaps the staged build into place: the
# index is built in the staged directory, so a failure here leaves the previous site untouched and a
# finished site never goes live without its index.
@event_priority(50)
def on_post_build(config) -> None:
    language = config.theme["language"] if "language" in config.theme else "id"
    build_index(Path(config.site_dir), language=language, expected_pages=len(_indexed))


def build_index(site_dir: Path, language: str, expected_pages: int | None = None) -> dict:
    """Index `site_dir` with Pagefind into `site_dir/pagefind`; returns pagefind-entry.json.

    Fails unless exactly the pages marked with data-pagefind-body (`expected_pages` of them, when
    given) were indexed: when no page is marked, Pagefind silently indexes every whole page, chrome
    and all.
    """
    marked = sum(1 for p in site_dir.rglob("*.html") if b"data-pagefind-body" in p.read_bytes())
    if not marked or (expected_pages is not None and marked != expected_pages):
        raise Abort(f"{marked} pages carry data-pagefind-body, expected {expected_pages or 'some'} "
                    "(see macros/search.py and _search_page.html).")
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
    except (FormatError, KeyError, ValueError) as exc:  # an OSError (disk full) is hooks.py's to report
        raise Abort(f"Pagefind's bundle is not as macros/render/pagefind_stable.py expects ({exc}); "
                    "a new Pagefind version? Update that module.") from None
    pages = sum(lang.get("page_count", 0) for lang in entry.get("languages", {}).values())
    if pages != marked:
        raise Abort(f"Pagefind indexed {pages} pages, but {marked} carry data-pagefind-body.")
    log.info("Search index: %d pages (%s)", pages, ", ".join(entry.get("languages", {})))
    return entry
