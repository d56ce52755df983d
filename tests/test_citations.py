"""The citation type: one test per shape (parse, canonical str, round trip), variants and rejects."""

from __future__ import annotations

import pytest

from macros.kodeetik.citations import (Citation, CitationError, Instrument, Ref, Step, find_all,
                                       find_instruments, parse, parse_instrument)


def P(*steps):
    return tuple(Step(k, n) for k, n in steps)


SHAPES = [
    ("Pasal 10", Citation((Ref(P(("pasal", "10"))),))),
    ("Pasal 17 ayat (1)", Citation((Ref(P(("pasal", "17"), ("ayat", "1"))),))),
    ("Pasal 7 huruf a", Citation((Ref(P(("pasal", "7"), ("huruf", "a"))),))),
    ("Pasal 18 ayat (1) huruf a", Citation((Ref(P(("pasal", "18"), ("ayat", "1"), ("huruf", "a"))),))),
    ("Pasal 1 angka 8", Citation((Ref(P(("pasal", "1"), ("angka", "8"))),))),
    ("Pasal 5A", Citation((Ref(P(("pasal", "5A"))),))),
    ("ayat (1)", Citation((Ref(P(("ayat", "1"))),))),
    ("ayat (1) huruf b", Citation((Ref(P(("ayat", "1"), ("huruf", "b"))),))),
    ("huruf a", Citation((Ref(P(("huruf", "a"))),))),
    ("Pasal 10 huruf a, huruf b, huruf e dan huruf n",
     Citation(tuple(Ref(P(("pasal", "10"), ("huruf", h))) for h in "aben"))),
    ("huruf a, huruf b dan huruf c", Citation(tuple(Ref(P(("huruf", h))) for h in "abc"))),
    ("Pasal 17 ayat (1) atau ayat (2)",
     Citation((Ref(P(("pasal", "17"), ("ayat", "1"))), Ref(P(("pasal", "17"), ("ayat", "2")))), "atau")),
    ("ayat (1), Pasal 7 ayat (2), ayat (4) dan Pasal 12",
     Citation((Ref(P(("ayat", "1"))), Ref(P(("pasal", "7"), ("ayat", "2"))), Ref(P(("pasal", "7"), ("ayat", "4"))),
               Ref(P(("pasal", "12")))))),
    ("Pasal 5 sampai dengan Pasal 9", Citation((Ref(P(("pasal", "5")), P(("pasal", "9"))),))),
    ("Pasal 7 huruf a sampai dengan huruf d",
     Citation((Ref(P(("pasal", "7"), ("huruf", "a")), P(("pasal", "7"), ("huruf", "d"))),))),
    ("Diktum KESATU", Citation((Ref(P(("diktum", "KESATU"))),))),
    ("Diktum KEDUA BELAS", Citation((Ref(P(("diktum", "KEDUA BELAS"))),))),
    ("Lampiran II", Citation((Ref(P(("lampiran", "II"))),))),
    ("Lampiran", Citation((Ref(P(("lampiran", None))),))),
    ("Lampiran I huruf b", Citation((Ref(P(("lampiran", "I"), ("huruf", "b"))),))),
    ("Pasal 49 Peraturan Menteri Dalam Negeri Nomor 138 Tahun 2017",
     Citation((Ref(P(("pasal", "49"))),), instrument=Instrument("Peraturan Menteri Dalam Negeri", "138", 2017))),
    ("Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
     Citation((Ref(P(("pasal", "18"), ("ayat", "6"))),), instrument=Instrument("Undang-Undang Dasar", None, 1945))),
]


@pytest.mark.parametrize("text,value", SHAPES, ids=[s[0] for s in SHAPES])
def test_shape_parses_writes_back_and_round_trips(text, value):
    parsed = parse(text)
    assert parsed == value
    assert str(parsed) == text            # canonical text round-trips character for character
    assert parse(str(parsed)) == parsed   # and the value round-trips


@pytest.mark.parametrize("variant,canonical", [
    ("pada ayat (1)", "ayat (1)"),
    ("dalam ayat (1)", "ayat (1)"),                      # "dalam" and "pada" alike
    ("sebagaimana dimaksud dalam Pasal 7 huruf a", "Pasal 7 huruf a"),
    ("sebagaimana dimaksud pada Pasal 7 huruf a", "Pasal 7 huruf a"),
    ("pasal 7 huruf a", "Pasal 7 huruf a"),              # lower-case type word, as Bengkayang writes it
    ("huruf a, b, c", "huruf a, huruf b dan huruf c"),    # bare list items
    ("Pasal 10 huruf c, d, f dan huruf k", "Pasal 10 huruf c, huruf d, huruf f dan huruf k"),
    ("huruf a, huruf b, dan huruf c", "huruf a, huruf b dan huruf c"),
    ("Pasal 5 s.d. Pasal 9", "Pasal 5 sampai dengan Pasal 9"),
    ("diktum KESATU", "Diktum KESATU"),
    ("Diktum Kesatu", "Diktum KESATU"),
    ("Lampiran 2", "Lampiran II"),
    ("Pasal 17 ayat (1) Perbup Sumbawa 6/2020", "Pasal 17 ayat (1) Peraturan Bupati Sumbawa Nomor 6 Tahun 2020"),
    ("Pasal 86 UU 5/2014", "Pasal 86 Undang-Undang Nomor 5 Tahun 2014"),
    ("pasal 34 Undang-undang Nomor 25 Tahun 2009", "Pasal 34 Undang-Undang Nomor 25 Tahun 2009"),
])
def test_variants_mean_the_canonical_value(variant, canonical):
    assert parse(variant) == parse(canonical)
    assert str(parse(variant)) == canonical


@pytest.mark.parametrize("text", [
    "", "   ", "Pasal", "Pasal abc", "ayat 1", "huruf", "BAB III", "Bagian Kesatu",
    "huruf a Pasal 7",              # units out of order
    "Pasal 7 huruf a ayat (1)",     # ayat below huruf
    "Pasal 7 dan",                  # dangling conjunction
    "Pasal 5 sampai dengan huruf c",  # a range between different units
    "Lampiran ini",
    "Pasal 7 huruf a tentang sesuatu",
    "Undang-Undang Nomor 5 Tahun 2014",  # an instrument alone is not a provision
])
def test_rejects(text):
    with pytest.raises(CitationError):
        parse(text)


def test_instrument_names():
    assert str(parse_instrument("Permendagri 138/2017")) == "Peraturan Menteri Dalam Negeri Nomor 138 Tahun 2017"
    assert parse_instrument("UU 20/2023") == Instrument("Undang-Undang", "20", 2023)
    assert parse_instrument("Peraturan Gubernur Kalimantan Barat Nomor 102 Tahun 2020").jenis == \
        "Peraturan Gubernur Kalimantan Barat"
    with pytest.raises(CitationError):
        parse_instrument("Peraturan Bupati ini")


def test_find_all_gives_each_item_its_span():
    text = ("Setiap Pelaksana yang melanggar ketentuan sebagaimana dimaksud dlm Pasal 10 huruf c, d, f dan "
            "huruf k dikenakan sanksi sesuai dgn ketentuan peraturan perundang-undangan.")
    (found,) = find_all(text)
    assert [text[a:b] for a, b, _, _ in found.parts] == ["Pasal 10 huruf c", "d", "f", "huruf k"]
    assert str(found.citation) == "Pasal 10 huruf c, huruf d, huruf f dan huruf k"


def test_find_all_reads_prose_without_false_citations():
    text = ("Disiplin sebagaimana dimaksud pada ayat (1) huruf a, dilakukan dengan cara hadir tepat waktu "
            "dalam 2 angka dan huruf kapital; lihat lampiran Keputusan ini dan Pasal 17 ayat (1) atau ayat (2).")
    got = [(text[f.start:f.end], str(f.citation)) for f in find_all(text)]
    assert got == [("ayat (1) huruf a", "ayat (1) huruf a"), ("lampiran", "Lampiran"),
                   ("Pasal 17 ayat (1) atau ayat (2)", "Pasal 17 ayat (1) atau ayat (2)")]
    # Negative control: a lone "lampiran" that does not name the instrument's appendix is prose.
    assert find_all("dengan lampiran dokumen pendukung") == []


def test_find_all_takes_the_instrument_into_the_citation():
    text = "bahwa berdasarkan ketentuan pasal 34 Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
    (found,) = find_all(text)
    assert text[found.start:found.end] == "pasal 34 Undang-Undang Nomor 25 Tahun 2009"
    assert found.citation.instrument == Instrument("Undang-Undang", "25", 2009)


def test_find_instruments_in_a_mengingat_item():
    text = ("Undang-undang Nomor 10 Tahun 1999 tentang X sebagaimana telah diubah dengan Undang-Undang nomor 15 "
            "Tahun 2019; Peraturan Daerah Nomor 11 Tahun 2016")
    assert [str(i) for _, _, i in find_instruments(text)] == [
        "Undang-Undang Nomor 10 Tahun 1999", "Undang-Undang Nomor 15 Tahun 2019", "Peraturan Daerah Nomor 11 Tahun 2016"]
