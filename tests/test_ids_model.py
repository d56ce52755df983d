"""Provision ids (ids.py) and the model's citations, on small cases and on the real regulations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.kodeetik.ids import int_to_roman, join, number_part, roman_to_int

ROOT = Path(__file__).resolve().parent.parent
ID_RE = re.compile(r"^[a-z]+(_[a-z0-9]+)?(__[a-z]+(_[a-z0-9]+)?)*$")


# ------------------------------------------------------------------ ids.py

def test_roman_round_trip_1_to_60():
    for n in range(1, 61):
        assert roman_to_int(int_to_roman(n)) == n, n
    assert [int_to_roman(n) for n in (4, 9, 14, 40, 49, 60)] == ["IV", "IX", "XIV", "XL", "XLIX", "LX"]


@pytest.mark.parametrize("text", ["IIII", "VV", "IC", "ABC", "", "5"])
def test_roman_to_int_rejects_non_canonical_or_foreign(text):
    assert roman_to_int(text) is None


def test_roman_to_int_accepts_lowercase():
    assert roman_to_int("xiv") == 14


@pytest.mark.parametrize("kind, num, expected", [
    ("bab", "III", "3"), ("bab", "3", "3"), ("bab", " XII ", "12"), ("bab", "03", "3"),
    ("bab", "IIII", None), ("bab", "3A", None),
    ("bagian", "Kesatu", "1"), ("bagian", "kedua", "2"), ("bagian", "Kedua belas", "12"),
    ("bagian", "Pertama", "1"), ("bagian", "4", "4"), ("bagian", "Kesatuan", None),
    ("lampiran", "I", "1"), ("lampiran", "II", "2"), ("lampiran", "2", "2"), ("lampiran", "A", None),
    ("pasal", "5A", "5a"), ("pasal", "7", "7"), ("huruf", "a", "a"), ("ayat", "1a", "1a"),
    ("diktum", "KESATU", "kesatu"), ("diktum", "KEDUA PULUH", "keduapuluh"), ("angka", ".", None),
])
def test_number_part(kind, num, expected):
    assert number_part(kind, num) == expected


def test_join_skips_empty_prefix():
    assert join("", "bab_1") == "bab_1"
    assert join("bab_1", "pasal_2") == "bab_1__pasal_2"


# ------------------------------------------------------------------ the real data

@pytest.fixture(scope="module")
def corpus(real):
    return real.corpus


def reg_of(corpus, rid):
    return next(r for r in corpus.regulations if r.id == rid)


def test_bengkayang_pasal_11_huruf_c(corpus):
    reg = reg_of(corpus, "perbup-bengkayang-51-2020")
    node = reg.provisions["bab_3__pasal_11__huruf_c"]
    assert (node.type, node.num) == ("huruf", "c")
    assert "pungutan liar" in node.text
    assert reg.citation("bab_3__pasal_11__huruf_c") == \
        "Pasal 11 huruf c Peraturan Bupati Bengkayang Nomor 51 Tahun 2020"


def test_sumbawa_ayat_citation_leaves_bab_and_bagian_out(corpus):
    reg = reg_of(corpus, "perbup-sumbawa-6-2020")
    eid = "bab_5__bagian_3__pasal_17__ayat_1"
    assert reg.provisions[eid].type == "ayat"
    assert reg.citation(eid) == "Pasal 17 ayat (1) Peraturan Bupati Sumbawa Nomor 6 Tahun 2020"


def test_keputusan_kepala_dinas_diktum_citation(corpus):
    reg = reg_of(corpus, "kep-dinsos-banten-2024")
    assert reg.provisions["diktum_kesatu"].type == "diktum"
    # The body's name already starts with "Dinas": it must not be doubled.
    assert reg.nama_resmi == "Keputusan Kepala Dinas Sosial Provinsi Banten Nomor 188.4/2/127-Dinsos/2024"
    assert reg.citation("diktum_kesatu") == \
        "Diktum KESATU Keputusan Kepala Dinas Sosial Provinsi Banten Nomor 188.4/2/127-Dinsos/2024"


def test_no_keputusan_kepala_name_doubles_a_word(corpus):
    for reg in corpus.regulations:
        words = reg.nama_resmi.split()
        doubled = [a for a, b in zip(words, words[1:]) if a == b]
        assert not doubled, reg.nama_resmi


def test_menimbang_citation(corpus):
    reg = reg_of(corpus, "perbup-bengkayang-51-2020")
    assert reg.citation("menimbang__huruf_a").startswith("Menimbang huruf a Peraturan Bupati Bengkayang")


def test_sumbawa_second_bab_v_uses_eid_bab_5a(corpus):
    reg = reg_of(corpus, "perbup-sumbawa-6-2020")
    first, second = reg.provisions["bab_5"], reg.provisions["bab_5a"]
    assert first.num == second.num == "V"
    assert first.heading != second.heading
    assert second.catatan and "BAB V" in second.catatan
    assert [n.eid for n in reg.batang_tubuh].count("bab_5a") == 1


def test_every_real_id_is_well_formed_and_unique(corpus):
    assert len(corpus.regulations) >= 5
    for reg in corpus.regulations:
        eids = [node.eid for node in reg.all_nodes()]
        bad = [e for e in eids if not ID_RE.match(e)]
        assert not bad, (reg.id, bad[:5])
        assert len(eids) == len(set(eids)), reg.id


def test_provisions_hold_every_node(corpus):
    for reg in corpus.regulations:
        nodes = list(reg.all_nodes())
        assert len(reg.provisions) == len(nodes), reg.id
        for node in nodes:
            assert reg.provisions[node.eid] is node, (reg.id, node.eid)


def test_lampiran_ids_prefix_their_nodes(corpus):
    seen = 0
    for reg in corpus.regulations:
        for lamp in reg.lampiran:
            assert re.fullmatch(r"lampiran_\d+", lamp.eid)
            for child in lamp.children:
                for node in child.walk():
                    assert node.eid.startswith(lamp.eid + "__")
                    seen += 1
    assert seen > 0


def test_peraturan_kepala_dinas_citation(corpus):
    """A Peraturan of the head of a body is named after the body, with its year (unlike a Keputusan,
    whose nomor holds the year)."""
    import dataclasses
    base = reg_of(corpus, "kep-dinsos-banten-2024")
    reg = dataclasses.replace(base, jenis="Peraturan Kepala Dinas", nomor="3", tahun="2024")
    assert not reg.is_keputusan
    assert reg.nama_resmi == "Peraturan Kepala Dinas Sosial Provinsi Banten Nomor 3 Tahun 2024"
    assert dataclasses.replace(base, nomor="3").nama_resmi == "Keputusan Kepala Dinas Sosial Provinsi Banten Nomor 3"
