"""`python -m macros.kodeetik.validate [DIR]`: the build's own validation, without building."""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import DataErrors
from .loader import load_corpus
from .topics import untagged_report
from .topics_loader import load_topics


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0]) if args else Path("regulations")
    try:
        corpus = load_corpus(directory)
        topics = load_topics(directory, corpus)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    n = len(corpus.regulations)
    provisions = sum(len(r.provisions) for r in corpus.regulations)
    print(f"OK: {n} regulation{'s' if n != 1 else ''}, {provisions} provisions, "
          f"{len(corpus.wilayah)} regions, {len(corpus.penyelenggara)} penyelenggara.")
    print("\n".join(untagged_report(corpus, topics, limit=10_000)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
