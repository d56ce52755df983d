"""Find the issuing region and body in the project's registries (`_wilayah.yaml`,
`_penyelenggara.yaml`), without validating them (that is the loader's job)."""

from __future__ import annotations

import re
from pathlib import Path

from .. import yamlio
from ..loader import PENYELENGGARA_FILE, WILAYAH_FILE, slugify


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _read(path: Path, key: str) -> list[dict]:
    try:
        data = yamlio.load(yamlio.read_text(str(path)))
    except (OSError, yamlio.YamlProblem):
        return []
    items = data.get(key) if isinstance(data, dict) else None
    return [i for i in items or [] if isinstance(i, dict)]


class Registry:
    def __init__(self, data_dir: Path | None):
        self.wilayah = _read(data_dir / WILAYAH_FILE, "wilayah") if data_dir else []
        self.penyelenggara = _read(data_dir / PENYELENGGARA_FILE, "penyelenggara") if data_dir else []

    def find_wilayah(self, jenis: str, nama: str) -> dict | None:
        for w in self.wilayah:
            if w.get("jenis") == jenis and _norm(w.get("nama") or "") == _norm(nama):
                return w
        return None

    def find_penyelenggara(self, kode: str, nama: str | None) -> dict | None:
        here = [p for p in self.penyelenggara if p.get("wilayah") == kode]
        if nama:
            for p in here:
                if _norm(p.get("nama") or "") == _norm(nama):
                    return p
            return None
        gov = [p for p in here if _norm(p.get("nama") or "").startswith("pemerintah")]
        return gov[0] if len(gov) == 1 else None


REGION = re.compile(r"\b(PROVINSI|KABUPATEN|KOTA)\s+([A-Z][A-Z .'-]*?)(?=,|\.|$|\s+(?:NOMOR|TENTANG|DI|DAN)\b)",
                    re.IGNORECASE)


def region_of(jenis_kind: str | None, issuer: str | None, texts: list[str]) -> tuple[str, str] | None:
    """(jenis, name) of the issuing region: from the title's issuer ("BUPATI BENGKAYANG" ->
    kabupaten Bengkayang), else from a body's name or the heading ("DINAS SOSIAL PROVINSI BANTEN")."""
    if jenis_kind and issuer and not re.search(r"\b(DINAS|BADAN)\b", issuer, re.IGNORECASE):
        name = re.sub(r"^(PROVINSI|KABUPATEN|KOTA)\s+", "", issuer, flags=re.IGNORECASE)
        return jenis_kind, name.title()
    for text in ([issuer] if issuer else []) + texts:
        m = REGION.search(text or "")
        if m:
            return m.group(1).lower(), m.group(2).strip().title()
    return None


def body_name(jenis: str | None, issuer: str | None, tentang: str | None) -> str | None:
    """The body a regulation governs when it is not the whole regional government: the issuing
    Dinas/Badan of a Keputusan (or Peraturan) Kepala Dinas, or "di Lingkungan <Dinas ...>" in the subject."""
    if tentang:
        m = re.search(r"\bdi Lingkungan\s+((?:Dinas|Badan|Sekretariat|Inspektorat|Satuan|Rumah Sakit)\b.*)$",
                      tentang, re.IGNORECASE)
        if m:
            return m.group(1)
    if jenis and jenis.startswith(("Keputusan Kepala", "Peraturan Kepala")) and issuer:
        return f"{jenis.split()[-1]} {issuer}"  # "Keputusan Kepala Dinas" + "SOSIAL ..." -> "Dinas SOSIAL ..."
    return None


__all__ = ["Registry", "region_of", "body_name", "slugify"]
