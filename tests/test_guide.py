"""The contributors' guide is on the site, in the navigation, and names the real commands."""

from __future__ import annotations

from htmltext import text_of


def test_guide_page_in_nav_with_the_commands(real_site):
    html = (real_site.site / "menambahkan-peraturan" / "index.html").read_text(encoding="utf-8")
    body = text_of(html, cls="md-content")
    for words in ("kodeetik import", "kodeetik validate", "Periksa dengan naskah asli", "Kirim"):
        assert words in body
    home = (real_site.site / "index.html").read_text(encoding="utf-8")
    nav = text_of(home, cls="md-nav--primary")
    assert "Menambahkan peraturan daerah Anda" in nav
    assert "Menambahkan peraturan daerah Anda" not in text_of(home, cls="md-content")  # nav, not body
