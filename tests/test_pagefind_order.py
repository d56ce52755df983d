"""The search bundle does not depend on the order the disk lists the site's files in.

tmpfs lists a folder newest first, ext4 in an order hashed with a seed of each file system: two
copies of a site made in opposite orders on tmpfs stand for two machines.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_reproducible import digests

from macros.render.pagefind_sorted import html_pages, page_url
from macros.search import BUNDLE_DIR, build_index


def copy_in_order(site: Path, target: Path, reverse: bool) -> None:
    """Copy the site without its search bundle, creating files (and folders) in sorted or reversed order."""
    files = sorted((p for p in site.rglob("*") if p.is_file() and p.relative_to(site).parts[0] != BUNDLE_DIR),
                   key=lambda p: p.relative_to(site).as_posix(), reverse=reverse)
    for path in files:
        out = target / path.relative_to(site)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out)


@pytest.fixture
def two_copies(real_site, tmp_path):
    shm = Path("/dev/shm")
    base = Path(os.environ.get("KODEETIK_TMPFS", shm if shm.is_dir() and os.access(shm, os.W_OK) else tmp_path))
    root = Path(__import__("tempfile").mkdtemp(prefix="kodeetik-order-", dir=base))
    copy_in_order(real_site.site, root / "a", reverse=False)
    copy_in_order(real_site.site, root / "b", reverse=True)
    yield root / "a", root / "b"
    shutil.rmtree(root)


def listing(folder: Path) -> list[str]:
    return os.listdir(folder)


def test_the_bundle_is_the_same_whatever_the_listing_order(real_site, two_copies):
    a, b = two_copies
    for site in (a, b):
        build_index(site, language="id")
    first, second = digests(a / BUNDLE_DIR), digests(b / BUNDLE_DIR)
    assert first == second  # every chunk, filter, fragment and pagefind-entry.json, byte for byte
    assert first == digests(real_site.site / BUNDLE_DIR)  # and the same as the site's own build


def test_negative_control_pagefinds_own_walk_follows_the_listing(two_copies):
    """Pagefind's CLI, given the folder, numbers pages in listing order: on a file system that lists
    the two copies differently its bundles differ, which is what the test above guards against."""
    a, b = two_copies
    if listing(a) == listing(b):
        pytest.skip("this file system lists both copies alike (set KODEETIK_TMPFS to a tmpfs folder)")
    for site in (a, b):
        subprocess.run([sys.executable, "-m", "pagefind_bin", "--site", str(site), "--force-language", "id",
                        "--quiet"], check=True, capture_output=True, timeout=600)
    entries = [(site / BUNDLE_DIR / "pagefind-entry.json").read_bytes() for site in (a, b)]
    chunks = [sorted(p.name for p in (site / BUNDLE_DIR / "index").iterdir()) for site in (a, b)]
    assert entries[0] != entries[1] or chunks[0] != chunks[1]


def test_pages_are_given_sorted_with_the_urls_the_cli_gives(tmp_path):
    for name in ("z.html", "b/index.html", "a/x.html", "index.html", "pagefind/p.html", "a/c/index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<html></html>", encoding="utf-8")
    pages = [p.relative_to(tmp_path).as_posix() for p in html_pages(tmp_path, "pagefind")]
    assert pages == ["a/c/index.html", "a/x.html", "b/index.html", "index.html", "z.html"]
    assert [page_url(p) for p in pages] == ["/a/c/", "/a/x.html", "/b/", "/", "/z.html"]
    assert page_url("aindex.html") == "/aindex.html"
