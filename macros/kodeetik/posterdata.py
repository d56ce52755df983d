"""Readers of the data behind the counter posters, and how a poster groups and cites what it quotes.

The loader reads with these: `_pengaduan.yaml` (channels every larangan poster and region page
shows), `_maklumat.yaml` (the usual maklumat wording), the optional `pengaduan:` and `maklumat:` of
each penyelenggara, and the `poster:` mapping of a regulation, which names the provisions a poster
quotes. Which provisions make a regulation's budaya pelayanan or larangan list is stated in data,
never guessed from the text. The objects they make (`Kontak`, `KanalPengaduan`, `Maklumat`,
`MaklumatBaku`, `PosterIsi`) live in the model, with the rest of the data; they are re-exported
here, where they were defined before.

The readers get the loader's `schema.Reader` (passed in) and report every problem through it, with
file, line and a fix; each mapping's keys and fields are declared as a `schema.Schema`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from . import yamlio
from .model import (
    KONTAK_JENIS,
    KanalPengaduan,
    Kontak,
    Maklumat,
    MaklumatBaku,
    Node,
    PosterIsi,
    Regulation,
    uncertain_unit,
)
from .labels import provision_label, selection_label
from .schema import Choice, Date, Entries, Id, Reader, Schema, Str, Unique, Using

PENGADUAN_FILE = "_pengaduan.yaml"
MAKLUMAT_FILE = "_maklumat.yaml"

_PHONE_RE = re.compile(r"^\+?[0-9(][0-9 ()\-]*[0-9]$")
_HOST_RE = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(/[^\s]*)?$")
_MAIL_RE = re.compile(r"^[^@\s]+@[a-z0-9-]+(\.[a-z0-9-]+)+$")

POSTER_LISTS = ("budaya_pelayanan", "larangan", "pengaduan")
"""Keys of a regulation's `poster:` mapping."""
_NOT_QUOTABLE = frozenset({"bab", "bagian", "paragraf"})


@dataclass(frozen=True, slots=True)
class KutipanGroup:
    """Consecutive quoted provisions under one parent, printed after the parent's own words."""

    parent: "Node | None"
    """The list's parent (its words introduce the items); None at the top of a Lampiran."""
    items: tuple["Node", ...]
    """The quoted provisions, in order."""
    label: str
    """Citation of the group, e.g. `Pasal 11 huruf b sampai dengan huruf i`."""

    @property
    def pengantar(self) -> str | None:
        """The parent's words that introduce the list (its text, else its heading)."""
        if self.parent is None:
            return None
        return self.parent.text or self.parent.heading


# --------------------------------------------------------------------------- grouping and citing

def parent_eid(eid: str) -> str | None:
    return eid.rsplit("__", 1)[0] if "__" in eid else None


def kutipan_groups(reg: "Regulation", eids: Iterable[str]) -> list[KutipanGroup]:
    """Group quoted ids: a listed node with children stands for its whole list; listed leaves
    with the same parent form one group."""
    groups: list[KutipanGroup] = []
    pending_parent: str | None = None
    pending: list[Node] = []

    def flush() -> None:
        nonlocal pending, pending_parent
        if pending:
            parent = reg.provisions.get(pending_parent) if pending_parent else None
            groups.append(KutipanGroup(parent, tuple(pending), selection_label(reg, parent, pending)))
        pending, pending_parent = [], None

    for eid in eids:
        node = reg.provisions[eid]
        if node.children:
            flush()
            groups.append(KutipanGroup(node, node.children, provision_label(reg, eid)))
            continue
        parent = parent_eid(eid)
        if pending and parent != pending_parent:
            flush()
        pending_parent = parent
        pending.append(node)
    flush()
    return groups


def kutipan_citation(reg: "Regulation", eids: Iterable[str]) -> str:
    """Citation of everything a poster quotes: `Pasal 11 huruf b sampai dengan huruf i Peraturan ...`."""
    labels = [g.label for g in kutipan_groups(reg, eids)]
    # Groups are joined with ", serta" so that the "dan" inside a group's label stays unambiguous.
    joined = labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + ", serta " + labels[-1]
    return f"{joined} {reg.nama_resmi}"


# --------------------------------------------------------------------------- readers

KONTAK_SCHEMA = Schema(jenis=Choice(KONTAK_JENIS), nilai=Str(required=True), catatan=Str())
"""One way to reach a complaint channel."""


def _kontak(r: Reader, item: Any, line: int, where: str) -> Kontak | None:
    m = r.mapping(item, line, where)
    v = KONTAK_SCHEMA.read(r, m, where) if m is not None else None
    if v is None or v["jenis"] is None or v["nilai"] is None:
        return None
    jenis, nilai, value_line = v["jenis"], v["nilai"], v.line("nilai")
    if jenis in ("telepon", "call_center", "sms", "whatsapp") and not _PHONE_RE.match(nilai):
        r.err(value_line, where, f"'{nilai}' is not a telephone number.",
              "write digits, spaces, '-', '(' and ')' only, in quotes, e.g. \"(0254) 219784\" or \"1708\".")
        return None
    if jenis == "laman":
        if nilai.startswith(("http://", "https://")):
            r.err(value_line, where, f"'{nilai}' starts with its scheme.",
                  "write the address as printed, without http:// or https://, e.g. lapor.go.id.")
            return None
        if not _HOST_RE.match(nilai):
            r.err(value_line, where, f"'{nilai}' is not a web address.",
                  "write host and path in lowercase, e.g. ombudsman.go.id/pengaduan.")
            return None
    if jenis == "surel" and not _MAIL_RE.match(nilai):
        r.err(value_line, where, f"'{nilai}' is not an e-mail address.", "write it as name@host, e.g. dinsos@bantenprov.go.id.")
        return None
    return Kontak(jenis=jenis, nilai=nilai, catatan=v["catatan"])


def _kontak_list(r: Reader, m: yamlio.Map, key: str, where: str) -> tuple[Kontak, ...] | None:
    """A channel's `kontak:`; None when it is empty or an item is wrong (reported)."""
    items = r.seq(m, key, f"{where} > {key}")
    kontak = [k for k in (_kontak(r, it, ln, f"{where} > {key}") for it, ln in zip(items, items.item_lines)) if k]
    if not items:
        r.err(r.line_of(m, key), where, "a channel needs at least one way to reach it.",
              "add an item under 'kontak:' with 'jenis' and 'nilai'.")
    return tuple(kontak) if items and len(kontak) == len(items) else None


_KANAL_FIELDS = dict(nama=Str(required=True), kontak=Using(_kontak_list, required=True), keterangan=Str(),
                     dasar=Str())
KANAL_SCHEMA = Schema(**_KANAL_FIELDS)
"""A penyelenggara's own complaint channel."""
KANAL_REGISTRY_SCHEMA = Schema(id=Id("sp4n-lapor"), **_KANAL_FIELDS)
"""A channel of `_pengaduan.yaml`, named by its id."""


def _kanal(r: Reader, item: Any, line: int, where: str, with_id: bool) -> KanalPengaduan | None:
    m = r.mapping(item, line, where)
    v = (KANAL_REGISTRY_SCHEMA if with_id else KANAL_SCHEMA).read(r, m, where) if m is not None else None
    if v is None or v["nama"] is None or v["kontak"] is None or (with_id and v["id"] is None):
        return None
    return KanalPengaduan(id=v.get("id"), nama=v["nama"], keterangan=v["keterangan"], dasar=v["dasar"],
                          kontak=v["kontak"])


def read_kanal_list(r: Reader, m: yamlio.Map, key: str, where: str) -> tuple[KanalPengaduan, ...]:
    """A penyelenggara's own `pengaduan:` channels (optional)."""
    items = r.seq(m, key, f"{where} > {key}")
    out = []
    for item, line in zip(items, items.item_lines):
        kanal = _kanal(r, item, line, f"{where} > {key}", with_id=False)
        if kanal is not None:
            out.append(kanal)
    return tuple(out)


def read_pengaduan_registry(r: Reader, data: Any) -> tuple[KanalPengaduan, ...]:
    """`_pengaduan.yaml`: the channels every larangan poster and region page shows."""
    top = Schema(kanal=Entries(required=True)).read_file(r, data)
    if top is None:
        return ()
    out: list[KanalPengaduan] = []
    seen = Unique(r, "id", "give each channel its own id.")
    items = top["kanal"]
    for item, line in zip(items, items.item_lines):
        kanal = _kanal(r, item, line, "kanal", with_id=True)
        if kanal is None or kanal.id is None:  # with_id: an id is required, so None means an error
            continue
        if seen.add(kanal.id, line, f"kanal {kanal.id}"):
            out.append(kanal)
    if not items:
        r.err(top.source.line, "kanal", "no complaint channel is listed.",
              "list at least SP4N-LAPOR! and Ombudsman RI (see regulations/README.md).")
    return tuple(out)


MAKLUMAT_REGISTRY_SCHEMA = Schema(teks=Str(required=True), dasar=Str(required=True))
"""`_maklumat.yaml`."""
MAKLUMAT_SCHEMA = Schema(teks=Str(), tempat=Str(), tanggal=Date())
"""A penyelenggara's own maklumat."""


def read_maklumat_registry(r: Reader, data: Any) -> MaklumatBaku | None:
    """`_maklumat.yaml`: the usual maklumat wording and its legal basis."""
    v = MAKLUMAT_REGISTRY_SCHEMA.read_file(r, data)
    if v is None or v["teks"] is None or v["dasar"] is None:
        return None
    return MaklumatBaku(teks=_one_line(v["teks"]), dasar=v["dasar"])


def read_maklumat(r: Reader, m: yamlio.Map, key: str, where: str) -> Maklumat | None:
    """A penyelenggara's own `maklumat:` (optional)."""
    if m.get(key) is None:
        return None
    where = f"{where} > {key}"
    mm = r.mapping(m[key], r.line_of(m, key), where)
    if mm is None or not MAKLUMAT_SCHEMA.keys(r, mm, where):
        return None
    if not mm:
        r.err(mm.line, where, "'maklumat' is empty.", "give 'teks', 'tempat' or 'tanggal', or remove 'maklumat'.")
        return None
    v = MAKLUMAT_SCHEMA.read_fields(r, mm, where)
    return Maklumat(teks=_one_line(v["teks"]) if v["teks"] else None, tempat=v["tempat"], tanggal=v["tanggal"])


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _preorder(roots: Iterable["Node"]) -> dict[str, int]:
    order: dict[str, int] = {}
    stack = list(reversed(list(roots)))
    while stack:
        node = stack.pop()
        order[node.eid] = len(order)
        stack.extend(reversed(node.children))
    return order


def _uncertain_part(eid: str, node: "Node", provisions: Mapping[str, "Node"]) -> str | None:
    """The id of the provision's uncertain ancestor, itself or descendant (`kedudukan`), if any."""
    above = uncertain_unit(provisions, eid)
    if above is not None:
        return above.eid
    return next((n.eid for n in node.walk() if n.kedudukan is not None), None)


def read_poster(r: Reader, m: yamlio.Map, roots: Iterable["Node"], provisions: Mapping[str, "Node"], status: str | None) -> PosterIsi | None:
    """A regulation's `poster:` mapping: lists of provision ids, each checked to exist, in order."""
    pm = r.mapping(m.get("poster"), r.line_of(m, "poster"), "poster")
    if pm is None or not r.keys(pm, "poster", (), POSTER_LISTS):
        return None
    if not any(pm.get(k) for k in POSTER_LISTS):
        r.err(pm.line, "poster", "'poster' lists no provision.",
              f"list provision ids under {', '.join(POSTER_LISTS[:2])}, or remove 'poster'.")
        return None
    if status == "dicabut":
        r.err(r.line_of(m, "poster"), "poster", "a revoked regulation gets no posters.",
              "remove 'poster' (offices must not display revoked rules).")
        return None
    order = _preorder(roots)
    lists: dict[str, tuple[str, ...]] = {}
    ok = True
    for key in POSTER_LISTS:
        where = f"poster > {key}"
        if key not in pm:
            lists[key] = ()
            continue
        items = r.seq(pm, key, where)
        if not items:
            r.err(r.line_of(pm, key), where, f"'{key}' is empty.", "list provision ids, or remove the key.")
            ok = False
            continue
        eids: list[str] = []
        lines: list[int] = []
        for item, line in zip(items, items.item_lines):
            if not isinstance(item, str) or not item.strip():
                r.err(line, where, "each item must be a provision id.",
                      "write the id as in the regulation page's links, e.g. bab_3__pasal_11__huruf_c.")
                ok = False
                continue
            eid = item.strip()
            node = provisions.get(eid)
            if node is None:
                near = difflib.get_close_matches(eid, list(provisions), n=3)
                hint = f" (did you mean {', '.join(near)}?)" if near else ""
                r.err(line, where, f"there is no provision '{eid}' in this regulation{hint}.",
                      "use the id from the provision's link (#...) on the regulation page.")
                ok = False
                continue
            if node.type in _NOT_QUOTABLE:
                r.err(line, where, f"'{eid}' is a whole {node.type.upper() if node.type == 'bab' else node.type}.",
                      "list the Pasal, ayat or items to quote, not a structural unit.")
                ok = False
                continue
            uncertain = _uncertain_part(eid, node, provisions)
            if uncertain is not None:
                r.err(line, where, f"'{eid}' cannot be quoted: the place of '{uncertain}' in the enacted text is "
                      "uncertain ('kedudukan: belum_pasti'), and a poster presents what it quotes as the regulation's.",
                      "remove it from the poster, or list only provisions outside the uncertain part.")
                ok = False
                continue
            if eid in eids:
                r.err(line, where, f"'{eid}' is listed twice.", "keep one of them.")
                ok = False
                continue
            inside = next((e for e in eids if eid.startswith(e + "__") or e.startswith(eid + "__")), None)
            if inside is not None:
                r.err(line, where, f"'{eid}' and '{inside}' overlap: a provision with a list is quoted whole.",
                      "list either the provision (all its items) or some of its items, not both.")
                ok = False
                continue
            if eids and order[eid] < order[eids[-1]]:
                r.err(line, where, f"'{eid}' comes before '{eids[-1]}' in the regulation.",
                      "list the provisions in the regulation's own order (posters keep it).")
                ok = False
                continue
            eids.append(eid)
            lines.append(line)
        lists[key] = tuple(eids)
    if not ok:
        return None
    return PosterIsi(**lists)
