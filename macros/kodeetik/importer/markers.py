"""What a line is: a heading (BAB, Bagian, Pasal), a list item with its marker, a label, or text.

List markers come in several styles: `a.` `a)` `A.` `1.` `1)` `(1)` and bullets. The style is kept
so that the structure parser can tell a sibling (`b.` after `a.`) from a nested list (`1.` under `a.`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..ids import ORDINAL_NUMBER, roman_to_int

ORDINALS = sorted(ORDINAL_NUMBER, key=len, reverse=True)
_ORD = "|".join(o.replace(" ", r"\s+") for o in ORDINALS)

BAB = re.compile(r"^BAB\s+([IVXLC]+|\d+)\b\.?\s*(?:[–—:-]\s*)?(.*)$")
BAGIAN = re.compile(rf"^Bagian\s+({_ORD})\b\s*(.*)$", re.IGNORECASE)
PARAGRAF = re.compile(r"^Paragraf\s+(\d+)\b\s*(.*)$")
PASAL = re.compile(r"^Pasal\s+(\d+[A-Z]?)$")
DIKTUM_WORDS = ["KESATU", "PERTAMA", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH",
                "KEDELAPAN", "KESEMBILAN", "KESEPULUH", "KESEBELAS", "KEDUA BELAS", "KETIGA BELAS",
                "KEEMPAT BELAS", "KELIMA BELAS"]
DIKTUM = re.compile(r"^(" + "|".join(sorted(DIKTUM_WORDS, key=len, reverse=True)) + r")\s*:\s*(.*)$")

ITEM_PATTERNS = [
    ("(1)", re.compile(r"^\((\d{1,3}[a-z]?)\)\s*(.*)$")),
    ("a)", re.compile(r"^([a-z]{1,2})\)\s+(.*)$")),
    ("1)", re.compile(r"^(\d{1,3}[a-z]?)\)\s+(.*)$")),
    ("a.", re.compile(r"^([a-z])\.\s*(.*)$")),
    ("A.", re.compile(r"^([A-Z])\.\s+(.*)$")),
    ("1.", re.compile(r"^(\d{1,3}[a-z]?)\.(?:\s+(.*)|$)")),
]

LABEL = re.compile(r"^(Menimbang|Mengingat|Memperhatikan|Menetapkan)\s*:?\s*(.*)$")
MEMUTUSKAN = re.compile(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\s*:?$")
DITETAPKAN = re.compile(r"^(Ditetapkan|Diundangkan)\s+di\b\s*:?\s*(.*)$", re.IGNORECASE)
PADA_TANGGAL = re.compile(r"^[Pp]ada\s+[Tt]anggal\s*:?\s*(\d.*)?$")
PENGUNDANGAN = re.compile(r"^(BERITA|LEMBARAN)\s+DAERAH\b")
LAMPIRAN = re.compile(r"^LAMPIRAN(?:\s+([IVXLC]+|\d+))?\b\s*(?::\s*(.*))?(.*)$")
TEMBUSAN = re.compile(r"^Tembusan\b\s*(?:Yth\.?)?\s*:?\s*(.*)$", re.IGNORECASE)
PENUTUP = re.compile(r"^Agar setiap orang mengetahuinya")
FORM_TITLE = re.compile(r"^(FORMAT|FORMULIR|BLANKO|CONTOH)\b")
"""The title of a form in a Lampiran: its lines are kept as printed."""


def form_lines(lines) -> list[bool]:
    """For each line, whether it stands in a form (from a form's title to the next LAMPIRAN): the
    layout rules leave a form's lines as they are."""
    out, inside = [], False
    for line in lines:
        if LAMPIRAN.match(line.text):
            inside = False
        elif FORM_TITLE.match(line.text) and is_caps(line.text):
            inside = True
        out.append(inside)
    return out


@dataclass(frozen=True)
class ListItem:
    """A list item: its marker style, number as written, the marker as written, and its text."""

    style: str
    num: str
    marker: str
    text: str


def item(text: str) -> ListItem | None:
    for style, pattern in ITEM_PATTERNS:
        m = pattern.match(text)
        if m:
            num, rest = m.group(1), (m.group(2) or "").strip()
            marker = text[: m.start(2)].strip() if m.group(2) is not None else text.strip()
            return ListItem(style, num, marker, rest)
    return None


def is_caps(text: str) -> bool:
    """A line in capitals (a heading, a title, an official's position)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return False
    upper = sum(c.isupper() for c in letters)
    return upper / len(letters) >= 0.85


def is_heading_like(text: str) -> bool:
    """Short, without closing punctuation: could be a slide title or a subheading."""
    return bool(text) and len(text.split()) <= 8 and text[-1] not in ".;:,"


def finished(text: str) -> bool:
    """Text that ends a sentence or a list item (".", ";", "!", "?"): what follows may start anew."""
    return text.rstrip()[-1:] in (".", ";", "!", "?")


def successor(style: str, prev: str, num: str) -> bool:
    """`num` follows `prev` in the same numbering (b after a, 3 after 2, 5a after 5)."""
    if style in ("a.", "a)", "A."):
        if len(prev) == 1 and len(num) == 1:
            return ord(num.lower()) == ord(prev.lower()) + 1
        return len(num) == 2 and len(prev) <= 2 and num[-1] == num[0] and (
            prev.lower() == "z" or (len(prev) == 2 and ord(num[0].lower()) == ord(prev[0].lower()) + 1))
    a = re.match(r"(\d+)([a-z]?)$", prev)
    b = re.match(r"(\d+)([a-z]?)$", num)
    if not a or not b:
        return False
    pa, pb = int(a.group(1)), int(b.group(1))
    if pb == pa + 1 and not b.group(2):
        return True
    return pb == pa and bool(b.group(2)) and (not a.group(2) or ord(b.group(2)) == ord(a.group(2)) + 1)


def first(style: str, num: str) -> bool:
    return num in ("a", "A", "1")


def roman(num: str) -> int | None:
    return roman_to_int(num)
