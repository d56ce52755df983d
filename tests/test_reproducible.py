"""Two builds of the same commit give the same bytes: every file of site/, nothing excepted."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run_mkdocs
from macros.plugin import reproducible
from macros.render import pagefind_stable


def digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_second_build_with_cold_caches_is_byte_identical(real_site, tmp_path, monkeypatch):
    """Another process (another hash seed), another output folder, a later time, and the posters
    printed afresh instead of taken from the cache: still the same files with the same bytes."""
    monkeypatch.setenv("KODEETIK_POSTER_CACHE", "off")
    monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    second = run_mkdocs(ROOT, tmp_path / "elsewhere" / "site")
    assert second.returncode == 0, second.output
    first, again = digests(real_site.site), digests(second.site)
    assert sorted(first) == sorted(again)
    differ = [name for name in first if first[name] != again[name]]
    assert differ == []
    # The comparison covers the kinds of file that used to vary, and the posters printed afresh.
    assert any(n.startswith("pagefind/filter/") for n in first) and "sitemap.xml.gz" in first
    assert any(n.endswith(".pdf") for n in first) and any(n.endswith(".png") for n in first)


def test_sitemap_dates_are_the_commits_not_the_builds(real_site):
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or reproducible.commit_time(ROOT)
    if epoch is None:
        pytest.skip("not a git checkout: the sitemap carries the build date (documented)")
    day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).strftime("%Y-%m-%d")
    sitemap = (real_site.site / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert dates == {day}


def test_build_date_comes_from_the_last_commit(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    repo.mkdir()
    env = dict(os.environ, GIT_AUTHOR_DATE="2021-03-04T05:06:07Z", GIT_COMMITTER_DATE="2021-03-04T05:06:07Z",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.org")
    if shutil.which("git") is None:
        pytest.skip("no git")
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=env)
    (repo / "a").write_text("a")
    subprocess.run(["git", "-C", str(repo), "add", "a"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "-c", "commit.gpgsign=false", "commit", "-q", "-m", "a"],
                   check=True, env=env)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert reproducible.fix_build_date(repo) == "1614834367"
    assert os.environ["SOURCE_DATE_EPOCH"] == "1614834367"
    # A date the caller set wins; outside a checkout nothing is set.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert reproducible.fix_build_date(repo) == "86400"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    outside = tmp_path / "plain"
    outside.mkdir()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert reproducible.fix_build_date(outside) is None and "SOURCE_DATE_EPOCH" not in os.environ


def test_poster_pdfs_carry_no_date_or_random_id(real_site):
    from pypdf import PdfReader

    pdf = next((real_site.site / "poster").rglob("*.pdf"))
    reader = PdfReader(pdf)
    assert not {"/CreationDate", "/ModDate"} & set(reader.metadata or {})
    assert "/ID" not in reader.trailer


# --------------------------------------------------------------------------- Pagefind's bundle

def test_pagefind_data_files_round_trip_through_the_codec(real_site):
    """The codec rewrites exactly what Pagefind wrote (same CBOR), so only the order can change."""
    import gzip

    files = [p for p in (real_site.site / "pagefind").rglob("*")
             if p.suffix in (".pf_meta", ".pf_filter", ".pf_index")]
    assert len(files) >= 5
    for path in files:
        raw = gzip.decompress(path.read_bytes())
        assert pagefind_stable.SIGNATURE + pagefind_stable._encode(pagefind_stable.read(path)) == raw, path.name


def test_filter_values_are_sorted_and_files_named_after_their_content(real_site, tmp_path):
    bundle = tmp_path / "pagefind"
    shutil.copytree(real_site.site / "pagefind", bundle)
    filters = sorted((bundle / "filter").glob("*.pf_filter"))
    # Scramble one filter the way Pagefind's hash map may order it, under its old name.
    victim = filters[0]
    name, values = pagefind_stable.read(victim)
    assert len(values) >= 2
    victim.write_bytes(pagefind_stable._pack([name, list(reversed(values))]))
    scrambled = digests(bundle)
    pagefind_stable.stabilise(bundle)
    assert digests(bundle) == digests(real_site.site / "pagefind")  # back to the published bytes
    assert digests(bundle) != scrambled
    for path in (bundle / "filter").glob("*.pf_filter"):
        fname, vals = pagefind_stable.read(path)
        assert [v[0] for v in vals] == sorted(v[0] for v in vals), fname


def test_a_poster_printed_afresh_equals_the_published_one(real_site):
    """Whatever the build took from the poster cache is what printing now, without it, gives."""
    from macros.render.printing import POSTER_ASSETS, Printer
    from macros.render.posters import PAPERS, PREVIEW_WIDTH

    page_file = "poster/peraturan/perbup-bengkayang-51-2020/larangan-a4/index.html"
    html = (real_site.site / page_file).read_text(encoding="utf-8")
    printer = Printer(ROOT / "content", POSTER_ASSETS, cache_dir=None)
    pdf, pages = printer.pdf(html, page_file, sheet=PAPERS[0])
    assert pages == 1
    assert pdf == (real_site.site / "poster/peraturan/perbup-bengkayang-51-2020/larangan-a4.pdf").read_bytes()
    png = printer.preview_png(pdf, PREVIEW_WIDTH)
    assert png == (real_site.site / "poster/peraturan/perbup-bengkayang-51-2020/larangan.png").read_bytes()
