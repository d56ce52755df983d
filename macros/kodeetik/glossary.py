"""The glossary: definitions of each regulation's Ketentuan Umum, merged per normalised term.

A definition is a provision tagged with an item of the `definisi` area. The term it defines (and
its short form, "yang selanjutnya disebut Pelaksana") is read from its words, so the site can
show the definition wherever the term is used in that regulation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Corpus, Node, Regulation
from .topics import ButirTopik, Topics

DEFINITION_AREA = "definisi"

_ALIAS = re.compile(r"\b(?:yang\s+)?selanjutnya\s+(?:disebut(?:\s+dengan)?|disingkat)\s+(?P<alias>.+?)\s+"
                    r"(?:adalah|yaitu|merupakan)\b")
_DEFINIENS = re.compile(r"\b(?:adalah|yaitu|merupakan)\s+")
_TERM = re.compile(r"^(?P<term>.+?)\s*,?\s+(?:(?:yang\s+)?selanjutnya\s+(?:disebut|disingkat)|adalah|yaitu|merupakan)\b")


@dataclass(frozen=True, slots=True)
class Definition:
    """One regulation's definition of a term."""

    reg: Regulation
    """The regulation."""
    node: Node
    """The defining provision."""
    item: ButirTopik
    """The normalised term (an item of the `definisi` area)."""
    term: str
    """The term as the regulation writes it, e.g. `Pelaksana pelayanan publik`."""
    aliases: tuple[str, ...]
    """Short forms it introduces, e.g. `Pelaksana`, `APBD`."""

    @property
    def wording(self) -> str:
        """The defining words exactly as enacted (heading and text of the provision)."""
        return " ".join(p for p in (self.node.heading, self.node.text) if p)

    @property
    def definiens(self) -> str:
        """What the term is said to be: the words after "adalah" (for comparing wordings only)."""
        match = _DEFINIENS.search(self.node.text or "")
        return (self.node.text or "")[match.end():] if match else (self.node.text or "")


@dataclass(frozen=True, slots=True)
class Entry:
    """A normalised term with its definitions, identical wordings grouped together."""

    item: ButirTopik
    """The normalised term."""
    groups: tuple[tuple[Definition, ...], ...]
    """Definitions saying the same (same words after "adalah") form one group, in corpus order."""


def term_of(node: Node) -> tuple[str, tuple[str, ...]] | None:
    """(term, aliases) read from a definition's words, or None when they cannot be read."""
    text = node.text or ""
    alias_match = _ALIAS.search(text)
    aliases = (alias_match.group("alias").strip(),) if alias_match else ()
    if node.heading:  # slide style: the term is the heading, the text is the definition
        return node.heading.strip(), aliases
    match = _TERM.match(text)
    if not match:
        return None
    return match.group("term").strip(), aliases


def definitions(corpus: Corpus, topics: Topics) -> list[Definition]:
    """Every definition in the corpus, in regulation then document order."""
    out: list[Definition] = []
    area_items = [i for a in topics.areas if a.key == DEFINITION_AREA for i in a.items]
    for reg in corpus.regulations:
        found: list[tuple[int, Definition]] = []
        order = {eid: i for i, eid in enumerate(reg.provisions)}
        for item in area_items:
            for hit in topics.hits_for(item.key, reg.id):
                read = term_of(hit.node)
                if read is None:
                    continue
                term, aliases = read
                found.append((order[hit.node.eid], Definition(reg=reg, node=hit.node, item=item,
                                                              term=term, aliases=aliases)))
        out.extend(d for _, d in sorted(found, key=lambda x: x[0]))
    return out


def _same(text: str) -> str:
    """Definitions that differ only in spacing, letter case or the final stop read the same."""
    return re.sub(r"\s+", " ", text).strip().rstrip(".;").casefold()


def entries(corpus: Corpus, topics: Topics) -> list[Entry]:
    """The glossary: one entry per normalised term, sorted by label."""
    by_item: dict[str, list[Definition]] = {}
    for d in definitions(corpus, topics):
        by_item.setdefault(d.item.key, []).append(d)
    out = []
    for key, defs in by_item.items():
        groups: dict[str, list[Definition]] = {}
        for d in defs:
            groups.setdefault(_same(d.definiens), []).append(d)
        out.append(Entry(item=topics.items[key], groups=tuple(tuple(g) for g in groups.values())))
    return sorted(out, key=lambda e: e.item.label.casefold())
