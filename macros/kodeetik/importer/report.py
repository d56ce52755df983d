"""The import report: what was found, what is left to a human, and what the rules changed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .lines import Noise, Repair
from .nodes import DNode

COUNTED = ("bab", "bagian", "paragraf", "pasal", "ayat", "huruf", "angka", "diktum", "kelompok", "butir",
           "teks", "formulir")


HUMAN_CHECK = [
    "A draft that validates and builds is not proof of faithfulness. Compare with the original, by eye:",
    "  - jenis, nomor, tahun and the whole of tentang, against the title;",
    "  - that every BAB, Pasal, ayat, huruf and Diktum of the original is here, in order, with its number;",
    "  - the first and last words of each provision (a wrong join or split moves words between provisions);",
    "  - every line listed above as a repair, a guess or noise.",
]


@dataclass
class Report:
    source: str
    target: str
    counts: Counter = field(default_factory=Counter)
    lampiran: int = 0
    lines_read: int = 0
    unknown: list[tuple[str, str]] = field(default_factory=list)
    """(place in the draft, what to do): fields left empty."""
    checks: list[tuple[str, str]] = field(default_factory=list)
    """(place, what to check): guesses the importer made."""
    repairs: list[Repair] = field(default_factory=list)
    noise: list[Noise] = field(default_factory=list)
    unplaced: list[tuple[int, str]] = field(default_factory=list)
    formatting: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    """Signs that the structure is implausible: shown first."""
    page_of: dict[int, int] = field(default_factory=dict)
    """Source line -> page, when the source has page breaks (form feeds)."""
    encoding: str = "utf-8"
    """The source's encoding when it was not UTF-8 and was converted (see `source`)."""

    def count_nodes(self, nodes: list[DNode]) -> None:
        for node in nodes:
            for n in node.walk():
                self.counts[n.type] += 1

    def summary(self) -> str:
        found = ", ".join(f"{self.counts[t]} {t}" for t in COUNTED if self.counts[t])
        return (f"Found: {found or 'no provisions'}; {self.lampiran} lampiran. "
                f"Lines: {self.lines_read} read, {len(self.noise)} dropped as noise, "
                f"{len(self.unplaced)} not placed.")

    def lines(self) -> list[str]:
        out = [f"Import report: {self.source} -> {self.target}", self.summary()]
        if self.encoding != "utf-8":
            out.append(f"Source encoding: not UTF-8; read as {self.encoding} (one character per byte, no letter "
                       "lost). Save the source as UTF-8 before copying it to sources/ (e.g. iconv -f "
                       f"{self.encoding.upper()} -t UTF-8), or the loader will not find the quoted noise.")

        def section(title: str, items: list[str]) -> None:
            out.append("")
            out.append(f"{title} ({len(items)}):" if items else f"{title}: none.")
            out.extend(f"  - {i}" for i in items)

        if self.warnings:
            section("LOOK FIRST: the structure looks implausible", self.warnings)
        section("Left empty, to fill in from the original", [f"{p}: {w}" for p, w in self.unknown])
        section("Lines not placed in the draft (add them where they belong, or to sumber.derau)",
                [f"{self.where(no)}: {text}" for no, text in self.unplaced])
        section("Repairs that change words (in sumber.perbaikan; check each against the original)",
                [f"{self.where(r.no)} [{r.rule}]: {r.dari!r} -> {r.menjadi!r}" for r in self.repairs])
        section("Lines dropped as noise (in sumber.derau)",
                [f"{self.where(n.no)} [{n.rule}]: {n.text}" for n in self.noise])
        section("To check (the importer guessed)", [f"{p}: {w}" for p, w in self.checks])
        if self.formatting:
            out.append("")
            out.append("Formatting removed (words unchanged): " +
                       ", ".join(f"{n} {k}" for k, n in sorted(self.formatting.items())) + ".")
        out += ["", *HUMAN_CHECK]
        return out

    def where(self, no: int) -> str:
        page = self.page_of.get(no)
        return f"line {no} (page {page})" if page and max(self.page_of.values(), default=1) > 1 else f"line {no}"

    def text(self) -> str:
        return "\n".join(self.lines()) + "\n"
