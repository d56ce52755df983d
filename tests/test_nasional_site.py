"""The national rule where a local code is silent, on the built site: comparison cells, Hak Anda,
the side-by-side data, and the instrument page it links to."""

from __future__ import annotations

import json
import re

from htmltext import text_of

BANTEN_HAK = "hak-anda/banten/index.html"


def read(build, rel: str) -> str:
    return (build.site / rel).read_text(encoding="utf-8")


def cell(html: str, item: str, reg_id: str) -> str:
    row = re.search(rf'<tr id="{re.escape(item)}".*?</tr>', html, re.DOTALL).group(0)
    return re.search(rf'<td[^>]*data-regulation="{reg_id}"[^>]*>(.*?)</td>', row, re.DOTALL).group(1)


def test_a_silent_code_cell_names_the_national_rule_with_its_link(real_site):
    html = read(real_site, "perbandingan/larangan/index.html")
    banten = cell(html, "larangan.pungli", "kep-dinsos-banten-2024")
    assert "Tidak diatur dalam kode ini; tetap dilarang menurut" in banten
    assert 'href="../../dasar-hukum/uu-25-2009/">UU 25/2009</a>' in banten
    assert "—" not in banten
    # The row says once, as an explanation, what the national rule is.
    row = re.search(r'<tr id="larangan.pungli".*?</th>', html, re.DOTALL).group(0)
    assert "Aturan nasional (penjelasan):" in row
    # Negative controls: a code that covers the item shows its words; an item without a national
    # rule keeps the plain mark.
    assert "pungutan liar" in cell(html, "larangan.pungli", "perbup-bengkayang-51-2020")
    assert "—" in cell(html, "larangan.rangkap_jabatan", "kep-dinsos-banten-2024")


def test_the_linked_instrument_page_shows_status_and_its_source(real_site):
    text = text_of(read(real_site, "dasar-hukum/uu-25-2009/index.html"))
    assert "Berlaku" in text and "JDIH BPK" in text


def test_hak_anda_says_the_national_rule_where_the_code_is_silent(real_site):
    html = read(real_site, BANTEN_HAK)
    text = text_of(html, id="larangan-nasional-larangan-pungli")
    assert text.startswith("Penjelasan Pungutan liar / imbalan di luar ketentuan. Tidak diatur dalam kode ini; "
                           "tetap dilarang menurut UU 25/2009.")
    assert '<a href="../../dasar-hukum/uu-25-2009/">UU 25/2009</a>' in html
    # The first screen names it too, and links to it.
    assert 'href="#larangan-nasional-larangan-pungli">Pungutan liar / imbalan di luar ketentuan</a>' in html
    # Negative control: Bengkayang forbids pungli itself, so no national rule is stated for it.
    bengkayang = read(real_site, "hak-anda/kalimantan-barat/kabupaten-bengkayang/index.html")
    assert "larangan-nasional-larangan-pungli" not in bengkayang
    assert 'id="larangan-larangan-pungli"' in bengkayang


def test_the_side_by_side_data_file_carries_it(real_site):
    data = json.loads(read(real_site, "data/perbandingan.json"))
    assert data["nasional"]["larangan.pungli"]["dasar"][0]["label"] == "UU 25/2009"
    assert "larangan.rangkap_jabatan" not in data["nasional"]


def test_no_bare_not_regulated_on_hak_anda_or_the_comparisons(real_site):
    """Where a code is silent and no national rule is stated, the page says calmly that silence is
    not permission (macros/templates/_tidak_diatur.html)."""
    calm = "Tidak diatur dalam kode etik tidak berarti dibolehkan"
    empties = 0
    for page in sorted((real_site.site / "hak-anda").rglob("index.html")):
        for p in re.findall(r'<p class="ke-empty">(.*?)</p>', page.read_text(encoding="utf-8"), re.DOTALL):
            if "tidak memuat ketentuan" in p:
                empties += 1
                assert calm in p, (page, p)
    assert empties > 0  # the check saw silent sections
    for page in sorted((real_site.site / "perbandingan").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        if '<span class="ke-absent" aria-hidden="true">—</span>' in html:
            assert calm in (text_of(html, cls="ke-legend") or ""), page
    # Negative control: the phrase is not on a page that has no reason to say it.
    assert calm not in (real_site.site / "tentang/index.html").read_text(encoding="utf-8")
