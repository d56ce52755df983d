"""Counter posters: which ones the data gives, where they live, and their HTML and PDF files.

A poster is a standalone HTML page (no site chrome, its own print stylesheet, one sheet of A4 or A3)
rendered from an overridable template; WeasyPrint prints that same HTML to PDF (`printing.py`). The
posters are planned from the data alone:

- budaya pelayanan and larangan: per regulation whose `poster:` mapping lists provisions;
- maklumat pelayanan: per penyelenggara (UU 25/2009 Pasal 22 requires one of each).

Independent of MkDocs: the glue asks for the files (`build_poster_files`) and adds them to the site.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..kodeetik.akn import work_uri
from ..kodeetik.citations import find_all
from ..kodeetik.errors import DataError, DataErrors
from ..kodeetik.labels import provision_label
from ..kodeetik.model import Corpus, Node, Penyelenggara, Regulation, Wilayah
from ..kodeetik.posterdata import kutipan_citation, kutipan_groups
from .pages import GeneratedPage, TocEntry, regulation_url, wilayah_url
from .parallel import fork_map
from .printing import Overflow
from .qr import qr_context

FIT_CSS = """
/* Fit check: let the poster grow with its content, the footer placed after it instead of at the
   bottom, with room to spare, and measure the height it needs. The spare room absorbs small
   differences between WeasyPrint's and a browser's line breaking, so the browser prints one page
   too. */
.poster { height: auto !important; min-height: 0 !important; overflow: visible !important; }
.poster__kaki { position: static !important; margin-top: 1rem; margin-bottom: 2.4rem; }
"""
"""Added to a poster for the fit measurement (`Printer.fit_ratio`)."""


@dataclass(frozen=True)
class Paper:
    """A paper size the posters are made for (portrait)."""

    key: str
    """URL part, `a4`."""
    name: str
    """Name as printed, `A4`."""
    width_mm: int
    """Width in millimetres."""
    height_mm: int
    """Height in millimetres."""

    @property
    def factor(self) -> float:
        """Size relative to A4: every length of the poster scales by it, so the layout is the same."""
        return self.width_mm / 210


PAPERS = (Paper("a4", "A4", 210, 297), Paper("a3", "A3", 297, 420))

BASE_PT = 15.0
"""Root font size of an A4 poster at scale 1; the body text is about 1.4 times this."""
SCALES = (1.0, 0.96, 0.92, 0.88, 0.85, 0.82, 0.79, 0.76, 0.73, 0.7, 0.67, 0.64, 0.61, 0.58, 0.55, 0.52)
"""Type scales tried, largest first, until the poster fits one sheet with room to spare."""

KINDS = {
    "budaya-pelayanan": "Budaya Pelayanan",
    "larangan": "Larangan",
    "maklumat-pelayanan": "Maklumat Pelayanan",
}
"""Poster kinds (URL part) and their titles, in the order they are listed."""

ELECTED_HEADS = ("Gubernur", "Wakil Gubernur", "Bupati", "Wakil Bupati", "Wali Kota", "Walikota",
                 "Wakil Wali Kota")
"""Elected heads of region have no NIP (they are not civil servants): no NIP line for them."""


@dataclass(frozen=True)
class Poster:
    """One poster, printable at every size in PAPERS."""

    jenis: str
    """Kind, a key of KINDS."""
    folder: str
    """Site folder of its files, e.g. `poster/peraturan/perbup-bengkayang-51-2020/`."""
    ident: str
    """Id of the regulation or penyelenggara it belongs to (used in download names)."""
    wilayah: Wilayah
    """Region it is listed under."""
    penyelenggara: Penyelenggara
    """Body that displays it."""
    regulation: Regulation | None
    """Regulation it quotes or points to (None: a maklumat of a body without a regulation)."""
    target: str
    """Site URL its QR code opens."""
    template: str
    """Template that renders it."""
    context: dict[str, Any] = field(default_factory=dict, compare=False)
    """What the template sees besides the poster itself."""
    source: tuple[str, str] = ("", "")
    """Data file and key the poster comes from, for messages."""

    @property
    def judul(self) -> str:
        return KINDS[self.jenis]

    @property
    def qr_target(self) -> str:
        """What the QR code opens and the footer prints: the regulation's short, stable Akoma Ntoso
        address (it forwards to the page), else `target`."""
        return work_uri(self.regulation).strip("/") + "/" if self.regulation else self.target

    def page_url(self, paper: Paper) -> str:
        return f"{self.folder}{self.jenis}-{paper.key}/"

    def page_file(self, paper: Paper) -> str:
        return self.page_url(paper) + "index.html"

    def pdf_file(self, paper: Paper) -> str:
        return f"{self.folder}{self.jenis}-{paper.key}.pdf"

    def download_name(self, paper: Paper) -> str:
        return f"{self.jenis}-{self.ident}-{paper.key}.pdf"

    @property
    def preview_file(self) -> str:
        return f"{self.folder}{self.jenis}.png"


@dataclass(frozen=True)
class PosterGroup:
    """Quoted provisions under one parent, as a poster prints them: the enacted items with their own
    numbers, a mark where the quotation skips items, and the editorial notes the page gives them."""

    label: str
    """Citation of the group, e.g. `Pasal 11 huruf a sampai dengan huruf i`."""
    pengantar: str | None
    """The parent's words that introduce the items, printed above them; None when they point to
    another provision ("... sebagaimana dimaksud dalam Pasal 7 huruf c dilarang:"), which a reader of
    the poster cannot look up: they go to the footer (`pengantar_rujukan`)."""
    pengantar_rujukan: str | None
    """Those introducing words that point elsewhere, quoted whole in the footer."""
    pengantar_label: str | None
    """Citation of the parent whose introducing words are in the footer."""
    rows: tuple[tuple[Node, bool], ...]
    """Each quoted item, and whether items of the list were skipped right before it."""
    lewat_akhir: bool
    """Whether the list goes on after the last quoted item."""
    catatan: tuple[tuple[str, str], ...]
    """(provision label, note) for every editorial note on the quoted provisions and inside them."""


def poster_groups(reg: Regulation, eids) -> list[PosterGroup]:
    """The groups of `kutipan_groups` with what a poster needs to quote them honestly."""
    out = []
    for g in kutipan_groups(reg, eids):
        siblings = g.parent.children if g.parent is not None else g.items
        positions = [siblings.index(n) for n in g.items]
        rows = tuple((n, pos != (positions[i - 1] + 1 if i else 0)) for i, (n, pos) in enumerate(zip(g.items, positions)))
        lead = g.pengantar
        elsewhere = bool(lead) and any(f.citation.instrument is None for f in find_all(lead))
        notes: list[tuple[str, str]] = []
        for n in g.items:
            _notes(reg, n, notes)
        out.append(PosterGroup(
            label=g.label, pengantar=None if elsewhere else lead,
            pengantar_rujukan=lead if elsewhere else None,
            pengantar_label=provision_label(reg, g.parent.eid) if elsewhere and g.parent is not None else None,
            rows=rows, lewat_akhir=bool(positions) and positions[-1] < len(siblings) - 1,
            catatan=tuple(notes)))
    return out


def _notes(reg: Regulation, node: Node, out: list[tuple[str, str]]) -> None:
    if node.catatan:
        out.append((provision_label(reg, node.eid), node.catatan))
    for child in node.children:
        _notes(reg, child, out)


def _needs_nip(pen: Penyelenggara) -> bool:
    jabatan = pen.kepala.jabatan or ""
    return not any(jabatan == h or jabatan.startswith(h + " ") for h in ELECTED_HEADS)


def plan_posters(corpus: Corpus) -> list[Poster]:
    """Every poster the data gives, ordered by region, penyelenggara and kind."""
    posters: list[Poster] = []
    for reg in corpus.regulations:
        isi = reg.poster
        if isi is None:
            continue
        common = dict(folder=f"poster/peraturan/{reg.id}/", ident=reg.id, wilayah=reg.wilayah,
                      penyelenggara=reg.penyelenggara, regulation=reg, target=regulation_url(reg))
        if isi.budaya_pelayanan:
            posters.append(Poster(jenis="budaya-pelayanan", template="poster_budaya.html",
                                  source=(reg.path, "poster > budaya_pelayanan"), context={
                                      "groups": poster_groups(reg, isi.budaya_pelayanan),
                                      "citation": kutipan_citation(reg, isi.budaya_pelayanan)}, **common))
        if isi.larangan:
            posters.append(Poster(jenis="larangan", template="poster_larangan.html",
                                  source=(reg.path, "poster > larangan"), context={
                                      "groups": poster_groups(reg, isi.larangan),
                                      "citation": kutipan_citation(reg, isi.larangan),
                                      "rute": poster_groups(reg, isi.pengaduan),
                                      "rute_citation": kutipan_citation(reg, isi.pengaduan) if isi.pengaduan else "",
                                      "kanal_sendiri": reg.penyelenggara.pengaduan,
                                      "kanal": corpus.pengaduan}, **common))
    for pen in corpus.penyelenggara:
        wil = corpus.wilayah_by_kode(pen.wilayah)
        regs = [r for r in corpus.regulations if r.penyelenggara.id == pen.id and r.status.keadaan != "dicabut"]
        reg = max(regs, key=lambda r: (r.tahun, r.id)) if regs else None
        own = pen.maklumat
        posters.append(Poster(
            jenis="maklumat-pelayanan", folder=f"poster/penyelenggara/{pen.id}/", ident=pen.id, wilayah=wil,
            penyelenggara=pen, regulation=reg,
            target=regulation_url(reg) if reg else wilayah_url(corpus, wil), template="poster_maklumat.html",
            source=("regulations/_penyelenggara.yaml", f"penyelenggara {pen.id} > maklumat"),
            context={"teks": (own.teks if own and own.teks else corpus.maklumat.teks),
                     "tempat": own.tempat if own else None, "tanggal": own.tanggal if own else None,
                     "dasar": corpus.maklumat.dasar, "needs_nip": _needs_nip(pen)}))
    rank = {w.kode: i for i, w in enumerate(corpus.wilayah)}
    kinds = list(KINDS)
    posters.sort(key=lambda p: (rank[p.wilayah.kode], p.penyelenggara.nama, p.ident, kinds.index(p.jenis)))
    return posters


def render_poster(renderer, poster: Poster, paper: Paper, scale: float, site_url: str) -> str:
    """The poster's standalone HTML page at one paper size and type scale."""
    return renderer.render(
        poster.template, poster.page_url(paper), poster=poster, paper=paper, papers=PAPERS,
        font_pt=round(BASE_PT * paper.factor * scale, 2), **qr_context(site_url, poster.qr_target),
        **poster.context)


def build_poster_files(corpus: Corpus, posters: list[Poster], renderer, printer, site_url: str,
                       map_fn: Callable = fork_map) -> dict[str, bytes | str]:
    """Every poster's HTML pages, PDFs and preview image, by site path (printed in parallel).

    The type scale is found once on A4, with room to spare (`FIT_CSS`), and used for every size:
    all lengths scale with the paper, so an A3 poster is the A4 one enlarged. A poster that does not
    fit even at the smallest scale quotes too much: that is reported as a data error.
    """
    files: dict[str, bytes | str] = {}
    errors: list[DataError] = []
    for done, error in map_fn(lambda poster: _poster_files(poster, renderer, printer, site_url), posters):
        files.update(done)
        if error is not None:
            errors.append(error)
    if errors:
        raise DataErrors(errors)
    return files


def _poster_files(poster: Poster, renderer, printer, site_url: str) -> tuple[dict[str, bytes | str], DataError | None]:
    """One poster's files, or the data error that stops it."""
    try:
        return _print_poster(poster, renderer, printer, site_url), None
    except Overflow as exc:
        where = f"{poster.source[1]} > {', '.join(exc.eids)}" if exc.eids else poster.source[1]
        return {}, DataError(poster.source[0], None, where,
                             f"on the {poster.judul} poster, '{exc.text}' runs beyond the right margin "
                             "(a word too long to break across lines).",
                             "shorten that run of characters in the data (a fill-in blank of dots wraps; "
                             "a long unbroken word may not), or leave the provision off the poster.")
    except _DoesNotFit:
        return {}, DataError(poster.source[0], None, poster.source[1],
                             f"the {poster.judul} poster does not fit on one sheet even in the "
                             f"smallest type ({SCALES[-1]:.0%}).",
                             "quote fewer provisions on it (or shorten the maklumat wording).")


class _DoesNotFit(Exception):
    """Too tall for one sheet even in the smallest type."""


def _print_poster(poster: Poster, renderer, printer, site_url: str) -> dict[str, bytes | str]:
    a4 = PAPERS[0]
    scale = _fit(poster, lambda s: render_poster(renderer, poster, a4, s, site_url), printer, a4)
    if scale is None:
        raise _DoesNotFit
    files: dict[str, bytes | str] = {}
    for paper in PAPERS:
        html = render_poster(renderer, poster, paper, scale, site_url)
        files[poster.page_file(paper)] = html
        pdf, _ = printer.pdf(html, poster.page_file(paper), sheet=paper)
        files[poster.pdf_file(paper)] = pdf
        if paper is a4:
            files[poster.preview_file] = printer.preview_png(pdf, PREVIEW_WIDTH)
    return files


PREVIEW_WIDTH = 360
"""Width in pixels of a poster's preview image (shown at half that, sharp on high-density screens)."""


def _fit(poster: Poster, render, printer, paper: Paper) -> float | None:
    """The largest scale in SCALES at which the poster fits one sheet.

    Each render measures how much too tall (or short) the poster is. Text takes more lines at a
    larger size, so the height goes roughly with the square of the scale: the next scale tried is
    the current one times the square root of that ratio, kept between the largest scale known not
    to fit and the smallest known to fit. Usually two or three renders.
    """
    page = poster.page_file(paper)
    fails, fits = -1, len(SCALES)  # every index <= fails is too large; every index >= fits fits
    i = 0
    while fails + 1 < fits:
        ratio = printer.fit_ratio(render(SCALES[i]), page, FIT_CSS)
        if ratio >= 1:
            fits = i
        else:
            fails = i
        target = SCALES[i] * ratio ** 0.5
        guess = next((k for k, scale in enumerate(SCALES) if scale <= target), len(SCALES) - 1)
        i = min(max(guess, fails + 1), fits - 1)
    return SCALES[fits] if fits < len(SCALES) else None


def poster_index_page(corpus: Corpus, posters: list[Poster]) -> GeneratedPage:
    """The `Poster` page: every poster by province and region, with previews and links."""
    sections = []
    toc = []
    for prov in corpus.provinces():
        regions = []
        for wil in [prov, *corpus.districts_of(prov)]:
            mine = [p for p in posters if p.wilayah.kode == wil.kode]
            if mine:
                regions.append((wil, mine))
        if regions:
            sections.append((prov, regions))
            toc.append(TocEntry(f"wilayah-{prov.kode.replace('.', '-')}", prov.nama_lengkap, 2, tuple(
                TocEntry(f"wilayah-{w.kode.replace('.', '-')}", w.nama_lengkap, 3) for w, _ in regions
                if not w.is_provinsi)))
    return GeneratedPage(
        uri="poster/index.md", title="Poster layanan", template="poster_index.html",
        context={"corpus": corpus, "sections": sections, "papers": PAPERS, "preview_width": PREVIEW_WIDTH,
                 "reg_url": {r.id: regulation_url(r) for r in corpus.regulations}},
        toc=tuple(toc),
        description="Poster budaya pelayanan, maklumat pelayanan dan larangan untuk dicetak di loket "
                    "pelayanan, ukuran A4 dan A3.")
