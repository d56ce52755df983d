"""The import preview in Debian's chromium: each page image beside the provisions drafted from it,
nothing requested from anywhere, text from the PDF escaped. Browser test; no site build."""

from __future__ import annotations

import pdfkit
from macros.kodeetik.importer.frompdf import import_pdf
from macros.kodeetik.importer.preview import write_preview
from test_pdf_import import import_into_copy


def test_preview_shows_each_page_beside_its_provisions(browser, tmp_path):
    reg_id = "kep-dinsos-banten-2024"
    pdf = pdfkit.printed(reg_id)
    result, _, _ = import_into_copy(tmp_path / "p", reg_id, pdf)
    # A provision whose words look like markup: shown as text, never run.
    first = result.placed[0]
    result.placed[0] = type(first)(first.eid, first.label, '<img src=x onerror="window.pwned=1">' + first.text,
                                   first.page)
    target = write_preview(pdf, result, tmp_path / "pratinjau.html")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(target.as_uri())
        sections = page.locator("section.halaman")
        assert sections.count() == len(result.reading.pages) >= 5
        for n in (1, 4):
            section = page.locator(f"#halaman-{n}")
            image, draft = section.locator("img"), section.locator(".draf")
            assert image.evaluate("i => i.complete && i.naturalWidth > 500")  # the page really rendered
            ibox, dbox = image.bounding_box(), draft.bounding_box()
            # Side by side: the draft to the right of the page image, their tops level.
            assert dbox["x"] >= ibox["x"] + ibox["width"] - 1 and abs(dbox["y"] - ibox["y"]) < 40
            want = [p.label for p in result.placed if p.page == n]
            labels = section.locator(".draf li .label").all_inner_texts()
            assert labels == want and want, (n, labels)
        first_item = page.locator("#halaman-1 .draf li").first
        assert first_item.inner_text().count('<img src=x onerror="window.pwned=1">') == 1
        assert page.evaluate("() => window.pwned === undefined")
        assert all(u.startswith(("file:", "data:")) for u in requests), requests
        assert not errors, errors
    finally:
        page.close()


def test_preview_of_a_page_with_no_provision_says_so(tmp_path):
    result = import_pdf(pdfkit.printed("perbup-sumbawa-6-2020"), None, None, None)
    html = write_preview(pdfkit.printed("perbup-sumbawa-6-2020"), result, tmp_path / "p.html").read_text(encoding="utf-8")
    empty = [p.number for p in result.reading.pages if not any(x.page == p.number for x in result.placed)]
    assert empty  # the forms of its Lampiran run over several pages
    assert html.count("tidak ada ketentuan yang dimulai di halaman ini") == len(empty)
