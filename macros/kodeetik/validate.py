"""Everything the build checks in the data, without building: `check()`, used by `kodeetik validate`
and `python -m macros.kodeetik.validate [DIR]`.

The build runs the same steps in the same order (macros/plugin/plugin.py, macros/plugin/xref.py):
regulations and registries, topic coding, catalogue of legal bases, then cross-references, whose unresolved ones
are warnings that `mkdocs build --strict` (scripts/build.sh) turns into a failure.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .dasar import DASAR_FILE, Katalog, load_katalog
from .errors import DataError, DataErrors
from .loader import load_corpus
from .model import Corpus
from .topics import Topics, untagged_report
from .topics_loader import load_topics
from .warga_loader import load_warga
from .xref import Links, build_links


@dataclass(frozen=True)
class Checked:
    """The data as the build sees it, once every check passed."""

    corpus: Corpus
    """Regulations and registries."""
    topics: Topics
    """Taxonomy and coding."""
    katalog: Katalog
    """Legal bases."""
    links: Links
    """Cross-references; `links.problems` are the unresolved ones (warnings)."""

    @property
    def warnings(self) -> tuple[DataError, ...]:
        """What a plain build reports as warnings and `--strict` refuses."""
        return tuple(self.links.problems)

    def summary(self) -> str:
        c = self.corpus
        n = len(c.regulations)
        provisions = sum(len(r.provisions) for r in c.regulations)
        return (f"{n} regulation{'s' if n != 1 else ''}, {provisions} provisions, {len(c.wilayah)} regions, "
                f"{len(c.penyelenggara)} penyelenggara, {len(self.katalog.instrumen)} instruments, "
                f"{self.links.jumlah} cross-references")


def check(directory: str | os.PathLike, sources_dir: str | os.PathLike | None = None,
          display_root: str | os.PathLike | None = None) -> Checked:
    """Run every check of the build on `directory`; raise DataErrors listing the errors of the first
    step that has any (later steps need the earlier ones' results)."""
    directory = Path(directory)
    shown_root = Path(display_root) if display_root is not None else directory.parent
    corpus = load_corpus(directory, sources_dir=sources_dir, display_root=shown_root)
    topics = load_topics(directory, corpus, display_root=shown_root)
    load_warga(directory, topics, display_root=shown_root)  # Hak Anda and quiz settings name topic items
    try:
        shown = str((directory / DASAR_FILE).relative_to(shown_root))
    except ValueError:
        shown = str(directory / DASAR_FILE)
    katalog, errors = load_katalog(directory, corpus, display=shown)
    if errors:
        raise DataErrors(errors)
    return Checked(corpus, topics, katalog, build_links(corpus, katalog))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0]) if args else Path("regulations")
    try:
        checked = check(directory)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for problem in checked.warnings:  # the build reports these as warnings (fatal with --strict)
        print(f"warning: {problem}", file=sys.stderr)
    print(f"OK: {checked.summary()}.")
    for line in untagged_report(checked.corpus, checked.topics, limit=10_000):  # coding may lag behind new data
        print(f"note: {line}", file=sys.stderr)
    return 1 if checked.warnings else 0


if __name__ == "__main__":
    raise SystemExit(main())
