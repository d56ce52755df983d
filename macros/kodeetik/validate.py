"""`python -m macros.kodeetik.validate [DIR]`: the build's own validation, without building."""

from __future__ import annotations

import sys
from pathlib import Path

from .dasar import load_katalog
from .errors import DataErrors
from .loader import load_corpus
from .xref import build_links
from .topics import untagged_report
from .topics_loader import load_topics
from .warga_loader import load_warga


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0]) if args else Path("regulations")
    try:
        corpus = load_corpus(directory)
        topics = load_topics(directory, corpus)
        load_warga(directory, topics)  # Hak Anda statements and quiz settings name topic items
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    katalog, errors = load_katalog(directory, corpus)
    if errors:
        print(DataErrors(errors).report(), file=sys.stderr)
        return 1
    links = build_links(corpus, katalog)
    for problem in links.problems:  # the build reports these as warnings (fatal with --strict)
        print(f"warning: {problem}", file=sys.stderr)
    n = len(corpus.regulations)
    provisions = sum(len(r.provisions) for r in corpus.regulations)
    print(f"OK: {n} regulation{'s' if n != 1 else ''}, {provisions} provisions, "
          f"{len(corpus.wilayah)} regions, {len(corpus.penyelenggara)} penyelenggara, "
          f"{len(katalog.instrumen)} instruments, {links.jumlah} cross-references.")
    for line in untagged_report(corpus, topics, limit=10_000):  # coding may lag behind new data
        print(f"note: {line}", file=sys.stderr)
    return 1 if links.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
