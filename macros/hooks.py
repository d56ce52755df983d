"""MkDocs glue: load the data, add the generated pages, place their HTML, build atomically.

Registered in mkdocs.yml under `hooks:`. MkDocs keeps a hook module loaded across `mkdocs serve`
rebuilds, so all per-build state lives in `_state` and is reset in `on_config`.
"""

from __future__ import annotations

import html
import logging
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:  # hooks are imported by path, not as part of the package
    sys.path.insert(0, str(_ROOT))

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.toc import get_toc  # noqa: E402

from macros import posterhooks, reproducible, state, wargahooks, xref_glue  # noqa: E402
from macros.kodeetik import DataErrors, load_site  # noqa: E402
from macros.kodeetik.export import data_files  # noqa: E402
from macros.kodeetik.topics import untagged_report  # noqa: E402
from macros.render import Renderer, parallel, plan_pages, publish, staging  # noqa: E402
from macros.render.compare import expand_compare_nav, plan_compare_pages  # noqa: E402
from macros.render.topic_links import compare_links  # noqa: E402
from macros.render.navtitles import escape_titles, fix_footer_labels, name_section_toggles  # noqa: E402
from macros.render.templating import uri_to_url  # noqa: E402

log = logging.getLogger("mkdocs.hooks.kodeetik")


class _WriteErrorOnce(logging.Filter):
    """MkDocs logs "Error building page 'x': [Errno 28] ..." before re-raising an I/O error, which
    on_build_error then reports once, with where and the fix: its line is left out."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Error building page") and "[Errno " in message)


logging.getLogger("mkdocs.commands.build").addFilter(_WriteErrorOnce())

def on_startup(command: str, dirty: bool) -> None:
    state.command = command
    parallel.serial = command == "serve"  # forking beside the dev server's threads is unsafe


def on_config(config):
    state.reset()
    project = Path(config.config_file_path).resolve().parent
    reproducible.fix_build_date(project)  # before MkDocs dates the pages (sitemap)
    extra = config.get("extra", {}).get("kodeetik", {}) or {}
    data_dir = project / extra.get("data_dir", "regulations")
    sources_dir = project / extra.get("sources_dir", "sources")
    try:
        # No link in what the build reads or copies: MkDocs would publish what it points to.
        publish.refuse_links([Path(config.docs_dir), project / (config.theme.custom_dir or "overrides"),
                              sources_dir, data_dir], project)
        site = load_site(data_dir, sources_dir=sources_dir, display_root=project)
        state.source_files = publish.source_files(site.corpus, sources_dir, project)
    except DataErrors as exc:
        # Abort prints the message without a traceback and exits non-zero, before anything is written.
        raise Abort("\n" + exc.report() + "\nNothing was built; the previous site is unchanged.") from None
    for problem in site.ignored:
        log.warning("Not read: %s", problem)  # --strict fails on it
    corpus, topics = site.corpus, site.topics
    state.corpus = corpus
    state.renderer = Renderer(extra_dirs=[project / (config.theme.custom_dir or "overrides") / "kodeetik"])
    state.links, xref_context, xref_pages = xref_glue.prepare(site)
    page_context = {**xref_context, **wargahooks.page_context(corpus),  # links to Hak Anda and training
                    "bandingkan": compare_links(topics)}  # provision -> its comparison rows
    state.pages = {p.uri: p for p in plan_pages(corpus, page_context) + xref_pages}
    state.topics = topics
    state.pages.update({p.uri: p for p in plan_compare_pages(corpus, topics)})
    state.files = data_files(corpus, topics, map_fn=parallel.fork_map)
    for line in untagged_report(corpus, topics):
        log.info(line)  # not a warning: a newly imported regulation may await its coding
    posterhooks.plan(config)
    wargahooks.plan(config, site)
    # Render everything now, before MkDocs cleans the site directory: a template error then leaves
    # the previous site as it was.
    pages = list(state.pages.values())
    state.html = dict(zip(state.pages, parallel.fork_map(
        lambda p: state.renderer.render(p.template, uri_to_url(p.uri), **p.context), pages)))
    posterhooks.build(config)
    wargahooks.build(config)
    config.nav = escape_titles(expand_compare_nav(_expand_nav(config.nav, corpus), topics))
    if state.command == "build":
        # Build into a folder of this build's own and swap it in at the end (render/staging.py): a
        # failed build never leaves a half-written site, and two builds at once never mix.
        state.final_site_dir = config.site_dir
        try:
            state.staging_dir = config.site_dir = str(staging.prepare(Path(config.site_dir)))
        except OSError as exc:
            raise Abort("\n" + staging.write_error(exc, Path(state.final_site_dir))) from None
    return config


def _expand_nav(nav, corpus):
    """Replace the generated index entries of the nav with sections that hold their pages."""
    from macros.render.pages import regulation_uri, wilayah_uri

    if not nav:
        return nav
    out = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            (title, target), = entry.items()
            if target == "peraturan/index.md":
                section = ["peraturan/index.md"]
                for prov in corpus.provinces():
                    regs = [r for r in corpus.regulations if r.wilayah.kode_provinsi == prov.kode]
                    if regs:
                        section.append({prov.nama_lengkap: [{r.singkatan: regulation_uri(r)} for r in regs]})
                out.append({title: section})
                continue
            if target == "wilayah/index.md":
                section = ["wilayah/index.md"]
                for prov in corpus.provinces():
                    districts = corpus.districts_of(prov)
                    if districts:
                        section.append({prov.nama_lengkap: [wilayah_uri(corpus, prov)] + [
                            {d.nama_lengkap: wilayah_uri(corpus, d)} for d in districts]})
                    else:
                        section.append({prov.nama_lengkap: wilayah_uri(corpus, prov)})
                out.append({title: section})
                continue
        out.append(entry)
    return out


def on_files(files: Files, config) -> Files:
    for uri, page in state.pages.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        # The Markdown is a stub: the page body is rendered from templates in on_page_content.
        files.append(File.generated(config, uri, content=f"# {page.uri}\n", inclusion=xref_glue.inclusion(uri)))
    for uri, content in xref_glue.extra_files(state.corpus).items():
        files.append(File.generated(config, uri, content=content))
    for uri, content in state.source_files.items():  # only the files the data names (publish.py)
        files.append(File.generated(config, uri, content=content))
    for uri, content in state.files.items():  # data downloads (JSON, CSV)
        files.append(File.generated(config, uri, content=content))
    posterhooks.add_files(files, config)
    wargahooks.add_files(files, config)
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    spec = state.pages.get(page.file.src_uri)
    if spec is not None:
        # The theme writes titles into <title> and the nav unescaped: give it escaped text.
        page.meta["title"] = html.escape(spec.title, quote=True)
        if spec.description:
            page.meta["description"] = html.escape(spec.description, quote=True)
    return markdown


def on_page_content(html_out: str, page, config, files) -> str:
    spec = state.pages.get(page.file.src_uri)
    if spec is None:
        return html_out
    page.toc = get_toc([_toc_token(e) for e in spec.toc])
    return state.html[page.file.src_uri]


def on_post_page(output: str, page, config) -> str:
    return fix_footer_labels(name_section_toggles(output))


def _toc_token(entry) -> dict:
    return {"level": entry.level, "id": entry.id, "name": html.escape(entry.title, quote=False),
            "html": html.escape(entry.title, quote=False),
            "children": [_toc_token(c) for c in entry.children]}


def on_post_build(config) -> None:
    final = state.final_site_dir
    if final is None:
        return
    if config.strict and _warnings_counted():
        # MkDocs aborts right after this hook when --strict saw a warning (an unresolved reference,
        # a broken link): that build must not replace the site either.
        return
    try:
        staging.publish(Path(config.site_dir), Path(final))
    except OSError as exc:
        raise Abort("\n" + staging.write_error(exc, Path(final))) from None  # on_build_error cleans
    state.staging_dir = None
    config.site_dir = final
    log.info("Site written to %s", final)


def _warnings_counted() -> int:
    """Warnings MkDocs' strict-mode counter has seen in this build (it aborts on any)."""
    from mkdocs.utils import CountHandler

    return sum(sum(h.counts.values()) for h in logging.getLogger("mkdocs").handlers
               if isinstance(h, CountHandler))


def on_build_error(error) -> None:
    if state.staging_dir is not None:
        staging.discard(Path(state.staging_dir))
        state.staging_dir = None
    if state.final_site_dir is None:
        return
    if isinstance(error, OSError):  # disk full, permissions...: one message instead of a traceback
        raise Abort("\n" + staging.write_error(error, Path(state.final_site_dir))) from None
    log.error("Build failed; the previous site in %s is unchanged.", state.final_site_dir)
