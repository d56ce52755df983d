"""Posters fit in both directions: a long run of dots wraps, anything still too wide is a data error.

Prints real poster HTML (the shipped templates and stylesheet, the real data) with WeasyPrint, without
building the site.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

from macros.kodeetik import load_corpus
from macros.kodeetik.errors import DataError
from macros.render import Renderer
from macros.render import posters as P
from macros.render.pdf import Overflow, PosterPrinter

KEY = ("perbup-bengkayang-51-2020", "budaya-pelayanan")
PHRASE = "mempraktekkan senyum, salam, sapa, sopan, dan santun;"
BLANK = "." * 160
"""A fill-in blank as regulations print it: far wider than the sheet, with nowhere to break."""
SITE_URL = "https://kode-etik.example/"


@pytest.fixture(scope="module")
def kit():
    corpus = load_corpus(ROOT / "regulations", sources_dir=ROOT / "sources", display_root=ROOT)
    poster = next(p for p in P.plan_posters(corpus) if (p.ident, p.jenis) == KEY)
    return poster, Renderer(extra_dirs=[ROOT / "overrides" / "kodeetik"]), PosterPrinter(ROOT / "content", None)


def render_with(kit, extra: str = "", css: str = ""):
    poster, renderer, _ = kit

    def render(paper, scale):
        html = P.render_poster(renderer, poster, paper, scale, SITE_URL)
        assert PHRASE in html
        html = html.replace(PHRASE, PHRASE + extra, 1)
        return html.replace("</head>", f"<style>{css}</style></head>", 1) if css else html
    return render


def glyph_right_edges(pdf: bytes) -> tuple[float, str, list[float]]:
    """Page width, page text and the right edge of every character, in PDF points."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        text = page.get_textpage()
        edges = [text.get_charbox(i)[2] for i in range(text.count_chars())]
        return page.get_width(), text.get_text_range(), edges
    finally:
        document.close()


@pytest.mark.parametrize("paper", P.PAPERS, ids=[p.key for p in P.PAPERS])
def test_a_long_run_of_dots_wraps_inside_the_right_margin(kit, paper):
    poster, _, printer = kit
    render = render_with(kit, " " + BLANK)
    scale = P._fit(poster, lambda s: render(P.PAPERS[0], s), printer, P.PAPERS[0])
    assert scale is not None
    width, text, edges = glyph_right_edges(printer.pdf(render(paper, scale), poster.page_file(paper), paper))
    margin = 14 * paper.factor * 72 / 25.4  # the sheet's side padding (_poster_base.html), in points
    assert text.replace("\r\n", "").replace("\n", "").count(".") >= len(BLANK)  # every dot is printed...
    assert max(edges) <= width - margin + 1, (max(edges), width - margin)  # ...inside the margin


def test_without_wrapping_the_same_dots_are_refused_naming_the_provision(kit):
    """Negative control of the wrap above, and the check itself: with the stylesheet's wrapping
    switched off (as before), the dots run off the sheet, and the printer says where."""
    poster, _, printer = kit
    render = render_with(kit, " " + BLANK, css=".poster { overflow-wrap: normal !important; }")
    with pytest.raises(Overflow) as exc:
        printer.fit_ratio(render(P.PAPERS[0], 0.7), poster.page_file(P.PAPERS[0]))
    assert exc.value.eids == ["bab_4__pasal_13__huruf_c"]
    assert exc.value.text == "santun; " + "." * 32 + "…"
    with pytest.raises(Overflow):  # the final print checks too, at each size
        printer.pdf(render(P.PAPERS[1], 0.7), poster.page_file(P.PAPERS[1]), P.PAPERS[1])


def test_the_poster_as_it_is_has_nothing_beyond_the_margin(kit):
    poster, _, printer = kit
    render = render_with(kit)
    assert printer.fit_ratio(render(P.PAPERS[0], 0.7), poster.page_file(P.PAPERS[0])) > 0


def test_an_overflow_is_reported_as_a_data_error_naming_the_poster_and_provision(kit):
    poster, renderer, _ = kit

    class WidePrinter:
        def fit_ratio(self, html, page_file):
            raise Overflow(page_file, ["bab_4__pasal_13__huruf_c"], "Sangatpanjangsekali…")

    files, error = P._poster_files(poster, renderer, WidePrinter(), SITE_URL)
    assert files == {}
    assert str(error) == (
        "regulations/perbup-bengkayang-51-2020.yaml [poster > budaya_pelayanan > bab_4__pasal_13__huruf_c]: "
        "on the Budaya Pelayanan poster, 'Sangatpanjangsekali…' runs beyond the right margin (a word too "
        "long to break across lines). Fix: shorten that run of characters in the data (a fill-in blank "
        "of dots wraps; a long unbroken word may not), or leave the provision off the poster.")
    assert isinstance(error, DataError)
