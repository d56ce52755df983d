"""The situations a handbook works through and the trainer's session plans (`kodeetik.sesi`), on the
real data: only situations the regulation itself decides, cited in human words, plans of 60 and 90
minutes. No build."""

from __future__ import annotations

import dataclasses
import re

import pytest
from conftest import ROOT

from macros.kodeetik.pipeline import load_site
from macros.kodeetik.sesi import KASUS_BUKU, decided, kasus_buku, rencana

ID_RE = re.compile(r"\b[a-z]+_\d+[a-z]?(?:__|\b)|__[a-z]+_")
"""A provision id (`bab_3__pasal_11__huruf_c`, `lampiran_1`): never printed."""


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT / "regulations")


def in_force(site):
    return [r for r in site.corpus.regulations if r.status.keadaan != "dicabut"]


def test_handbook_situations_are_decided_by_the_code_and_cover_different_kinds(site):
    for reg in in_force(site):
        chosen = kasus_buku(reg, site.kasus)
        assert len(chosen) == KASUS_BUKU, reg.id
        assert len({d.kasus.jenis for d in chosen}) == KASUS_BUKU, reg.id  # one per kind, when it can
        for d in chosen:
            assert d.kasus.dasar.get(reg.id), (reg.id, d.kasus.id)
            assert d.dasar and not any(ID_RE.search(label) for label in d.dasar), d.dasar
    # Negative control: a situation without this regulation's provisions is never chosen.
    reg = in_force(site)[0]
    stripped = tuple(dataclasses.replace(k, dasar={r: v for r, v in k.dasar.items() if r != reg.id})
                     for k in site.kasus)
    assert decided(reg, stripped) == () and rencana(reg, stripped) == () and kasus_buku(reg, stripped) == ()
    assert len(decided(reg, site.kasus)) == sum(1 for k in site.kasus if reg.id in k.dasar)


def test_session_plans_last_60_and_90_minutes_and_discuss_decided_situations(site):
    for reg in in_force(site):
        plans = rencana(reg, site.kasus)
        assert [p.menit for p in plans] == [60, 90]
        for plan in plans:
            assert sum(step.menit for step in plan.langkah) == plan.menit, (reg.id, plan.menit)
            discussed = [d for step in plan.langkah for d in step.kasus]
            assert discussed and all(reg.id in d.kasus.dasar for d in discussed), reg.id
            assert len({d.kasus.id for d in discussed}) == len(discussed)
            assert all(step.pertanyaan for step in plan.langkah)
        assert len([d for s in plans[1].langkah for d in s.kasus]) > len([d for s in plans[0].langkah for d in s.kasus])


def test_citations_name_provisions_in_human_words(site):
    bengkayang = next(r for r in site.corpus.regulations if r.id == "perbup-bengkayang-51-2020")
    amplop = next(d for d in decided(bengkayang, site.kasus) if d.kasus.id == "amplop-di-map")
    assert amplop.dasar == ("Pasal 8 huruf f", "Pasal 11 huruf f")
    # The id pattern is real: it finds what the labels must not hold.
    assert ID_RE.search("lihat bab_3__pasal_11__huruf_c") and ID_RE.search("diberi id bab_5a.")
    assert not ID_RE.search("Pasal 11 huruf c; Lampiran I angka 3; Diktum KESATU")
