"""Lines of a source text and the log of what cleaning did to them.

Every rule works on `Line`s so that each change can be traced to a line number of the source, and
every change is logged: a repair that changes words becomes a `Repair` (it goes into the draft's
`sumber.perbaikan` and the report, for a human to check), a dropped line becomes `Noise`
(`sumber.derau`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Line:
    """One line of the source as the importer sees it after cleaning."""

    text: str
    """Cleaned text, stripped; empty for a blank line."""
    no: int
    """1-based line number in the source (of the first line, when lines were joined)."""
    raw: str
    """The line as it stands in the source (without its newline)."""
    bullet: bool = False
    """The extractor put a bullet glyph (-, •, ...) before it; the glyph is gone from `text`."""
    tabbed: bool = False
    """The source line holds tab characters (a table row, not running text)."""
    page: int = 1
    """Page of the source it stands on: a form feed (`\\f`, as pdftotext writes between pages) starts
    the next page."""

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(frozen=True)
class Repair:
    """A change of words by a rule: `dari` as it stands in the source, `menjadi` as drafted."""

    no: int
    rule: str
    dari: str
    menjadi: str
    alasan: str
    """Why, in Bahasa Indonesia (shown on the site as a transcription note)."""


@dataclass(frozen=True)
class Noise:
    """A source line dropped as extraction noise."""

    no: int
    rule: str
    text: str


@dataclass
class Log:
    """What the rules did, in order."""

    repairs: list[Repair] = field(default_factory=list)
    noise: list[Noise] = field(default_factory=list)
    formatting: dict[str, int] = field(default_factory=dict)
    """Changes that keep the words (emphasis marks, bullet glyphs): counted, not listed."""
    guesses: list[tuple[int, str]] = field(default_factory=list)
    """(source line, what): a join or a split of lines that keeps the words but may be wrong."""

    def repair(self, line: Line, rule: str, dari: str, menjadi: str, alasan: str) -> None:
        self.repairs.append(Repair(line.no, rule, dari, menjadi, alasan))

    def drop(self, line: Line, rule: str) -> None:
        self.noise.append(Noise(line.no, rule, line.raw.strip()))

    def guess(self, line: Line, what: str) -> None:
        self.guesses.append((line.no, what))

    def count(self, rule: str, n: int = 1) -> None:
        self.formatting[rule] = self.formatting.get(rule, 0) + n


def read_lines(text: str) -> list[Line]:
    """Split a source text into Lines (stripped), keeping blank lines as paragraph breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.startswith("\ufeff"):
        text = text[1:]
    out = []
    page = 1
    for i, raw in enumerate(text.split("\n"), start=1):
        page += raw.count("\f")
        # A non-breaking space alone on a line is a blank line in a PDF extraction.
        stripped = raw.replace("\u00a0", " ").replace("\f", " ").strip()
        out.append(Line(text=stripped, no=i, raw=raw, tabbed="\t" in raw, page=page))
    return out
