"""The reference finder: every citation in every provision, resolved to a provision id or an instrument.

`build_links(corpus, katalog)` reads the text of each provision (not forms: a `formulir` is a template
of another document, whose references are that document's), finds citations with `citations.find_all`,
and resolves each written item:

- `Pasal 7 huruf a`, `Diktum KESATU`, `Lampiran II`: from the top of the same regulation;
- `ayat (1) huruf b`: inside the Pasal around the citing text;
- `huruf a`: among the siblings of the citing provision, then its ancestors' siblings;
- a Pasal the source does not number: through the regulation's `peta_rujukan` (an editorial
  inference, flagged as such);
- `Pasal 34 Undang-Undang Nomor 25 Tahun 2009`: to that instrument's entry in the catalogue (or to the
  provision, when the instrument is a regulation on this site).

Instrument names in the text are linked to the catalogue too, and each Mengingat item is matched to
its instrument. The result is a frozen `Links`: the text of each provision cut into segments for the
templates, backlinks, and `problems`: references that resolve nowhere and are not marked in the data
(`rujukan:` on the node). The MkDocs glue reports those as warnings, so `mkdocs build --strict` fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from . import citations
from .citations import Citation, Found, Instrument, Step
from .dasar import Instrumen, Katalog, match_dasar, qualified_jenis
from .errors import DataError
from .labels import provision_label
from .model import Corpus, Lampiran, Node, PetaRujukan, Regulation

FIELDS = ("text", "text_after")
"""Node fields whose words are scanned for references."""
_WRAPPERS = frozenset({"teks", "kelompok"})
"""Unnumbered nodes a citation looks through to reach numbered units (`ayat (1)` inside a kelompok)."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a provision's text: plain, or a link to a provision or an instrument."""

    text: str
    """The words, exactly as in the data."""
    anchor: str | None = None
    """Id of the provision it links to."""
    peraturan: str | None = None
    """Id of the regulation that provision is in, when it is another one than the citing regulation."""
    instrumen: str | None = None
    """Catalogue id of the instrument it links to."""
    label: str | None = None
    """What the link names (`Pasal 7 huruf a`), for the preview and screen readers."""
    dugaan: str | None = None
    """Id of the editorial note when the link is an editorial inference (`peta_rujukan`)."""

    @property
    def is_link(self) -> bool:
        return bool(self.anchor or self.instrumen)


@dataclass(frozen=True, slots=True)
class Backlink:
    """A provision that cites this one."""

    eid: str
    """Id of the citing provision (same regulation)."""
    label: str
    """Its citation label, e.g. `Pasal 8`."""


@dataclass(frozen=True, slots=True)
class Dugaan:
    """An editorial inference behind some links of a provision (shown next to it)."""

    id: str
    """HTML id of the note (links point at it with aria-describedby)."""
    rujukan: str
    """The cited unit, e.g. `Pasal 10`."""
    ke: str
    """Id of the provision it was mapped to."""
    keterangan: str
    """Why (Bahasa Indonesia)."""


@dataclass(frozen=True, slots=True)
class Penyebutan:
    """Where an instrument is named by a regulation."""

    peraturan: str
    """Regulation id."""
    eid: str
    """Provision id (a Mengingat item for a legal basis)."""
    label: str
    """Citation label of that provision, e.g. `Mengingat angka 5`."""
    sebagai: str
    """`dasar` (it is this Mengingat item's legal basis) or `rujukan` (cited or named in the text)."""


@dataclass(frozen=True)
class Links:
    """Everything the reference finder found, keyed by (regulation id, provision id)."""

    katalog: Katalog
    """The catalogue of legal bases."""
    segments: Mapping[tuple[str, str, str], tuple[Segment, ...]]
    """(regulation, provision, field) → text segments, for fields that contain a link."""
    backlinks: Mapping[tuple[str, str], tuple[Backlink, ...]]
    """(regulation, provision) → provisions citing it."""
    dugaan: Mapping[tuple[str, str], tuple[Dugaan, ...]]
    """(regulation, provision) → editorial inferences behind its links."""
    dasar: Mapping[tuple[str, str], Instrumen]
    """(regulation, Mengingat item) → the instrument it names."""
    penyebutan: Mapping[str, tuple[Penyebutan, ...]]
    """Instrument id → where it is named, legal bases first."""
    problems: tuple[DataError, ...]
    """References that resolve nowhere and are not marked in the data, and Mengingat items without
    an instrument: the build reports them as warnings."""
    jumlah: int = 0
    """How many references were linked (for the build log)."""

    def text(self, reg: Regulation, node: Node, fld: str) -> tuple[Segment, ...]:
        got = self.segments.get((reg.id, node.eid, fld))
        if got is not None:
            return got
        value = getattr(node, fld)
        return (Segment(value),) if value else ()

    def backlinks_of(self, reg: Regulation, eid: str) -> tuple[Backlink, ...]:
        return self.backlinks.get((reg.id, eid), ())

    def dugaan_of(self, reg: Regulation, eid: str) -> tuple[Dugaan, ...]:
        return self.dugaan.get((reg.id, eid), ())

    def dasar_of(self, reg: Regulation, eid: str) -> Instrumen | None:
        return self.dasar.get((reg.id, eid))

    def bases(self, reg: Regulation) -> list[tuple[Node, Instrumen]]:
        """The Mengingat items of a regulation with their instruments, in order."""
        return [(n, self.dasar[(reg.id, n.eid)]) for n in reg.mengingat if (reg.id, n.eid) in self.dasar]

    def revoked_bases(self, reg: Regulation) -> list[tuple[Node, Instrumen]]:
        """Mengingat items whose instrument has been revoked."""
        return [(n, i) for n, i in self.bases(reg) if i.status.keadaan == "dicabut"]

    def users(self, ins: Instrumen) -> tuple[Penyebutan, ...]:
        return self.penyebutan.get(ins.id, ())


# --------------------------------------------------------------------------- per-regulation index

class _Container:
    """A node or a lampiran seen as something with an id and children."""

    __slots__ = ("eid", "children", "node")

    def __init__(self, eid: str, children: tuple[Node, ...], node: Node | None):
        self.eid, self.children, self.node = eid, children, node


class _RegIndex:
    """Parents, Pasal numbers and lampiran of one regulation, for resolving citations."""

    def __init__(self, reg: Regulation):
        self.reg = reg
        self.parent: dict[str, Node | None] = {}
        self.root: dict[str, tuple[Node, ...]] = {}
        groups = [reg.menimbang, reg.mengingat, reg.batang_tubuh, reg.diktum] + [lp.children for lp in reg.lampiran]
        for group in groups:
            for node in group:
                self._walk(node, None, group)
        self.pasal_order = [n for top in reg.batang_tubuh for n in top.walk() if n.type == "pasal"]
        self.pasal = {(n.num or "").upper(): n for n in self.pasal_order}  # a Pasal always has a number
        self.lampiran: dict[str | None, Lampiran] = {}
        for lp in reg.lampiran:
            key = None if lp.num is None else citations._canon("lampiran", lp.num.upper())
            self.lampiran[key] = lp
        self.peta: dict[str, PetaRujukan] = {p.rujukan.split()[-1].upper(): p for p in reg.peta_rujukan}

    def _walk(self, node: Node, parent: Node | None, root: tuple[Node, ...]) -> None:
        self.parent[node.eid] = parent
        self.root[node.eid] = root
        for child in node.children:
            self._walk(child, node, root)

    def ancestors(self, node: Node):
        cur = self.parent.get(node.eid)
        while cur is not None:
            yield cur
            cur = self.parent.get(cur.eid)


def _same(kind: str, a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    if kind in ("pasal", "diktum"):
        return a.upper() == b.upper()
    return a.lower() == b.lower()


def _find_child(children: tuple[Node, ...], step: Step) -> Node | None:
    """The child (looking through unnumbered wrappers) that a step names."""
    queue = list(children)
    while queue:
        node = queue.pop(0)
        if node.type == step.kind and _same(step.kind, node.num, step.num):
            return node
        if node.type in _WRAPPERS:
            queue.extend(node.children)
    return None


@dataclass
class _Hit:
    eid: str
    container: _Container
    dugaan: PetaRujukan | None = None


def _resolve(ix: _RegIndex, steps: tuple[Step, ...], here: Node | None) -> _Hit | str:
    """The provision a path names, from the citing node `here`; a reason (Bahasa Inggris) on failure."""
    first = steps[0]
    rest = steps[1:]
    dugaan = None
    if first.kind == "pasal":
        node = ix.pasal.get(first.num or "")
        if node is not None:
            cur = _Container(node.eid, node.children, node)
        elif first.num in ix.peta:
            dugaan = ix.peta[first.num]
            target = ix.reg.provisions.get(dugaan.ke)
            if target is None:
                return f"the mapping of {first} names the unknown id '{dugaan.ke}'"
            cur = _Container(target.eid, target.children, target)
            if rest and rest[0].kind == "huruf" and dugaan.huruf:
                kids = [c for c in target.children if c.type == dugaan.huruf]
                idx = ord(rest[0].num or "a") - ord("a")  # a huruf step always has a letter
                if not 0 <= idx < len(kids):
                    return f"{first} {rest[0]} is beyond the {len(kids)} items mapped to {first}"
                kid = kids[idx]
                cur = _Container(kid.eid, kid.children, kid)
                rest = rest[1:]
        else:
            return f"this regulation has no {first}"
    elif first.kind == "diktum":
        node = next((n for n in ix.reg.diktum if _same("diktum", n.num, first.num)), None)
        if node is None:
            return f"this regulation has no {first}"
        cur = _Container(node.eid, node.children, node)
    elif first.kind == "lampiran":
        lamp = ix.lampiran.get(first.num)
        if lamp is None and first.num is None and len(ix.reg.lampiran) == 1:
            lamp = ix.reg.lampiran[0]
        if lamp is None and first.num == "I" and None in ix.lampiran and len(ix.reg.lampiran) == 1:
            lamp = ix.lampiran[None]
        if lamp is None:
            return f"this regulation has no {first}" if first.num else "this regulation has no single Lampiran"
        cur = _Container(lamp.eid, lamp.children, None)
    elif here is None:
        return f"{first} is relative, but there is no citing provision"
    elif first.kind == "ayat":
        pasal = here if here.type == "pasal" else next((a for a in ix.ancestors(here) if a.type == "pasal"), None)
        if pasal is None:
            return f"{first} stands outside any Pasal"
        cur = _Container(pasal.eid, pasal.children, pasal)
        rest = steps
    else:
        scopes = [a.children for a in ix.ancestors(here)] + [ix.root.get(here.eid, ())]
        found = None
        for children in scopes:
            found = _find_child(children, first)
            if found is not None:
                break
        if found is None:
            return f"no {first} next to the citing provision"
        cur = _Container(found.eid, found.children, found)
    for step in rest:
        child = _find_child(cur.children, step)
        if child is None:
            return f"{provision_label(ix.reg, cur.eid)} has no {step}"
        cur = _Container(child.eid, child.children, child)
    return _Hit(cur.eid, cur, dugaan)


def _between(ix: _RegIndex, a: _Hit, b: _Hit) -> list[str]:
    """Ids of the provisions strictly inside a `sampai dengan` range."""
    if a.container.node is not None and a.container.node.type == "pasal":
        order = [n.eid for n in ix.pasal_order]
    else:
        parent = ix.parent.get(a.eid)
        siblings = parent.children if parent is not None else ix.root.get(a.eid, ())
        order = [n.eid for n in siblings]
    if a.eid in order and b.eid in order:
        i, j = order.index(a.eid), order.index(b.eid)
        return order[i + 1:j]
    return []


# --------------------------------------------------------------------------- building

@dataclass
class _Builder:
    corpus: Corpus
    katalog: Katalog
    segments: dict = field(default_factory=dict)
    backlinks: dict = field(default_factory=dict)
    dugaan: dict = field(default_factory=dict)
    dasar: dict = field(default_factory=dict)
    penyebutan: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
    jumlah: int = 0

    def regulation_named(self, inst: Instrument) -> Regulation | None:
        for reg in self.corpus.regulations:
            if reg.is_keputusan:
                continue
            own = Instrument(qualified_jenis(self.corpus, reg, reg.jenis), reg.nomor, reg.tahun)
            if own.key == inst.key:
                return reg
        return None

    def problem(self, reg: Regulation, node: Node, message: str, fix: str) -> None:
        where = f"{provision_label(reg, node.eid)} ({node.eid})"
        self.problems.append(DataError(reg.path, node.line, where, message, fix))

    def mention(self, ins: Instrumen, reg: Regulation, node: Node, sebagai: str) -> None:
        items = self.penyebutan.setdefault(ins.id, [])
        entry = Penyebutan(reg.id, node.eid, provision_label(reg, node.eid), sebagai)
        for i, p in enumerate(items):
            if p.peraturan == entry.peraturan and p.eid == entry.eid:
                if sebagai == "dasar":
                    items[i] = entry  # being its legal basis says more than being named in it
                return
        items.append(entry)

    def run(self) -> Links:
        indexes = {reg.id: _RegIndex(reg) for reg in self.corpus.regulations}
        for reg in self.corpus.regulations:
            ix = indexes[reg.id]
            for node in reg.all_nodes():
                if node.type == "formulir":
                    continue
                self.node(reg, ix, indexes, node)
            for node in reg.mengingat:
                self.legal_basis(reg, node)
        penyebutan = {k: tuple(sorted(v, key=lambda p: p.sebagai != "dasar")) for k, v in self.penyebutan.items()}
        return Links(
            katalog=self.katalog,
            segments=MappingProxyType(self.segments),
            backlinks=MappingProxyType({k: tuple(v) for k, v in self.backlinks.items()}),
            dugaan=MappingProxyType({k: tuple(v) for k, v in self.dugaan.items()}),
            dasar=MappingProxyType(self.dasar),
            penyebutan=MappingProxyType(penyebutan),
            problems=tuple(self.problems),
            jumlah=self.jumlah,
        )

    def legal_basis(self, reg: Regulation, node: Node) -> None:
        if node.dasar is None:
            self.problem(reg, node, "this Mengingat item has no 'dasar', so it cannot link to its instrument.",
                         "add 'dasar:' with jenis, nomor, tahun and tentang of the cited instrument.")
            return
        ins = match_dasar(self.katalog, self.corpus, reg, node.dasar)
        if ins is None:
            d = node.dasar
            self.problem(reg, node, f"the instrument '{d.jenis} Nomor {d.nomor} Tahun {d.tahun}' is not in "
                         f"{self.katalog.path}.",
                         "add it to the catalogue with its status and the source of that status "
                         "(see regulations/README.md), or correct 'dasar'.")
            return
        self.dasar[(reg.id, node.eid)] = ins
        self.mention(ins, reg, node, "dasar")
        segs = self.segments.get((reg.id, node.eid, "text"), ())
        if not any(s.instrumen == ins.id for s in segs):
            self.problem(reg, node, f"the text of this Mengingat item does not name {ins.nama} as its "
                         "'dasar' says, so it cannot be linked.",
                         "check 'dasar' (jenis, nomor, tahun) against the text of the item.")

    def node(self, reg: Regulation, ix: _RegIndex, indexes: dict, node: Node) -> None:
        used_marks: set[int] = set()
        for fld in FIELDS:
            text = getattr(node, fld)
            if not text:
                continue
            spans: list[tuple[int, int, Segment]] = []
            for found in citations.find_all(text):
                spans.extend(self.found(reg, ix, indexes, node, text, found, used_marks))
            for start, end, inst in citations.find_instruments(text):
                if any(s < end and start < e for s, e, _ in spans):
                    continue
                seg = self.instrument_segment(reg, node, text[start:end], inst)
                if seg is not None:
                    spans.append((start, end, seg))
            if spans:
                self.segments[(reg.id, node.eid, fld)] = _cut(text, spans)
        for i, mark in enumerate(node.rujukan):
            if i not in used_marks:
                self.problem(reg, node, f"'rujukan' marks '{mark.teks}', but no unresolved reference stands there.",
                             "remove the mark (the reference now links), or copy 'teks' from the reference.")

    def instrument_segment(self, reg: Regulation, node: Node, text: str, inst: Instrument,
                           label: str | None = None) -> Segment | None:
        inst = Instrument(qualified_jenis(self.corpus, reg, inst.jenis), inst.nomor, inst.tahun)
        ins = self.katalog.find(inst)
        if ins is not None:
            self.mention(ins, reg, node, "rujukan")
            self.jumlah += 1
            return Segment(text, instrumen=ins.id, label=label or ins.nama)
        return None

    def found(self, reg: Regulation, ix: _RegIndex, indexes: dict, node: Node, text: str, found: Found,
              used_marks: set[int]) -> list[tuple[int, int, Segment]]:
        cit: Citation = found.citation
        here: Node | None
        target_ix, here = ix, node  # here: None once the citation names another regulation
        if cit.instrument is not None:
            other = self.regulation_named(cit.instrument)
            if other is None:
                seg = self.instrument_segment(reg, node, text[found.start:found.end], cit.instrument,
                                              label=str(cit))
                if seg is not None:
                    return [(found.start, found.end, seg)]
                reason = f"{cit.instrument} is neither in the catalogue nor on this site"
                return self.unresolved(reg, node, text, found.start, found.end, reason, used_marks)
            target_ix, here = indexes[other.id], None
        out = []
        hits: dict[int, _Hit] = {}
        for start, end, idx, is_end in found.parts:
            ref = cit.refs[idx]
            steps = ref.end if is_end and ref.end is not None else ref.steps  # is_end: a range, so end is set
            hit = _resolve(target_ix, steps, here)
            if isinstance(hit, str):
                out.extend(self.unresolved(reg, node, text, start, end, hit, used_marks))
                continue
            if is_end and idx in hits:
                for eid in _between(target_ix, hits[idx], hit):
                    self.backlink(target_ix.reg, eid, reg, node)
            hits[idx] = hit
            other_id = target_ix.reg.id if target_ix.reg.id != reg.id else None
            dugaan_id = None
            if hit.dugaan is not None:
                dugaan_id = f"dugaan-{node.eid}"
                notes = self.dugaan.setdefault((reg.id, node.eid), [])
                if not any(d.rujukan == hit.dugaan.rujukan for d in notes):
                    notes.append(Dugaan(dugaan_id, hit.dugaan.rujukan, hit.dugaan.ke, hit.dugaan.keterangan))
            self.backlink(target_ix.reg, hit.eid, reg, node)
            self.jumlah += 1
            out.append((start, end, Segment(text[start:end], anchor=hit.eid, peraturan=other_id,
                                            label=provision_label(target_ix.reg, hit.eid), dugaan=dugaan_id)))
        return out

    def backlink(self, target: Regulation, eid: str, reg: Regulation, node: Node) -> None:
        if target.id != reg.id or eid == node.eid:
            return  # backlinks are listed on the cited provision's own page, from that regulation
        items = self.backlinks.setdefault((reg.id, eid), [])
        if not any(b.eid == node.eid for b in items):
            items.append(Backlink(node.eid, provision_label(reg, node.eid)))

    def unresolved(self, reg: Regulation, node: Node, text: str, start: int, end: int, reason: str,
                   used_marks: set[int]) -> list:
        for i, mark in enumerate(node.rujukan):
            pos = text.find(mark.teks)
            while pos != -1:
                if pos <= start and end <= pos + len(mark.teks):
                    used_marks.add(i)
                    return []
                pos = text.find(mark.teks, pos + 1)
        self.problem(reg, node, f"the reference '{text[start:end]}' cannot be resolved: {reason}.",
                     f"if the data has a transcription slip, correct it; otherwise add to this node "
                     f"rujukan: [{{teks: \"{text[start:end]}\", keterangan: \"...\"}}] (or 'luar:' naming the "
                     f"other instrument), see regulations/README.md.")
        return []


def _cut(text: str, spans: list[tuple[int, int, Segment]]) -> tuple[Segment, ...]:
    out: list[Segment] = []
    pos = 0
    for start, end, seg in sorted(spans, key=lambda s: s[0]):
        if start < pos:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(seg)
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return tuple(out)


def build_links(corpus: Corpus, katalog: Katalog) -> Links:
    """Find and resolve every reference in the corpus (see the module docstring)."""
    return _Builder(corpus, katalog).run()


def citation_keys(reg: Regulation) -> dict[str, str]:
    """Canonical citation → provision id, for every provision a citation can name.

    Used by the citation jump box: `Pasal 17 ayat (1)` → `bab_5__bagian_3__pasal_17__ayat_1`.
    """
    out: dict[str, str] = {}

    def visit(node: Node, steps: tuple[Step, ...]) -> None:
        if node.kedudukan is not None:
            return  # of uncertain standing: not citable as the regulation's text
        here = steps
        if node.type in ("pasal", "ayat", "huruf", "angka", "diktum") and node.num:
            if node.type in ("pasal", "diktum") or steps:
                num = citations._canon(node.type, node.num)
                here = steps + (Step(node.type, num),)
                out.setdefault(str(Citation((citations.Ref(here),))), node.eid)
        elif node.type not in ("bab", "bagian", "paragraf") and steps and node.type not in _WRAPPERS:
            here = ()  # an unnumbered item ends the citable path
        for child in node.children:
            visit(child, here)

    for top in (*reg.batang_tubuh, *reg.diktum):
        visit(top, ())
    for lamp in reg.lampiran:
        step = Step("lampiran", None if lamp.num is None else citations._canon("lampiran", lamp.num.upper()))
        out.setdefault(str(Citation((citations.Ref((step,)),))), lamp.eid)
        for top in lamp.children:
            visit(top, (step,))
    return out


def jump_key(text: str) -> str:
    """A citation as the jump box compares it (`norm` in content/assets/xref.js): lower case, no
    quotation marks, single spaces."""
    return re.sub(r"\s+", " ", re.sub("[\u201c\u201d\"']", "", text.replace("\u00a0", " ").lower())).strip()


def label_keys(reg: Regulation) -> dict[str, str]:
    """Copy-citation labels (`provision_label`) that the canonical keys do not give → provision id.

    What a text without Pasal numbers is cited by (`bab 3 larangan pelaksana yanlik butir ke-3`), a
    BAB, a Menimbang item or an unnumbered paragraph: with `citation_keys`, every provision of
    certain standing can be found from its "Salin kutipan" text.
    """
    canonical = {k.lower(): v for k, v in citation_keys(reg).items()}
    out: dict[str, str] = {}
    for eid in reg.provisions:
        if reg.belum_pasti(eid):
            continue
        key = jump_key(provision_label(reg, eid))
        if canonical.get(key) != eid:
            out[key] = eid
    return out


def mapped_keys(reg: Regulation) -> dict[str, str]:
    """Citations that resolve only through the editorial mapping (`peta_rujukan`)."""
    out: dict[str, str] = {}
    for peta in reg.peta_rujukan:
        target = reg.provisions.get(peta.ke)
        if target is None:
            continue
        out[peta.rujukan] = target.eid
        if peta.huruf:
            kids = [c for c in target.children if c.type == peta.huruf]
            for i, kid in enumerate(kids[:26]):
                out[f"{peta.rujukan} huruf {chr(ord('a') + i)}"] = kid.eid
    return out


__all__ = ["Backlink", "Dugaan", "Links", "Penyebutan", "Segment", "build_links", "citation_keys",
           "jump_key", "label_keys", "mapped_keys"]
