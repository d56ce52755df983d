"""Fidelity of the data to its sources, without a build: what the source shows as two groups is two
groups, the noise list names the occurrence of a repeated line it drops and why, and the check of
test_fidelity.py (every source line on the page) then still checks the other occurrences."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from macros.kodeetik import DataErrors, load_corpus
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
    data = tmp_path / "regulations"
    shutil.copytree(ROOT / "regulations", data)
    path = data / "pergub-kaltim-8-2025.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        load_corpus(data, sources_dir=ROOT / "sources")
    except DataErrors as e:
        return [str(err) for err in e.errors]
    return []


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
