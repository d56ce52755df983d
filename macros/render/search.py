"""What the search index gets from each page: result title, metadata, filters, provision locations.

Independent of MkDocs and of Pagefind's command line: `macros/plugin/search.py` (the MkDocs glue) asks for a
`SearchEntry` per page and renders it with `_search_page.html`, whose `data-pagefind-*` attributes
Pagefind reads when it indexes the built site.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..kodeetik.glossary import DEFINITION_AREA
from ..kodeetik.model import Corpus, Node, Regulation, Wilayah
from ..kodeetik.topics import UNTAGGABLE_TYPES, Topics

NAVIGATION_TEMPLATES = frozenset({"region.html", "region_index.html", "regulation_index.html",
                                  "dasar_index.html", "cari_pasal.html", "compare_overview.html",
                                  "compare_area.html", "compare_side.html", "data_index.html",
                                  # Training: quizzes that quote provisions; results are the
                                  # provisions themselves. (Hak Anda pages are indexed: they answer
                                  # plain questions in plain words, `hak_entry`.)
                                  "hak_index.html", "pelatihan_index.html", "kuis.html"})
"""Generated pages that only list, link to or re-arrange regulations' provisions: left out of the
index, so results are the provisions themselves where they stand (a region is a filter instead).
The comparison matrices quote every region's wording; indexing them would put a table above the
provision a reader is looking for."""

HAK_TEMPLATE = "hak_anda.html"
"""The Hak Anda page of a region (`render/hak_anda.py`)."""

FILTER_KEYS = ("provinsi", "kabupaten_kota", "jenis", "tahun", "bidang")
"""Filter names in the index, in the order the search UI shows them (`content/assets/search.js`
labels them; a key it does not know is still shown)."""

AREA_FILTER = "bidang"
"""The topic-area filter: its values are area labels. Pagefind filters whole pages, and a regulation
has provisions in most areas, so the UI also narrows each result to the provisions of the chosen
area with the page's `bidang` metadata (`SearchEntry.areas_json`)."""

AREA_PAGES = {"glossary.html": DEFINITION_AREA}
"""Indexed pages about one area as a whole (the glossary of defined terms), by template. The
comparison pages of the areas are navigation (`NAVIGATION_TEMPLATES`), not indexed."""

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
    areas: dict[str, frozenset[str]] | None = None
    """Topic areas of the page's provisions: area label → ids of the anchors (keys of `locations`)
    in that area (`provision_areas`). None for pages without provision-level areas."""

    @property
    def locations_json(self) -> str:
        """`locations` as compact JSON, the form it takes in the index metadata."""
        return json.dumps(self.locations or {}, ensure_ascii=False, separators=(",", ":"))

    @property
    def areas_json(self) -> str:
        """`areas` as compact JSON: area label → runs `[first, last, first, last, ...]` (inclusive)
        of positions in `locations`' key order, e.g. `{"Larangan":[212,230]}`.

        Runs, not ids: the provisions of an area mostly follow each other, so this costs a few
        hundred bytes where a list of ids would repeat most of `lokasi`. JSON.parse keeps the order
        of an object's keys unless a key is an array index; ids start with a letter (ids.py)."""
        order = {key: i for i, key in enumerate(self.locations or {})}
        if any(key.isdigit() for key in order):
            raise ValueError("a location id is an integer: JavaScript would reorder the keys")
        out: dict[str, list[int]] = {}
        for label, ids in (self.areas or {}).items():
            runs: list[int] = []
            for pos in sorted(order[i] for i in ids):
                if runs and runs[-1] == pos - 1:
                    runs[-1] = pos
                else:
                    runs += [pos, pos]
            out[label] = runs
        return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def spec_entry(corpus: Corpus, spec, topics: Topics | None = None) -> SearchEntry:
    """The entry of a generated page (`GeneratedPage`): a regulation, a Hak Anda page or another."""
    reg = spec.context.get("reg")
    if reg is not None:
        return regulation_entry(corpus, reg, topics)
    if spec.template == HAK_TEMPLATE:
        return hak_entry(corpus, spec.title, spec.context["wil"], spec.context["entries"], topics)
    return page_entry(spec.title, topics, spec.template)


def region_filters(corpus: Corpus, wilayah: Wilayah) -> list[tuple[str, str]]:
    """The region filters of a page about one region: its province, and its own full name if it is a
    kabupaten/kota (a Kabupaten and a Kota may share a name: Kabupaten Bandung, Kota Bandung)."""
    filters = [("provinsi", corpus.province_of(wilayah).nama)]
    if not wilayah.is_provinsi:
        filters.append(("kabupaten_kota", wilayah.nama_lengkap))
    return filters


def region_label(corpus: Corpus, wilayah: Wilayah) -> str:
    """`Kabupaten Bengkayang, Provinsi Kalimantan Barat`: a result's region line."""
    return wilayah.nama_lengkap if wilayah.is_provinsi else \
        f"{wilayah.nama_lengkap}, {corpus.province_of(wilayah).nama_lengkap}"


def hak_entry(corpus: Corpus, title: str, wilayah: Wilayah, entries, topics: Topics | None = None) -> SearchEntry:
    """A Hak Anda page: filtered and labelled by its region; each statement is a location ("Yang
    tidak boleh dilakukan petugas › Diskriminasi"), so a result links straight to it."""
    locations: dict[str, str] = {}
    for h in entries:
        for b in h.bagian:
            locations[h.bagian_id(b.bagian.kunci)] = b.bagian.judul
            for p in b.pernyataan:
                locations[p.anchor] = f"{b.bagian.judul}{LOCATION_SEP}{p.item.label}"
            for rule in b.nasional:
                label = topics.items[rule.item].label if topics is not None else rule.item
                locations[h.nasional_id(b.bagian.kunci, rule)] = \
                    f"{b.bagian.judul}{LOCATION_SEP}Aturan nasional{LOCATION_SEP}{label}"
    return SearchEntry(title=title, meta=(("wilayah", region_label(corpus, wilayah)), ("halaman", "hak")),
                       filters=tuple(region_filters(corpus, wilayah)), locations=locations or None)


def page_entry(title: str, topics: Topics | None = None, template: str | None = None) -> SearchEntry:
    """A hand-written or other non-regulation page: indexed by its text, with its title; a page about
    one topic area as a whole (`AREA_PAGES`) is found under that area."""
    key = AREA_PAGES.get(template or "")
    if topics is None or key is None or key not in {a.key for a in topics.areas}:
        return SearchEntry(title=title)
    return SearchEntry(title=title, filters=((AREA_FILTER, topics.area(key).label),))


def regulation_entry(corpus: Corpus, reg: Regulation, topics: Topics | None = None) -> SearchEntry:
    """A regulation page: filtered by its region, kind, year and the topic areas of its provisions;
    results name its region."""
    filters = region_filters(corpus, reg.wilayah)
    filters += [("jenis", reg.jenis), ("tahun", str(reg.tahun))]
    meta = [("wilayah", region_label(corpus, reg.wilayah)), ("tentang", reg.tentang), ("status", reg.status.keadaan)]
    locations = location_labels(reg)
    areas = None
    if topics is not None and topics.tags.get(reg.id):
        by_id = provision_areas(reg, topics, locations)
        areas = {area.label: frozenset(eid for eid, keys in by_id.items() if area.key in keys)
                 for area in topics.areas}
        areas = {label: ids for label, ids in areas.items() if ids}
        filters += [(AREA_FILTER, label) for label in areas]
    return SearchEntry(title=reg.nama_resmi, meta=tuple(meta), filters=tuple(filters),
                       locations=locations, areas=areas or None)


def provision_areas(reg: Regulation, topics: Topics, ids=None) -> dict[str, frozenset[str]]:
    """Anchor id → keys of the topic areas a search hit there belongs to (ids without any left out).

    A provision is in an area when
    - it or a provision it is nested in is tagged with an item of the area: a tag covers everything
      under it (`topics.py`), so a hit in huruf c of a Pasal tagged as a whole is in the Pasal's
      area; or
    - a provision nested in it is: its words lead into them ("Pelaksana dilarang:" before the
      prohibitions), so a hit in a lead-in is in the areas of what it introduces. Headings that
      cannot be tagged (BAB, Bagian, Paragraf, formulir), a Lampiran's title, Menimbang and
      Mengingat take no area from below: BAB III holds every area of the code, which would say
      nothing.
    `ids` defaults to every anchor of the page (`location_labels`).
    """
    own = topics.tags.get(reg.id, {})
    tagged = {eid: {topics.items[k].area for k in keys} for eid, keys in own.items() if keys}
    out: dict[str, set[str]] = {}
    for eid in (ids if ids is not None else location_labels(reg)):
        node = reg.provisions.get(eid)
        takes_from_below = node is not None and node.type not in UNTAGGABLE_TYPES
        below = eid + "__"
        for tag_eid, areas in tagged.items():
            if (tag_eid == eid or eid.startswith(tag_eid + "__")
                    or (takes_from_below and tag_eid.startswith(below))):
                out.setdefault(eid, set()).update(areas)
    return {eid: frozenset(areas) for eid, areas in out.items()}


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
