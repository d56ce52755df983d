"""The reference finder and the legal-basis catalogue on the real data, and their validation rules."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, real_data
from macros.kodeetik import DataErrors, load_corpus
from macros.kodeetik.dasar import load_katalog
from macros.kodeetik.xref import build_links, citation_keys

CORPUS = real_data().corpus
KATALOG, KATALOG_ERRORS = load_katalog(ROOT / "regulations", CORPUS)
LINKS = build_links(CORPUS, KATALOG)
REG = {r.id: r for r in CORPUS.regulations}


def links_of(reg_id: str, eid: str, fld: str = "text") -> list[tuple[str, str | None]]:
    reg = REG[reg_id]
    return [(s.text, s.anchor or s.instrumen) for s in LINKS.text(reg, reg.provisions[eid], fld) if s.is_link]


def test_real_data_has_no_unresolved_reference_and_a_valid_catalogue():
    assert KATALOG_ERRORS == []
    assert LINKS.problems == ()
    assert LINKS.jumlah > 150


def test_absolute_reference_in_lower_case():
    assert links_of("perbup-bengkayang-51-2020", "bab_3__pasal_8") == [("pasal 7 huruf a", "bab_3__pasal_7__huruf_a")]


def test_relative_ayat_resolves_inside_the_citing_pasal():
    assert links_of("perbup-sumbawa-6-2020", "bab_5__bagian_4__pasal_18__ayat_2") == [
        ("ayat (1) huruf a", "bab_5__bagian_4__pasal_18__ayat_1__huruf_a")]
    # The same words in another Pasal name that Pasal's ayat (negative control for the context).
    assert links_of("perbup-sumbawa-6-2020", "bab_5__bagian_5__pasal_23__ayat_2") == [
        ("ayat (1)", "bab_5__bagian_5__pasal_23__ayat_1")]


def test_list_with_shared_pasal_and_relative_huruf():
    assert links_of("perbup-bengkayang-51-2020", "bab_6__pasal_18") == [
        ("pasal 17 ayat (1)", "bab_6__pasal_17__ayat_1"), ("ayat (2)", "bab_6__pasal_17__ayat_2")]
    assert links_of("perbup-bengkayang-51-2020", "menimbang__huruf_d") == [
        ("huruf a", "menimbang__huruf_a"), ("huruf b", "menimbang__huruf_b"), ("huruf c", "menimbang__huruf_c")]


def test_diktum_and_lampiran_of_a_keputusan():
    assert links_of("kep-diskominfotik-bengkalis-2024", "diktum_kedua") == [
        ("Diktum KESATU", "diktum_kesatu"), ("lampiran", "lampiran_1")]
    assert links_of("perbup-sumbawa-6-2020", "bab_5__bagian_3__pasal_17__ayat_7")[-1] == ("Lampiran II", "lampiran_2")


def test_reference_to_another_instrument_links_to_the_catalogue():
    assert links_of("perbup-sumbawa-6-2020", "menimbang__huruf_a") == [
        ("Pasal 49 Peraturan Menteri Dalam Negeri Nomor 138 Tahun 2017", "permendagri-138-2017")]


def test_kaltim_pasal_10_resolves_through_the_editorial_mapping():
    reg = REG["pergub-kaltim-8-2025"]
    segs = [s for s in LINKS.text(reg, reg.provisions["bab_7__kelompok_1__butir_5"], "text") if s.is_link]
    assert [(s.text, s.anchor) for s in segs] == [
        ("Pasal 10 huruf c", "bab_3__kelompok_5__butir_3"), ("d", "bab_3__kelompok_5__butir_4"),
        ("f", "bab_3__kelompok_5__butir_6"), ("huruf k", "bab_3__kelompok_5__butir_11")]
    assert all(s.dugaan for s in segs)  # every one of them is flagged as an editorial inference
    (note,) = LINKS.dugaan_of(reg, "bab_7__kelompok_1__butir_5")
    assert note.rujukan == "Pasal 10" and "dugaan redaksi" in note.keterangan.lower()
    # Negative control: a direct reference elsewhere is not flagged.
    bengkayang = REG["perbup-bengkayang-51-2020"]
    assert not any(s.dugaan for s in LINKS.text(bengkayang, bengkayang.provisions["bab_3__pasal_8"], "text"))


def test_backlinks():
    reg = REG["perbup-bengkayang-51-2020"]
    assert [b.label for b in LINKS.backlinks_of(reg, "bab_3__pasal_7__huruf_b")] == ["Pasal 9", "Pasal 10"]
    assert LINKS.backlinks_of(reg, "bab_3__pasal_9") == ()


def test_every_mengingat_item_has_its_instrument():
    for reg in CORPUS.regulations:
        for node in reg.mengingat:
            ins = LINKS.dasar_of(reg, node.eid)
            assert ins is not None, (reg.id, node.eid)
            assert any(s.instrumen == ins.id for s in LINKS.text(reg, node, "text")), (reg.id, node.eid)


@pytest.mark.parametrize("old,new", [("uu-5-2014", "uu-20-2023"), ("pp-53-2010", "pp-94-2021"),
                                     ("permenpanrb-17-2017", "permenpanrb-29-2022")])
def test_revocations_in_the_catalogue(old, new):
    ins = KATALOG.by_id[old]
    assert ins.status.keadaan == "dicabut" and ins.status.oleh == (new,) and ins.status.sumber
    assert KATALOG.replaces(KATALOG.by_id[new]) == [ins]


def test_pp_42_2004_still_applies_as_far_as_it_does_not_conflict():
    st = KATALOG.by_id["pp-42-2004"].status
    assert st.keadaan == "berlaku" and "tidak bertentangan" in st.catatan and "20 Tahun 2023" in st.catatan


def test_revoked_bases_of_a_regulation():
    bengkayang = [i.id for _, i in LINKS.revoked_bases(REG["perbup-bengkayang-51-2020"])]
    assert bengkayang == ["uu-5-2014", "pp-53-2010", "permenpanrb-17-2017"]
    assert LINKS.revoked_bases(REG["perbup-sumbawa-6-2020"]) == []


def test_bare_regional_jenis_means_the_citing_region():
    reg = REG["perbup-bengkayang-51-2020"]
    assert LINKS.dasar_of(reg, "mengingat__angka_14").id == "perbup-bengkayang-24-2018"
    assert LINKS.dasar_of(reg, "mengingat__angka_11").id == "perda-bengkayang-11-2016"


def test_citation_keys_for_the_jump_box():
    keys = citation_keys(REG["perbup-sumbawa-6-2020"])
    assert keys["Pasal 17 ayat (1)"] == "bab_5__bagian_3__pasal_17__ayat_1"
    assert keys["Lampiran II"] == "lampiran_2"
    assert "Pasal 99" not in keys


# --------------------------------------------------------------------------- validation

def _data(tmp_path: Path, file: str, edit) -> Path:
    data = tmp_path / "regs"
    shutil.copytree(ROOT / "regulations", data)
    path = data / file
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return data


def _links(data: Path):
    corpus = load_corpus(data, sources_dir=ROOT / "sources")
    katalog, errors = load_katalog(data, corpus)
    assert errors == []
    return build_links(corpus, katalog)


BENGKAYANG = "perbup-bengkayang-51-2020.yaml"
PASAL_8 = "sebagaimana dimaksud dalam pasal 7 huruf a merupakan"


def test_unresolved_reference_is_a_problem_with_file_line_and_fix(tmp_path):
    data = _data(tmp_path, BENGKAYANG, lambda t: t.replace(PASAL_8, PASAL_8.replace("pasal 7", "pasal 77")))
    (problem,) = _links(data).problems
    text = str(problem)
    assert "perbup-bengkayang-51-2020.yaml:" in text and "Pasal 8" in text
    assert "'pasal 77 huruf a' cannot be resolved: this regulation has no Pasal 77" in text and "rujukan" in text


def test_marked_reference_is_not_a_problem_and_stale_marks_are(tmp_path):
    def mark(t: str) -> str:
        t = t.replace(PASAL_8, PASAL_8.replace("pasal 7", "pasal 77"))
        return re.sub(r"(\n(\s*)text: '?Tata aturan perilaku pelayanan publik[^\n]*\n)",
                      r"\1\2rujukan:\n\2- teks: pasal 77 huruf a\n\2  keterangan: Salah ketik dalam naskah asli.\n", t, count=1)
    assert _links(_data(tmp_path / "a", BENGKAYANG, mark)).problems == ()

    def stale(t: str) -> str:
        return re.sub(r"(\n(\s*)text: '?Tata aturan perilaku pelayanan publik[^\n]*\n)",
                      r"\1\2rujukan:\n\2- teks: pasal 7 huruf a\n\2  keterangan: x\n", t, count=1)
    (problem,) = _links(_data(tmp_path / "b", BENGKAYANG, stale)).problems
    assert "no unresolved reference stands there" in str(problem)


@pytest.mark.parametrize("yaml_rujukan,message", [
    ("- teks: pasal 7 huruf a\n", "neither marked external nor explained"),
    ("- teks: Pasal 99\n  keterangan: x\n", "does not occur in this node's text"),
    ("- teks: pasal 7 huruf a\n  alasan: x\n", "unknown key 'alasan'"),
])
def test_rujukan_mark_is_validated_by_the_loader(tmp_path, yaml_rujukan, message):
    def edit(t: str) -> str:
        m = re.search(r"\n(\s*)text: '?Tata aturan perilaku pelayanan publik[^\n]*\n", t)
        indent = m.group(1)
        block = indent + "rujukan:\n" + "".join(indent + line + "\n" for line in yaml_rujukan.splitlines())
        return t[:m.end()] + block + t[m.end():]
    with pytest.raises(DataErrors) as exc:
        load_corpus(_data(tmp_path, BENGKAYANG, edit), sources_dir=ROOT / "sources")
    assert message in str(exc.value) and "perbup-bengkayang-51-2020.yaml:" in str(exc.value)


@pytest.mark.parametrize("old,new,message", [
    ("ke: bab_3__kelompok_5", "ke: bab_3__kelompok_99", "there is no provision with id 'bab_3__kelompok_99'"),
    ("- rujukan: Pasal 10", "- rujukan: Pasal 10 huruf a", "is not a single Pasal"),
    ("  huruf: butir", "  huruf: poin", "'poin' is not a node type"),
])
def test_peta_rujukan_is_validated_by_the_loader(tmp_path, old, new, message):
    data = _data(tmp_path, "pergub-kaltim-8-2025.yaml", lambda t: t.replace(old, new))
    with pytest.raises(DataErrors) as exc:
        load_corpus(data, sources_dir=ROOT / "sources")
    assert message in str(exc.value)


@pytest.mark.parametrize("old,new,message", [
    ("    oleh: [uu-20-2023]\n", "", "a revoked instrument needs 'oleh'"),
    ("oleh: [uu-20-2023]", "oleh: [uu-99-2099]", "'oleh' names 'uu-99-2099', which is not in this file"),
    ("  singkatan: UU 5/2014\n", "  singkatan: UU 5/2014\n  ringkasan: x\n", "unknown key 'ringkasan'"),
    ("    keadaan: dicabut\n", "    keadaan: hapus\n", "'keadaan' is 'hapus', which is not allowed"),
    ("  wilayah: '61'\n", "  wilayah: '99'\n", "unknown wilayah '99'"),
    ("- id: uu-10-1999\n", "- id: index\n", "id 'index' is reserved: dasar-hukum/index is the address of"),
    ("    diperiksa: '2026-11-23'\n", "    diperiksa: 23-11-2026\n", "'diperiksa' must be a date as YYYY-MM-DD"),
    ("    diperiksa: '2026-11-23'\n", "", "the status 'diubah' needs 'diperiksa', the date its source was checked"),
])
def test_catalogue_is_validated(tmp_path, old, new, message):
    data = _data(tmp_path, "_dasar_hukum.yaml", lambda t: t.replace(old, new, 1))
    corpus = load_corpus(data, sources_dir=ROOT / "sources")
    _, errors = load_katalog(data, corpus)
    assert any(message in str(e) for e in errors), [str(e) for e in errors]


def test_mengingat_item_outside_the_catalogue_is_a_problem(tmp_path):
    data = _data(tmp_path, "_dasar_hukum.yaml", lambda t: t.replace("- id: uu-10-1999\n", "- id: uu-10-1999-x\n")
                 .replace("  nomor: '10'\n  tahun: '1999'", "  nomor: '10'\n  tahun: '1998'"))
    problems = [str(p) for p in _links(data).problems]
    assert len(problems) == 1 and "Undang-Undang Nomor 10 Tahun 1999' is not in" in problems[0]
