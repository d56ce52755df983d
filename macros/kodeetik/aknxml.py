"""A regulation as Akoma Ntoso 3.0 XML (OASIS LegalDocML), for legal-informatics tools.

The mapping, kept small and obvious:
- `meta`: FRBR work/expression/manifestation named after `akn.work_uri`; the editors' notes (the
  regulation's and every provision's `catatan`) as `<note>`s, marked as the site's, not the law's.
- `preface`: the heading lines (`kepala`) and the title; `preamble`: the opening formula, Menimbang
  as `recitals`, Mengingat as `citations`, MEMUTUSKAN as a formula.
- `body`: BAB `chapter`, Bagian `part`, Paragraf `subpart`, Pasal `article`, ayat `paragraph`,
  huruf/angka/butir `point`; a Diktum, a group (`kelompok`), a text block (`teks`), a form
  (`formulir`) and anything else is an `hcontainer` named by its type. A unit with words and items
  has the words in `intro` and the words after its items in `wrapUp`.
- `conclusions`: the closing words and the place, date and signatory of enactment; each Lampiran is an
  `attachment` holding a `doc`.
Every provision's eId is its id on the site (the page anchor): one id scheme, checked both ways in
the tests. Texts go in exactly as enacted; italics of the source (`miring`) as `<i>`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from .akn import work_uri
from .integrasi import teu_badan
from .loader import slugify
from .model import Lampiran, Node, Penetapan, Regulation

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
ELEMENT = {"bab": "chapter", "bagian": "part", "paragraf": "subpart", "pasal": "article", "ayat": "paragraph",
           "huruf": "point", "angka": "point", "butir": "point"}
"""Our unit types with an Akoma Ntoso element of their own; the others are `hcontainer`s."""


def _el(parent: ET.Element | None, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
    element = ET.Element(f"{{{NS}}}{tag}", attrs or {}) if parent is None else \
        ET.SubElement(parent, f"{{{NS}}}{tag}", attrs or {})
    if text is not None:
        element.text = text
    return element


def _p(parent: ET.Element, text: str, phrases: Iterable[str] = ()) -> ET.Element:
    """A paragraph of text, with the phrases the source prints in italics as <i> (whole words)."""
    p = _el(parent, "p")
    alternatives = sorted(set(phrases), key=len, reverse=True)
    if not alternatives:
        p.text = text
        return p
    pattern = re.compile("|".join(r"(?<!\w)" + re.escape(a) + r"(?!\w)" for a in alternatives))
    last, tail_of = 0, None
    for m in pattern.finditer(text):
        before = text[last:m.start()]
        if tail_of is None:
            p.text = before
        else:
            tail_of.tail = before
        tail_of = _el(p, "i", text=m.group(0))
        last = m.end()
    if tail_of is None:
        p.text = text
    else:
        tail_of.tail = text[last:]
    return p


class _Writer:
    """Writes one regulation; collects the editors' notes on the way, for `meta/notes`."""

    def __init__(self, reg: Regulation):
        self.reg = reg
        self.notes: list[tuple[str, str]] = []  # (eId of the note, text)

    def note(self, parent: ET.Element, text: str, about: str) -> None:
        eid = f"catatan_{len(self.notes) + 1}"
        self.notes.append((eid, text))
        _el(parent, "noteRef", {"href": f"#{eid}", "class": "catatan-redaksi", "refersTo": f"#{about}"})

    def unit(self, parent: ET.Element, node: Node) -> None:
        tag = ELEMENT.get(node.type, "hcontainer")
        attrs = {"eId": node.eid}
        if tag == "hcontainer":
            attrs["name"] = node.type
        el = _el(parent, tag, attrs)
        if node.display_marker:
            _el(el, "num", text=node.display_marker)
        if node.heading:
            _el(el, "heading", text=node.heading)
        if node.children:
            if node.text or node.catatan:  # a note on a unit without words of its own: in an empty intro
                self.block(_el(el, "intro"), node.text or "", node)
            for child in node.children:
                self.unit(el, child)
            if node.text_after:
                _p(_el(el, "wrapUp"), node.text_after, node.miring)
        else:
            self.block(_el(el, "content"), node.text or "", node)

    def block(self, parent: ET.Element, text: str, node: Node) -> None:
        p = _p(parent, text, node.miring)
        if node.catatan:
            self.note(p, node.catatan, node.eid)

    def item(self, parent: ET.Element, tag: str, node: Node) -> None:
        """A Menimbang or Mengingat item (recital, citation): words, then nested items as a list."""
        el = _el(parent, tag, {"eId": node.eid})
        if node.display_marker:
            _el(el, "num", text=node.display_marker)
        self.block(el, node.text or "", node)
        if node.children:
            items = _el(el, "blockList", {"eId": f"{node.eid}__daftar"})
            for child in node.children:
                self.item(items, "item", child)
        if node.text_after:
            _p(el, node.text_after, node.miring)


INLINE_HOLDERS = {f"{{{NS}}}{t}" for t in ("p", "num", "heading")}


def _indent(el: ET.Element, level: int = 0) -> None:
    """Indent the structure for people reading the file, never inside a paragraph: whitespace
    there would be part of the text (ElementTree's own indent() adds it after an inline element)."""
    if el.tag in INLINE_HOLDERS or not len(el):
        return
    pad = "\n" + " " * (level + 1)
    el.text = pad
    for child in el:
        _indent(child, level + 1)
        child.tail = pad
    child.tail = "\n" + " " * level


def _frbr(parent: ET.Element, level: str, this: str, uri: str, date: str, date_name: str, author: str) -> ET.Element:
    el = _el(parent, level)
    _el(el, "FRBRthis", {"value": this})
    _el(el, "FRBRuri", {"value": uri})
    _el(el, "FRBRdate", {"date": date, "name": date_name})
    _el(el, "FRBRauthor", {"href": author})
    return el


def _meta(parent: ET.Element, reg: Regulation, uri: str, component: str, notes: list[tuple[str, str]]) -> None:
    tetap = reg.ditetapkan.tanggal if reg.ditetapkan and reg.ditetapkan.tanggal else None
    date, date_name = (tetap.isoformat(), "penetapan") if tetap else (f"{reg.tahun}-01-01", "tahun")
    meta = _el(parent, "meta")
    ident = _el(meta, "identification", {"source": "#kodeetik"})
    work = _frbr(ident, "FRBRWork", f"{uri}/!{component}", uri, date, date_name, "#penetap")
    _el(work, "FRBRcountry", {"value": "id"})
    _el(work, "FRBRnumber", {"value": reg.nomor})
    _el(work, "FRBRname", {"value": reg.singkatan})
    expr = f"{uri}/ind@{date}"
    e = _frbr(ident, "FRBRExpression", f"{expr}/!{component}", expr, date, date_name, "#penetap")
    _el(e, "FRBRlanguage", {"language": "ind"})
    _frbr(ident, "FRBRManifestation", f"{expr}/!{component}.xml", f"{expr}.akn", date, date_name, "#kodeetik")
    if component != "main":
        return  # an attachment's document refers to the act's references (eIds are unique per act)
    refs = _el(meta, "references", {"source": "#kodeetik"})
    _el(refs, "TLCOrganization", {"eId": "kodeetik", "href": "/ontology/organization/id/kodeetik",
                                  "showAs": "Kode Etik Pelayanan Publik (situs)"})
    _el(refs, "TLCOrganization", {"eId": "penetap", "href": f"/ontology/organization/id/{slugify(teu_badan(reg))}",
                                  "showAs": teu_badan(reg)})
    if notes:
        box = _el(meta, "notes", {"source": "#kodeetik"})
        for eid, text in notes:
            _p(_el(box, "note", {"eId": eid, "class": "catatan-redaksi"}), text)


def _signature(parent: ET.Element, where: Penetapan | None, what: str) -> None:
    if where is None:
        return
    block = _el(parent, "container", {"name": what})
    if where.tempat:
        _p(block, f"Ditetapkan di {where.tempat}" if what == "ditetapkan" else f"Diundangkan di {where.tempat}")
    if where.tanggal:
        p = _el(block, "p")
        _el(p, "date", {"date": where.tanggal.isoformat()}, text=where.tanggal.isoformat())
    for value in (where.pejabat.jabatan, where.pejabat.nama, where.pejabat.pangkat, where.pejabat.nip):
        if value:
            _p(block, value)


def _lampiran(parent: ET.Element, reg: Regulation, uri: str, lamp: Lampiran, writer: _Writer) -> None:
    attachment = _el(parent, "attachment", {"eId": lamp.eid})
    doc = _el(attachment, "doc", {"name": "lampiran"})
    _meta(doc, reg, uri, lamp.eid, [])
    if lamp.kepala or lamp.judul:
        preface = _el(doc, "preface")
        for line in (*lamp.kepala, *([lamp.judul] if lamp.judul else [])):
            _p(preface, line)
    body = _el(doc, "mainBody")
    for node in lamp.children:
        writer.unit(body, node)
    if not lamp.children:
        _p(body, "")
    if lamp.ditetapkan:
        _signature(_el(doc, "conclusions"), lamp.ditetapkan, "ditetapkan")


def akn_path(reg: Regulation) -> str:
    """Where a regulation's Akoma Ntoso file goes, relative to the site root."""
    return f"data/akn/{reg.id}.xml"


def akn_xml(reg: Regulation) -> str:
    """The regulation as one Akoma Ntoso document (UTF-8 text, same data, same bytes)."""
    ET.register_namespace("", NS)
    uri = work_uri(reg)
    writer = _Writer(reg)
    root = _el(None, "akomaNtoso")
    act = _el(root, "act", {"name": reg.jenis.lower().replace(" ", "_")})
    meta_at = len(act)  # meta goes first, but its notes are known only after the body
    if reg.kepala or reg.judul:
        preface = _el(act, "preface")
        for line in reg.kepala:
            _p(preface, line)
        if reg.judul:
            long_title = _el(preface, "longTitle")
            _p(long_title, reg.judul)
    if reg.pembukaan or reg.menimbang or reg.mengingat or reg.memutuskan or reg.diktum:
        preamble = _el(act, "preamble")
        if reg.pembukaan:
            formula = _el(preamble, "formula", {"name": "pembukaan"})
            for line in reg.pembukaan:
                _p(formula, line)
        for nodes, tag, item, title in ((reg.menimbang, "recitals", "recital", "Menimbang"),
                                        (reg.mengingat, "citations", "citation", "Mengingat")):
            if nodes:
                group = _el(preamble, tag, {"eId": title.lower()})
                _p(_el(group, "intro"), title)
                for node in nodes:
                    writer.item(group, item, node)
        if reg.memutuskan or reg.diktum:  # as on the page: the place of MEMUTUSKAN, with its words if any
            formula = _el(preamble, "formula", {"name": "memutuskan", "eId": "memutuskan"})
            if reg.memutuskan:
                _p(formula, reg.memutuskan)
    body = _el(act, "body")
    for node in (*reg.batang_tubuh, *reg.diktum):
        writer.unit(body, node)
    if reg.penutup or reg.ditetapkan or reg.diundangkan or reg.pengundangan or reg.tembusan:
        conclusions = _el(act, "conclusions")
        for line in reg.penutup:
            _p(conclusions, line)
        _signature(conclusions, reg.ditetapkan, "ditetapkan")
        _signature(conclusions, reg.diundangkan, "diundangkan")
        if reg.pengundangan:
            _p(_el(conclusions, "container", {"name": "pengundangan"}), reg.pengundangan)
        if reg.tembusan:
            box = _el(conclusions, "container", {"name": "tembusan"})
            for line in reg.tembusan:
                _p(box, line)
    if reg.lampiran:
        attachments = _el(act, "attachments")
        for lamp in reg.lampiran:
            _lampiran(attachments, reg, uri, lamp, writer)
    for text in reg.catatan:
        writer.notes.append((f"catatan_{len(writer.notes) + 1}", text))
    holder = _el(None, "holder")
    _meta(holder, reg, uri, "main", writer.notes)
    act.insert(meta_at, holder[0])
    _indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
