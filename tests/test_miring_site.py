"""The italics of the sources reach the built site: regulation pages, posters, handbooks and
comparisons print a node's `miring` phrases as <em>, and nothing else in the text. The rules and
the data are checked without a build in test_miring.py."""

from __future__ import annotations

import re

from htmltext import text_of

SUMBAWA, KALTIM = "perbup-sumbawa-6-2020", "pergub-kaltim-8-2025"


def _read(real_site, path: str) -> str:
    return (real_site.site / path).read_text(encoding="utf-8")


def _ems(html: str) -> list[str]:
    return re.findall(r"<em>([^<]*)</em>", html)


def _naskah(html: str) -> str:
    """The regulation's text on its page: from the text to the transcription notes (or the end)."""
    start = html.index('class="ke-naskah')
    end = html.find('id="transkripsi"', start)
    return html[start:end if end != -1 else len(html)]


def test_the_regulation_page_prints_the_source_italics(real_site):
    html = _read(real_site, f"peraturan/{SUMBAWA}/index.html")
    assert sorted(_ems(_naskah(html))) == sorted(["good governance and clean governance", "front office", "ad hoc", "voting"])
    assert "Dinas yang good governance and clean governance." in text_of(html, id="bab_2__pasal_2__ayat_1")
    kaltim = _read(real_site, f"peraturan/{KALTIM}/index.html")
    assert _ems(_naskah(kaltim)) == ["online", "online", "online", "id card"]


def test_posters_handbooks_and_comparisons_print_them_too(real_site):
    poster = _read(real_site, f"poster/peraturan/{KALTIM}/budaya-pelayanan-a4/index.html")
    assert "nama/<em>id card</em>/tanda pengenal" in poster
    handbook = _read(real_site, f"pelatihan/{KALTIM}/buku/index.html")
    assert _ems(handbook).count("online") == 3
    compare = _read(real_site, "perbandingan/budaya-pelayanan/index.html")
    assert "<em>id card</em>" in compare
    # Control: a page whose words have no italics in the source has none in its text.
    assert _ems(_naskah(_read(real_site, "peraturan/kep-dinsos-banten-2024/index.html"))) == ["favoritisme"]
    assert _ems(_naskah(_read(real_site, "peraturan/kep-diskominfotik-bengkalis-2024/index.html"))) == ["e-mail"]
