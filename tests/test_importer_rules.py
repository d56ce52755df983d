"""One test per cleaning rule of the importer, each with a case the rule must leave alone."""

from __future__ import annotations

from macros.kodeetik.importer import rules
from macros.kodeetik.importer.lines import Log, read_lines


def run(rule, text: str, *args):
    log = Log()
    lines = rule(read_lines(text), log, *args)
    return [ln.text for ln in lines], log, lines


def test_annotations_are_dropped():
    texts, log, _ = run(rules.drop_annotations, "BUPATI SUMBAWA,\n[Handwritten Signature]\nPasal 1 [lihat Lampiran]")
    assert texts == ["BUPATI SUMBAWA,", "Pasal 1 [lihat Lampiran]"]
    assert [n.text for n in log.noise] == ["[Handwritten Signature]"]


def test_bullets_of_every_style_become_a_flag():
    texts, _, lines = run(rules.strip_bullets, "- a. bahwa\n• Hak\n▪ Kewajiban\n➢ Larangan\n* butir\n-Dinsos/2024\n*) coret")
    assert texts == ["a. bahwa", "Hak", "Kewajiban", "Larangan", "butir", "-Dinsos/2024", "*) coret"]
    assert [ln.bullet for ln in lines] == [True, True, True, True, True, False, False]


def test_emphasis_is_removed_but_footnote_marks_stay():
    texts, log, _ = run(rules.strip_emphasis,
                        "media *online* maupun\n- Menimbang** :\n(*voting*) sebagaimana\nketentuan*) dan.....**)\n*) coret")
    assert texts == ["media online maupun", "- Menimbang :", "(voting) sebagaimana",
                     "ketentuan*) dan.....**)", "*) coret"]
    assert log.formatting["emphasis mark"] == 3
    assert not log.repairs  # formatting, not a change of words


def test_misreadings_from_the_rule_list():
    texts, log, _ = run(rules.apply_misreadings,
                        "pelayanan publik dan garing atau terkait\nlisan dan /atau tertulis\nsudah dan/atau benar\nkata garing saja")
    assert texts == ["pelayanan publik dan/atau terkait", "lisan dan/atau tertulis", "sudah dan/atau benar",
                     "kata garing saja"]
    assert [(r.dari, r.menjadi) for r in log.repairs] == [("dan garing atau", "dan/atau"), ("dan /atau", "dan/atau")]
    assert all(r.alasan for r in log.repairs)


def test_double_marker():
    texts, log, _ = run(rules.dedupe_markers, "e. e.membuat keputusan;\ne. memuat")
    assert texts == ["e. membuat keputusan;", "e. memuat"]
    assert log.repairs[0].dari == "e. e.membuat"


def test_spaced_letters_are_joined():
    texts, log, _ = run(rules.join_spaced_letters, "P e r a t u r a n Bupati\nhuruf a, b dan c\nS A L I N A N")
    assert texts == ["Peraturan Bupati", "huruf a, b dan c", "SALINAN"]
    assert len(log.repairs) == 2


def test_paraf_letters_around_a_signature():
    texts, log, _ = run(rules.drop_paraf_marks, "BUPATI SUMBAWA, f\nf M. HUSNI DJIBRIL\nhuruf a\nDr. NURHANA, M.Si")
    assert texts == ["BUPATI SUMBAWA,", "M. HUSNI DJIBRIL", "huruf a", "Dr. NURHANA, M.Si"]
    assert [r.dari for r in log.repairs] == ["BUPATI SUMBAWA, f", "f M. HUSNI DJIBRIL"]


def test_page_numbers_but_not_table_cells_or_items():
    texts, log, _ = run(rules.drop_page_numbers, "76\n- 7 -\nHalaman 3 dari 9\n1\t\t\t\n3. dst\n2020")
    assert texts == ["1", "3. dst", "2020"]
    assert [n.text for n in log.noise] == ["76", "- 7 -", "Halaman 3 dari 9"]


def test_stray_marks():
    texts, log, _ = run(rules.drop_stray_marks, "✶\nX6\nX/5\nKOP\n.....\n(.....)\n3A")
    assert texts == ["KOP", ".....", "(.....)"]
    assert {"✶", "X6", "X/5"} <= {n.text for n in log.noise}


def test_noise_lines_from_the_rule_list():
    texts, log, _ = run(rules.drop_noise_lines, "TERIMA KASIH\nttd\nTerima kasih atas perhatiannya, Bapak.")
    assert texts == ["Terima kasih atas perhatiannya, Bapak."]
    assert len(log.noise) == 2


def test_hyphenated_words_across_lines():
    texts, log, _ = run(rules.join_hyphenated, "memberikan pelaya-\nnan publik\nprinsip kehati-\nhatian dalam\nKepada Yth.\ndi-\n.....")
    assert texts == ["memberikan pelayanan publik", "prinsip kehati-hatian dalam", "Kepada Yth.", "di-", "....."]
    assert [(r.dari, r.menjadi) for r in log.repairs] == [("pelaya-\nnan", "pelayanan"), ("kehati-\nhatian", "kehati-hatian")]


def test_inline_hyphen_break():
    texts, log, _ = run(rules.join_inline_hyphen, "dalam bercakap- cakap dan pelaya- nan\nSerang - Banten")
    assert texts == ["dalam bercakap-cakap dan pelayanan", "Serang - Banten"]
    assert len(log.repairs) == 2


def test_split_words_joined_only_when_the_whole_word_occurs():
    texts, log, _ = run(rules.join_split_words,
                        "serta pemerin tahan yang sah\nsistem pemerintahan\nimplemen tasinya\ndi bawah dan dibawah")
    assert texts[0] == "serta pemerintahan yang sah"
    assert texts[2] == "implemen tasinya"  # "implementasinya" occurs nowhere else
    assert texts[3] == "di bawah dan dibawah"  # "di" stands alone: not a broken word
    assert [r.dari for r in log.repairs] == ["pemerin tahan"]


def test_broken_lines_are_joined():
    src = ("a. menjaga citra di berbagai\n\n- forum, baik formal;\n"
           "n. bertanggungjawab; dan\n- obyektif.\n"
           "1. Sanksi\nPelaksana terhadap pelanggaran.\n"
           "KETENTUAN UMUM\nkegiatan atau\n"
           "Kemudian dilanjutkan dengan kalimat yang panjang sekali sampai ke ujung baris\nPeraturan Bupati ini.")
    log = Log()
    lines = rules.strip_bullets(read_lines(src), log)
    texts = [ln.text for ln in rules.join_broken_lines(lines, log) if ln.text]
    assert texts == ["a. menjaga citra di berbagai forum, baik formal;", "n. bertanggungjawab; dan", "obyektif.",
                     "1. Sanksi", "Pelaksana terhadap pelanggaran.", "KETENTUAN UMUM", "kegiatan atau",
                     "Kemudian dilanjutkan dengan kalimat yang panjang sekali sampai ke ujung baris Peraturan Bupati ini."]


def test_running_headers_are_dropped():
    src = "\n".join(["PERATURAN BUPATI CONTOH NOMOR 1 TAHUN 2024", "Pasal 1", "teks satu.",
                     "PERATURAN BUPATI CONTOH NOMOR 1 TAHUN 2024", "Pasal 2", "teks dua.",
                     "PERATURAN BUPATI CONTOH NOMOR 1 TAHUN 2024", "Pasal 3", "Nama :", "Nama :", "Nama :",
                     "KETENTUAN UMUM", "KETENTUAN UMUM"])
    texts, log, _ = run(rules.drop_running_headers, src, set())
    assert "PERATURAN BUPATI CONTOH NOMOR 1 TAHUN 2024" not in texts
    assert texts.count("Nama :") == 3 and texts.count("KETENTUAN UMUM") == 2
    assert len(log.noise) == 3
    # A copy of the title counts as a header even once.
    texts, _, _ = run(rules.drop_running_headers, "BUPATI CONTOH\nPasal 1", {"BUPATI CONTOH"})
    assert texts == ["Pasal 1"]
