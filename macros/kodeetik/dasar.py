"""The catalogue of legal bases (`regulations/_dasar_hukum.yaml`): every instrument the regulations cite.

Each instrument carries its status (in force, amended, revoked; by what; since when; and the source of
that fact), so the site can tell a reader that a regulation still rests on a revoked law. Mengingat
items are matched to instruments by kind, number and year (`match_dasar`). Nothing here knows MkDocs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from . import yamlio
from .citations import UUD, Instrument, normalise_jenis
from .errors import Collector
from .loader import _read_file
from .model import Corpus, DasarMengingat, Regulation
from .schema import Choice, Date, Entries, Id, Nested, Reader, Schema, Str, Texts, Year, named

DASAR_FILE = "_dasar_hukum.yaml"
KEADAAN = {
    "berlaku": "Berlaku",
    "diubah": "Berlaku dengan perubahan",
    "dicabut": "Dicabut",
    "belum_diperiksa": "Status belum diperiksa",
}
"""Statuses of an instrument, with the label readers see."""

_REGIONAL_BARE = ("Peraturan Daerah", "Peraturan Gubernur", "Peraturan Bupati", "Peraturan Wali Kota",
                  "Keputusan Gubernur", "Keputusan Bupati", "Keputusan Wali Kota")
"""Kinds a regional Mengingat may write without the region, meaning the citing region's own."""


@dataclass(frozen=True, slots=True)
class StatusInstrumen:
    """Whether an instrument is in force, and how we know."""

    keadaan: str
    """One of KEADAAN's keys."""
    oleh: tuple[str, ...]
    """Ids (in the catalogue) of the instruments that revoked or amended it."""
    sejak: dt.date | None
    """When that took effect, if known."""
    sumber: str | None
    """Where the fact is stated (Bahasa Indonesia); None only while `belum_diperiksa`."""
    catatan: str | None
    """What a reader should know about the status (Bahasa Indonesia)."""
    diperiksa: dt.date | None = None
    """When the editors last checked the status against its source (required with a source): shown
    as "status diperiksa pada ...", so a reader can judge how fresh it is."""

    @property
    def label(self) -> str:
        return KEADAAN[self.keadaan]


@dataclass(frozen=True, slots=True)
class Instrumen:
    """An instrument cited by the regulations: a law, regulation or decision, national or regional."""

    id: str
    """Slug, e.g. `uu-5-2014`; used in URLs."""
    jenis: str
    """Kind in full, with its region for a regional instrument: `Peraturan Gubernur Kalimantan Barat`."""
    nomor: str | None
    """Number as written; None for the Constitution."""
    tahun: int
    """Year."""
    tentang: str | None
    """Subject."""
    singkatan: str
    """Short name, e.g. `UU 5/2014`."""
    wilayah: str | None
    """Kemendagri code of the issuing region for a regional instrument; None for a national one."""
    status: StatusInstrumen
    """In force or not."""
    line: int
    """Line in the catalogue file, for messages."""

    @property
    def nama(self) -> str:
        """`Undang-Undang Nomor 5 Tahun 2014`."""
        return str(Instrument(self.jenis, self.nomor, self.tahun))

    @property
    def is_daerah(self) -> bool:
        return self.wilayah is not None

    @property
    def key(self) -> tuple[str, str, int | None]:
        return Instrument(self.jenis, self.nomor, self.tahun).key


@dataclass(frozen=True)
class Katalog:
    """Every instrument in `_dasar_hukum.yaml`, by id and by (kind, number, year)."""

    instrumen: tuple[Instrumen, ...]
    """In file order."""
    path: str
    """The file, for messages."""
    by_id: Mapping[str, Instrumen]
    """Instruments by id."""
    by_key: Mapping[tuple, Instrumen]
    """Instruments by Instrument.key."""

    def find(self, inst: Instrument) -> Instrumen | None:
        found = self.by_key.get(inst.key)
        if found is None and inst.tahun is None:
            # "Nomor 5" without a year still names one instrument when only one has that number.
            hits = [i for k, i in self.by_key.items() if k[:2] == inst.key[:2]]
            found = hits[0] if len(hits) == 1 else None
        return found

    def replaced_by(self, ins: Instrumen) -> list[Instrumen]:
        return [self.by_id[i] for i in ins.status.oleh]

    def replaces(self, ins: Instrumen) -> list[Instrumen]:
        return [i for i in self.instrumen if ins.id in i.status.oleh]


def qualified_jenis(corpus: Corpus, reg: Regulation, jenis: str) -> str:
    """`Peraturan Daerah` in a Bengkayang regulation means `Peraturan Daerah Kabupaten Bengkayang`."""
    j = normalise_jenis(jenis)
    if j not in _REGIONAL_BARE:
        return j
    wil = reg.wilayah
    if j.endswith("Gubernur") and not wil.is_provinsi:
        wil = corpus.province_of(wil)
    if j == "Peraturan Daerah":
        return f"{j} {wil.nama_lengkap}"
    return f"{j} {wil.nama}"


def match_dasar(katalog: Katalog, corpus: Corpus, reg: Regulation, dasar: DasarMengingat) -> Instrumen | None:
    """The catalogue instrument a Mengingat item's `dasar` names, or None."""
    if dasar.jenis is None:
        return None
    jenis = qualified_jenis(corpus, reg, dasar.jenis)
    return katalog.find(Instrument(jenis, dasar.nomor, dasar.tahun))


def load_katalog(directory: str | Path, corpus: Corpus, display: str | None = None) -> tuple[Katalog, list]:
    """Read and validate the catalogue; return it with the DataErrors found (empty when valid)."""
    path = Path(directory) / DASAR_FILE
    shown = display or str(path)
    errors = Collector()
    empty = Katalog((), shown, MappingProxyType({}), MappingProxyType({}))
    if not path.is_file():
        errors.add(shown, None, "", "the catalogue of legal bases is missing.",
                   "restore regulations/_dasar_hukum.yaml (see regulations/README.md).")
        return empty, errors.errors
    data = _read_file(errors, path, shown)
    r = Reader(errors, shown)
    top = Schema(instrumen=Entries(required=True)).read_file(r, data)
    if top is None:
        return empty, errors.errors
    kodes = {w.kode for w in corpus.wilayah}
    out: list[Instrumen] = []
    oleh_refs: list[tuple[Instrumen, yamlio.Map]] = []
    items = top["instrumen"]
    for item, line in zip(items, items.item_lines):
        ins = _instrumen(r, item, line, kodes)
        if ins is not None:
            out.append(ins[0])
            oleh_refs.append(ins)
    by_id: dict[str, Instrumen] = {}
    by_key: dict[tuple, Instrumen] = {}
    for ins in out:
        if ins.id in by_id:
            r.err(ins.line, ins.id, f"id '{ins.id}' is used twice (first at line {by_id[ins.id].line}).",
                  "give each instrument its own id.")
        if ins.key in by_key:
            r.err(ins.line, ins.id, f"{ins.nama} is listed twice (first as '{by_key[ins.key].id}').",
                  "keep one entry per instrument.")
        by_id.setdefault(ins.id, ins)
        by_key.setdefault(ins.key, ins)
    for ins, st in oleh_refs:
        for oid in ins.status.oleh:
            if oid not in by_id:
                r.err(r.line_of(st, "oleh"), f"{ins.id} > status", f"'oleh' names '{oid}', which is not in this file.",
                      "add that instrument to the catalogue, or use the id of one listed here.")
            elif oid == ins.id:
                r.err(r.line_of(st, "oleh"), f"{ins.id} > status", "an instrument cannot revoke itself.",
                      "name the instrument that revoked or amended it.")
    return Katalog(tuple(out), shown, MappingProxyType(by_id), MappingProxyType(by_key)), errors.errors


STATUS_SCHEMA = Schema(keadaan=Choice(KEADAAN), oleh=Texts(), sejak=Date(), sumber=Str(), catatan=Str(),
                       diperiksa=Date())
"""Whether an instrument is in force, and how we know."""
INSTRUMEN_SCHEMA = Schema(
    id=Id("uu-5-2014", reserved=("dasar-hukum/index is the address of the overview of legal bases",
                                 "name the instrument by kind, number and year, e.g. uu-5-2014.")),
    jenis=Str(required=True), tahun=Year(required=True), singkatan=Str(required=True),
    status=Nested(STATUS_SCHEMA, required=True), nomor=Str(), tentang=Str(), wilayah=Str())
"""One instrument of `_dasar_hukum.yaml`."""


def _instrumen(r: Reader, item, line: int, kodes: set[str]):
    d = r.mapping(item, line, "instrumen")
    if d is None:
        return None
    place = named(d, "id", line)
    v = INSTRUMEN_SCHEMA.read(r, d, place)
    if v is None:
        return None
    iid, jenis, nomor, wilayah = v["id"], v["jenis"], v["nomor"], v["wilayah"]
    if jenis is not None and nomor is None and normalise_jenis(jenis) != UUD:
        r.err(d.line, place, "missing 'nomor'.", "give the instrument's number as written.")
    if wilayah is not None and kodes and wilayah not in kodes:  # no kodes: the registry failed, and says so
        r.err(v.line("wilayah"), place, f"unknown wilayah '{wilayah}'.",
              "use a code from _wilayah.yaml (in quotes), or add the region there.")
    st = v["status"]
    status = None
    if st is not None:
        where = f"{place} > status"
        keadaan, oleh, sumber = st["keadaan"], st["oleh"], st["sumber"]
        if keadaan == "dicabut" and not oleh:
            r.err(st.source.line, where, "a revoked instrument needs 'oleh'.",
                  "list the id of the instrument that revoked it, e.g. oleh: [uu-20-2023].")
        if keadaan not in (None, "belum_diperiksa") and sumber is None:
            r.err(st.source.line, where, f"the status '{keadaan}' needs its 'sumber'.",
                  "say where the fact is stated (the revoking instrument's provision, an official database), "
                  "or set keadaan: belum_diperiksa.")
        if keadaan not in (None, "belum_diperiksa") and "diperiksa" not in st.source:
            r.err(st.source.line, where, f"the status '{keadaan}' needs 'diperiksa', the date its source was checked.",
                  "write the date you last checked the status against its sumber, e.g. diperiksa: '2026-12-07' "
                  "(the site shows it as \"status diperiksa pada ...\").")
        if keadaan is not None:
            status = StatusInstrumen(keadaan=keadaan, oleh=oleh, sejak=st["sejak"], sumber=sumber,
                                     catatan=st["catatan"], diperiksa=st["diperiksa"])
    if iid is None or jenis is None or v["tahun"] is None or v["singkatan"] is None or status is None:
        return None
    return Instrumen(id=iid, jenis=normalise_jenis(jenis), nomor=nomor, tahun=v["tahun"], tentang=v["tentang"],
                     singkatan=v["singkatan"], wilayah=wilayah, status=status, line=line), st.source


__all__ = ["DASAR_FILE", "KEADAAN", "Instrumen", "Katalog", "StatusInstrumen", "load_katalog", "match_dasar",
           "qualified_jenis"]
