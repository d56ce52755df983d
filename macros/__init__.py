"""mkdocs-macros module: exposes the data to hand-written pages that opt in with `render_macros: true`.

Only wiring lives here: the functions return HTML rendered by the autoescaping templates, so no data
text ever passes through the macros' own (unescaped) Jinja environment.
"""

from __future__ import annotations


def define_env(env) -> None:
    from macros import state
    from macros.render.templating import uri_to_url

    def _render(template: str, **context) -> str:
        page_url = uri_to_url(env.page.file.src_uri)
        from macros.render.pages import regulation_url, wilayah_url
        corpus = state.corpus
        return state.renderer.render(
            template, page_url, corpus=corpus,
            reg_url={r.id: regulation_url(r) for r in corpus.regulations},
            wil_url={w.kode: wilayah_url(corpus, w) for w in corpus.wilayah}, **context)

    @env.macro
    def daftar_wilayah() -> str:
        """The provinces and districts with their regulations, for the home page."""
        return _render("home_regions.html")

    @env.macro
    def jumlah_peraturan() -> int:
        """How many regulations the site holds."""
        return len(state.corpus.regulations)

    @env.macro
    def daftar_hak_anda() -> str:
        """The provinces and districts, each with its "Hak Anda" page, for the home page."""
        from macros.wargahooks import page_context
        return _render("home_hak.html", **page_context(state.corpus))

    @env.macro
    def kanal_pengaduan() -> str:
        """The national complaint channels (from _pengaduan.yaml), for hand-written pages."""
        return _render("home_pengaduan.html")
