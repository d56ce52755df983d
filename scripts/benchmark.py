#!/usr/bin/env python3
"""Search figures: index size, and the bytes (and time) a visitor's first search costs.

Not a test: it prints figures to compare against BENCHMARKS.md. It builds the site (or takes a
built one with --site), serves it on 127.0.0.1, and drives Debian's chromium with Playwright:

    .venv/bin/python scripts/benchmark.py [--site site/] [--query "pungutan liar"]

Bytes are counted by the server (what it sent, uncompressed, as http.server sends files; the
index files are already gzip-compressed by Pagefind). Times are measured twice: unthrottled, and
with a slow phone emulated (CPU 4x slower, 1.6 Mbit/s, 150 ms latency).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("KODEETIK_CHROMIUM", "/usr/bin/chromium")
PAGE = "peraturan/perbup-bengkayang-51-2020/"


class Recorder(http.server.SimpleHTTPRequestHandler):
    """Serves files and records how many bytes each request sent."""

    sent: list[tuple[str, int]] = []

    def send_head(self):
        f = super().send_head()
        if f is not None and hasattr(f, "fileno"):
            Recorder.sent.append((self.path, os.fstat(f.fileno()).st_size))
        return f

    def log_message(self, *args):
        pass


def build(site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"),
                    "-d", str(site)], cwd=ROOT, env=env, check=True)
    print(f"build (mkdocs + Pagefind): {time.perf_counter() - t:.1f} s")


def index_sizes(site: Path) -> list[tuple[str, int, int, int]]:
    """(part, files, bytes, gzip bytes) of the Pagefind bundle."""
    groups: dict[str, list[Path]] = defaultdict(list)
    for f in (site / "pagefind").rglob("*"):
        if f.is_file():
            rel = f.relative_to(site / "pagefind")
            part = rel.parts[0] if len(rel.parts) > 1 else (
                "wasm" if f.suffix == ".pagefind" else "meta" if f.suffix == ".pf_meta" else f.name)
            groups[part].append(f)
    out = []
    for part, files in sorted(groups.items()):
        size = sum(f.stat().st_size for f in files)
        gz = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
        out.append((part, len(files), size, gz))
    return out


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def measure(browser, base: str, query: str, slow: bool) -> dict:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    if slow:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8})
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    Recorder.sent.clear()
    page.goto(base + PAGE, wait_until="load")
    load_requests = list(Recorder.sent)
    Recorder.sent.clear()
    t0 = time.perf_counter()
    page.locator(".ke-search__open").tap()
    page.wait_for_selector("#ke-search-filter-provinsi", state="attached")  # index loaded, filters built
    t_open = time.perf_counter() - t0
    open_requests = list(Recorder.sent)
    Recorder.sent.clear()
    t0 = time.perf_counter()
    page.locator("#ke-search-input").fill(query)
    page.wait_for_selector(".ke-result__provision")
    t_query = time.perf_counter() - t0
    query_requests = list(Recorder.sent)
    Recorder.sent.clear()
    page.locator("#ke-search-input").fill(query + " imbalan")
    page.wait_for_function("() => document.querySelector('.ke-search__status').textContent.includes('imbalan')")
    page.wait_for_selector(".ke-result__provision")
    next_requests = list(Recorder.sent)
    context.close()
    search_assets = [r for r in load_requests if "search." in r[0]]
    # Only the search's own requests count below (the browser may ask for the favicon meanwhile).
    open_requests, query_requests, next_requests = (
        [r for r in reqs if r[0].startswith("/pagefind/")] for reqs in (open_requests, query_requests, next_requests))
    return {"load": load_requests, "search_assets": search_assets, "open": open_requests,
            "query": query_requests, "next": next_requests, "t_open": t_open, "t_query": t_query}


def total(requests) -> int:
    return sum(size for _, size in requests)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one in a temp dir)")
    parser.add_argument("--query", default="pungutan liar")
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is missing: .venv/bin/pip install -e '.[test]'", file=sys.stderr)
        return 2
    if not Path(CHROMIUM).is_file():
        print(f"no chromium at {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build(site)
        pages = sum(1 for _ in site.rglob("*.html"))
        print(f"\nsite: {pages} HTML files; query: {args.query!r}\n")
        print("| index part | files | bytes | gzip |\n|---|---:|---:|---:|")
        sizes = index_sizes(site)
        for part, n, size, gz in sizes:
            print(f"| {part} | {n} | {kb(size)} | {kb(gz)} |")
        print(f"| **total** | {sum(s[1] for s in sizes)} | {kb(sum(s[2] for s in sizes))} | "
              f"{kb(sum(s[3] for s in sizes))} |")

        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Recorder, directory=str(site)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_port}/"
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
            fast = measure(browser, base, args.query, slow=False)
            slow = measure(browser, base, args.query, slow=True)
            browser.close()
        httpd.shutdown()

    print("\n| step | requests | bytes |\n|---|---:|---:|")
    print(f"| page load (all of {PAGE}) | {len(fast['load'])} | {kb(total(fast['load']))} |")
    print(f"| of which search.js + search.css | {len(fast['search_assets'])} | {kb(total(fast['search_assets']))} |")
    print(f"| opening search (pagefind.js, WebAssembly, metadata, filters) | {len(fast['open'])} | {kb(total(fast['open']))} |")
    print(f"| first query (index chunks, result fragments) | {len(fast['query'])} | {kb(total(fast['query']))} |")
    print(f"| **first search, all told** | {len(fast['open']) + len(fast['query'])} | "
          f"{kb(total(fast['open']) + total(fast['query']))} |")
    print(f"| a second query | {len(fast['next'])} | {kb(total(fast['next']))} |")
    print("\n| time to | unthrottled | slow phone (CPU 4x, 1.6 Mbit/s, 150 ms) |\n|---|---:|---:|")
    print(f"| open search, index ready | {fast['t_open'] * 1000:.0f} ms | {slow['t_open'] * 1000:.0f} ms |")
    print(f"| first results shown | {fast['t_query'] * 1000:.0f} ms | {slow['t_query'] * 1000:.0f} ms |")
    print("\nrequests of the first search:")
    for path, size in fast["open"] + fast["query"]:
        print(f"  {size:>9,d}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
