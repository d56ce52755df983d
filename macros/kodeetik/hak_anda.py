""""Hak Anda": plain-language statements for citizens, each traced to the provisions it explains.

The statements are written by the site's editors (`regulations/_hak_anda.yaml`, or an item's
`penjelasan` in `_topik.yaml`); they are explanations, never legal text. Which provisions a
statement explains is not guessed: it is the topic coding (`regulations/_topik/<id>.yaml`). A
regulation shows a statement only when it tags the statement's item, and the statement links to
exactly the provisions so tagged. Loading lives in `warga_loader.py`; nothing here knows MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .model import Regulation
from .nasional import AturanNasional
from .labels import ref_label
from .topics import ButirTopik, Topics

PENGADUAN = "pengaduan"
"""Key of the section that also lists the complaint channels (it must exist)."""


@dataclass(frozen=True, slots=True)
class BagianHak:
    """A section of every "Hak Anda" page, as configured in `_hak_anda.yaml`."""

    kunci: str
    """Key: the section's anchor on the page (`larangan`)."""
    judul: str
    """Heading shown to readers."""
    pengantar: str | None
    """Introductory sentence (an explanation by the editors), or None."""
    butir: tuple[str, ...]
    """Full keys of the topic items it states, in order (area keys already expanded)."""
    line: int
    """Line in `_hak_anda.yaml`, for messages."""


@dataclass(frozen=True)
class HakAndaData:
    """The configuration of the "Hak Anda" pages (`_hak_anda.yaml`)."""

    bagian: tuple[BagianHak, ...]
    """Sections in page order."""
    ringkasan_bagian: str
    """Key of the section whose statements the first screen names."""
    ringkasan_jumlah: int
    """How many statements the first screen names at most."""
    pernyataan: Mapping[str, str]
    """Item key -> the citizen's wording of it (else the item's `penjelasan`)."""

    def teks(self, item: ButirTopik) -> str:
        """The statement shown for an item."""
        return self.pernyataan.get(item.key, item.penjelasan)


@dataclass(frozen=True)
class DasarKetentuan:
    """A provision a statement explains."""

    eid: str
    """Provision id (the anchor on the regulation's page)."""
    label: str
    """Short name, e.g. `Pasal 11 huruf c`."""


@dataclass(frozen=True)
class Pernyataan:
    """One plain-language statement on a region's page, with the provisions it explains."""

    item: ButirTopik
    """The topic item it states."""
    teks: str
    """The explanation (editorial, shown marked "Penjelasan")."""
    anchor: str
    """Its id on the page."""
    dasar: tuple[DasarKetentuan, ...]
    """The provisions tagged with the item, in document order (never empty)."""


@dataclass(frozen=True)
class BagianPeraturan:
    """A section filled for one regulation."""

    bagian: BagianHak
    """The configured section."""
    pernyataan: tuple[Pernyataan, ...]
    """Its statements that the regulation supports (possibly none)."""
    nasional: tuple[AturanNasional, ...] = ()
    """National rules on its items that the regulation does not cover (only when its coding is
    complete: otherwise a missing tag proves nothing)."""


@dataclass(frozen=True)
class HakPeraturan:
    """Everything a "Hak Anda" page says about one regulation."""

    reg: Regulation
    """The regulation."""
    bagian: tuple[BagianPeraturan, ...]
    """Sections in page order."""
    ringkasan: tuple[Pernyataan, ...]
    """What the first screen names (from the summarised section)."""
    lainnya: int
    """Statements of the summarised section that the first screen does not name."""
    ringkasan_kunci: str
    """Key of the summarised section (where "and N more" points)."""
    lengkap: bool
    """Whether the regulation's coding is complete (else a missing statement proves nothing)."""
    prefix: str
    """Prefix of the anchors of this regulation's statements and sections on the page."""
    ringkasan_nasional: tuple[AturanNasional, ...] = ()
    """National rules on items of the summarised section this regulation is silent on."""

    def bagian_id(self, kunci: str) -> str:
        return f"{self.prefix}{kunci}"

    def nasional_id(self, kunci: str, rule: AturanNasional) -> str:
        """Anchor of a national rule stated in section `kunci`."""
        return f"{self.prefix}{kunci}-nasional-{rule.item.replace('.', '-')}"


def _within(eid: str, other: str) -> bool:
    """Whether provision `eid` is `other` or nested in it."""
    return eid == other or eid.startswith(other + "__")


def hak_peraturan(reg: Regulation, data: HakAndaData, topics: Topics, prefix: str = "",
                  nasional: Mapping[str, AturanNasional] | None = None) -> HakPeraturan:
    """The statements of every section for one regulation.

    The first screen names the summarised section's statements that concern what a citizen meets at
    the counter: when the regulation has a larangan poster, those whose provisions the poster
    quotes (the editors chose them for citizens); otherwise all of them. At most
    `data.ringkasan_jumlah`, in the section's order.
    """
    sections = []
    for bagian in data.bagian:
        out = []
        for key in bagian.butir:
            hits = topics.hits_for(key, reg.id)
            if not hits:
                continue
            item = topics.items[key]
            out.append(Pernyataan(
                item=item, teks=data.teks(item), anchor=f"{prefix}{bagian.kunci}-{key.replace('.', '-')}",
                dasar=tuple(DasarKetentuan(h.node.eid, ref_label(reg, h.node.eid)) for h in hits)))
        covered = {p.item.key for p in out}
        silent = tuple(nasional[k] for k in bagian.butir
                       if nasional and k in nasional and k not in covered and topics.is_complete(reg.id))
        sections.append(BagianPeraturan(bagian=bagian, pernyataan=tuple(out), nasional=silent))
    summarised = next(s for s in sections if s.bagian.kunci == data.ringkasan_bagian)
    chosen = list(summarised.pernyataan)
    quoted = reg.poster.larangan if reg.poster is not None else ()
    if quoted:
        on_poster = [p for p in chosen if any(_within(d.eid, q)
                                              for d in p.dasar for q in quoted)]
        chosen = on_poster or chosen
    ringkasan = tuple(chosen[: data.ringkasan_jumlah])
    return HakPeraturan(reg=reg, bagian=tuple(sections), ringkasan=ringkasan,
                        lainnya=len(summarised.pernyataan) - len(ringkasan), ringkasan_kunci=data.ringkasan_bagian,
                        lengkap=topics.is_complete(reg.id), prefix=prefix,
                        ringkasan_nasional=summarised.nasional)
