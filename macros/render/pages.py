"""Which pages the data produces: URIs, titles, templates and their context."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..kodeetik.labels import provision_label
from ..kodeetik.model import Corpus, Node, Regulation, Wilayah


@dataclass(frozen=True)
class TocEntry:
    """An entry of a page's table of contents."""

    id: str
    """Anchor id."""
    title: str
    """Plain text (escaped where it becomes HTML)."""
    level: int
    """Heading level, 2 to 6."""
    children: tuple["TocEntry", ...] = ()
    """Entries below it."""


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from data."""

    uri: str
    """Source path as if in docs_dir, e.g. `peraturan/perbup-bengkayang-51-2020.md`."""
    title: str
    """Plain-text title (the glue escapes it)."""
    template: str
    """Template that renders the content."""
    context: dict[str, Any] = field(default_factory=dict)
    """What the template sees."""
    toc: tuple[TocEntry, ...] = ()
    """Table of contents."""
    description: str = ""
    """Meta description, plain text."""


def regulation_uri(reg: Regulation) -> str:
    return f"peraturan/{reg.id}.md"


def regulation_url(reg: Regulation) -> str:
    return f"peraturan/{reg.id}/"


def wilayah_uri(corpus: Corpus, w: Wilayah) -> str:
    if w.is_provinsi:
        return f"wilayah/{w.slug}/index.md"
    return f"wilayah/{corpus.province_of(w).slug}/{w.slug}.md"


def wilayah_url(corpus: Corpus, w: Wilayah) -> str:
    from .templating import uri_to_url
    return uri_to_url(wilayah_uri(corpus, w))


def _node_toc(node: Node, level: int) -> TocEntry | None:
    if node.type not in ("bab", "bagian", "paragraf", "pasal", "kelompok", "diktum", "formulir"):
        return None
    title = node.label if node.type not in ("kelompok", "formulir") else (node.heading or node.label)
    if node.type in ("bab", "bagian", "paragraf") and node.heading:
        title = f"{node.label} {node.heading}" if node.type != "bab" else f"BAB {node.num} – {node.heading}"
    kids = tuple(t for t in (_node_toc(c, level + 1) for c in node.children) if t)
    return TocEntry(id=node.eid, title=title, level=min(level, 6), children=kids)


def regulation_toc(reg: Regulation) -> tuple[TocEntry, ...]:
    out = [TocEntry("informasi", "Informasi peraturan", 2)]
    if reg.menimbang:
        out.append(TocEntry("menimbang", "Menimbang", 2))
    if reg.mengingat:
        out.append(TocEntry("mengingat", "Mengingat", 2))
    if reg.memutuskan or reg.diktum:
        kids = tuple(t for t in (_node_toc(n, 3) for n in reg.diktum) if t)
        out.append(TocEntry("memutuskan", "Memutuskan", 2, kids))
    for node in reg.batang_tubuh:
        entry = _node_toc(node, 2)
        if entry:
            out.append(entry)
    for lamp in reg.lampiran:
        kids = tuple(t for t in (_node_toc(n, 3) for n in lamp.children) if t)
        out.append(TocEntry(lamp.eid, lamp.label, 2, kids))
    if reg.sumber.perbaikan or reg.sumber.derau:
        out.append(TocEntry("transkripsi", "Catatan transkripsi", 2))
    return tuple(out)


def plan_pages(corpus: Corpus, extra_context: dict | None = None) -> list[GeneratedPage]:
    """Every page made from the data, in a stable order; `extra_context` reaches every template."""
    pages: list[GeneratedPage] = []
    links = {
        "reg_url": {r.id: regulation_url(r) for r in corpus.regulations},
        "wil_url": {w.kode: wilayah_url(corpus, w) for w in corpus.wilayah},
    }
    common = {"corpus": corpus, **links, **(extra_context or {})}
    for reg in corpus.regulations:
        pages.append(GeneratedPage(
            uri=regulation_uri(reg),
            title=reg.nama_resmi,
            template="regulation.html",
            context={**common, "reg": reg, "provision_label": lambda eid, reg=reg: provision_label(reg, eid)},
            toc=regulation_toc(reg),
            description=f"{reg.nama_resmi} tentang {reg.tentang}",
        ))
    pages.append(GeneratedPage(uri="peraturan/index.md", title="Daftar peraturan",
                               template="regulation_index.html", context=common,
                               description="Semua peraturan kode etik pelayanan publik, per wilayah."))
    pages.append(GeneratedPage(uri="wilayah/index.md", title="Wilayah", template="region_index.html",
                               context=common,
                               description="Provinsi dan kabupaten/kota beserta peraturan kode etiknya."))
    for w in corpus.wilayah:
        prov = w if w.is_provinsi else corpus.province_of(w)
        pages.append(GeneratedPage(
            uri=wilayah_uri(corpus, w), title=w.nama_lengkap, template="region.html",
            context={**common, "wil": w, "prov": prov},
            description=f"Kode etik pelayanan publik yang berlaku di {w.nama_lengkap}.",
        ))
    return pages
