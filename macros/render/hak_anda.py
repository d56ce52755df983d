"""The "Hak Anda" pages: one per region (provinces and districts alike) and their index.

Independent of MkDocs, like pages.py. What each page says comes from `kodeetik.hak_anda`; the
complaint channels from the data (the penyelenggara's own first, then the national ones).
"""

from __future__ import annotations

from collections.abc import Mapping

from ..kodeetik.hak_anda import HakAndaData, hak_peraturan
from ..kodeetik.model import Corpus, Wilayah
from ..kodeetik.nasional import AturanNasional
from ..kodeetik.topics import Topics
from .pages import GeneratedPage, TocEntry, regulation_url, wilayah_uri, wilayah_url
from .xref_pages import instrumen_url

BASE = "hak-anda"
INDEX_URI = f"{BASE}/index.md"
SUMMARY_ID = "ringkas"
"""Anchor of the first-screen summary."""


def hak_uri(corpus: Corpus, w: Wilayah) -> str:
    """`hak-anda/kalimantan-barat/kabupaten-bengkayang.md`: the region page's path under `hak-anda/`."""
    return BASE + wilayah_uri(corpus, w)[len("wilayah"):]


def hak_url(corpus: Corpus, w: Wilayah) -> str:
    from .templating import uri_to_url
    return uri_to_url(hak_uri(corpus, w))


def in_force(corpus: Corpus, w: Wilayah):
    """The regulations of a region that still bind staff (a revoked one gives no rights)."""
    return [r for r in corpus.regulations_of(w) if r.status.keadaan != "dicabut"]


def plan_hak_pages(corpus: Corpus, topics: Topics, data: HakAndaData, extra: dict,
                   nasional: Mapping[str, AturanNasional] | None = None) -> list[GeneratedPage]:
    """The index and a page per region, in the order of the regions registry; `nasional` (item key ->
    national rule) is stated where a regulation is silent on an item of a section."""
    instruments = {d.instrumen.id: d.instrumen for rule in (nasional or {}).values() for d in rule.dasar}
    common = {"corpus": corpus, "topics": topics, **extra, "ins_url": instrumen_url,
              "instrumen_nasional": list(instruments.values()),
              "reg_url": {r.id: regulation_url(r) for r in corpus.regulations},
              "wil_url": {w.kode: wilayah_url(corpus, w) for w in corpus.wilayah},
              "hak_url": {w.kode: hak_url(corpus, w) for w in corpus.wilayah},
              "summary_id": SUMMARY_ID}
    pages = [GeneratedPage(
        uri=INDEX_URI, title="Hak Anda", template="hak_index.html",
        context={**common, "berlaku": {w.kode: in_force(corpus, w) for w in corpus.wilayah}},
        description="Apa yang wajib dan dilarang bagi petugas pelayanan publik di daerah Anda, dan ke "
                    "mana mengadu, dengan dasar pasalnya.")]
    for w in corpus.wilayah:
        regs = in_force(corpus, w)
        prefix = (lambda r: f"{r.id}-") if len(regs) > 1 else (lambda r: "")
        entries = [hak_peraturan(r, data, topics, prefix(r), nasional) for r in regs]
        prov = w if w.is_provinsi else corpus.province_of(w)
        toc: list[TocEntry] = []
        for h in entries:
            kids = [TocEntry(h.bagian_id(SUMMARY_ID), "Singkatnya", 3 if len(entries) > 1 else 2)]
            kids += [TocEntry(h.bagian_id(b.bagian.kunci), b.bagian.judul, 3 if len(entries) > 1 else 2)
                     for b in h.bagian]
            if len(entries) > 1:
                toc.append(TocEntry(f"{h.reg.id}", h.reg.penyelenggara.nama, 2, tuple(kids)))
            else:
                toc += kids
        pages.append(GeneratedPage(
            uri=hak_uri(corpus, w), title=f"Hak Anda di {w.nama_lengkap}", template="hak_anda.html",
            context={**common, "wil": w, "prov": prov, "entries": entries,
                     "prov_regs": [] if w.is_provinsi else in_force(corpus, prov),
                     "districts": corpus.districts_of(w) if w.is_provinsi else []},
            toc=tuple(toc),
            description=f"Hak Anda sebagai pengguna layanan publik di {w.nama_lengkap}: yang dilarang bagi "
                        "petugas, yang wajib mereka lakukan, dan ke mana mengadu."))
    return pages
