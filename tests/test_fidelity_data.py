"""Fidelity of the data to its sources, without a build: what the source shows as two groups is two
groups, the noise list names the occurrence of a repeated line it drops and why, and the check of
test_fidelity.py (every source line on the page) then still checks the other occurrences."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from conftest import ROOT
from editcopy import errors_after_edit
from macros.kodeetik import load_corpus
from test_fidelity import fragments

CORPUS = load_corpus(ROOT / "regulations", sources_dir=ROOT / "sources")
REGS = {r.id: r for r in CORPUS.regulations}
KALTIM = REGS["pergub-kaltim-8-2025"]


def source_lines(reg) -> list[str]:
    return [ln.strip() for ln in (ROOT / "sources" / reg.sumber.berkas).read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------- Kaltim, BAB 5

def test_the_two_penghargaan_slides_are_two_groups_with_their_titles():
    bab = KALTIM.provisions["bab_5"]
    groups = [c for c in bab.children if c.type == "kelompok"]
    assert [g.heading for g in groups] == ["PENGHARGAAN", "PENGHARGAAN",
                                           "KRITERIA PELAKSANA YG MENERIMA PENGHARGAAN", "UNSUR TIM PENILAI"]
    # The ids that were there before the split are where they were.
    assert [g.eid for g in groups] == ["bab_5__kelompok_1", "bab_5__kelompok_1a", "bab_5__kelompok_2",
                                       "bab_5__kelompok_3"]
    to_penyelenggara, to_pelaksana = groups[0], groups[1]
    assert to_penyelenggara.children[0].text.startswith("Gubernur dpt memberikan penghargaan kpd Penyelenggara")
    assert [c.text for c in to_penyelenggara.children[2].children] == ["piagam;", "piala/plakat/trofi;", "pin khusus."]
    assert len(to_penyelenggara.children) == 5
    assert to_pelaksana.children[0].text.startswith("Pelaksana yang memiliki prestasi kerja")
    assert [c.num for c in to_pelaksana.children[2].children] == list("abcdef")
    assert len(to_pelaksana.children) == 3 and to_pelaksana.catatan


def test_both_titles_are_in_the_source_and_neither_is_noise():
    assert source_lines(KALTIM).count("PENGHARGAAN") == 2
    assert not any(d.baris == "PENGHARGAAN" for d in KALTIM.sumber.derau)
    assert fragments(KALTIM).count("PENGHARGAAN") == 3  # and the title of "BAB 5 – PENGHARGAAN"


def test_a_repeated_slide_title_is_dropped_in_its_repeated_occurrence_only():
    """The continuation slide's title is noise; the first one is the group's heading and is checked."""
    repeated = [d for d in KALTIM.sumber.derau if d.ke is not None]
    assert {d.baris for d in repeated} == {"ASAS PENYELENGGARAAN YANLIK", "HAK PELAKSANA YANLIK",
                                           "KEWAJIBAN PELAKSANA YANLIK", "LARANGAN PELAKSANA YANLIK"}
    lines = source_lines(KALTIM)
    frags = fragments(KALTIM)
    for d in repeated:
        assert d.ke == 2 and lines.count(d.baris) == 2 and "slide lanjutan" in d.alasan
        assert frags.count(d.baris) == 1, d.baris
        heading = next(n for n in KALTIM.provisions.values() if n.heading == d.baris)
        assert heading.type == "kelompok"


# --------------------------------------------------------------------------- the loader's checks

def _errors(tmp_path: Path, old: str, new: str) -> list[str]:
    return errors_after_edit(tmp_path, "pergub-kaltim-8-2025.yaml", old, new)


@pytest.mark.parametrize(("new", "message"), [
    ('  - baris: HAK PELAKSANA YANLIK\n    ke: "3"', "occurs 2 time(s) in 001_309438cad6a79d9a.txt, not 3"),
    ('  - baris: HAK PELAKSANA YANLIK\n    ke: kedua', "'ke' must be a whole number"),
    ('  - baris: HAK PELAKSANA\n    ke: "2"', "occurs 0 time(s)"),
    ('  - ke: "2"', "'baris'"),
    ('  - baris: HAK PELAKSANA YANLIK\n    ke: "2"', None),  # control: as in the data
])
def test_a_noise_occurrence_must_exist_in_the_source(tmp_path, new, message):
    errors = _errors(tmp_path, '  - baris: HAK PELAKSANA YANLIK\n    ke: "2"', new)
    if message is None:
        assert errors == []
        return
    assert len(errors) == 1 and message in errors[0], errors
    assert errors[0].startswith("regulations/pergub-kaltim-8-2025.yaml:") and "sumber > derau" in errors[0]


# --------------------------------------------------------------------------- asterisks and repairs

@pytest.mark.parametrize(("line", "expected"), [
    ("surat elektronik (*e-mail*) serta", "surat elektronik (e-mail) serta"),
    ("Dinas yang *good governance and clean governance*.", "Dinas yang good governance and clean governance."),
    ("**BAB I", "BAB I"), ("KETENTUAN UMUM**", "KETENTUAN UMUM"), ("- Menimbang** :", "- Menimbang :"),
    ("keterangan*) sehubungan dengan ... ketentuan.....**)", "keterangan*) sehubungan dengan ... ketentuan.....**)"),
    ("pernyataan tertutup/terbuka ****)", "pernyataan tertutup/terbuka ****)"),
    ("**) Tulislah ketentuan ... yang dilanggar*", "**) Tulislah ketentuan ... yang dilanggar*"),  # stray: kept
    ("lapangan kerja”*", "lapangan kerja”*"),
])
def test_unmark_drops_emphasis_and_keeps_marks(line, expected):
    from test_fidelity import unmark

    assert unmark(line) == expected


def _repaired_source(reg) -> str:
    from test_fidelity import norm, unmark

    raw = (ROOT / "sources" / reg.sumber.berkas).read_text(encoding="utf-8")
    for p in reg.sumber.perbaikan:
        raw = raw.replace(p.dari, p.menjadi)
    return norm(" ".join(unmark(line) for line in raw.splitlines()))


def _form_lines_not_in_source(reg) -> list[str]:
    """Lines of the forms (kept line by line, footnote marks included) that the source, after the
    listed repairs, does not have as they are (a mark is not part of a longer one)."""
    from test_fidelity import norm

    source = _repaired_source(reg)
    out = []
    for node in reg.all_nodes():
        for line in (node.text or "").splitlines() if node.type == "formulir" else ():
            text = norm(line)
            if text and not re.search(r"(?<!\*)" + re.escape(text) + r"(?!\*)", source):
                out.append(text)
    return out


@pytest.mark.parametrize("reg", CORPUS.regulations, ids=lambda r: r.id)
def test_every_asterisk_left_is_a_footnote_mark_and_every_form_line_is_in_the_source(reg):
    assert [f for f in fragments(reg) if "*" in re.sub(r"\*+\)", "", f)] == []
    assert _form_lines_not_in_source(reg) == []


def test_an_unlisted_repair_of_a_mark_or_a_stray_asterisk_is_caught():
    """Negative control: Sumbawa without the two repairs of asterisks in its repair table."""
    sumbawa = REGS["perbup-sumbawa-6-2020"]
    kept = tuple(p for p in sumbawa.sumber.perbaikan if "*" not in p.dari or "*p*" in p.dari)
    assert len(kept) == len(sumbawa.sumber.perbaikan) - 2
    unlisted = dataclasses.replace(sumbawa, sumber=dataclasses.replace(sumbawa.sumber, perbaikan=kept))
    assert any(f.endswith("lapangan kerja”*") for f in fragments(unlisted))
    assert any(line.startswith("*) Tulislah ketentuan PP Nomor 42") for line in _form_lines_not_in_source(unlisted))


# --------------------------------------------------------------------------- editorial notes

CLAIM = re.compile(r"(?:Demikian (?:tertulis )?|sebagaimana )dalam naskah asli")


def test_notes_say_the_source_text_not_the_original():
    """The sources are extracted texts: a note may not claim what the original document says."""
    for reg in CORPUS.regulations:
        notes = [n.catatan for n in reg.all_nodes() if n.catatan] + list(reg.catatan)
        assert notes
        claims = [c for c in notes if CLAIM.search(c)]
        assert claims == [], reg.id
    # Control: the pattern sees the old wording, not a question about the original.
    assert CLAIM.search("Demikian tertulis dalam naskah asli: \"padatanggal\".")
    assert not CLAIM.search("Tidak dapat dipastikan apakah \"Dr.\" tertulis dalam naskah asli atau sisa cap.")


@pytest.mark.parametrize(("eid", "words"), [
    ("bab_3__pasal_7__ayat_4", '"sebagaimana pada ayat (1)"'),
    ("bab_3__pasal_7__ayat_5", '"sebagaimana pada ayat (1)"'),
    ("bab_3__pasal_7__ayat_6", '"sebagaimana pada ayat (1)"'),
    ("bab_3__pasal_7__ayat_7", '"sebagaimana pada ayat (1)"'),
    ("bab_4__pasal_10__huruf_d", '"Kode Etik mempertimbangkan"'),
    ("bab_5a__pasal_26__ayat_1", '"setelah disidang diperiksa"'),
    ("bab_3__pasal_5__ayat_1__huruf_o", '"obyektif"'),
    ("bab_3__pasal_5__ayat_16", '"Objektif"'),
])
def test_the_listed_slips_of_sumbawa_are_kept_and_noted(eid, words):
    node = REGS["perbup-sumbawa-6-2020"].provisions[eid]
    assert words.strip('"') in node.text  # the enacted words, unchanged
    assert node.catatan.startswith("Demikian tertulis dalam teks sumber") and words in node.catatan
