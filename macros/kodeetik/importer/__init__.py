"""The importer: from a regulation's extracted text to a draft data file, with a report.

Independent of MkDocs, like the rest of `macros.kodeetik`. Modules, in the order they run:
`source` (what input is accepted), `lines` (source lines with their page, the log of changes),
`rules` (cleaning rules, data in rules.yaml; with `pages`, `spaced`, `columns` and `runin` for page
furniture, spaced letters, two-column labels and run-in text), `segment` (the parts of a
regulation), `metadata` (title, signatures, Mengingat), `structure` (BAB/Pasal/lists), `lampiran`,
`registry` (region and body), `draft` (the stages over one context), `writer` (YAML with comments)
and `report`.
"""

from __future__ import annotations

from pathlib import Path

from . import draft as _draft
from . import writer
from .draft import Draft
from .source import MAX_BYTES, SourceError, read_source


def import_text(text: str, source_name: str, data_dir: Path | None = None, reg_id: str | None = None,
                target: str = "(stdout)", encoding: str = "utf-8") -> tuple[str, Draft]:
    """The YAML draft (with the report as comments) and the Draft it was written from."""
    d = _draft.build(text, source_name, data_dir=data_dir, reg_id=reg_id, target=target)
    d.report.encoding = encoding
    return writer.dump(d.data, d.comments, d.report.lines()), d


def import_file(source: Path, target: Path | None = None, data_dir: Path | None = None) -> tuple[str, Draft]:
    """Import `source`; write the draft to `target` when given (its name gives the id).

    Raises `SourceError` (a one-line message) for a source that is not text (see `source`)."""
    src = read_source(Path(source))
    reg_id = target.stem if target is not None else None
    yaml_text, d = import_text(src.text, Path(source).name, data_dir=data_dir, reg_id=reg_id,
                               target=str(target) if target is not None else "(stdout)",
                               encoding=src.encoding)
    if target is not None:
        Path(target).write_text(yaml_text, encoding="utf-8")
    return yaml_text, d


__all__ = ["import_text", "import_file", "Draft", "SourceError", "MAX_BYTES"]
