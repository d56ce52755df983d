"""What the search index gets from each page: result title, metadata, filters, provision locations.

Independent of MkDocs and of Pagefind's command line: `macros/search.py` (the MkDocs glue) asks for a
`SearchEntry` per page and renders it with `_search_page.html`, whose `data-pagefind-*` attributes
Pagefind reads when it indexes the built site.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..kodeetik.model import Corpus, Node, Regulation

NAVIGATION_TEMPLATES = frozenset({"region.html", "region_index.html", "regulation_index.html",
                                  "dasar_index.html", "cari_pasal.html", "compare_overview.html",
                                  "compare_area.html", "compare_side.html", "data_index.html",
                                  # Hak Anda and training: explanations that point to provisions, and
                                  # quizzes that quote them; results are the provisions themselves.
                                  "hak_index.html", "hak_anda.html", "pelatihan_index.html", "kuis.html"})
"""Generated pages that only list, link to or re-arrange regulations' provisions: left out of the
index, so results are the provisions themselves where they stand (a region is a filter instead).
The comparison matrices quote every region's wording; indexing them would put a table above the
provision a reader is looking for."""

FILTER_KEYS = ("provinsi", "kabupaten_kota", "jenis", "tahun")
"""Filter names in the index, in the order the search UI shows them (`content/assets/search.js`
labels them; a key it does not know, e.g. a future `topik`, is still shown)."""

LOCATION_SEP = " › "
"""Between the structural levels of a location: `BAB III KODE ETIK › Pasal 11 huruf c`."""

# Citation units are joined with spaces, as in a citation ("Pasal 11 ayat (2) huruf c"); structural
# units (BAB, Bagian, Lampiran, a titled group) each become one level of the location.
_CITED = frozenset({"pasal", "ayat", "huruf", "angka", "diktum"})
_SECTIONS = {"informasi": "Informasi peraturan", "menimbang": "Menimbang", "mengingat": "Mengingat",
             "memutuskan": "Memutuskan"}


@dataclass(frozen=True)
class SearchEntry:
    """How one page enters the search index."""

    title: str
    """Result title, plain text (escaped where it becomes HTML)."""
    meta: tuple[tuple[str, str], ...] = ()
    """Extra result metadata (name, plain-text value) shown with a result, e.g. the region."""
    filters: tuple[tuple[str, str], ...] = ()
    """Facets (name, value); a page may carry several values of one name."""
    locations: dict[str, str] | None = None
    """Where each anchor id on the page is, in words (`bab_3__pasal_11__huruf_c` → `BAB III ... ›
    Pasal 11 huruf c`); the UI titles and links sub-results with it. None for pages without."""

    @property
    def locations_json(self) -> str:
        """`locations` as compact JSON, the form it takes in the index metadata."""
        return json.dumps(self.locations or {}, ensure_ascii=False, separators=(",", ":"))


def page_entry(title: str) -> SearchEntry:
    """A hand-written or other non-regulation page: indexed by its text, with its title."""
    return SearchEntry(title=title)


def regulation_entry(corpus: Corpus, reg: Regulation) -> SearchEntry:
    """A regulation page: filtered by its region, kind and year; results name its region."""
    prov = corpus.province_of(reg.wilayah)
    filters = [("provinsi", prov.nama)]
    if not reg.wilayah.is_provinsi:
        # Full name: a Kabupaten and a Kota may share a name (Kabupaten Bandung, Kota Bandung).
        filters.append(("kabupaten_kota", reg.wilayah.nama_lengkap))
    filters += [("jenis", reg.jenis), ("tahun", str(reg.tahun))]
    wilayah = reg.wilayah.nama_lengkap if reg.wilayah.is_provinsi else \
        f"{reg.wilayah.nama_lengkap}, {prov.nama_lengkap}"
    meta = [("wilayah", wilayah), ("tentang", reg.tentang), ("status", reg.status.keadaan)]
    return SearchEntry(title=reg.nama_resmi, meta=tuple(meta), filters=tuple(filters),
                       locations=location_labels(reg))


def location_labels(reg: Regulation) -> dict[str, str]:
    """Every anchor id of a regulation page with where it is, in words."""
    labels = dict(_SECTIONS)
    for lamp in reg.lampiran:
        labels[lamp.eid] = lamp.label
    for node in reg.all_nodes():
        labels[node.eid] = _location(reg, node.eid)
    return labels


def _location(reg: Regulation, eid: str) -> str:
    parts = eid.split("__")
    levels: list[str] = []
    cited: list[str] = []

    def flush() -> None:
        if cited:
            levels.append(" ".join(cited))
            cited.clear()

    for i in range(1, len(parts) + 1):
        prefix = "__".join(parts[:i])
        node: Node | None = reg.provisions.get(prefix)
        if node is None:
            if prefix in ("menimbang", "mengingat"):
                cited.append(_SECTIONS[prefix])
            elif prefix.startswith("lampiran"):
                lamp = next((lp for lp in reg.lampiran if lp.eid == prefix), None)
                levels.append(lamp.label if lamp else "Lampiran")
            continue
        if node.type in _CITED:
            cited.append(node.label)
        elif node.type == "bab":
            flush()
            levels.append(f"BAB {node.num} {node.heading}" if node.heading else f"BAB {node.num}")
        elif node.type in ("bagian", "paragraf", "kelompok", "formulir"):
            flush()
            levels.append(node.heading if node.type in ("kelompok", "formulir") and node.heading
                          else node.label)
        elif node.type == "butir" and node.heading:
            flush()
            levels.append(node.heading)
        # An unnumbered paragraph (teks) or bullet (butir) has no name of its own: it is located by
        # its parent.
    flush()
    return LOCATION_SEP.join(levels) or reg.nama_resmi
