"""Reads the layout of a blank form (`formulir` node) from its text, without changing a word.

A form is stored as the lines of the source, with their indentation and blanks ("....."). To print it
as a form, `baca(text)` turns those lines into blocks: lines made of words and fields to write in,
blank lines, and tables recognised from the text's own columns (a header of three or more cells
separated by two or more spaces, then numbered rows, as the members table of Lampiran I of Perbup
Sumbawa 6/2020). Only layout is inferred: `kata(blocks)` gives back exactly `kata_teks(text)`, the
words of the text in order, which the tests check for every form of the corpus.

Fields (`Bagian(isian=True)`) are where the text has a run of dots, and after a short label that ends
in " :" and does not start in lower case ("Nama :", "KESATU :"; not "... terhadap :"), a lone list number ("1.") or one of `BARIS_ISIAN` ("Ditetapkan
di"): the places a form is filled in. A field keeps the dots as written (`teks`), so nothing of the
source is lost; they are blanks, not words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

TITIK = re.compile(r"\.{3,}|…+")
"""A blank to write in, as the sources write it."""
KOLOM = re.compile(r"\s{2,}")
"""What separates the cells of a table row laid out in text."""
NOMOR_BARIS = re.compile(r"^\d+\.?$")
"""A table row's first cell, and a lone list number under "Tembusan"."""
MAKS_KATA_LABEL = 4
"""A line ending in a colon with at most this many words is a label with a field after it
("Pangkat/Gol. Ruang :", "Dugaan Pelanggaran Kode Etik :"); a longer one introduces a list
("... kehadiran Saudara :")."""
BARIS_ISIAN = ("Ditetapkan di", "Pada tanggal", "Sumbawa Besar,", "NIP", "NIP.")
"""Lines of a signature block that are filled in after their words (place, date, number)."""
MIN_KOLOM = 3


@dataclass(frozen=True, slots=True)
class Bagian:
    """A run of words, or a field to write in (`isian`; its `teks` is the dots as written, or '')."""

    teks: str
    isian: bool = False


@dataclass(frozen=True, slots=True)
class Baris:
    """One line of the form: its indentation (in spaces, as written) and its parts."""

    indent: int
    bagian: tuple[Bagian, ...]
    jenis: ClassVar[str] = "baris"  # for templates, which cannot test a class

    @property
    def tingkat(self) -> int:
        """Indentation level for the stylesheet (0-8): about three spaces a level."""
        return min(8, (self.indent + 2) // 3)


@dataclass(frozen=True, slots=True)
class Tabel:
    """A table laid out in text: header cells, then rows (cells missing in the text are '')."""

    indent: int
    kepala: tuple[str, ...]
    baris: tuple[tuple[str, ...], ...]
    jenis: ClassVar[str] = "tabel"

    @property
    def tingkat(self) -> int:
        return min(8, (self.indent + 2) // 3)


@dataclass(frozen=True, slots=True)
class Jeda:
    """A blank line."""

    jenis: ClassVar[str] = "jeda"


Blok = Baris | Tabel | Jeda


def kata_teks(text: str) -> list[str]:
    """The words of a form's text in order (blanks of dots are not words)."""
    return TITIK.sub(" ", text).split()


def kata(blocks: tuple[Blok, ...]) -> list[str]:
    """The words of the blocks in order: `kata_teks` of the text they were read from."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Baris):
            for part in block.bagian:
                out.extend(kata_teks(part.teks))
        elif isinstance(block, Tabel):
            for cells in (block.kepala, *block.baris):
                for cell in cells:
                    out.extend(kata_teks(cell))
    return out


def _cells(line: str) -> list[str]:
    return KOLOM.split(line.strip())


def _parts(line: str) -> tuple[Bagian, ...]:
    """A line's words and fields: dots become fields; a label, list number or signature line gets a
    field after it."""
    parts: list[Bagian] = []
    pos = 0
    for m in TITIK.finditer(line):
        if line[pos:m.start()]:
            parts.append(Bagian(line[pos:m.start()]))
        parts.append(Bagian(m.group(), isian=True))
        pos = m.end()
    if line[pos:]:
        parts.append(Bagian(line[pos:]))
    label = (line.endswith(" :") and not line[0].islower()
             and len(kata_teks(line[:-1])) <= MAKS_KATA_LABEL)
    if label or NOMOR_BARIS.match(line) or line in BARIS_ISIAN:
        parts.append(Bagian("", isian=True))
    return tuple(parts)


def baca(text: str) -> tuple[Blok, ...]:
    """The form's blocks, in the order of its lines."""
    lines = text.split("\n")
    blocks: list[Blok] = []
    i = 0
    while i < len(lines):
        raw = lines[i].rstrip()
        line = raw.strip()
        indent = len(raw) - len(raw.lstrip(" "))
        if not line:
            blocks.append(Jeda())
            i += 1
            continue
        header = _cells(raw)
        rows: list[tuple[str, ...]] = []
        j = i + 1
        if len(header) >= MIN_KOLOM:
            while j < len(lines) and lines[j].strip():
                cells = _cells(lines[j])
                if len(cells) > len(header) or not NOMOR_BARIS.match(cells[0]):
                    break
                rows.append(tuple(cells + [""] * (len(header) - len(cells))))
                j += 1
        if rows:
            blocks.append(Tabel(indent, tuple(header), tuple(rows)))
            i = j
            continue
        blocks.append(Baris(indent, _parts(line)))
        i += 1
    return tuple(blocks)
