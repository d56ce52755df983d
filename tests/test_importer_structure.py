"""The structure parser: list markers in their styles, nesting by numbering, slide groups."""

from __future__ import annotations

from macros.kodeetik.importer import markers, rules, structure
from macros.kodeetik.importer.draft import build
from macros.kodeetik.importer.lines import Log, read_lines


def parse(text: str, peraturan: bool = True):
    log = Log()
    lines = rules.clean_text(rules.clean_lines(read_lines(text), log), log, set())
    used: set[int] = set()
    parser = structure.BodyParser(log, used, peraturan=peraturan)
    return parser.parse(structure.classify(lines)), log, parser


def shape(node, depth=0):
    out = []
    for c in node.children:
        label = f"{c.type} {c.num}" if c.num else c.type
        out.append("  " * depth + label + (f" [{c.marker}]" if c.marker else "") + (f" {c.heading}" if c.heading else ""))
        out += shape(c, depth + 1)
    return out


def test_marker_styles():
    got = {t: (i.style, i.num) for t in ("a. x", "a) x", "A. x", "1. x", "1) x", "(1) x", "(2a) x", "5a. x")
           if (i := markers.item(t))}
    assert got == {"a. x": ("a.", "a"), "a) x": ("a)", "a"), "A. x": ("A.", "A"), "1. x": ("1.", "1"),
                   "1) x": ("1)", "1"), "(1) x": ("(1)", "1"), "(2a) x": ("(1)", "2a"), "5a. x": ("1.", "5a")}
    assert markers.item("Pasal 1") is None and markers.item("dst") is None


def test_nesting_follows_the_numbering_not_the_indentation():
    root, _, _ = parse("BAB I\nUMUM\nPasal 1\n(1) Ayat satu meliputi:\n- a. satu;\n  1. sub satu;\n"
                       "2. sub dua; dan\n - b. dua.\n(2) Ayat dua:\na) alfa;\nb) beta.\nPasal 2\nTeks pasal.")
    assert shape(root) == ["bab I UMUM", "  pasal 1", "    ayat 1", "      huruf a", "        angka 1",
                           "        angka 2", "      huruf b", "    ayat 2", "      huruf a [a)]",
                           "      huruf b [b)]", "  pasal 2"]
    assert root.children[0].children[1].text == "Teks pasal."


def test_bullets_in_a_pasal_are_lettered_and_reported():
    root, _, parser = parse("Pasal 5\n(1) Etika meliputi:\n- disiplin;\n- cepat; dan\n- tegas.\n"
                            "(2) Disiplin dilakukan.\n- “Satu kutipan”")
    ayat1, ayat2 = root.children[0].children
    assert [(c.type, c.num, c.text) for c in ayat1.children] == [
        ("huruf", "a", "disiplin;"), ("huruf", "b", "cepat; dan"), ("huruf", "c", "tegas.")]
    assert [c.type for c in ayat2.children] == ["teks"]
    assert any("lettered" in what for _, what in parser.checks)
    # Negative control: in a Keputusan's appendix bullets stay bullets.
    root, _, _ = parse("Daftar berikut:\n- satu;\n- dua.", peraturan=False)
    assert [c.type for c in root.children[0].children] == ["butir", "butir"]


def test_slide_groups_and_repeated_titles():
    root, log, _ = parse("BAB 3 – KODE ETIK\n\nHAK PELAKSANA\n\n- satu;\n- dua;\n\nHAK PELAKSANA\n\n- tiga.\n\n"
                         "MAKSUD & TUJUAN\n\nMAKSUD\n\nMaksudnya begini.\n\nTUJUAN\n\n- tujuan satu.",
                         peraturan=False)
    assert shape(root) == ["bab 3 KODE ETIK", "  kelompok HAK PELAKSANA", "    butir", "    butir", "    butir",
                           "  kelompok MAKSUD & TUJUAN", "    kelompok MAKSUD", "      teks",
                           "    kelompok TUJUAN", "      butir"]
    assert [n.rule for n in log.noise] == ["repeated slide title"]


def test_definitions_in_a_chapter_of_general_provisions():
    root, _, _ = parse("BAB 1 – KETENTUAN UMUM\n\nPELAYANAN\n\nPUBLIK\n\nkegiatan pelayanan.\n\n"
                       "PENGADUAN\n\nPenyampaian keluhan.\n\nBAB 2 – LAIN\n\nJUDUL\n\nIsi.", peraturan=False)
    assert shape(root) == ["bab 1 KETENTUAN UMUM", "  butir PELAYANAN PUBLIK", "  butir PENGADUAN",
                           "bab 2 LAIN", "  kelompok JUDUL", "    teks"]


def test_item_with_a_heading_and_text_between_items():
    root, _, _ = parse("A. Nilai Dasar\n\nDalam pelaksanaan, meliputi:\n\n1. Jujur;\n2. Adil.\n\nB. Hadiah:\n"
                       "1. Piagam.\n\nPenunjukan ditetapkan kepala.\n\nC. Sanksi\n\nPelanggaran diproses.",
                       peraturan=False)
    a, e, f = root.children
    assert (a.heading, a.text, [c.num for c in a.children]) == ("Nilai Dasar", "Dalam pelaksanaan, meliputi:", ["1", "2"])
    assert e.text_after == "Penunjukan ditetapkan kepala."
    assert (f.num, f.text, [c.type for c in f.children]) == ("C", "Sanksi", ["teks"])


def test_duplicate_bab_number_gets_an_eid():
    root, _, parser = parse("BAB V\nSATU\nPasal 1\nTeks.\nBAB V\nDUA\nPasal 2\nTeks.")
    assert [(c.num, c.eid) for c in root.children] == [("V", None), ("V", "bab_5a")]
    assert any("appears twice" in w for _, w in parser.checks)


def test_metadata_of_a_minimal_regulation():
    text = ("BUPATI CONTOH\nPROVINSI CONTOH RAYA\n\nPERATURAN BUPATI CONTOH\nNOMOR 12 TAHUN 2023\n\nTENTANG\n\n"
            "KODE ETIK PELAYANAN PUBLIK\n\nDENGAN RAHMAT TUHAN YANG MAHA ESA\n\nBUPATI CONTOH,\n\n"
            "Menimbang : a. bahwa perlu;\nb. bahwa berdasarkan huruf a;\n"
            "Mengingat : 1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran Negara);\n"
            "2. Peraturan Presiden Nomor 76 Tahun 2013 Pengelolaan Pengaduan Pelayanan Publik;\n\nMEMUTUSKAN:\n"
            "Menetapkan : PERATURAN BUPATI TENTANG KODE ETIK.\n\nBAB I\nKETENTUAN UMUM\n\nPasal 1\n\nIsi.\n\n"
            "Ditetapkan di Contoh\npada tanggal 2 Maret 2023\n\nBUPATI CONTOH,\n\nttd\n\nBUDI SANTOSO\n\n"
            "Diundangkan di Contoh\npada tanggal 3 Maret 2023\n\nSEKRETARIS DAERAH,\n\nSITI AMINAH\nNIP. 19700101 199003 2 001\n\n"
            "BERITA DAERAH KABUPATEN CONTOH TAHUN 2023 NOMOR 12")
    d = build(text, "contoh.txt")
    data = d.data
    assert (data["jenis"], data["nomor"], data["tahun"], data["tentang"]) == (
        "Peraturan Bupati", "12", "2023", "Kode Etik Pelayanan Publik")
    assert data["kepala"] == ["BUPATI CONTOH", "PROVINSI CONTOH RAYA"]
    assert data["pembukaan"] == ["DENGAN RAHMAT TUHAN YANG MAHA ESA", "BUPATI CONTOH,"]
    assert [n.num for n in data["menimbang"]] == ["a", "b"]
    assert data["mengingat"][0].dasar == {"jenis": "Undang-Undang", "nomor": "25", "tahun": "2009",
                                          "tentang": "Pelayanan Publik"}
    assert data["mengingat"][1].dasar["tentang"] == "Pengelolaan Pengaduan Pelayanan Publik"
    assert data["memutuskan"] == "PERATURAN BUPATI TENTANG KODE ETIK."
    assert data["ditetapkan"] == {"tempat": "Contoh", "tanggal": "2023-03-02", "jabatan": "BUPATI CONTOH,",
                                  "nama": "BUDI SANTOSO", "nip": None, "pangkat": None}
    assert data["diundangkan"]["nip"] == "19700101 199003 2 001"
    assert data["pengundangan"] == "BERITA DAERAH KABUPATEN CONTOH TAHUN 2023 NOMOR 12"
    # The region is not in any registry: left empty and listed.
    assert data["wilayah"] is None
    assert any(place == "wilayah" for place, _ in d.report.unknown)
    assert not d.report.unplaced
