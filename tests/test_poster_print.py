"""Printing a poster page from a real browser (Playwright driving Debian's chromium) gives exactly one
sheet of its paper size, set in the shipped font."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from posterkit import EXPECTED, PAPERS, pdf_fonts

def print_page(browser, url: str) -> bytes:
    page = browser.new_page()
    try:
        page.goto(url, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        return page.pdf(prefer_css_page_size=True, print_background=True)
    finally:
        page.close()


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("key", sorted(EXPECTED), ids="/".join)
def test_browser_prints_one_sheet(browser, served, key, paper):
    folder, kind = key
    pdf = print_page(browser, f"{served}poster/{folder}/{kind}-{paper}/")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    width, height = PAPERS[paper]
    assert abs(float(box.width) - width) < 1.5 and abs(float(box.height) - height) < 1.5
    assert set(pdf_fonts(io.BytesIO(pdf)).values()) == {"Liberation Sans Version 2.1.5"}


def test_print_check_sees_a_second_page(browser, served):
    """Negative control: a page that is too long for one sheet prints on more than one."""
    page = browser.new_page()
    try:
        page.set_content("<style>@page { size: A4 }</style>" + "<p>baris</p>" * 400)
        pdf = page.pdf(prefer_css_page_size=True)
    finally:
        page.close()
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 1
