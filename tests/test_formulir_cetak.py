"""Each Lampiran form prints on its own: an A4 PDF of one or more pages with its fonts embedded,
whose text is exactly the enacted words of the form (blanks printed as lines to write on); its page
shows the members table as an HTML table and the editors' note outside the form. Printed with the
site's `Printer` (no site build); the built pages and links are checked in
tests/test_formulir_situs.py."""

from __future__ import annotations

import functools
import io
import re

import pytest

from macros.kodeetik.formulir import kata_teks
from macros.render.formulir import Formulir, forms
from macros.render.printing import DOCUMENT_ASSETS, Printer
from macros.render.templating import Renderer
from tests.conftest import ROOT, real_data

pytestmark = pytest.mark.site  # prints whole documents (see tests/conftest.py)

SUMBAWA = [f for f in forms(real_data().corpus) if f.reg.id == "perbup-sumbawa-6-2020"]
A4_PT = (595.28, 841.89)


@functools.cache
def _printed(slug: str) -> bytes:
    form = next(f for f in SUMBAWA if f.slug == slug)
    html = Renderer().render("formulir_cetak.html", form.url, f=form, reg=form.reg)
    pdf, _ = Printer(ROOT / "content", DOCUMENT_ASSETS, None).pdf(html, form.url + "index.html")
    return pdf


def printed(form: Formulir) -> bytes:
    return _printed(form.slug)


def pdf_words(pdf: bytes) -> list[str]:
    import pypdf

    return kata_teks(" ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages))


@pytest.mark.parametrize("form", SUMBAWA, ids=lambda f: f.slug)
def test_each_form_is_an_a4_pdf_of_its_own_with_its_enacted_words(form):
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(printed(form)))
    assert len(reader.pages) >= 1
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_PT, abs=0.5)
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor") or \
                font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    # The form's words, all and only them, in order: no title, no note, no label added.
    assert pdf_words(printed(form)) == kata_teks(form.node.text)
    if form.node.catatan:
        assert kata_teks(form.node.catatan)[:4] != pdf_words(printed(form))[:4]


def test_a_word_removed_from_the_print_is_detected():
    """Negative control: the same comparison fails when one enacted word is missing."""
    form = SUMBAWA[0]
    assert pdf_words(printed(form)) != kata_teks(form.node.text.replace("Instansi", "", 1))


def test_the_form_page_has_the_members_table_as_a_table_and_the_note_outside_the_form():
    form = SUMBAWA[0]
    html = Renderer().render("formulir.html", form.url, f=form, reg=form.reg, reg_page="peraturan/x/")
    table = re.search(r'<table class="formulir__tabel[^"]*">(.*?)</table>', html, re.S)
    assert table is not None
    headers = re.findall(r"<th scope=\"col\">(.*?)</th>", table.group(1))
    assert headers == ["No.", "Pangkat/Gol", "Jabatan", "Jabatan Dalam Majelis Kode Etik"]
    assert len(re.findall(r"<tr>", table.group(1))) == 3  # header and rows 1, 2
    body = html[html.index('<div class="formulir"'):].replace('<div class="formulir__jeda"></div>', "")
    form_box = body[:body.index("</div>")]
    assert "Catatan redaksi" not in form_box and "Catatan redaksi" in html
    assert f'href="{form.pdf.rsplit("/", 1)[1]}" download' in html
