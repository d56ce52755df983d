"""The built site shows Kaltim's BerAKHLAK slide (of uncertain standing) with its status and note,
offers no citation of it, and no comparison, poster, quiz or Hak Anda page presents it as the
Pergub's text. The pure-logic rules are in test_kedudukan.py."""

from __future__ import annotations

import json

from htmltext import text_of
from macros.kodeetik import export

KALTIM = "pergub-kaltim-8-2025"
SLIDE_VALUES = ("Berorientasi Pelayanan", "Akuntabel", "Harmonis", "Adaptif", "Kolaboratif")


def _pages(real_site, pattern: str):
    return sorted(real_site.site.glob(pattern))


def test_the_slide_is_shown_with_its_status_and_note_but_not_citable(real_site):
    html = (real_site.site / "peraturan" / KALTIM / "index.html").read_text(encoding="utf-8")
    slide = text_of(html, id="kelompok_1")
    assert slide is not None
    section = html[html.index('data-eid="kelompok_1"'):html.index('data-eid="bab_1"')]
    assert "Kedudukan dalam naskah belum pasti" in section and "tidak dapat dipastikan" in section
    assert all(v in section for v in SLIDE_VALUES)
    assert 'data-copy="cite"' not in section  # no "Salin kutipan" for it or its items
    # Control: the enacted text right after it keeps its citation buttons and has no status.
    rest = html[html.index('data-eid="bab_1"'):]
    assert 'data-copy="cite"' in rest and "Kedudukan dalam naskah belum pasti" not in rest


def test_no_comparison_poster_quiz_or_hak_anda_page_quotes_the_slide(real_site):
    pages = [*_pages(real_site, "perbandingan/**/*.html"), *_pages(real_site, "poster/**/*.html"),
             *_pages(real_site, "pelatihan/**/*.html"), *_pages(real_site, "hak-anda/**/*.html")]
    # The handbook prints the whole text, like the regulation page: with the status.
    handbook = real_site.site / "pelatihan" / KALTIM / "buku" / "index.html"
    pages = [p for p in pages if p != handbook]
    assert len(pages) > 10
    offending = [str(p.relative_to(real_site.site)) for p in pages
                 if "BerAKHLAK" in p.read_text(encoding="utf-8")]
    assert offending == []
    # Control: the check sees what the regulation page and the handbook show.
    assert "BerAKHLAK" in (real_site.site / "peraturan" / KALTIM / "index.html").read_text(encoding="utf-8")
    text = handbook.read_text(encoding="utf-8")
    assert "BerAKHLAK" in text and "Kedudukan dalam naskah belum pasti" in text


def test_the_data_download_marks_the_slide_and_the_comparison_data_leave_it_out(real_site):
    data = json.loads((real_site.site / export.regulation_path(KALTIM)).read_text(encoding="utf-8"))
    slide = data["batang_tubuh"][0]
    assert slide["kedudukan"] == "belum_pasti" and slide["kutipan"] is None
    for path in (export.COMPARISON_PATH, export.PROVISIONS_CSV):
        text = (real_site.site / path).read_text(encoding="utf-8")
        assert "pergub-kaltim-8-2025" in text and "BerAKHLAK" not in text, path
