#!/usr/bin/env python3
"""Make a SYNTHETIC national-size project (38 provinces, 514 districts, 552 regulations) for the
benchmark. Never published: it exists only to measure how the build scales.

Every regulation is a copy of one of the five real ones (provinces take the two provincial texts in
turn, districts the three district texts), given a synthetic region, body, id and short name; the
enacted words are the real ones, unchanged, so pages, posters and handbooks cost what real ones
cost. Everything that names it says it is synthetic: the site name, a banner on the home page,
each short name ("[SINTETIS 11.01]"), each region ("Sintetis 11.01") and each body; the site
address is under `.invalid`, so no QR code on a synthetic poster can lead anywhere.

    .venv/bin/python scripts/synthetic_corpus.py OUT_DIR [--provinces 38 --districts 514]

OUT_DIR must be outside the repository (a temporary folder): the output is never committed. The
code, theme and templates are linked, not copied, so the project builds what the repository holds.
"""

from __future__ import annotations

import argparse
import copy
import itertools
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROVINCIAL = ("pergub-kaltim-8-2025", "kep-dinsos-banten-2024")
DISTRICT = ("perbup-bengkayang-51-2020", "perbup-sumbawa-6-2020", "kep-diskominfotik-bengkalis-2024")
MARK = "SINTETIS"
SITE_URL = "https://sintetis.invalid/"
BANNER = """!!! danger "Korpus sintetis: bukan untuk diterbitkan"
    Situs ini dibuat dari data **sintetis** hanya untuk mengukur kinerja pembangunan situs
    (`scripts/synthetic_corpus.py`). Wilayah, penyelenggara dan nomor peraturannya tidak nyata.

"""


def regions(provinces: int, districts: int, taken: set[str]) -> list[dict]:
    """Synthetic regions with valid Kemendagri-shaped codes: provinces 11, 12, ... (skipping the
    `taken` province codes of the real registry), their districts spread evenly (.01, .02, ...)."""
    codes = [f"{n:02d}" for n in range(11, 100) if f"{n:02d}" not in taken]
    if not 1 <= provinces <= len(codes):
        raise SystemExit(f"--provinces must be between 1 and {len(codes)}")
    out = []
    per, extra = divmod(districts, provinces)
    for p in range(provinces):
        kode = codes[p]
        out.append({"kode": kode, "jenis": "provinsi", "nama": f"{MARK.title()} {kode}"})
        for d in range(per + (1 if p < extra else 0)):
            dk = f"{kode}.{d + 1:02d}"
            out.append({"kode": dk, "jenis": "kabupaten",  # the copied texts are a Bupati's
                        "nama": f"{MARK.title()} {dk}"})
    return out


def _set_top(text: str, key: str, value: str) -> str:
    """Replace a top-level scalar `key: ...` line of a regulation file (comments and layout kept)."""
    new, n = re.subn(rf"(?m)^{key}:.*$", lambda _: f"{key}: {value}", text, count=1)
    if n != 1:
        raise SystemExit(f"no top-level '{key}:' line to replace")
    return new


def _local_instruments(catalogue: str) -> dict[str, list[str]]:
    """The catalogue's entries that carry a `wilayah` (regional laws), as text blocks by region."""
    blocks = re.split(r"(?m)^(?=- id: )", catalogue)[1:]
    out: dict[str, list[str]] = {}
    for block in blocks:
        block = block.split("\n\n# ")[0].rstrip("\n") + "\n"  # not the next section's comment
        m = re.search(r"(?m)^  wilayah: '?([0-9.]+)'?$", block)
        if m:
            out.setdefault(m[1], []).append(block)
    return out


def _q(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def generate(out: Path, provinces: int = 38, districts: int = 514) -> list[str]:
    """Write the synthetic project into `out` (which must not exist yet); the regulation ids."""
    out = out.resolve()
    if out == ROOT or ROOT in out.parents:
        raise SystemExit(f"{out} is inside the repository: write the synthetic corpus elsewhere "
                         "(it must never be committed or published).")
    if out.exists():
        raise SystemExit(f"{out} exists: give a new folder.")
    src = ROOT / "regulations"
    out.mkdir(parents=True)
    (out / "macros").symlink_to(ROOT / "macros")
    # Copied, not linked: the build refuses a link in the folders it publishes from (render/publish.py).
    for name in ("overrides", "sources", "content"):
        shutil.copytree(ROOT / name, out / name)
    index = out / "content" / "index.md"
    text = index.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n") if text.startswith("---\n") else ("", "", text)
    index.write_text(head + sep + BANNER + body, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^site_name: .*$", f"site_name: Kode Etik Pelayanan Publik ({MARK}, bukan untuk diterbitkan)",
                    config, count=1)
    config = re.sub(r"(?m)^site_url: .*$", f"site_url: {SITE_URL}", config, count=1)
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")

    data = out / "regulations"
    data.mkdir()
    (data / "_topik").mkdir()
    for f in src.glob("_*.yaml"):
        if f.name not in ("_wilayah.yaml", "_penyelenggara.yaml", "_dasar_hukum.yaml"):
            shutil.copy(f, data / f.name)
    catalogue = (src / "_dasar_hukum.yaml").read_text(encoding="utf-8")
    local = _local_instruments(catalogue)
    # The real regions stay (the catalogue of legal bases names them); they get no regulation.
    real = yaml.safe_load((src / "_wilayah.yaml").read_text(encoding="utf-8"))["wilayah"]
    wilayah = regions(provinces, districts, {w["kode"] for w in real if "." not in w["kode"]})
    real_names = {w["kode"]: w["nama"] for w in real}
    (data / "_wilayah.yaml").write_text(
        f"# {MARK}: synthetic regions for the benchmark (scripts/synthetic_corpus.py); not real codes.\n"
        + yaml.safe_dump({"sumber": f"Data {MARK.lower()} untuk pengukuran kinerja", "wilayah": real + wilayah},
                         allow_unicode=True, sort_keys=False), encoding="utf-8")

    bodies = {b["id"]: b for b in yaml.safe_load((src / "_penyelenggara.yaml").read_text(encoding="utf-8"))["penyelenggara"]}
    templates = {}
    for rid in PROVINCIAL + DISTRICT:
        text = (src / f"{rid}.yaml").read_text(encoding="utf-8")
        meta = yaml.safe_load(text)
        templates[rid] = (text, meta, (src / "_topik" / f"{rid}.yaml").read_text(encoding="utf-8"))
    new_bodies, ids = [], []
    turns = {"provinsi": itertools.cycle(PROVINCIAL), "district": itertools.cycle(DISTRICT)}
    for w in wilayah:
        template = next(turns["provinsi" if w["jenis"] == "provinsi" else "district"])
        text, meta, coding = templates[template]
        slug = w["kode"].replace(".", "-")
        rid = f"sintetis-{slug}-{template}"
        body = copy.deepcopy(bodies[meta["penyelenggara"]])  # shared values would dump as aliases
        body["id"] = f"sintetis-{slug}-{body['id']}"
        body["nama"] = f"{body['nama']} ({MARK} {w['kode']})"
        body["wilayah"] = w["kode"]
        new_bodies.append(body)
        text = _set_top(text, "id", rid)
        text = _set_top(text, "wilayah", _q(w["kode"]))
        text = _set_top(text, "penyelenggara", body["id"])
        text = _set_top(text, "singkatan", _q(f"{meta['singkatan']} [{MARK} {w['kode']}]"))
        (data / f"{rid}.yaml").write_text(f"# {MARK}: a copy of {template}.yaml for the benchmark.\n" + text,
                                          encoding="utf-8")
        (data / "_topik" / f"{rid}.yaml").write_text(
            re.sub(r"(?m)^peraturan: .*$", f"peraturan: {rid}", coding, count=1), encoding="utf-8")
        ids.append(rid)
        # The template's Mengingat cites its own region's local laws: give the copy its own.
        for block in local.get(meta["wilayah"], []):
            block = re.sub(r"(?m)^- id: (.*)$", lambda m: f"- id: sintetis-{slug}-{m[1]}", block, count=1)
            block = re.sub(r"(?m)^  wilayah: .*$", f"  wilayah: {_q(w['kode'])}", block, count=1)
            block = re.sub(r"(?m)^  jenis: .*$", lambda m: m[0].replace(real_names[meta["wilayah"]], w["nama"]),
                           block, count=1)  # an instrument is known by jenis, nomor and tahun
            block = re.sub(r"(?m)^  singkatan: (.*)$", lambda m: f"  singkatan: {_q(m[1].strip(chr(39)) + ' [' + MARK + ']')}",
                           block, count=1)
            catalogue = catalogue.rstrip("\n") + "\n" + block
    (data / "_dasar_hukum.yaml").write_text(catalogue, encoding="utf-8")
    _copy_kasus(src, data, ids)
    (data / "_penyelenggara.yaml").write_text(
        f"# {MARK}: synthetic bodies for the benchmark.\n"
        + yaml.safe_dump({"penyelenggara": new_bodies}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (out / f"{MARK}.txt").write_text(
        "Synthetic corpus made by scripts/synthetic_corpus.py for the benchmark. Never publish it.\n",
        encoding="utf-8")
    return ids


def _copy_kasus(src: Path, data: Path, ids: list[str]) -> None:
    """The situations, deciding each copy where they decide its template: the real ids are not in
    the synthetic corpus, and the loader rejects a situation citing a regulation that is not. Lists copied: shared ones
    would dump as aliases, which the loader refuses."""
    path = src / "_kasus.yaml"
    if not path.exists():
        return
    kasus = yaml.safe_load(path.read_text(encoding="utf-8"))
    for k in kasus["kasus"]:
        dasar = k.get("dasar") or {}
        k["dasar"] = {rid: list(dasar[t]) for rid in ids for t in dasar if rid.endswith(f"-{t}")}
        if not k["dasar"]:
            del k["dasar"]
    (data / "_kasus.yaml").write_text(f"# {MARK}: the situations of _kasus.yaml, for the copies.\n"
                                      + yaml.safe_dump(kasus, allow_unicode=True, sort_keys=False), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="new folder, outside the repository")
    parser.add_argument("--provinces", type=int, default=38)
    parser.add_argument("--districts", type=int, default=514)
    args = parser.parse_args()
    ids = generate(args.out, args.provinces, args.districts)
    print(f"{len(ids)} synthetic regulations in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
