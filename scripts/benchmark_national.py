#!/usr/bin/env python3
"""National-size benchmark: build the SYNTHETIC 552-regulation corpus and report the figures of
BENCHMARKS.md. Not a test (nothing here passes or fails on time); it prints a Markdown report.

    .venv/bin/python scripts/benchmark_national.py [--project DIR] [--cache DIR] [--runs cold,warm]

- `--project`: a project made by `scripts/synthetic_corpus.py` (default: make one in a temp dir);
- `--cache`: the print cache (`KODEETIK_POSTER_CACHE`); default a new temp dir, so the first build
  is cold (every poster, handbook and sheet printed) and the second warm (all reused);
- the plain mkdocs-material build: the same pages (each built page's article HTML as a Markdown
  file at the same path), the same theme and features, no kodeetik plugin, no macros, Material's own search;
  built in the same run right after ours, so the ratio compares like with like on this machine;
- the first view of a regulation page and the first search: measured in Debian's chromium on a
  phone-sized viewport (`scripts/benchmark.py` does the search part), bytes as a server with gzip
  would send them (files Pagefind already compressed counted as they are).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import benchmark as search_bench  # noqa: E402
import synthetic_corpus  # noqa: E402

TARGETS = {"build_s": 180.0, "ratio": 1.5, "first_view_kb": 300.0, "first_search_kb": 150.0}

# Runs a command and writes its wall time, CPU time of it and its children, and peak memory (the
# largest single process) as JSON: getrusage only sees the children of the process that waits.
WRAPPER = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
proc = subprocess.run(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
wall = time.perf_counter() - t
u = resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({"rc": proc.returncode, "wall": wall, "cpu": u.ru_utime + u.ru_stime, "maxrss_kb": u.ru_maxrss,
           "output": proc.stdout[-4000:]}, open(sys.argv[1], "w"))
"""


def run_measured(cmd: list[str], cwd: Path, env: dict) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as fh:
        out = Path(fh.name)
    subprocess.run([sys.executable, "-c", WRAPPER, str(out), *cmd], cwd=cwd, env=env, check=True)
    result = json.loads(out.read_text())
    out.unlink()
    if result["rc"] != 0:
        raise SystemExit(f"build failed ({' '.join(cmd)}):\n{result['output']}")
    return result


def build(project: Path, site: Path, cache: Path) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KODEETIK_POSTER_CACHE=str(cache))
    return run_measured([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                         str(project / "mkdocs.yml"), "-d", str(site)], project, env)


ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)


def plain_project(site: Path, out: Path) -> int:
    """A plain mkdocs-material project with the built site's themed pages as Markdown files."""
    docs = out / "docs"
    pages = 0
    for page in site.rglob("index.html"):
        rel = page.relative_to(site)
        if rel.parts[0] in ("pagefind", "assets"):
            continue
        match = ARTICLE.search(page.read_text(encoding="utf-8"))
        if not match:
            continue  # a standalone page (poster, handbook): printed matter, not a themed page
        target = docs / rel.parent / "index.md" if rel.parent != Path(".") else docs / "index.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        # Raw HTML between blank lines passes through Markdown unchanged.
        target.write_text("\n" + match.group(1) + "\n", encoding="utf-8")
        pages += 1
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    features = re.search(r"(?ms)^  features:\n(.*?)^  \w", config).group(1)
    (out / "mkdocs.yml").write_text(
        "site_name: Plain\nsite_url: https://plain.invalid/\ntheme:\n  name: material\n  language: id\n"
        "  font: false\n  features:\n" + features, encoding="utf-8")
    return pages


def plain_build(project: Path) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return run_measured([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                         "-d", str(project / "site")], project, env)


def transfer(site: Path, path: str) -> int:
    """Bytes a server with gzip sends for `path` (already-compressed files as they are)."""
    local = site / path.split("?")[0].lstrip("/")
    if local.is_dir():
        local = local / "index.html"
    data = local.read_bytes()
    if data[:2] == b"\x1f\x8b" or local.suffix in (".png", ".woff2", ".pdf"):
        return len(data)
    return len(gzip.compress(data, 6))


def first_view(browser, base: str, site: Path, page: str) -> list[tuple[str, int]]:
    """Every request of a phone's first view of `page`, with its transfer size."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    search_bench.Recorder.sent.clear()
    tab.goto(base + page, wait_until="networkidle")
    sent = [(p, transfer(site, p)) for p, _ in search_bench.Recorder.sent]
    context.close()
    return sent


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def check(value: float, target: float) -> str:
    return "meets" if value <= target else "**misses**"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, help="a synthetic project (default: make one)")
    parser.add_argument("--cache", type=Path, help="print cache folder (default: a new one: cold, then warm)")
    parser.add_argument("--runs", default="cold,warm", help="which builds: cold,warm (cold needs an empty cache)")
    parser.add_argument("--no-browser", action="store_true", help="skip the first-view and search figures")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="kodeetik-national-"))
    try:
        project = args.project or tmp / "project"
        if args.project is None:
            ids = synthetic_corpus.generate(project)
            print(f"synthetic project: {len(ids)} regulations in {project}")
        cache = args.cache or tmp / "cache"
        site = tmp / "site"
        results = {}
        for run in args.runs.split(","):
            if site.exists():
                shutil.rmtree(site)
            results[run] = build(project, site, cache)
            r = results[run]
            print(f"{run} build: {r['wall']:.1f} s wall, {r['cpu']:.1f} s CPU, peak {r['maxrss_kb'] / 1024:.0f} MB",
                  flush=True)
        html_files = sum(1 for _ in site.rglob("*.html"))
        themed = plain_project(site, tmp / "plain")
        plain = plain_build(tmp / "plain")
        print(f"plain mkdocs-material, {themed} pages: {plain['wall']:.1f} s", flush=True)

        regs = len(list((project / "regulations").glob("[!_]*.yaml")))
        print(f"\n## National-size build ({regs} regulations, {os.cpu_count()} cores)\n")
        print(f"Site: {html_files} HTML files, {themed} of them themed pages; "
              f"{sum(1 for _ in site.rglob('*.pdf'))} PDFs.\n")
        print("| build | wall | CPU | pages/s | peak memory | × plain mkdocs | target |\n|---|---:|---:|---:|---:|---:|---|")
        for run, r in results.items():
            ratio = r["wall"] / plain["wall"]
            print(f"| {run} | {r['wall']:.1f} s | {r['cpu']:.1f} s | {themed / r['wall']:.1f} | "
                  f"{r['maxrss_kb'] / 1024:.0f} MB | {ratio:.2f} | < {TARGETS['build_s']:.0f} s "
                  f"({check(r['wall'], TARGETS['build_s'])}), ≤ {TARGETS['ratio']} × "
                  f"({check(ratio, TARGETS['ratio'])}) |")
        print(f"| plain mkdocs-material, same pages | {plain['wall']:.1f} s | {plain['cpu']:.1f} s | "
              f"{themed / plain['wall']:.1f} | {plain['maxrss_kb'] / 1024:.0f} MB | 1 | |")

        sizes = search_bench.index_sizes(site)
        print("\n| Pagefind index part | files | bytes |\n|---|---:|---:|")
        for part, n, size, _ in sizes:
            print(f"| {part} | {n} | {kb(size)} |")
        print(f"| **total** | {sum(s[1] for s in sizes)} | {kb(sum(s[2] for s in sizes))} |")

        if args.no_browser:
            return 0
        from playwright.sync_api import sync_playwright

        page = next(str(p.parent.relative_to(site)) + "/" for p in sorted(site.glob("peraturan/*/index.html")))
        search_bench.PAGE = page
        httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(search_bench.Recorder, directory=str(site)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_port}/"
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=search_bench.CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
            view = first_view(browser, base, site, page)
            search = search_bench.measure(browser, base, "pungutan liar", slow=False)
            browser.close()
        httpd.shutdown()
        html = site / page / "index.html"
        view_total = sum(n for _, n in view)
        print(f"\n### First view of a regulation page ({page}, phone viewport)\n")
        print(f"HTML: {kb(html.stat().st_size)}, {kb(len(gzip.compress(html.read_bytes(), 6)))} gzip. "
              f"All told: {len(view)} requests, **{kb(view_total)}** gzip "
              f"(target < {TARGETS['first_view_kb']:.0f} KB: {check(view_total / 1024, TARGETS['first_view_kb'])}).\n")
        for path, n in sorted(view, key=lambda x: -x[1]):
            print(f"    {n:>9,d}  {path}")
        opened = [(p, transfer(site, p)) for p, _ in search["open"]]
        queried = [(p, transfer(site, p)) for p, _ in search["query"]]
        first = sum(n for _, n in opened + queried)
        print("\n### First search (\"pungutan liar\")\n")
        print(f"Opening: {len(opened)} requests, {kb(sum(n for _, n in opened))}; first query: {len(queried)} "
              f"requests, {kb(sum(n for _, n in queried))}; **{kb(first)}** in all (target < "
              f"{TARGETS['first_search_kb']:.0f} KB: {check(first / 1024, TARGETS['first_search_kb'])}).\n")
        for path, n in opened + queried:
            print(f"    {n:>9,d}  {path}")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
