"""Benchmark of `kodeetik import FILE.pdf`: seconds per page, text layer and OCR.

Run: .venv/bin/python scripts/bench_pdf_import.py [--ocr N]
The test PDFs are made as the tests make them (tests/pdfkit.py: the five curated regulations
printed with WeasyPrint, then rasterised at 300 dpi). Every regulation is imported from its text
layer; the first N (default 2) also from the scan, through Tesseract. Wall-clock and CPU time are
both printed: on a shared machine the wall clock depends on the others' load. Not a test.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import pdfkit  # noqa: E402
from importer_compare import REGULATIONS  # noqa: E402
from macros.kodeetik.importer.frompdf import import_pdf  # noqa: E402


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def measure(pdf: Path) -> tuple[int, float, float]:
    wall, cpu = time.perf_counter(), _cpu()
    result = import_pdf(pdf, None, ROOT / "regulations", None)
    return len(result.reading.pages), time.perf_counter() - wall, _cpu() - cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ocr", type=int, default=2, help="how many regulations to import from scans")
    args = parser.parse_args()
    rows = []
    for kind, regs, make in (("text layer", REGULATIONS, pdfkit.printed),
                             ("OCR (300 dpi)", REGULATIONS[:args.ocr], pdfkit.scanned)):
        pages = wall = cpu = 0.0
        for reg_id in regs:
            n, w, c = measure(make(reg_id))
            pages, wall, cpu = pages + n, wall + w, cpu + c
            print(f"{kind:14} {reg_id:34} {n:3d} pages {w:7.2f} s wall {c:7.2f} s CPU", flush=True)
        if pages:
            rows.append((kind, int(pages), wall / pages, cpu / pages))
    print("\nkind            pages  s/page wall  s/page CPU")
    for kind, pages, w, c in rows:
        print(f"{kind:14} {pages:6d} {w:12.2f} {c:11.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
