"""mkdocs-macros module: exposes the data to hand-written pages that opt in with `render_macros: true`.

Only wiring lives here: the data and renderer of the current build come from the `kodeetik`
plugin's instance (`config.plugins["kodeetik"]`), and the functions return HTML rendered by its
autoescaping templates, so no data text ever passes through the macros' own (unescaped) Jinja
environment.
"""

from __future__ import annotations


def define_env(env) -> None:
    from macros.render.pages import regulation_url, wilayah_url
    from macros.render.templating import uri_to_url

    def _build():
        """The kodeetik plugin's current build (looked up at call time: each rebuild has its own)."""
        return env.conf.plugins["kodeetik"].build

    def _render(template: str, **context) -> str:
        build = _build()
        corpus = build.data.corpus
        return build.renderer.render(
            template, uri_to_url(env.page.file.src_uri), corpus=corpus,
            reg_url={r.id: regulation_url(r) for r in corpus.regulations},
            wil_url={w.kode: wilayah_url(corpus, w) for w in corpus.wilayah}, **context)

    @env.macro
    def daftar_wilayah() -> str:
        """The provinces and districts with their regulations, for the home page."""
        return _render("home_regions.html")

    @env.macro
    def jumlah_peraturan() -> int:
        """How many regulations the site holds."""
        return len(_build().data.corpus.regulations)

    @env.macro
    def daftar_hak_anda() -> str:
        """The provinces and districts, each with its "Hak Anda" page, for the home page."""
        from macros.plugin.warga import page_context
        return _render("home_hak.html", **page_context(_build().data.corpus))

    @env.macro
    def kanal_pengaduan() -> str:
        """The national complaint channels (from _pengaduan.yaml), for hand-written pages."""
        return _render("home_pengaduan.html")
