"""The national rule where a local code is silent (`regulations/_aturan_nasional.yaml`).

A regional code of ethics binds only the staff it names; some rules bind every public-service
officer whatever a local code says (UU 25/2009 on pelayanan publik, ...). For a topic item, the
editors state that rule in plain words, as an explanation (never quoted law), linked to an
instrument of the catalogue of legal bases (`_dasar_hukum.yaml`), whose page shows its status and
the source of that status. Comparison cells, Hak Anda and the side-by-side view show it where a
regulation does not cover the item, instead of a bare "not regulated". Nothing here knows MkDocs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from .dasar import Instrumen, Katalog
from .errors import Collector, display_path
from .loader import _read_file
from .schema import Entries, Keyed, Reader, Record, Schema, Str
from .topics import Topics

NASIONAL_FILE = "_aturan_nasional.yaml"
SIFAT = {"dilarang": "tetap dilarang", "wajib": "tetap wajib"}
"""What the national rule does, and how the site says it after "Tidak diatur dalam kode ini;"."""


@dataclass(frozen=True, slots=True)
class DasarNasional:
    """One national instrument a statement rests on."""

    instrumen: Instrumen
    """The catalogue entry (its page shows status and source)."""
    pasal: str | None
    """The provision, only where the editors verified it (e.g. `Pasal 34`)."""

    @property
    def label(self) -> str:
        return f"{self.pasal} {self.instrumen.singkatan}" if self.pasal else self.instrumen.singkatan


@dataclass(frozen=True, slots=True)
class AturanNasional:
    """The national rule on one topic item."""

    item: str
    """Full key of the topic item (`larangan.pungli`)."""
    sifat: str
    """`dilarang` or `wajib`."""
    penjelasan: str
    """The editors' plain-language statement; an explanation, never legal text."""
    dasar: tuple[DasarNasional, ...]
    """The instruments, at least one."""

    @property
    def tetap(self) -> str:
        """"tetap dilarang" / "tetap wajib"."""
        return SIFAT[self.sifat]


ATURAN_SCHEMA = Schema(sifat=Str(required=True), penjelasan=Str(required=True), dasar=Entries(required=True))
"""The national rule on one item (`dasar` is read by `_dasar`)."""
DASAR_SCHEMA = Schema(instrumen=Str(required=True), pasal=Str())
"""One instrument a national rule rests on."""


def load_nasional(directory: str | os.PathLike, topics: Topics, katalog: Katalog,
                  display_root: str | os.PathLike | None = None) -> Mapping[str, AturanNasional]:
    """Item key -> its national rule; an absent file gives none. Raises DataErrors with every problem."""
    path = Path(directory) / NASIONAL_FILE
    shown = display_path(path, Path(display_root) if display_root is not None else Path(directory).parent)
    if not path.exists():
        return MappingProxyType({})
    errors = Collector()
    r = Reader(errors, shown)
    data = _read_file(errors, path, shown)
    out: dict[str, AturanNasional] = {}
    top = Schema(butir=Keyed(required=True)).read_file(r, data)
    if top is not None and top["butir"] is not None:
        items = top["butir"]
        for key in items:
            where = f"butir {key}"
            line = items.key_lines.get(key)
            if key not in topics.items:
                r.err(line, where, f"'{key}' is not a topic item of _topik.yaml.",
                      "use a full item key as in the coding files, e.g. larangan.pungli.")
                continue
            entry = r.mapping(items[key], line, where)
            v = ATURAN_SCHEMA.read(r, entry, where) if entry is not None else None
            if v is None:
                continue
            sifat, penjelasan = v["sifat"], v["penjelasan"]
            if sifat is not None and sifat not in SIFAT:
                r.err(v.line("sifat"), where, f"'sifat' is '{sifat}'.", f"write one of: {', '.join(SIFAT)}.")
                sifat = None
            dasar = _dasar(r, v, where, katalog)
            if sifat and penjelasan and dasar:
                out[key] = AturanNasional(item=key, sifat=sifat, penjelasan=penjelasan, dasar=dasar)
    errors.raise_if_any()
    return MappingProxyType(out)


def _dasar(r: Reader, entry: Record, where: str, katalog: Katalog) -> tuple[DasarNasional, ...]:
    seq = entry["dasar"]
    if not seq:
        r.err(entry.line("dasar"), where, "the statement names no instrument.",
              "add at least one '- instrumen: <id>' from _dasar_hukum.yaml under 'dasar'.")
        return ()
    out = []
    for item, line in zip(seq, seq.item_lines):
        d = r.mapping(item, line, where + " > dasar")
        v = DASAR_SCHEMA.read(r, d, where + " > dasar") if d is not None else None
        if v is None:
            continue
        iid = v["instrumen"]
        ins = katalog.by_id.get(iid) if iid else None
        if iid and ins is None:
            r.err(v.line("instrumen"), where, f"'{iid}' is not an instrument of _dasar_hukum.yaml.",
                  "add the instrument there first, with its status and the source of that status.")
            continue
        if ins is not None and ins.status.keadaan in ("dicabut", "belum_diperiksa"):
            r.err(v.line("instrumen"), where,
                  f"{ins.singkatan} is {ins.status.keadaan.replace('_', ' ')} in _dasar_hukum.yaml: "
                  "a national rule must rest on an instrument known to be in force.",
                  "cite the instrument that replaced it, or check its status first.")
            continue
        if ins is not None:
            out.append(DasarNasional(instrumen=ins, pasal=v["pasal"]))
    return tuple(out)
