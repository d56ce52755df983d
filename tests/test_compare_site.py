"""The comparison pages, glossary and data downloads of a real build, each check with a negative
control; the side-by-side view and the term popups in a real browser (Debian's chromium)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import ROOT, make_project, no_bom, run_mkdocs, serve_directory
from htmltext import text_of

BENGKAYANG = "perbup-bengkayang-51-2020"
KALTIM = "pergub-kaltim-8-2025"
SUMBAWA = "perbup-sumbawa-6-2020"
BANTEN = "kep-dinsos-banten-2024"
BENGKALIS = "kep-diskominfotik-bengkalis-2024"
ALL = (BENGKALIS, BANTEN, SUMBAWA, BENGKAYANG, KALTIM)  # the site's column order
LARANGAN = "perbandingan/larangan/index.html"


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


class _Cells(HTMLParser):
    """Text and attributes of each <td data-regulation> of each <tr id> (one matrix page)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.cells: dict[tuple[str, str], dict] = {}
        self.row: str | None = None
        self.cell: dict | None = None
        self.depth = 0
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr":
            self.row = a.get("id")
        elif tag == "td" and self.row and "data-regulation" in a:
            self.cell = {"attrs": a, "parts": []}
            self.cells[(self.row, a["data-regulation"])] = self.cell
            self.depth = 0
        elif self.cell is not None:
            self.depth += 1
            if self.skip or "visually-hidden" in (a.get("class") or ""):
                self.skip += 1

    def handle_endtag(self, tag):
        if self.cell is None:
            return
        if tag == "td" and self.depth == 0:
            self.cell["text"] = re.sub(r"\s+", " ", "".join(self.cell["parts"])).strip()
            self.cell = None
            return
        self.depth -= 1
        if self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.cell is not None and not self.skip:
            self.cell["parts"].append(data + " ")


def cells(html: str) -> dict[tuple[str, str], dict]:
    parser = _Cells()
    parser.feed(html)
    return parser.cells


# --------------------------------------------------------------------------- the real site

def test_build_reports_that_every_provision_is_tagged(real_site):
    assert "Topics: every normative provision of the 5 regulations is tagged." in real_site.output


def test_larangan_shows_each_regions_own_wording_under_the_right_item(real_site):
    c = cells(read(real_site.site, LARANGAN))
    pungli = {rid: c[("larangan.pungli", rid)] for rid in ALL}
    assert "meminta dan/atau menerima imbalan/biaya diluar ketentuan atau melakukan pungutan liar (pungli);" \
        in pungli[BENGKAYANG]["text"]
    assert "Pasal 11 huruf c" in pungli[BENGKAYANG]["text"]
    assert "meminta dan/atau menerima imbalan/biaya di luar ketentuan atau melakukan pungutan liar;" \
        in pungli[KALTIM]["text"]
    assert "Meminta dan/atau menerima imbalan/biaya di luar ketentuan atau melakukan pungutan liar (pungli);" \
        in pungli[BENGKALIS]["text"]
    # Negative controls: each cell holds its own region's wording only, and absences are absences.
    assert "diluar ketentuan" not in pungli[KALTIM]["text"] and "(pungli)" not in pungli[KALTIM]["text"]
    assert pungli[SUMBAWA]["attrs"]["data-hadir"] == "tidak" and pungli[BANTEN]["attrs"]["data-hadir"] == "tidak"
    # A silent code's cell names the national rule that still forbids it (_aturan_nasional.yaml) ...
    assert pungli[SUMBAWA]["text"].startswith("Tidak diatur dalam kode ini; tetap dilarang menurut UU 25/2009")
    # ... and, where there is none, stays a plain mark.
    assert c[("larangan.rangkap_jabatan", SUMBAWA)]["text"] == "—"
    assert "pungutan liar" not in c[("larangan.bahasa_kasar", BENGKAYANG)]["text"]
    assert "menggunakan Bahasa yang tidak pantas/kasar" in c[("larangan.bahasa_kasar", BENGKAYANG)]["text"]
    # Sumbawa's gift rule sits under gifts, not under pungli.
    assert "menerima hadiah/imbalan/suap;" in c[("larangan.gratifikasi", SUMBAWA)]["text"]
    assert "hadiah/imbalan/suap" not in " ".join(v["text"] for v in pungli.values())


def test_lead_in_is_shown_as_context_and_the_link_goes_to_the_provision(real_site):
    html = read(real_site.site, LARANGAN)
    row = html[html.index('id="larangan.pungli"'):html.index('id="larangan.meminta_sesuatu"')]
    assert "Larangan Pelaksana pelayanan publik sebagaimana dimaksud dalam Pasal 7 huruf c, meliputi :" in row
    assert f'href="../../peraturan/{BENGKAYANG}/#bab_3__pasal_11__huruf_c"' in row
    assert not re.search(r'\sid="bab_3__pasal_11__huruf_c"', html)  # no provision ids in cells (no duplicates)
    assert 'data-eid="bab_3__pasal_11__huruf_c"' in row


def test_shared_and_unique_items_are_marked(real_site):
    html = read(real_site.site, LARANGAN)
    kkn = text_of(html, id="larangan.kkn")
    assert "Diatur semua daerah" in kkn and "Hanya" not in kkn  # all five prohibit KKN
    rangkap = text_of(html, id="larangan.rangkap_jabatan")
    assert "Hanya Provinsi Kalimantan Timur" in rangkap and "Diatur semua daerah" not in rangkap
    pungli = text_of(html, id="larangan.pungli")
    assert "Diatur semua daerah" not in pungli and "Hanya" not in pungli


def test_columns_follow_the_region_hierarchy(real_site):
    html = read(real_site.site, LARANGAN)
    head = html[html.index("<thead>"):html.index("</thead>")]
    provinces = re.findall(r'class="ke-mx__prov"><a [^>]*>([^<]+)</a>', head)
    assert provinces == ["Provinsi Riau", "Provinsi Banten", "Provinsi Nusa Tenggara Barat",
                         "Provinsi Kalimantan Barat", "Provinsi Kalimantan Timur"]
    assert re.findall(r'id="kolom-([a-z0-9-]+)"', head) == list(ALL)
    assert "Kabupaten Bengkayang" in head and "Tingkat provinsi" in head


def test_every_area_has_a_page_and_the_overview_counts_match_it(real_site):
    overview = read(real_site.site, "perbandingan/index.html")
    areas = re.findall(r'<tr id="bidang-([a-z_]+)"', overview)
    assert len(areas) >= 16 and "larangan" in areas
    ov = cells(overview)
    for area in areas:
        page = read(real_site.site, f"perbandingan/{area.replace('_', '-')}/index.html")
        per_cell = cells(page)
        for rid in ALL:
            present = sum(1 for (row, r), v in per_cell.items() if r == rid and v["attrs"]["data-hadir"] == "ya")
            assert ov[(f"bidang-{area}", rid)]["text"] == str(present), (area, rid)
    assert f'href="larangan/#kolom-{BENGKAYANG}"' in overview


def test_downloads_match_the_pages(real_site):
    site = real_site.site
    matrix = list(csv.DictReader(io.StringIO(no_bom(read(site, "data/topik/matriks.csv")), newline="")))
    assert not read(site, "data/perbandingan.json").startswith("\ufeff")  # JSON needs no byte-order mark
    page = cells(read(site, LARANGAN))
    rows = [r for r in matrix if r["bidang"] == "larangan"]
    assert rows
    for r in rows:
        for rid in ALL:
            shown = page[(r["butir"], rid)]["attrs"]["data-hadir"] == "ya"
            assert (int(r[rid]) > 0) == shown, (r["butir"], rid)
    long = list(csv.DictReader(io.StringIO(no_bom(read(site, "data/topik/larangan.csv")), newline="")))
    pungli = next(r for r in long if r["butir"] == "larangan.pungli" and r["peraturan"] == BENGKAYANG)
    assert pungli["teks"] in page[("larangan.pungli", BENGKAYANG)]["text"]
    comparison = json.loads(read(site, "data/perbandingan.json"))
    assert set(comparison["isi"]["larangan.pungli"]) == {BENGKALIS, BENGKAYANG, KALTIM}
    regulation = json.loads(read(site, f"data/peraturan/{BENGKAYANG}.json"))
    assert regulation["id"] == BENGKAYANG and regulation["topik_lengkap"] is True
    data_page = read(site, "data/index.html")
    for rel in ("../data/topik/ketentuan.csv", "peraturan/" + BENGKAYANG + ".json", "topik/matriks.csv"):
        assert rel.split("/")[-1] in data_page
    assert 'href="../../data/topik/larangan.csv"' in read(site, LARANGAN)


def _csv_without_xlsx(html: str, page: Path) -> list[str]:
    """The CSV links of a page with no XLSX link to the same table, or whose XLSX is not built."""
    hrefs = re.findall(r'href="([^"]+\.(?:csv|xlsx))"', html)
    return [h for h in hrefs if h.endswith(".csv")
            and (h[:-4] + ".xlsx" not in hrefs or not (page.parent / (h[:-4] + ".xlsx")).is_file())]


def test_each_csv_is_linked_with_its_xlsx(real_site):
    site = real_site.site
    for rel in ("data/index.html", LARANGAN):
        html = read(site, rel)
        assert html.count(".csv\"") >= (9 if rel.startswith("data") else 1), rel
        assert _csv_without_xlsx(html, site / rel) == [], rel
    # Negative control: a page that lost one XLSX link is caught.
    html = read(site, "data/index.html").replace('topik/matriks.xlsx"', 'topik/matriks.xls"')
    missing = _csv_without_xlsx(html, site / "data/index.html")
    assert len(missing) == 1 and missing[0].endswith("topik/matriks.csv")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag in ("a", "link", "script"):
            ref = a.get("href") or a.get("src")
            if ref:
                self.hrefs.append(ref)


def test_links_on_comparison_pages_resolve(real_site):
    """The pages' HTML is placed after MkDocs' own link validation, so check it here."""
    site = real_site.site
    pages = sorted((site / "perbandingan").rglob("index.html")) + [site / "data" / "index.html"]
    ids_of: dict[Path, set[str]] = {}

    def ids(path: Path) -> set[str]:
        if path not in ids_of:
            p = _Links()
            p.feed(path.read_text(encoding="utf-8"))
            ids_of[path] = p.ids
        return ids_of[path]

    broken = []
    checked = 0
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        base = "file://" + str(page)
        for href in parser.hrefs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            target = Path(unquote(urlsplit(urljoin(base, href)).path))
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append((page.relative_to(site).as_posix(), href))
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids(target):
                broken.append((page.relative_to(site).as_posix(), href))
    assert checked > 1000 and broken == []


def test_glossary_sets_different_wordings_side_by_side(real_site):
    html = read(real_site.site, "perbandingan/glosarium/index.html")
    pelaksana = text_of(html, id="definisi.pelaksana")
    assert "Rumusan berbeda di 2 peraturan" in pelaksana
    assert "(Perangkat Daerah, UPT, BUMD)" in pelaksana  # Bengkayang's wording
    assert "PELAKSANA PELAYANAN PUBLIK" in pelaksana      # Kaltim's
    assert "Pegawai Negeri Sipil atau Tenaga Kontrak Daerah" not in pelaksana  # Sumbawa's "Pegawai"
    masyarakat = text_of(html, id="definisi.masyarakat")
    assert "Rumusan berbeda" not in masyarakat and "Rumusan sama" in masyarakat
    assert "Perbup Bengkayang 51/2020" in masyarakat and "Pergub Kaltim 8/2025" in masyarakat


def test_regulation_page_links_its_json(real_site):
    html = read(real_site.site, f"peraturan/{BENGKAYANG}/index.html")
    assert f'href="../../data/peraturan/{BENGKAYANG}.json"' in html


def test_nav_has_comparison_and_data(real_site):
    for page, labels in (("index.html", ("Perbandingan", "Data")),  # the menu's top level, on every page
                         ("perbandingan/index.html", ("Bandingkan berdampingan", "Glosarium")),
                         ("perbandingan/larangan/index.html", ("Larangan",))):
        html = read(real_site.site, page)
        nav = html[html.index('class="md-nav md-nav--primary"'):html.index('md-sidebar--secondary')]
        for label in labels:
            assert label in nav, (page, label)
    # The menu is pruned: the home page does not list the comparison's own pages.
    home = read(real_site.site, "index.html")
    assert "Glosarium" not in home[home.index('class="md-nav md-nav--primary"'):home.index('md-sidebar--secondary')]


# --------------------------------------------------------------------------- a fixture project

HOSTILE = '<img src=x onerror="window.__pwned=1"> {{ 7*7 }} <b>tebal</b>'


@pytest.fixture(scope="module")
def altered_site(tmp_path_factory):
    """Hostile text in Bengkayang's Pasal 11 huruf c, and Pasal 11 huruf i left untagged."""
    tmp = tmp_path_factory.mktemp("altered")
    data = tmp / "regs"
    shutil.copytree(ROOT / "regulations", data)
    path = data / f"{BENGKAYANG}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "text: meminta dan/atau menerima imbalan/biaya diluar ketentuan atau melakukan pungutan liar (pungli);",
        "text: " + json.dumps(HOSTILE)), encoding="utf-8")
    coding = data / "_topik" / f"{BENGKAYANG}.yaml"
    coding.write_text(coding.read_text(encoding="utf-8").replace(
        "  bab_3__pasal_11__huruf_i: larangan.bahasa_kasar\n", ""), encoding="utf-8")
    project = make_project(tmp, regulations=data)
    build = run_mkdocs(project, tmp / "site")
    assert build.returncode == 0, build.output
    return build


def test_untagged_provision_is_reported_and_flagged(altered_site):
    assert "Topics: 2 normative provision(s) have no topic yet" in altered_site.output
    assert "[bab_3__pasal_11__huruf_i]" in altered_site.output and "WARNING" not in altered_site.output
    c = cells(read(altered_site.site, LARANGAN))
    assert c[("larangan.bahasa_kasar", BENGKAYANG)]["attrs"]["data-hadir"] == "tidak"
    assert c[("larangan.bahasa_kasar", KALTIM)]["attrs"]["data-hadir"] == "ya"  # control
    head = read(altered_site.site, LARANGAN).split("</thead>")[0]
    bengkayang_head = head[head.index(f'id="kolom-{BENGKAYANG}"'):].split("</th>")[0]
    assert "pengodean belum lengkap" in bengkayang_head
    assert "pengodean belum lengkap" not in head[head.index(f'id="kolom-{KALTIM}"'):].split("</th>")[0]


def test_hostile_text_is_escaped_on_pages_and_raw_in_data(altered_site):
    html = read(altered_site.site, LARANGAN)
    assert "<img src=x" not in html and "&lt;img src=x onerror=" in html
    assert "{{ 7*7 }}" in html and "<b>tebal</b>" not in html
    data = json.loads(read(altered_site.site, "data/perbandingan.json"))
    (hit,) = data["isi"]["larangan.pungli"][BENGKAYANG]
    assert hit["isi"]["t"] == HOSTILE
    rows = list(csv.DictReader(io.StringIO(no_bom(read(altered_site.site, "data/topik/larangan.csv")), newline="")))
    assert any(r["teks"] == "c. " + HOSTILE for r in rows)


# --------------------------------------------------------------------------- in a browser

def _open(browser, url: str, width: int = 1280, height: int = 900):
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    return page, errors


def test_a_regulation_page_fetches_only_its_own_terms(browser, served, real_site):
    """Each regulation's terms are a file of their own (the whole file grows with every region);
    a page with a few regulations fetches theirs, one with many fetches the whole file once."""
    whole = json.loads((real_site.site / "data" / "istilah.json").read_text(encoding="utf-8"))
    for rid, defs in whole["peraturan"].items():
        own = json.loads((real_site.site / "data" / "istilah" / f"{rid}.json").read_text(encoding="utf-8"))
        assert own == {"skema": whole["skema"], "peraturan": {rid: defs}}
    page = browser.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path) if "/data/istilah" in r.url else None)
    page.goto(served + f"peraturan/{BENGKAYANG}/")
    page.locator(".ke-istilah").first.wait_for()
    assert [p.rsplit("/", 2)[-2:] for p in fetched] == [["istilah", f"{BENGKAYANG}.json"]]
    page.close()
    # Negative control: the area matrix shows every regulation: above MAX_SEPARATE it would take
    # the whole file; with five it takes the five.
    page = browser.new_page()
    fetched.clear()
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path) if "/data/istilah" in r.url else None)
    page.goto(served + "perbandingan/larangan/")
    page.wait_for_load_state("networkidle")
    assert sorted(p.rsplit("/", 1)[-1] for p in fetched) == sorted(f"{rid}.json" for rid in whole["peraturan"]
                                                                   if page.locator(f'[data-regulation="{rid}"]').count())
    page.close()


def test_side_by_side_reads_the_choice_from_the_url(browser, served):
    page, errors = _open(browser, served + f"perbandingan/berdampingan/?p={BENGKAYANG}&p={KALTIM}&p={SUMBAWA}&bidang=larangan")
    page.wait_for_selector(".ke-sbs")
    heads = page.locator(".ke-sbs__head").all_inner_texts()
    assert [h.split("\n")[0] for h in heads] == ["Perbup Bengkayang 51/2020", "Pergub Kaltim 8/2025", "Perbup Sumbawa 6/2020"]
    block = page.locator('.ke-sbs__item[data-item="larangan.pungli"]')
    bengkayang = block.locator(f'[data-regulation="{BENGKAYANG}"]').inner_text()
    kaltim = block.locator(f'[data-regulation="{KALTIM}"]').inner_text()
    sumbawa = block.locator(f'[data-regulation="{SUMBAWA}"]').inner_text()
    assert "biaya diluar ketentuan atau melakukan pungutan liar (pungli)" in bengkayang
    assert "biaya di luar ketentuan atau melakukan pungutan liar;" in kaltim and "(pungli)" not in kaltim
    # Sumbawa's code is silent on pungli; the national rule still forbids it (_aturan_nasional.yaml).
    assert "Tidak diatur dalam kode ini; tetap dilarang menurut UU 25/2009." in sumbawa
    national = block.locator(f'[data-regulation="{SUMBAWA}"] a')
    assert national.evaluate("a => a.href") == served + "dasar-hukum/uu-25-2009/"
    # Negative control: an item without a national rule keeps the plain statement.
    rangkap = page.locator('.ke-sbs__item[data-item="larangan.rangkap_jabatan"]')
    assert "Tidak diatur dalam Perbup Sumbawa 6/2020" in rangkap.locator(f'[data-regulation="{SUMBAWA}"]').inner_text()
    ref = block.locator(f'[data-regulation="{BENGKAYANG}"] a.ke-hit__ref')
    assert ref.inner_text() == "Pasal 11 huruf c"
    assert ref.evaluate("a => a.href") == served + f"peraturan/{BENGKAYANG}/#bab_3__pasal_11__huruf_c"
    assert page.locator(".ke-sbs__area h2").all_inner_texts() == ["Larangan"]  # the area filter holds
    assert page.is_checked(f'input[value="{KALTIM}"]') and not page.is_checked(f'input[value="{BANTEN}"]')
    assert errors == []


@pytest.mark.parametrize("odd", ["__proto__", "toString", "constructor", "hasOwnProperty"])
def test_side_by_side_names_an_unknown_regulation_instead_of_failing(browser, served, odd):
    """Ids from the URL are looked up as own keys only: Object.prototype's names are unknown ids."""
    page, errors = _open(browser, served + f"perbandingan/berdampingan/?p={odd}&p={BENGKAYANG}&p={KALTIM}")
    page.wait_for_selector(".ke-sbs")
    status = page.locator(".ke-side__status").inner_text()
    assert status.startswith(f"Peraturan tidak dikenal: \u201c{odd}\u201d. 2 peraturan, "), status
    assert [h.split("\n")[0] for h in page.locator(".ke-sbs__head").all_inner_texts()] == [
        "Perbup Bengkayang 51/2020", "Pergub Kaltim 8/2025"]
    assert "tidak dapat dimuat" not in status and errors == []
    # Alone, it is still named, with what to do.
    page, errors = _open(browser, served + f"perbandingan/berdampingan/?p={odd}")
    page.wait_for_function("() => document.querySelector('.ke-side__status').textContent.includes('dua')")
    assert page.locator(".ke-side__status").inner_text() == (
        f"Peraturan tidak dikenal: \u201c{odd}\u201d. Pilih sekurang-kurangnya dua peraturan, paling banyak 5.")
    assert errors == []


def test_side_by_side_names_an_unknown_area_and_shows_every_area(browser, served):
    page, errors = _open(browser, served + f"perbandingan/berdampingan/?p={BENGKAYANG}&p={KALTIM}&bidang=toString")
    page.wait_for_selector(".ke-sbs")
    status = page.locator(".ke-side__status").inner_text()
    assert status.startswith("Bidang tidak dikenal: \u201ctoString\u201d; semua bidang ditampilkan. 2 peraturan"), status
    every = page.locator(".ke-sbs__area h2").all_inner_texts()
    assert len(every) > 3 and "Larangan" in every  # the view is not emptied
    # Negative control: a known area narrows the view and names nothing unknown.
    page, errors2 = _open(browser, served + f"perbandingan/berdampingan/?p={BENGKAYANG}&p={KALTIM}&bidang=larangan")
    page.wait_for_selector(".ke-sbs")
    assert page.locator(".ke-sbs__area h2").all_inner_texts() == ["Larangan"]
    assert page.locator(".ke-side__status").inner_text().startswith("2 peraturan, ")
    assert errors == errors2 == []


def test_side_by_side_choice_goes_into_the_url(browser, served):
    page, errors = _open(browser, served + f"perbandingan/berdampingan/?p={BENGKAYANG}")
    page.wait_for_function("() => document.querySelector('.ke-side__status').textContent.includes('dua')")
    assert page.locator(".ke-sbs").count() == 0  # one regulation is not a comparison
    page.check(f'input[value="{BANTEN}"]')
    page.wait_for_selector(".ke-sbs")
    assert f"p={BENGKAYANG}" in page.url and f"p={BANTEN}" in page.url
    shared = page.url
    again, _ = _open(browser, shared)
    again.wait_for_selector(".ke-sbs")
    assert again.locator(".ke-sbs__head").count() == 2
    assert errors == []


def test_side_by_side_works_on_a_phone(browser, served):
    query = "&".join(f"p={rid}" for rid in ALL)
    page, errors = _open(browser, served + f"perbandingan/berdampingan/?{query}", width=375, height=740)
    page.wait_for_selector(".ke-sbs")
    assert page.locator(".ke-sbs__item").count() > 150
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    who = page.locator(f'.ke-sbs__item[data-item="larangan.kkn"] [data-regulation="{BANTEN}"] .ke-sbs__who')
    assert who.is_visible() and who.inner_text() == "Kep. Kadinsos Banten 188.4/2/127-Dinsos/2024"
    # The long Bengkalis scope list is folded, as on the per-area page.
    scope = page.locator(f'.ke-sbs__item[data-item="ruang_lingkup.cakupan"] [data-regulation="{BENGKALIS}"] details')
    assert scope.count() == 1 and not scope.get_attribute("open")
    matrix, _ = _open(browser, served + LARANGAN.replace("index.html", ""), width=375, height=740)
    assert matrix.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    assert matrix.evaluate("document.querySelector('.md-typeset__scrollwrap').scrollWidth") > 375  # it scrolls inside
    assert errors == []


def test_side_by_side_shows_hostile_text_as_text(browser, altered_site):
    with serve_directory(altered_site.site) as base:
        page, errors = _open(browser, f"{base}perbandingan/berdampingan/?p={BENGKAYANG}&p={KALTIM}")
        page.wait_for_selector(".ke-sbs")
        cell = page.locator(f'.ke-sbs__item[data-item="larangan.pungli"] [data-regulation="{BENGKAYANG}"]')
        assert '<img src=x onerror="window.__pwned=1">' in cell.inner_text()
        assert cell.locator("img").count() == 0
        assert page.evaluate("window.__pwned") is None


def test_defined_term_shows_the_definition_of_the_regulation_in_view(browser, served):
    page, errors = _open(browser, served + f"peraturan/{BENGKAYANG}/")
    term = page.locator('[data-eid="bab_3__pasal_11"] > .ke-text .ke-istilah', has_text="Pelaksana pelayanan publik").first
    term.wait_for()
    term.focus()
    pop = page.locator("#ke-istilah-pop")
    assert pop.is_visible()
    assert "(Perangkat Daerah, UPT, BUMD)" in pop.inner_text()  # Bengkayang's own definition
    page.keyboard.press("Escape")
    assert not pop.is_visible()
    kaltim, _ = _open(browser, served + f"peraturan/{KALTIM}/")
    other = kaltim.locator('[data-eid="bab_3__kelompok_1"] .ke-istilah', has_text="Pelaksana Pelayanan Publik").first
    other.wait_for()
    other.hover()
    text = kaltim.locator("#ke-istilah-pop").inner_text()
    assert "PELAKSANA PELAYANAN PUBLIK" in text and "(Perangkat Daerah, UPT, BUMD)" not in text
    banten, _ = _open(browser, served + f"peraturan/{BANTEN}/")
    banten.wait_for_load_state("networkidle")
    assert banten.locator(".ke-istilah").count() == 0  # no Ketentuan Umum, nothing to mark
    assert errors == []
