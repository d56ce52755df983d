"""The generated pages inside MkDocs: stub files for their URIs, the expanded navigation, escaped
titles, and the rendered HTML with its table of contents in place of the stub's."""

from __future__ import annotations

import html

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from macros.render.pages import GeneratedPage, TocEntry, regulation_uri, wilayah_uri


def add_stubs(files: Files, config, pages: dict[str, GeneratedPage], inclusion) -> None:
    """A file per generated page (replacing a hand-written one at the same URI); the Markdown is a
    stub: the page body is rendered from templates and placed by `content`."""
    for uri, page in pages.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=f"# {page.uri}\n", inclusion=inclusion(uri)))


def publish(files: Files, config, contents: dict[str, str | bytes]) -> None:
    """Static files (not themed pages) by site path, replacing any file at the same path."""
    for uri, content in contents.items():
        existing = files.get_file_from_path(uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, uri, content=content))


def hide(files: Files, out_of_nav) -> None:
    """Keep the pages `out_of_nav(uri)` names out of the navigation (other pages lead to them)."""
    for file in files:
        if out_of_nav(file.src_uri):
            file.inclusion = InclusionLevel.NOT_IN_NAV


def set_titles(page, spec: GeneratedPage) -> None:
    """The theme writes titles into <title> and the nav unescaped: give it escaped text."""
    page.meta["title"] = html.escape(spec.title, quote=True)
    if spec.description:
        page.meta["description"] = html.escape(spec.description, quote=True)


def place(page, spec: GeneratedPage, rendered: str) -> str:
    """Set the page's table of contents and return its rendered HTML (for the stub's)."""
    page.toc = get_toc([_toc_token(e) for e in spec.toc])
    return rendered


def _toc_token(entry: TocEntry) -> dict:
    return {"level": entry.level, "id": entry.id, "name": html.escape(entry.title, quote=False),
            "html": html.escape(entry.title, quote=False),
            "children": [_toc_token(c) for c in entry.children]}


def expand_nav(nav, corpus):
    """Replace the generated index entries of the nav with sections that hold their pages."""
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
