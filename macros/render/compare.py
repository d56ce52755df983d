"""The comparison pages (overview, one page per topic area, side by side, glossary, Data) and
their place in the navigation. Independent of MkDocs, like pages.py."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..kodeetik import export
from ..kodeetik.akn import work_uri
from ..kodeetik.aknxml import akn_path
from ..kodeetik.glossary import entries
from ..kodeetik.integrasi import DATAPACKAGE_PATH, JDIHN_PATH, SCHEMA_DIR, SCHEMA_FILES
from ..kodeetik.model import Corpus, Regulation, Wilayah
from ..kodeetik.nasional import AturanNasional
from ..kodeetik.labels import ref_label
from ..kodeetik.topics import Bidang, ButirTopik, Hit, Topics
from .feed import FEED_PATH
from .pages import GeneratedPage, TocEntry, regulation_url, wilayah_url
from .xref_pages import instrumen_url

BASE = "perbandingan"
OVERVIEW_URI = f"{BASE}/index.md"
SIDE_URI = f"{BASE}/berdampingan.md"
GLOSSARY_URI = f"{BASE}/glosarium.md"
DATA_URI = "data/index.md"
MAX_SIDE = 5
"""How many regulations the side-by-side view shows at once (a phone still reads five columns
as stacked blocks; more stop being a comparison)."""
COLLAPSE_OVER = 12
"""A tagged provision holding more nested units than this shows them folded (<details>)."""


def area_uri(area: Bidang) -> str:
    return f"{BASE}/{area.slug}.md"


def area_url(area: Bidang) -> str:
    return f"{BASE}/{area.slug}/"


@dataclass(frozen=True)
class Column:
    """A regulation as a column of the comparison tables."""

    reg: Regulation
    """The regulation."""
    complete: bool
    """Whether all its normative provisions are tagged (otherwise an empty cell proves nothing)."""


@dataclass(frozen=True)
class ColumnGroup:
    """The columns of one province: its own regulations first, then its districts'."""

    province: Wilayah
    """The province."""
    columns: tuple[Column, ...]
    """Its columns."""


@dataclass(frozen=True)
class Row:
    """An item across all regulations."""

    item: ButirTopik
    """The item."""
    cells: tuple[tuple[Hit, ...], ...]
    """Tagged provisions per column (same order as the columns); empty = absent."""
    shared: bool
    """Present in every region whose regulation is fully coded (and there are at least two)."""
    unique: Wilayah | None
    """The only region that has it, when exactly one does (among at least two coded regions)."""

    @property
    def count(self) -> int:
        return sum(1 for c in self.cells if c)


def column_groups(corpus: Corpus, topics: Topics) -> tuple[ColumnGroup, ...]:
    out = []
    for prov in corpus.provinces():
        regs = [r for r in corpus.regulations if r.wilayah.kode_provinsi == prov.kode]
        regs.sort(key=lambda r: (not r.wilayah.is_provinsi, r.wilayah.kode))  # province level first
        if regs:
            out.append(ColumnGroup(prov, tuple(Column(r, topics.is_complete(r.id)) for r in regs)))
    return tuple(out)


def rows_for(area: Bidang, columns: list[Column], topics: Topics) -> tuple[Row, ...]:
    coded_regions = {c.reg.wilayah.kode for c in columns if c.complete}
    out = []
    for item in area.items:
        cells = tuple(topics.hits_for(item.key, c.reg.id) for c in columns)
        present = {c.reg.wilayah.kode for c, hits in zip(columns, cells) if hits and c.complete}
        shared = len(coded_regions) > 1 and present == coded_regions
        unique = None
        if len(coded_regions) > 1 and len(present) == 1:
            only = next(iter(present))
            unique = next(c.reg.wilayah for c in columns if c.reg.wilayah.kode == only)
        out.append(Row(item=item, cells=cells, shared=shared, unique=unique))
    return tuple(out)


def _descendants(node) -> int:
    return sum(1 for _ in node.walk()) - 1


def plan_compare_pages(corpus: Corpus, topics: Topics,
                       nasional: Mapping[str, AturanNasional] | None = None) -> list[GeneratedPage]:
    """The comparison and data pages, in navigation order; `nasional` (item key -> national rule)
    fills the cells of regulations silent on an item."""
    groups = column_groups(corpus, topics)
    columns = [c for g in groups for c in g.columns]
    common = {
        "corpus": corpus, "topics": topics, "groups": groups, "columns": columns,
        "reg_url": {r.id: regulation_url(r) for r in corpus.regulations},
        "wil_url": {w.kode: wilayah_url(corpus, w) for w in corpus.wilayah},
        "area_url": {a.key: area_url(a) for a in topics.areas},
        "item_area": {i.key: i.area for i in topics.items.values()},
        "ref_label": ref_label, "descendants": _descendants, "collapse_over": COLLAPSE_OVER,
        "data": {"comparison": export.COMPARISON_PATH, "terms": export.TERMS_PATH,
                 "matrix": export.MATRIX_CSV, "provisions": export.PROVISIONS_CSV,
                 "taxonomy": export.TAXONOMY_CSV,
                 "area_csv": {a.key: export.area_csv_path(a.key) for a in topics.areas},
                 "xlsx": export.xlsx_path,
                 "regulation": {r.id: export.regulation_path(r.id) for r in corpus.regulations}},
        "urls": {"overview": f"{BASE}/", "side": f"{BASE}/berdampingan/", "glossary": f"{BASE}/glosarium/",
                 "data": "data/"},
        "max_side": MAX_SIDE,
        "integrasi": {"jdihn": JDIHN_PATH, "feed": FEED_PATH, "skema": f"{SCHEMA_DIR}/jdihn.schema.json",
                      "datapackage": DATAPACKAGE_PATH,
                      "akn_berkas": [(r.id, akn_path(r)) for r in corpus.regulations],
                      "skema_berkas": [(n, f"{SCHEMA_DIR}/{n}") for n in SCHEMA_FILES if n != "jdihn.schema.json"],
                      "akn": next(((work_uri(r).strip("/") + "/", r.singkatan) for r in corpus.regulations), None)},
        "nasional": nasional or {}, "ins_url": instrumen_url,
    }
    all_rows = {a.key: rows_for(a, columns, topics) for a in topics.areas}
    pages = [GeneratedPage(
        uri=OVERVIEW_URI, title="Perbandingan antardaerah", template="compare_overview.html",
        context={**common, "all_rows": all_rows, "counts": {
            a.key: {col.reg.id: sum(1 for r in all_rows[a.key] if r.cells[i]) for i, col in enumerate(columns)}
            for a in topics.areas}},
        toc=(TocEntry("ringkasan", "Ringkasan per bidang", 2), TocEntry("cara-membaca", "Cara membaca", 2)),
        description="Apa yang diatur setiap daerah dalam kode etik pelayanan publiknya: larangan, "
                    "kewajiban, sanksi, penghargaan, budaya pelayanan, dan lainnya.")]
    pages.append(GeneratedPage(
        uri=SIDE_URI, title="Bandingkan berdampingan", template="compare_side.html", context=common,
        description="Pilih dua sampai lima peraturan dan baca ketentuannya berdampingan, per topik."))
    glossary = entries(corpus, topics)
    pages.append(GeneratedPage(
        uri=GLOSSARY_URI, title="Glosarium", template="glossary.html",
        context={**common, "entries": glossary},
        toc=tuple(TocEntry(e.item.key, e.item.label, 2) for e in glossary),
        description="Istilah yang didefinisikan dalam Ketentuan Umum setiap peraturan, berdampingan."))
    for area in topics.areas:
        pages.append(GeneratedPage(
            uri=area_uri(area), title=f"Perbandingan: {area.label}", template="compare_area.html",
            context={**common, "area": area, "rows": all_rows[area.key]},
            toc=tuple(TocEntry(i.key, i.label, 3) for i in area.items),
            description=f"{area.label}: ketentuan setiap daerah berdampingan. {area.penjelasan}"))
    pages.append(GeneratedPage(
        uri=DATA_URI, title="Data", template="data_index.html", context=common,
        toc=(TocEntry("berkas", "Berkas", 2), TocEntry("skema-peraturan", "Skema JSON peraturan", 2),
             TocEntry("skema-csv", "Skema CSV perbandingan", 2), TocEntry("pengodean", "Cara pengodean topik", 2)),
        description="Unduh setiap peraturan sebagai JSON dan perbandingan topik sebagai CSV."))
    return pages


def expand_compare_nav(nav, topics: Topics):
    """Replace the `perbandingan/index.md` entry of the nav with a section holding its pages."""
    if not nav:
        return nav
    out = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1 and next(iter(entry.values())) == OVERVIEW_URI:
            title = next(iter(entry))
            section = [OVERVIEW_URI, {"Bandingkan berdampingan": SIDE_URI}, {"Glosarium": GLOSSARY_URI},
                       {"Per bidang": [{a.label: area_uri(a)} for a in topics.areas]}]
            out.append({title: section})
        else:
            out.append(entry)
    return out
