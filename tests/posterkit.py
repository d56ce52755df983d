"""Helpers for the poster tests: what posters the data must give, and how to read their PDFs."""

from __future__ import annotations

import io
import re
import struct
from pathlib import Path

from pypdf import PdfReader

from conftest import ROOT

SITE_URL = re.search(r"(?m)^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8")).group(1)

PAPERS = {"a4": (595, 842), "a3": (842, 1191)}
"""Paper sizes in PDF points, rounded."""

STANDARD_MAKLUMAT = ("Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan "
                     "yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi "
                     "sesuai peraturan perundang-undangan yang berlaku.")

# Every poster the data must give: (folder under poster/, kind) -> (regulation its QR code opens,
# phrases its PDF must contain, phrases it must not contain). Written out by hand, from the
# regulations' texts, so that the test does not trust the code that plans the posters.
EXPECTED = {
    ("peraturan/perbup-bengkayang-51-2020", "budaya-pelayanan"): (
        "perbup-bengkayang-51-2020",
        ["PEMERINTAH KABUPATEN BENGKAYANG", "BUDAYA PELAYANAN",
         "mempraktekkan senyum, salam, sapa, sopan, dan santun;",
         "menggunakan bentuk budaya pelayanan lainnya sesuai kekhasan masing-masing Penyelenggara.",
         "Pasal 13 Peraturan Bupati Bengkayang Nomor 51 Tahun 2020"],
        ["lapor.go.id", "NIP"]),
    ("peraturan/perbup-bengkayang-51-2020", "larangan"): (
        "perbup-bengkayang-51-2020",
        ["LARANGAN", "meminta dan/atau menerima imbalan/biaya diluar ketentuan atau melakukan pungutan liar (pungli);",
         "melakukan korupsi, kolusi, dan nepotisme (KKN);", "diskriminatif dalam pelayanan;",
         "SP4N-LAPOR!", "lapor.go.id", "SMS: 1708", "Ombudsman Republik Indonesia", "Call center: 137",
         "Pasal 11 huruf a sampai dengan huruf i Peraturan Bupati Bengkayang Nomor 51 Tahun 2020",
         # The lead-in points to Pasal 7: a neutral heading above, the enacted words in the footer.
         "Menurut Pasal 11 huruf a sampai dengan huruf i:",
         "Kalimat pembuka Pasal 11: “Larangan Pelaksana pelayanan publik sebagaimana dimaksud dalam",
         "(butir lain tidak dikutip)", "Pengaduan di kantor ini:", "DRAF — alamat situs belum ditetapkan"],
        ["menambah personil Pelaksana", "pindai kode QR"]),  # huruf j is left out by the data
    ("peraturan/kep-diskominfotik-bengkalis-2024", "budaya-pelayanan"): (
        "kep-diskominfotik-bengkalis-2024",
        ["Budaya pelayanan meliputi ;", "Mempraktekkan senyum, salam, sapa sopan dan santun;"],
        ["Piagam;"]),
    ("peraturan/kep-diskominfotik-bengkalis-2024", "larangan"): (
        "kep-diskominfotik-bengkalis-2024",
        ["Melakukan korupsi kolusi dan nepotisme (KKN);", "SP4N-LAPOR!", "Call center: 137"],
        ["Membuat perjanjian kerjasama"]),
    ("peraturan/kep-dinsos-banten-2024", "larangan"): (
        "kep-dinsos-banten-2024",
        ["DINAS SOSIAL PROVINSI BANTEN", "Pencegahan KKN /Larangan Pelaksana Pelayanan",
         "Melakukan praktek Korupsi, Kolusi dan Nepotisme.", "Lampiran huruf D", "lapor.go.id",
         # An error of the original decree keeps the editorial note the page gives it.
         "toleransi kelebihan muatan", "Catatan redaksi", "tidak berkaitan dengan pelayanan sosial"],
        []),
    ("peraturan/perbup-sumbawa-6-2020", "larangan"): (
        "perbup-sumbawa-6-2020",
        ["Setiap Pegawai Dinas dilarang:", "menerima hadiah/imbalan/suap;",
         "bertemu/berhubungan langsung dengan pemohon, kecuali petugas front office",
         "dapat melaporkan kepada Kepala Dinas atau pimpinan unit kerja Pegawai bersangkutan.",
         "wajib menjaga kerahasiaan identitas pelapor", "lapor.go.id", "Call center: 137",
         # Quoted items keep their enacted letters; skipped ones are marked, as is ayat (3)-(4).
         "(butir lain tidak dikutip)", "Kalimat pembuka Pasal 7 ayat (7):"],
        ["berkontribusi dan/atau terlibat dalam aktifitas partai politik"]),
    ("peraturan/pergub-kaltim-8-2025", "budaya-pelayanan"): (
        "pergub-kaltim-8-2025",
        ["mempraktekkan senyum, salam, sapa, sopan, dan santun;", "bahan diseminasi"],
        []),
    ("peraturan/pergub-kaltim-8-2025", "larangan"): (
        "pergub-kaltim-8-2025",
        ["meminta dan/atau menerima imbalan/biaya di luar ketentuan atau melakukan pungutan liar;",
         "bahan diseminasi", "lapor.go.id"],
        []),
    ("penyelenggara/diskominfotik-bengkalis", "maklumat-pelayanan"): (
        "kep-diskominfotik-bengkalis-2024",
        ["MAKLUMAT PELAYANAN", STANDARD_MAKLUMAT, "Kepala Dinas Komunikasi, Informatika dan Statistik",
         "NIP.", "Pasal 22 Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"],
        # The data names the head without a date (kepala.per_tanggal): lines to fill in, no name.
        ["SUWARTO", "Pembina Tk. I", "19690909"]),
    ("penyelenggara/dinsos-banten", "maklumat-pelayanan"): (
        "kep-dinsos-banten-2024",
        ["MAKLUMAT PELAYANAN", STANDARD_MAKLUMAT, "Kepala Dinas Sosial Provinsi Banten,",
         "NIP."],  # name and NIP: lines to fill in
        ["NURHANA"]),
    ("penyelenggara/dpmptsp-sumbawa", "maklumat-pelayanan"): (
        "perbup-sumbawa-6-2020",
        [STANDARD_MAKLUMAT, "Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Sumbawa,",
         "NIP."],
        []),
    ("penyelenggara/pemkab-bengkayang", "maklumat-pelayanan"): (
        "perbup-bengkayang-51-2020", [STANDARD_MAKLUMAT, "Bupati Bengkayang,"], ["NIP"]),
    ("penyelenggara/pemprov-kaltim", "maklumat-pelayanan"): (
        "pergub-kaltim-8-2025", [STANDARD_MAKLUMAT, "Gubernur Kalimantan Timur,"], ["NIP"]),  # elected: no NIP
}


def pdf_path(site: Path, key: tuple[str, str], paper: str) -> Path:
    folder, kind = key
    return site / "poster" / folder / f"{kind}-{paper}.pdf"


def html_path(site: Path, key: tuple[str, str], paper: str) -> Path:
    folder, kind = key
    return site / "poster" / folder / f"{kind}-{paper}" / "index.html"


def compact(text: str) -> str:
    """Text without any whitespace: a phrase matches however the lines of the poster broke it."""
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() or "" for page in PdfReader(path).pages)


def pdf_fonts(source) -> dict[str, str | None]:
    """Every font the PDF uses -> family and version of its embedded program (None: not embedded).

    Read from the font program's own name table, so "Liberation Sans Version 2.1.5" shows it is
    the file shipped in the repository (Debian's fonts-liberation on this machine is 1.07)."""
    from fontTools.ttLib import TTFont

    out = {}
    for page in PdfReader(source).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            program = desc.get_object().get("/FontFile2") if desc is not None else None
            if program is None:
                out[str(font["/BaseFont"])] = None
                continue
            names = TTFont(io.BytesIO(program.get_object().get_data()))["name"]
            out[str(font["/BaseFont"])] = f"{names.getDebugName(1)} {names.getDebugName(5)}"
    return out


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", head[16:24])
