"""Counter posters in real builds: every poster the data gives exists as HTML and as a one-page PDF at
A4 and A3, with the expected text in the shipped font, a QR code that opens the right page, and an
index page; altered data changes them (and only them); bad posters stop the build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from conftest import ROOT, make_project, run_mkdocs
from htmltext import text_of
from posterkit import (EXPECTED, PAPERS, SITE_URL, STANDARD_MAKLUMAT, compact, html_path, pdf_fonts, pdf_path,
                       pdf_text, png_size)

KEYS = sorted(EXPECTED)
SHIPPED_FONT = "Liberation Sans Version 2.1.5"


def ids(key):
    return "/".join(key)


# --------------------------------------------------------------------------- the real site

def test_every_poster_exists_and_no_other(real_site):
    pdfs = {p.relative_to(real_site.site / "poster").as_posix() for p in (real_site.site / "poster").rglob("*.pdf")}
    expected = {f"{folder}/{kind}-{paper}.pdf" for folder, kind in EXPECTED for paper in PAPERS}
    assert pdfs == expected  # e.g. no budaya pelayanan poster for Banten or Sumbawa: they have no such list
    for key in KEYS:
        for paper in PAPERS:
            assert html_path(real_site.site, key, paper).is_file()
        folder, kind = key
        width, height = png_size(real_site.site / "poster" / folder / f"{kind}.png")
        assert width == 360 and abs(height - 360 * 297 / 210) <= 1  # a portrait preview of the sheet


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("key", KEYS, ids=ids)
def test_pdf_is_one_page_of_its_paper_with_the_shipped_font(real_site, key, paper):
    reader = PdfReader(pdf_path(real_site.site, key, paper))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == PAPERS[paper]
    fonts = pdf_fonts(pdf_path(real_site.site, key, paper))
    assert fonts and set(fonts.values()) == {SHIPPED_FONT}, fonts


@pytest.mark.parametrize("key", KEYS, ids=ids)
def test_pdf_text_is_selectable_and_as_expected(real_site, key):
    _, present, absent = EXPECTED[key]
    for paper in PAPERS:
        text = compact(pdf_text(pdf_path(real_site.site, key, paper)))
        missing = [p for p in present if compact(p) not in text]
        assert missing == [], f"{paper}: {missing}"
        wrong = [p for p in absent if compact(p) in text]
        assert wrong == [], f"{paper}: {wrong}"


def decode_qr(pdf: Path) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=1190 / page.get_width()).to_pil()  # about 144 dpi on A4
    finally:
        document.close()
    return [code.text for code in zxingcpp.read_barcodes(image) if code.format == zxingcpp.BarcodeFormat.QRCode]


DEPLOYED_URL = "https://kode-etik.contoh.go.id/"
"""A public-looking address for the fixture project (the repository's own site_url is a placeholder)."""


@pytest.fixture(scope="module")
def deployed_site(tmp_path_factory):
    """The project built with a real-looking site_url: its prints carry QR codes."""
    tmp = tmp_path_factory.mktemp("deployed")
    project = make_project(tmp)
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: {DEPLOYED_URL}", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    build = run_mkdocs(project, tmp / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("key", KEYS, ids=ids)
def test_qr_code_opens_the_regulation_page(deployed_site, key, paper):
    """Through the regulation's short, stable Akoma Ntoso address, which forwards to its page."""
    regulation = EXPECTED[key][0]
    pdf = pdf_path(deployed_site.site, key, paper)
    (url,) = decode_qr(pdf)
    assert url.startswith(f"{DEPLOYED_URL}akn/id/act/") and url.endswith("/")
    redirect = deployed_site.site / url.removeprefix(DEPLOYED_URL) / "index.html"
    target = re.search(r'url=([^"]+)"', redirect.read_text(encoding="utf-8")).group(1)
    assert (redirect.parent / target).resolve() == (deployed_site.site / "peraturan" / regulation).resolve()
    assert (deployed_site.site / "peraturan" / regulation / "index.html").is_file()
    # The address is printed under the code, without its scheme; no draft mark.
    short = url.split("://", 1)[1].rstrip("/")
    text = compact(pdf_text(pdf))
    assert compact(short) in text and compact("DRAF") not in text


@pytest.mark.parametrize("key", KEYS, ids=ids)
def test_a_placeholder_site_url_prints_no_qr_code_but_a_draft_mark(real_site, key):
    """The repository's site_url is a placeholder: a code printed now would never open."""
    assert "example" in SITE_URL
    for paper in PAPERS:
        pdf = pdf_path(real_site.site, key, paper)
        assert decode_qr(pdf) == []
        text = compact(pdf_text(pdf))
        assert compact("DRAF — alamat situs belum ditetapkan") in text
        assert compact(SITE_URL.split("://", 1)[1].rstrip("/")) not in text
    assert "is not a public address" in real_site.output and real_site.output.count("is not a public address") == 1


def test_handbooks_carry_the_draft_mark_or_the_code(real_site, deployed_site):
    rid = "perbup-bengkayang-51-2020"
    pdf = f"pelatihan/{rid}/buku-orientasi-{rid}.pdf"
    assert compact("DRAF — alamat situs belum ditetapkan") in compact(pdf_text(real_site.site / pdf))
    deployed = compact(pdf_text(deployed_site.site / pdf))
    assert compact("DRAF") not in deployed and compact("kode-etik.contoh.go.id") in deployed


def test_qr_check_sees_a_wrong_code(tmp_path):
    """Negative control for the decoder: a PDF with another URL decodes to that URL."""
    import segno
    from weasyprint import HTML

    svg = segno.make("https://elsewhere.example/x/", error="m").svg_data_uri(border=4, omitsize=True)
    pdf = tmp_path / "x.pdf"
    HTML(string=f'<img src="{svg}" style="width:40mm">').write_pdf(pdf)
    assert decode_qr(pdf) == ["https://elsewhere.example/x/"]


def test_poster_page_has_no_site_chrome_and_its_own_page_size(real_site):
    key = ("peraturan/perbup-bengkayang-51-2020", "budaya-pelayanan")
    for paper, name in (("a4", "A4"), ("a3", "A3")):
        page = html_path(real_site.site, key, paper)
        html = page.read_text(encoding="utf-8")
        assert f"@page {{ size: {name} portrait; margin: 0; }}" in html
        assert html.count('<main class="poster ') == 1
        for chrome in ("md-header", "md-sidebar", "md-footer", "md-nav", "assets/stylesheets/main"):
            assert chrome not in html
        # Every link of the toolbar and the stylesheet resolve to files of the site.
        for target in re.findall(r'(?:href|src)="([^"#:]+)"', html):
            resolved = (page.parent / target).resolve()
            assert resolved.is_file() or (resolved / "index.html").is_file(), target
    # Negative control: a site page does carry the chrome.
    assert "md-header" in (real_site.site / "peraturan/perbup-bengkayang-51-2020/index.html").read_text(encoding="utf-8")


def test_poster_index_lists_posters_by_region_with_previews(real_site):
    index = real_site.site / "poster" / "index.html"
    html = index.read_text(encoding="utf-8")
    for folder, kind in KEYS:
        ident = folder.split("/")[1]
        card = text_of(html, id=f"poster-{kind}-{ident}")
        assert card is not None, (folder, kind)
        assert "Cetak: A4 · A3" in card and "Unduh PDF: A4 · A3" in card
    card_html = html.split('id="poster-larangan-perbup-sumbawa-6-2020"', 1)[1].split("</li>", 1)[0]
    links = re.findall(r'(?:href|src)="([^"]+)"', card_html)
    for target in links:
        resolved = (index.parent / target).resolve()
        assert resolved.is_file() or (resolved / "index.html").is_file(), target
    assert any(t.endswith("larangan.png") for t in links) and any(t.endswith("larangan-a3.pdf") for t in links)
    # Grouped by region: the Sumbawa section holds Sumbawa's posters, not Bengkayang's.
    sumbawa = html.split('id="wilayah-52-04"', 1)[1].split("<h2", 1)[0]
    assert 'id="poster-larangan-perbup-sumbawa-6-2020"' in sumbawa
    assert "Bengkayang" not in sumbawa
    assert 'id="poster-budaya-pelayanan-kep-dinsos-banten-2024"' not in html
    assert 'href="poster/"' in (real_site.site / "index.html").read_text(encoding="utf-8")  # in the nav


def test_region_page_lists_complaint_channels_from_data(real_site):
    html = (real_site.site / "wilayah/banten/index.html").read_text(encoding="utf-8")
    section = text_of(html, cls="ke-pengaduan")
    assert "SP4N-LAPOR!" in section and "Laman lapor.go.id" in section and "SMS 1708" in section
    assert "Ombudsman Republik Indonesia" in section and "Call center 137" in section
    assert 'href="https://lapor.go.id"' in html and 'href="tel:137"' in html
    assert 'href="../../poster/#wilayah-36"' in html


# --------------------------------------------------------------------------- altered data

MALICIOUS = "<script>alert(1)</script> {{ 7*7 }} **tebal**"


@pytest.fixture(scope="module")
def altered_site(tmp_path_factory):
    """The project with: a channel of its own for Dinas Sosial Banten and its own maklumat, another
    Ombudsman call centre, and markup in a budaya pelayanan item of Bengkayang."""
    tmp = tmp_path_factory.mktemp("altered")
    data = tmp / "regs"
    shutil.copytree(ROOT / "regulations", data)

    def edit(name: str, old: str, new: str) -> None:
        path = data / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, old
        path.write_text(text.replace(old, new), encoding="utf-8")

    edit("_pengaduan.yaml", "    nama: Ombudsman Republik Indonesia\n", "    nama: Ombudsman Uji\n")
    edit("_pengaduan.yaml", 'nilai: "137"', 'nilai: "199"')
    edit("_penyelenggara.yaml", "    telepon: (0254) 219784 -209955\n", """    telepon: (0254) 219784 -209955
    pengaduan:
      - nama: Unit Pengaduan Dinas Sosial Uji
        kontak:
          - jenis: telepon
            nilai: (0254) 111222
    maklumat:
      teks: Kami, Dinas Sosial, sanggup melayani sesuai standar pelayanan (wujud uji).
      tempat: Serang
      tanggal: 2024-05-02
""")
    edit("perbup-bengkayang-51-2020.yaml", "text: mempraktekkan senyum, salam, sapa, sopan, dan santun;",
         "text: '" + MALICIOUS + "'")
    project = make_project(tmp, regulations=data)
    build = run_mkdocs(project, tmp / "site")
    assert build.returncode == 0, build.output
    return build


def test_own_channel_comes_first_and_national_channels_follow_the_data(altered_site):
    banten = text_of((altered_site.site / "wilayah/banten/index.html").read_text(encoding="utf-8"), cls="ke-pengaduan")
    assert banten.index("Unit Pengaduan Dinas Sosial Uji") < banten.index("SP4N-LAPOR!")
    assert "Ombudsman Uji" in banten and "199" in banten
    assert "137" not in banten and "Ombudsman Republik Indonesia" not in banten
    sumbawa = text_of((altered_site.site / "wilayah/nusa-tenggara-barat/kabupaten-sumbawa/index.html").read_text(
        encoding="utf-8"), cls="ke-pengaduan")
    assert "Unit Pengaduan Dinas Sosial Uji" not in sumbawa and "Ombudsman Uji" in sumbawa

    text = compact(pdf_text(pdf_path(altered_site.site, ("peraturan/kep-dinsos-banten-2024", "larangan"), "a4")))
    assert text.index(compact("Unit Pengaduan Dinas Sosial Uji")) < text.index("SP4N-LAPOR!")
    assert compact("Telepon: (0254) 111222") in text and compact("Call center: 199") in text
    assert "137" not in text
    other = compact(pdf_text(pdf_path(altered_site.site, ("peraturan/perbup-sumbawa-6-2020", "larangan"), "a3")))
    assert "DinasSosialUji" not in other and compact("Call center: 199") in other


def test_penyelenggara_uses_its_own_maklumat(altered_site):
    own = compact(pdf_text(pdf_path(altered_site.site, ("penyelenggara/dinsos-banten", "maklumat-pelayanan"), "a4")))
    assert compact("Kami, Dinas Sosial, sanggup melayani sesuai standar pelayanan (wujud uji).") in own
    assert compact("Serang, 2 Mei 2024") in own
    assert compact(STANDARD_MAKLUMAT) not in own
    other = compact(pdf_text(pdf_path(altered_site.site, ("penyelenggara/diskominfotik-bengkalis",
                                                           "maklumat-pelayanan"), "a4")))
    assert compact(STANDARD_MAKLUMAT) in other


def test_markup_in_data_is_text_on_posters(altered_site):
    key = ("peraturan/perbup-bengkayang-51-2020", "budaya-pelayanan")
    html = html_path(altered_site.site, key, "a4").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} **tebal**" in html
    text = compact(pdf_text(pdf_path(altered_site.site, key, "a4")))
    assert compact(MALICIOUS) in text and "49" not in text


# --------------------------------------------------------------------------- failures stop the build

def test_poster_that_cannot_fit_one_sheet_fails_the_build(tmp_path):
    data = tmp_path / "regs"
    shutil.copytree(ROOT / "regulations", data)
    path = data / "_penyelenggara.yaml"
    text = path.read_text(encoding="utf-8")
    words = " ".join(["Kami sanggup menyelenggarakan pelayanan sesuai standar pelayanan."] * 120)
    head = "      jabatan: Bupati Bengkayang\n      nama: ~\n      nip: ~\n      pangkat: ~\n"
    assert text.count(head) == 1
    path.write_text(text.replace(head, head + "    maklumat:\n      teks: " + words + "\n"), encoding="utf-8")
    project = make_project(tmp_path, regulations=data)
    build = run_mkdocs(project, tmp_path / "site")
    assert build.returncode != 0
    assert "regulations/_penyelenggara.yaml [penyelenggara pemkab-bengkayang > maklumat]" in build.output
    assert "does not fit on one sheet" in build.output and "Fix:" in build.output
    assert "Traceback" not in build.output
    assert not (tmp_path / "site").exists()


def test_poster_may_not_load_anything_from_elsewhere(tmp_path):
    project = make_project(tmp_path)  # overrides/ is a copy: adding to it leaves the repository alone
    (project / "overrides" / "kodeetik").mkdir(exist_ok=True)
    (project / "overrides" / "kodeetik" / "poster_budaya.html").write_text(
        '{% extends "_poster_base.html" %}{% block isi %}<img src="https://cdn.example/logo.png">{% endblock %}',
        encoding="utf-8")
    build = run_mkdocs(project, tmp_path / "site")
    assert build.returncode != 0
    assert "https://cdn.example/logo.png" in build.output and "assets/poster/" in build.output
    assert "Traceback" not in build.output


def test_site_url_is_required_for_posters(tmp_path):
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*$", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    build = run_mkdocs(project, tmp_path / "site")
    assert build.returncode != 0
    assert "site_url is not set" in build.output and "Traceback" not in build.output


def test_poster_maker_codes_open_the_region_rights_page(deployed_site, tmp_path):
    """The maker's QR code (one per regulation's piece) opens the Hak Anda page of the region."""
    from weasyprint import HTML

    for rid, page in (("perbup-bengkayang-51-2020", "hak-anda/kalimantan-barat/kabupaten-bengkayang/"),
                      ("kep-dinsos-banten-2024", "hak-anda/banten/")):
        piece = (deployed_site.site / f"poster/buat/peraturan/{rid}.html").read_text(encoding="utf-8")
        svg = re.search(r'<img src="(data:image/svg\+xml[^"]+)"', piece).group(1)
        pdf = tmp_path / f"{rid}.pdf"
        HTML(string=f'<img src="{svg.replace("&amp;", "&")}" style="width:40mm">').write_pdf(pdf)
        assert decode_qr(pdf) == [DEPLOYED_URL + page]
        assert (deployed_site.site / page / "index.html").is_file()
