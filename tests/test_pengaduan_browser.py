"""The complaint maker (`pengaduan/buat/`) in Debian's chromium against the built site: a complaint
about money asked outside the tariff in Bengkayang in three clicks, copied to the clipboard, with
its share links; nothing ticked gives no citation; typed text stays text; a phone at 320 and 390 px;
and without JavaScript, a checklist to print."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from sitebrowser import close, open_context, violations

BENGKAYANG = "perbup-bengkayang-51-2020"
PAGE = "pengaduan/buat/"


@pytest.fixture(scope="module")
def maker(browser, served):
    context, traffic = open_context(browser, served, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page, traffic
    close(context)


def open_maker(page, served, query: str = ""):
    page.goto(served.rstrip("/") + "/" + PAGE + query)
    page.wait_for_selector("body[data-aduan-siap]")


def text(page) -> str:
    return page.input_value("#aduan-teks")


def test_a_bengkayang_complaint_about_money_outside_the_tariff_in_three_clicks(maker, served):
    page, traffic = maker
    open_maker(page, served)
    page.select_option("#aduan-kantor", BENGKAYANG)                                    # 1
    office = page.locator(f"#kantor-{BENGKAYANG}")
    office.locator(".ke-aduan__butir", has_text="di luar tarif").locator("input").check()  # 2
    page.fill("#aduan-tanggal", "2026-12-01")
    page.fill("#aduan-tempat", "Kecamatan Sungai Betung")
    complaint = text(page)
    assert "Pasal 11 huruf c Perbup Bengkayang 51/2020" in complaint
    assert f"/peraturan/{BENGKAYANG}/#bab_3__pasal_11__huruf_c" in complaint  # its link, absolute
    assert complaint.count("\n1. ") == 1 and "\n2. " not in complaint
    assert "pada tanggal 1 Desember 2026 di Kecamatan Sungai Betung" in complaint
    assert "Peraturan Bupati Bengkayang Nomor 51 Tahun 2020" in complaint
    assert "UU 25/2009" in complaint  # the national rule too
    for channel in ("SP4N-LAPOR!", "lapor.go.id", "SMS 1708", "Ombudsman Republik Indonesia", "137"):
        assert channel in complaint, channel
    # Other offices are out of the way.
    assert page.locator("details[data-kantor]:visible").count() == 1
    page.click("[data-salin]")                                                         # 3
    page.wait_for_function("() => document.querySelector('[data-status]').textContent.includes('disalin')")
    assert page.evaluate("() => navigator.clipboard.readText()") == complaint
    # The share links carry the same text; they are links the reader clicks, never requests.
    wa = page.get_attribute("[data-bagikan=wa]", "href")
    assert wa.startswith("https://wa.me/?text=") and parse_qs(urlsplit(wa).query)["text"][0] == complaint
    sms = page.get_attribute("[data-bagikan=sms]", "href")
    assert sms.startswith("sms:1708?body=") and unquote(sms.split("?body=", 1)[1]) == complaint
    assert page.get_attribute("[data-bagikan=laman]", "href") == "https://lapor.go.id"
    assert traffic.foreign == [] and traffic.errors == [] and violations(page) == []


def test_nothing_ticked_cites_nothing_and_asks_for_a_tick(maker, served):
    page, _ = maker
    open_maker(page, served, f"?k={BENGKAYANG}")
    assert page.input_value("#aduan-kantor") == BENGKAYANG  # the link from Hak Anda chooses the office
    assert text(page) == "" and "Pasal" not in text(page)
    assert "Centang sekurang-kurangnya satu" in page.inner_text("[data-status]")
    assert page.is_disabled("[data-salin]") and page.get_attribute("[data-bagikan=wa]", "href") is None
    # Ticking then unticking gives the empty state back.
    box = page.locator(f"#kantor-{BENGKAYANG} input[value='larangan.pungli']")
    box.check()
    assert "Pasal 11 huruf c" in text(page)
    box.uncheck()
    assert text(page) == "" and page.is_disabled("[data-salin]")


def test_no_office_chosen_asks_for_one(maker, served):
    page, _ = maker
    open_maker(page, served, "?k=perbup-tidak-ada-1-2099")
    assert page.input_value("#aduan-kantor") == ""
    assert "Pilih kantor" in page.inner_text("[data-status]") and text(page) == ""


def test_an_office_no_code_binds_cites_the_national_rule(maker, served):
    page, _ = maker
    open_maker(page, served, "?k=kantor-lain")
    page.locator("#kantor-kantor-lain input[value='larangan.pungli']").check()
    complaint = text(page)
    assert "Tetap dilarang menurut aturan nasional: UU 25/2009" in complaint and "Perbup" not in complaint


def test_typed_text_stays_text(maker, served):
    page, _ = maker
    open_maker(page, served, f"?k={BENGKAYANG}")
    page.locator(f"#kantor-{BENGKAYANG} input[value='larangan.pungli']").check()
    evil = '<img src=x onerror="window.__pwned=1">Loket KTP'
    page.fill("#aduan-unit", evil)
    assert f"di {evil}, " in text(page)
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator(".ke-aduan img").count() == 0


@pytest.mark.parametrize("width", [320, 390])
def test_the_page_fits_a_phone(browser, served, width):
    context, traffic = open_context(browser, served, viewport={"width": width, "height": 700},
                                    is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_maker(page, served, f"?k={BENGKAYANG}")
        page.locator(f"#kantor-{BENGKAYANG} input[value='larangan.pungli']").check()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        # Tap targets: the boxes to tick are at least 24 px.
        box = page.locator(f"#kantor-{BENGKAYANG} input[value='larangan.pungli']").bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
        # Negative control: the same check sees a page made too wide.
        page.evaluate("() => { document.getElementById('aduan-teks').style.minWidth = '600px'; }")
        assert page.evaluate("document.documentElement.scrollWidth") > width
        assert traffic.foreign == []
    finally:
        close(context)


def test_without_javascript_it_is_a_printable_checklist(browser, served):
    context, _ = open_context(browser, served, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(served.rstrip("/") + "/" + PAGE)
        assert not page.is_visible("#aduan-hasil") and not page.is_visible("#aduan-kantor")
        assert page.is_visible("[data-tanpa-js]")
        office = page.locator(f"#kantor-{BENGKAYANG}")
        office.locator("summary").click()  # a <details> opens without a script
        row = office.locator(".ke-aduan__butir", has_text="di luar tarif")
        assert "Pasal 11 huruf c Perbup Bengkayang 51/2020" in row.inner_text()
        row.locator("input").check()
        assert row.locator("input").is_checked()
        page.emulate_media(media="print")
        # Printed: the office opened, its boxes and the fields to fill in; not the other offices.
        assert office.locator(".ke-aduan__butir").first.is_visible() and page.is_visible("#aduan-tanggal")
        assert not page.is_visible("#kantor-kep-dinsos-banten-2024")
        # Negative control: with no office opened, every office is printed (as its heading).
        office.locator("summary").click()
        assert page.is_visible("#kantor-kep-dinsos-banten-2024")
    finally:
        close(context)
