"""Per-build state shared by the hooks and the macros (both live for the whole `mkdocs serve`)."""

from __future__ import annotations

command: str | None = None
"""MkDocs command (`build`, `serve`, ...), from on_startup."""
corpus = None
"""The loaded Corpus."""
renderer = None
"""The Renderer for data templates."""
pages: dict = {}
"""Generated pages by URI."""
html: dict = {}
"""Rendered content by URI."""
links = None
"""The cross-references (kodeetik.xref.Links)."""
source_files: dict = {}
"""The provenance texts to publish, by site path: bytes (render/publish.py)."""
final_site_dir: str | None = None
"""Where the site goes once the staged build succeeded (None when not staging)."""
staging_dir: str | None = None
"""This build's staging folder until it is swapped in or discarded (render/staging.py)."""
topics = None
"""The Topics (taxonomy and coding)."""
files: dict = {}
"""Generated non-page files (data downloads) by URI: content."""
posters: list = []
"""The counter posters (macros/render/posters.py)."""
extra_files: dict = {}
"""Generated non-page files by site path (poster HTML, PDFs, previews)."""


def reset() -> None:
    global corpus, renderer, pages, html, source_files, final_site_dir, staging_dir, links, topics, files
    global posters, extra_files
    corpus = renderer = final_site_dir = staging_dir = links = topics = None
    pages, html, files, source_files = {}, {}, {}, {}
    posters, extra_files = [], {}
