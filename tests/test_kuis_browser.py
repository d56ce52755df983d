"""The quiz's end and its certificate, in Debian's chromium (Playwright) against the built site:
the review of missed questions with their provisions, "ulangi", progress kept in localStorage only
and removed on request, and a certificate that prints on one A4 page with the typed name, which is
never stored nor put in the address."""

from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from test_warga_browser import open_page

BENGKAYANG = "perbup-bengkayang-51-2020"
NAME = "Siti Rahmawati Uji"


@pytest.fixture(scope="module")
def server(served):
    return served


def answer_all(pg, miss_every: int = 3) -> list[int]:
    """Answer every question, wrongly every `miss_every`-th one; returns the numbers missed."""
    missed = []
    total = pg.locator(".ke-kuis__form").count()
    for i in range(1, total + 1):
        right = int(pg.get_attribute(f"#soal-{i} form", "data-benar"))
        options = pg.locator(f"#soal-{i} input[type=radio]").count()
        choice = right if i % miss_every else (right + 1) % options
        if choice != right:
            missed.append(i)
        pg.check(f"#soal-{i}-{choice + 1}")
        pg.click(f"#soal-{i} button")
    return missed


def storage(pg) -> str:
    return pg.evaluate("() => JSON.stringify(Object.assign({}, window.localStorage))")


def test_the_end_lists_the_missed_questions_with_their_provisions_and_keeps_progress(browser, server):
    pg = open_page(browser, 1280, 900)
    pg.goto(server + f"pelatihan/{BENGKAYANG}/kuis/")
    assert pg.locator("[data-hasil]").is_hidden()  # not before every question is answered
    missed = answer_all(pg)
    total = pg.locator(".ke-kuis__form").count()
    result = pg.locator("[data-hasil]")
    assert result.is_visible()
    assert f"benar {total - len(missed)} dari {total} soal" in result.inner_text()
    review = pg.locator("[data-hasil-daftar] li")
    assert review.count() == len(missed)
    first = review.nth(0).inner_text()
    assert first.startswith(f"Soal {missed[0]}: Pasal ")  # cited in human words
    assert "__" not in first

    # Progress is kept in this browser only, and comes back after a reload.
    saved = json.loads(pg.evaluate(f"() => localStorage.getItem('kodeetik-kuis-{BENGKAYANG}')"))
    assert len(saved["jawaban"]) == total
    pg.reload()
    assert pg.locator("[data-hasil]").is_visible()
    assert pg.locator("[data-hasil-daftar] li").count() == len(missed)

    # "Ulangi" starts afresh and forgets the progress.
    pg.click("[data-ulangi]")
    assert pg.locator("[data-hasil]").is_hidden()
    assert pg.locator("input[type=radio]:checked").count() == 0
    assert pg.evaluate(f"() => localStorage.getItem('kodeetik-kuis-{BENGKAYANG}')") is None
    pg.reload()
    assert pg.locator(".ke-kuis__pilihan--benar").count() == 0
    assert pg.problems == []


def test_reset_on_request_removes_what_was_kept(browser, server):
    pg = open_page(browser, 1280, 900)
    pg.goto(server + f"pelatihan/{BENGKAYANG}/kuis/")
    pg.check("#soal-1-1")
    pg.click("#soal-1 button")
    assert BENGKAYANG in storage(pg)  # negative control: something was kept
    pg.click("[data-hapus]")
    assert BENGKAYANG not in storage(pg)
    assert pg.locator("[data-skor]").is_hidden()


def test_the_certificate_prints_on_one_a4_page_and_the_name_is_never_stored(browser, server):
    pg = open_page(browser, 1280, 900)
    pg.goto(server + f"pelatihan/{BENGKAYANG}/kuis/")
    missed = answer_all(pg)
    total = pg.locator(".ke-kuis__form").count()
    pg.evaluate("() => { window.print = () => {}; }")  # the dialog is the browser's; the page is what we check
    pg.fill("[data-sertifikat-nama]", NAME)
    pg.click("[data-sertifikat-cetak]")
    pg.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(pg.pdf(format="A4", print_background=True)))
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5  # A4, in points
    text = " ".join((pdf.pages[0].extract_text() or "").split())
    assert NAME in text and "telah menyelesaikan orientasi kode etik" in text
    assert "Peraturan Bupati Bengkayang Nomor 51 Tahun 2020" in text
    assert f"{total - len(missed)} dari {total}" in text
    assert re.search(r"\b\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
                     r"November|Desember) \d{4}\b", text)  # the date, in Bahasa Indonesia
    # The name is in no storage and no address.
    assert NAME not in storage(pg)
    assert NAME not in pg.evaluate("() => JSON.stringify(Object.assign({}, window.sessionStorage))")
    assert NAME not in pg.url and NAME not in pg.evaluate("() => document.cookie")
    assert pg.problems == []


def test_without_the_certificate_the_page_prints_on_many_pages(browser, server):
    """Negative control for the one-page measure: the quiz page itself prints on several pages."""
    pg = open_page(browser, 1280, 900)
    pg.goto(server + f"pelatihan/{BENGKAYANG}/kuis/")
    pg.emulate_media(media="print")
    assert len(PdfReader(io.BytesIO(pg.pdf(format="A4"))).pages) > 1
