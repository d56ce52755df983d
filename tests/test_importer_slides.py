"""The slide-deck rules (importer/slides.py): a slide between the opening and the signatures, a
known list of values run together on a line, and a diagram title written after its labels."""

from __future__ import annotations

from macros.kodeetik.importer.draft import build
from macros.kodeetik.importer.lines import Line
from macros.kodeetik.importer.nodes import DNode
from macros.kodeetik.importer.slides import adopt_labels, opening_slide, split_values

BERAKHLAK = ["Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"]


def line(no: int, text: str) -> Line:
    return Line(text=text, no=no, raw=text, bullet=False, tabbed=False)


def test_a_known_list_run_together_is_split_into_its_values():
    items, why = split_values("BerAKHLAK", ["Berorientasi Pelayanan Akuntabel Kompeten",
                                            "Harmonis  Loyal Adaptif Kolaboratif"])
    assert items == BERAKHLAK
    assert "BerAKHLAK" in why


def test_a_list_that_differs_in_one_word_stays_as_written():
    lines = ["Berorientasi Pelayanan Akuntabel Kompeten", "Harmonis Loyal Adaptif Inovatif"]
    assert split_values("BerAKHLAK", lines) == (lines, None)
    # ... and so does the right list under another title.
    assert split_values("Nilai", ["Berorientasi Pelayanan Akuntabel Kompeten Harmonis Loyal Adaptif "
                                  "Kolaboratif"])[1] is None


def test_a_slide_before_the_signatures_becomes_a_group_with_a_check():
    preamble = [line(1, "GUBERNUR CONTOH,"), line(3, "Nilai Kami"), line(4, "Jujur"), line(5, "Ramah"),
                line(9, "Lampiran sampul")]
    used = {1}
    node = opening_slide(preamble, used, end=8)
    assert node.heading == "Nilai Kami"
    assert [c.text for c in node.children] == ["Jujur", "Ramah"]
    assert any("lines 3-5" in c for c in node.checks)
    assert used == {1, 3, 4, 5}  # line 9 comes after the signatures: not taken


def test_no_slide_when_the_opening_is_followed_by_the_signatures():
    assert opening_slide([line(1, "GUBERNUR CONTOH,"), line(9, "x"), line(10, "y")], {1}, end=5) is None


def kelompok(heading, *children):
    return DNode(type="kelompok", heading=heading, children=list(children))


def test_labels_before_an_empty_title_move_under_it():
    prev = kelompok("PRINSIP", DNode(type="butir", text="jujur."), DNode(type="teks", text="Asas pelayanan", no=7),
                    DNode(type="teks", text="Disiplin ASN", no=9))
    title = kelompok("LANDASAN")
    assert adopt_labels(prev, title) == 2
    assert [c.text for c in prev.children] == ["jujur."]
    assert [(c.type, c.text) for c in title.children] == [("butir", "Asas pelayanan"), ("butir", "Disiplin ASN")]
    assert title.checks and "line 7" in title.checks[0]


def test_sentences_and_titles_with_content_are_left_alone():
    sentence = kelompok("A", DNode(type="butir", text="x."), DNode(type="teks", text="Ini kalimat penuh."))
    assert adopt_labels(sentence, kelompok("B")) == 0
    labels = kelompok("A", DNode(type="butir", text="x."), DNode(type="teks", text="Disiplin ASN"))
    assert adopt_labels(labels, kelompok("B", DNode(type="butir", text="y."))) == 0
    # A group of labels only (no items before them) is a list of its own, not a diagram's.
    only = kelompok("A", DNode(type="teks", text="Disiplin ASN"))
    assert adopt_labels(only, kelompok("B")) == 0
    assert len(labels.children) == 2 and len(only.children) == 1


DECK = """Diseminasi

GUBERNUR CONTOH

PERATURAN GUBERNUR CONTOH
NOMOR 1 TAHUN 2025

TENTANG
KODE ETIK PELAYANAN PUBLIK

DENGAN RAHMAT TUHAN YANG MAHA ESA
GUBERNUR CONTOH,

BerAKHLAK

Berorientasi Pelayanan Akuntabel Kompeten
Harmonis Loyal Adaptif Kolaboratif

Ditetapkan di Contoh
pada tanggal 2 Januari 2025

GUBERNUR CONTOH,

ttd

BUDI

BAB 1 – KETENTUAN UMUM

PRINSIP

jujur dalam melayani.

Asas pelayanan

Disiplin ASN

**LANDASAN KODE ETIK**

ASAS PELAYANAN

kepentingan umum.
"""


def test_a_deck_gets_both_rules_in_its_draft():
    draft = build(DECK, "contoh.txt")
    body = draft.data["batang_tubuh"]
    assert body[0].heading == "BerAKHLAK" and [c.text for c in body[0].children] == BERAKHLAK
    bab = body[1]
    assert [(k.heading, [c.text for c in k.children]) for k in bab.children] == [
        ("PRINSIP", ["jujur dalam melayani."]),
        ("LANDASAN KODE ETIK", ["Asas pelayanan", "Disiplin ASN"]),
        ("ASAS PELAYANAN", ["kepentingan umum."])]
    checks = " ".join(what for _, what in draft.report.checks)
    assert "slide between the opening" in checks and "diagram title" in checks


def test_the_same_text_without_the_deck_marker_keeps_the_slide_unplaced():
    """Negative control: in a full text (no 'Diseminasi', and a Pasal), lines before the signatures
    are not moved."""
    draft = build(DECK.replace("Diseminasi", "SALINAN") + "\nPasal 1\nPegawai wajib ramah.\n", "contoh.txt")
    assert draft.data["batang_tubuh"][0].type == "bab"
    assert any(text == "BerAKHLAK" for _, text in draft.report.unplaced)
    assert draft.data["sumber"]["jenis"] == "naskah_lengkap"


def test_a_deck_that_does_not_name_itself_is_told_by_its_structure():
    """A title with neither Menimbang nor Mengingat, Pasal nor Diktum (as a deck printed to PDF gives
    it, without its cover slide) is a deck too: the slide is placed, with its check."""
    draft = build(DECK.replace("Diseminasi", "SALINAN"), "contoh.txt")
    assert draft.data["batang_tubuh"][0].heading == "BerAKHLAK"
    assert draft.data["sumber"]["jenis"] == "bahan_diseminasi"
    assert any("dissemination slide deck" in what for _, what in draft.report.checks)
