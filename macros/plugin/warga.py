"""The citizens' and trainees' pages in the build: "Hak Anda" per region, and per regulation an
orientation handbook, a quiz and a trainer's sheet.

Their data is loaded by `load_site` with the rest. Like the posters, everything is planned and
printed in `on_config`, before MkDocs cleans the site directory: a failed print stops the build with
the previous site untouched. The handbooks and sheets are standalone pages (their own print stylesheet, no theme) published as
static files with their PDFs; the region and quiz pages are ordinary generated pages, kept out of
the navigation (the `Hak Anda` and `Pelatihan` index pages lead to them).
"""

from __future__ import annotations

from collections.abc import Callable

from macros.kodeetik import DataErrors, SiteData
from macros.render import formulir, hak_anda, pelatihan, pengaduan
from macros.render.pages import GeneratedPage
from macros.render.printing import Printer, PrintError

from .errors import abort, data_abort


def page_context(corpus) -> dict:
    """What every data page may link to: each region's Hak Anda page, each regulation's material."""
    return {"hak_url": {w.kode: hak_anda.hak_url(corpus, w) for w in corpus.wilayah},
            "latihan_url": pelatihan.training_urls(corpus), "formulir": formulir.links(corpus)}


def plan(data: SiteData) -> tuple[list[pelatihan.Materi], list[GeneratedPage]]:
    """The quizzes and handbook parts (the material), and the Hak Anda, complaint and training pages."""
    corpus, topics = data.corpus, data.topics
    context = page_context(corpus)
    materi = pelatihan.plan_materi(corpus, topics, data.kuis, data.kasus)
    pages = (hak_anda.plan_hak_pages(corpus, topics, data.hak, context, data.nasional)
             + [pengaduan.plan_pengaduan_page(corpus, topics, data.hak, data.nasional)]
             + pelatihan.plan_training_pages(corpus, topics, materi, context)
             + formulir.plan_pages(corpus))
    return materi, pages


def print_files(corpus, topics, materi: list[pelatihan.Materi], renderer, printer: Printer, site_url: str | None,
                map_fn: Callable) -> dict[str, bytes | str]:
    """The handbooks and trainer's sheets (HTML + PDF) by site path, or stop the build."""
    try:
        return pelatihan.build_training_files(corpus, topics, materi, renderer, printer, site_url or "",
                                              page_context(corpus), map_fn=map_fn)
    except DataErrors as exc:
        raise data_abort(exc) from None
    except PrintError as exc:
        raise abort(f"A handbook or trainer's sheet could not be printed: {exc}") from None


def print_forms(corpus, renderer, printer: Printer, map_fn: Callable) -> dict[str, bytes | str]:
    """The PDF of each Lampiran form, or stop the build."""
    try:
        return formulir.print_files(corpus, renderer, printer, map_fn=map_fn)
    except PrintError as exc:
        raise abort(f"A Lampiran form could not be printed: {exc}") from None


def out_of_nav(uri: str) -> bool:
    """The region, quiz and form pages: reached from the `Hak Anda` and `Pelatihan` index pages and
    the regulation pages."""
    return formulir.is_form_page(uri) or (uri.startswith(hak_anda.BASE + "/") and uri != hak_anda.INDEX_URI) or \
        (uri.startswith(pelatihan.BASE + "/") and uri.endswith("/kuis.md") and uri != pelatihan.INDEX_URI)
