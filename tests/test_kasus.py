"""Counter situations (`regulations/_kasus.yaml`) and the quiz built with them: the loader's rules (a
test per rule, each with the valid file as its negative control), the real data, and the quiz
assembly (situation questions, cited answers, the right answers spread over A-D). No build."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT

from macros.kodeetik import DataErrors
from macros.kodeetik.kasus import JENIS_KASUS, KASUS_FILE, load_kasus
from macros.kodeetik.kuis import MAKS_KASUS, PILIHAN, buat_kuis
from macros.kodeetik.pipeline import load_site
from macros.kodeetik.topics import flat_text

BENGKAYANG = "perbup-bengkayang-51-2020"
SUMBAWA = "perbup-sumbawa-6-2020"


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT / "regulations")


def quizzes(site):
    return {r.id: buat_kuis(r, site.kuis, site.topics, site.corpus, site.kasus)
            for r in site.corpus.regulations if r.status.keadaan != "dicabut"}


# --------------------------------------------------------------------------- the real data

def test_the_bank_covers_every_kind_and_each_code_decides_at_least_eight(site):
    assert len(site.kasus) >= 20
    assert set(JENIS_KASUS) == {k.jenis for k in site.kasus}
    decided = Counter(rid for k in site.kasus for rid in k.dasar)
    for reg in site.corpus.regulations:
        assert decided[reg.id] >= 8, reg.id
    for k in site.kasus:
        assert len(k.salah) == 3 and k.benar not in k.salah and k.adegan and k.penjelasan
        assert k.dasar or k.nasional


def test_the_cited_provisions_speak_to_the_situation(site):
    """Spot checks that the citations are the deciding ones, read from the enacted words."""
    regs = {r.id: r for r in site.corpus.regulations}
    amplop = next(k for k in site.kasus if k.id == "amplop-di-map")
    words = [flat_text(regs[BENGKAYANG].provisions[e]) for e in amplop.dasar[BENGKAYANG]]
    assert any("menerima sesuatu dari pemohon pelayanan" in w for w in words)
    assert amplop.nasional is not None and amplop.nasional.item == "larangan.menerima_pemberian"
    pelapor = next(k for k in site.kasus if k.id == "identitas-pelapor")
    assert set(pelapor.dasar) == {SUMBAWA}  # only Sumbawa's code says who keeps the reporter's name
    assert "kerahasiaan identitas pelapor" in flat_text(regs[SUMBAWA].provisions[pelapor.dasar[SUMBAWA][0]])


# --------------------------------------------------------------------------- the loader's rules

@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "regulations"
    shutil.copytree(ROOT / "regulations", folder)
    return folder


def _errors(folder: Path, old: str, new: str) -> list[str]:
    path = folder / KASUS_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_site(folder, ROOT / "sources")
    return [str(e) for e in exc.value.errors]


def test_the_real_file_loads_the_negative_control(data):
    assert len(load_site(data, ROOT / "sources").kasus) >= 20


def test_a_wrong_provision_id_names_file_line_and_the_close_ids(data):
    errors = _errors(data, "        - bab_3__pasal_11__huruf_f\n", "        - bab_3__pasal_11__huruf_ff\n")
    assert len(errors) == 1
    line = next(i for i, t in enumerate((data / KASUS_FILE).read_text().splitlines(), 1) if "huruf_ff" in t)
    assert errors[0].startswith(f"regulations/{KASUS_FILE}:{line} [kasus amplop-di-map > dasar > {BENGKAYANG}]")
    assert "there is no provision 'bab_3__pasal_11__huruf_ff'" in errors[0]
    assert "did you mean bab_3__pasal_11__huruf_f" in errors[0] and "Fix: use the id" in errors[0]


def test_a_whole_bab_decides_nothing(data):
    errors = _errors(data, "        - bab_3__pasal_11__huruf_f\n", "        - bab_3\n")
    assert len(errors) == 1 and "'bab_3' is a whole bab" in errors[0]


def test_an_unknown_regulation_is_reported_once(data):
    text = (data / KASUS_FILE).read_text(encoding="utf-8")
    (data / KASUS_FILE).write_text(text.replace(f"      {SUMBAWA}:", "      perbup-sumbawa-6-2021:"), encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_site(data, ROOT / "sources")
    errors = [str(e) for e in exc.value.errors]
    assert len(errors) == 1
    assert "there is no regulation 'perbup-sumbawa-6-2021' (also in" in errors[0]
    assert f"did you mean {SUMBAWA}" in errors[0]


def test_the_national_rule_must_exist(data):
    errors = _errors(data, "    nasional: larangan.menerima_pemberian", "    nasional: larangan.menerima_pemberia")
    assert len(errors) == 1 and "has no national rule in _aturan_nasional.yaml" in errors[0]
    assert "did you mean larangan.menerima_pemberian" in errors[0]


def test_three_different_wrong_actions(data):
    errors = _errors(data, '      - "Menerimanya, tetapi tetap memproses berkas sesuai urutan antrean."\n', "")
    assert len(errors) == 1 and "'salah' must list 3 different wrong actions" in errors[0]


def test_each_id_once(data):
    errors = _errors(data, "  - id: uang-percepatan", "  - id: amplop-di-map")
    assert len(errors) == 1 and "defined twice" in errors[0]


def test_a_situation_needs_a_basis(tmp_path, site):
    folder = tmp_path / "regulations"
    folder.mkdir()
    (folder / KASUS_FILE).write_text(
        "kasus:\n  - id: x\n    jenis: larangan\n    adegan: a\n    benar: b\n"
        "    salah: [c, d, e]\n    penjelasan: f\n", encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_kasus(folder, site.corpus, site.nasional)
    assert "names no basis" in str(exc.value.errors[0])


def test_the_file_is_optional(tmp_path, site):
    assert load_kasus(tmp_path, site.corpus, site.nasional) == ()


# --------------------------------------------------------------------------- the quiz

def test_every_quiz_asks_at_least_eight_situations_its_code_decides_with_cited_answers(site):
    for rid, soal in quizzes(site).items():
        own = [s for s in soal if s.jenis == "kasus" and s.dasar]
        assert 8 <= len(own) <= MAKS_KASUS, rid
        for s in own:
            assert s.kasus is not None and s.kasus.dasar[rid]
            assert [d.eid for d in s.dasar] == list(s.kasus.dasar[rid])
            assert all(d.label and d.teks for d in s.dasar) and s.mengapa == s.kasus.penjelasan
            assert s.pilihan[s.benar].teks == s.kasus.benar
        assert any(s.jenis != "kasus" for s in soal), rid  # recall questions too


def test_recall_answers_cite_the_provision_in_human_words(site):
    soal = quizzes(site)[BENGKAYANG]
    recall = [s for s in soal if s.jenis == "kata"]
    assert recall
    for s in recall:
        assert s.dasar[0].label.startswith("Pasal ") and "__" not in s.dasar[0].label
        assert s.dasar[0].eid == s.pilihan[s.benar].eid and s.mengapa


def test_no_letter_is_right_in_more_than_35_percent_of_any_quiz(site):
    for rid, soal in quizzes(site).items():
        letters = Counter(s.benar for s in soal)
        assert max(letters.values()) <= 0.35 * len(soal), (rid, letters)
        assert all(len(s.pilihan) <= PILIHAN and sum(p.benar for p in s.pilihan) == 1 for s in soal)


def test_without_the_spread_the_letters_could_cluster(site):
    """Negative control for the test above: the same questions with the right answer always first
    fail the 35% rule, so the rule is what keeps the letters apart."""
    soal = quizzes(site)[SUMBAWA]
    clustered = Counter(0 for _ in soal)
    assert max(clustered.values()) > 0.35 * len(soal)


def test_the_quiz_is_the_same_for_the_same_data(site):
    assert quizzes(site) == quizzes(site)


def test_a_regulation_silent_on_a_situation_gets_the_national_rule_or_nothing(site):
    soal = quizzes(site)[SUMBAWA]
    for s in soal:
        if s.jenis == "kasus" and not s.dasar:
            assert s.nasional is not None and s.kasus and SUMBAWA not in s.kasus.dasar


def test_a_close_item_the_code_holds_under_another_topic_is_no_wrong_answer(site):
    """Sumbawa holds 'cepat' (Pasal 5 ayat (3)) and 'adil/tidak diskriminatif' among its values: the
    prohibitions of making service difficult and of discrimination are not offered as "not in this
    code"."""
    offered = {p.item.key for s in quizzes(site)[SUMBAWA] if s.jenis == "daerah"
               for p in s.pilihan if not p.benar and p.item}
    assert offered and not offered & {"larangan.mempersulit", "larangan.menolak_melayani", "larangan.diskriminasi"}


# --------------------------------------------------------------------------- the trainer's sheet

def test_the_sumbawa_sheet_compares_by_meaning(site):
    """Perbup Sumbawa lists disiplin, ramah dan simpatik, terbuka dan jujur, adil as values (Pasal 5
    ayat (1)); others list them as rules of conduct. The sheet must not call those "lacking"; an item
    Sumbawa really lacks still is (negative control)."""
    from macros.kodeetik.perbedaan import perbedaan

    reg = next(r for r in site.corpus.regulations if r.id == SUMBAWA)
    lacks = {k.item.key for b in perbedaan(reg, site.corpus, site.topics).baris for k in b.kurang}
    assert not lacks & {"tata_perilaku.jujur_disiplin_profesional", "tata_perilaku.ramah_tersenyum",
                        "tata_perilaku.adil_nondiskriminatif"}
    assert "tata_perilaku.terbuka_kritik" in lacks
    # The personal values other codes list are held too where Sumbawa words them as its values
    # (disiplin; ramah, sopan santun; tanggung jawab, jujur); "beriman" it does not list.
    assert not lacks & {"nilai_pribadi.disiplin_integritas", "nilai_pribadi.ramah_hormat",
                        "nilai_pribadi.tanggung_jawab_jujur"}
    assert "nilai_pribadi.beriman" in lacks


def test_the_sheet_compares_groups_of_close_meaning_as_one(site):
    """Perbup Sumbawa forbids accepting an imbalan (Pasal 7 ayat (1) huruf b): with the quiz's
    `serupa` groups, the sheet no longer says it lacks "pungli" or the other items of that group;
    without them (negative control), it does."""
    from macros.kodeetik.perbedaan import perbedaan

    reg = next(r for r in site.corpus.regulations if r.id == SUMBAWA)
    group = site.kuis.serupa["larangan.pungli"]

    def lacks(serupa):
        return {k.item.key for b in perbedaan(reg, site.corpus, site.topics, serupa=serupa).baris for k in b.kurang}

    assert "larangan.pungli" in lacks(None)
    assert not lacks(site.kuis.serupa) & group
    assert any(site.topics.hits_for(k, reg.id) for k in group)  # it holds the group in other words


def test_prohibition_questions_offer_other_regions_prohibitions_not_values(site):
    """The wrong answers to "which is a prohibition in Perbup Sumbawa" are prohibitions of other
    regions (listed as such there), never its own values ("sopan;", "loyal;")."""
    from macros.kodeetik.kuis import lead_in
    from macros.kodeetik.topics import parent_map

    soal = [s for s in quizzes(site)[SUMBAWA] if s.jenis == "kata" and s.bidang == "larangan"]
    assert soal
    for s in soal:
        for p in s.pilihan:
            assert site.kuis.marks("larangan", lead_in(p.eid, parent_map(p.reg))), p.teks
            assert p.benar == (p.reg.id == SUMBAWA)
        assert len({p.item.key for p in s.pilihan if p.item}) == len(s.pilihan)  # one wording per rule
