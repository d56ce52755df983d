"""Provision ids in the Akoma Ntoso style: `bab_3__pasal_7__huruf_a`.

An id is the chain of its ancestors' parts joined by `__`. A part is `<type>_<number>`, the number
lowercased, with Roman BAB/LAMPIRAN numbers and Bagian ordinals turned into Arabic numbers so that
ids read the same whatever style the original used. Unnumbered nodes are counted among their
siblings of the same type. The scheme is documented in regulations/README.md; changing it breaks
every permanent link, so don't.
"""

from __future__ import annotations

import re

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ORDINALS = [
    "kesatu", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan",
    "kesembilan", "kesepuluh", "kesebelas", "kedua belas", "ketiga belas", "keempat belas",
    "kelima belas", "keenam belas", "ketujuh belas", "kedelapan belas", "kesembilan belas",
    "kedua puluh",
]
ORDINAL_NUMBER = {word: i + 1 for i, word in enumerate(_ORDINALS)}
ORDINAL_NUMBER["pertama"] = 1

SEP = "__"
PART_RE = re.compile(r"^[a-z]+(_[a-z0-9]+)?$")


def roman_to_int(text: str) -> int | None:
    s = text.upper()
    if not s or any(ch not in _ROMAN for ch in s):
        return None
    total = 0
    for i, ch in enumerate(s):
        value = _ROMAN[ch]
        if i + 1 < len(s) and _ROMAN[s[i + 1]] > value:
            total -= value
        else:
            total += value
    return total if int_to_roman(total) == s else None


def int_to_roman(n: int) -> str:
    out = []
    for value, sym in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                       (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def number_part(kind: str, num: str) -> str | None:
    """The id number for a written number, or None when it cannot be read for that kind."""
    text = num.strip()
    if kind in ("bab", "lampiran"):
        if text.isdigit():
            return str(int(text))
        value = roman_to_int(text)
        return None if value is None else str(value)
    if kind == "bagian":
        value = ORDINAL_NUMBER.get(text.lower())
        if value is None and text.isdigit():
            value = int(text)
        return None if value is None else str(value)
    slug = re.sub(r"[^a-z0-9]+", "", text.lower())
    return slug or None


def join(*parts: str) -> str:
    return SEP.join(p for p in parts if p)
