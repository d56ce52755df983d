"""Every label that names a provision for readers: `Pasal 11 huruf c`, `BAB 3 Larangan Pelaksana Yanlik
butir ke-3`, `Pasal 11 huruf b sampai dengan huruf i`, `Pasal 7–12`.

Pages, downloads, posters, handbooks and messages all name provisions through these functions, so a
provision is called the same everywhere. They read only a unit's type, number, heading, id and
children (`Unit`) and a regulation's parts (`Document`): the model's `Node`, `Lampiran` and
`Regulation` call them for their own `label` and `citation`, so this module imports nothing.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Mapping, Protocol, Sequence

TYPE_NAMES = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf", "pasal": "Pasal",
              "ayat": "ayat", "huruf": "huruf", "angka": "angka", "diktum": "Diktum",
              "kelompok": "kelompok", "butir": "butir", "teks": "paragraf", "formulir": "formulir"}
"""How a citation names a unit of each node type."""


class Unit(Protocol):
    """A unit of a regulation's text, as labels need it (the model's `Node`)."""

    @property
    def type(self) -> str: ...
    @property
    def num(self) -> str | None: ...
    @property
    def heading(self) -> str | None: ...
    @property
    def eid(self) -> str: ...
    @property
    def children(self) -> Sequence[Unit]: ...
    def walk(self) -> Iterator[Unit]: ...


class Appendix(Protocol):
    """A lampiran, as labels need it (the model's `Lampiran`)."""

    @property
    def num(self) -> str | None: ...
    @property
    def eid(self) -> str: ...
    @property
    def children(self) -> Sequence[Unit]: ...


class Document(Protocol):
    """A regulation, as labels need it (the model's `Regulation`)."""

    @property
    def provisions(self) -> Mapping[str, Unit]: ...
    @property
    def lampiran(self) -> Sequence[Appendix]: ...
    @property
    def menimbang(self) -> Sequence[Unit]: ...
    @property
    def mengingat(self) -> Sequence[Unit]: ...
    @property
    def batang_tubuh(self) -> Sequence[Unit]: ...
    @property
    def diktum(self) -> Sequence[Unit]: ...
    @property
    def nama_resmi(self) -> str: ...


def unit_label(node: Unit) -> str:
    """How the unit is named in a citation: `Pasal 7`, `ayat (1)`, `huruf a`, `BAB III`."""
    name = TYPE_NAMES[node.type]
    if node.num is None:
        return name
    if node.type == "ayat":
        return f"ayat ({node.num})"
    return f"{name} {node.num}"


def lampiran_label(num: str | None) -> str:
    """`Lampiran II`; `Lampiran` for a single unnumbered one."""
    return "Lampiran" if num is None else f"Lampiran {num}"


def citation(reg: Document, eid: str) -> str:
    """Citation of a provision: `Pasal 11 huruf c Peraturan Bupati Bengkayang Nomor 51 Tahun 2020`."""
    return f"{provision_label(reg, eid)} {reg.nama_resmi}"


def provision_label(reg: Document, eid: str) -> str:
    """`Pasal 11 huruf c`, `BAB 3 Larangan Pelaksana Yanlik butir ke-3`: what a citation names.

    BAB/Bagian are left out once a Pasal is in the chain, as in citations. A text without Pasal
    numbers (a slide deck, a Lampiran) is cited through its headings and the ordinal of each
    unnumbered unit among its siblings of the same type, so that no two provisions share a label;
    `_step_name` disambiguates what the original itself repeats (two BAB V, two slides headed
    PENGHARGAAN).
    """
    parts = eid.split("__")
    chain: list[Unit] = []
    for i in range(1, len(parts) + 1):
        node = reg.provisions.get("__".join(parts[:i]))
        if node is not None:
            chain.append(node)
    labels: list[str] = []
    top: Sequence[Unit]
    if parts[0].startswith("lampiran"):
        lamp = next((lp for lp in reg.lampiran if lp.eid == parts[0]), None)
        labels.append(lampiran_label(lamp.num) if lamp else "Lampiran")
        top = lamp.children if lamp else ()
    elif parts[0] in ("menimbang", "mengingat"):
        labels.append(parts[0].capitalize())
        top = getattr(reg, parts[0])
    else:
        top = reg.diktum if parts[0].startswith("diktum") else reg.batang_tubuh
    siblings = [top, *(n.children for n in chain[:-1])]
    steps = list(zip(chain, siblings))
    if any(n.type == "pasal" for n in chain):
        steps = steps[next(i for i, n in enumerate(chain) if n.type == "pasal"):]
    labels += [_step_name(node, sibs) for node, sibs in steps]
    return " ".join(labels)


_HEADING_NAMED = frozenset({"kelompok", "formulir", "butir"})
"""Unnumbered types cited by their heading when they have one (a slide title, a defined term)."""
_SMALL_WORDS = frozenset({"dan", "atau", "yang", "yg", "di", "ke", "dari", "pada", "untuk", "dalam", "dengan",
                          "dgn", "bagi", "serta", "&"})


def _step_name(node: Unit, siblings: Sequence[Unit]) -> str:
    """One unit of a citation, unique among its siblings."""
    def ordinal(twins: Sequence[Unit]) -> int:
        return next(i for i, s in enumerate(twins) if s is node) + 1

    if node.num is not None:
        twins = [s for s in siblings if s.type == node.type and s.num == node.num]
        if len(twins) < 2:
            return unit_label(node)
        return f"{unit_label(node)} {heading_in_citation(node.heading)}" if node.heading \
            else f"{unit_label(node)} (ke-{ordinal(twins)})"
    if node.heading and node.type in _HEADING_NAMED:
        twins = [s for s in siblings if s.num is None and s.type in _HEADING_NAMED and s.heading == node.heading]
        name = heading_in_citation(node.heading)
        return name if len(twins) < 2 else f"{name} (ke-{ordinal(twins)})"
    return f"{unit_label(node)} ke-{ordinal([s for s in siblings if s.type == node.type])}"


def heading_in_citation(heading: str) -> str:
    """A heading written in capitals, as a citation names it: `LARANGAN PELAKSANA YANLIK` ->
    `Larangan Pelaksana Yanlik` (function words in lower case); any other heading as written."""
    if heading != heading.upper():
        return heading
    words = heading.lower().split()
    return " ".join(w if (i and w in _SMALL_WORDS) else w[:1].upper() + w[1:] for i, w in enumerate(words))



def ref_label(reg: Document, eid: str) -> str:
    """A short name for a provision in comparisons: `Pasal 11 huruf c`, `Lampiran huruf C angka 3`.

    Like `provision_label`, but an unnumbered paragraph or bullet in the middle of the chain is
    left out (nobody cites "paragraf huruf C"), and a final one gets its position (`butir ke-3`)
    so that two items of a slide list can be told apart.
    """
    parts = eid.split("__")
    chain = [reg.provisions[p] for p in ("__".join(parts[:i]) for i in range(1, len(parts) + 1))
             if p in reg.provisions]
    labels: list[str] = []
    if parts[0].startswith("lampiran"):
        lamp = next((lp for lp in reg.lampiran if lp.eid == parts[0]), None)
        labels.append(lampiran_label(lamp.num) if lamp else "Lampiran")
    elif parts[0] in ("menimbang", "mengingat"):
        labels.append(parts[0].capitalize())
    if any(n.type == "pasal" for n in chain):
        chain = chain[next(i for i, n in enumerate(chain) if n.type == "pasal"):]
    for i, node in enumerate(chain):
        last = i == len(chain) - 1
        if node.type in ("kelompok", "formulir") and node.heading:
            labels.append(node.heading)
        elif node.num is None and node.type in ("butir", "teks"):
            if last:
                name = "butir" if node.type == "butir" else "paragraf"
                labels.append(f"{name} ke-{node.eid.rsplit('_', 1)[1]}")
        else:
            labels.append(unit_label(node))
    return " ".join(labels) or provision_label(reg, eid)



def selection_label(reg: Document, parent: Unit | None, items: Sequence[Unit]) -> str:
    """`Pasal 11 huruf b sampai dengan huruf i`, `Pasal 7 ayat (1) huruf b dan huruf c`, `Pasal 13`."""
    if parent is None:
        return join_labels([provision_label(reg, n.eid) for n in items])
    base = provision_label(reg, parent.eid)
    if tuple(items) == parent.children:
        return base
    runs: list[list[Unit]] = []
    last = -2
    for node in items:
        pos = parent.children.index(node)
        if runs and pos == last + 1:
            runs[-1].append(node)
        else:
            runs.append([node])
        last = pos
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{item_label(run[0])} sampai dengan {item_label(run[-1])}")
        else:
            parts.extend(item_label(n) for n in run)
    return f"{base} {join_labels(parts)}"


def item_label(node: Unit) -> str:
    """`huruf b`; an unnumbered item by its place: `butir ke-3` (from its id, which counts them)."""
    if node.num is None:
        return f"{unit_label(node)} ke-{node.eid.rsplit('_', 1)[-1]}"
    return unit_label(node)


def join_labels(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " dan " + parts[-1]



def pasal_range(nodes: Iterable[Unit]) -> str:
    nums = [n.num for top in nodes for n in top.walk() if n.type == "pasal"]
    if not nums:
        return ""
    return f"Pasal {nums[0]}" if len(nums) == 1 else f"Pasal {nums[0]}–{nums[-1]}"
