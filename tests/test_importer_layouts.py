"""The importer on layouts nobody curated: the five regulations laid out again (tests/layouts.py) as a
PDF text layer, a web page (run in), two-column labels and spaced letters, plus hand-made texts for
what the five lack. Pure logic (no site build).

Figures per layout and source are printed by `tests/layout_bench.py` and recorded in BENCHMARKS.md;
the pins below are the achieved ones (raise them when a change does better, never lower them).
"""

from __future__ import annotations

import random

import layout_bench as bench
import layouts
import pytest
from importer_compare import REGULATIONS, compare_text, norm

from macros.kodeetik.importer.draft import build

TARGET = {"pdf": 0.97, "run-in": 0.90}
"""Issue 13: a PDF text layer keeps 97% of the clauses with the curated ids, a web page 90%."""
PINS = {
    # layout: least share of curated provisions kept (same id, same words), for each of the five;
    # achieved: see BENCHMARKS.md (every cell is 99.1% or more; other PDF seeds 97.6% or more).
    "pdf": 0.97, "run-in": 0.97, "two-column": 0.97, "spaced": 0.97,
}


def least_share(layout: str) -> float:
    return max(PINS[layout], TARGET.get(layout, 0))


@pytest.mark.parametrize("layout, reg_id", [(lay, r) for lay in PINS for r in REGULATIONS])
def test_layout_keeps_clauses(layout, reg_id):
    result = bench.measure(layout, reg_id)
    assert result.load_errors is None, result.report()[:3000]
    assert result.share >= least_share(layout), result.report()[:3000]


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("reg_id", REGULATIONS)
def test_pdf_layer_other_pages_and_margins(seed, reg_id):
    """Other widths, page lengths and page furniture (the generator's seed): the same target."""
    reg = bench.curated()[reg_id]
    result = compare_text(reg, layouts.pdf_layer(reg, seed), f"pdf{seed}.txt")
    assert result.load_errors is None, result.report()[:3000]
    assert result.share >= least_share("pdf"), result.report()[:3000]


@pytest.mark.parametrize("layout", list(layouts.LAYOUTS))
@pytest.mark.parametrize("reg_id", REGULATIONS)
def test_opening_in_every_layout(layout, reg_id):
    """jenis, nomor, tahun, tentang right, and each Menimbang/Mengingat item one node with its whole
    text, whatever the layout."""
    reg = bench.curated()[reg_id]
    d = build(bench.text_of(layout, reg_id), "x.txt")
    assert (d.data["jenis"], d.data["nomor"], d.data["tahun"], d.data["tentang"]) == \
        (reg.jenis, reg.nomor, str(reg.tahun), reg.tentang)
    for key in ("menimbang", "mengingat"):
        assert [norm(n.text) for n in d.data[key] or []] == [norm(n.text) for n in getattr(reg, key)], key


def test_generators_really_change_the_layout():
    """Negative control for the tests above: each layout differs from the clean one as it claims."""
    reg = bench.curated()["perbup-bengkayang-51-2020"]
    pdf, run, two, sp = (layouts.pdf_layer(reg), layouts.run_in(reg), layouts.two_column(reg), layouts.spaced(reg))
    assert "\f" in pdf and "-\n" in pdf and max(len(ln) for ln in pdf.splitlines()) <= 90
    assert "; b. bahwa" in run and "BAB I KETENTUAN UMUM Pasal 1 Dalam" in run
    assert "\nMenimbang\n:\na.\nbahwa" in two
    assert "P E R A T U R A N  B U P A T I" in sp
    # The measure does see a loss: a PDF layer cut short keeps fewer provisions.
    cut = compare_text(reg, pdf[: len(pdf) // 2], "cut.txt")
    assert cut.load_errors is not None or cut.share < 0.8


# --------------------------------------------------------------------------- hand-made texts

PERKADIS = """PEMERINTAH KOTA CONTOH
DINAS KESEHATAN
Jalan Merdeka Nomor 1, Contoh

PERATURAN KEPALA DINAS KESEHATAN KOTA CONTOH
NOMOR 800.1.6.1/KPTS/9/2024

TENTANG
KODE ETIK DAN KODE PERILAKU PEGAWAI

DI LINGKUNGAN DINAS KESEHATAN KOTA CONTOH

KEPALA DINAS KESEHATAN KOTA CONTOH,

Menimbang
:
a.
bahwa pelayanan kesehatan perlu dilaksanakan dengan
jujur dan adil;
b.
bahwa berdasarkan pertimbangan sebagaimana dimaksud
dalam huruf a, perlu menetapkan Peraturan Kepala Dinas;
Mengingat
:
1.
Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;

MEMUTUSKAN:
Menetapkan : PERATURAN KEPALA DINAS TENTANG KODE ETIK.

Pasal 1
Pegawai wajib melayani dengan ramah.
"""


def test_peraturan_kepala_dinas_two_columns_and_a_subject_over_a_blank_line():
    d = build(PERKADIS, "x.txt")
    assert d.data["jenis"] == "Peraturan Kepala Dinas"
    assert d.data["nomor"] == "800.1.6.1/KPTS/9/2024"
    assert d.data["tahun"] == "2024"  # from the nomor, with a check
    assert d.data["tentang"] == "Kode Etik dan Kode Perilaku Pegawai di Lingkungan Dinas Kesehatan Kota Contoh"
    assert [n.text for n in d.data["menimbang"]] == [
        "bahwa pelayanan kesehatan perlu dilaksanakan dengan jujur dan adil;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Kepala Dinas;"]
    assert d.data["mengingat"][0].dasar["nomor"] == "25"
    assert "None" not in (d.data["singkatan"] or "") and "None" not in d.data["id"]
    assert d.data["pembukaan"] == ["KEPALA DINAS KESEHATAN KOTA CONTOH,"]
    assert [n.num for n in d.data["batang_tubuh"]] == ["1"]


RUN_IN = ("PERATURAN BUPATI CONTOH NOMOR 87 TAHUN 2020 TENTANG KODE ETIK PELAYANAN PUBLIK DI LINGKUNGAN "
          "PEMERINTAH KABUPATEN CONTOH DENGAN RAHMAT TUHAN YANG MAHA ESA BUPATI CONTOH,\n\n"
          "Menimbang : a. bahwa pelayanan publik perlu ditingkatkan; b. bahwa untuk itu perlu kode etik; dan "
          "c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
          "Peraturan Bupati; Mengingat : 1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik; "
          "2. Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 Tahun 2009;\n\n"
          "MEMUTUSKAN: Menetapkan : PERATURAN BUPATI TENTANG KODE ETIK PELAYANAN PUBLIK.\n\n"
          "BAB I KETENTUAN UMUM Pasal 1 Dalam Peraturan Bupati ini yang dimaksud dengan: 1. Daerah adalah "
          "Kabupaten Contoh. 2. Bupati adalah Bupati Contoh. 3. Pelayanan Publik adalah kegiatan sebagaimana "
          "dimaksud dalam Pasal 2 ayat (1) huruf a. BAB II PRINSIP Pasal 2 (1) Pelayanan diberikan dengan "
          "prinsip: a. jujur; b. adil; dan c. cepat. (2) Prinsip sebagaimana dimaksud pada ayat (1) "
          "wajib ditaati.\n")


def test_web_page_run_in_text():
    d = build(RUN_IN, "x.txt")
    assert (d.data["jenis"], d.data["nomor"], d.data["tahun"]) == ("Peraturan Bupati", "87", "2020")
    assert d.data["tentang"] == "Kode Etik Pelayanan Publik di Lingkungan Pemerintah Kabupaten Contoh"
    assert [n.num for n in d.data["menimbang"]] == ["a", "b", "c"]
    assert d.data["menimbang"][1].text == "bahwa untuk itu perlu kode etik; dan"
    assert [n.num for n in d.data["mengingat"]] == ["1", "2"]
    bab1, bab2 = d.data["batang_tubuh"]
    assert (bab1.heading, bab2.heading) == ("KETENTUAN UMUM", "PRINSIP")
    pasal1 = bab1.children[0]
    assert pasal1.text == "Dalam Peraturan Bupati ini yang dimaksud dengan:"
    # A definition that cites "Pasal 2 ayat (1) huruf a." stays whole: no clause end before "Pasal 2".
    assert [c.text for c in pasal1.children][2] == \
        "Pelayanan Publik adalah kegiatan sebagaimana dimaksud dalam Pasal 2 ayat (1) huruf a."
    ayat1, ayat2 = bab2.children[0].children
    assert [c.text for c in ayat1.children] == ["jujur;", "adil; dan", "cepat."]
    assert ayat2.text.startswith("Prinsip sebagaimana dimaksud pada ayat (1)")
    checks = " ".join(w for _, w in d.report.checks)
    assert "run-in line was split" in checks
    # ... and the draft says so where it happened, as a CHECK comment.
    assert any("run-in line was split" in c for c in d.data["menimbang"][0].checks)


def test_run_in_leaves_a_sentence_with_references_alone():
    """Negative control: numbers inside a sentence are not markers."""
    text = ("Pasal 4\nPegawai sebagaimana dimaksud dalam Pasal 3 huruf a. dan angka 2. wajib hadir pada "
            "tanggal 1. Januari sesuai Nomor 5. Tahun 2020 yang berlaku.\n")
    d = build(text, "x.txt")
    assert [n.text for n in d.data["batang_tubuh"]] == [None] or \
        d.data["batang_tubuh"][0].text.endswith("yang berlaku.")
    assert not any("run-in" in w for _, w in d.report.checks)


SPACED = """K E P U T U S A N K E P A L A D I N A S S O S I A L K A B U P A T E N C O N T O H
N O M O R 4 1 2 / 3 1 / 2 0 2 3
T E N T A N G
K O D E E T I K P E L A Y A N A N

KEPALA DINAS SOSIAL KABUPATEN CONTOH,

Menimbang : a. bahwa kode etik pelayanan perlu ditetapkan;
Mengingat : 1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;
M E M U T U S K A N :
Menetapkan : KEPUTUSAN KEPALA DINAS SOSIAL TENTANG KODE ETIK PELAYANAN.
KESATU : Kode etik pelayanan sebagaimana tercantum dalam Lampiran.
KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.
"""


def test_spaced_letters_with_single_spaces_and_a_keputusan_with_diktum():
    d = build(SPACED, "x.txt")
    assert d.data["jenis"] == "Keputusan Kepala Dinas"
    assert d.data["nomor"] == "412/31/2023"
    assert d.data["tentang"] == "Kode Etik Pelayanan"
    assert [n.num for n in d.data["diktum"]] == ["KESATU", "KEDUA"]
    assert d.data["diktum"][1].text == "Keputusan ini mulai berlaku pada tanggal ditetapkan."
    assert any("word list" in w for _, w in d.report.checks)  # the cut into words is a guess


def test_spaced_names_of_agencies_no_source_has():
    """The word list knows the regional agencies by the names of their affairs, not the five sources'
    agencies only: a Dinas Ketahanan Pangan, spaced with single spaces, cut right."""
    from macros.kodeetik.importer.spaced import base_words, restore
    text = "K E P A L A D I N A S K E T A H A N A N P A N G A N K O T A C O N T O H"
    assert restore(text, base_words()) == ("KEPALA DINAS KETAHANAN PANGAN KOTA CONTOH", True)
    # Negative control: without the affairs' words two unknown words run together.
    assert restore(text, frozenset({"kepala", "dinas", "kota"}))[0] == "KEPALA DINAS KETAHANANPANGAN KOTA CONTOH"


HYPHENS = ("Pasal 1\nPegawai wajib menjaga pelak-\nsanaan tugas sesuai peraturan perundang-\n"
           "undangan dan Undang-\nUndang serta bersikap kehati-\nhatian dalam surat-\nmenyurat; pelaksanaan "
           "tugas dilakukan dengan e-\nmail dinas.\n")


def test_hyphenation_decided_with_the_document_and_the_word_list():
    d = build(HYPHENS, "x.txt")
    text = d.data["batang_tubuh"][0].text
    assert "pelaksanaan tugas" in text                      # joined: the document writes "pelaksanaan"
    assert "perundang-undangan" in text                      # a repetition keeps its hyphen
    assert "Undang-Undang" in text                           # a capital after the break keeps it
    assert "kehati-hatian" in text and "surat-menyurat" in text
    assert "e-mail" in text                                  # from the word list kata_berhubung
    assert "pelak-" not in text and "perundangundangan" not in text


PAGES = ("BUPATI CONTOH\n\nPERATURAN BUPATI CONTOH\nNOMOR 3 TAHUN 2022\nTENTANG\nKODE ETIK\n\n"
         "Pasal 1\nPelayanan diberikan kepada masyarakat dengan memperhatikan standar pelayanan dan pelak-\n\n"
         "Salinan sesuai dengan aslinya\n\f- 2 -\nPERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022\n\n"
         "sanaan yang tertib.\nPasal 2\nPegawai wajib ramah.\n\n\f- 3 -\nPERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022\n"
         "Pasal 3\nPegawai wajib jujur.\n\f")


def test_page_breaks_furniture_and_hyphenation_across_pages():
    d = build(PAGES, "x.txt")
    p1, p2, p3 = d.data["batang_tubuh"]
    assert p1.text == ("Pelayanan diberikan kepada masyarakat dengan memperhatikan standar pelayanan dan "
                       "pelaksanaan yang tertib.")
    assert (p1.page, p2.page, p3.page) == (1, 2, 3)
    assert set(d.data["sumber"]["derau"]) == {"Salinan sesuai dengan aslinya", "- 2 -", "- 3 -",
                                               "PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022"}
    assert "(page 2)" in "\n".join(d.report.lines())
    # Negative control: the same words on page 1 (no break around them) are the title, not noise.
    assert d.data["judul"] == "PERATURAN BUPATI CONTOH NOMOR 3 TAHUN 2022 TENTANG KODE ETIK"


def test_site_chrome_is_noise_and_implausible_structure_comes_first():
    text = ("Anda di halaman 1dari 13\nhttps://jdih.contoh.go.id/dokumen/123\n" + RUN_IN.replace(
        "Menimbang : a.", "Menimbang : x.") + "\nPasal 9\n(1) Satu; (2) dua; (3) tiga; (4) empat.\n")
    d = build(text, "x.txt")
    assert "Anda di halaman 1dari 13" in d.data["sumber"]["derau"]
    assert not any("halaman" in k for k in d.data["kepala"] or [])
    lines = d.report.lines()
    first_section = next(ln for ln in lines[2:] if ln.strip())
    assert first_section.startswith("LOOK FIRST")


def test_no_warning_on_a_plain_text():
    """Negative control for the warnings: a clean opening gives none."""
    d = build(PERKADIS, "x.txt")
    assert d.report.warnings == []


# --------------------------------------------------------------------------- openings the five lack

# A Keputusan Gubernur with a bare "Menetapkan:" and Diktum, Menimbang items indented under the label.
KEPGUB = """GUBERNUR JAWA TENGAH

KEPUTUSAN GUBERNUR JAWA TENGAH
NOMOR 100.3.3.1/245 TAHUN 2024

TENTANG

KODE ETIK PELAYANAN PUBLIK DI LINGKUNGAN
PEMERINTAH PROVINSI JAWA TENGAH

GUBERNUR JAWA TENGAH,

Menimbang : a. bahwa dalam rangka meningkatkan kualitas pelayanan publik
                perlu ditetapkan kode etik pelayanan publik;
            b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a,
                perlu menetapkan Keputusan Gubernur tentang Kode Etik
                Pelayanan Publik di Lingkungan Pemerintah Provinsi Jawa Tengah;
Mengingat : 1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik
                (Lembaran Negara Republik Indonesia Tahun 2009 Nomor 112);
            2. Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan
                Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;

MEMUTUSKAN:
Menetapkan:
KESATU : Kode Etik Pelayanan Publik di Lingkungan Pemerintah Provinsi Jawa Tengah sebagaimana tercantum dalam Lampiran.
KEDUA : Keputusan Gubernur ini mulai berlaku pada tanggal ditetapkan.
"""
# A Peraturan Wali Kota, the city's name under the official.
PERWALI = """WALI KOTA CONTOH
PROVINSI JAWA BARAT

PERATURAN WALI KOTA CONTOH
NOMOR 12 TAHUN 2022
TENTANG
KODE ETIK PELAYANAN PUBLIK
PADA PERANGKAT DAERAH

DENGAN RAHMAT TUHAN YANG MAHA ESA

WALI KOTA CONTOH,

Menimbang : a. bahwa untuk mewujudkan pelayanan publik yang prima perlu kode etik;
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Wali Kota tentang Kode Etik Pelayanan Publik pada Perangkat Daerah;
Mengingat : 1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;
2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;

MEMUTUSKAN:
Menetapkan : PERATURAN WALI KOTA TENTANG KODE ETIK PELAYANAN PUBLIK PADA PERANGKAT DAERAH.

Pasal 1
Pegawai wajib melayani dengan ramah.
"""
# A JDIH copy: "SALINAN" stamped above, the portal's address as a watermark, the subject over two lines.
SALINAN = """SALINAN
jdih.contohkab.go.id

BUPATI CONTOH
PROVINSI KALIMANTAN BARAT

PERATURAN BUPATI CONTOH
NOMOR 21 TAHUN 2021

TENTANG

KODE ETIK APARATUR PELAYANAN
PUBLIK

Diunduh dari jdih.contohkab.go.id

DENGAN RAHMAT TUHAN YANG MAHA ESA

BUPATI CONTOH,

Menimbang : a. bahwa pelayanan publik perlu diatur; dan
b. bahwa untuk itu perlu menetapkan Peraturan Bupati;
Mengingat : Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;

MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG KODE ETIK APARATUR PELAYANAN PUBLIK.

Pasal 1
Pegawai wajib ramah.
"""
# A web abstract: the whole opening on one line, a Keputusan without "DENGAN RAHMAT".
ONELINE = ("KEPUTUSAN KEPALA DINAS SOSIAL PROVINSI CONTOH NOMOR 188.4/2/127-Dinsos/2024 TENTANG KODE ETIK "
           "PENYELENGGARAAN PELAYANAN SOSIAL KEPALA DINAS SOSIAL PROVINSI CONTOH, Menimbang : a. bahwa pelayanan "
           "sosial perlu dilaksanakan dengan jujur; b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam "
           "huruf a, perlu menetapkan Keputusan Kepala Dinas; Mengingat : 1. Undang-Undang Nomor 25 Tahun 2009 "
           "tentang Pelayanan Publik; 2. Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial; "
           "MEMUTUSKAN: Menetapkan : KEPUTUSAN KEPALA DINAS SOSIAL TENTANG KODE ETIK PENYELENGGARAAN PELAYANAN "
           "SOSIAL. KESATU : Kode etik sebagaimana tercantum dalam Lampiran. KEDUA : Keputusan ini mulai berlaku "
           "pada tanggal ditetapkan.\n")


@pytest.mark.parametrize("text, title, menimbang, mengingat", [
    (KEPGUB, ("Keputusan Gubernur", "100.3.3.1/245", "2024",
              "Kode Etik Pelayanan Publik di Lingkungan Pemerintah Provinsi Jawa Tengah"), 2, 2),
    (PERWALI, ("Peraturan Wali Kota", "12", "2022", "Kode Etik Pelayanan Publik pada Perangkat Daerah"), 2, 2),
    (SALINAN, ("Peraturan Bupati", "21", "2021", "Kode Etik Aparatur Pelayanan Publik"), 2, 1),
    (ONELINE, ("Keputusan Kepala Dinas", "188.4/2/127-Dinsos/2024", "2024",
               "Kode Etik Penyelenggaraan Pelayanan Sosial"), 2, 2),
], ids=["kepgub-diktum", "perwali", "jdih-salinan", "abstract-one-line"])
def test_openings_of_other_kinds_and_layouts(text, title, menimbang, mengingat):
    d = build(text, "x.txt")
    assert (d.data["jenis"], d.data["nomor"], d.data["tahun"], d.data["tentang"]) == title
    source = " ".join(text.split())
    for key, count in (("menimbang", menimbang), ("mengingat", mengingat)):
        nodes = d.data[key]
        assert len(nodes) == count, key
        # Each item one node with its whole text: its words stand together in the source.
        for n in nodes:
            assert n.text and " ".join(n.text.split()) in source and not n.children, (key, n.text)
    assert d.report.unplaced == []
    assert "None" not in (d.data["singkatan"] or "") + d.data["id"] + (d.data["judul"] or "")


def test_the_openings_differ_where_they_claim():
    """Negative control for the openings above: the official of the one-line abstract is cut from the
    subject, the Diktum of the Keputusan Gubernur are read, the JDIH address is noise, not heading."""
    one = build(ONELINE, "x.txt")
    assert one.data["pembukaan"] == ["KEPALA DINAS SOSIAL PROVINSI CONTOH,"]
    assert [n.num for n in build(KEPGUB, "x.txt").data["diktum"]] == ["KESATU", "KEDUA"]
    jdih = build(SALINAN, "x.txt")
    assert jdih.data["kepala"] == ["SALINAN", "BUPATI CONTOH", "PROVINSI KALIMANTAN BARAT"]
    assert "jdih.contohkab.go.id" in jdih.data["sumber"]["derau"]
    # Without the official's own line, the subject is left whole: nothing else is cut from it.
    plain = build(ONELINE.replace(" KEPALA DINAS SOSIAL PROVINSI CONTOH, Menimbang", " Menimbang"), "x.txt")
    assert plain.data["tentang"] == "Kode Etik Penyelenggaraan Pelayanan Sosial" and not plain.data["pembukaan"]


PRINTED = ("PERATURAN GUBERNUR CONTOH\n\nNOMOR 8 TAHUN 2025\n\nTENTANG\n\nPERILAKU DAN KODE ETIK PELAYANAN "
           "PUBLIK DI LINGKUNGAN PEMERINTAH\n\nDAERAH\n\nDENGAN RAHMAT TUHAN YANG MAHA ESA\n\nGUBERNUR CONTOH,\n\n"
           "Menimbang : a. bahwa pelayanan publik perlu diatur;\nMengingat : 1. Undang-Undang Nomor 25 Tahun 2009 "
           "tentang Pelayanan Publik;\n\nPasal 1\nPegawai wajib ramah.\n")


def test_a_subject_wrapped_over_a_blank_line_before_the_opening_formula():
    """A PDF text layer puts a blank line between every line of the heading: the last word of the
    subject ("DAERAH") stands alone before "DENGAN RAHMAT", and nothing but the subject stands there."""
    d = build(PRINTED, "x.txt")
    assert d.data["tentang"] == "Perilaku dan Kode Etik Pelayanan Publik di Lingkungan Pemerintah Daerah"
    assert d.data["pembukaan"] == ["DENGAN RAHMAT TUHAN YANG MAHA ESA", "GUBERNUR CONTOH,"]
    # Negative control: the official after the subject is never taken into it.
    official = build(PRINTED.replace("DENGAN RAHMAT TUHAN YANG MAHA ESA\n\n", ""), "x.txt")
    assert official.data["tentang"].endswith("Pemerintah Daerah") and official.data["pembukaan"] == ["GUBERNUR CONTOH,"]


# --------------------------------------------------------------------------- repeated titles

HEADER = ("PERATURAN BUPATI CONTOH\nNOMOR 4 TAHUN 2023\nTENTANG\nKODE ETIK PELAYANAN PUBLIK\n\n"
          "Pasal 1\nDalam Peraturan Bupati ini yang dimaksud dengan:\n1. Daerah adalah Kabupaten Contoh.\n"
          "2. Bupati adalah Bupati Contoh.\n\f- 2 -\nKODE ETIK PELAYANAN PUBLIK\n\n"
          "3. Pegawai adalah aparatur sipil negara.\nPasal 2\nPegawai wajib:\n\f- 3 -\n"
          "KODE ETIK PELAYANAN PUBLIK\n\na. jujur;\nb. adil.\n\f- 4 -\nKODE ETIK PELAYANAN PUBLIK\n\n"
          "Pasal 3\nPegawai wajib ramah.\n")


def test_a_running_header_between_pages_is_dropped_even_before_a_list():
    """A line at the top of three pages, before text that goes on from the page before (a list item
    numbered on, a list announced by "wajib:", a Pasal): a running header, dropped everywhere."""
    d = build(HEADER, "x.txt")
    p1, p2, p3 = d.data["batang_tubuh"]
    assert [c.num for c in p1.children] == ["1", "2", "3"]
    assert p1.children[2].text == "Pegawai adalah aparatur sipil negara."
    assert [c.text for c in p2.children] == ["jujur;", "adil."] and p3.text == "Pegawai wajib ramah."
    headers = [n.no for n in d.report.noise if n.text == "KODE ETIK PELAYANAN PUBLIK"]
    assert len(headers) == 3 and all(n.rule == "running header" for n in d.report.noise if n.no in headers)
    assert not any("KODE ETIK" in (n.text or "") + (n.heading or "") for p in (p1, p2, p3) for n in p.walk())


DECK = ("BAB 2 – KEWAJIBAN\n\n\f1\nKEWAJIBAN PENYELENGGARA\n\n1. menyusun standar pelayanan;\n"
        "2. menyediakan sarana pengaduan.\n\n\f2\nKEWAJIBAN PENYELENGGARA\n\n1. mengumumkan maklumat pelayanan;\n"
        "2. menilai kinerja pelaksana.\n\n\f3\nLARANGAN PENYELENGGARA\n\n1. memungut biaya di luar ketentuan;\n"
        "2. menunda pelayanan tanpa alasan;\n\f4\nLARANGAN PENYELENGGARA\n\n3. membeda-bedakan pengguna layanan;\n"
        "4. menolak pengaduan.\n\nPENGHARGAAN\n\nGubernur dapat memberikan penghargaan.\n\nPENGHARGAAN\n\n"
        "Kepala Penyelenggara memberikan penghargaan kepada Pelaksana.\n\nSANKSI\n\n- teguran lisan;\n\n"
        "SANKSI\n\n- teguran tertulis.\n")


def test_a_repeated_group_title_over_a_new_list_is_a_new_group():
    """Slides as pages: a title repeated at the top of two pages over a list starting again at 1 (or a
    new sentence after a finished one) heads a group of its own, with eid `kelompok_1a` so the groups
    after it keep their ids; over a list numbered on (3. after 2.) or more bullets it is a running
    header and the group continues."""
    d = build(DECK, "x.txt")
    groups = d.data["batang_tubuh"][0].children
    assert [(g.heading, g.eid, [c.num or c.text for c in g.children]) for g in groups] == [
        ("KEWAJIBAN PENYELENGGARA", None, ["1", "2"]),
        ("KEWAJIBAN PENYELENGGARA", "kelompok_1a", ["1", "2"]),
        ("LARANGAN PENYELENGGARA", None, ["1", "2", "3", "4"]),
        ("PENGHARGAAN", None, ["Gubernur dapat memberikan penghargaan."]),
        ("PENGHARGAAN", "kelompok_3a", ["Kepala Penyelenggara memberikan penghargaan kepada Pelaksana."]),
        ("SANKSI", None, ["teguran lisan;", "teguran tertulis."])]
    assert any("eid kelompok_1a" in c for c in groups[1].checks)  # the split is a guess, said so
    dropped = [n.text for n in d.report.noise]
    assert dropped.count("LARANGAN PENYELENGGARA") == 1 and dropped.count("SANKSI") == 1
    assert "KEWAJIBAN PENYELENGGARA" not in dropped and "PENGHARGAAN" not in dropped


def test_kaltim_deck_keeps_its_two_penghargaan_groups():
    """The golden comparison on the real deck: its second PENGHARGAAN slide is the curated
    `bab_5__kelompok_1a`, every id equal, in every layout (the table of tests/layout_bench.py)."""
    reg_id = "pergub-kaltim-8-2025"
    for layout in layouts.LAYOUTS:
        result = bench.measure(layout, reg_id)
        assert result.same_ids and not result.different, (layout, result.report()[:3000])
        assert "bab_5__kelompok_1a__teks_3__huruf_f" in result.draft.provisions


# --------------------------------------------------------------------------- never a traceback

ALPHABET = list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:()-/\t\f\n") + [
    "Pasal ", "BAB ", "Menimbang", "Mengingat", ":", "a.", "1.", "(1)", "KESATU :", "LAMPIRAN", "Ditetapkan di ",
    "pada tanggal 1 Januari 2020", "PERATURAN BUPATI ", "NOMOR ", "TAHUN ", "TENTANG", "MEMUTUSKAN:", "-\n",
    "\n\n", "\f", "•", "P E R A T U R A N", "Salinan sesuai dengan aslinya", "- 2 -", "\u00a0", "é", "\u200b",
    "TEMBUSAN", "NIP. 19690512 198903 2 009", "FORMAT", "Yth.", "**", "*)", "[Stamp]", "…"]


@pytest.mark.parametrize("seed", range(40))
def test_no_input_makes_a_traceback(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 1500)))
    d = build(text, "x.txt")
    assert isinstance(d.data, dict) and d.report.lines()


@pytest.mark.parametrize("seed", range(10))
def test_garbled_real_layouts_make_no_traceback(seed):
    """A layout of a real regulation with lines shuffled, cut and doubled."""
    rng = random.Random(seed)
    lines = bench.text_of(rng.choice(list(layouts.LAYOUTS)), rng.choice(REGULATIONS)).split("\n")
    for _ in range(30):
        i = rng.randrange(len(lines))
        op = rng.choice(["cut", "dup", "swap", "drop"])
        if op == "cut":
            lines[i] = lines[i][: rng.randint(0, len(lines[i]))]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            del lines[i]
    build("\n".join(lines), "x.txt")


def test_site_text_above_the_heading_is_not_kepala():
    text = "N/A Protected Academic year 2023/2024\n\n" + PERKADIS
    d = build(text, "x.txt")
    assert d.data["kepala"][0] == "PEMERINTAH KOTA CONTOH"
    assert any("Protected" in t for _, t in d.report.unplaced)
    # Negative control: a letterhead line in small letters stays in the heading.
    assert "Jalan Merdeka Nomor 1, Contoh" in d.data["kepala"]


def test_title_as_a_sentence_from_an_abstract():
    text = ("Peraturan Bupati Contoh Nomor 87 Tahun 2020 tentang Kode Etik Pelayanan Publik di Lingkungan "
            "Pemerintah Kabupaten Contoh\n\nMenimbang : a. bahwa pelayanan publik perlu diatur; b. bahwa "
            "untuk itu perlu Peraturan Bupati;\nMengingat : 1. Undang-Undang Nomor 25 Tahun 2009 tentang "
            "Pelayanan Publik;\nPasal 1\nPegawai wajib ramah.\n")
    d = build(text, "x.txt")
    assert (d.data["jenis"], d.data["nomor"], d.data["tahun"]) == ("Peraturan Bupati", "87", "2020")
    assert d.data["tentang"] == "Kode Etik Pelayanan Publik di Lingkungan Pemerintah Kabupaten Contoh"
    assert [n.num for n in d.data["menimbang"]] == ["a", "b"]
    assert any("small letters" in w for _, w in d.report.checks)
    # Negative control: a sentence that cites another instrument is no title.
    other = build("Menimbang : a. bahwa Peraturan Bupati Contoh Nomor 3 Tahun 2019 tentang X perlu diubah;\n",
                  "x.txt")
    assert other.data["jenis"] is None
