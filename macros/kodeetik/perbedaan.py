"""How one regulation differs from the others, by topic: what a trainer's comparison sheet shows.

From the topic coding alone: per area, the items the regulation tags that no other regulation tags
("only here"), and the items it does not tag that most others do ("others have, this one lacks").
Only regulations whose coding is complete are compared (an untagged provision would look like a
missing topic). Items are compared by meaning, not by area: an item another regulation holds under a
related item (`terkait`: "disiplin" as a value where others list it as a rule of conduct) or one of
its group of close meaning (the quiz's `serupa`: a code that forbids accepting an imbalan does not
lack "pungli") is not "lacking", and an item is not "only here" when others hold a related one. Lists are cut to a fixed length so the sheet stays one page at any corpus size;
the full matrices are on the comparison pages. Nothing here knows MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .model import Corpus, Regulation
from .topics import Bidang, ButirTopik, Topics, related_keys

MAKS_BUTIR = 6
"""Items named per list; the rest are counted ("dan 4 lainnya")."""
MAKS_PEMBANDING = 8
"""Compared regulations named on the sheet; beyond that they are only counted (with 551 of them, a
list of names alone would fill the page)."""
AMBANG_KURANG = 0.5
"""An item the regulation lacks is listed when at least this share of the others has it."""


@dataclass(frozen=True)
class Kurang:
    """An item the regulation lacks, with how many of the others have it."""

    item: ButirTopik
    """The item."""
    jumlah: int
    """How many of the compared regulations tag it."""


@dataclass(frozen=True)
class BarisBidang:
    """One area of the sheet."""

    area: Bidang
    """The area."""
    di_sini: int
    """Items of the area the regulation tags."""
    rata_rata: float
    """Mean number of the area's items the other regulations tag."""
    hanya: tuple[ButirTopik, ...]
    """Items only this regulation tags (at most MAKS_BUTIR)."""
    hanya_lain: int
    """How many more such items there are."""
    kurang: tuple[Kurang, ...]
    """Items most others tag and this one does not (at most MAKS_BUTIR, most common first)."""
    kurang_lain: int
    """How many more such items there are."""

    @property
    def berbeda(self) -> bool:
        return bool(self.hanya or self.kurang)


@dataclass(frozen=True)
class Perbedaan:
    """The sheet of one regulation."""

    reg: Regulation
    """The regulation."""
    pembanding: tuple[Regulation, ...]
    """The regulations it is compared with (fully coded, in force, not itself)."""
    lengkap: bool
    """Whether its own coding is complete (else the sheet says it cannot compare yet)."""
    baris: tuple[BarisBidang, ...]
    """Every area, in taxonomy order."""

    @property
    def berbeda(self) -> tuple[BarisBidang, ...]:
        """The areas where it differs."""
        return tuple(b for b in self.baris if b.berbeda)


def comparable(corpus: Corpus, topics: Topics) -> dict[str, frozenset[str]]:
    """Item key -> ids of the regulations that can be compared (in force, fully coded) and tag it.
    Computed once for all sheets, so a sheet costs one pass over the taxonomy."""
    regs = [r for r in corpus.regulations if r.status.keadaan != "dicabut" and topics.is_complete(r.id)]
    return {key: frozenset(r.id for r in regs if topics.hits_for(key, r.id)) for key in topics.items}


def perbedaan(reg: Regulation, corpus: Corpus, topics: Topics,
              tagged_by: dict[str, frozenset[str]] | None = None,
              serupa: Mapping[str, frozenset[str]] | None = None) -> Perbedaan:
    """The sheet of `reg`; pass `comparable(corpus, topics)` when making many. `serupa`: item key ->
    its group of close meaning (`KuisData.serupa`), compared as one."""
    serupa = serupa or {}
    tagged_by = tagged_by if tagged_by is not None else comparable(corpus, topics)
    others = tuple(r for r in corpus.regulations
                   if r.id != reg.id and r.status.keadaan != "dicabut" and topics.is_complete(r.id))
    held = {key for key, ids in tagged_by.items() if reg.id in ids} | {
        i.key for i in topics.items.values() if topics.hits_for(i.key, reg.id)}
    held |= {k for key in held for k in serupa.get(key, ())}

    def alike(i: ButirTopik) -> set[str]:
        return related_keys(i, topics) | (serupa.get(i.key, frozenset()) - {i.key})

    rows = []
    for area in topics.areas:
        here = [i for i in area.items if topics.hits_for(i.key, reg.id)]
        counts = {i.key: len(tagged_by[i.key] - {reg.id}) for i in area.items}
        only = [i for i in here if counts[i.key] == 0
                and not any(tagged_by.get(k, frozenset()) - {reg.id} for k in alike(i))] if others else []
        lacks = [Kurang(i, counts[i.key]) for i in area.items
                 if i.key not in held and not alike(i) & held
                 and others and counts[i.key] >= AMBANG_KURANG * len(others)]
        lacks.sort(key=lambda k: -k.jumlah)  # stable: taxonomy order among equals
        mean = (sum(counts.values()) / len(others)) if others else 0.0
        rows.append(BarisBidang(area=area, di_sini=len(here), rata_rata=mean,
                                hanya=tuple(only[:MAKS_BUTIR]), hanya_lain=max(0, len(only) - MAKS_BUTIR),
                                kurang=tuple(lacks[:MAKS_BUTIR]), kurang_lain=max(0, len(lacks) - MAKS_BUTIR)))
    return Perbedaan(reg=reg, pembanding=others, lengkap=topics.is_complete(reg.id), baris=tuple(rows))
