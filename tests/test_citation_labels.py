"""Every provision's copy-citation ("Salin kutipan") is unique and leads back to it.

Pure logic over the real data, no build: `Regulation.citation` for every provision of every
regulation, resolved through the Cari pasal index (`jump_index`: canonical citations and the other
labels) or the citation parser. The jump box's own JavaScript is checked over the same citations in
test_xref_site.py.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from conftest import ROOT
from macros.kodeetik import citations, load_corpus
from macros.kodeetik.labels import heading_in_citation, provision_label
from macros.kodeetik.xref import citation_keys, jump_key, label_keys
from macros.render.xref_pages import jump_index

CORPUS = load_corpus(ROOT / "regulations", sources_dir=ROOT / "sources")
REGS = {r.id: r for r in CORPUS.regulations}
INDEX = {r["id"]: r for r in json.loads(jump_index(CORPUS))["peraturan"]}


def citable(reg):
    """Provisions of certain standing (an uncertain one gets no citation, see test_kedudukan.py)."""
    return [e for e in reg.provisions if not reg.belum_pasti(e)]


def shared(reg, label=provision_label) -> dict[str, int]:
    counts = Counter(label(reg, e) for e in citable(reg))
    return {text: n for text, n in counts.items() if n > 1}


def resolve(reg, label: str) -> str | None:
    """What Cari pasal opens for a label of this regulation: the index's labels (canonical and
    others), else the citation parser's canonical form (`pasal 17 ayat 1` → `pasal 17 ayat (1)`)."""
    entry = INDEX[reg.id]
    key = jump_key(label)
    found = entry["kutipan"].get(key) or entry["ketentuan"].get(key)
    if found:
        return found
    try:
        cit = citations.parse(label)
    except citations.CitationError:
        return None
    return entry["ketentuan"].get(str(cit).lower()) if len(cit.refs) == 1 else None


@pytest.mark.parametrize("reg", CORPUS.regulations, ids=lambda r: r.id)
def test_no_two_provisions_share_a_copy_citation(reg):
    assert len(citable(reg)) > 50
    cites = Counter(reg.citation(e) for e in citable(reg))
    assert [c for c, n in cites.items() if n > 1] == []


def test_the_check_catches_labels_without_ordinals():
    """Negative control: the labels before this change (no ordinal, no repeated-heading mark)."""
    def old_style(reg, eid):
        return provision_label(reg, eid).replace(" (ke-1)", "").replace(" (ke-2)", "").split(" ke-")[0]

    kaltim = REGS["pergub-kaltim-8-2025"]
    assert shared(kaltim, old_style)["BAB 3 Larangan Pelaksana Yanlik butir"] == 14
    assert shared(kaltim) == {}


@pytest.mark.parametrize("reg", CORPUS.regulations, ids=lambda r: r.id)
def test_every_copy_citation_opens_its_provision_in_cari_pasal(reg):
    wrong = []
    for eid in citable(reg):
        cite = reg.citation(eid)
        assert cite.endswith(" " + reg.nama_resmi)
        label = cite[: -len(reg.nama_resmi) - 1]
        if resolve(reg, label) != eid:
            wrong.append((label, resolve(reg, label), eid))
    assert wrong == []


def test_resolution_fails_for_what_is_not_there():
    """Negative controls: an ordinal past the end, another regulation's label."""
    kaltim, bengkayang = REGS["pergub-kaltim-8-2025"], REGS["perbup-bengkayang-51-2020"]
    assert resolve(kaltim, "BAB 3 Larangan Pelaksana Yanlik butir ke-3") == "bab_3__kelompok_5__butir_3"
    assert resolve(kaltim, "BAB 3 Larangan Pelaksana Yanlik butir ke-15") is None
    assert resolve(bengkayang, "BAB 3 Larangan Pelaksana Yanlik butir ke-3") is None
    assert resolve(bengkayang, "pasal 11 huruf c") == "bab_3__pasal_11__huruf_c"  # the parser's spelling


def test_labels_of_texts_without_pasal_numbers():
    kaltim, sumbawa = REGS["pergub-kaltim-8-2025"], REGS["perbup-sumbawa-6-2020"]
    assert kaltim.citation("bab_3__kelompok_5__butir_3") == \
        "BAB 3 Larangan Pelaksana Yanlik butir ke-3 Peraturan Gubernur Kalimantan Timur Nomor 8 Tahun 2025"
    assert provision_label(kaltim, "bab_1__butir_1") == "BAB 1 Pelayanan Publik"  # a defined term
    assert provision_label(kaltim, "bab_8__kelompok_1__teks_2") == "BAB 8 Monitoring dan Evaluasi paragraf ke-2"
    assert provision_label(kaltim, "bab_3__kelompok_2__angka_6") == "BAB 3 Tata Aturan Perilaku angka 6"
    # The original numbers two BAB V: each is named with its heading.
    assert provision_label(sumbawa, "bab_5") == "BAB V Mekanisme Penegakan Kode Etik"
    assert provision_label(sumbawa, "bab_5a") == "BAB V Rehabilitasi"
    assert provision_label(sumbawa, "bab_4") == "BAB IV"  # a number of its own needs no heading
    # Pasal-numbered citations are as before.
    assert provision_label(sumbawa, "bab_5__bagian_3__pasal_17__ayat_1") == "Pasal 17 ayat (1)"


def test_the_index_lists_only_labels_the_canonical_keys_lack():
    for reg in CORPUS.regulations:
        canonical = {k.lower() for k in citation_keys(reg)}
        assert not set(label_keys(reg)) & canonical
    assert INDEX["pergub-kaltim-8-2025"]["kutipan"]["bab 3 larangan pelaksana yanlik butir ke-3"] == \
        "bab_3__kelompok_5__butir_3"


@pytest.mark.parametrize(("heading", "cited"), [
    ("LARANGAN PELAKSANA YANLIK", "Larangan Pelaksana Yanlik"),
    ("MONITORING DAN EVALUASI", "Monitoring dan Evaluasi"),
    ("KRITERIA PELAKSANA YG MENERIMA PENGHARGAAN", "Kriteria Pelaksana yg Menerima Penghargaan"),
    ("MAKSUD & TUJUAN", "Maksud & Tujuan"),
    ("DAN SETERUSNYA", "Dan Seterusnya"),
    ("BerAKHLAK", "BerAKHLAK"),
    ("Format Surat", "Format Surat"),
])
def test_heading_in_citation(heading, cited):
    assert heading_in_citation(heading) == cited
