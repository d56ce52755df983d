"""The national rule where a local code is silent (`regulations/_aturan_nasional.yaml`): the data,
its validation (a test per rule) and where it applies. No build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from macros.kodeetik import DataErrors, load_corpus
from macros.kodeetik.dasar import load_katalog
from macros.kodeetik.export import comparison_json, instrument_page
from macros.kodeetik.hak_anda import hak_peraturan
from macros.kodeetik.nasional import NASIONAL_FILE, load_nasional
from macros.kodeetik.topics_loader import load_topics
from macros.kodeetik.warga_loader import load_warga
from macros.render.xref_pages import instrumen_url

BANTEN = "kep-dinsos-banten-2024"
BENGKAYANG = "perbup-bengkayang-51-2020"


def _load(data: Path):
    corpus = load_corpus(data, sources_dir=ROOT / "sources")
    topics = load_topics(data, corpus)
    katalog, errors = load_katalog(data, corpus)
    assert not errors
    return corpus, topics, katalog


@pytest.fixture(scope="module")
def real():
    corpus, topics, katalog = _load(ROOT / "regulations")
    return corpus, topics, katalog, load_nasional(ROOT / "regulations", topics, katalog)


def test_every_rule_rests_on_an_instrument_in_force_with_the_source_of_its_status(real):
    _, topics, _, nasional = real
    assert {"larangan.pungli", "larangan.diskriminasi"} <= set(nasional)
    for key, rule in nasional.items():
        assert key in topics.items and rule.penjelasan and rule.dasar
        for d in rule.dasar:
            assert d.instrumen.status.keadaan in ("berlaku", "diubah") and d.instrumen.status.sumber


def test_instrument_pages_agree_between_the_data_files_and_the_site(real):
    _, _, katalog, _ = real
    for ins in katalog.by_id.values():
        assert instrument_page(ins) == instrumen_url(ins)


def test_hak_anda_states_the_national_rule_only_where_the_code_is_silent(real):
    corpus, topics, _, nasional = real
    hak, _ = load_warga(ROOT / "regulations", topics)
    regs = {r.id: r for r in corpus.regulations}
    banten = hak_peraturan(regs[BANTEN], hak, topics, nasional=nasional)
    larangan = next(b for b in banten.bagian if b.bagian.kunci == "larangan")
    assert "larangan.pungli" in {n.item for n in larangan.nasional}       # Banten is silent on pungli
    assert "larangan.diskriminasi" not in {n.item for n in larangan.nasional}  # ... not on this
    assert banten.ringkasan_nasional == larangan.nasional
    # Negative control: Bengkayang forbids pungli itself.
    bengkayang = hak_peraturan(regs[BENGKAYANG], hak, topics, nasional=nasional)
    assert all("larangan.pungli" != n.item for b in bengkayang.bagian for n in b.nasional)
    # And without the data, nothing is stated.
    assert not any(b.nasional for b in hak_peraturan(regs[BANTEN], hak, topics).bagian)


def test_the_side_by_side_data_carries_the_national_rule(real):
    corpus, topics, _, nasional = real
    data = comparison_json(corpus, topics, "/", nasional)
    pungli = data["nasional"]["larangan.pungli"]
    assert pungli["tetap"] == "tetap dilarang" and pungli["dasar"] == [
        {"label": "UU 25/2009", "url": "/dasar-hukum/uu-25-2009/"}]
    assert comparison_json(corpus, topics, "/")["nasional"] == {}


def test_bad_national_rules_are_reported_together_with_lines_and_fixes(tmp_path):
    data = tmp_path / "regulations"
    shutil.copytree(ROOT / "regulations", data)
    (data / NASIONAL_FILE).write_text("""butir:
  larangan.pungly:
    sifat: dilarang
    penjelasan: x
    dasar: [{instrumen: uu-25-2009}]
  larangan.kkn:
    sifat: boleh
    penjelasan: x
    dasar: [{instrumen: uu-28-1999}]
  larangan.diskriminasi:
    sifat: dilarang
    penjelasan: x
    dasar: [{instrumen: uu-5-2014}]
  larangan.mempersulit:
    sifat: dilarang
    penjelasan: x
    warna: merah
""", encoding="utf-8")
    _, topics, katalog = _load(data)
    with pytest.raises(DataErrors) as info:
        load_nasional(data, topics, katalog)
    errors = [str(e) for e in info.value.errors]
    shown = f"regulations/{NASIONAL_FILE}"
    assert any(e.startswith(f"{shown}:2 ") and "'larangan.pungly' is not a topic item" in e for e in errors), errors
    assert any(e.startswith(f"{shown}:7 ") and "'sifat' is 'boleh'" in e and "dilarang, wajib" in e for e in errors)
    assert any("'uu-28-1999' is not an instrument" in e and "status and the source" in e for e in errors)
    assert any("UU 5/2014 is dicabut" in e and "replaced it" in e for e in errors)
    assert any("unknown key 'warna'" in e for e in errors)
    assert any("missing required key 'dasar'" in e for e in errors)
    assert len(errors) == 6, errors
    # Negative control: without the file there is simply no national rule.
    (data / NASIONAL_FILE).unlink()
    assert load_nasional(data, topics, katalog) == {}
