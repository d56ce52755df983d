"""Provision labels (`macros/kodeetik/labels.py`) on small hand-made texts: a unit's own name, the
citation of a provision, a poster's selection of items, the comparisons' short label, a handbook
part's Pasal range. No build; the labels of the real data are in test_citation_labels.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from macros.kodeetik.labels import (citation, heading_in_citation, item_label, join_labels, lampiran_label,
                                    pasal_range, provision_label, ref_label, selection_label, unit_label)


@dataclass(frozen=True)
class N:
    type: str
    num: str | None
    eid: str
    heading: str | None = None
    children: tuple[N, ...] = ()

    def walk(self) -> Iterator[N]:
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass(frozen=True)
class Lamp:
    num: str | None
    eid: str
    children: tuple[N, ...] = ()


@dataclass
class Doc:
    batang_tubuh: tuple[N, ...] = ()
    lampiran: tuple[Lamp, ...] = ()
    menimbang: tuple[N, ...] = ()
    mengingat: tuple[N, ...] = ()
    diktum: tuple[N, ...] = ()
    nama_resmi: str = "Peraturan Bupati Contoh Nomor 1 Tahun 2024"
    provisions: dict[str, N] = field(default_factory=dict)

    def __post_init__(self) -> None:
        roots = [*self.batang_tubuh, *self.menimbang, *self.mengingat, *self.diktum,
                 *(n for lp in self.lampiran for n in lp.children)]
        self.provisions = {n.eid: n for r in roots for n in r.walk()}


HURUF = tuple(N("huruf", c, f"bab_3__pasal_11__huruf_{c}") for c in "abcdef")
PASAL_11 = N("pasal", "11", "bab_3__pasal_11", children=HURUF)
PASAL_12 = N("pasal", "12", "bab_3__pasal_12", children=(N("ayat", "1", "bab_3__pasal_12__ayat_1"),))
BAB_3 = N("bab", "III", "bab_3", heading="LARANGAN", children=(PASAL_11, PASAL_12))
SLIDES = N("bab", "3", "bab_4", heading="LARANGAN PELAKSANA YANLIK", children=(
    N("butir", None, "bab_4__butir_1"), N("butir", None, "bab_4__butir_2"), N("butir", None, "bab_4__butir_3")))
DOC = Doc(batang_tubuh=(BAB_3, SLIDES))


def test_a_unit_is_named_by_its_type_and_number():
    assert [unit_label(n) for n in (BAB_3, PASAL_11, HURUF[2], PASAL_12.children[0])] == [
        "BAB III", "Pasal 11", "huruf c", "ayat (1)"]
    assert unit_label(N("teks", None, "teks_1")) == "paragraf"  # an unnumbered paragraph
    assert (lampiran_label(None), lampiran_label("II")) == ("Lampiran", "Lampiran II")


def test_a_citation_leaves_out_the_bab_once_a_pasal_is_in_the_chain():
    assert provision_label(DOC, "bab_3__pasal_11__huruf_c") == "Pasal 11 huruf c"
    assert provision_label(DOC, "bab_3") == "BAB III"  # negative control: no Pasal, the BAB stays
    assert citation(DOC, "bab_3__pasal_12__ayat_1") == "Pasal 12 ayat (1) Peraturan Bupati Contoh Nomor 1 Tahun 2024"


def test_unnumbered_units_are_told_apart_by_their_place():
    assert provision_label(DOC, "bab_4__butir_3") == "BAB 3 butir ke-3"
    assert ref_label(DOC, "bab_4__butir_3") == "BAB 3 butir ke-3"
    assert heading_in_citation("LARANGAN PELAKSANA DAN YANLIK") == "Larangan Pelaksana dan Yanlik"
    assert heading_in_citation("Sudah Ditulis") == "Sudah Ditulis"


def test_a_selection_names_runs_of_three_or_more_as_a_range():
    assert selection_label(DOC, PASAL_11, HURUF[1:5]) == "Pasal 11 huruf b sampai dengan huruf e"
    assert selection_label(DOC, PASAL_11, [HURUF[1], HURUF[2]]) == "Pasal 11 huruf b dan huruf c"
    assert selection_label(DOC, PASAL_11, [HURUF[0], HURUF[2], HURUF[3], HURUF[4]]) == \
        "Pasal 11 huruf a dan huruf c sampai dengan huruf e"
    assert selection_label(DOC, PASAL_11, HURUF) == "Pasal 11"  # all of them: the Pasal itself
    assert selection_label(DOC, None, [PASAL_11, PASAL_12]) == "Pasal 11 dan Pasal 12"


def test_items_lists_and_ranges():
    assert item_label(SLIDES.children[1]) == "butir ke-2" and item_label(HURUF[0]) == "huruf a"
    assert join_labels([]) == "" and join_labels(["a"]) == "a" and join_labels(["a", "b", "c"]) == "a, b dan c"
    assert pasal_range([BAB_3]) == "Pasal 11–12"
    assert pasal_range([PASAL_12]) == "Pasal 12"
    assert pasal_range([SLIDES]) == ""
