"""Topic taxonomy and the coding of provisions by topic: the frozen objects and the coverage rules.

The taxonomy (`regulations/_topik.yaml`) has areas (`larangan`) holding items (`larangan.pungli`).
Each regulation's coding (`regulations/_topik/<regulation-id>.yaml`) maps provision ids to items.
Loading and validation live in `topics_loader.py`; nothing here knows about MkDocs.

Rules (documented for maintainers in regulations/README.md, "Topics"):

- A provision is *normative* when it is a node of the body (`batang_tubuh`), of a `diktum` or of a
  lampiran, its type is pasal, ayat, huruf, angka, butir, teks or diktum, it has words of its own
  (`text` or `text_after`), and it is not inside a `formulir`. Menimbang, Mengingat, headings (BAB,
  Bagian, Paragraf, kelompok), forms, and the signature blocks are not normative.
- A tag on a node covers the node and everything nested under it.
- A node whose words only introduce its list (it has normative children and no `text_after`)
  counts as covered when every normative child is covered; its words are shown as context above
  each child's wording in comparisons.
- A node is *untagged* when it is normative and not covered. None may remain in a published
  regulation (tests/test_topics.py); the build reports any that do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Iterator, Mapping

from .model import Corpus, Node, Regulation

NORMATIVE_TYPES = frozenset({"pasal", "ayat", "huruf", "angka", "butir", "teks", "diktum"})
"""Node types that can be a provision of their own."""
UNTAGGABLE_TYPES = frozenset({"bab", "bagian", "paragraf", "formulir"})
"""Structural headings and forms: a tag there would mean nothing precise."""


@dataclass(frozen=True, slots=True)
class ButirTopik:
    """A normalised topic inside an area, e.g. `larangan.pungli`."""

    key: str
    """Full key, `<area>.<item>`; used in coding files, anchors and data files."""
    area: str
    """Key of the area it belongs to."""
    label: str
    """Plain label shown to readers (Bahasa Indonesia)."""
    penjelasan: str
    """Short plain-language explanation by the site's editors; never legal text."""
    terkait: tuple[str, ...]
    """Keys of related items in other areas (e.g. the prohibition mirroring an obligation)."""
    line: int
    """Line in the taxonomy file, for messages."""
    kata_cari: tuple[str, ...] = ()
    """Words citizens type for it ("pungli", "uang pelicin"), lowercase: indexed for search with the
    provisions tagged with it, never shown as their text (`_node.html`, `assets/search.js`)."""


@dataclass(frozen=True, slots=True)
class Bidang:
    """A topic area, e.g. `larangan` (prohibitions), with its items in display order."""

    key: str
    """Key, lowercase letters, digits and `_`."""
    label: str
    """Plain label shown to readers."""
    penjelasan: str
    """Short plain-language explanation by the site's editors; never legal text."""
    items: tuple[ButirTopik, ...]
    """Its items, in the order of the taxonomy file."""

    @property
    def slug(self) -> str:
        """URL part of the area's comparison page."""
        return self.key.replace("_", "-")


@dataclass(frozen=True, slots=True)
class Hit:
    """A provision tagged with an item: what a comparison cell shows."""

    reg: Regulation
    """The regulation."""
    node: Node
    """The tagged provision (shown with everything nested under it)."""
    context: tuple[Node, ...]
    """Ancestors whose words lead into it (outermost first), shown as context."""


@dataclass(frozen=True)
class Topics:
    """The taxonomy and the coding of every regulation, with coverage computed."""

    areas: tuple[Bidang, ...]
    """Areas in display order."""
    items: Mapping[str, ButirTopik]
    """Every item by full key."""
    tags: Mapping[str, Mapping[str, tuple[str, ...]]]
    """Own tags: regulation id -> provision id -> item keys, in the coding file's order."""
    untagged: Mapping[str, tuple[str, ...]]
    """Regulation id -> ids of normative provisions not covered by any tag (document order)."""
    hits: Mapping[tuple[str, str], tuple[Hit, ...]] = field(default_factory=lambda: MappingProxyType({}))
    """(item key, regulation id) -> tagged provisions, in document order."""

    def area(self, key: str) -> Bidang:
        return next(a for a in self.areas if a.key == key)

    def hits_for(self, item_key: str, reg_id: str) -> tuple[Hit, ...]:
        return self.hits.get((item_key, reg_id), ())

    def is_complete(self, reg_id: str) -> bool:
        """Whether every normative provision of the regulation is tagged."""
        return not self.untagged.get(reg_id)

    def tags_of(self, reg_id: str, eid: str) -> tuple[str, ...]:
        return self.tags.get(reg_id, {}).get(eid, ())


# --------------------------------------------------------------------------- structure helpers

def related_keys(item: ButirTopik, topics: Topics) -> set[str]:
    """Keys related to an item either way (`terkait` is written on one side only): the same matter
    under another topic ("disiplin" as a value and as a rule of conduct)."""
    out = set(item.terkait)
    out.update(i.key for i in topics.items.values() if item.key in i.terkait)
    return out


def parent_map(reg: Regulation) -> dict[str, Node | None]:
    """Provision id -> parent node (None at the top of the body, a diktum or a lampiran)."""
    out: dict[str, Node | None] = {}

    def visit(nodes: tuple[Node, ...], parent: Node | None) -> None:
        for n in nodes:
            out[n.eid] = parent
            visit(n.children, n)

    for group in (reg.menimbang, reg.mengingat, reg.batang_tubuh, reg.diktum):
        visit(group, None)
    for lamp in reg.lampiran:
        visit(lamp.children, None)
    return out


def operative_nodes(reg: Regulation) -> Iterator[Node]:
    """Nodes of the body, the diktum and the lampiran (not Menimbang/Mengingat), in order."""
    for group in (reg.batang_tubuh, reg.diktum):
        for node in group:
            yield from node.walk()
    for lamp in reg.lampiran:
        for node in lamp.children:
            yield from node.walk()


def in_form(node_eid: str, parents: dict[str, Node | None]) -> bool:
    """Whether the node is part of a form (a formulir or inside one)."""
    parent = parents.get(node_eid)
    while parent is not None:
        if parent.type == "formulir":
            return True
        parent = parents.get(parent.eid)
    return False


def is_taggable(reg: Regulation, eid: str, parents: dict[str, Node | None] | None = None) -> bool:
    """Whether a tag may be placed on this provision (see the module rules)."""
    node = reg.provisions.get(eid)
    if node is None or eid.startswith(("menimbang", "mengingat")) or node.type in UNTAGGABLE_TYPES:
        return False
    if reg.belum_pasti(eid):
        return False
    return not in_form(eid, parents if parents is not None else parent_map(reg))


def is_normative(node: Node, parents: dict[str, Node | None], reg: Regulation) -> bool:
    if node.type not in NORMATIVE_TYPES or not (node.text or node.text_after):
        return False
    if node.eid.startswith(("menimbang", "mengingat")) or reg.belum_pasti(node.eid):
        return False  # an uncertain provision is not the regulation's text: nothing to tag
    return not in_form(node.eid, parents)


def uncovered(reg: Regulation, own: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Ids of normative provisions that no tag covers (the rules in the module docstring)."""
    parents = parent_map(reg)
    out: list[str] = []

    def covered(node: Node, inherited: bool) -> bool:
        """Visit the subtree; return whether `node` itself counts as covered."""
        tagged = inherited or bool(own.get(node.eid))
        kids = [covered(c, tagged) for c in node.children]
        normative_kids = [ok for c, ok in zip(node.children, kids) if _has_normative(c, parents, reg)]
        if tagged:
            return True
        if not is_normative(node, parents, reg):
            return all(normative_kids)  # a heading-like item stands for what it holds
        if normative_kids and all(normative_kids) and not node.text_after:
            return True  # a lead-in: its words introduce a list whose items are all tagged
        out.append(node.eid)
        return False

    for group in (reg.batang_tubuh, reg.diktum):
        for n in group:
            covered(n, False)
    for lamp in reg.lampiran:
        for n in lamp.children:
            covered(n, False)
    order = {eid: i for i, eid in enumerate(reg.provisions)}
    return tuple(sorted(out, key=order.__getitem__))


def _has_normative(node: Node, parents, reg) -> bool:
    return any(is_normative(n, parents, reg) for n in node.walk())


def context_of(reg: Regulation, eid: str, parents: dict[str, Node | None]) -> tuple[Node, ...]:
    """Ancestors that lead into a provision: list parents with words or a heading, up to the
    nearest BAB/Bagian/Paragraf, outermost first. A kelompok's heading is left out: `ref_label`
    already names it."""
    chain: list[Node] = []
    parent = parents.get(eid)
    while parent is not None and parent.type not in ("bab", "bagian", "paragraf"):
        if parent.text or (parent.heading and parent.type != "kelompok"):
            chain.append(parent)
        parent = parents.get(parent.eid)
    return tuple(reversed(chain))


def build_hits(corpus: Corpus, tags: Mapping[str, Mapping[str, tuple[str, ...]]]
               ) -> dict[tuple[str, str], tuple[Hit, ...]]:
    out: dict[tuple[str, str], list[Hit]] = {}
    for reg in corpus.regulations:
        own = tags.get(reg.id, {})
        if not own:
            continue
        parents = parent_map(reg)
        for eid in reg.provisions:  # document order
            for key in own.get(eid, ()):
                out.setdefault((key, reg.id), []).append(
                    Hit(reg=reg, node=reg.provisions[eid], context=context_of(reg, eid, parents)))
    return {k: tuple(v) for k, v in out.items()}


def flat_text(node: Node, with_marker: bool = False) -> str:
    """The words of a provision and everything nested under it, one unit per line, markers kept.

    Used by the CSV export and the tests: the exact enacted words, nothing added but the markers
    (`a.`, `(1)`) that the original prints, and the heading of an unnumbered definition.
    """
    lines: list[str] = []

    def visit(n: Node, depth: int, marker: bool) -> None:
        head = []
        if marker and n.display_marker:
            head.append(n.display_marker)
        if n.heading:
            head.append(n.heading)
        if n.text:
            head.append(n.text)
        if head:
            lines.append("  " * depth + " ".join(head))
        for child in n.children:
            visit(child, depth + 1, True)
        if n.text_after:
            lines.append("  " * depth + n.text_after)

    visit(node, 0, with_marker)
    return "\n".join(lines)


def untagged_report(corpus: Corpus, topics: Topics, limit: int = 20) -> list[str]:
    """Lines for the build log: every untagged normative provision with file and line, or one
    line saying that all are tagged."""
    missing = [(reg, eid) for reg in corpus.regulations for eid in topics.untagged.get(reg.id, ())]
    if not missing:
        total = len(corpus.regulations)
        return [f"Topics: every normative provision of the {total} regulations is tagged."]
    lines = [f"Topics: {len(missing)} normative provision(s) have no topic yet; add them to "
             f"regulations/_topik/<regulation-id>.yaml (comparisons show these regulations as "
             f"incompletely coded):"]
    for reg, eid in missing[:limit]:
        lines.append(f"  - {reg.path}:{reg.provisions[eid].line} [{eid}]")
    if len(missing) > limit:
        lines.append(f"  ... and {len(missing) - limit} more (python -m macros.kodeetik.validate lists all).")
    return lines
