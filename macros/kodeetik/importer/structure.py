"""The structure parser: from cleaned lines to nested provisions.

Two parts. `ListBuilder` nests list items by their markers: an item continues the list whose last
number it follows (`b.` after `a.`), a first item (`a.`, `1.`, `(1)`, a bullet) opens a list under
the item or paragraph before it. Indentation is ignored: extraction does not keep it reliably.
`BodyParser` reads the body: BAB > Bagian > Paragraf > Pasal, slide titles as `kelompok`, Diktum.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ids import number_part
from . import markers as mk
from . import slides
from .lines import Line, Log
from .nodes import DNode

ITEM_TYPE = {"(1)": "ayat", "a.": "huruf", "a)": "huruf", "A.": "huruf", "1.": "angka", "1)": "angka"}
DEFAULT_MARKER = {"(1)": True, "a.": True, "A.": True, "1.": True}
OWNS_TEXT = {"pasal", "diktum", "ayat", "huruf", "angka", "butir"}


def ends_open(text: str | None) -> bool:
    """Text that introduces what follows ("... meliputi:")."""
    return text is not None and text.rstrip().endswith(":")


@dataclass
class Level:
    """One open list: its marker style, the node that holds it, and its last number."""

    style: str
    owner: DNode
    last: str | None


@dataclass
class ListBuilder:
    """Adds items, bullets and paragraphs to one container (a Pasal, a kelompok, a Lampiran...)."""

    container: DNode
    slides: bool = False
    """Inside a slide's group: a paragraph starting in lower case is a bullet whose glyph was lost."""
    levels: list[Level] = field(default_factory=list)
    last: DNode | None = None
    checks: list[tuple[int, str]] = field(default_factory=list)

    def _owner_for_new_list(self, kind: str) -> DNode:
        last = self.last
        if last is None:
            return self.container
        if last.type in ("teks", "butir", "kelompok") and not ends_open(last.text) and not last.heading:
            # A list after a closed paragraph stands beside it, not under it.
            return self.levels[-1].owner if self.levels and last.type == "butir" and kind == "bullet" \
                else self._parent_of(last)
        return last

    def _parent_of(self, node: DNode) -> DNode:
        for level in reversed(self.levels):
            if node in level.owner.children:
                return level.owner
        return self.container

    def _close_to(self, level: Level) -> None:
        while self.levels and self.levels[-1] is not level:
            self.levels.pop()

    def add_item(self, line: Line, it: mk.ListItem) -> None:
        style, num = it.style, it.num
        match = next((lv for lv in reversed(self.levels)
                      if lv.style == style and lv.last is not None and mk.successor(style, lv.last, num)), None)
        if match is not None:
            self._close_to(match)
            level = match
        else:
            owner = self._owner_for_new_list("item")
            level = Level(style, owner, None)
            if not mk.first(style, num):
                same = next((lv for lv in reversed(self.levels) if lv.style == style), None)
                if same is not None:
                    self._close_to(same)
                    level = same
                self.checks.append((line.no, f"numbering goes from {level.last or 'nothing'} to {num} "
                                             f"({it.marker}); check the list against the original"))
            if level is not match and level not in self.levels:
                self.levels.append(level)
        ntype = ITEM_TYPE[style]
        if ntype == "ayat" and level.owner.type not in ("pasal", "kelompok"):
            ntype = "angka"
        node = DNode(type=ntype, num=num, no=line.no, text=it.text or None)
        if not DEFAULT_MARKER.get(style) or (ntype == "angka" and style == "(1)"):
            node.marker = it.marker
        level.owner.children.append(node)
        level.last = num
        self.last = node

    def add_bullet(self, line: Line) -> None:
        match = next((lv for lv in reversed(self.levels) if lv.style == "bullet"), None)
        if match is not None and not (self.last is not None and self.last is not match.owner
                                      and self.last not in match.owner.children and ends_open(self.last.text)):
            self._close_to(match)
            level = match
        else:
            level = Level("bullet", self._owner_for_new_list("bullet"), None)
            self.levels.append(level)
        node = DNode(type="butir", text=line.text, no=line.no)
        level.owner.children.append(node)
        self.last = node

    def add_plain(self, line: Line) -> None:
        text = line.text
        last = self.last
        c = self.container
        if last is None and c.type in ("pasal", "diktum") :
            c.add_text(text)
            return
        if last is not None and last.type in ("huruf", "angka", "ayat", "diktum") and not last.children \
                and mk.is_heading_like(last.text or "") and not last.heading:
            if ends_open(text):  # "A. Nilai Dasar" + "Dalam ... meliputi:" -> heading and text
                last.heading, last.text = last.text, text
            else:
                teks = DNode(type="teks", text=text, no=line.no)
                last.children.append(teks)
                self.levels.append(Level("teks", last, None))
                self.last = teks
            return
        if last is not None and last.type in ("ayat", "diktum") and not last.children:
            teks = DNode(type="teks", text=text, no=line.no)
            last.children.append(teks)
            self.last = teks
            return
        if self.levels and text[:1].islower() and not self.slides:
            owner = self.levels[-1].owner
            owner.text_after = f"{owner.text_after} {text}" if owner.text_after else text
            self.checks.append((line.no, "text after a list was taken as the end of the item before "
                                         "the list (text_after); check"))
            return
        self.levels.clear()
        ntype = "butir" if self.slides and text[:1].islower() else "teks"
        node = DNode(type=ntype, text=text, no=line.no)
        c.children.append(node)
        if ntype == "butir":
            self.levels.append(Level("bullet", c, None))
        self.last = node


def restore_huruf(node: DNode, log_checks: list[tuple[int, str]]) -> None:
    """In a Pasal or ayat, a list is lettered (UU 12/2011): bullets whose letters were lost become
    huruf a, b, c...; a single bullet becomes a paragraph."""
    for child in node.children:
        restore_huruf(child, log_checks)
    if node.type not in ("pasal", "ayat"):
        return
    butir = [c for c in node.children if c.type == "butir"]
    if len(butir) == 1 and not butir[0].children:
        butir[0].type = "teks"
    elif len(butir) >= 2:
        for i, b in enumerate(butir):
            b.type, b.num = "huruf", chr(ord("a") + i) if i < 26 else None
        log_checks.append((butir[0].no, f"{len(butir)} list items without letters in {node.type} "
                                        f"{node.num or ''} were lettered a-{butir[-1].num}; check against the original"))
        node.checks.append(f"CHECK: the letters a-{butir[-1].num} of this list were restored; "
                           "the source had bullets")


# --------------------------------------------------------------------------- body

@dataclass
class Unit:
    kind: str
    line: Line
    num: str | None = None
    text: str = ""
    item: mk.ListItem | None = None
    extra: list[int] = field(default_factory=list)
    """Source lines of a heading that followed on its own line."""


def classify(lines: list[Line]) -> list[Unit]:
    """Each non-blank line as a unit; a BAB/Bagian/Paragraf heading on its own next line is attached."""
    units: list[Unit] = []
    i = 0
    nonblank = [ln for ln in lines if not ln.blank]
    # Lines with no blank line between them (page furniture dropped between them does not count).
    after: dict[int, int] = {}
    for a, b in zip(lines, lines[1:]):
        if not a.blank and not b.blank:
            after[b.no] = a.no

    def adjacent(first: Line, second: Line) -> bool:
        return second.no == first.no + 1 or after.get(second.no) == first.no
    while i < len(nonblank):
        line = nonblank[i]
        t = line.text
        m = mk.BAB.match(t)
        if m:
            heading = m.group(2).strip()
            if not heading and i + 1 < len(nonblank) and _heading_line(nonblank[i + 1].text):
                parts = [nonblank[i + 1].text]
                extra = [nonblank[i + 1].no]
                i += 1
                # A heading in capitals may run over lines that follow without a break.
                while i + 1 < len(nonblank) and mk.is_caps(nonblank[i + 1].text) and _heading_line(
                        nonblank[i + 1].text) and adjacent(nonblank[i], nonblank[i + 1]):
                    parts.append(nonblank[i + 1].text)
                    extra.append(nonblank[i + 1].no)
                    i += 1
                heading = " ".join(parts)
            else:
                extra = []
            units.append(Unit("bab", line, m.group(1), heading, extra=extra))
            i += 1
            continue
        for kind, pattern in (("bagian", mk.BAGIAN), ("paragraf", mk.PARAGRAF)):
            m = pattern.match(t)
            if m:
                heading = m.group(2).strip()
                extra = []
                if not heading and i + 1 < len(nonblank) and _heading_line(nonblank[i + 1].text):
                    heading = nonblank[i + 1].text
                    extra = [nonblank[i + 1].no]
                    i += 1
                units.append(Unit(kind, line, " ".join(m.group(1).split()).capitalize() if kind == "bagian"
                                  else m.group(1), heading, extra=extra))
                break
        else:
            m = mk.PASAL.match(t)
            if m:
                units.append(Unit("pasal", line, m.group(1)))
            elif (m := mk.DIKTUM.match(t)):
                units.append(Unit("diktum", line, m.group(1), m.group(2).strip()))
            elif mk.PENUTUP.match(t):
                units.append(Unit("penutup", line, text=t))
            elif (it := mk.item(t)) is not None:
                units.append(Unit("item", line, it.num, it.text, it))
            elif line.bullet:
                units.append(Unit("bullet", line, text=t))
            elif mk.is_caps(t) and mk.is_heading_like(t.rstrip("&")) and len(t) <= 90:
                units.append(Unit("caps", line, text=t))
            else:
                units.append(Unit("plain", line, text=t))
        i += 1
    # Consecutive lines in capitals with no break between them are one heading.
    merged: list[Unit] = []
    for u in units:
        prev = merged[-1] if merged else None
        if (u.kind == "caps" and prev is not None and prev.kind == "caps"
                and (u.line.no == (prev.extra or [prev.line.no])[-1] + 1
                     or after.get(u.line.no) == (prev.extra or [prev.line.no])[-1])):
            prev.text = f"{prev.text} {u.text}"
            prev.extra.append(u.line.no)
            continue
        merged.append(u)
    return merged


def _heading_line(text: str) -> bool:
    return bool(text) and not mk.PASAL.match(text) and not mk.BAB.match(text) and mk.item(text) is None \
        and text[-1] not in ".;:," and len(text) <= 120


def _words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z0-9]+", text.upper()))


class BodyParser:
    """Reads the body of a Peraturan (BAB, Bagian, Paragraf, Pasal, slide groups) or the Diktum of a
    Keputusan into `DNode`s."""

    def __init__(self, log: Log, used: set[int], peraturan: bool):
        self.log = log
        self.used = used
        self.peraturan = peraturan
        self.root = DNode(type="root")
        self.bab: DNode | None = None
        self.bagian: DNode | None = None
        self.paragraf: DNode | None = None
        self.pasal: DNode | None = None
        self.kelompok: list[DNode] = []
        self.builder: ListBuilder | None = None
        self.penutup: list[str] = []
        self.checks: list[tuple[int, str]] = []
        self._parts: dict[int, tuple[int, set[tuple[str, str]]]] = {}

    # containers --------------------------------------------------------------------------

    def _outer(self) -> DNode:
        return self.paragraf or self.bagian or self.bab or self.root

    def _content(self) -> DNode:
        return self.pasal or (self.kelompok[-1] if self.kelompok else None) or self._outer()

    def _set_builder(self) -> ListBuilder:
        self._finish_builder()
        container = self._content()
        self.builder = ListBuilder(container, slides=bool(self.kelompok) and container is self.kelompok[-1])
        return self.builder

    def _finish_builder(self) -> None:
        if self.builder is not None:
            self.checks.extend(self.builder.checks)
            self.builder = None

    def _taken(self, parent: DNode) -> set[tuple[str, str]]:
        """The id parts of `parent`'s children, kept up to date as _append_unique adds (read again
        when a child was added another way): a long text is not re-read for each Pasal."""
        count, taken = self._parts.get(id(parent), (-1, set()))
        if count != len(parent.children):
            taken = {_part(c) for c in parent.children}
            self._parts[id(parent)] = (len(parent.children), taken)
        return taken

    def _append_unique(self, parent: DNode, node: DNode, label: str) -> None:
        """Add a numbered node; a number already used by a sibling gets an `eid` with a letter."""
        taken = self._taken(parent)
        part = f"{node.type}_{number_part(node.type, node.num)}" if node.num else None
        if part and (node.type, part) in taken:
            for suffix in "abcdefgh":
                if (node.type, part + suffix) not in taken:
                    node.eid = part + suffix
                    break
            node.checks.append(f"CHECK: the original numbers two {label}s alike; this one got eid "
                               f"{node.eid}. Add a 'catatan' explaining it.")
            self.checks.append((node.no, f"{label} {node.num} appears twice; the second got eid {node.eid}"))
        parent.children.append(node)
        taken.add(_part(node))
        self._parts[id(parent)] = (len(parent.children), taken)

    # units ---------------------------------------------------------------------------------

    def parse(self, units: list[Unit]) -> DNode:
        i = 0
        while i < len(units):
            u = units[i]
            self.used.add(u.line.no)
            self.used.update(u.extra)
            handler = getattr(self, f"_on_{u.kind}")
            i = handler(units, i) or i + 1
        self._finish_builder()
        if self.peraturan:
            restore_huruf(self.root, self.checks)
        for parent in list(self.root.walk()):
            for prev, node in zip(parent.children, parent.children[1:]):
                if node.type == "kelompok" and slides.adopt_labels(prev, node):
                    self.checks.append((node.no, "a diagram title after its labels took them as its items; check"))
        return self.root

    def _on_bab(self, units, i):
        u = units[i]
        self.bab = DNode(type="bab", num=u.num, heading=u.text or None, no=u.line.no)
        self.bagian = self.paragraf = self.pasal = None
        self.kelompok = []
        self._append_unique(self.root, self.bab, "BAB")
        if not u.text:
            self.bab.checks.append("CHECK: no heading found for this BAB")
        self._set_builder()

    def _on_bagian(self, units, i):
        u = units[i]
        self.bagian = DNode(type="bagian", num=u.num, heading=u.text or None, no=u.line.no)
        self.paragraf = self.pasal = None
        self.kelompok = []
        self._append_unique(self.bab or self.root, self.bagian, "Bagian")
        self._set_builder()

    def _on_paragraf(self, units, i):
        u = units[i]
        self.paragraf = DNode(type="paragraf", num=u.num, heading=u.text or None, no=u.line.no)
        self.pasal = None
        self._append_unique(self.bagian or self.bab or self.root, self.paragraf, "Paragraf")
        self._set_builder()

    def _on_pasal(self, units, i):
        u = units[i]
        self.pasal = DNode(type="pasal", num=u.num, no=u.line.no)
        self.kelompok = []
        self._append_unique(self._outer(), self.pasal, "Pasal")
        self._set_builder()

    def _on_diktum(self, units, i):
        u = units[i]
        self.pasal = DNode(type="diktum", num=u.num, text=u.text or None, no=u.line.no)
        self._append_unique(self.root, self.pasal, "Diktum")
        self._set_builder()

    def _on_penutup(self, units, i):
        self.penutup.append(units[i].text)

    def _on_item(self, units, i):
        u = units[i]
        if u.item.style == "A." and not self._continues_upper(u.item.num) and u.item.num != "A":
            return self._on_plain(units, i)
        self._ensure_builder().add_item(u.line, u.item)

    def _continues_upper(self, num: str) -> bool:
        b = self.builder
        return b is not None and any(lv.style == "A." and lv.last and mk.successor("A.", lv.last, num)
                                     for lv in b.levels)

    def _on_bullet(self, units, i):
        self._ensure_builder().add_bullet(units[i].line)

    def _on_plain(self, units, i):
        builder = self._ensure_builder()
        nxt = units[i + 1] if i + 1 < len(units) else None
        if nxt is not None and nxt.kind == "item" and builder.levels:
            # A paragraph between two items of one list ends the item before it.
            level = next((lv for lv in reversed(builder.levels) if lv.style == nxt.item.style and lv.last
                          and mk.successor(lv.style, lv.last, nxt.item.num)), None)
            if level is not None and level is not builder.levels[-1] and level.owner.children:
                node = level.owner.children[-1]
                node.text_after = f"{node.text_after} {units[i].text}" if node.text_after else units[i].text
                builder.checks.append((units[i].line.no, "a paragraph between two items was taken as the "
                                                         "end of the item before it (text_after); check"))
                return None
        builder.add_plain(units[i].line)

    def _text_continues(self, units: list[Unit], i: int) -> bool:
        """Whether the text after a repeated group title (units[i]) carries on the group: a slide
        continued on the next slide, its title printed again like a running header. It does when the
        text before it is unfinished, or the text after it goes on: in lower case, a list item
        numbered after the last one, a bullet of a bullet list. It does not when a new sentence
        follows a finished one or a list starts again at its first marker ("a.", "1."): that is a
        new group under the same title."""
        nxt = units[i + 1] if i + 1 < len(units) else None
        b = self.builder
        if nxt is None or b is None or b.last is None or nxt.kind not in ("item", "bullet", "plain"):
            return True  # a title with nothing new under it, or nothing before it: printed twice
        if ends_open(b.last.text) or not mk.finished(b.last.text or ""):
            return True
        if nxt.item is not None:
            it = nxt.item
            return not mk.first(it.style, it.num) or any(
                lv.style == it.style and lv.last and mk.successor(lv.style, lv.last, it.num) for lv in b.levels)
        if nxt.kind == "bullet":
            return any(lv.style == "bullet" for lv in b.levels)
        return nxt.text[:1].islower()

    def _ensure_builder(self) -> ListBuilder:
        return self.builder if self.builder is not None else self._set_builder()

    def _on_caps(self, units, i):
        u = units[i]
        if self.pasal is not None:
            return self._on_plain(units, i)
        if self.kelompok and _words(u.text) == _words(self.kelompok[-1].heading or "") \
                and self._text_continues(units, i):
            self.log.noise.append(_noise(u.line, "repeated slide title"))
            return None
        # In a chapter of definitions, a term in capitals followed by one paragraph is a definition.
        if self.bab is not None and "KETENTUAN UMUM" in (self.bab.heading or "").upper() and not self.kelompok:
            j, terms = i, []
            while j < len(units) and units[j].kind == "caps":
                terms.append(units[j])
                j += 1
            nested = len(terms) > 1 and _words(terms[1].text) < _words(terms[0].text)
            if (not nested and j < len(units) and units[j].kind == "plain"
                    and (j + 1 == len(units) or units[j + 1].kind in ("caps", "bab"))):
                self._finish_builder()
                node = DNode(type="butir", heading=" ".join(t.text for t in terms), text=units[j].text,
                             no=u.line.no)
                (self.bab or self.root).children.append(node)
                for t in terms + [units[j]]:
                    self.used.add(t.line.no)
                return j + 1
        words = _words(u.text)
        parent_index = next((k for k in range(len(self.kelompok) - 1, -1, -1)
                             if words < _words(self.kelompok[k].heading or "")), None)
        self._finish_builder()
        if parent_index is None:
            self.kelompok = []
            parent = self._outer()
        else:
            self.kelompok = self.kelompok[: parent_index + 1]
            parent = self.kelompok[-1]
        node = DNode(type="kelompok", heading=u.text, no=u.line.no)
        _mark_repeat(parent, node)
        parent.children.append(node)
        self.kelompok.append(node)
        self._set_builder()
        return None


def _part(node: DNode) -> tuple[str, str]:
    return node.type, node.eid or f"{node.type}_{number_part(node.type, node.num) if node.num else ''}"


def _mark_repeat(parent: DNode, node: DNode) -> None:
    """A group with the heading of the group before it (a slide title repeated over a new list) is
    counted as that group's sequel: eid `kelompok_1a`, so the groups after it keep their ids whether
    a human keeps the two apart or merges them."""
    prev = next((c for c in reversed(parent.children) if c.type == node.type), None)
    if prev is None or _words(prev.heading or "") != _words(node.heading or ""):
        return
    same = [c for c in parent.children if c.type == node.type]
    base = f"{node.type}_{sum(1 for c in same if not c.eid)}"
    taken = {c.eid for c in same}
    node.eid = next(base + s for s in "abcdefghijklmnopqrstuvwxyz" if base + s not in taken)
    node.checks.append(f"CHECK: the same heading as the group before it, but a new text or list starts "
                       f"under it, so it was taken as a new group (eid {node.eid}). Merge the two if the "
                       "original continues one group; else add a 'catatan' saying why there are two.")


def _noise(line: Line, rule: str):
    from .lines import Noise
    return Noise(line.no, rule, line.raw.strip())
