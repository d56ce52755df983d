"""Every page of the built site carries the publisher block with "Laporkan kesalahan" (a mailto: to
the publisher naming the page, or a page of the site; never a third party), and every legal-basis
status says when it was checked ("status diperiksa pada ...")."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit
import html as htmllib

STANDALONE = ("poster/", "pelatihan/")
"""Printed pages (posters, the poster maker, handbooks, trainer's sheets) have no site chrome."""


def site_pages(build):
    for path in sorted(build.site.rglob("*.html")):
        rel = path.relative_to(build.site).as_posix()
        if rel.startswith(("pagefind/", "sumber/", "assets/", "akn/")):
            continue  # not pages: the search index, source texts, assets, short-address redirects
        text = path.read_text(encoding="utf-8")
        if 'class="md-footer' not in text:
            assert rel.startswith(STANDALONE), f"{rel} has no site footer"
            continue
        yield rel, text


def report_link(text: str) -> str | None:
    m = re.search(r'class="ke-penerbit__lapor" href="([^"]+)"', text)
    return htmllib.unescape(m.group(1)) if m else None


def test_every_site_page_names_the_publisher_and_how_to_report_an_error(real_site):
    pages = list(site_pages(real_site))
    assert len(pages) > 50
    for rel, text in pages:
        assert "Diterbitkan oleh Redaksi Kode Etik Pelayanan Publik" in text, rel
        link = report_link(text)
        assert link and link.startswith("mailto:redaksi@kode-etik-pelayanan.example?"), rel
        body = parse_qs(urlsplit(link).query)["body"][0]
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        if rel != "404.html":  # served for any address: the page cannot know its own
            assert body.startswith(f"Halaman: https://kode-etik-pelayanan.example/{url}\n"), (rel, body)
    # Negative control: the check tells a page without the block.
    assert report_link("<footer class='md-footer'></footer>") is None


BADGE = re.compile(r'<span class="ke-badge ke-badge--(\w+)">')
CHECKED = re.compile(r'<span class="ke-diperiksa">\(status diperiksa pada \d{1,2} [A-Z][a-z]+ \d{4}\)</span>')


def unchecked(html: str) -> int:
    """Statuses shown without their check date (a status never checked claims none)."""
    stated = [k for k in BADGE.findall(html) if k != "belum_diperiksa"]
    return len(stated) - len(CHECKED.findall(html))


def test_every_status_shown_says_when_it_was_checked(real_site):
    for rel in ("dasar-hukum/index.html", "dasar-hukum/uu-5-2014/index.html", "dasar-hukum/uu-25-2009/index.html",
                "peraturan/perbup-bengkayang-51-2020/index.html"):
        html = (real_site.site / rel).read_text(encoding="utf-8")
        assert BADGE.search(html) and CHECKED.search(html), rel
        assert unchecked(html) == 0, rel
    status = re.search(r"<dt>Status</dt><dd>(.*?)</dd>",
                       (real_site.site / "dasar-hukum/uu-5-2014/index.html").read_text(encoding="utf-8")).group(1)
    assert re.search(r"sejak 31 Oktober 2023 <span class=\"ke-diperiksa\">\(status diperiksa pada", status)
    # Negative control: a badge without its date is counted.
    assert unchecked('<span class="ke-badge ke-badge--berlaku">Berlaku</span>') == 1
