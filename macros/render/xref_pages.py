"""Pages and data files of the cross-references: legal-basis pages, the overview, the citation jump.

Independent of MkDocs like `pages.py`: it returns page specs and file contents; the glue registers them.
"""

from __future__ import annotations

import json

from ..kodeetik.citations import Citation, Ref, Step
from ..kodeetik.dasar import Instrumen
from ..kodeetik.labels import provision_label
from ..kodeetik.model import Corpus, Regulation
from ..kodeetik.xref import Links, citation_keys, label_keys, mapped_keys
from .pages import GeneratedPage, TocEntry, regulation_url, wilayah_url

DASAR_INDEX_URI = "dasar-hukum/index.md"
CARI_URI = "cari-pasal.md"
JUMP_INDEX = "cari-pasal/indeks.json"
"""The static index the citation jump box reads (regulations and their citable provisions)."""

_HIERARKI = ("Undang-Undang Dasar", "Undang-Undang", "Peraturan Pemerintah", "Peraturan Presiden",
             "Peraturan Menteri")


def instrumen_uri(ins: Instrumen) -> str:
    return f"dasar-hukum/{ins.id}.md"


def instrumen_url(ins: Instrumen) -> str:
    """A national instrument has its own page; a regional one outside the collection an overview entry."""
    if ins.is_daerah:
        return f"dasar-hukum/#{ins.id}"
    return f"dasar-hukum/{ins.id}/"


def _rank(ins: Instrumen) -> tuple:
    kind = next((i for i, h in enumerate(_HIERARKI) if ins.jenis == h or ins.jenis.startswith(h + " ")), 9)
    return kind, ins.tahun, ins.nomor or ""


def xref_context(corpus: Corpus, links: Links) -> dict:
    """What every data template needs to render links (added to `plan_pages`' common context)."""
    by_id = links.katalog.by_id

    def ins_url(ins: Instrumen | str) -> str:
        return instrumen_url(by_id[ins] if isinstance(ins, str) else ins)

    def ins_page(iid: str) -> str | None:
        ins = by_id[iid]
        return None if ins.is_daerah else instrumen_url(ins)

    return {"links": links, "ins_url": ins_url, "ins_page": ins_page,
            "regs_by_id": {r.id: r for r in corpus.regulations}}


def plan_xref_pages(corpus: Corpus, links: Links) -> list[GeneratedPage]:
    """The overview of legal bases, a page per national instrument, and the citation jump page."""
    katalog = links.katalog
    common = {"corpus": corpus, "reg_url": {r.id: regulation_url(r) for r in corpus.regulations},
              "wil_url": {w.kode: wilayah_url(corpus, w) for w in corpus.wilayah}, **xref_context(corpus, links)}
    national = sorted((i for i in katalog.instrumen if not i.is_daerah), key=_rank)
    regional = sorted((i for i in katalog.instrumen if i.is_daerah), key=lambda i: (i.wilayah, i.tahun, i.id))
    grid = []
    for ins in national:
        cells = {p.peraturan: p for p in links.users(ins) if p.sebagai == "dasar"}
        grid.append((ins, cells))
    cited = sorted([g for g in grid if g[1]], key=lambda g: (-len(g[1]), _rank(g[0])))
    others = [g[0] for g in grid if not g[1]]
    ctx = {**common, "katalog": katalog}
    pages = [GeneratedPage(
        uri=DASAR_INDEX_URI, title="Dasar hukum", template="dasar_index.html",
        context={**ctx, "cited": cited, "others": others, "regional": regional},
        toc=(TocEntry("tabel", "Dasar hukum per peraturan", 2), TocEntry("daerah", "Peraturan daerah yang dirujuk", 2),
             TocEntry("lainnya", "Instrumen lain dalam katalog", 2)),
        description="Undang-undang dan peraturan yang menjadi dasar hukum kode etik pelayanan publik, "
                    "dengan status berlakunya.")]
    for ins in national:
        pages.append(GeneratedPage(
            uri=instrumen_uri(ins), title=ins.nama, template="instrumen.html",
            context={**ctx, "ins": ins},
            toc=(TocEntry("status", "Status", 2), TocEntry("dasar", "Menjadi dasar hukum", 2),
                 TocEntry("disebut", "Disebut dalam naskah", 2)),
            description=f"{ins.nama} tentang {ins.tentang or ''}: status dan peraturan daerah yang merujuknya."))
    examples = []
    for reg in corpus.regulations:
        keys = citation_keys(reg)
        key = next((k for k in keys if " ayat " in k), None) or next(iter(keys), None)
        if key:
            examples.append((reg, key, keys[key]))
    pages.append(GeneratedPage(
        uri=CARI_URI, title="Cari pasal", template="cari_pasal.html",
        context={**common, "examples": examples, "jump_index": JUMP_INDEX},
        description="Tempelkan kutipan seperti \u201cPasal 17 ayat (1) Perbup Sumbawa 6/2020\u201d dan buka ketentuannya."))
    return pages


def _example_citation(reg: Regulation) -> str:
    """How one provision of `reg` is cited, for the box's advice: its first Pasal or Diktum, or
    else (a text without either) an item cited by BAB and ordinal (`... butir ke-1`)."""
    keys = citation_keys(reg)
    first = next((k for k in keys if not k.startswith("Lampiran")), None)
    if first:
        return first
    # The items other texts cite (`peta_rujukan`) make the most telling example.
    eids = [*mapped_keys(reg).values(), *label_keys(reg).values()]
    labels = [eid for eid in eids if "__butir_" in eid] or eids
    return provision_label(reg, labels[0]) if labels else ""


def jump_index(corpus: Corpus) -> str:
    """The JSON the citation jump box reads: each regulation's names and citable provisions
    (`ketentuan`: canonical citations; `dugaan`: through `peta_rujukan`; `kutipan`: the other
    copy-citation labels, e.g. `bab 3 larangan pelaksana yanlik butir ke-3`)."""
    regs = []
    for reg in corpus.regulations:
        regs.append({
            "id": reg.id, "url": regulation_url(reg), "singkatan": reg.singkatan, "nama": reg.nama_resmi,
            "jenis": reg.jenis, "wilayah": reg.wilayah.nama, "nomor": reg.nomor, "tahun": reg.tahun,
            "ketentuan": {k.lower(): v for k, v in citation_keys(reg).items()},
            "dugaan": {k.lower(): v for k, v in mapped_keys(reg).items()},
            "kutipan": label_keys(reg),
            # A text without Pasal numbers: the box says so and shows how it is cited instead.
            "pasal": any(k.startswith("Pasal ") for k in citation_keys(reg)),
            "contoh": _example_citation(reg),
        })
    # The box builds its keys the same way: the canonical text of a one-item citation, lowercased.
    sample = str(Citation((Ref((Step("pasal", "17"), Step("ayat", "1"))),))).lower()
    return json.dumps({"format": 1, "contoh": sample, "peraturan": regs}, ensure_ascii=False, sort_keys=True)
