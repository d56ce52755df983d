"""Split a cleaned text into its parts: preamble, Menimbang, Mengingat, Menetapkan, body, signature
blocks, Tembusan and Lampiran. Lines the parts do not claim stay in `unplaced`."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import markers as mk
from .lines import Line


@dataclass
class Parts:
    preamble: list[Line] = field(default_factory=list)
    menimbang: list[Line] = field(default_factory=list)
    mengingat: list[Line] = field(default_factory=list)
    memutuskan: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    signatures: list[tuple[str, list[Line]]] = field(default_factory=list)
    pengundangan: list[Line] = field(default_factory=list)
    tembusan: list[Line] = field(default_factory=list)
    lampiran: list[list[Line]] = field(default_factory=list)
    other: list[Line] = field(default_factory=list)
    """Lines after a signature that no part claims (e.g. a copy's authentication block)."""


def _label_line(line: Line, text: str) -> Line:
    return Line(text=text, no=line.no, raw=line.raw, bullet=False, tabbed=line.tabbed, page=line.page)


SIGNATURE_END = (mk.DITETAPKAN, mk.PENGUNDANGAN, mk.LAMPIRAN, mk.TEMBUSAN, mk.BAB, mk.PASAL, mk.LABEL,
                 mk.DIKTUM)


def _is_body_start(text: str) -> bool:
    return bool(mk.BAB.match(text) or mk.PASAL.match(text) or mk.DIKTUM.match(text))


def split(lines: list[Line]) -> Parts:
    parts = Parts()
    state = "preamble"
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        t = line.text
        if line.blank:
            (parts.lampiran[-1] if state == "lampiran" else _target(parts, state)).append(line)
            i += 1
            continue
        if state == "lampiran":
            m = mk.LAMPIRAN.match(t)
            if m and _starts_paragraph(lines, i):
                parts.lampiran.append([line])
            else:
                parts.lampiran[-1].append(line)
            i += 1
            continue
        m = mk.LABEL.match(t)
        if m and state in ("preamble", "menimbang", "mengingat", "memutuskan", "memperhatikan"):
            label, rest = m.group(1), m.group(2).strip()
            if label == "Menetapkan":
                parts.memutuskan.append(_label_line(line, rest))
                state = "menetapkan"
            else:
                state = label.lower()
                if rest:
                    _target(parts, state).append(_label_line(line, rest))
            i += 1
            continue
        if mk.MEMUTUSKAN.match(t) and state in ("preamble", "menimbang", "mengingat", "memperhatikan"):
            state = "memutuskan"
            i += 1
            continue
        if state == "menetapkan":
            if _is_body_start(t) or mk.DITETAPKAN.match(t):
                state = "body"
                continue
            parts.memutuskan.append(line)
            i += 1
            continue
        if mk.DITETAPKAN.match(t) and state != "menimbang" and state != "mengingat":
            kind = "ditetapkan" if t.lower().startswith("ditetapkan") else "diundangkan"
            block = [line]
            i += 1
            while i < n:
                nxt = lines[i]
                if not nxt.blank and (any(p.match(nxt.text) for p in SIGNATURE_END)
                                      or nxt.text.lower().startswith("salinan sesuai")
                                      or _list_item(nxt.text)
                                      or len([b for b in block if not b.blank]) >= 9):
                    break
                block.append(nxt)
                i += 1
            parts.signatures.append((kind, block))
            if state in ("body", "memutuskan"):
                state = "closing"
            continue
        if mk.PENGUNDANGAN.match(t) and state != "body":
            parts.pengundangan.append(line)
            i += 1
            continue
        if (tembusan := mk.TEMBUSAN.match(t)) and state in ("closing", "body"):
            state = "tembusan"
            rest = tembusan.group(1)
            if rest:
                parts.tembusan.append(_label_line(line, rest))
            i += 1
            continue
        if mk.LAMPIRAN.match(t) and state in ("closing", "tembusan", "body") and _starts_paragraph(lines, i) \
                and mk.is_caps(t.split(":")[0]):
            state = "lampiran"
            parts.lampiran.append([line])
            i += 1
            continue
        if state in ("preamble", "memutuskan") and _is_body_start(t):
            state = "body"
            continue
        _target(parts, state).append(line)
        i += 1
    return parts


def _list_item(text: str) -> bool:
    """A list item ends a signature block; a name with an initial ("M. HUSNI") does not."""
    it = mk.item(text)
    return it is not None and it.style != "A." and not text.upper().startswith("NIP")


def _starts_paragraph(lines: list[Line], i: int) -> bool:
    return i == 0 or lines[i - 1].blank or not lines[i - 1].text


def _target(parts: Parts, state: str) -> list[Line]:
    return {
        "preamble": parts.preamble, "menimbang": parts.menimbang, "mengingat": parts.mengingat,
        "memperhatikan": parts.other, "memutuskan": parts.memutuskan, "menetapkan": parts.memutuskan,
        "body": parts.body,
        "closing": parts.other, "tembusan": parts.tembusan,
    }[state]
