"""Data errors: collected across all files, reported together, never as a traceback."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .yamlio import is_invisible


@dataclass(frozen=True)
class DataError:
    """One problem in the data, with enough context for a maintainer to fix it."""

    file: str
    """Path of the file, as given to the loader (relative to the project when possible)."""
    line: int | None
    """1-based line in the file, or None when the problem concerns the whole file."""
    where: str
    """Place in the document: a key path or a BAB/Pasal path; empty for the whole file."""
    message: str
    """What is wrong."""
    fix: str
    """How to fix it."""

    def __str__(self) -> str:
        loc = self.file if self.line is None else f"{self.file}:{self.line}"
        where = f" [{self.where}]" if self.where else ""
        return visible(f"{loc}{where}: {self.message} Fix: {self.fix}")


class DataErrors(Exception):
    """Raised once, after loading, when any DataError was found."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line or 0, e.where))
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.errors)
        head = f"{n} error{'s' if n != 1 else ''} in the regulation data:"
        return "\n".join([head, *(f"  - {e}" for e in self.errors)])


class Collector:
    """Accumulates errors for one load; knows the file currently being read."""

    def __init__(self) -> None:
        self.errors: list[DataError] = []

    def add(self, file: str, line: int | None, where: str, message: str, fix: str) -> None:
        self.errors.append(DataError(file, line, where, message, fix))

    def raise_if_any(self) -> None:
        if self.errors:
            raise DataErrors(self.errors)


def display_path(path: Path, root: Path) -> str:
    """`path` as messages show it: relative to `root` (the project) when inside it."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def visible(text: str) -> str:
    """`text` on one line with every invisible character written as an escape (`\\u001b`): the data
    refuses them, but a file name may still hold one, and a message must not drive the terminal."""
    return "".join(f"\\u{ord(c):04x}" if c == "\n" or is_invisible(c) else c for c in text)
