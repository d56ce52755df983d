"""Data downloads: each regulation as JSON, the topic comparison as JSON and CSV (each CSV also as
XLSX, `xlsx.py`), the glossary.

Texts go out exactly as enacted: no HTML escaping, no Markdown (a consumer escapes for its own
output). URLs are relative to the site root unless `base_url` (the site's address) is given.
The schema is documented for readers on the Data page (templates/data_index.html) and versioned
by the `skema` field; change both together.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Mapping
from typing import Any

from .dasar import Instrumen
from .glossary import definitions
from .model import Corpus, DasarMengingat, Lampiran, Node, Penetapan, Regulation, Wilayah
from .nasional import AturanNasional
from .labels import ref_label
from .topics import Hit, Topics, flat_text
from .xlsx import workbook

REGULATION_SCHEMA = "kodeetik-peraturan/1"
COMPARISON_SCHEMA = "kodeetik-perbandingan/1"
TERMS_SCHEMA = "kodeetik-istilah/1"

DATA_DIR = "data"
"""Where the files go, relative to the site root."""


def regulation_path(reg_id: str) -> str:
    return f"{DATA_DIR}/peraturan/{reg_id}.json"


COMPARISON_PATH = f"{DATA_DIR}/perbandingan.json"
TERMS_PATH = f"{DATA_DIR}/istilah.json"

MATRIX_CSV = f"{DATA_DIR}/topik/matriks.csv"
PROVISIONS_CSV = f"{DATA_DIR}/topik/ketentuan.csv"
TAXONOMY_CSV = f"{DATA_DIR}/topik/taksonomi.csv"


def terms_path(reg_id: str) -> str:
    """One regulation's terms (the shape of TERMS_PATH, with that regulation only): a page about one
    or a few regulations fetches these instead of every region's terms."""
    return f"{DATA_DIR}/istilah/{reg_id}.json"


def area_csv_path(area_key: str) -> str:
    return f"{DATA_DIR}/topik/{area_key}.csv"


def instrument_page(ins: Instrumen) -> str:
    """A national instrument's page, relative to the site root; the same as
    render.xref_pages.instrumen_url (tests/test_nasional.py checks it)."""
    return f"dasar-hukum/#{ins.id}" if ins.is_daerah else f"dasar-hukum/{ins.id}/"


def _nasional_json(rule: AturanNasional, base_url: str) -> dict:
    return {"sifat": rule.sifat, "tetap": rule.tetap, "penjelasan": rule.penjelasan,
            "dasar": [{"label": d.label, "url": base_url + instrument_page(d.instrumen)} for d in rule.dasar]}


def regulation_page(reg: Regulation) -> str:
    """The regulation page, relative to the site root; the same as render.pages.regulation_url
    (tests/test_topics.py checks it), which this core package cannot import."""
    return f"peraturan/{reg.id}/"


# --------------------------------------------------------------------------- JSON

def dumps(obj: Any, compact: bool = False) -> str:
    """JSON text: UTF-8 characters kept, nothing escaped for HTML."""
    if compact:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


def _wilayah(corpus: Corpus, w: Wilayah) -> dict:
    prov = corpus.province_of(w)
    return {"kode": w.kode, "jenis": w.jenis, "nama": w.nama, "nama_lengkap": w.nama_lengkap,
            "provinsi": {"kode": prov.kode, "nama_lengkap": prov.nama_lengkap}}


def _penetapan(p: Penetapan | None) -> dict | None:
    if p is None:
        return None
    return {"tempat": p.tempat, "tanggal": p.tanggal.isoformat() if isinstance(p.tanggal, dt.date) else None,
            "jabatan": p.pejabat.jabatan, "nama": p.pejabat.nama, "nip": p.pejabat.nip,
            "pangkat": p.pejabat.pangkat}


def _dasar(d: DasarMengingat | None) -> dict | None:
    if d is None:
        return None
    return {"jenis": d.jenis, "nomor": d.nomor, "tahun": d.tahun, "tentang": d.tentang}


def node_json(reg: Regulation, node: Node, topics: Topics | None) -> dict:
    """A provision with the keys of the YAML format plus `label`, `kutipan` and `topik`."""
    return {
        "eid": node.eid, "type": node.type, "num": node.num, "marker": node.marker,
        "heading": node.heading, "text": node.text, "text_after": node.text_after,
        "catatan": node.catatan, "dasar": _dasar(node.dasar), "kedudukan": node.kedudukan,
        "miring": list(node.miring),
        # A unit of uncertain standing is not cited as the regulation's text.
        "label": ref_label(reg, node.eid),
        "kutipan": None if reg.belum_pasti(node.eid) else reg.citation(node.eid),
        "topik": list(topics.tags_of(reg.id, node.eid)) if topics else [],
        "children": [node_json(reg, c, topics) for c in node.children],
    }


def _lampiran(reg: Regulation, lamp: Lampiran, topics: Topics | None) -> dict:
    return {"num": lamp.num, "eid": lamp.eid, "kepala": list(lamp.kepala), "judul": lamp.judul,
            "children": [node_json(reg, n, topics) for n in lamp.children],
            "ditetapkan": _penetapan(lamp.ditetapkan)}


def regulation_json(corpus: Corpus, reg: Regulation, topics: Topics | None, base_url: str = "") -> dict:
    """The whole regulation: every field of its data file, with provisions as nested objects."""
    nodes = lambda group: [node_json(reg, n, topics) for n in group]  # noqa: E731
    pen = reg.penyelenggara
    return {
        "skema": REGULATION_SCHEMA,
        "id": reg.id, "jenis": reg.jenis, "nomor": reg.nomor, "tahun": reg.tahun, "tentang": reg.tentang,
        "singkatan": reg.singkatan, "nama_resmi": reg.nama_resmi, "url": base_url + regulation_page(reg),
        "wilayah": _wilayah(corpus, reg.wilayah),
        "penyelenggara": {"id": pen.id, "nama": pen.nama, "alamat": pen.alamat, "laman": pen.laman,
                          "surel": pen.surel, "telepon": pen.telepon},
        "status": {"keadaan": reg.status.keadaan, "oleh": reg.status.oleh, "catatan": reg.status.catatan},
        "sumber": {"berkas": reg.sumber.berkas, "jenis": reg.sumber.jenis, "catatan": reg.sumber.catatan,
                   "perbaikan": [{"dari": p.dari, "menjadi": p.menjadi, "alasan": p.alasan}
                                 for p in reg.sumber.perbaikan],
                   # As in the YAML: a line (every occurrence), or one occurrence with its reason.
                   "derau": [d.baris if d.ke is None else {"baris": d.baris, "ke": d.ke, "alasan": d.alasan}
                             for d in reg.sumber.derau]},
        "kepala": list(reg.kepala), "judul": reg.judul, "pembukaan": list(reg.pembukaan),
        "menimbang": nodes(reg.menimbang), "mengingat": nodes(reg.mengingat),
        "memutuskan": reg.memutuskan, "batang_tubuh": nodes(reg.batang_tubuh), "diktum": nodes(reg.diktum),
        "penutup": list(reg.penutup), "ditetapkan": _penetapan(reg.ditetapkan),
        "diundangkan": _penetapan(reg.diundangkan), "pengundangan": reg.pengundangan,
        "tembusan": list(reg.tembusan), "lampiran": [_lampiran(reg, lp, topics) for lp in reg.lampiran],
        "catatan": list(reg.catatan),
        "topik_lengkap": topics.is_complete(reg.id) if topics else False,
        "belum_ditandai": list(topics.untagged.get(reg.id, ())) if topics else [],
    }


def _tree(node: Node) -> dict:
    """A provision's words for the side-by-side view: marker, heading, text, nested items."""
    out: dict[str, Any] = {}
    if node.display_marker:
        out["m"] = node.display_marker
    if node.heading:
        out["h"] = node.heading
    if node.text:
        out["t"] = node.text
    if node.type == "formulir":
        out["f"] = True
    if node.children:
        out["c"] = [_tree(c) for c in node.children]
    if node.text_after:
        out["a"] = node.text_after
    return out


def _hit_json(hit: Hit, base_url: str) -> dict:
    return {"eid": hit.node.eid, "label": ref_label(hit.reg, hit.node.eid),
            "url": f"{base_url}{regulation_page(hit.reg)}#{hit.node.eid}",
            "konteks": [" ".join(p for p in (c.heading, c.text) if p) for c in hit.context],
            "isi": _tree(hit.node)}


def comparison_json(corpus: Corpus, topics: Topics, base_url: str = "",
                    nasional: Mapping[str, AturanNasional] | None = None) -> dict:
    """Everything the side-by-side view needs: taxonomy, regulations, and the tagged wordings.

    `isi[item][regulation]` lists the tagged provisions; a missing regulation means the item is
    absent from it (or, when its `topik_lengkap` is false, not coded yet). `nasional[item]` is the
    national rule that still binds where a regulation is silent (an explanation, with its bases).
    """
    isi: dict[str, dict[str, list]] = {}
    for area in topics.areas:
        for item in area.items:
            row = {reg.id: [_hit_json(h, base_url) for h in topics.hits_for(item.key, reg.id)]
                   for reg in corpus.regulations}
            isi[item.key] = {rid: hits for rid, hits in row.items() if hits}
    return {
        "skema": COMPARISON_SCHEMA,
        "bidang": [{"kunci": a.key, "label": a.label, "penjelasan": a.penjelasan,
                    "butir": [{"kunci": i.key, "label": i.label, "penjelasan": i.penjelasan} for i in a.items]}
                   for a in topics.areas],
        "peraturan": [{"id": r.id, "singkatan": r.singkatan, "nama_resmi": r.nama_resmi, "tentang": r.tentang,
                       "wilayah": _wilayah(corpus, r.wilayah), "url": base_url + regulation_page(r),
                       "topik_lengkap": topics.is_complete(r.id)} for r in corpus.regulations],
        "isi": isi,
        "nasional": {key: _nasional_json(rule, base_url) for key, rule in (nasional or {}).items()},
    }


def terms_json(corpus: Corpus, topics: Topics, base_url: str = "") -> dict:
    """Per regulation, the terms its Ketentuan Umum defines: for showing definitions on hover."""
    out: dict[str, list] = {r.id: [] for r in corpus.regulations}
    for d in definitions(corpus, topics):
        out[d.reg.id].append({"istilah": d.term, "singkatan": list(d.aliases), "butir": d.item.key,
                              "eid": d.node.eid, "label": ref_label(d.reg, d.node.eid),
                              "url": f"{base_url}{regulation_page(d.reg)}#{d.node.eid}",
                              "definisi": d.wording})
    return {"skema": TERMS_SCHEMA, "peraturan": out}


# --------------------------------------------------------------------------- CSV

PROVISION_COLUMNS = ("bidang", "butir", "butir_label", "peraturan", "singkatan", "wilayah_kode", "wilayah",
                     "provinsi", "ada", "ketentuan_id", "ketentuan", "konteks", "teks", "url")
TAXONOMY_COLUMNS = ("bidang", "bidang_label", "butir", "butir_label", "penjelasan", "terkait")


CSV_BOM = "\ufeff"
"""Starts every CSV: Excel reads a file without it in the machine's code page ("•" became "â€¢")."""


def _csv(rows: list[list[str]]) -> str:
    buf = io.StringIO(CSV_BOM)
    buf.seek(0, io.SEEK_END)
    writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180; quotes only where needed
    writer.writerows(rows)
    return buf.getvalue()


def provisions_csv(corpus: Corpus, topics: Topics, area: str | None = None, base_url: str = "") -> str:
    """Long format: one row per item, regulation and tagged provision; `ada=0` rows for absences."""
    rows = [list(PROVISION_COLUMNS)]
    for a in topics.areas:
        if area is None or a.key == area:
            rows += _provision_rows(corpus, topics, a, base_url)
    return _csv(rows)


def _provision_rows(corpus: Corpus, topics: Topics, a, base_url: str) -> list[list[str]]:
    rows = []
    for item in a.items:
        for reg in corpus.regulations:
            base = [a.key, item.key, item.label, reg.id, reg.singkatan, reg.wilayah.kode,
                    reg.wilayah.nama_lengkap, corpus.province_of(reg.wilayah).nama_lengkap]
            hits = topics.hits_for(item.key, reg.id)
            if not hits:
                rows.append(base + ["0", "", "", "", "", ""])
            for h in hits:
                context = "\n".join(" ".join(p for p in (c.heading, c.text) if p) for c in h.context)
                rows.append(base + ["1", h.node.eid, ref_label(reg, h.node.eid), context,
                                    flat_text(h.node, with_marker=True),
                                    f"{base_url}{regulation_page(reg)}#{h.node.eid}"])
    return rows


def matrix_rows(corpus: Corpus, topics: Topics) -> list[list[str]]:
    """Wide format: one row per item, one column per regulation, the number of tagged provisions
    (0 = absent)."""
    regs = corpus.regulations
    rows = [["bidang", "butir", "butir_label", *[r.id for r in regs]]]
    for a in topics.areas:
        for item in a.items:
            rows.append([a.key, item.key, item.label,
                         *[str(len(topics.hits_for(item.key, r.id))) for r in regs]])
    return rows


def matrix_csv(corpus: Corpus, topics: Topics) -> str:
    return _csv(matrix_rows(corpus, topics))


def taxonomy_rows(topics: Topics) -> list[list[str]]:
    """The codebook: every area and item with its plain-language explanation."""
    rows = [list(TAXONOMY_COLUMNS)]
    for a in topics.areas:
        for item in a.items:
            rows.append([a.key, a.label, item.key, item.label, item.penjelasan, " ".join(item.terkait)])
    return rows


def taxonomy_csv(topics: Topics) -> str:
    return _csv(taxonomy_rows(topics))


def xlsx_path(csv_path: str) -> str:
    """The workbook published next to a CSV: `data/topik/matriks.csv` → `data/topik/matriks.xlsx`."""
    return csv_path.removesuffix(".csv") + ".xlsx"


def _tables(corpus: Corpus, topics: Topics, base_url: str) -> list[tuple[str, list[list[str]], tuple[str, ...]]]:
    """Every CSV table: its path, its rows (header first) and the columns that hold numbers."""
    per_area = [(a, _provision_rows(corpus, topics, a, base_url)) for a in topics.areas]
    header = [list(PROVISION_COLUMNS)]
    counts = tuple(r.id for r in corpus.regulations)
    return [
        (MATRIX_CSV, matrix_rows(corpus, topics), counts),
        # The whole table is the areas' tables one after the other: their rows are made once.
        (PROVISIONS_CSV, header + [row for _, rows in per_area for row in rows], ("ada",)),
        (TAXONOMY_CSV, taxonomy_rows(topics), ()),
        *[(area_csv_path(a.key), header + rows, ("ada",)) for a, rows in per_area],
    ]


def data_files(corpus: Corpus, topics: Topics, base_url: str = "", map_fn=None,
               nasional: Mapping[str, AturanNasional] | None = None) -> dict[str, str | bytes]:
    """Every data file of the site: path relative to the site root -> content.

    `map_fn` (default: the built-in `map`) may spread the work over processes; it must return the
    results in order.
    """
    terms = terms_json(corpus, topics, base_url)
    jobs: list[tuple[str, Callable[..., str | bytes]]]  # each called with no argument (defaults bind the loop variables)
    jobs = [(regulation_path(r.id), lambda r=r: dumps(regulation_json(corpus, r, topics, base_url)))
            for r in corpus.regulations]
    jobs += [
        (COMPARISON_PATH, lambda: dumps(comparison_json(corpus, topics, base_url, nasional), compact=True)),
        (TERMS_PATH, lambda: dumps(terms, compact=True)),
    ]
    for path, rows, numeric in _tables(corpus, topics, base_url):
        jobs += [(path, lambda rows=rows: _csv(rows)),
                 (xlsx_path(path), lambda rows=rows, numeric=numeric: workbook(rows, numeric))]
    jobs += [(terms_path(rid), lambda rid=rid, defs=defs: dumps({"skema": terms["skema"], "peraturan": {rid: defs}},
                                                                  compact=True))
             for rid, defs in terms["peraturan"].items()]
    contents = list((map_fn or map)(lambda job: job[1](), jobs))
    return {path: content for (path, _), content in zip(jobs, contents)}
