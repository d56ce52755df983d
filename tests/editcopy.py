"""A copy of the real `regulations/` with one edit, and the loader's messages about it (pure logic)."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT
from macros.kodeetik import DataErrors, load_corpus


def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "regulations"
    shutil.copytree(ROOT / "regulations", data)
    return data


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` (which must be there) by `new`."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def load_errors(data: Path) -> list[str]:
    """Every message of the regulation loader (empty when the data loads)."""
    try:
        load_corpus(data, sources_dir=ROOT / "sources")
    except DataErrors as e:
        return [str(err) for err in e.errors]
    return []


def errors_after_edit(tmp_path: Path, file: str, old: str, new: str) -> list[str]:
    data = copy_data(tmp_path)
    edit(data / file, old, new)
    return load_errors(data)
