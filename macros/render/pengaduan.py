"""The complaint maker (`pengaduan/buat/`): a citizen picks the office, ticks what happened and gets
a complaint text citing the provisions, ready to copy or share. Nothing leaves the phone.

An ordinary site page. For every regulation in force, its larangan in plain words (the statements of
the Hak Anda section the first screen summarises, `_hak_anda.yaml`), each with the provisions tagged
with its item and, where `_aturan_nasional.yaml` has one, the national rule; then one entry for an
office no code of the site binds (the national rules only). The page is the data: the script
(`assets/pengaduan.js`) reads the ticked items, their citations and links and the channels from the
page itself and composes the text as plain text. Without JavaScript it is a printable checklist.

Independent of MkDocs, like hak_anda.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..kodeetik.hak_anda import DasarKetentuan, HakAndaData, hak_peraturan
from ..kodeetik.model import Corpus, KanalPengaduan, Regulation, Wilayah
from ..kodeetik.nasional import AturanNasional
from ..kodeetik.topics import ButirTopik, Topics
from .hak_anda import in_force
from .pages import GeneratedPage, regulation_url
from .xref_pages import instrumen_url

URI = "pengaduan/buat.md"
URL = "pengaduan/buat/"
NASIONAL_ID = "kantor-lain"
"""Id of the entry for an office that no code of the site binds."""


@dataclass(frozen=True)
class Butir:
    """One thing that may have happened, with what forbids it."""

    item: ButirTopik
    """The topic item."""
    teks: str
    """The citizen's wording (an explanation by the editors)."""
    dasar: tuple[DasarKetentuan, ...]
    """The regulation's provisions tagged with the item (empty: the code is silent on it)."""
    nasional: AturanNasional | None
    """The national rule on the item, if the data has one."""


@dataclass(frozen=True)
class Kantor:
    """One choice of office: a regulation's penyelenggara, or any other office (reg None)."""

    id: str
    """Its id on the page (the regulation's id, or NASIONAL_ID)."""
    wil: Wilayah | None
    """The region of the regulation."""
    reg: Regulation | None
    """The code that binds the office; None: only the national rules."""
    butir: tuple[Butir, ...]
    """What may be ticked, in the section's order."""
    kanal: tuple[KanalPengaduan, ...]
    """The office's own complaint channels (the national ones follow on the page)."""


def kantor_reg(reg: Regulation, hak: HakAndaData, topics: Topics,
               nasional: Mapping[str, AturanNasional]) -> Kantor:
    """A regulation's larangan, with the national rule on each item and on those it is silent on."""
    h = hak_peraturan(reg, hak, topics, nasional=nasional)
    section = next(b for b in h.bagian if b.bagian.kunci == hak.ringkasan_bagian)
    butir = [Butir(p.item, p.teks, p.dasar, nasional.get(p.item.key)) for p in section.pernyataan]
    butir += [Butir(topics.items[n.item], hak.teks(topics.items[n.item]), (), n) for n in section.nasional]
    order = {k: i for i, k in enumerate(section.bagian.butir)}
    butir.sort(key=lambda b: order[b.item.key])
    return Kantor(reg.id, reg.wilayah, reg, tuple(butir), reg.penyelenggara.pengaduan)


def kantor_lain(hak: HakAndaData, topics: Topics, nasional: Mapping[str, AturanNasional]) -> Kantor:
    """Any office no code of the site binds: what the national rules forbid on the section's items."""
    section = next(b for b in hak.bagian if b.kunci == hak.ringkasan_bagian)
    butir = tuple(Butir(topics.items[k], hak.teks(topics.items[k]), (), nasional[k])
                  for k in section.butir if k in nasional and nasional[k].sifat == "dilarang")
    return Kantor(NASIONAL_ID, None, None, butir, ())


def kantor_list(corpus: Corpus, hak: HakAndaData, topics: Topics,
                nasional: Mapping[str, AturanNasional]) -> list[tuple[Wilayah, list[Kantor]]]:
    """Per province (in registry order), the offices of its regulations in force, its districts' after
    its own."""
    out = []
    for prov in corpus.provinces():
        offices = [kantor_reg(r, hak, topics, nasional)
                   for w in [prov, *corpus.districts_of(prov)] for r in in_force(corpus, w)]
        if offices:
            out.append((prov, offices))
    return out


def plan_pengaduan_page(corpus: Corpus, topics: Topics, hak: HakAndaData,
                        nasional: Mapping[str, AturanNasional]) -> GeneratedPage:
    """The complaint maker's page."""
    return GeneratedPage(
        uri=URI, title="Buat pengaduan", template="pengaduan_buat.html",
        context={"groups": kantor_list(corpus, hak, topics, nasional),
                 "lain": kantor_lain(hak, topics, nasional), "kanal": corpus.pengaduan,
                 "reg_url": regulation_url, "ins_url": instrumen_url},
        description="Susun teks pengaduan pelayanan publik yang menyebut pasal yang dilanggar, siap disalin, "
                    "dikirim lewat WhatsApp atau SMS 1708, atau ditempel di lapor.go.id.")
