"""A regulation's scope (`lingkup:`): which body or bodies its code binds, as data.

A code titled "Kabupaten Sumbawa" may bind one office only (its DPMPTSP): a citizen at another
office must not take it for that office's rule. The editors write who is bound in plain words, say
whether it is one office or the whole regional government, and point to the provisions that say so.
Read by the regulation loader; nothing here knows MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .schema import Deferred, Reader, Schema, Str

INSTANSI = {"satu": "satu instansi", "pemerintah_daerah": "seluruh pemerintah daerah"}
"""What `instansi` may be: one office, or every office of the region's government."""


@dataclass(frozen=True, slots=True)
class Lingkup:
    """Who a code binds."""

    mengikat: str
    """Who is bound, in plain words, to follow "Kode ini mengikat ..." (e.g. `pegawai Dinas Sosial
    Provinsi Banten`); an explanation by the editors."""
    instansi: str
    """`satu` (one office: other offices of the region are not bound) or `pemerintah_daerah`."""
    dasar: tuple[str, ...]
    """Provision ids that state the scope (checked to exist), in the order given."""

    @property
    def satu_instansi(self) -> bool:
        return self.instansi == "satu"


LINGKUP_SCHEMA = Schema(mengikat=Str(required=True), instansi=Str(required=True), dasar=Deferred())
"""A regulation's `lingkup:` (`dasar`, provision ids, is read at its own place, `lingkup > dasar`)."""


def read_lingkup(r: Reader, m: Any, provisions: Mapping[str, Any]) -> Lingkup | None:
    """A regulation's `lingkup:` mapping, checked; None (with errors reported) when it is wrong."""
    where = "lingkup"
    lm = r.mapping(m.get("lingkup"), r.line_of(m, "lingkup"), where)
    v = LINGKUP_SCHEMA.read(r, lm, where) if lm is not None else None
    if v is None:
        return None
    mengikat, instansi = v["mengikat"], v["instansi"]
    if instansi is not None and instansi not in INSTANSI:
        r.err(v.line("instansi"), where, f"'instansi' is '{instansi}'.",
              f"write one of: {', '.join(INSTANSI)} (one office, or every office of the regional government).")
        instansi = None
    dasar = r.strings(v.source, "dasar", where + " > dasar")
    for eid in dasar:
        if eid not in provisions:
            r.err(v.line("dasar"), where + " > dasar", f"there is no provision '{eid}'.",
                  "use a provision id of this regulation (the '#...' of its link on the page).")
            return None
    if mengikat is None or instansi is None:
        return None
    return Lingkup(mengikat=mengikat, instansi=instansi, dasar=dasar)
