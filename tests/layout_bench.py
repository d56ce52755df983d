"""The importer on a corpus of layouts: each curated regulation laid out again (tests/layouts.py),
imported uncurated and compared with the curated data. Prints a table, layout x source: provisions
kept (same id, same words: kept/curated, share) and whether the sets of ids are equal.

    .venv/bin/python tests/layout_bench.py            # the table (figures in BENCHMARKS.md)
    .venv/bin/python tests/layout_bench.py pdf perbup-sumbawa-6-2020   # one cell, with differences
"""

from __future__ import annotations

import sys
from functools import lru_cache

import layouts
from importer_compare import REGULATIONS, ROOT, Comparison, compare_text

from macros.kodeetik import load_corpus


@lru_cache(maxsize=1)
def curated() -> dict:
    return {r.id: r for r in load_corpus(ROOT / "regulations").regulations}


def text_of(layout: str, reg_id: str) -> str:
    return layouts.LAYOUTS[layout](curated()[reg_id])


def measure(layout: str, reg_id: str) -> Comparison:
    reg = curated()[reg_id]
    return compare_text(reg, text_of(layout, reg_id), f"{layout}_{reg.sumber.berkas}")


def table(layout_names=None, reg_ids=None) -> list[str]:
    layout_names = layout_names or list(layouts.LAYOUTS)
    reg_ids = reg_ids or REGULATIONS
    short = {r: r.rsplit("-", 2)[0] if r.startswith("kep") else r.split("-")[1] for r in reg_ids}
    out = ["| layout | " + " | ".join(short[r] for r in reg_ids) + " |",
           "|---|" + "---|" * len(reg_ids)]
    for name in layout_names:
        cells = []
        for r in reg_ids:
            c = measure(name, r)
            ids = "ids equal" if c.same_ids else f"ids: {len(c.missing)} missing, {len(c.extra)} extra"
            cells.append("draft does not load" if c.load_errors else f"{c.identical}/{c.curated} {c.share:.1%}, {ids}")
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return out


if __name__ == "__main__":
    if len(sys.argv) == 3:
        print(measure(sys.argv[1], sys.argv[2]).report())
    else:
        print("\n".join(table()))
