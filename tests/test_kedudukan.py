"""Units of uncertain standing (`kedudukan: belum_pasti`): shown with their note, but never tagged,
compared, quoted on a poster, asked in a quiz, stated in Hak Anda, filtered in search or cited as the
regulation's text. Pure logic, no site build: the real data, and copies of it with one change each
(every refusal has a control in which the same change is accepted without the status).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from editcopy import copy_data, edit, load_errors
from macros.kodeetik import DataErrors, export, load_corpus
from macros.kodeetik.hak_anda import hak_peraturan
from macros.kodeetik.kuis import buat_kuis
from macros.kodeetik.topics import is_taggable
from macros.kodeetik.topics_loader import load_topics
from macros.kodeetik.warga_loader import load_warga
from macros.kodeetik.xref import citation_keys
from macros.render.search import provision_areas

KALTIM = "pergub-kaltim-8-2025"
SLIDE = "kelompok_1"
"""The BerAKHLAK slide of the Kaltim deck, beside the opening."""
STATUS_LINE = "  kedudukan: belum_pasti"

CORPUS = load_corpus(ROOT / "regulations", sources_dir=ROOT / "sources")
TOPICS = load_topics(ROOT / "regulations", CORPUS)
REG = next(r for r in CORPUS.regulations if r.id == KALTIM)
SLIDE_IDS = [n.eid for n in REG.provisions[SLIDE].walk()]
SLIDE_WORDS = [n.text for n in REG.provisions[SLIDE].walk() if n.text]


def _errors(data: Path, with_topics: bool = False) -> list[str]:
    errors = load_errors(data)
    if with_topics and not errors:
        try:
            load_topics(data, load_corpus(data, sources_dir=ROOT / "sources"))
        except DataErrors as e:
            return [str(err) for err in e.errors]
    return errors


# --------------------------------------------------------------------------- the real data

def test_the_berakhlak_slide_and_its_items_are_of_uncertain_standing():
    slide = REG.provisions[SLIDE]
    assert slide.heading == "BerAKHLAK" and slide.kedudukan == "belum_pasti" and slide.catatan
    assert len(SLIDE_IDS) == 8 and all(REG.belum_pasti(e) for e in SLIDE_IDS)
    # Control: the enacted text around it is not.
    assert not REG.belum_pasti("bab_1") and not REG.belum_pasti("bab_3__kelompok_5__butir_1")
    assert sum(REG.belum_pasti(e) for e in REG.provisions) == 8


def test_the_slide_is_untagged_untaggable_and_not_reported_as_untagged():
    assert not any(TOPICS.tags_of(KALTIM, e) for e in SLIDE_IDS)
    assert not any(is_taggable(REG, e) for e in SLIDE_IDS)
    assert is_taggable(REG, "bab_3__kelompok_5__butir_1")  # control
    assert not set(SLIDE_IDS) & set(TOPICS.untagged.get(KALTIM, ()))


def test_no_comparison_quiz_hak_anda_or_search_filter_uses_the_slide():
    hits = [h for item in TOPICS.items for h in TOPICS.hits_for(item, KALTIM)]
    assert hits and not any(REG.belum_pasti(h.node.eid) for h in hits)
    assert not any(REG.belum_pasti(c.eid) for h in hits for c in h.context)
    hak, kuis = load_warga(ROOT / "regulations", TOPICS)
    quiz = buat_kuis(REG, kuis, TOPICS, CORPUS)
    options = [p for s in quiz for p in s.pilihan]
    assert options and not any(p.reg.id == KALTIM and REG.belum_pasti(p.eid) for p in options)
    assert not any(p.teks in SLIDE_WORDS for p in options)
    page = hak_peraturan(REG, hak, TOPICS)
    bases = [d.eid for b in page.bagian for p in b.pernyataan for d in p.dasar]
    assert bases and not any(REG.belum_pasti(e) for e in bases)
    areas = provision_areas(REG, TOPICS)
    assert areas and not set(SLIDE_IDS) & set(areas)


def test_the_slide_is_not_cited_as_the_regulation():
    reg_json = export.regulation_json(CORPUS, REG, TOPICS)
    slide = reg_json["batang_tubuh"][0]
    assert slide["eid"] == SLIDE and slide["kedudukan"] == "belum_pasti" and slide["kutipan"] is None
    assert all(c["kutipan"] is None for c in slide["children"])
    assert reg_json["batang_tubuh"][1]["kutipan"] and reg_json["batang_tubuh"][1]["kedudukan"] is None
    assert not set(SLIDE_IDS) & set(citation_keys(REG).values())
    assert REG.poster is not None
    quoted = [*REG.poster.budaya_pelayanan, *REG.poster.larangan]
    assert quoted and not any(REG.belum_pasti(e) for e in quoted)


# --------------------------------------------------------------------------- refusals, with controls

TAG = "  bab_1__butir_1: definisi.pelayanan_publik\n"


@pytest.mark.parametrize("uncertain", [True, False], ids=["refused", "control"])
def test_a_tag_on_an_uncertain_provision_is_a_validation_error(tmp_path, uncertain):
    data = copy_data(tmp_path)
    coding = data / "_topik" / f"{KALTIM}.yaml"
    edit(coding, TAG, TAG + "  kelompok_1__butir_5: nilai_etika.loyal\n")
    if not uncertain:
        edit(data / f"{KALTIM}.yaml", STATUS_LINE, "  eid: kelompok_1")
    errors = _errors(data, with_topics=True)
    if not uncertain:
        assert errors == []
        return
    assert len(errors) == 1, errors
    line = coding.read_text(encoding="utf-8").splitlines().index("  kelompok_1__butir_5: nilai_etika.loyal") + 1
    assert errors[0].startswith(f"regulations/_topik/{KALTIM}.yaml:{line} ")
    assert "'kelompok_1__butir_5' cannot be tagged" in errors[0] and "uncertain" in errors[0]
    assert "Fix:" in errors[0]


@pytest.mark.parametrize("uncertain", [True, False], ids=["refused", "control"])
def test_a_poster_cannot_quote_an_uncertain_provision(tmp_path, uncertain):
    data = copy_data(tmp_path)
    path = data / f"{KALTIM}.yaml"
    edit(path, "  larangan:\n  - bab_3__kelompok_5", "  larangan:\n  - kelompok_1__butir_5\n  - bab_3__kelompok_5")
    if not uncertain:
        edit(path, STATUS_LINE, "  eid: kelompok_1")
    errors = _errors(data)
    if not uncertain:
        assert errors == []
        return
    assert len(errors) == 1, errors
    assert f"regulations/{KALTIM}.yaml:" in errors[0] and "poster > larangan" in errors[0]
    assert "'kelompok_1__butir_5' cannot be quoted" in errors[0] and "uncertain" in errors[0]


def test_kedudukan_needs_a_note_and_a_known_value(tmp_path):
    data = copy_data(tmp_path)
    path = data / f"{KALTIM}.yaml"
    edit(path, STATUS_LINE, "  kedudukan: ragu")
    text = path.read_text(encoding="utf-8")
    start = text.index("- type: bab\n  num: '1'")
    path.write_text(text[:start] + "- type: teks\n  text: Kalimat.\n  kedudukan: belum_pasti\n" + text[start:],
                    encoding="utf-8")
    errors = _errors(data)
    assert len(errors) == 2, errors
    assert any("'kedudukan' is 'ragu'" in e and "belum_pasti" in e for e in errors)
    assert any("needs a 'catatan'" in e for e in errors)
