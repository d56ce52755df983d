"""The footer's publisher block and "Laporkan kesalahan" (overrides/partials/copyright.html),
rendered as MkDocs renders theme templates (no autoescape), without a build. The built site's
footer: test_penerbit_site.py."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import jinja2
from conftest import ROOT


def render(penerbit, page=None) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))  # like MkDocs: no autoescape
    env.filters["url"] = lambda u: "../" + u
    config = {"site_name": "Kode Etik Pelayanan Publik", "copyright": None,
              "extra": {"penerbit": penerbit} if penerbit is not None else {}}
    page = page or SimpleNamespace(canonical_url="https://contoh.example/hak-anda/", url="hak-anda/")
    return env.get_template("partials/copyright.html").render(config=config, page=page)


def test_the_block_names_the_publisher_and_a_report_link_with_the_page():
    out = render({"nama": "Redaksi Contoh", "surel": "redaksi@contoh.example"})
    assert "Diterbitkan oleh Redaksi Contoh" in out and 'href="mailto:redaksi@contoh.example"' in out
    href = out.split('class="ke-penerbit__lapor" href="', 1)[1].split('"', 1)[0]
    assert href.startswith("mailto:redaksi@contoh.example?")
    query = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
    assert query["subject"] == ["Laporan kesalahan: Kode Etik Pelayanan Publik"]
    assert query["body"][0].startswith("Halaman: https://contoh.example/hak-anda/\n")


def test_a_report_page_of_the_site_instead_of_mail():
    out = render({"nama": "Redaksi", "surel": "r@contoh.example", "laporkan": "tentang/#laporkan"})
    assert 'class="ke-penerbit__lapor" href="../tentang/#laporkan"' in out


def test_text_from_the_configuration_is_escaped():
    out = render({"nama": '<script>alert(1)</script>', "surel": 'x@y.example"><img src=x>'})
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<img" not in out


def test_no_publisher_configured_gives_no_block():
    """Negative control: the block comes from the configuration, not from the template."""
    out = render(None)
    assert "Laporkan kesalahan" not in out and "Diterbitkan" not in out
