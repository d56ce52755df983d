"""The `kodeetik` MkDocs plugin: load the data, add the generated pages, place their HTML, index
them for search, and build atomically.

Listed in mkdocs.yml under `plugins:` (after `macros`) and registered under the `mkdocs.plugins`
entry point in pyproject.toml. Each concern is a module of this package; this class holds the state
of one build and calls them in order. MkDocs keeps the instance across `mkdocs serve` rebuilds (it
has `on_startup`), so `on_config` starts every build with a fresh `SiteBuild`.

Where two concerns share an event, priorities order them: on a page, the content is placed (0)
before search wraps it (-50); after the build, Pagefind indexes the staged site (50) before it is
swapped in (-100, the last thing).
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from macros.kodeetik import DataErrors, SiteData, load_site
from macros.kodeetik.export import data_files
from macros.kodeetik.topics import untagged_report
from macros.render import GeneratedPage, Renderer, parallel, plan_pages, publish
from macros.render.compare import expand_compare_nav, plan_compare_pages
from macros.render.navtitles import escape_titles, fix_footer_labels, name_section_toggles
from macros.render.printing import DOCUMENT_ASSETS, POSTER_ASSETS, Printer
from macros.render.templating import uri_to_url
from macros.render.topic_links import compare_links, search_words

from . import csp, opendata, pages, posters, reproducible, search, staging, warga, xref
from .config import KodeEtikConfig
from .errors import data_abort

log = logging.getLogger("mkdocs.plugins.kodeetik")

CACHE_ENV = "KODEETIK_POSTER_CACHE"
"""Environment variable: a folder for the print cache, or `off`; it overrides the options `cache`
and `cache_dir`, so tests and benchmarks share or disable the cache without editing mkdocs.yml."""


@dataclass
class SiteBuild:
    """What one build loaded and made; a new one for every (re)build."""

    data: SiteData
    """Everything loaded and checked (`load_site`): corpus, topics, citizens' data, links."""
    renderer: Renderer
    """The data templates (autoescaping; `overrides/kodeetik/` first)."""
    source_files: dict[str, bytes]
    """The source texts the data names, by site path (`render/publish.py`)."""
    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    """Generated pages by URI."""
    html: dict[str, str] = field(default_factory=dict)
    """Their rendered content by URI."""
    files: dict[str, str | bytes] = field(default_factory=dict)
    """Generated static files by site path: data downloads, prints and their pages."""
    final_site_dir: str | None = None
    """Where the site goes once the staged build succeeded (None when not staging)."""
    staging_dir: str | None = None
    """This build's staging folder until it is swapped in or discarded."""
    indexed: set[str] = field(default_factory=set)
    """Pages wrapped for the search index; Pagefind must report the same number."""


class KodeEtikPlugin(BasePlugin[KodeEtikConfig]):
    def __init__(self) -> None:
        self.command: str | None = None
        self.build: SiteBuild | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    # ------------------------------------------------------------------ loading and rendering

    def on_config(self, config):
        self.build = None  # nothing of the previous build survives, even if this one fails
        project = Path(config.config_file_path).resolve().parent
        reproducible.fix_build_date(project)  # before MkDocs dates the pages (sitemap)
        data_dir, sources_dir = project / self.config.data_dir, project / self.config.sources_dir
        overrides = project / (config.theme.custom_dir or "overrides")
        try:
            # No link in what the build reads or copies: MkDocs would publish what it points to.
            publish.refuse_links([Path(config.docs_dir), overrides, sources_dir, data_dir], project)
            data = load_site(data_dir, sources_dir=sources_dir, display_root=project)
            source_files = publish.source_files(data.corpus, sources_dir, project)
        except DataErrors as exc:
            raise data_abort(exc) from None  # before anything is written
        for problem in data.ignored:
            log.warning("Not read: %s", problem)  # --strict fails on it
        corpus, topics = data.corpus, data.topics
        renderer = Renderer(extra_dirs=[overrides / "kodeetik"])
        build = self.build = SiteBuild(data, renderer, source_files)
        xref_context, xref_pages = xref.prepare(data)
        page_context = {**xref_context, **warga.page_context(corpus),  # links to Hak Anda and training
                        "bandingkan": compare_links(topics),  # provision -> its comparison rows
                        "kata_cari": search_words(topics)}  # provision -> words citizens search it by
        build.pages = {p.uri: p for p in plan_pages(corpus, page_context) + xref_pages}
        build.pages.update({p.uri: p for p in plan_compare_pages(corpus, topics, data.nasional)})
        map_fn = functools.partial(parallel.fork_map, workers=self._workers())
        build.files = data_files(corpus, topics, nasional=data.nasional, map_fn=map_fn)
        build.files.update(opendata.files(data, data_dir, renderer, config.site_url))
        for line in untagged_report(corpus, topics):
            log.info(line)  # not a warning: a newly imported regulation may await its coding
        poster_list, poster_page = posters.plan(corpus)
        build.pages[poster_page.uri] = poster_page
        materi, warga_pages = warga.plan(data)
        build.pages.update({p.uri: p for p in warga_pages})
        # Render and print everything now, before MkDocs cleans the site directory: a template
        # error or a failed print then leaves the previous site as it was.
        specs = list(build.pages.values())
        build.html = dict(zip(build.pages, map_fn(
            lambda p: renderer.render(p.template, uri_to_url(p.uri), **p.context), specs)))
        if self.config.posters:
            docs, cache = Path(config.docs_dir), self._cache_dir(project)
            build.files.update(posters.print_files(
                corpus, poster_list, renderer, Printer(docs, POSTER_ASSETS, cache), config.site_url, map_fn))
            documents = Printer(docs, DOCUMENT_ASSETS, cache)
            build.files.update(warga.print_files(corpus, topics, materi, renderer, documents, config.site_url, map_fn))
            build.files.update(warga.print_forms(corpus, renderer, documents, map_fn))
        config.nav = escape_titles(expand_compare_nav(pages.expand_nav(config.nav, corpus), topics))
        if self.command == "build":
            build.final_site_dir = config.site_dir
            config.site_dir = build.staging_dir = staging.stage(config.site_dir)
        return config

    def _workers(self) -> int:
        """Worker processes: one under `mkdocs serve` (forking beside its server threads is unsafe)."""
        if self.command == "serve":
            return 1
        try:
            return parallel.jobs(self.config.jobs)
        except ValueError as exc:  # a bad KODEETIK_JOBS
            raise Abort(f"\n{exc}") from None

    def _cache_dir(self, project: Path) -> Path | None:
        """The print cache folder, or None for none (`KODEETIK_POSTER_CACHE` overrides the options)."""
        setting = os.environ.get(CACHE_ENV)
        if setting is not None:
            return None if setting == "off" else Path(setting)
        return project / self.config.cache_dir if self.config.cache else None

    # ------------------------------------------------------------------ files and pages

    def on_files(self, files, *, config):
        build = self.build
        pages.add_stubs(files, config, build.pages, xref.inclusion)
        pages.publish(files, config, xref.extra_files(build.data.corpus))
        pages.publish(files, config, build.source_files)  # only the files the data names
        pages.publish(files, config, build.files)
        pages.hide(files, warga.out_of_nav)
        return files

    def on_page_markdown(self, markdown, *, page, config, files):
        spec = self.build.pages.get(page.file.src_uri)
        if spec is not None:
            pages.set_titles(page, spec)
        return markdown

    def _place_content(self, html_out, *, page, config, files):
        spec = self.build.pages.get(page.file.src_uri)
        return html_out if spec is None else pages.place(page, spec, self.build.html[spec.uri])

    @event_priority(-50)  # after the content is placed
    def _wrap_for_search(self, html_out, *, page, config, files):
        if not self.config.search:
            return html_out
        build = self.build
        wrapped = search.wrap(html_out, page, build.pages.get(page.file.src_uri), build.data.corpus,
                              build.data.topics, build.renderer, config.site_name)
        if wrapped is None:
            return html_out
        build.indexed.add(page.file.src_uri)
        return wrapped

    on_page_content = CombinedEvent(_place_content, _wrap_for_search)

    def on_env(self, env, *, config, files):
        # Left out under `mkdocs serve`: its live-reload script is inline (see csp.py).
        env.globals["ke_csp"] = csp.SITE_POLICY if self.config.csp and self.command != "serve" else None
        return env

    def on_post_page(self, output, *, page, config):
        return fix_footer_labels(name_section_toggles(output))

    # ------------------------------------------------------------------ after the build

    @event_priority(50)  # in the staged site, before it is swapped in
    def _index_for_search(self, config):
        if self.config.search:
            language = config.theme.get("language", "id")
            search.build_index(Path(config.site_dir), language=language, expected_pages=len(self.build.indexed))

    @event_priority(-100)  # last: a failure anywhere before leaves the previous site in place
    def _swap_in(self, config):
        build = self.build
        if build.final_site_dir is not None and staging.swap_in(config.site_dir, build.final_site_dir, config.strict):
            build.staging_dir, config.site_dir = None, build.final_site_dir

    on_post_build = CombinedEvent(_index_for_search, _swap_in)

    def on_build_error(self, *, error):
        build = self.build
        if build is None:
            return
        if build.staging_dir is not None:
            staging.discard(build.staging_dir)
            build.staging_dir = None
        if build.final_site_dir is None:
            return
        if isinstance(error, OSError):  # disk full, permissions...: one message instead of a traceback
            raise staging.write_abort(error, build.final_site_dir) from None
        log.error("Build failed; the previous site in %s is unchanged.", build.final_site_dir)
