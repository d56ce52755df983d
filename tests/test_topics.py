"""Topic taxonomy and coding: validation (each rule with file:line and a fix), coverage of the
five regulations, the glossary's term reading, and the data exports' round trip."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, no_bom, real_data
from macros.kodeetik import DataErrors, load_corpus
from macros.kodeetik import export
from macros.kodeetik.glossary import definitions, entries, term_of
from macros.kodeetik.labels import ref_label
from macros.kodeetik.topics import flat_text, untagged_report
from macros.kodeetik.topics_loader import load_topics
from macros.render.compare import column_groups
from macros.render.pages import regulation_url

CORPUS = real_data().corpus
TOPICS = real_data().topics
BENGKAYANG = "perbup-bengkayang-51-2020"
CODING = "regulations/_topik/perbup-bengkayang-51-2020.yaml"


def reg(rid: str):
    return next(r for r in CORPUS.regulations if r.id == rid)


# --------------------------------------------------------------------------- the real data

def test_no_normative_provision_is_untagged():
    untagged = {rid: ids for rid, ids in TOPICS.untagged.items() if ids}
    assert untagged == {}
    assert untagged_report(CORPUS, TOPICS) == [
        "Topics: every normative provision of the 5 regulations is tagged."]


def test_required_areas_exist():
    required = {"definisi", "maksud_tujuan", "asas", "prinsip", "nilai_etika", "tata_perilaku",
                "hak_pelaksana", "kewajiban_pelaksana", "larangan", "nilai_pribadi", "budaya_pelayanan",
                "penghargaan", "pembinaan_pengawasan", "sanksi", "majelis_kode_etik", "monitoring_evaluasi"}
    assert required <= {a.key for a in TOPICS.areas}
    for key in ("larangan.pungli", "larangan.gratifikasi", "larangan.kkn", "larangan.diskriminasi",
                "larangan.bahasa_kasar", "larangan.mempersulit", "larangan.meninggalkan_tugas",
                "larangan.politik", "larangan.rangkap_jabatan", "budaya_pelayanan.lima_s",
                "budaya_pelayanan.identitas", "budaya_pelayanan.seragam", "budaya_pelayanan.kearifan_lokal",
                "penghargaan.bentuk_pelaksana", "penghargaan.periode", "penghargaan.kriteria_pelaksana",
                "penghargaan.penilai", "sanksi.jenis", "sanksi.keberatan"):
        assert key in TOPICS.items, key


def test_every_item_is_used_and_explained():
    used = {k for tags in TOPICS.tags.values() for keys in tags.values() for k in keys}
    assert set(TOPICS.items) - used == set()
    assert all(i.label and i.penjelasan for i in TOPICS.items.values())


def test_each_region_has_its_own_pungli_wording():
    hits = {rid: [h.node.text for h in TOPICS.hits_for("larangan.pungli", rid)] for rid in
            (r.id for r in CORPUS.regulations)}
    assert hits[BENGKAYANG] == ["meminta dan/atau menerima imbalan/biaya diluar ketentuan atau "
                                "melakukan pungutan liar (pungli);"]
    assert hits["pergub-kaltim-8-2025"] == ["meminta dan/atau menerima imbalan/biaya di luar ketentuan "
                                            "atau melakukan pungutan liar;"]
    assert hits["perbup-sumbawa-6-2020"] == [] and hits["kep-dinsos-banten-2024"] == []


def test_lead_in_is_context_not_a_hit():
    (hit,) = TOPICS.hits_for("larangan.pungli", BENGKAYANG)
    assert [c.eid for c in hit.context] == ["bab_3__pasal_11"]
    assert "bab_3__pasal_11" not in TOPICS.tags[BENGKAYANG]


def test_ref_label_names_unnumbered_units():
    kaltim = reg("pergub-kaltim-8-2025")
    assert ref_label(kaltim, "bab_3__kelompok_5__butir_3") == "BAB 3 LARANGAN PELAKSANA YANLIK butir ke-3"
    bengkalis = reg("kep-diskominfotik-bengkalis-2024")
    assert ref_label(bengkalis, "lampiran_1__teks_4__huruf_c__angka_3") == "Lampiran huruf C angka 3"
    assert ref_label(reg(BENGKAYANG), "bab_3__pasal_11__huruf_c") == "Pasal 11 huruf c"


def test_every_definition_yields_its_term():
    tagged = [(r.id, eid) for r in CORPUS.regulations for eid, keys in TOPICS.tags.get(r.id, {}).items()
              if any(k.startswith("definisi.") for k in keys)]
    found = {(d.reg.id, d.node.eid) for d in definitions(CORPUS, TOPICS)}
    assert found == set(tagged) and len(found) == 48
    bengkayang = reg(BENGKAYANG)
    assert term_of(bengkayang.provisions["bab_1__pasal_1__angka_12"]) == ("Pelaksana pelayanan publik", ("Pelaksana",))
    assert term_of(bengkayang.provisions["bab_1__pasal_1__angka_20"]) == ("Standar Operasional Prosedur", ("SOP",))
    kaltim = reg("pergub-kaltim-8-2025")
    assert term_of(kaltim.provisions["bab_1__butir_2"]) == ("PENYELENGGARA PELAYANAN PUBLIK", ("Penyelenggara",))


def test_glossary_merges_same_definitions_and_separates_different_ones():
    by_key = {e.item.key: e for e in entries(CORPUS, TOPICS)}
    masyarakat = by_key["definisi.masyarakat"]
    assert len(masyarakat.groups) == 1 and len(masyarakat.groups[0]) == 2  # same words after "adalah"
    pelaksana = by_key["definisi.pelaksana"]
    assert len(pelaksana.groups) == 2  # Bengkayang names the bodies in brackets, Kaltim does not
    assert {d.reg.id for g in pelaksana.groups for d in g} == {BENGKAYANG, "pergub-kaltim-8-2025"}


def test_data_page_urls_agree_with_the_site():
    for r in CORPUS.regulations:
        assert export.regulation_page(r) == regulation_url(r)


# --------------------------------------------------------------------------- validation

def _copy(tmp_path: Path) -> Path:
    data = tmp_path / "regulations"
    shutil.copytree(ROOT / "regulations", data)
    return data


def _load_errors(data: Path) -> list[str]:
    corpus = load_corpus(data, sources_dir=ROOT / "sources")
    with pytest.raises(DataErrors) as info:
        load_topics(data, corpus, display_root=data.parent)
    return [str(e) for e in info.value.errors]


def _line(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_unknown_topic_unknown_provision_and_area_key_are_reported_together(tmp_path):
    data = _copy(tmp_path)
    coding = data / "_topik" / f"{BENGKAYANG}.yaml"
    text = coding.read_text(encoding="utf-8")
    text = text.replace("bab_3__pasal_11__huruf_c: larangan.pungli", "bab_3__pasal_11__huruf_c: larangan.pungly")
    text = text.replace("bab_3__pasal_11__huruf_d: larangan.kkn", "bab_3__pasal_11__huruf_x: larangan.kkn")
    text = text.replace("bab_3__pasal_11__huruf_i: larangan.bahasa_kasar", "bab_3__pasal_11__huruf_i: larangan")
    coding.write_text(text, encoding="utf-8")
    errors = _load_errors(data)
    assert len(errors) == 3, errors
    typo = next(e for e in errors if "pungly" in e)
    assert typo.startswith(f"{CODING}:{_line(coding, 'pungly')} ")
    assert "unknown topic 'larangan.pungly'" in typo and "did you mean larangan.pungli" in typo
    missing = next(e for e in errors if "huruf_x" in e)
    assert missing.startswith(f"{CODING}:{_line(coding, 'huruf_x')} ")
    assert "no provision 'bab_3__pasal_11__huruf_x'" in missing and "Fix:" in missing
    area = next(e for e in errors if "'larangan'" in e)
    assert "not the area itself" in area and "larangan.pungli" in area


def test_tags_on_headings_and_mengingat_are_refused(tmp_path):
    data = _copy(tmp_path)
    coding = data / "_topik" / f"{BENGKAYANG}.yaml"
    coding.write_text(coding.read_text(encoding="utf-8") + "  bab_3: larangan.kkn\n  mengingat__angka_3: asas.kepastian_hukum\n",
                      encoding="utf-8")
    errors = _load_errors(data)
    assert any("'bab_3' cannot be tagged" in e and "a bab" in e for e in errors), errors
    assert any("'mengingat__angka_3' cannot be tagged" in e and "Mengingat" in e for e in errors), errors


def test_repeating_an_ancestors_tag_is_refused(tmp_path):
    data = _copy(tmp_path)
    coding = data / "_topik" / f"{BENGKAYANG}.yaml"
    text = coding.read_text(encoding="utf-8").replace(
        "bab_4__pasal_13__huruf_a: budaya_pelayanan.identitas",
        "bab_4__pasal_13__huruf_a: [budaya_pelayanan.identitas, budaya_pelayanan.penetapan]")
    coding.write_text(text, encoding="utf-8")
    (error,) = _load_errors(data)
    assert f"{CODING}:{_line(coding, 'bab_4__pasal_13__huruf_a:')} " in error
    assert "already on 'bab_4__pasal_13'" in error


def test_coding_file_must_name_a_regulation(tmp_path):
    data = _copy(tmp_path)
    shutil.copy(data / "_topik" / f"{BENGKAYANG}.yaml", data / "_topik" / "perbup-bengkayang-51-2021.yaml")
    errors = _load_errors(data)
    assert any("no regulation with the id 'perbup-bengkayang-51-2021'" in e and "did you mean" in e for e in errors)


def test_taxonomy_errors_have_lines_and_fixes(tmp_path):
    data = _copy(tmp_path)
    tax = data / "_topik.yaml"
    text = tax.read_text(encoding="utf-8")
    text = text.replace("      - kunci: meminta_sesuatu\n", "      - kunci: pungli\n", 1)  # duplicate item
    text = text.replace("  - kunci: prinsip\n", "  - kunci: Prinsip-Kode\n", 1)       # bad key
    text = text.replace("        terkait: [tata_perilaku.mandiri_tanpa_imbalan]\n",
                        "        terkait: [tata_perilaku.mandiri]\n        warna: merah\n", 1)
    tax.write_text(text, encoding="utf-8")
    errors = _load_errors(data)
    shown = "regulations/_topik.yaml"
    assert any(e.startswith(f"{shown}:") and "item 'pungli' is defined twice" in e for e in errors), errors
    assert any("key 'Prinsip-Kode' is not a valid key" in e and "Fix:" in e for e in errors), errors
    assert any("unknown key 'warna'" in e for e in errors), errors


def test_untagged_provisions_are_found_and_lead_ins_follow_their_items(tmp_path):
    data = _copy(tmp_path)
    coding = data / "_topik" / f"{BENGKAYANG}.yaml"
    text = coding.read_text(encoding="utf-8")
    text = text.replace("  bab_3__pasal_11__huruf_c: larangan.pungli\n", "")
    text = re.sub(r"  bab_3__pasal_12__huruf_[a-k]: .*\n", "", text)
    coding.write_text(text, encoding="utf-8")
    corpus = load_corpus(data, sources_dir=ROOT / "sources")
    topics = load_topics(data, corpus)
    missing = topics.untagged[BENGKAYANG]
    assert "bab_3__pasal_11__huruf_c" in missing
    assert "bab_3__pasal_11" in missing  # a lead-in is covered only when all its items are
    assert "bab_3__pasal_11__huruf_b" not in missing and "bab_3__pasal_10" not in missing
    assert "bab_3__pasal_12" in missing and "bab_3__pasal_12__huruf_a" in missing
    assert not topics.is_complete(BENGKAYANG) and topics.is_complete("pergub-kaltim-8-2025")
    report = "\n".join(untagged_report(corpus, topics))
    line = reg(BENGKAYANG).provisions["bab_3__pasal_11__huruf_c"].line
    assert f"regulations/perbup-bengkayang-51-2020.yaml:{line} [bab_3__pasal_11__huruf_c]" in report.replace(
        str(data.parent) + "/", "")


# --------------------------------------------------------------------------- export round trip

HOSTILE = "<script>alert(1)</script> {{ 7*7 }} \"kutip\" 'tunggal', & =SUM(A1) baris\nbaru"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The corpus with a hostile text in Bengkayang's Pasal 11 huruf c (a tagged provision)."""
    data = tmp_path_factory.mktemp("hostile") / "regulations"
    shutil.copytree(ROOT / "regulations", data)
    path = data / f"{BENGKAYANG}.yaml"
    yaml_text = json.dumps(HOSTILE)  # a JSON string is a valid YAML double-quoted scalar
    path.write_text(path.read_text(encoding="utf-8").replace(
        "text: meminta dan/atau menerima imbalan/biaya diluar ketentuan atau melakukan pungutan liar (pungli);",
        f"text: {yaml_text}"), encoding="utf-8")
    corpus = load_corpus(data, sources_dir=ROOT / "sources")
    assert corpus.regulations[-2].provisions["bab_3__pasal_11__huruf_c"].text == HOSTILE
    return corpus, load_topics(data, corpus)


def _walk(nodes):
    for n in nodes:
        yield n
        yield from _walk(n["children"])


def test_regulation_json_round_trips(hostile):
    corpus, topics = hostile
    for r in corpus.regulations:
        data = json.loads(export.dumps(export.regulation_json(corpus, r, topics)))
        groups = [data["menimbang"], data["mengingat"], data["batang_tubuh"], data["diktum"],
                  *[lp["children"] for lp in data["lampiran"]]]
        nodes = {n["eid"]: n for g in groups for n in _walk(g)}
        assert set(nodes) == set(r.provisions)
        for eid, node in r.provisions.items():
            got = nodes[eid]
            assert (got["type"], got["num"], got["marker"], got["heading"], got["text"], got["text_after"],
                    got["catatan"]) == (node.type, node.num, node.marker, node.heading, node.text,
                                        node.text_after, node.catatan)
            assert [c["eid"] for c in got["children"]] == [c.eid for c in node.children]
            assert tuple(got["topik"]) == topics.tags_of(r.id, eid)
        assert (data["id"], data["nomor"], data["tahun"], data["tentang"]) == (r.id, r.nomor, r.tahun, r.tentang)
    bengkayang = json.loads(export.dumps(export.regulation_json(corpus, corpus.regulations[-2], topics)))
    text = json.dumps(bengkayang, ensure_ascii=False)
    assert "<script>alert(1)</script>" in json.dumps(HOSTILE)[1:-1] and "&lt;" not in text


def test_provisions_csv_round_trips_and_matches_the_matrix(hostile):
    corpus, topics = hostile
    rows = list(csv.DictReader(io.StringIO(no_bom(export.provisions_csv(corpus, topics)), newline="")))
    assert tuple(rows[0]) == export.PROVISION_COLUMNS
    present = {(r["butir"], r["peraturan"], r["ketentuan_id"]) for r in rows if r["ada"] == "1"}
    expected = {(key, reg_id, h.node.eid) for (key, reg_id), hits in topics.hits.items() for h in hits}
    assert present == expected
    absent = {(r["butir"], r["peraturan"]) for r in rows if r["ada"] == "0"}
    assert absent == {(i, r.id) for i in topics.items for r in corpus.regulations} - {(k, rid) for k, rid, _ in expected}
    by_eid = {(r["peraturan"], r["ketentuan_id"]): r for r in rows if r["ada"] == "1"}
    for (_key, reg_id), hits in topics.hits.items():
        for h in hits:
            assert by_eid[(reg_id, h.node.eid)]["teks"] == flat_text(h.node, with_marker=True)
    hostile_row = by_eid[(BENGKAYANG, "bab_3__pasal_11__huruf_c")]
    assert hostile_row["teks"] == "c. " + HOSTILE  # quotes, newline, '<' and '=' come back unchanged
    matrix = list(csv.DictReader(io.StringIO(no_bom(export.matrix_csv(corpus, topics)), newline="")))
    for row in matrix:
        for r in corpus.regulations:
            assert int(row[r.id]) == len(topics.hits_for(row["butir"], r.id))


def test_comparison_json_matches_the_coding(hostile):
    corpus, topics = hostile
    data = json.loads(export.dumps(export.comparison_json(corpus, topics), compact=True))
    for key, per_reg in data["isi"].items():
        for reg_id, hits in per_reg.items():
            assert [h["eid"] for h in hits] == [h.node.eid for h in topics.hits_for(key, reg_id)]
    (hit,) = data["isi"]["larangan.pungli"][BENGKAYANG]
    assert hit["isi"] == {"m": "c.", "t": HOSTILE}
    assert hit["konteks"] == ["Larangan Pelaksana pelayanan publik sebagaimana dimaksud dalam Pasal 7 huruf c, meliputi :"]
    assert "perbup-sumbawa-6-2020" not in data["isi"]["larangan.pungli"]  # absent: no entry


def test_a_province_regulation_stands_before_its_districts_and_uncoded_ones_are_flagged(tmp_path):
    data = _copy(tmp_path)
    text = (data / "pergub-kaltim-8-2025.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^id: .*$", "id: pergub-kalbar-contoh", text, count=1)
    text = re.sub(r"(?m)^wilayah: .*$", "wilayah: '61'", text, count=1)
    (data / "pergub-kalbar-contoh.yaml").write_text(text, encoding="utf-8")
    corpus = load_corpus(data, sources_dir=ROOT / "sources")
    topics = load_topics(data, corpus)
    groups = {g.province.kode: g for g in column_groups(corpus, topics)}
    kalbar = groups["61"].columns
    assert [c.reg.id for c in kalbar] == ["pergub-kalbar-contoh", BENGKAYANG]
    assert [c.complete for c in kalbar] == [False, True]  # no coding file yet: its empty cells prove nothing
    assert [c.reg.id for c in groups["64"].columns] == ["pergub-kaltim-8-2025"]


def test_search_words_are_read_and_bad_ones_refused(tmp_path):
    corpus = load_corpus(ROOT / "regulations", sources_dir=ROOT / "sources")
    topics = load_topics(ROOT / "regulations", corpus)
    assert "uang pelicin" in topics.items["larangan.pungli"].kata_cari
    assert "diskriminasi" in topics.items["larangan.diskriminasi"].kata_cari
    assert topics.items["penghargaan.periode"].kata_cari == ()  # optional
    data = _copy(tmp_path)
    tax = data / "_topik.yaml"
    text = tax.read_text(encoding="utf-8")
    text = text.replace("kata_cari: [pungli, ", "kata_cari: [Pungli!, pungli, pungli, ", 1)
    tax.write_text(text, encoding="utf-8")
    errors = _load_errors(data)
    line = _line(tax, "Pungli!")
    assert any(e.startswith(f"regulations/_topik.yaml:{line} ") and "'Pungli!' is not plain lowercase words" in e
               and "Fix:" in e for e in errors), errors
    assert any("'pungli' is listed twice" in e for e in errors), errors
    assert len(errors) == 2, errors
