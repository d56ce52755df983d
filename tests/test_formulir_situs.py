"""In the built site, each Lampiran form has its page (the form with its tables as HTML tables) and
its PDF, and the regulation page links both next to the form in its Lampiran."""

from __future__ import annotations

import re

from macros.render.formulir import forms
from tests.conftest import real_data

SUMBAWA = [f for f in forms(real_data().corpus) if f.reg.id == "perbup-sumbawa-6-2020"]


def test_forms_have_pages_pdfs_and_links_from_the_regulation(real_site):
    regulation = (real_site.site / "peraturan/perbup-sumbawa-6-2020/index.html").read_text()
    # Beside each form in its Lampiran, and under each provision that prescribes a Lampiran (I to V).
    assert regulation.count("Unduh formulir (PDF)") == 2 * len(SUMBAWA) == 12
    for form in SUMBAWA:
        pdf = real_site.site / form.pdf
        assert pdf.read_bytes().startswith(b"%PDF-"), form.pdf
        assert f'href="formulir/{form.slug}/{pdf.name}" download' in regulation
        page = (real_site.site / form.url / "index.html").read_text()
        assert f'href="{pdf.name}" download' in page
    # Pasal 21 ayat (5) prescribes Lampiran IV: its form is the first download after the citation.
    after = regulation[regulation.index("Lampiran IV</a>"):]
    first = re.search(r'href="(formulir/[^"]+\.pdf)" download', after)
    assert first is not None and "/lampiran-4-formulir-1/" in first.group(1)
    members = (real_site.site / SUMBAWA[0].url / "index.html").read_text()
    table = re.search(r'<table class="formulir__tabel[^"]*">(.*?)</table>', members, re.S)
    assert table is not None and "Jabatan Dalam Majelis Kode Etik" in table.group(1)
    # Negative control: the regulation page no longer holds the form as preformatted text.
    assert '<pre class="ke-form"' not in regulation and "<table class=\"formulir__tabel" in regulation
