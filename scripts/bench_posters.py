"""Benchmark of the poster step: cold (empty cache) and warm print times and file sizes.

Run: .venv/bin/python scripts/bench_posters.py. Targets (on the 2-core CI machine) are printed next
to the measurements; they are not asserted by the test suite, which must not depend on timing.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.kodeetik import load_corpus  # noqa: E402
from macros.render import Renderer  # noqa: E402
from macros.render.printing import POSTER_ASSETS, Printer  # noqa: E402
from macros.render.posters import build_poster_files, plan_posters  # noqa: E402

TARGETS = {"cold_s": 60.0, "warm_s": 5.0, "largest_pdf_kb": 100.0}


def main() -> int:
    corpus = load_corpus(ROOT / "regulations", sources_dir=ROOT / "sources", display_root=ROOT)
    posters = plan_posters(corpus)
    with tempfile.TemporaryDirectory() as cache:
        timings = {}
        for run in ("cold_s", "warm_s"):
            printer = Printer(ROOT / "content", POSTER_ASSETS, Path(cache))
            start = time.perf_counter()
            files = build_poster_files(corpus, posters, Renderer(), printer, "https://bench.example/")
            timings[run] = time.perf_counter() - start
    pdfs = {k: len(v) for k, v in files.items() if k.endswith(".pdf")}
    measured = {**timings, "largest_pdf_kb": max(pdfs.values()) / 1024}
    print(f"{len(posters)} posters, {len(pdfs)} PDFs, {sum(pdfs.values()) / 1024:.0f} KB of PDF in all")
    ok = True
    for name, value in measured.items():
        good = value <= TARGETS[name]
        ok &= good
        print(f"  {name:15} {value:8.1f}   target <= {TARGETS[name]:g}   {'ok' if good else 'OVER'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
