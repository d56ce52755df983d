"""Build real sites and assert on their HTML, each with a negative control."""

from __future__ import annotations

import re


from conftest import ROOT, make_project, run_mkdocs
from htmltext import text_of

BENGKAYANG = "peraturan/perbup-bengkayang-51-2020/index.html"


def read(build, rel: str) -> str:
    return (build.site / rel).read_text(encoding="utf-8")


def test_strict_build_has_no_warnings(real_site):
    assert "WARNING" not in real_site.output
    assert "ERROR" not in real_site.output


def test_provision_has_its_own_anchor_and_text(real_site):
    html = read(real_site, BENGKAYANG)
    huruf_c = text_of(html, id="bab_3__pasal_11__huruf_c")
    assert huruf_c is not None and "pungutan liar" in huruf_c
    # Negative control: the neighbouring provision exists and does not carry those words.
    huruf_b = text_of(html, id="bab_3__pasal_11__huruf_b")
    assert huruf_b is not None and "pungutan liar" not in huruf_b
    assert "diskriminatif" in huruf_b


def test_provision_offers_link_and_citation(real_site):
    html = read(real_site, BENGKAYANG)
    assert 'href="#bab_3__pasal_11__huruf_c"' in html
    assert 'data-cite="Pasal 11 huruf c Peraturan Bupati Bengkayang Nomor 51 Tahun 2020"' in html


def test_every_regulation_and_region_has_a_page(real_site):
    for reg in ("kep-diskominfotik-bengkalis-2024", "pergub-kaltim-8-2025", "kep-dinsos-banten-2024",
                "perbup-sumbawa-6-2020", "perbup-bengkayang-51-2020"):
        assert (real_site.site / "peraturan" / reg / "index.html").is_file()
    for region in ("riau", "riau/kabupaten-bengkalis", "kalimantan-timur", "banten", "nusa-tenggara-barat",
                   "nusa-tenggara-barat/kabupaten-sumbawa", "kalimantan-barat", "kalimantan-barat/kabupaten-bengkayang"):
        assert (real_site.site / "wilayah" / region / "index.html").is_file(), region


def test_province_page_lists_its_districts(real_site):
    html = read(real_site, "wilayah/kalimantan-barat/index.html")
    districts = text_of(html, cls="md-content")
    assert "Kabupaten Bengkayang" in districts
    assert "Kabupaten Sumbawa" not in districts  # another province's district


def test_index_lists_every_regulation_with_region_and_year(real_site):
    html = read(real_site, "peraturan/index.html")
    table = text_of(html, cls="ke-index")
    for short in ("Perbup Bengkayang 51/2020", "Perbup Sumbawa 6/2020", "Pergub Kaltim 8/2025"):
        assert short in table
    assert "Kabupaten Sumbawa, Provinsi Nusa Tenggara Barat" in table
    assert "Peraturan Wali Kota" not in table


def test_dissemination_deck_is_flagged(real_site):
    kaltim = read(real_site, "peraturan/pergub-kaltim-8-2025/index.html")
    bengkayang = read(real_site, BENGKAYANG)
    assert "ke-source-warning" in kaltim
    assert "ke-source-warning" not in bengkayang


def test_editorial_note_is_shown_with_the_provision(real_site):
    html = read(real_site, "peraturan/kep-diskominfotik-bengkalis-2024/index.html")
    assert "Kabupaten Bengkulu" in html  # the original's mistake is kept ...
    assert "Catatan redaksi" in html     # ... and explained


def test_no_third_party_requests_in_html(real_site):
    """Scripts, styles, images and frames load from the site itself (the canonical link is ours)."""
    import yaml

    own = yaml.safe_load((ROOT / "mkdocs.yml").read_text().split("\ntheme:")[0])["site_url"]
    loaded = []
    for page in real_site.site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source|audio|video)\b[^>]*>", html):
            for url in re.findall(r'(?:src|href)="((?:https?:)?//[^"]+)"', tag):
                if not url.startswith(own):
                    loaded.append((page.relative_to(real_site.site).as_posix(), url))
    assert loaded == []
    # Negative control: the check does see external URLs in such tags.
    assert re.findall(r'(?:src|href)="((?:https?:)?//[^"]+)"', '<script src="https://cdn.example/x.js">')


# --------------------------------------------------------------------------- fixture projects

MALICIOUS = "<script>alert(1)</script> {{ 7*7 }} {% raw %}x{% endraw %} **tebal** [tautan](javascript:alert(1))"


def _malicious_title(text: str) -> str:
    text = re.sub(r"(?m)^tentang: .*$", "tentang: '" + MALICIOUS.replace("'", "''") + "'", text, count=1)
    return re.sub(r'(?m)^nomor: .*$', "nomor: '51</title><script>alert(2)</script>'", text, count=1)


def test_injected_text_is_escaped_everywhere(altered_build):
    build = altered_build({"regulations/perbup-bengkayang-51-2020.yaml": _malicious_title})
    assert build.returncode == 0, build.output
    html = (build.site / BENGKAYANG).read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and ">49<" not in html and " 49 " not in text_of(html, cls="ke-reg")
    assert "**tebal**" in html and "<strong>tebal</strong>" not in html
    assert 'href="javascript:' not in html
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "<script>" not in title and "&lt;/title&gt;" in title
    # The index and region pages show the same field, escaped too.
    index = (build.site / "peraturan/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in index and "&lt;script&gt;alert(1)" in index


def test_bad_data_fails_build_and_keeps_previous_site(tmp_path):
    project = make_project(tmp_path)
    site = project / "site"
    ok = run_mkdocs(project, site)
    assert ok.returncode == 0, ok.output
    before = (site / BENGKAYANG).read_bytes()
    reg = project / "regulations" / "perbup-bengkayang-51-2020.yaml"
    text = reg.read_text(encoding="utf-8")
    reg.write_text(text.replace("\nwilayah: '61.07'", "\nwilayah: '99.99'").replace(
        '\nwilayah: "61.07"', '\nwilayah: "99.99"'), encoding="utf-8")
    line = next(i for i, row in enumerate(reg.read_text(encoding="utf-8").splitlines(), 1) if row.startswith("wilayah:"))
    failed = run_mkdocs(project, site)
    assert failed.returncode != 0
    assert f"regulations/perbup-bengkayang-51-2020.yaml:{line}" in failed.output
    assert "unknown wilayah '99.99'" in failed.output and "Fix:" in failed.output
    assert "Traceback" not in failed.output
    assert (site / BENGKAYANG).read_bytes() == before


def test_template_error_after_clean_keeps_previous_site(tmp_path):
    """A failure late in the build (a macro error on a hand-written page) must not wipe the site."""
    project = make_project(tmp_path)
    site = project / "site"
    assert run_mkdocs(project, site).returncode == 0
    (project / "content" / "rusak.md").write_text("---\nrender_macros: true\n---\n# Rusak\n\n{{ tidak_ada() }}\n")
    failed = run_mkdocs(project, site)
    assert failed.returncode != 0
    assert (site / BENGKAYANG).is_file()
    assert not (site / "rusak").exists()
    assert not list(project.glob("site.building*"))  # the failed build's staging folder is removed
