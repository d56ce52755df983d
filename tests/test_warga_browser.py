"""The quiz, the "Hak Anda" first screen and the handbook's browser print, in Debian's chromium
(Playwright) against the built site served on localhost."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from test_warga_site import starts_page

BENGKAYANG = "perbup-bengkayang-51-2020"


@pytest.fixture(scope="module")
def server(served):
    return served


def open_page(browser, width: int, height: int):
    """A page that records script errors and any request off this machine."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="id-ID")
    pg = context.new_page()
    pg.problems = []
    pg.on("pageerror", lambda exc: pg.problems.append(str(exc)))
    pg.on("console", lambda msg: pg.problems.append(msg.text) if msg.type == "error" else None)
    pg.on("request", lambda req: pg.problems.append(req.url)
          if urlsplit(req.url).hostname not in ("127.0.0.1", None) and not req.url.startswith("data:") else None)
    return pg


def test_answer_a_quiz_question_with_the_keyboard(browser, server):
    pg = open_page(browser, 1280, 900)
    pg.goto(server + f"pelatihan/{BENGKAYANG}/kuis/")
    right = int(pg.get_attribute("#soal-1 form", "data-benar"))
    # Reach the first option with Tab alone, as a keyboard user would.
    for _ in range(150):
        pg.keyboard.press("Tab")
        if pg.evaluate("() => document.activeElement.id") == "soal-1-1":
            break
    else:
        pytest.fail("the first option of question 1 is not reachable with Tab")
    if right == 0:
        pg.keyboard.press("Space")
    for _ in range(right):
        pg.keyboard.press("ArrowDown")  # moves through the radio group, checking each option
    chosen = pg.evaluate("() => document.querySelector('#soal-1 input:checked').value")
    assert chosen == str(right)
    pg.keyboard.press("Tab")
    assert pg.evaluate("() => document.activeElement.textContent") == "Periksa jawaban"
    pg.keyboard.press("Enter")
    expect(pg.locator("#soal-1 .ke-kuis__umpan")).to_have_text("Benar.")
    assert pg.evaluate("() => document.querySelector('#soal-1 details').open")
    # The right answer cites its provision and links it.
    eid = pg.get_attribute(f"#soal-1-{right + 1}", "data-eid")
    link = pg.locator('#soal-1 a[data-jawaban="benar"]')
    assert link.is_visible() and link.text_content().endswith("Perbup Bengkayang 51/2020")
    assert pg.get_attribute("#soal-1 .ke-kuis__pilihan--benar input", "id") == f"soal-1-{right + 1}"

    # A wrong answer in question 2 is said to be wrong, and the right option is shown.
    wrong = (int(pg.get_attribute("#soal-2 form", "data-benar")) + 1) % 3
    pg.check(f"#soal-2-{wrong + 1}")
    pg.click("#soal-2 button")
    expect(pg.locator("#soal-2 .ke-kuis__umpan")).to_have_text("Belum tepat.")
    assert pg.locator("#soal-2 .ke-kuis__pilihan--salah").count() == 1
    total = pg.locator(".ke-kuis__soal").count()
    expect(pg.locator("[data-skor]")).to_have_text(f"Terjawab 2 dari {total} soal; benar 1.")

    link.click()
    pg.wait_for_url(f"**/peraturan/{BENGKAYANG}/#{eid}")
    assert pg.evaluate("() => document.querySelector(':target').id") == eid
    assert pg.problems == []


def test_checking_without_a_choice_asks_for_one(browser, server):
    pg = open_page(browser, 1280, 900)
    pg.goto(server + f"pelatihan/{BENGKAYANG}/kuis/")
    pg.click("#soal-3 button")
    expect(pg.locator("#soal-3 .ke-kuis__umpan")).to_have_text("Pilih salah satu jawaban lebih dahulu.")
    assert not pg.evaluate("() => document.querySelector('#soal-3 details').open")
    assert pg.url.endswith("/kuis/")  # the form was not submitted


def test_hak_anda_first_screen_on_a_phone(browser, server, real_site, real):
    """At 360 x 640 the first screen shows what staff may not do and every complaint channel."""
    from macros.render.hak_anda import hak_url

    corpus = real.corpus
    pg = open_page(browser, 360, 640)
    checked = 0
    for w in corpus.wilayah:
        if not corpus.regulations_of(w):
            continue
        pg.goto(server + hak_url(corpus, w))
        larangan = pg.locator(".ke-hak__larangan-ringkas").first.bounding_box()
        channels = pg.locator(".ke-hak__ringkas .ke-hak__kanal li")
        assert channels.count() == 3
        last = channels.last.bounding_box()
        assert 0 < larangan["y"] and last["y"] + last["height"] <= 640, (w.nama_lengkap, last)
        assert pg.evaluate("() => document.scrollingElement.scrollWidth") <= 360, w.nama_lengkap
        # Negative control: the full list of prohibitions starts below the first screen.
        assert pg.locator(".ke-hak__bagian--larangan").bounding_box()["y"] > 640
        checked += 1
    assert checked == 5 and pg.problems == []


def test_handbook_prints_from_the_browser_with_each_bab_on_a_new_page(browser, server):
    pg = open_page(browser, 1280, 900)
    pg.goto(server + f"pelatihan/{BENGKAYANG}/buku/")
    pdf = PdfReader(io.BytesIO(pg.pdf(prefer_css_page_size=True, print_background=True)))
    pages = [" ".join((p.extract_text() or "").split()) for p in pdf.pages]
    assert "Unduh PDF" not in " ".join(pages)  # the toolbar is not printed
    assert round(float(pdf.pages[0].mediabox.width) * 25.4 / 72) == 210
    found = [starts_page(pages, f"BAB {n}", "") for n in ("I", "II", "III", "IV", "V", "VI", "VII")]
    assert None not in found and found == sorted(found), found
    assert any(p.endswith(f"Halaman {len(pages)} dari {len(pages)}") or f"Halaman {len(pages)} dari" in p
               for p in pages)
    assert pg.problems == []
