"""Compare an imported draft with the curated data: provision ids and their text.

Used by tests/test_importer_sources.py and handy by hand:
`.venv/bin/python tests/importer_compare.py` prints the report for the five sources.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.kodeetik import load_corpus  # noqa: E402
from macros.kodeetik.importer import import_file  # noqa: E402


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def provision_text(node) -> str:
    """The words of a provision in reading order: heading, text, and text after its list."""
    return norm(" ".join(t for t in (node.heading, node.text, node.text_after) if t))


@dataclass
class Comparison:
    reg_id: str
    curated: int
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    different: list[tuple[str, str, str]] = field(default_factory=list)
    load_errors: str | None = None
    draft: object = None
    """The imported regulation as loaded (when it loads)."""

    @property
    def same_ids(self) -> bool:
        return not self.missing and not self.extra

    @property
    def identical(self) -> int:
        return self.curated - len(self.missing) - len(self.different)

    @property
    def share(self) -> float:
        return self.identical / self.curated if self.curated else 0.0

    def report(self) -> str:
        out = [f"{self.reg_id}: {self.identical}/{self.curated} provisions identical "
               f"({self.share:.1%}); {len(self.missing)} ids missing, {len(self.extra)} extra, "
               f"{len(self.different)} with different text"]
        if self.load_errors:
            out.append("  draft does not load:\n" + self.load_errors)
        out += [f"  missing: {i}" for i in self.missing]
        out += [f"  extra:   {i}" for i in self.extra]
        for eid, want, got in self.different:
            out.append(f"  differs: {eid}\n    curated: {want[:2000]}\n    draft:   {got[:2000]}")
        return "\n".join(out)


def compare(reg_id: str, root: Path = ROOT) -> Comparison:
    curated = next(r for r in load_corpus(root / "regulations").regulations if r.id == reg_id)
    return compare_source(curated, root / "sources" / curated.sumber.berkas, root)


def compare_text(curated, text: str, name: str, root: Path = ROOT) -> Comparison:
    """Import `text` (a layout of `curated`'s text, written as sources/`name`) and compare."""
    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources"
        shutil.copytree(root / "sources", sources)
        source = sources / name
        source.write_text(text, encoding="utf-8")
        return compare_source(curated, source, root)


def compare_source(curated, source: Path, root: Path = ROOT) -> Comparison:
    reg_id = curated.id
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "regulations"
        shutil.copytree(root / "regulations", data)
        target = data / f"{reg_id}.yaml"
        target.unlink()
        import_file(source, target, data_dir=data)
        result = Comparison(reg_id, len(curated.provisions))
        try:
            draft = next(r for r in load_corpus(data, sources_dir=source.parent).regulations if r.id == reg_id)
        except Exception as exc:  # DataErrors: report them with the comparison
            result.load_errors = str(exc)
            result.missing = sorted(curated.provisions)
            return result
    want, got = curated.provisions, draft.provisions
    result.missing = [e for e in want if e not in got]
    result.extra = [e for e in got if e not in want]
    result.different = [(e, provision_text(want[e]), provision_text(got[e]))
                        for e in want if e in got and provision_text(want[e]) != provision_text(got[e])]
    result.draft = draft
    return result


REGULATIONS = ["perbup-bengkayang-51-2020", "perbup-sumbawa-6-2020", "kep-dinsos-banten-2024",
               "kep-diskominfotik-bengkalis-2024", "pergub-kaltim-8-2025"]

if __name__ == "__main__":
    for rid in sys.argv[1:] or REGULATIONS:
        print(compare(rid).report())
        print()
