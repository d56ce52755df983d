"""Run-in text, as web pages and abstracts give a regulation: the title on one line, a label and
its items on one line ("Menimbang : a. bahwa ...; b. bahwa ..."), a chapter, its Pasal and the
Pasal's list in one paragraph ("BAB I KETENTUAN UMUM Pasal 1 Dalam ... : 1. Daerah adalah ...").

Such a line is split where a new unit starts, before the structure is read. A split point is a
marker after the end of a clause (";", ":", "." or "; dan"), and the document's own numbering
decides: an item marker splits only when it is the first of a list ("a.", "1.", "(1)") or follows
the last number of its style ("c." after "b."); "Pasal 7" only when it follows the last Pasal. A
reference inside a sentence ("dimaksud dalam Pasal 5 huruf a") has no clause end before it and
does not split. Every split line is listed in the report for a human to check; no word changes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..ids import ORDINAL_NUMBER
from . import markers as mk
from .lines import Line, Log

CLAUSE_END = re.compile(r"[;:.,](?:\s+(?:dan/atau|dan|atau|serta))?$")
ITEM = re.compile(r"\s+(?=(\(\d{1,3}[a-z]?\)|[a-z]\.|[A-Z]\.|\d{1,3}\.|[a-z]\)|\d{1,3}\))\s+(\S))")
REFERENCE_WORD = re.compile(r"\b(?:Nomor|nomor|No|Pasal|pasal|ayat|huruf|angka|Tahun|tahun|tanggal|Diktum|butir|dan|atau)$")
PASAL = re.compile(r"(?:^|(?<=\S)\s+)(?=Pasal\s+(\d{1,3}[A-Z]?)\s+(?:[A-Z(]))")
PREPOSITION = re.compile(r"(?:^|\s)(?:dalam|pada|dengan|sebagaimana|dimaksud|dan|atau|menurut|berdasarkan|oleh|di|"
                         r"ke|dari|terhadap|sesuai|atas|dan/atau|serta|bahwa|ketentuan)$", re.IGNORECASE)
"""A word after which "Pasal 7" is a reference in a sentence, never a heading."""
BAGIAN = re.compile(r"(?<=\S)\s+(?=Bagian\s+(Ke\w+|Pertama)\s+[A-Z])")
PASAL_TEXT = re.compile(r"^(Pasal\s+\d{1,3}[A-Z]?)\s+(\S.*)$")
HEADING = re.compile(r"(?:(?<=[;:.])|(?<=[A-Z]{2}))\s+(?=(?:BAB\s+[IVXLC]+|Bagian\s+Ke\w+|Paragraf\s+\d+)\s+[A-Z])")
LABEL = re.compile(r"(?<=\S)\s+(?=(?:Menimbang|Mengingat|Memperhatikan|Menetapkan)\s*:|MEMUTUSKAN\s*:?)")
DIKTUM = re.compile(r"(?<=[;:.])\s+(?=(?:KESATU|PERTAMA|KEDUA|KETIGA|KEEMPAT|KELIMA|KEENAM|KETUJUH|KEDELAPAN"
                    r"|KESEMBILAN|KESEPULUH)\s*:)")
BULLET = re.compile(r"(?<=[;:.,])\s+(?=[•▪●◦➢►\uf0b7]\s)")
"""A bullet glyph never stands inside a sentence: after a clause end it starts an item."""
TITLE = re.compile(r"^(SALINAN\s+)?(?:PERATURAN|KEPUTUSAN)\b.*\bNOMOR\b.*?\s(?=TENTANG\s)")
OPENING = re.compile(r"\s+(?=DENGAN RAHMAT TUHAN YANG MAHA ESA)|(?<=TUHAN YANG MAHA ESA)\s+(?=[A-Z])")


class Numbering:
    """The last number of each marker style met so far in the document."""

    def __init__(self) -> None:
        self.last: dict[str, str] = {}
        self.pasal = 0
        self.bagian = 0

    def fits(self, marker: str) -> bool:
        it = mk.item(marker + " x")
        if it is None:
            return False
        prev = self.last.get(it.style)
        return mk.first(it.style, it.num) or (prev is not None and mk.successor(it.style, prev, it.num))

    def see(self, text: str) -> None:
        it = mk.item(text)
        if it is not None:
            self.last[it.style] = it.num
        m = re.match(r"^Pasal\s+(\d+)[A-Z]?$", text)
        if m:
            self.pasal = int(m.group(1))
        m = re.match(r"^Bagian\s+(\w+)", text)
        if m and m.group(1).lower() in ORDINAL_NUMBER:
            self.bagian = ORDINAL_NUMBER[m.group(1).lower()]


TAIL = 200
"""Characters before a marker that decide whether it starts a unit: the patterns above look at the
last words only, and a window keeps a long line (an abstract of 200 KB) linear."""


def _tail(text: str, end: int, start: int = 0) -> str:
    return text[max(start, end - TAIL):end]


def _cuts(text: str, numbering: Numbering) -> tuple[list[int], set[int]]:
    """Where `text` is split, in order, and where a Pasal heading starts (0 when the line starts with
    one); numbering is followed as the pieces are read."""
    cuts: set[int] = set()
    pasal: set[int] = set()
    for pattern in (LABEL, HEADING, DIKTUM, BULLET):
        cuts.update(m.end() for m in pattern.finditer(text))
    for m in BAGIAN.finditer(text):
        # No clause end before it (the original may lack the full stop): the ordinal must follow.
        n = ORDINAL_NUMBER.get(m.group(1).lower())
        if n is not None and n in (1, numbering.bagian + 1) and not PREPOSITION.search(text[:m.start()]):
            cuts.add(m.end())
            numbering.bagian = n
    for m in PASAL.finditer(text):
        num = int(re.findall(r"^\d+", m.group(1))[0])  # PASAL's number starts with digits
        tail = _tail(text, m.end()).rstrip()
        after_clause = m.end() == 0 or tail[-1:] in (";", ":", ".")
        if PREPOSITION.search(tail) and not after_clause:
            continue
        if num in (numbering.pasal + 1, 1) or num == numbering.pasal and m.group(1)[-1].isalpha():
            cuts.add(m.end())
            pasal.add(m.end())
            numbering.pasal = num
    last_cut = 0
    for m in ITEM.finditer(text):
        before = _tail(text, m.start(), last_cut)
        if CLAUSE_END.search(before):
            ok = numbering.fits(m.group(1))
        else:
            # No clause end: an item whose original has no closing punctuation ("... pelayanan 12.
            # Sabar"). Only a number that follows the last one, before a capital, after a word that
            # is not a reference ("Nomor 12."); or a first item after a short heading ("B. Standar
            # Perilaku 1. Adil").
            it = mk.item(m.group(1) + " x")
            head = mk.item(before.strip()) if m.start() - last_cut <= TAIL else None
            heading = head is not None and head.text[:1].isupper() and mk.is_heading_like(head.text)
            ok = bool(not REFERENCE_WORD.search(before) and it is not None
                  and ((m.group(2).isupper() and not mk.first(it.style, it.num) and numbering.fits(m.group(1)))
                       or (mk.first(it.style, it.num) and heading)
                       or (mk.first(it.style, it.num) and re.search(r"\bPasal\s+\d+[A-Z]?$", before))))
        if ok:
            cuts.add(m.start() + len(m.group(0)))
            numbering.see(m.group(1) + " x")
            last_cut = m.end()
    return sorted(c for c in cuts if 0 < c < len(text)), pasal


def _title_cuts(text: str) -> list[int]:
    """A heading run in: "SALINAN" / title up to NOMOR / "TENTANG ..." / "DENGAN RAHMAT ..." / the
    official."""
    if not mk.is_caps(text):
        return []
    cuts: set[int] = set()
    copy = re.match(r"^SALINAN\s+(?=(?:PERATURAN|KEPUTUSAN)\b)", text)
    if copy:
        cuts.add(copy.end())
    m = TITLE.match(text)
    if m:
        cuts.add(m.end())
        # A Keputusan has no "DENGAN RAHMAT ...": the official who enacts it ends the line, named as
        # in the title ("KEPUTUSAN KEPALA DINAS X NOMOR ..." ... "KEPALA DINAS X,").
        issuer = re.match(r"^(?:SALINAN\s+)?\S+\s+(.*?)\s+NOMOR\b", m.group(0))
        official = re.search(rf"\s(?={re.escape(issuer.group(1))},$)", text.rstrip()) if issuer else None
        if official and official.start() > m.end():
            cuts.add(official.end())
    if m or text.startswith("DENGAN RAHMAT"):
        cuts.update(o.end() for o in OPENING.finditer(text) if o.end() > (m.end() if m else 0))
    return sorted(c for c in cuts if 0 < c < len(text))


def _pieces(text: str, cuts: list[int]) -> list[str]:
    return [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)])]


def split_run_in(lines: list[Line], log: Log) -> list[Line]:
    numbering = Numbering()
    out: list[Line] = []
    for line, in_form in zip(lines, mk.form_lines(lines)):
        text = line.text
        if line.blank or line.tabbed or len(text) < 40 or in_form:
            numbering.see(text)
            out.append(line)
            continue
        cuts, pasal = _title_cuts(text), set[int]()
        if not cuts:
            cuts, pasal = _cuts(text, numbering)
        if not cuts and 0 not in pasal:
            numbering.see(text)
            out.append(line)
            continue
        pieces: list[str] = []
        for a, piece in zip([0, *cuts], _pieces(text, cuts)):
            # "Pasal 1 Dalam ..." -> "Pasal 1" / "Dalam ...": the Pasal's heading stands alone.
            m = PASAL_TEXT.match(piece) if a in pasal else None
            # A whole opening on one line: the title, cut off by the labels, is cut in turn.
            pieces += list(m.groups()) if m else _pieces(piece, _title_cuts(piece)) if a == 0 else [piece]
        pieces = [p for p in pieces if p]
        for piece in pieces:
            numbering.see(piece)
            out.append(replace(line, text=piece))
        log.guess(line, f"a run-in line was split into {len(pieces)} lines (before "
                        f"{', '.join(repr(p.split()[0]) for p in pieces[1:4])}{', ...' if len(pieces) > 4 else ''}); "
                        "check the split against the original")
    return out
