"""Metadata for the national legal-information network (JDIHN): one record per regulation.

Every JDIH member site publishes its documents' metadata as a JSON array that the national portal
harvests; the field names and value conventions below are those of the JDIHN integration template
used by member sites (`idData`, `judul`, `noPeraturan`, `urlDetailPeraturan`, ..., with `operasi`
"4" and `display` "1"; "-" for a field that does not apply to a regulation). The file is validated
by the JSON Schema `skema/jdihn.schema.json` (published beside the data, checked in the tests).

Nothing is invented: a field the data does not hold is "-" (or "" for `abstrak`), never a guess.
"""

from __future__ import annotations

from importlib import resources

from .export import (DATA_DIR, MATRIX_CSV, PROVISION_COLUMNS, PROVISIONS_CSV, TAXONOMY_COLUMNS, TAXONOMY_CSV,
                     area_csv_path, regulation_page)
from .model import Corpus, Regulation
from .topics import Topics

JDIHN_PATH = "integrasi/jdihn.json"
"""Where the feed goes, relative to the site root."""

STATUS = {"berlaku": "Berlaku", "diubah": "Berlaku", "dicabut": "Tidak Berlaku"}
"""Our status -> JDIHN's word. An amended regulation is still in force (the amendment is on its page)."""

SINGKATAN_JENIS = {
    "Peraturan Gubernur": "PERGUB", "Peraturan Bupati": "PERBUP", "Peraturan Wali Kota": "PERWALI",
    "Peraturan Walikota": "PERWALI", "Keputusan Gubernur": "KEPGUB", "Keputusan Bupati": "KEPBUP",
    "Keputusan Wali Kota": "KEPWALI", "Keputusan Walikota": "KEPWALI",
}
"""The abbreviations JDIH sites use for the heads of region's instruments; an instrument of the head
of a body is a `KEP` (Keputusan) or a `PER` (Peraturan)."""

SCHEMA_DIR = "data/skema"
"""Where the JSON Schemas of the published files go, relative to the site root."""

NONE = "-"
"""JDIHN's value for a field that does not apply or is not known."""


def singkatan_jenis(jenis: str) -> str:
    """`Peraturan Bupati` -> `PERBUP`; `Keputusan Kepala Dinas` -> `KEP`."""
    return SINGKATAN_JENIS.get(jenis) or ("KEP" if jenis.startswith("Keputusan") else "PER")


def teu_badan(reg: Regulation) -> str:
    """The issuing body (tajuk entri utama): the region for a head of region's instrument, the body
    itself for an instrument of the head of a body."""
    if reg.jenis.startswith(("Keputusan Kepala", "Peraturan Kepala")):
        return reg.penyelenggara.nama
    return reg.wilayah.nama_lengkap


def jdihn_record(reg: Regulation, page_url: str, source_url: str | None) -> dict[str, str]:
    """One regulation as a JDIHN record; every value a string, as harvesters expect."""
    undang = reg.diundangkan.tanggal if reg.diundangkan else None
    tetap = reg.ditetapkan
    return {
        "idData": reg.id,
        "tahun_pengundangan": str(reg.tahun),
        "tanggal_pengundangan": undang.isoformat() if undang else NONE,
        "tanggal_penetapan": tetap.tanggal.isoformat() if tetap and tetap.tanggal else NONE,
        "jenis": reg.jenis,
        "noPeraturan": reg.nomor,
        "judul": f"{reg.nama_resmi} tentang {reg.tentang}",
        "noPanggil": NONE,
        "singkatanJenis": singkatan_jenis(reg.jenis),
        "tempatTerbit": (tetap.tempat if tetap and tetap.tempat else NONE),
        "penerbit": NONE,
        "deskripsiFisik": NONE,
        "sumber": reg.pengundangan or NONE,
        "subjek": "KODE ETIK - PELAYANAN PUBLIK",
        "isbn": NONE,
        "status": STATUS[reg.status.keadaan],
        "bahasa": "Indonesia",
        "bidangHukum": NONE,
        "teuBadan": teu_badan(reg),
        "nomorIndukBuku": NONE,
        "fileDownload": reg.sumber.berkas if source_url else NONE,
        "urlDownload": source_url or NONE,
        "urlDetailPeraturan": page_url,
        "abstrak": "",
        "operasi": "4",
        "display": "1",
    }


def jdihn_records(corpus: Corpus, site_url: str, sources_url: str) -> list[dict[str, str]]:
    """Every regulation's record, in the corpus order. `site_url` ends with "/" (or is "" for
    addresses relative to the site root); `sources_url` is the folder the source texts are
    published in, relative to the site root."""
    records = []
    for reg in corpus.regulations:
        source = f"{site_url}{sources_url}/{reg.sumber.berkas}" if reg.sumber else None
        records.append(jdihn_record(reg, site_url + regulation_page(reg), source))
    return records


SCHEMA_FILES = ("istilah.schema.json", "jdihn.schema.json", "perbandingan.schema.json", "peraturan.schema.json")
"""The schemas in macros/kodeetik/skema/ (a test checks the list is complete)."""


def schema_files() -> dict[str, str]:
    """Every schema, published under SCHEMA_DIR: site path -> text."""
    folder = resources.files("macros.kodeetik") / "skema"
    return {f"{SCHEMA_DIR}/{name}": (folder / name).read_text(encoding="utf-8") for name in SCHEMA_FILES}


# --------------------------------------------------------------------------- Frictionless

DATAPACKAGE_PATH = f"{DATA_DIR}/datapackage.json"

_FIELDS = {
    "bidang": "kunci bidang topik", "bidang_label": "label bidang", "butir": "kunci butir topik (bidang.butir)",
    "butir_label": "label butir", "penjelasan": "penjelasan redaksi atas butir",
    "terkait": "kunci butir terkait, dipisah spasi", "peraturan": "id peraturan", "singkatan": "nama singkat peraturan",
    "wilayah_kode": "kode wilayah Kemendagri", "wilayah": "nama wilayah", "provinsi": "nama provinsi",
    "ada": "1 bila peraturan mengatur butir ini, 0 bila tidak", "ketentuan_id": "id tetap ketentuan",
    "ketentuan": "sebutan ketentuan (Pasal 11 huruf c)", "konteks": "kata-kata pengantar daftar, satu per baris",
    "teks": "kata-kata ketentuan dengan butir di dalamnya", "url": "alamat ketentuan di situs ini",
}


def _field(name: str) -> dict[str, str]:
    kind = "integer" if name == "ada" else "string"
    return {"name": name, "type": kind, "description": _FIELDS[name]}


def _resource(path: str, title: str, fields: list[dict[str, str]]) -> dict:
    return {"name": path.removeprefix(f"{DATA_DIR}/").removesuffix(".csv").replace("/", "-"),
            "path": path.removeprefix(f"{DATA_DIR}/"), "title": title, "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
            "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "header": True},
            "schema": {"fields": fields}}


def datapackage_json(corpus: Corpus, topics: Topics) -> dict:
    """A Frictionless Data Package describing every CSV of the site: its columns, their types and
    meaning, the encoding (UTF-8 with BOM) and dialect (RFC 4180)."""
    provisions = [_field(c) for c in PROVISION_COLUMNS]
    matrix = [_field("bidang"), _field("butir"), _field("butir_label")] + [
        {"name": r.id, "type": "integer", "description": f"jumlah ketentuan {r.singkatan} bertopik butir ini"}
        for r in corpus.regulations]
    resources = [
        _resource(PROVISIONS_CSV, "Ketentuan per butir topik per peraturan", provisions),
        _resource(MATRIX_CSV, "Matriks butir topik × peraturan", matrix),
        _resource(TAXONOMY_CSV, "Buku kode topik", [_field(c) for c in TAXONOMY_COLUMNS]),
    ] + [_resource(area_csv_path(a.key), f"Ketentuan bidang {a.label}", provisions) for a in topics.areas]
    return {"profile": "tabular-data-package", "name": "kode-etik-pelayanan-publik",
            "title": "Kode etik pelayanan publik daerah: perbandingan topik", "resources": resources}
