"""Everything the build checks in the data, without building: `check()`, used by `kodeetik validate`
and `python -m macros.kodeetik.validate [DIR]`.

The build runs the same pipeline (`pipeline.load_site`, from macros/hooks.py): every error of every stage
in one report; unresolved cross-references and unread YAML files are warnings, which
`mkdocs build --strict` (scripts/build.sh) turns into a failure.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import DataErrors
from .pipeline import SiteData, load_site
from .topics import untagged_report

Checked = SiteData
"""The data as the build sees it, once every check passed (the name `check` has always returned)."""


def check(directory: str | os.PathLike, sources_dir: str | os.PathLike | None = None,
          display_root: str | os.PathLike | None = None) -> SiteData:
    """Run every check of the build on `directory`; raise DataErrors listing every error found."""
    return load_site(directory, sources_dir=sources_dir, display_root=display_root)


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
