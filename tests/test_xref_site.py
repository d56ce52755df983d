"""Built-site tests of the cross-references: links and anchors, legal-basis pages, warnings, browser."""

from __future__ import annotations

import posixpath
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


from playwright.sync_api import expect

from conftest import make_project, run_mkdocs
from htmltext import text_of

BENGKAYANG = "peraturan/perbup-bengkayang-51-2020/index.html"
SUMBAWA = "peraturan/perbup-sumbawa-6-2020/index.html"


def read(build, rel: str) -> str:
    return (build.site / rel).read_text(encoding="utf-8")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if a.get("name") and tag == "a":
            self.ids.add(a["name"])
        if tag == "a" and a.get("href") is not None:
            self.hrefs.append(a["href"])


def _parse(path: Path) -> _Links:
    p = _Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def broken_links(site: Path) -> list[tuple[str, str, str]]:
    pages = {p: _parse(p) for p in site.rglob("*.html")}
    broken = []
    for page, parsed in pages.items():
        for href in parsed.hrefs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//") or href.startswith(("mailto:", "tel:")):
                continue
            target = page
            if parts.path:
                # 404.html links from the site root (it is served at any depth); the rest are relative.
                base = site if parts.path.startswith("/") else page.parent
                target = Path(posixpath.normpath(str(base / unquote(parts.path).lstrip("/"))))
                if target.is_dir() or parts.path.endswith("/"):
                    target = target / "index.html"
            rel = page.relative_to(site).as_posix()
            if not target.is_file():
                broken.append((rel, href, "missing file"))
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append((rel, href, "missing anchor"))
    return broken


def test_every_internal_link_and_anchor_on_the_site_resolves(real_site):
    assert broken_links(real_site.site) == []
    # The check is real: it sees links into the texts, and it catches a wrong anchor and a wrong page.
    html = read(real_site, BENGKAYANG)
    assert 'href="#bab_3__pasal_7__huruf_a"' in html
    bad = real_site.site.parent / "bad"
    shutil.copytree(real_site.site, bad)
    page = bad / BENGKAYANG
    page.write_text(page.read_text(encoding="utf-8").replace('href="#bab_3__pasal_7__huruf_a"', 'href="#bab_3__pasal_77"')
                    .replace('href="../../dasar-hukum/uu-5-2014/"', 'href="../../dasar-hukum/uu-5-2099/"', 1),
                    encoding="utf-8")
    assert {b[2] for b in broken_links(bad)} == {"missing anchor", "missing file"}


def test_reference_in_the_text_links_to_its_provision_with_a_preview_label(real_site):
    html = read(real_site, BENGKAYANG)
    pasal_8 = re.search(r'<section class="ke-unit ke-pasal" data-eid="bab_3__pasal_8">.*?<p class="ke-text">(.*?)</p>',
                        html, re.S).group(1)
    assert ('<a class="ke-ref" href="#bab_3__pasal_7__huruf_a" data-ref-label="Pasal 7 huruf a">pasal 7 huruf a</a>'
            in pasal_8)
    # The words themselves are unchanged around the link.
    assert text_of("<div id='x'>" + pasal_8 + "</div>", id="x").startswith(
        "Tata aturan perilaku pelayanan publik sebagaimana dimaksud dalam pasal 7 huruf a merupakan")


def test_backlinks_are_listed_on_the_cited_provision(real_site):
    html = read(real_site, BENGKAYANG)
    huruf_b = text_of(html, id="bab_3__pasal_7__huruf_b")
    assert "Dirujuk oleh: Pasal 9, Pasal 10" in huruf_b
    assert "Dirujuk oleh" not in text_of(html, id="bab_3__pasal_8__huruf_a")  # nothing cites it


def test_kaltim_inferred_links_are_shown_as_editorial_inference(real_site):
    html = read(real_site, "peraturan/pergub-kaltim-8-2025/index.html")
    butir = text_of(html, id="bab_7__kelompok_1__butir_5")
    assert "Dugaan redaksi:" in butir
    assert re.search(r'<a class="ke-ref ke-ref--dugaan" href="#bab_3__kelompok_5__butir_3"[^>]*'
                     r'aria-describedby="dugaan-bab_7__kelompok_1__butir_5"[^>]*>Pasal 10 huruf c</a>', html)
    assert "Dugaan redaksi" not in read(real_site, BENGKAYANG)


def test_every_mengingat_item_links_to_its_instrument(real_site):
    for page in (real_site.site / "peraturan").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        items = re.findall(r'<li class="ke-item ke-angka" id="(mengingat__angka_\d+)">(.*?)</li>', html, re.S)
        for eid, body in items:
            assert 'class="ke-dasar__link"' in body, (page, eid)


def test_instrument_page_lists_the_regulations_resting_on_it(real_site):
    html = read(real_site, "dasar-hukum/uu-5-2014/index.html")
    status = text_of(html, cls="ke-info")
    assert "Dicabut oleh UU 20/2023, sejak 31 Oktober 2023" in status
    assert "Undang-Undang Nomor 20 Tahun 2023" in status  # the source of the fact
    assert 'href="../../peraturan/perbup-bengkayang-51-2020/#mengingat__angka_5"' in html
    users = re.search(r'<ul class="ke-reglist ke-users">(.*?)</ul>', html, re.S).group(1)
    assert "Perbup Bengkayang 51/2020" in users
    assert "Sumbawa" not in users  # Sumbawa does not rest on UU 5/2014
    uu25 = read(real_site, "dasar-hukum/uu-25-2009/index.html")
    for reg, item in (("perbup-bengkayang-51-2020", 3), ("perbup-sumbawa-6-2020", 3), ("kep-dinsos-banten-2024", 2)):
        assert f'href="../../peraturan/{reg}/#mengingat__angka_{item}"' in uu25
    # The replacement knows what it replaced.
    assert "Menggantikan Undang-Undang Nomor 5 Tahun 2014" in text_of(read(real_site, "dasar-hukum/uu-20-2023/index.html"),
                                                                   cls="ke-info")


def test_revoked_basis_warning_on_the_regulation_page(real_site):
    warning = text_of(read(real_site, BENGKAYANG), cls="ke-revoked")
    assert warning is not None
    for words in ("Mengingat angka 5: Undang-Undang Nomor 5 Tahun 2014", "Peraturan Pemerintah Nomor 94 Tahun 2021",
                  "Nomor 29 Tahun 2022"):
        assert words in warning
    # Negative control: Sumbawa rests on no revoked instrument.
    assert "ke-revoked" not in read(real_site, SUMBAWA)


def test_overview_grid_and_regional_instruments(real_site):
    html = read(real_site, "dasar-hukum/index.html")
    row = re.search(r'<tr data-instrumen="uu-23-2014">(.*?)</tr>', html, re.S).group(1)
    assert "4 dari 5" in row and row.count('href="../peraturan/') == 4
    regional = re.search(r'<li id="pergub-kalbar-102-2020">(.*?)</li>', html, re.S).group(1)
    assert "Peraturan Gubernur Kalimantan Barat Nomor 102 Tahun 2020" in regional
    assert 'href="../peraturan/perbup-bengkayang-51-2020/#mengingat__angka_13"' in regional
    assert not (real_site.site / "dasar-hukum/pergub-kalbar-102-2020").exists()  # unlinked: no page of its own


def test_jump_index_is_published(real_site):
    import json
    data = json.loads(read(real_site, "cari-pasal/indeks.json"))
    sumbawa = next(r for r in data["peraturan"] if r["id"] == "perbup-sumbawa-6-2020")
    assert sumbawa["ketentuan"]["pasal 17 ayat (1)"] == "bab_5__bagian_3__pasal_17__ayat_1"


# --------------------------------------------------------------------------- fixture builds

def _project_with(tmp_path: Path, file: str, edit) -> Path:
    project = make_project(tmp_path)
    path = project / "regulations" / file
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return project


def test_unresolved_reference_fails_strict_build_but_not_a_lenient_one(tmp_path):
    """A warning, not a data error: `--no-strict` (mkdocs.yml itself sets strict) still writes the site."""
    project = _project_with(tmp_path, "perbup-bengkayang-51-2020.yaml",
                            lambda t: t.replace("dimaksud dalam pasal 7 huruf a merupakan", "dimaksud dalam pasal 77 huruf a merupakan"))
    strict = run_mkdocs(project, tmp_path / "site")
    assert strict.returncode != 0
    assert "'pasal 77 huruf a' cannot be resolved" in strict.output and "perbup-bengkayang-51-2020.yaml:" in strict.output
    import os
    import subprocess
    import sys
    plain = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--no-strict", "-f", str(project / "mkdocs.yml"), "-d",
                            str(tmp_path / "plain")], cwd=project, capture_output=True, text=True,
                           env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert plain.returncode == 0, plain.stderr
    assert (tmp_path / "plain" / BENGKAYANG).is_file()


def _basis_in_force(t: str) -> str:
    return re.sub(r"(- id: (?:uu-5-2014|pp-53-2010|permenpanrb-17-2017)\n(?:.*\n)*?    keadaan: )dicabut\n    oleh: \[[^\]]*\]",
                  r"\1berlaku", t)


def test_no_warning_when_the_basis_is_in_force(altered_build):
    build = altered_build({"regulations/_dasar_hukum.yaml": _basis_in_force})
    assert build.returncode == 0, build.output
    assert "ke-revoked" not in (build.site / BENGKAYANG).read_text(encoding="utf-8")


def test_injected_catalogue_text_is_escaped(altered_build):
    build = altered_build({"regulations/_dasar_hukum.yaml": [(
        "  tentang: Aparatur Sipil Negara\n  singkatan: UU 5/2014",
        "  tentang: '<script>alert(1)</script> {{ 7*7 }}'\n  singkatan: UU 5/2014")]})
    assert build.returncode == 0, build.output
    for rel in ("dasar-hukum/uu-5-2014/index.html", BENGKAYANG, "dasar-hukum/index.html"):
        html = (build.site / rel).read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in html


# --------------------------------------------------------------------------- browser

def test_preview_on_keyboard_focus_and_escape(served, browser):
    page = browser.new_page()
    page.goto(served + "peraturan/perbup-bengkayang-51-2020/")
    link = page.locator('[data-eid="bab_3__pasal_8"] > p.ke-text a.ke-ref')
    assert page.locator("#ke-preview").count() == 0 or page.locator("#ke-preview").is_hidden()
    link.focus()
    tip = page.locator("#ke-preview")
    tip.wait_for(state="visible")
    assert tip.inner_text().startswith("Pasal 7 huruf a")
    assert "tata aturan perilaku" in tip.inner_text()
    assert link.get_attribute("aria-describedby") == "ke-preview"
    page.keyboard.press("Escape")
    assert tip.is_hidden()
    # Enter still follows the link.
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#bab_3__pasal_7__huruf_a'")
    page.close()


def test_preview_on_tap_then_open(served, browser):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(served + "peraturan/perbup-sumbawa-6-2020/")
    link = page.locator('#bab_3__pasal_5__ayat_2 a.ke-ref').first
    link.tap()
    tip = page.locator("#ke-preview")
    tip.wait_for(state="visible")
    assert "a. disiplin;" in tip.inner_text() and page.evaluate("location.hash") == ""  # first tap: preview only
    tip.locator("a.ke-preview__open").tap()
    page.wait_for_function("() => location.hash === '#bab_3__pasal_5__ayat_1__huruf_a'")
    context.close()


def test_citation_jump_is_busy_until_it_answers(served, browser):
    """While the index loads the message is marked aria-busy, and the mark goes with the answer:
    a failed load ends busy too (negative control: the same page answers once fetch works)."""
    page = browser.new_page()
    page.goto(served + "cari-pasal/")
    message = page.locator(".ke-jump__message")
    page.evaluate("() => { window.__fetch = window.fetch; window.fetch = () => new Promise(() => {}); }")
    page.fill("#ke-jump-input", "Pasal 99 Perbup Sumbawa 6/2020")
    page.click("button.ke-jump__button")
    expect(message).to_have_attribute("aria-busy", "true")
    expect(message).to_have_text("Memuat indeks…")
    page.evaluate("() => { window.fetch = () => Promise.reject(new Error('offline')); }")
    page.click("button.ke-jump__button")
    expect(page.locator(".ke-jump__message:not([aria-busy])")).to_contain_text("tidak dapat dimuat")
    page.evaluate("() => { window.fetch = window.__fetch; }")
    page.click("button.ke-jump__button")
    expect(page.locator(".ke-jump__message:not([aria-busy])")).to_have_text("Pasal 99 tidak ada dalam Perbup Sumbawa 6/2020.")
    page.close()


def test_citation_jump_opens_the_provision_or_says_it_does_not_exist(served, browser):
    page = browser.new_page()
    page.goto(served + "cari-pasal/")
    page.fill("#ke-jump-input", "Pasal 99 Perbup Sumbawa 6/2020")
    page.click("button.ke-jump__button")
    # The first answer needs the index, fetched on first use: the message says "Memuat indeks…"
    # (aria-busy) until then. Wait for the final state, never read the first visible text.
    answered = page.locator(".ke-jump__message:not([aria-busy])")
    expect(answered).to_have_text("Pasal 99 tidak ada dalam Perbup Sumbawa 6/2020.")
    page.fill("#ke-jump-input", "Pasal 17 ayat (1) Perbup Bima 6/2020")
    page.click("button.ke-jump__button")
    expect(answered).to_contain_text("tidak ada di situs ini")
    page.fill("#ke-jump-input", "Pasal 17 ayat (1) Perbup Sumbawa 6/2020")
    page.click("button.ke-jump__button")
    page.wait_for_url("**/peraturan/perbup-sumbawa-6-2020/#bab_5__bagian_3__pasal_17__ayat_1")
    page.goto(served + "cari-pasal/")
    page.fill("#ke-jump-input", "diktum kesatu Kep. Kadinsos Banten 188.4/2/127-Dinsos/2024")
    page.press("#ke-jump-input", "Enter")
    page.wait_for_url("**/peraturan/kep-dinsos-banten-2024/#diktum_kesatu")
    page.close()


def test_the_jump_box_opens_every_copy_citation_of_the_site(served, browser):
    """Each provision's "Salin kutipan" text, pasted into Cari pasal, leads to that provision: the
    box's own parser (`window.keCariPasal.resolve`) over the published index, for all provisions."""
    from conftest import ROOT
    from macros.kodeetik import load_corpus

    corpus = load_corpus(ROOT / "regulations", sources_dir=ROOT / "sources")
    cases = [[reg.citation(eid), reg.id, eid] for reg in corpus.regulations for eid in reg.provisions
             if not reg.belum_pasti(eid)]
    page = browser.new_page()
    page.goto(served + "cari-pasal/")
    got = page.evaluate("""async (cases) => {
        const data = await (await fetch("indeks.json")).json();
        return cases.map(([cite]) => { const h = window.keCariPasal.resolve(data, cite);
                                       return h.error ? ["", h.error] : [h.reg.id, h.eid]; });
    }""", cases)
    wrong = [(c[0], g) for c, g in zip(cases, got) if g != c[1:]]
    assert len(cases) > 800 and wrong == []
    # Negative controls: an ordinal past the end of the list, a label of another regulation.
    for text in ("BAB 3 Larangan Pelaksana Yanlik butir ke-15 Pergub Kaltim 8/2025",
                 "BAB 3 Larangan Pelaksana Yanlik butir ke-3 Perbup Bengkayang 51/2020"):
        assert "error" in page.evaluate("async (t) => window.keCariPasal.resolve("
                                        "await (await fetch('indeks.json')).json(), t)", text), text
    page.fill("#ke-jump-input", "BAB 3 Larangan Pelaksana Yanlik butir ke-3 Pergub Kaltim 8/2025")
    page.click("button.ke-jump__button")
    page.wait_for_url("**/peraturan/pergub-kaltim-8-2025/#bab_3__kelompok_5__butir_3")
    page.close()


def test_the_jump_box_reads_the_shared_table_as_the_python_reader_does(served, browser):
    """xref.js's reader gives each query of tests/data/cari_pasal.json the reading the table (and
    so `citations.read_typed`, tests/test_cari_pasal.py) gives, and the box then does what it says."""
    import json

    table = json.loads((Path(__file__).parent / "data" / "cari_pasal.json").read_text(encoding="utf-8"))["kasus"]
    page = browser.new_page()
    page.goto(served + "cari-pasal/")
    got = page.evaluate("""async (cases) => {
        const data = await (await fetch("indeks.json")).json();
        return cases.map((c) => {
            const t = window.keCariPasal.read(c.input), h = window.keCariPasal.resolve(data, c.input);
            const hasil = h.cari !== undefined ? {cari: h.cari} : h.error !== undefined ? {pesan: h.error}
                        : {buka: h.reg.id + (h.eid ? "#" + h.eid : "")};
            return {ketentuan: t.key, peraturan: t.peraturan, hasil: hasil};
        });
    }""", table)
    wrong = []
    for case, g in zip(table, got):
        want = case["hasil"]
        ok = (g["ketentuan"], g["peraturan"]) == (case["ketentuan"], case["peraturan"])
        if "pesan" in want:
            ok = ok and want["pesan"] in g["hasil"].get("pesan", "")
        else:
            ok = ok and g["hasil"] == want
        if not ok:
            wrong.append((case["input"], g))
    assert len(table) >= 20 and wrong == []
    page.close()


def test_the_jump_box_says_what_it_found_and_hands_words_to_search(served, browser):
    """A part understood: the message says what is missing and links what was found (no jump). A
    regulation without Pasal numbers: how it is cited. Words: the site search opens with them.
    Negative control: a full citation jumps and opens no search."""
    page = browser.new_page()
    page.goto(served + "cari-pasal/")
    answered = page.locator(".ke-jump__message:not([aria-busy])")
    page.fill("#ke-jump-input", "Pasal 11 huruf z Perbup Bengkayang 51/2020")
    page.click("button.ke-jump__button")
    expect(answered).to_contain_text("Pasal 11 ditemukan; huruf z tidak ada dalam Perbup Bengkayang 51/2020.")
    assert page.url.endswith("/cari-pasal/")
    page.fill("#ke-jump-input", "Pasal 10 Pergub Kaltim 8/2025")
    page.click("button.ke-jump__button")
    expect(answered).to_contain_text("tidak memakai nomor Pasal; cari menurut BAB dan butir")
    expect(answered.locator("a", has_text="menurut dugaan redaksi")).to_have_count(1)
    page.fill("#ke-jump-input", "Pasal 11 huruf z Perbup Bengkayang 51/2020")
    page.click("button.ke-jump__button")
    answered.locator("a", has_text="Buka Pasal 11").click()
    page.wait_for_url("**/peraturan/perbup-bengkayang-51-2020/#bab_3__pasal_11")
    page.goto(served + "cari-pasal/")
    dialog = page.locator("#ke-search-dialog")
    page.fill("#ke-jump-input", "Pasal 11 c Perbup 51/2020")
    page.press("#ke-jump-input", "Enter")
    page.wait_for_url("**/peraturan/perbup-bengkayang-51-2020/#bab_3__pasal_11__huruf_c")
    expect(dialog).not_to_be_visible()
    page.goto(served + "cari-pasal/")
    page.fill("#ke-jump-input", "uang pelicin")
    page.press("#ke-jump-input", "Enter")
    expect(answered).to_contain_text("bukan kutipan ketentuan")
    expect(dialog).to_be_visible()
    expect(page.locator("#ke-search-input")).to_have_value("uang pelicin")
    page.close()
