"""Benchmark of the training material: quiz generation, and cold (empty cache) and warm print times
of the orientation handbooks and trainer's sheets, with their sizes.

Run: .venv/bin/python scripts/bench_pelatihan.py. Targets (on the 2-core CI machine) are printed next
to the measurements; the test suite asserts no timing.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.kodeetik import load_corpus  # noqa: E402
from macros.kodeetik.topics_loader import load_topics  # noqa: E402
from macros.kodeetik.warga_loader import load_warga  # noqa: E402
from macros.render import Renderer  # noqa: E402
from macros.render.printing import DOCUMENT_ASSETS, Printer  # noqa: E402
from macros.render.pelatihan import build_training_files, plan_materi, training_urls  # noqa: E402

TARGETS = {"plan_s": 2.0, "cold_s": 60.0, "cold_s_per_reg": 8.0, "warm_s": 3.0, "largest_pdf_kb": 300.0}
"""A handbook is printed once per change of its regulation (then cached); per regulation, the cold
time is what a national corpus multiplies."""


def main() -> int:
    corpus = load_corpus(ROOT / "regulations", sources_dir=ROOT / "sources", display_root=ROOT)
    topics = load_topics(ROOT / "regulations", corpus)
    _, kuis = load_warga(ROOT / "regulations", topics)
    start = time.perf_counter()
    materi = plan_materi(corpus, topics, kuis)
    timings = {"plan_s": time.perf_counter() - start}
    extra = {"latihan_url": training_urls(corpus)}
    with tempfile.TemporaryDirectory() as cache:
        for run in ("cold_s", "warm_s"):
            printer = Printer(ROOT / "content", DOCUMENT_ASSETS, Path(cache))
            start = time.perf_counter()
            files = build_training_files(corpus, topics, materi, Renderer(), printer, "https://bench.example/",
                                         extra)
            timings[run] = time.perf_counter() - start
    pdfs = {k: len(v) for k, v in files.items() if k.endswith(".pdf")}
    timings["cold_s_per_reg"] = timings["cold_s"] / len(materi)
    measured = {**timings, "largest_pdf_kb": max(pdfs.values()) / 1024}
    print(f"{len(materi)} regulations, {sum(len(m.soal) for m in materi)} quiz questions, {len(pdfs)} PDFs, "
          f"{sum(pdfs.values()) / 1024:.0f} KB of PDF in all")
    ok = True
    for name, value in measured.items():
        good = value <= TARGETS[name]
        ok &= good
        print(f"  {name:15} {value:8.1f}   target <= {TARGETS[name]:g}   {'ok' if good else 'OVER'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
