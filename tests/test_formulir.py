"""The layout reader of Lampiran forms (kodeetik/formulir.py): it finds tables, fields and blank
lines in a form's text and never adds, drops or changes a word; every form of the corpus reads back
to its own words. The printed forms are checked in tests/test_formulir_cetak.py."""

from __future__ import annotations

import pytest

from macros.kodeetik import formulir as fm
from macros.render.formulir import forms
from tests.conftest import real_data

FORMS = forms(real_data().corpus)
SUMBAWA = [f for f in FORMS if f.reg.id == "perbup-sumbawa-6-2020"]

MEMBERS = """KEDUA : Susunan Keanggotaan Majelis Kode Etik sebagaimana dimaksud pada Diktum Kesatu terdiri dari :

        No.   Pangkat/Gol   Jabatan   Jabatan Dalam Majelis Kode Etik
        1
        2

KETIGA : Majelis"""


def test_every_sumbawa_lampiran_has_its_forms():
    assert sorted({f.lampiran.num for f in SUMBAWA}) == ["I", "II", "III", "IV", "V"]
    assert len({f.pdf for f in FORMS}) == len(FORMS) == len({f.url for f in FORMS})


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f"{f.reg.id}-{f.slug}")
def test_every_form_reads_back_to_its_own_words(form):
    assert fm.kata(form.blocks) == fm.kata_teks(form.node.text)


def test_the_members_table_is_a_table():
    blocks = fm.baca(MEMBERS)
    tables = [b for b in blocks if isinstance(b, fm.Tabel)]
    assert tables == [fm.Tabel(8, ("No.", "Pangkat/Gol", "Jabatan", "Jabatan Dalam Majelis Kode Etik"),
                               (("1", "", "", ""), ("2", "", "", "")))]
    assert fm.kata(blocks) == fm.kata_teks(MEMBERS)
    # Lampiran I of Sumbawa holds it.
    lampiran_1 = [b for b in SUMBAWA[0].blocks if isinstance(b, fm.Tabel)]
    assert [t.kepala[0] for t in lampiran_1] == ["No."]


def test_text_lines_with_wide_gaps_but_no_numbered_rows_stay_lines():
    blocks = fm.baca("Yang Menerima   Yang Menerima   Lagi\nNama :")
    assert not any(isinstance(b, fm.Tabel) for b in blocks)


def test_fields_where_the_form_is_filled_in():
    def fields(line: str) -> list[str]:
        (b,) = fm.baca(line)
        assert isinstance(b, fm.Baris)
        return [p.teks for p in b.bagian if p.isian]

    assert fields("Saudara.....NIP.....pangkat.....") == [".....", ".....", "....."]
    assert fields("Pangkat/Gol. Ruang :") == [""]
    assert fields("Ditetapkan di") == [""]
    assert fields("1.") == [""]
    # A sentence that introduces a list is not a label; nor a heading without its space.
    assert fields("telah melakukan pemeriksaan terhadap :") == []
    assert fields("Bersama ini diminta dengan hormat kehadiran Saudara :") == []
    assert fields("MEMUTUSKAN:") == []


def test_a_lost_word_is_detected():
    """Negative control: the comparison the tests rely on sees one word missing."""
    text = SUMBAWA[0].node.text
    assert fm.kata(fm.baca(text.replace("Pangkat/Gol", "", 1))) != fm.kata_teks(text)
