"""Training material per regulation: orientation handbook, self-check quiz, trainer's comparison sheet.

- The handbook (`pelatihan/<id>/buku/`) is a standalone page laid out for print (cover, contents,
  what to do and not to do, who is bound and the learning goals, three situations worked through,
  then the full text as an appendix, every BAB and Lampiran on a new page); WeasyPrint prints the
  same HTML to `buku-orientasi-<id>.pdf` with the site. Print names provisions in human words only
  (`Pasal 11 huruf c`): provision ids stay in the HTML as anchors.
- The trainer's sheet (`pelatihan/<id>/lembar-pelatih/`): a first A4 page on how the regulation
  differs from the others by topic (`kodeetik.perbedaan`), printed at the largest type that fits,
  then the 60- and 90-minute session plans (`kodeetik.sesi`).
- The quiz (`pelatihan/<id>/kuis/`) is a site page (`kodeetik.kuis` makes the questions).

Independent of MkDocs: the glue (`macros/plugin/warga.py`) asks for pages and files.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..kodeetik.errors import DataError, DataErrors
from ..kodeetik.hak_anda import DasarKetentuan
from ..kodeetik.kasus import Kasus
from ..kodeetik.labels import pasal_range, ref_label
from ..kodeetik.kuis import KuisData, Soal, buat_kuis
from ..kodeetik.model import Corpus, Lampiran, Node, Regulation
from ..kodeetik.perbedaan import MAKS_PEMBANDING, Perbedaan, comparable, perbedaan
from ..kodeetik.sesi import KasusDibahas, Sesi, kasus_buku, rencana
from ..kodeetik.topics import Bidang, ButirTopik, Topics
from .pages import GeneratedPage, TocEntry, regulation_url, wilayah_url
from .parallel import fork_map
from .qr import DRAF, qr_context, site_address
from .xref_pages import instrumen_url

BASE = "pelatihan"
INDEX_URI = f"{BASE}/index.md"
RINGKASAN_BIDANG = {"larangan": "Jangan", "kewajiban_pelaksana": "Lakukan", "tata_perilaku": "Lakukan",
                    "budaya_pelayanan": "Lakukan", "sanksi": "Bila dilanggar"}
"""Areas the handbook's summary page lists ("what to remember"), in this order, each with what it
tells the reader (don't, do, what follows a breach)."""
KANAL_BARIS = 6
"""Lines the complaint channels take on the summary page (for balancing its two columns)."""
LEMBAR_TANPA = ("definisi",)
"""Areas the trainer's sheet leaves out (defined terms differ in wording more than in substance;
the glossary compares them)."""
LEMBAR_SKALA = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6)
"""Type scales tried for the trainer's sheet, largest first, until it fits one page."""


def folder(reg: Regulation) -> str:
    return f"{BASE}/{reg.id}/"


def kuis_uri(reg: Regulation) -> str:
    return f"{BASE}/{reg.id}/kuis.md"


def kuis_url(reg: Regulation) -> str:
    return f"{BASE}/{reg.id}/kuis/"


def buku_url(reg: Regulation) -> str:
    return f"{BASE}/{reg.id}/buku/"


def buku_pdf(reg: Regulation) -> str:
    return f"{BASE}/{reg.id}/buku-orientasi-{reg.id}.pdf"


def lembar_url(reg: Regulation) -> str:
    return f"{BASE}/{reg.id}/lembar-pelatih/"


def lembar_pdf(reg: Regulation) -> str:
    return f"{BASE}/{reg.id}/lembar-pelatih-{reg.id}.pdf"


def training_urls(corpus: Corpus) -> dict[str, dict[str, str]]:
    """Regulation id -> the site URLs of its training material (for links from other pages)."""
    return {r.id: {"buku": buku_url(r), "buku_pdf": buku_pdf(r), "kuis": kuis_url(r), "lembar": lembar_url(r),
                   "lembar_pdf": lembar_pdf(r)}
            for r in corpus.regulations if r.status.keadaan != "dicabut"}


@dataclass(frozen=True)
class BagianBuku:
    """A part of the handbook that starts on a new page: a BAB, a Lampiran, or the units between."""

    id: str
    """Anchor (the BAB's or Lampiran's provision id)."""
    judul: str
    """Title in the contents, plain text."""
    jenis: str
    """`bab`, `lampiran` or `lain` (top-level units that are not a BAB)."""
    nodes: tuple[Node, ...] = ()
    """Its provisions (`bab`: the BAB itself; `lain`: the units)."""
    lampiran: Lampiran | None = None
    """The Lampiran, for `lampiran`."""
    pasal: str = ""
    """The Pasal it holds, e.g. `Pasal 1–5` (empty when none)."""


@dataclass(frozen=True)
class Ingat:
    """One area of the handbook's summary page: its items that the regulation tags."""

    area: Bidang
    """The area."""
    sikap: str
    """What it tells the reader: `Jangan`, `Lakukan` or `Bila dilanggar`."""
    butir: tuple[tuple[ButirTopik, tuple[DasarKetentuan, ...]], ...]
    """Items with the provisions tagged with them."""


@dataclass(frozen=True)
class Materi:
    """The training material of one regulation."""

    reg: Regulation
    """The regulation."""
    soal: tuple[Soal, ...]
    """Its quiz."""
    ingat: tuple[Ingat, ...]
    """Its summary page."""
    bagian: tuple[BagianBuku, ...]
    """The handbook's parts after the front matter."""
    beda: Perbedaan
    """The trainer's sheet."""
    kasus: tuple[KasusDibahas, ...] = ()
    """The situations the handbook works through."""
    sesi: tuple[Sesi, ...] = ()
    """The trainer's session plans (60 and 90 minutes)."""

    @property
    def mengikat(self) -> str:
        """Who the code binds: the editors' words when the data has them, else the body's name."""
        return self.reg.lingkup.mengikat if self.reg.lingkup else f"pegawai {self.reg.penyelenggara.nama}"

    @property
    def tujuan(self) -> tuple[str, ...]:
        """The handbook's learning goals, from what the regulation regulates."""
        names = {g.area.key for g in self.ingat}
        goals = []
        if "larangan" in names:
            goals.append(f"menyebut hal-hal yang dilarang {self.reg.singkatan} dan ketentuan yang melarangnya;")
        if names & {"kewajiban_pelaksana", "tata_perilaku", "budaya_pelayanan"}:
            goals.append("menjelaskan apa yang wajib Anda lakukan saat melayani warga;")
        if self.kasus:
            goals.append("memilih tindakan yang benar dalam situasi di loket dan menyebut pasal yang memutuskannya;")
        goals.append("menunjukkan kepada warga ke mana mengadu" + (
            ", dan menyebut sanksi bagi pegawai yang melanggar." if "sanksi" in names else "."))
        return tuple(goals)

    @property
    def sanksi(self) -> tuple[str, ...]:
        """The provisions on sanctions the summary cites, each named once (for "why it matters")."""
        labels = (d.label for g in self.ingat if g.area.key == "sanksi" for _, ds in g.butir for d in ds)
        return tuple(dict.fromkeys(labels))

    @property
    def ingat_kolom(self) -> tuple[tuple[Ingat, ...], tuple[Ingat, ...]]:
        """The summary's areas in two columns of about equal length, in reading order (the second
        also holds the complaint channels, counted as KANAL_BARIS lines). Split here rather than
        with CSS columns, which make WeasyPrint lay the page out several times more slowly."""
        weights = [len(g.butir) + 2 for g in self.ingat]
        total = sum(weights) + KANAL_BARIS
        best = min(range(len(weights) + 1), key=lambda k: abs(2 * sum(weights[:k]) - total))
        return self.ingat[:best], self.ingat[best:]

    @property
    def contoh_label(self) -> str:
        """A provision's name to show as an example: the first one the summary cites."""
        for group in self.ingat:
            for _, dasar in group.butir:
                return dasar[0].label
        return "Pasal 1"


def handbook_parts(reg: Regulation) -> tuple[BagianBuku, ...]:
    """Every BAB its own part; units outside any BAB grouped until the next BAB; each Lampiran."""
    parts: list[BagianBuku] = []
    loose: list[Node] = []

    def flush() -> None:
        if loose:
            first = loose[0]
            title = first.heading or first.label
            parts.append(BagianBuku(id=f"bagian-{len(parts) + 1}", judul=title, jenis="lain",
                                    nodes=tuple(loose), pasal=pasal_range(loose)))
            loose.clear()

    for node in reg.batang_tubuh:
        if node.type == "bab":
            flush()
            title = f"BAB {node.num} {node.heading}" if node.heading else f"BAB {node.num}"
            parts.append(BagianBuku(id=node.eid, judul=title, jenis="bab", nodes=(node,), pasal=pasal_range([node])))
        else:
            loose.append(node)
    flush()
    for lamp in reg.lampiran:
        title = f"{lamp.label.upper()} {lamp.judul}" if lamp.judul else lamp.label.upper()
        parts.append(BagianBuku(id=lamp.eid, judul=title, jenis="lampiran", lampiran=lamp))
    return tuple(parts)


def summary(reg: Regulation, topics: Topics) -> tuple[Ingat, ...]:
    out = []
    for key, sikap in RINGKASAN_BIDANG.items():
        area = topics.area(key)
        rows = tuple((item, tuple(DasarKetentuan(h.node.eid, ref_label(reg, h.node.eid)) for h in hits))
                     for item in area.items if (hits := topics.hits_for(item.key, reg.id)))
        if rows:
            out.append(Ingat(area=area, sikap=sikap, butir=rows))
    return tuple(out)


def plan_materi(corpus: Corpus, topics: Topics, kuis: KuisData, kasus: tuple[Kasus, ...] = ()) -> list[Materi]:
    """The material of every regulation in force, in corpus order."""
    tagged_by = comparable(corpus, topics)
    return [Materi(reg=r, soal=buat_kuis(r, kuis, topics, corpus, kasus), ingat=summary(r, topics),
                   bagian=handbook_parts(r), beda=perbedaan(r, corpus, topics, tagged_by, kuis.serupa),
                   kasus=kasus_buku(r, kasus), sesi=rencana(r, kasus))
            for r in corpus.regulations if r.status.keadaan != "dicabut"]


def _common(corpus: Corpus, topics: Topics, extra: dict) -> dict[str, Any]:
    return {"corpus": corpus, "topics": topics, **extra,
            "reg_url": {r.id: regulation_url(r) for r in corpus.regulations},
            "wil_url": {w.kode: wilayah_url(corpus, w) for w in corpus.wilayah},
            "latihan_url": training_urls(corpus),
            "areas": {a.key: a for a in topics.areas}}


def plan_training_pages(corpus: Corpus, topics: Topics, materi: list[Materi], extra: dict) -> list[GeneratedPage]:
    """The training index and a quiz page per regulation."""
    common = _common(corpus, topics, extra)
    by_prov = []
    for prov in corpus.provinces():
        rows = [m for m in materi if m.reg.wilayah.kode_provinsi == prov.kode]
        if rows:
            by_prov.append((prov, rows))
    pages = [GeneratedPage(
        uri=INDEX_URI, title="Bahan pelatihan", template="pelatihan_index.html",
        context={**common, "by_prov": by_prov},
        toc=tuple(TocEntry(f"wilayah-{p.kode.replace('.', '-')}", p.nama_lengkap, 2) for p, _ in by_prov),
        description="Buku orientasi siap cetak, kuis, dan lembar perbandingan untuk pelatih, per peraturan "
                    "kode etik pelayanan publik.")]
    for m in materi:
        pages.append(GeneratedPage(
            uri=kuis_uri(m.reg), title=f"Kuis: {m.reg.singkatan}", template="kuis.html",
            context={**common, "reg": m.reg, "soal": m.soal, "ins_url": instrumen_url, "versi": kuis_versi(m.soal)},
            toc=tuple(TocEntry(s.kunci, f"Soal {s.nomor}", 2) for s in m.soal),
            description=f"Uji pemahaman tentang {m.reg.nama_resmi}: {len(m.soal)} soal pilihan ganda, "
                        "dengan dasar pasal setiap jawaban."))
    return pages


def kuis_versi(soal: tuple[Soal, ...]) -> str:
    """A short fingerprint of a quiz's questions and answers: progress a browser kept for another
    version of the quiz (the data changed) is not applied to this one."""
    words = "\n".join(f"{s.pertanyaan}|{s.benar}|" + "|".join(p.teks for p in s.pilihan) for s in soal)
    return f"{zlib.crc32(words.encode('utf-8')):08x}"


def build_training_files(corpus: Corpus, topics: Topics, materi: list[Materi], renderer, printer, site_url: str,
                         extra: dict, map_fn: Callable = fork_map) -> dict[str, bytes | str]:
    """Each regulation's handbook and trainer's sheet: HTML page and PDF, by site path.

    A sheet that does not fit one page even in the smallest type is reported as a data error
    (it cannot happen with the lists cut to `perbedaan.MAKS_BUTIR`, unless the taxonomy grows a lot).
    """
    common = _common(corpus, topics, extra)
    files: dict[str, bytes | str] = {}
    errors: list[DataError] = []
    for done, error in map_fn(lambda m: _training_files(m, topics, common, renderer, printer, site_url), materi):
        files.update(done)
        if error is not None:
            errors.append(error)
    if errors:
        raise DataErrors(errors)
    return files


def _training_files(m: Materi, topics: Topics, common: dict, renderer, printer,
                    site_url: str) -> tuple[dict[str, bytes | str], DataError | None]:
    """One regulation's handbook and sheet files, or the data error that stops the sheet."""
    files: dict[str, bytes | str] = {}
    reg = m.reg
    page = buku_url(reg) + "index.html"
    site = site_address(site_url)
    html = renderer.render("buku.html", buku_url(reg), **common, m=m, reg=reg,
                           **qr_context(site_url, regulation_url(reg)), site=site)
    files[page] = html
    files[buku_pdf(reg)], _ = printer.pdf(html, page)
    sheet_page = lembar_url(reg) + "index.html"
    rows = tuple(b for b in m.beda.berbeda if b.area.key not in LEMBAR_TANPA)
    same = tuple(b.area for b in m.beda.baris if not b.berbeda and b.area.key not in LEMBAR_TANPA)
    def render(i: int, plans: bool) -> str:
        return renderer.render("lembar_pelatih.html", lembar_url(reg), **common, m=m, reg=reg, rows=rows,
                               same=same, scale=LEMBAR_SKALA[i], site=site, draf=DRAF, maks_pembanding=MAKS_PEMBANDING,
                               skipped=[topics.area(k) for k in LEMBAR_TANPA], plans=plans)

    def fits(i: int) -> bool:
        # The comparison alone must fit its page; the session plans follow on pages of their own.
        pdf, pages = printer.pdf(render(i, False), sheet_page)
        return pages == 1

    best = _largest_fitting(len(LEMBAR_SKALA), fits)
    if best is not None:
        sheet = render(best, True)
        files[sheet_page] = sheet
        files[lembar_pdf(reg)], _ = printer.pdf(sheet, sheet_page)
        return files, None
    return files, DataError(f"regulations/_topik/{reg.id}.yaml", None, "",
                            "the trainer's sheet does not fit one page even in the smallest type.",
                            "lower perbedaan.MAKS_BUTIR or add the area to pelatihan.LEMBAR_TANPA.")


def _largest_fitting(n: int, fits) -> int | None:
    """The first index of the scales (largest first) at which the sheet fits, or None.

    Fitting only gets easier as the type gets smaller, so after the largest scale a binary search
    finds the same scale as trying each in turn, in three prints instead of up to seven.
    """
    if fits(0):
        return 0
    lo, hi = 1, n  # the answer is in [lo, hi); hi == n: none fits
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo if lo < n else None
