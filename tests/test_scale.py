"""The synthetic national corpus (scripts/synthetic_corpus.py) and the parallel printing.

The national-size figures themselves come from scripts/benchmark_national.py, not from a timed
test; these tests check that the generator makes a valid, clearly marked corpus, that it can never
be written into the repository, and that printing in worker processes gives the same files as
printing in one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import ROOT, real_data, run_mkdocs
from macros.kodeetik import load_corpus
from macros.kodeetik.topics_loader import load_topics
from macros.render import parallel

sys.path.insert(0, str(ROOT / "scripts"))
import synthetic_corpus  # noqa: E402


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("synthetic") / "project"
    synthetic_corpus.generate(project, provinces=3, districts=10)
    return project


def test_generator_spreads_regions_and_regulations_as_asked(synthetic):
    corpus = load_corpus(synthetic / "regulations", sources_dir=synthetic / "sources", display_root=synthetic)
    load_topics(synthetic / "regulations", corpus, display_root=synthetic)  # every copy has its coding
    regs = corpus.regulations
    assert len(regs) == 13
    provincial = [r for r in regs if r.wilayah.is_provinsi]
    assert len(provincial) == 3
    # Districts spread evenly over the provinces (4, 3, 3), each with its own body.
    per_province = sorted(sum(1 for r in regs if not r.wilayah.is_provinsi and r.wilayah.kode_provinsi == p.wilayah.kode)
                          for p in provincial)
    assert per_province == [3, 3, 4]
    assert len({r.penyelenggara.id for r in regs}) == 13
    # Each of the five real texts is used, with its enacted words unchanged.
    real = {r.id: r for r in real_data().corpus.regulations}
    for reg in regs:
        template = real[_template_id(reg)]
        assert reg.judul == template.judul
        assert [(n.eid, n.text) for n in reg.all_nodes()] == [(n.eid, n.text) for n in template.all_nodes()]
    assert {_template_id(r) for r in regs if not r.wilayah.is_provinsi} == set(synthetic_corpus.DISTRICT)


def _template_id(reg) -> str:
    """`sintetis-11-pergub-kaltim-8-2025` -> `pergub-kaltim-8-2025` (a district has `11-01`)."""
    return reg.id.split("-", 2 if reg.wilayah.is_provinsi else 3)[-1]


def test_everything_that_names_the_corpus_says_it_is_synthetic(synthetic):
    corpus = load_corpus(synthetic / "regulations", sources_dir=synthetic / "sources", display_root=synthetic)
    for reg in corpus.regulations:
        assert reg.id.startswith("sintetis-")
        assert "[SINTETIS " in reg.singkatan
        assert reg.wilayah.nama.startswith("Sintetis ")
        assert "SINTETIS" in reg.penyelenggara.nama
    config = (synthetic / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: https://sintetis.invalid/" in config  # no QR code can lead to a real address
    assert "SINTETIS, bukan untuk diterbitkan" in config
    assert "Korpus sintetis" in (synthetic / "content" / "index.md").read_text(encoding="utf-8")
    # Negative control: the real data carries none of these marks.
    assert not any("SINTETIS" in r.singkatan for r in real_data().corpus.regulations)


def test_generator_refuses_to_write_into_the_repository(tmp_path):
    with pytest.raises(SystemExit, match="inside the repository"):
        synthetic_corpus.generate(ROOT / "build" / "synthetic")
    assert not (ROOT / "build" / "synthetic").exists()
    (tmp_path / "taken").mkdir()
    with pytest.raises(SystemExit, match="exists"):
        synthetic_corpus.generate(tmp_path / "taken")


def test_fork_map_keeps_order_and_results(monkeypatch):
    monkeypatch.setenv(parallel.JOBS_ENV, "2")
    items = list(range(25))
    assert parallel.fork_map(lambda x: (x, os.getpid()), items)[3][0] == 3
    results = parallel.fork_map(lambda x: (x * x, os.getpid()), items)
    assert [r for r, _ in results] == [x * x for x in items]
    assert any(pid != os.getpid() for _, pid in results)  # really in workers
    monkeypatch.setenv(parallel.JOBS_ENV, "1")  # negative control: serial stays in this process
    assert {pid for _, pid in parallel.fork_map(lambda x: (x, os.getpid()), items)} == {os.getpid()}


def test_fork_map_raises_a_workers_error(monkeypatch):
    monkeypatch.setenv(parallel.JOBS_ENV, "2")

    def boom(x):
        if x == 7:
            raise ValueError("item 7 cannot be printed")
        return x

    with pytest.raises(ValueError, match="item 7"):
        parallel.fork_map(boom, list(range(10)))


def test_a_bad_jobs_setting_is_explained(monkeypatch):
    monkeypatch.setenv(parallel.JOBS_ENV, "many")
    with pytest.raises(ValueError, match="KODEETIK_JOBS='many' is not a number"):
        parallel.jobs()


def test_printing_in_workers_gives_the_same_site_as_printing_serially(tmp_path):
    """Two cold builds of a small synthetic project (no print cache), one serial, one parallel:
    the same files, byte for byte (posters, handbooks, sheets and pages)."""
    project = tmp_path / "project"
    synthetic_corpus.generate(project, provinces=1, districts=2)
    sites = {}
    for jobs in ("1", "2"):
        os.environ[parallel.JOBS_ENV] = jobs
        os.environ["KODEETIK_POSTER_CACHE"] = "off"
        try:
            build = run_mkdocs(project, tmp_path / f"site-{jobs}")
        finally:
            del os.environ[parallel.JOBS_ENV], os.environ["KODEETIK_POSTER_CACHE"]
        assert build.returncode == 0, build.output
        sites[jobs] = build.site
    files = sorted(p.relative_to(sites["1"]) for p in sites["1"].rglob("*") if p.is_file())
    assert sorted(p.relative_to(sites["2"]) for p in sites["2"].rglob("*") if p.is_file()) == files
    pdfs = [f for f in files if f.suffix == ".pdf"]
    assert len(pdfs) >= 3 * 2 + 3 * 2  # maklumat posters at A4 and A3, handbooks and sheets
    differ = [str(f) for f in files if (sites["1"] / f).read_bytes() != (sites["2"] / f).read_bytes()]
    assert differ == []


@pytest.mark.parametrize("first_fit", [0, 1, 2, 3, 4, 5, 6, None])
def test_the_sheet_scale_search_finds_what_trying_each_scale_finds(first_fit):
    from macros.render.pelatihan import _largest_fitting

    tried = []

    def fits(i):
        tried.append(i)
        return first_fit is not None and i >= first_fit

    assert _largest_fitting(7, fits) == first_fit
    assert len(tried) <= 4 and len(set(tried)) == len(tried)


def _menu(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    start = html.index('<nav class="md-nav md-nav--primary"')
    return html[start:html.index('<div class="md-sidebar md-sidebar--secondary"', start)]


def test_a_pages_menu_holds_the_path_to_it_not_the_whole_site(real_site):
    """navigation.prune: the menu of every page would otherwise list every region and regulation,
    and the build would grow with the square of their number."""
    menu = _menu(real_site.site / "peraturan" / "perbup-bengkayang-51-2020" / "index.html")
    assert "Perbup Bengkayang 51/2020" in menu and "Provinsi Kalimantan Barat" in menu  # its own path
    # Other provinces' sections are closed links: none of their regions or regulations is listed.
    assert "Provinsi Riau" in menu
    assert "Kabupaten Bengkalis" not in menu and "Kep. Kadis Kominfotik Bengkalis" not in menu
    # Negative control: that province's own pages list its district.
    assert "Kabupaten Bengkalis" in _menu(real_site.site / "wilayah" / "riau" / "index.html")


@pytest.fixture(scope="module")
def synthetic_site(synthetic, tmp_path_factory):
    build = run_mkdocs(synthetic, tmp_path_factory.mktemp("synthetic-site") / "site")
    assert build.returncode == 0, build.output
    return build.site


def test_a_trainers_sheet_counts_many_compared_regulations_instead_of_naming_them(synthetic_site, real_site):
    """With 551 others a list of their names overflowed the one-page sheet (found by the national
    benchmark); past MAKS_PEMBANDING they are counted."""
    from pypdf import PdfReader

    from macros.kodeetik.perbedaan import MAKS_PEMBANDING

    reg = "sintetis-11-01-perbup-bengkayang-51-2020"
    sheet = (synthetic_site / "pelatihan" / reg / "lembar-pelatih" / "index.html").read_text(encoding="utf-8")
    assert 12 > MAKS_PEMBANDING
    assert "Dibandingkan dengan 12 peraturan lain yang pengodean topiknya lengkap, dari 3 provinsi" in sheet
    assert "[SINTETIS 11.02]" not in sheet  # no other regulation named
    pages = PdfReader(synthetic_site / "pelatihan" / reg / f"lembar-pelatih-{reg}.pdf").pages
    # The comparison fits its one page; the session plans follow on pages of their own.
    assert "Perbandingan lengkap" in pages[0].extract_text() and "Rencana sesi" not in pages[0].extract_text()
    assert pages[1].extract_text().startswith("Rencana sesi 60 menit")
    # Negative control: the real site's sheet names its four.
    real = (real_site.site / "pelatihan" / "perbup-bengkayang-51-2020" / "lembar-pelatih" / "index.html").read_text(
        encoding="utf-8")
    assert "Dibandingkan dengan 4 peraturan lain: " in real and "Perbup Sumbawa 6/2020" in real


def test_the_synthetic_site_says_what_it_is(synthetic_site):
    home = (synthetic_site / "index.html").read_text(encoding="utf-8")
    assert "Korpus sintetis: bukan untuk diterbitkan" in home
    assert "SINTETIS, bukan untuk diterbitkan" in home  # the site name, on every page
    poster = next((synthetic_site / "poster").rglob("larangan-a4/index.html")).read_text(encoding="utf-8")
    # Its site_url is under .invalid: its posters carry the draft mark, never a code to an address.
    assert "DRAF — alamat situs belum ditetapkan" in poster and "data:image/svg+xml" not in poster
    assert "kode-etik-pelayanan.example" not in poster
