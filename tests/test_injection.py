"""Text from the data is text everywhere it appears: HTML, Markdown, Jinja and `javascript:` URLs
written into the YAML come out literally on regulation pages, index and region pages, comparison
pages, in the search index, on posters (HTML and PDF) and in the JSON/CSV downloads.

One hostile build: the same payload in a regulation's `tentang` and short name, a BAB heading, a provision (tagged
for the comparisons and quoted on a poster), an editorial note, and a penyelenggara's name.
"""

from __future__ import annotations

import csv
import html as htmllib
import io
import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, make_project, no_bom, run_mkdocs
from htmltext import text_of
from posterkit import compact, pdf_text
from test_search_index import fragments

PAYLOAD = ("<script>alert(1)</script><img src=x onerror=alert(2)> **tebal** _miring_ "
           "[tautan](javascript:alert(3)) {{ 7*7 }} {% if true %}JINJA{% endif %} javascript:alert(4) "
           "&amp; &lt;b&gt; <!-- komentar -->")
"""Each part would do something if it reached HTML, Markdown or Jinja unescaped."""

REG = "perbup-bengkayang-51-2020"
PAGE = f"peraturan/{REG}/index.html"
HURUF_C = "bab_3__pasal_11__huruf_c"


def q(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid YAML double-quoted scalar


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    project = make_project(tmp)
    data = project / "regulations"
    reg = data / f"{REG}.yaml"
    text = reg.read_text(encoding="utf-8")
    for old, new in (
        ("tentang: Kode Etik Pelayanan Publik di Lingkungan Kabupaten Bengkayang", f"tentang: {q(PAYLOAD)}"),
        ("singkatan: Perbup Bengkayang 51/2020", f"singkatan: {q('Perbup ' + PAYLOAD)}"),
        ("    heading: KODE ETIK PELAYANAN PUBLIK\n", f"    heading: {q(PAYLOAD)}\n"),
        ("            text: meminta dan/atau menerima imbalan/biaya diluar ketentuan atau melakukan pungutan liar (pungli);\n",
         f"            text: {q(PAYLOAD)}\n            catatan: {q('Catatan ' + PAYLOAD)}\n"),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    reg.write_text(text, encoding="utf-8")
    pen = data / "_penyelenggara.yaml"
    registry = pen.read_text(encoding="utf-8")
    old = "    nama: Pemerintah Kabupaten Bengkayang\n"
    assert registry.count(old) == 1
    pen.write_text(registry.replace(old, f"    nama: {q('Pemkab ' + PAYLOAD)}\n"), encoding="utf-8")
    build = run_mkdocs(project, tmp / "site")
    assert build.returncode == 0, build.output
    return build.site


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def assert_literal(html: str, scope_text: str | None, *, times: int = 1) -> None:
    """Nothing of the payload became markup, and a reader sees it exactly as written."""
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html.lower() and "src=\"javascript:" not in html.lower()
    assert "<strong>tebal" not in html and "<em>miring" not in html
    assert "<!-- komentar -->" not in html
    assert scope_text is not None
    # Visible text: Markdown not applied, Jinja not run ({{ 7*7 }} is not 49), entities as typed.
    assert scope_text.count(PAYLOAD) >= times, scope_text[:2000]


def test_regulation_page(hostile):
    html = read(hostile, PAGE)
    assert_literal(html, text_of(html, cls="md-content"), times=3)  # tentang, heading, provision
    assert PAYLOAD in text_of(html, id=HURUF_C)
    assert "Catatan " + PAYLOAD in text_of(html, id=HURUF_C)
    assert PAYLOAD in text_of(html, id="bab_3")
    # The table of contents and the page head: escaped too.
    toc = text_of(html, cls="md-sidebar--secondary")
    assert PAYLOAD in toc
    head = html[: html.index("</head>")]
    assert "<script>alert" not in head
    assert PAYLOAD not in htmllib.unescape(re.sub(r"<[^>]+>", "", head)) or "&lt;script&gt;" in head


def test_index_and_region_pages(hostile):
    index = read(hostile, "peraturan/index.html")
    assert_literal(index, text_of(index, cls="ke-index"))
    district = read(hostile, "wilayah/kalimantan-barat/kabupaten-bengkayang/index.html")
    assert_literal(district, text_of(district, cls="md-content"), times=2)  # the regulation and the body
    # The menu on the path to the regulation lists it by its short name (the theme does not escape
    # navigation titles: macros/render/navtitles.py does).
    html = read(hostile, PAGE)
    assert_literal(html, text_of(html, cls="md-nav--primary"))
    assert "Perbup " + PAYLOAD in text_of(html, cls="md-nav--primary")


def test_comparison_pages(hostile):
    area = read(hostile, "perbandingan/larangan/index.html")
    assert_literal(area, text_of(area, cls="md-content"))
    # The side-by-side view builds its cells from data/perbandingan.json with textContent only:
    # no script of the site turns text into markup.
    for script in (ROOT / "content" / "assets").glob("*.js"):
        source = script.read_text(encoding="utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in source, f"{script.name} uses {sink}"


def test_search_index(hostile):
    records = fragments(hostile)
    page = next(r for url, r in records.items() if url.rstrip("/").endswith(f"peraturan/{REG}"))
    # Pagefind keeps text; the search UI shows it with textContent (test_comparison_pages).
    assert PAYLOAD in page["content"]
    lokasi = json.loads(page["meta"]["lokasi"])
    assert lokasi[HURUF_C].startswith(f"BAB III {PAYLOAD} › Pasal 11 huruf c")
    assert page["meta"]["wilayah"] == "Kabupaten Bengkayang, Provinsi Kalimantan Barat"
    # The indexed pages are the escaped ones: no fragment holds markup from the payload.
    html = read(hostile, PAGE)
    body = re.search(r"<div class=\"ke-search-body\" data-pagefind-body>(.*?)<div class=\"ke-search-data\"",
                     html, re.S).group(1)
    assert "<script>alert" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_posters_html_and_pdf(hostile):
    larangan = hostile / "poster" / "peraturan" / REG / "larangan-a4" / "index.html"
    html = larangan.read_text(encoding="utf-8")
    assert_literal(html, text_of(html, cls="poster"), times=2)  # the quoted provision, the body's name
    pdf = compact(pdf_text(hostile / "poster" / "peraturan" / REG / "larangan-a4.pdf"))
    assert compact(PAYLOAD) in pdf
    assert compact("Pemkab " + PAYLOAD).upper() in pdf.upper()  # the letterhead is set in capitals
    maklumat = hostile / "poster" / "penyelenggara" / "pemkab-bengkayang" / "maklumat-pelayanan-a3"
    html = (maklumat / "index.html").read_text(encoding="utf-8")
    assert_literal(html, text_of(html, cls="poster"))
    assert compact("Pemkab " + PAYLOAD).upper() in compact(pdf_text(maklumat.parent / "maklumat-pelayanan-a3.pdf")).upper()


def test_json_and_csv_downloads(hostile):
    data = json.loads(read(hostile, f"data/peraturan/{REG}.json"))
    assert data["tentang"] == PAYLOAD  # exactly as written: no HTML escaping in data
    raw = read(hostile, f"data/peraturan/{REG}.json")
    assert "&lt;script" not in raw and "\\u003c" not in raw.lower()
    rows = list(csv.DictReader(io.StringIO(no_bom(read(hostile, "data/topik/larangan.csv")), newline="")))
    assert any(r["teks"] == "c. " + PAYLOAD for r in rows)
    comparison = json.loads(read(hostile, "data/perbandingan.json"))
    (hit,) = comparison["isi"]["larangan.pungli"][REG]
    assert hit["isi"]["t"] == PAYLOAD


def test_footer_link_names_the_hostile_page_as_typed(hostile):
    """The footer's "Selanjutnya: …" label (the theme escapes titles a second time there) reads the
    short name exactly as written."""
    labels = []
    for page in hostile.rglob("*.html"):
        for m in re.finditer(r'class="md-footer__link[^"]*" aria-label="([^"]*)"', read(hostile, str(page.relative_to(hostile)))):
            if "alert(1)" in m.group(1):
                labels.append(htmllib.unescape(m.group(1)))
    assert labels, "no footer link to the hostile regulation"
    for label in labels:
        assert label.split(": ", 1)[1] == "Perbup " + PAYLOAD, label
